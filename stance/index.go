package stance

import (
	"slices"
	"sort"
	"sync"

	"github.com/parleylab/parley/internal/gallop"
	"github.com/parleylab/parley/internal/pooled"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// partyHit is one party mention; start and end are document token indices.
type partyHit struct {
	start, end int
	code       string
}

// docIndex holds the lexicon matches of one document, with document token
// indices, so that every rule looks them up without matching twice.
type docIndex struct {
	doc     *segment.Doc
	parties []partyHit          // sorted by start
	terms   []lexicon.TermMatch // sorted by Start
	cues    []lexicon.CueMatch  // sorted by Start
	groups  []lexicon.Match     // group nouns: "both sides", "the two countries"
	// sentOf maps a token index to its sentence index when the sentences
	// are not in order (see sentence); nil otherwise.
	sentOf []int32
	atts   *attIndex // the document's attributions
	// evidence is relation's buffer, reused from one relation to the next.
	evidence []Evidence
	rels     []Relation // the relations found so far
	pairs    [][2]string
	group    []string   // buffers of targets and firstGroup
	dyads    [][]string // per sentence: the document's two main parties so far
	// The clause boundaries (see isBoundary), listed on demand: see
	// clause.go.
	bounds []int32
	segs   [][2]int32
	global bool
	sc     *scratch
	// partyAt and termAt are where the last search of parties and of
	// terms ended (see gallop.Search).
	partyAt, termAt int
}

// newIndex indexes doc; its per-token arrays are taken from sc.
func newIndex(doc *segment.Doc, ann *lexicon.Annotations, sc *scratch) *docIndex {
	n := len(doc.Tokens)
	x := &docIndex{doc: doc, sc: sc, bounds: sc.bounds[:0]}
	// The tables were matched once, each sentence on its own
	// (lexicon.AnnotateSentences).
	x.terms, x.cues = ann.Terms, ann.Cues
	x.parties = make([]partyHit, len(ann.Parties))
	for k, m := range ann.Parties {
		x.parties[k] = partyHit{start: m.Start, end: m.End, code: m.Party.Code}
	}
	for _, m := range ann.Roles {
		if m.Class == lexicon.Group {
			x.groups = append(x.groups, m.Match)
		}
	}
	var tally partyTally
	x.dyads = make([][]string, len(doc.Sentences))
	k := 0       // the next party mention
	ordered := 0 // the end of the last sentence while they are in order, or -1
	tiled := true
	for si, s := range doc.Sentences {
		if s.First >= 0 && s.Last <= n && s.First < s.Last {
			tiled = tiled && s.First == ordered
			if ordered >= 0 && s.First >= ordered {
				ordered = s.Last
			} else {
				ordered = -1
			}
			for ; k < len(x.parties) && x.parties[k].start < s.Last; k++ {
				tally.add(x.parties[k].code)
			}
		} else {
			ordered, tiled = -1, false
		}
		x.dyads[si] = tally.dyad()
	}
	if tiled && ordered == n {
		x.segs = sc.segments(len(doc.Sentences))
	}
	if ordered < 0 {
		x.sentOf = sc.int32s(n)
		for si, s := range doc.Sentences {
			if s.First >= 0 && s.Last <= n && s.First < s.Last {
				for i := s.First; i < s.Last; i++ {
					x.sentOf[i] = int32(si)
				}
			}
		}
	}
	return x
}

// sentence returns the index of the sentence that holds token i: the last
// well-formed one (First < Last inside the tokens) that does, or 0. The
// segmenter's sentences are well-formed, in order and disjoint, so the
// answer is found by binary search; other documents get a table.
func (x *docIndex) sentence(i int) int {
	if x.sentOf != nil {
		return int(x.sentOf[i])
	}
	ss := x.doc.Sentences
	// The number of sentences that start at or before i.
	lo, hi := 0, len(ss)
	for lo < hi {
		if h := int(uint(lo+hi) >> 1); ss[h].First <= i {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo > 0 && i < ss[lo-1].Last {
		return lo - 1
	}
	return 0
}

// partyTally counts the mentions of each party so far and keeps the two
// most mentioned (ties: the earlier first mention), the referent of "the
// two countries" and "their" when a sentence names no group itself.
type partyTally struct {
	codes  []string // in order of first mention
	counts []int
	top    [2]int // indices into codes of the two most mentioned, or -1
	n      int    // how many of top are set
	pair   []string
}

// add counts one mention of code. Counts only grow, so the new two most
// mentioned are among the old two and code.
func (p *partyTally) add(code string) {
	c := slices.Index(p.codes, code)
	if c < 0 {
		c = len(p.codes)
		p.codes = append(p.codes, code)
		p.counts = append(p.counts, 0)
	}
	p.counts[c]++
	switch {
	case p.n > 0 && c == p.top[0]:
	case p.n > 1 && c == p.top[1]:
		if p.before(c, p.top[0]) {
			p.top[0], p.top[1] = c, p.top[0]
		}
	case p.n == 0:
		p.top[0], p.n = c, 1
	case p.before(c, p.top[0]):
		p.top[0], p.top[1], p.n = c, p.top[0], 2
	case p.n == 1 || p.before(c, p.top[1]):
		p.top[1], p.n = c, 2
	}
}

// before reports whether party a ranks before party b.
func (p *partyTally) before(a, b int) bool {
	return p.counts[a] > p.counts[b] || (p.counts[a] == p.counts[b] && a < b)
}

// dyad returns the two most mentioned parties so far, sorted, or nil
// when fewer than two were named. The slice is shared until the pair
// changes: callers must not modify it.
func (p *partyTally) dyad() []string {
	if p.n < 2 {
		return nil
	}
	a, b := p.codes[p.top[0]], p.codes[p.top[1]]
	if a > b {
		a, b = b, a
	}
	if p.pair == nil || p.pair[0] != a || p.pair[1] != b {
		p.pair = []string{a, b}
	}
	return p.pair
}

// tokenRange returns the half-open token index range of the tokens that lie
// inside sp. hint is a token index near sp, the first token of the
// sentence of sp's attribution: the search gallops from it, so that it
// reads a few tokens near sp rather than halving the whole document,
// whose probes the processor can neither predict nor find in its cache.
// It is gallop.Search written out for tokens, which saves a call per probe
// (gallop.Search took 0.5-1 % more time end to end).
func (x *docIndex) tokenRange(sp segment.Span, hint int) (int, int) {
	toks := x.doc.Tokens
	n := len(toks)
	hint = min(max(hint, 0), n)
	// The first token starting at or after sp.Start lies in [lo, hi): the
	// tokens before lo start before sp.Start, those from hi on do not.
	lo, hi := hint, hint
	if hint < n && toks[hint].Start < sp.Start {
		lo, hi = hint+1, n
		for step := 1; lo < n; step *= 2 {
			if p := min(lo+step-1, n-1); toks[p].Start < sp.Start {
				lo = p + 1
			} else {
				hi = p
				break
			}
		}
	} else {
		lo = 0
		for step := 1; hi > 0; step *= 2 {
			if p := max(hi-step, 0); toks[p].Start >= sp.Start {
				hi = p
			} else {
				lo = p + 1
				break
			}
		}
	}
	from := lo
	for from < hi {
		if h := int(uint(from+hi) >> 1); toks[h].Start < sp.Start {
			from = h + 1
		} else {
			hi = h
		}
	}
	// The first token from there that ends after sp.End: tokens do not
	// overlap, so their ends increase too. Most spans are a few tokens
	// long (a cue, a source), so the search gallops from `from` to bound
	// the binary search by twice the span's length, not the document's.
	to, hi, step := from, n, 1
	for to < hi {
		h := to + step
		if h >= hi || toks[h-1].End > sp.End {
			hi = min(h, hi)
			break
		}
		to, step = h, 2*step
	}
	for to < hi {
		if h := int(uint(to+hi) >> 1); toks[h].End <= sp.End {
			to = h + 1
		} else {
			hi = h
		}
	}
	return from, to
}

// partiesIn returns the party mentions that lie inside [from, to).
func (x *docIndex) partiesIn(from, to int) []partyHit {
	lo := gallop.Search(x.parties, x.partyAt, func(p *partyHit) bool { return p.start < from })
	x.partyAt = lo
	hi := lo
	for hi < len(x.parties) && x.parties[hi].end <= to {
		hi++
	}
	return x.parties[lo:hi]
}

// termsIn returns the term matches that lie inside [from, to).
func (x *docIndex) termsIn(from, to int) []lexicon.TermMatch {
	lo := gallop.Search(x.terms, x.termAt, func(t *lexicon.TermMatch) bool { return t.Start < from })
	x.termAt = lo
	hi := lo
	for hi < len(x.terms) && x.terms[hi].End <= to {
		hi++
	}
	return x.terms[lo:hi]
}

// hasGroup reports whether a group noun ("both sides") lies in [from, to).
func (x *docIndex) hasGroup(from, to int) bool {
	k := sort.Search(len(x.groups), func(k int) bool { return x.groups[k].Start >= from })
	for ; k < len(x.groups) && x.groups[k].Start < to; k++ {
		if x.groups[k].End <= to {
			return true
		}
	}
	return false
}

// hasMutual reports whether [from, to) refers to a pair of parties without
// naming them: "their", "bilateral", "each other", or a group noun.
func (x *docIndex) hasMutual(from, to int) bool {
	for j := from; j < to && j < len(x.doc.Tokens); j++ {
		if isMutual(x.doc.Tokens[j].Norm) {
			return true
		}
	}
	return x.hasGroup(from, to)
}

// span returns the byte span of the tokens [from, to).
func (x *docIndex) span(from, to int) segment.Span {
	return segment.Span{Start: x.doc.Tokens[from].Start, End: x.doc.Tokens[to-1].End}
}

// scratch holds the per-token and per-sentence buffers of one
// ScoreAnnotated call (covered and used, the clause boundaries, the
// sentence table of out-of-order sentences). They are most of what the
// pass allocates, so they are reused from one document to the next
// through scratchPool; the analyzer scores documents on several
// goroutines, each call taking its own.
type scratch struct {
	ints   []int32
	bounds []int32    // docIndex.bounds
	segs   [][2]int32 // docIndex.segs
	bools  []bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// int32s returns n zeroed int32s.
func (sc *scratch) int32s(n int) []int32 {
	if cap(sc.ints) < n {
		sc.ints = make([]int32, n)
	}
	sc.ints = sc.ints[:n]
	clear(sc.ints)
	return sc.ints
}

// segments returns n pairs {-1, -1}.
func (sc *scratch) segments(n int) [][2]int32 {
	if cap(sc.segs) < n {
		sc.segs = make([][2]int32, n)
	}
	sc.segs = sc.segs[:n]
	for i := range sc.segs {
		sc.segs[i] = [2]int32{-1, -1}
	}
	return sc.segs
}

// boolSlices returns two slices of n false values each.
func (sc *scratch) boolSlices(n int) ([]bool, []bool) {
	if cap(sc.bools) < 2*n {
		sc.bools = make([]bool, 2*n)
	}
	sc.bools = sc.bools[:2*n]
	clear(sc.bools)
	return sc.bools[:n:n], sc.bools[n:]
}

// release puts sc back in the pool unless its document had more than
// pooled.MaxTokens tokens.
func (sc *scratch) release() {
	if cap(sc.bools) <= 2*pooled.MaxTokens {
		scratchPool.Put(sc)
	}
}
