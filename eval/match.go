package eval

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Mode is a way of telling whether a predicted span matches a gold one.
type Mode int

// Match modes.
const (
	Exact      Mode = iota // identical offsets (after normalisation)
	FirstToken             // the same first word token
	Overlap                // word-token Jaccard overlap >= θ
	numModes
)

var modeNames = [...]string{"exact", "first_token", "overlap"}

// String returns the mode's name in reports: exact, first_token, overlap.
func (m Mode) String() string {
	if m >= 0 && m < numModes {
		return modeNames[m]
	}
	return "unknown"
}

// SpanType is one of the three spans of an attribution.
type SpanType int

// Span types.
const (
	SourceSpan SpanType = iota
	CueSpan
	ContentSpan
	numTypes
)

var typeNames = [...]string{"source", "cue", "content"}

// String returns the span type's name in reports: source, cue, content.
func (t SpanType) String() string {
	if t >= 0 && t < numTypes {
		return typeNames[t]
	}
	return "unknown"
}

// DefaultTheta is the default Jaccard threshold of the Overlap mode.
const DefaultTheta = 0.5

// quoteMarks are the quotation marks trimmed by normalisation.
const quoteMarks = "\"'“”‘’«»‹›„‚`"

// textIndex holds a text's word tokens: maximal runs of letters, digits
// and combining marks, as code-point offsets. Whitespace and punctuation
// separate tokens and are not tokens.
type textIndex struct {
	runes  []rune
	starts []int
	ends   []int
}

func newTextIndex(text string) *textIndex {
	ix := &textIndex{runes: []rune(text)}
	in := false
	for i, r := range ix.runes {
		w := isWordRune(r)
		switch {
		case w && !in:
			ix.starts = append(ix.starts, i)
			in = true
		case !w && in:
			ix.ends = append(ix.ends, i)
			in = false
		}
	}
	if in {
		ix.ends = append(ix.ends, len(ix.runes))
	}
	return ix
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// tokens returns the indices of the word tokens that overlap the
// fragments, sorted and without duplicates.
func (ix *textIndex) tokens(fr []Frag) []int {
	var out []int
	for _, f := range fr {
		// first token whose end is after f.Start
		i := sort.SearchInts(ix.ends, f.Start+1)
		for ; i < len(ix.starts) && ix.starts[i] < f.End; i++ {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// jaccard returns |A∩B| / |A∪B| of two sorted token sets; for two spans
// without word tokens it is 1 when they overlap and 0 otherwise.
func (ix *textIndex) jaccard(a, b []Frag) float64 {
	ta, tb := ix.tokens(a), ix.tokens(b)
	if len(ta) == 0 && len(tb) == 0 {
		if overlap(a, b) > 0 {
			return 1
		}
		return 0
	}
	inter, i, j := 0, 0, 0
	for i < len(ta) && j < len(tb) {
		switch {
		case ta[i] == tb[j]:
			inter++
			i++
			j++
		case ta[i] < tb[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(ta)+len(tb)-inter)
}

// firstToken returns the start of the first word token of fr, or the
// start of fr when it has none.
func (ix *textIndex) firstToken(fr []Frag) int {
	if t := ix.tokens(fr); len(t) > 0 {
		return ix.starts[t[0]]
	}
	return fr[0].Start
}

// overlap returns the number of code points the two spans share.
func overlap(a, b []Frag) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if s, e := max(x.Start, y.Start), min(x.End, y.End); e > s {
				n += e - s
			}
		}
	}
	return n
}

// matches reports whether predicted span p matches gold span g under
// mode, and a score that ranks candidate pairs (higher first).
func (ix *textIndex) matches(g, p []Frag, mode Mode, theta float64) (float64, bool) {
	if len(g) == 0 || len(p) == 0 {
		return 0, false
	}
	j := ix.jaccard(g, p)
	switch mode {
	case Exact:
		return j, slices.Equal(g, p)
	case FirstToken:
		return j, ix.firstToken(g) == ix.firstToken(p)
	case Overlap:
		return j, j >= theta
	}
	return 0, false
}

// assign matches gold items to predicted items one to one, greedily: the
// candidate pairs accepted by ok are taken by descending score, ties by
// gold then predicted order. It returns, for each predicted item, the
// index of its gold item or -1.
func assign(ng, np int, ok func(g, p int) (float64, bool), usedGold []bool) []int {
	type cand struct {
		g, p  int
		score float64
	}
	var cs []cand
	for g := 0; g < ng; g++ {
		if usedGold != nil && usedGold[g] {
			continue
		}
		for p := 0; p < np; p++ {
			if s, yes := ok(g, p); yes {
				cs = append(cs, cand{g, p, s})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	out := make([]int, np)
	for i := range out {
		out[i] = -1
	}
	taken := make([]bool, ng)
	for _, c := range cs {
		if taken[c.g] || out[c.p] >= 0 {
			continue
		}
		taken[c.g], out[c.p] = true, c.g
	}
	return out
}

// auxiliaries are the words dropped from the start of a PolNeAR cue by
// normalisation, besides any word ending in "ly".
var auxiliaries = map[string]bool{
	"am": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"has": true, "have": true, "had": true, "having": true,
	"will": true, "would": true, "shall": true, "should": true, "can": true, "could": true,
	"may": true, "might": true, "must": true, "do": true, "does": true, "did": true,
	"also": true, "further": true, "later": true, "then": true, "again": true, "once": true,
	"still": true, "already": true, "just": true, "even": true, "first": true, "now": true, "often": true, "always": true,
}

// normalize applies the PolNeAR normalisation to the fragments of one
// span of type t over text runes: outer whitespace, punctuation and quote
// marks are trimmed from each fragment; a leading "that" is dropped from
// a content's first fragment and leading auxiliaries and adverbs from
// each cue fragment (while another word follows). Fragments left empty
// are dropped.
func normalize(runes []rune, fr []Frag, t SpanType) []Frag {
	var out []Frag
	for i, f := range fr {
		f = trimFrag(runes, f)
		switch {
		case t == ContentSpan && i == 0:
			if w, next := firstWord(runes, f); strings.EqualFold(w, "that") && next < f.End {
				f = trimFrag(runes, Frag{next, f.End})
			}
		case t == CueSpan:
			for {
				w, next := firstWord(runes, f)
				lw := strings.ToLower(w)
				if next >= f.End || !(auxiliaries[lw] || len(lw) > 3 && strings.HasSuffix(lw, "ly")) {
					break
				}
				f = trimFrag(runes, Frag{next, f.End})
			}
		}
		if f.End > f.Start {
			out = append(out, f)
		}
	}
	return out
}

// trimFrag trims whitespace, punctuation, symbols and quote marks from
// both ends of f.
func trimFrag(runes []rune, f Frag) Frag {
	trim := func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || strings.ContainsRune(quoteMarks, r)
	}
	for f.Start < f.End && trim(runes[f.Start]) {
		f.Start++
	}
	for f.End > f.Start && trim(runes[f.End-1]) {
		f.End--
	}
	return f
}

// firstWord returns the leading word of f (the runes before the first
// whitespace) and the offset of the next non-space rune, or f.End when
// the word is all of f.
func firstWord(runes []rune, f Frag) (string, int) {
	i := f.Start
	for i < f.End && !unicode.IsSpace(runes[i]) {
		i++
	}
	w := string(runes[f.Start:i])
	for i < f.End && unicode.IsSpace(runes[i]) {
		i++
	}
	return w, i
}
