package lexicon

import "fmt"

var classNames = [...]string{"report", "assert", "belief", "agree", "support", "deny", "reject", "accuse", "criticize"}

// String returns the record form of c: "report", "assert", ..., "criticize".
func (c Class) String() string { return name(classNames[:], int(c)) }

// ParseClass parses the record form of a class ("deny").
func ParseClass(s string) (Class, error) {
	i, err := parse(classNames[:], "class", s)
	return Class(i), err
}

// Stance reports whether c is a stance class (agree ... criticize), the
// classes a stance.tsv entry may have.
func (c Class) Stance() bool { return c >= Agree && c <= Criticize }

var cueKindNames = [...]string{"verb", "noun", "prep", "colon"}

// String returns the file form of k: "verb", "noun", "prep" or "colon".
func (k CueKind) String() string { return name(cueKindNames[:], int(k)) }

// ParseCueKind parses the file form of a cue kind ("verb").
func ParseCueKind(s string) (CueKind, error) {
	i, err := parse(cueKindNames[:], "cue kind", s)
	return CueKind(i), err
}

var partyKindNames = [...]string{"country", "capital", "seat", "demonym", "org", "media"}

// String returns the file form of k: "country", "capital", "seat",
// "demonym", "org" or "media".
func (k PartyKind) String() string { return name(partyKindNames[:], int(k)) }

// ParsePartyKind parses the file form of a party kind ("seat").
func ParsePartyKind(s string) (PartyKind, error) {
	i, err := parse(partyKindNames[:], "party kind", s)
	return PartyKind(i), err
}

// RoleClass is the class of a word or phrase that helps to read a source
// noun phrase.
type RoleClass uint8

// Role classes.
const (
	Title     RoleClass = iota // "president", "foreign minister", "Mr."
	OrgNoun                    // "ministry", "government", "embassy"
	MediaNoun                  // "state media", "newspaper", "news agency"
	Anonymous                  // "officials", "sources", "people familiar with the matter"
	Pronoun                    // "he", "they", "it"
	Group                      // "both leaders", "the two sides"
)

var roleClassNames = [...]string{"title", "org", "media", "anonymous", "pronoun", "group"}

// String returns the file form of c: "title", "org", "media", "anonymous",
// "pronoun" or "group".
func (c RoleClass) String() string { return name(roleClassNames[:], int(c)) }

// ParseRoleClass parses the file form of a role class ("anonymous").
func ParseRoleClass(s string) (RoleClass, error) {
	i, err := parse(roleClassNames[:], "role class", s)
	return RoleClass(i), err
}

// Referent is what a pronoun can refer to (roles.tsv, fourth column).
type Referent uint8

// Referents.
const (
	AnyReferent    Referent = iota // "you", "this": anything
	PersonReferent                 // "he", "she": one person
	GroupReferent                  // "they", "we": several persons or parties
	OrgReferent                    // "it": an organisation or a country
)

var referentNames = [...]string{"any", "person", "group", "org"}

// String returns the file form of r: "any", "person", "group" or "org".
func (r Referent) String() string { return name(referentNames[:], int(r)) }

// ParseReferent parses the file form of a referent ("person").
func ParseReferent(s string) (Referent, error) {
	i, err := parse(referentNames[:], "referent", s)
	return Referent(i), err
}

// TermKind is the list a term of MatchTerms comes from.
type TermKind uint8

// Term kinds.
const (
	StanceTerm  TermKind = iota // stance.tsv
	Negation                    // negation.txt
	Hedge                       // hedges.txt
	Intensifier                 // intensifiers.txt
)

var termKindNames = [...]string{"stance", "negation", "hedge", "intensifier"}

// String returns "stance", "negation", "hedge" or "intensifier".
func (k TermKind) String() string { return name(termKindNames[:], int(k)) }

// ParseTermKind parses the form String returns.
func ParseTermKind(s string) (TermKind, error) {
	i, err := parse(termKindNames[:], "term kind", s)
	return TermKind(i), err
}

func name(names []string, i int) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return "unknown"
}

func lookup(names []string, s string) (int, bool) {
	for i, n := range names {
		if n == s {
			return i, true
		}
	}
	return 0, false
}

func parse(names []string, what, s string) (int, error) {
	if i, ok := lookup(names, s); ok {
		return i, nil
	}
	return 0, fmt.Errorf("%w: unknown %s %q", ErrBadEntry, what, s)
}
