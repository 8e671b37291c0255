package lexicon

import (
	"strings"

	"github.com/parleylab/parley/segment"
)

// Match is a half-open range [Start, End) of token indices.
type Match struct{ Start, End int }

// CueMatch is one occurrence of a cue.
type CueMatch struct {
	Match
	Cue Cue
}

// PartyMatch is one gazetteer hit.
type PartyMatch struct {
	Match
	// Span is the byte span of the alias: a part of the token for a
	// hyphenated compound ("Russian" in "U.S.-Russian"), without a
	// possessive ending the tokenizer left on the word.
	Span  segment.Span
	Party Party
	Name  string // the canonical name of the party: "Russia" for "the Kremlin"
}

// RoleMatch is one occurrence of a role word or phrase.
type RoleMatch struct {
	Match
	Class  RoleClass
	Plural bool
	Refers Referent // for pronouns: what they can refer to
}

// TermMatch is one occurrence of a stance, negation, hedge or intensifier
// term.
type TermMatch struct {
	Match
	Term  string // the lexicon entry: "deny" for "denied" found through the stem
	Kind  TermKind
	Class Class // stance terms only
	// Weight is the signed weight of a stance term, or the multiplier of
	// a hedge or an intensifier; 0 for a negation.
	Weight float64
}

// MatchCues returns every cue in toks, left to right. At each token the
// longest entry wins ("reiterated support for" over "reiterated") and
// matching resumes after it, so matches never overlap. A surface that is
// both a verb form and a noun cue ("claims", "reports") is returned as the
// verb; NounCue gives the noun reading. A verb entry without forms also
// matches its regular -s/-ed/-ing forms through the stem.
func (l *Lexicon) MatchCues(toks []segment.Token) []CueMatch {
	var sc scanned
	l.scanTable(&sc, toks, tabCues)
	return l.cuesIn(nil, toks, &sc)
}

// cuesIn appends the cues of toks, scanned into sc, to out.
func (l *Lexicon) cuesIn(out []CueMatch, toks []segment.Token, sc *scanned) []CueMatch {
	next := 0
	for _, c := range sc.cand[tabCues] {
		if i := int(c); i >= next {
			if end, id := l.cueAt(toks, sc.ids, i); id != 0 {
				out = l.appendCue(out, toks, i, end, id)
				next = end
			}
		}
	}
	return out
}

// cueAt returns the end and cue id (index + 1) of the longest cue at
// toks[i], or id 0; ids are the word ids of toks.
func (l *Lexicon) cueAt(toks []segment.Token, ids []int32, i int) (end int, id int32) {
	end, id = l.longest(l.cues.first(ids[i]), toks, ids, i)
	if t := &toks[i]; id == 0 && l.cueStem.root != nil && regularForm(t) && l.stemFilter[stemPrefix(t.Norm)]&(1<<tabCues) != 0 {
		end, id = l.longest(l.cueStem.first(l.vocab.id(stem(t.Norm))), toks, ids, i)
	}
	return end, id
}

func (l *Lexicon) appendCue(out []CueMatch, toks []segment.Token, i, end int, id int32) []CueMatch {
	if out == nil {
		out = make([]CueMatch, 0, (len(toks)-i)/cueDensity+1)
	}
	return append(out, CueMatch{Match: Match{i, end}, Cue: l.src.cues[id-1].cue})
}

// About one token in cueDensity (roleDensity, ...) starts a match in news
// text; a result slice is first made for the rest of the tokens at that
// rate, so that it rarely grows. The rates are those of the first 3000
// documents of a news corpus (one cue in 25 tokens, one role in 14, one
// term in 32, one party in 106), with some slack: a list made too short
// is copied as it grows, one made too long is zeroed for nothing.
const (
	cueDensity   = 20
	roleDensity  = 10
	termDensity  = 20
	partyDensity = 48
)

// NounCue returns the noun cue of a one-token surface ("claims",
// "allegations"), also when MatchCues reads the surface as a verb.
func (l *Lexicon) NounCue(norm string) (Cue, bool) {
	if n := l.cues.first(l.vocab.id(norm)); n != nil && len(n.ids) == 2 && n.ids[1] != 0 {
		return l.src.cues[n.ids[1]-1].cue, true
	}
	return Cue{}, false
}

// The ids of the nodes of the cue, role and term tries (tnode.id). A cue
// node's is the verb reading, else the noun reading; a term node's is 1
// when it has a term of any kind, as the caller reads them all (see
// longestNode). The party and stem tries read ids instead.

func cueID(ids []int32) int32 {
	if len(ids) != 2 {
		return 0
	}
	if ids[0] != 0 {
		return ids[0]
	}
	return ids[1]
}

func roleID(ids []int32) int32 {
	if len(ids) == 1 {
		return ids[0]
	}
	return 0
}

func termID(ids []int32) int32 {
	for _, id := range ids {
		if id != 0 {
			return 1
		}
	}
	return 0
}

func noID([]int32) int32 { return 0 }

// longest walks a trie from n, the node of toks[i], whose word ids are
// ids, and returns the end and id of the longest path whose node has an
// id.
func (l *Lexicon) longest(n *tnode, toks []segment.Token, ids []int32, i int) (end int, best int32) {
	end, b := l.longestNode(n, toks, ids, i)
	if b != nil {
		best = b.id
	}
	return end, best
}

// longestNode is longest returning the node itself. Most tokens start no
// entry: the test of n inlines, the walk does not.
func (l *Lexicon) longestNode(n *tnode, toks []segment.Token, ids []int32, i int) (end int, best *tnode) {
	if n == nil {
		return 0, nil
	}
	return l.walk(n, toks, ids, i)
}

func (l *Lexicon) walk(n *tnode, toks []segment.Token, ids []int32, i int) (end int, best *tnode) {
	for j := i; n != nil; {
		if n.id != 0 {
			end, best = j+1, n
		}
		j++
		if j >= len(ids) || len(n.next) == 0 {
			break
		}
		n = n.child(l.idAt(toks, ids, j))
	}
	return end, best
}

// MatchRoles returns every role word or phrase in toks, longest first,
// left to right, without overlaps ("foreign minister" over "minister").
func (l *Lexicon) MatchRoles(toks []segment.Token) []RoleMatch {
	var sc scanned
	l.scanTable(&sc, toks, tabRoles)
	return l.rolesIn(nil, toks, &sc)
}

// rolesIn appends the roles of toks, scanned into sc, to out.
func (l *Lexicon) rolesIn(out []RoleMatch, toks []segment.Token, sc *scanned) []RoleMatch {
	next := 0
	for _, c := range sc.cand[tabRoles] {
		if i := int(c); i >= next {
			if end, id := l.longest(l.roles.first(sc.ids[i]), toks, sc.ids, i); id != 0 {
				out = l.appendRole(out, toks, i, end, id)
				next = end
			}
		}
	}
	return out
}

func (l *Lexicon) appendRole(out []RoleMatch, toks []segment.Token, i, end int, id int32) []RoleMatch {
	if out == nil {
		out = make([]RoleMatch, 0, (len(toks)-i)/roleDensity+1)
	}
	e := &l.src.roles[id-1]
	return append(out, RoleMatch{Match: Match{i, end}, Class: e.class, Plural: e.plural, Refers: e.refers})
}

// Role looks up one token norm ("spokesman") in the role table.
func (l *Lexicon) Role(norm string) (RoleClass, bool) {
	if n := l.roles.first(l.vocab.id(norm)); n != nil {
		if id := n.id; id != 0 {
			return l.src.roles[id-1].class, true
		}
	}
	return 0, false
}

// MatchTerms returns the stance, negation, hedge and intensifier terms in
// toks, longest first, left to right, without overlaps between positions:
// "refused to" (negation) wins over "refused" (stance), "positions
// coincided" over "coincided". A term listed in several files gives one
// TermMatch per file at the same position, in TermKind order. A token
// ending in "n't" matches the negation "n't"; a one-word stance term also
// matches its regular -s/-ed/-ing forms through the stem.
func (l *Lexicon) MatchTerms(toks []segment.Token) []TermMatch {
	var sc scanned
	l.scanTable(&sc, toks, tabTerms)
	return l.termsIn(nil, toks, &sc)
}

// termsIn appends the terms of toks, scanned into sc, to out.
func (l *Lexicon) termsIn(out []TermMatch, toks []segment.Token, sc *scanned) []TermMatch {
	next := 0
	for _, c := range sc.cand[tabTerms] {
		if i := int(c); i >= next {
			out, next = l.termsAt(out, toks, sc.ids, i)
		}
	}
	return out
}

// termsAt appends the terms at toks[i] and returns the index where
// matching resumes; ids are the word ids of toks.
func (l *Lexicon) termsAt(out []TermMatch, toks []segment.Token, ids []int32, i int) ([]TermMatch, int) {
	end, n := l.longestNode(l.terms.first(ids[i]), toks, ids, i)
	if n != nil {
		for _, id := range n.ids {
			if id != 0 {
				out = l.appendTerm(out, toks, i, end, id)
			}
		}
		return out, end
	}
	t := &toks[i]
	switch {
	case l.nt != 0 && len(t.Norm) > 3 && strings.HasSuffix(t.Norm, "n't"):
		out = l.appendTerm(out, toks, i, i+1, l.nt)
	case l.termStem.root != nil && regularForm(t) && l.stemFilter[stemPrefix(t.Norm)]&(1<<tabTerms) != 0:
		if n := l.termStem.first(l.vocab.id(stem(t.Norm))); n != nil {
			out = l.appendTerm(out, toks, i, i+1, n.ids[0])
		}
	}
	return out, i + 1
}

func (l *Lexicon) appendTerm(out []TermMatch, toks []segment.Token, start, end int, id int32) []TermMatch {
	if out == nil {
		out = make([]TermMatch, 0, (len(toks)-start)/termDensity+1)
	}
	e := &l.termList[id-1]
	return append(out, TermMatch{Match: Match{start, end}, Term: e.term, Kind: e.kind, Class: e.class, Weight: e.weight})
}

// MatchParties returns the gazetteer hits in toks, left to right, longest
// first. Case matters (see the package documentation): "Turkey" is a
// party, "turkey" is not; "US" is, "us" is not. A leading "the" of an
// alias is optional in text and part of the match when present. Guards
// ("South China Sea") consume their tokens and give no hit. Parts of a
// hyphenated token are looked up on their own ("U.S.-Russian" gives USA
// and RUS, both with Match of that one token and their own Span).
func (l *Lexicon) MatchParties(toks []segment.Token) []PartyMatch {
	var sc scanned
	l.scanTable(&sc, toks, tabParties)
	return l.partiesIn(nil, toks, &sc)
}

// partiesIn appends the parties of toks, scanned into sc, to out. The
// candidates of the parties are words and numbers only.
func (l *Lexicon) partiesIn(out []PartyMatch, toks []segment.Token, sc *scanned) []PartyMatch {
	next := 0
	for _, c := range sc.cand[tabParties] {
		if i := int(c); i >= next {
			out, next = l.partiesAt(out, toks, sc.ids, i)
		}
	}
	return out
}

// partyID returns the word id of the party key of t, whose norm has the
// word id id: the key differs from the norm only by a final period.
func (l *Lexicon) partyID(t *segment.Token, id int32) int32 {
	if n := t.Norm; len(n) > 1 && n[len(n)-1] == '.' {
		return l.vocab.id(partyKey(n))
	}
	return id
}

// partiesAt appends the parties at the word or number toks[i] and returns
// the index where matching resumes; ids are the word ids of toks.
func (l *Lexicon) partiesAt(out []PartyMatch, toks []segment.Token, ids []int32, i int) ([]PartyMatch, int) {
	t := &toks[i]
	end, id, spanEnd := l.longestParty(toks, ids, i)
	if id != 0 {
		e := &l.src.parties[id-1]
		if e.guard {
			return out, end
		}
		givenName := e.givenName && spanEnd == toks[end-1].End && end < len(toks) &&
			toks[end].Kind == segment.Word && capWord(toks[end].Text)
		the := e.the && i > 0 && toks[i-1].Norm == "the" && (len(out) == 0 || out[len(out)-1].End < i)
		if !givenName && (the || !e.needsThe) {
			start, sp := i, t.Start
			if the {
				start, sp = i-1, toks[i-1].Start
			}
			out = l.appendParty(out, toks, i, PartyMatch{Match: Match{start, end}, Span: segment.Span{Start: sp, End: spanEnd},
				Party: e.party, Name: l.names[e.party.Code]})
			return out, end
		}
	}
	if t.Kind == segment.Word && strings.IndexByte(t.Text, '-') > 0 {
		out = l.hyphenParts(out, toks, i)
	}
	return out, i + 1
}

func (l *Lexicon) appendParty(out []PartyMatch, toks []segment.Token, i int, m PartyMatch) []PartyMatch {
	if out == nil {
		out = make([]PartyMatch, 0, (len(toks)-i)/partyDensity+1)
	}
	return append(out, m)
}

// longestParty returns the end, alias id and byte end of the longest
// alias at toks[i] whose case rules hold; ids are the word ids of toks. A
// token with a possessive ending ("China’s", when the tokenizer kept it)
// may end an alias without it.
func (l *Lexicon) longestParty(toks []segment.Token, ids []int32, i int) (end int, best int32, spanEnd int) {
	var n *tnode
	for j := i; j < len(toks); j++ {
		t := &toks[j]
		text, last := t.Text, false
		var c *tnode
		if pid := l.partyID(t, l.idAt(toks, ids, j)); j == i {
			c = l.parties.first(pid)
		} else {
			c = n.child(pid)
		}
		if c == nil {
			if !strings.HasSuffix(t.Norm, "'s") {
				break
			}
			base, ok := cutPossessive(t.Text)
			if !ok {
				break
			}
			if k := l.vocab.id(partyKey(t.Norm[:len(t.Norm)-2])); j == i {
				c = l.parties.first(k)
			} else {
				c = n.child(k)
			}
			text, last = base, true
			if c == nil {
				break
			}
		}
		n = c
		for _, id := range n.ids {
			if l.casesHold(&l.src.parties[id-1], toks, i, j, text) {
				end, best, spanEnd = j+1, id, t.Start+len(text)
				break
			}
		}
		if last || len(n.next) == 0 {
			break
		}
	}
	return end, best, spanEnd
}

// casesHold checks the case rules of e against toks[i..j], the text of
// toks[j] being lastText.
func (l *Lexicon) casesHold(e *partyEntry, toks []segment.Token, i, j int, lastText string) bool {
	if len(e.raw) != j-i+1 {
		return false
	}
	for k, raw := range e.raw {
		text := toks[i+k].Text
		if i+k == j {
			text = lastText
		}
		if !caseOK(e.cases[k], text, raw) {
			return false
		}
	}
	return true
}

// hyphenParts appends the one-token aliases among the parts of the
// hyphenated token toks[i].
func (l *Lexicon) hyphenParts(out []PartyMatch, toks []segment.Token, i int) []PartyMatch {
	t := &toks[i]
	text, nrm := t.Text, t.Norm
	if strings.Count(text, "-") != strings.Count(nrm, "-") {
		return out
	}
	off := 0
	for text != "" {
		pt, restT, _ := strings.Cut(text, "-")
		pn, restN, _ := strings.Cut(nrm, "-")
		if c := l.parties.first(l.vocab.id(partyKey(pn))); c != nil && pt != "" {
			for _, id := range c.ids {
				e := &l.src.parties[id-1]
				if len(e.raw) == 1 && !e.guard && caseOK(e.cases[0], pt, e.raw[0]) {
					out = l.appendParty(out, toks, i, PartyMatch{Match: Match{i, i + 1},
						Span:  segment.Span{Start: t.Start + off, End: t.Start + off + len(pt)},
						Party: e.party, Name: l.names[e.party.Code]})
					break
				}
			}
		}
		off += len(pt) + 1
		text, nrm = restT, restN
	}
	return out
}
