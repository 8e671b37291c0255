package lexicon

import (
	"sync"

	"github.com/parleylab/parley/internal/pooled"
	"github.com/parleylab/parley/segment"
)

// Annotations are the matches of all the tables in a run of tokens, each
// list left to right, as the Match methods return them; a list is nil
// when it has no match.
type Annotations struct {
	Cues    []CueMatch
	Parties []PartyMatch
	Roles   []RoleMatch
	Terms   []TermMatch
}

// Annotate returns what MatchCues, MatchParties, MatchRoles and MatchTerms
// return for toks, in one pass that looks each token up once for all the
// tables. Callers that need more than one of the lists should use it.
func (l *Lexicon) Annotate(toks []segment.Token) *Annotations {
	a := &Annotations{}
	var sc scanned
	l.scan(&sc, toks)
	l.annotate(a, toks, &sc)
	return a
}

// AnnotateSentences matches each sentence on its own, as if the Match
// methods were called on toks[s.First:s.Last], and returns the matches of
// all the sentences in order, with token indices into toks. Matches never
// cross a sentence boundary, and a "the" before a party is looked for in
// the party's sentence only. Sentences whose range is empty or not inside
// toks are skipped.
func (l *Lexicon) AnnotateSentences(toks []segment.Token, sents []segment.Sentence) *Annotations {
	a := &Annotations{}
	l.AnnotateSentencesReusing(a, toks, sents)
	a.Cues = nilIfEmpty(a.Cues)
	a.Parties = nilIfEmpty(a.Parties)
	a.Roles = nilIfEmpty(a.Roles)
	a.Terms = nilIfEmpty(a.Terms)
	return a
}

// AnnotateSentencesReusing is AnnotateSentences into a, whose lists it
// overwrites, reusing their arrays when they have room: a caller that
// annotates one document after another allocates nothing once its
// arrays have grown. A list with no match is empty, and not nil when its
// array was kept.
func (l *Lexicon) AnnotateSentencesReusing(a *Annotations, toks []segment.Token, sents []segment.Sentence) {
	n := len(toks)
	a.Cues = pooled.Reuse(a.Cues, n/cueDensity+1)
	a.Parties = pooled.Reuse(a.Parties, n/partyDensity+1)
	a.Roles = pooled.Reuse(a.Roles, n/roleDensity+1)
	a.Terms = pooled.Reuse(a.Terms, n/termDensity+1)
	sc := scans.Get().(*scanned)
	defer func() {
		if cap(sc.ids) <= pooled.MaxTokens {
			scans.Put(sc)
		}
	}()
	for _, s := range sents {
		if s.First < 0 || s.Last > n || s.First >= s.Last {
			continue
		}
		// Match into the free tail of each list, so that the checks of the
		// matchers on their previous match see this sentence's only.
		sa := Annotations{Cues: a.Cues[len(a.Cues):], Parties: a.Parties[len(a.Parties):],
			Roles: a.Roles[len(a.Roles):], Terms: a.Terms[len(a.Terms):]}
		// A sentence is scanned just before it is matched, while its
		// tokens are still in the cache.
		st := toks[s.First:s.Last]
		l.scan(sc, st)
		l.annotate(&sa, st, sc)
		a.Cues = append(a.Cues, shift(sa.Cues, s.First, func(m *CueMatch) *Match { return &m.Match })...)
		a.Parties = append(a.Parties, shift(sa.Parties, s.First, func(m *PartyMatch) *Match { return &m.Match })...)
		a.Roles = append(a.Roles, shift(sa.Roles, s.First, func(m *RoleMatch) *Match { return &m.Match })...)
		a.Terms = append(a.Terms, shift(sa.Terms, s.First, func(m *TermMatch) *Match { return &m.Match })...)
	}
}

// scans recycles the arrays of scanned between the calls of
// AnnotateSentences, which size them for the longest sentence they saw;
// arrays of more than pooled.MaxTokens are left to the garbage collector.
var scans = sync.Pool{New: func() any { return new(scanned) }}

// shift adds off to the token indices of ms and returns ms.
func shift[M any](ms []M, off int, match func(*M) *Match) []M {
	for i := range ms {
		m := match(&ms[i])
		m.Start += off
		m.End += off
	}
	return ms
}

func nilIfEmpty[M any](ms []M) []M {
	if len(ms) == 0 {
		return nil
	}
	return ms
}

// annotate appends the matches of every table in toks, scanned into sc,
// to a. The tables are matched one after the other, each on its own
// candidates.
func (l *Lexicon) annotate(a *Annotations, toks []segment.Token, sc *scanned) {
	a.Cues = l.cuesIn(a.Cues, toks, sc)
	a.Roles = l.rolesIn(a.Roles, toks, sc)
	a.Terms = l.termsIn(a.Terms, toks, sc)
	a.Parties = l.partiesIn(a.Parties, toks, sc)
}
