package eval

import (
	"encoding/json"
	"math"
	"slices"

	"github.com/parleylab/parley"
)

// Counts are the matching counts of one span type or relation set.
type Counts struct {
	TP   int `json:"tp"`   // matched predicted (= matched gold) items
	Pred int `json:"pred"` // predicted items, less those that matched optional gold
	Gold int `json:"gold"` // required gold items
}

// Add returns the sum of c and d.
func (c Counts) Add(d Counts) Counts { return Counts{c.TP + d.TP, c.Pred + d.Pred, c.Gold + d.Gold} }

// P returns the precision TP/Pred, NaN when nothing was predicted.
func (c Counts) P() float64 { return ratio(c.TP, c.Pred) }

// R returns the recall TP/Gold, NaN when there is no gold item.
func (c Counts) R() float64 { return ratio(c.TP, c.Gold) }

// F1 returns 2TP/(Pred+Gold), the harmonic mean of P and R; 0 when TP is 0
// and NaN when there are neither predicted nor gold items.
func (c Counts) F1() float64 { return ratio(2*c.TP, c.Pred+c.Gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Linked are the counts of the linked-triple (Citron) protocol for one
// match mode.
type Linked struct {
	Cue     Counts `json:"cue"`     // attributions matched by overlapping cues
	Source  Counts `json:"source"`  // matched pairs whose sources match / attributions with a source
	Content Counts `json:"content"` // matched pairs whose contents match / attributions with content
	Triple  Counts `json:"triple"`  // matched pairs whose source (or lack of one) and content match / attributions
}

// Add returns the sum of l and m.
func (l Linked) Add(m Linked) Linked {
	return Linked{l.Cue.Add(m.Cue), l.Source.Add(m.Source), l.Content.Add(m.Content), l.Triple.Add(m.Triple)}
}

// DocScore holds one document's counts for every metric. Counts add up
// over documents, so a set of documents is scored by summing them
// (micro-averaging) and bootstrap resamples documents.
type DocScore struct {
	ID        string
	Spans     [numModes][numTypes]Counts // span level, each type on its own (CofeNet)
	Linked    [numModes]Linked           // linked triples (Citron)
	Party     Counts                     // source parties: TP = right sets; Pred = Gold = matched pairs whose gold source has parties
	Relations Counts                     // (source, target, polarity) sets
	Pairs     Counts                     // (source, target) sets, polarity ignored
}

// Add returns the sum of d and e (ID is d's).
func (d DocScore) Add(e DocScore) DocScore {
	for m := range numModes {
		for t := range numTypes {
			d.Spans[m][t] = d.Spans[m][t].Add(e.Spans[m][t])
		}
		d.Linked[m] = d.Linked[m].Add(e.Linked[m])
	}
	d.Party = d.Party.Add(e.Party)
	d.Relations = d.Relations.Add(e.Relations)
	d.Pairs = d.Pairs.Add(e.Pairs)
	return d
}

// Sum returns the sum of the scores.
func Sum(scores []DocScore) DocScore {
	var s DocScore
	for _, d := range scores {
		s = s.Add(d)
	}
	s.ID = ""
	return s
}

// Options set how documents are compared.
type Options struct {
	Theta float64 // Jaccard threshold of the Overlap mode; 0 or less: DefaultTheta
	// PolNeAR applies the PolNeAR conventions to both sides: normalised
	// spans, each fragment a span of its own, only outermost predicted
	// attributions.
	PolNeAR bool
}

// Attr is an attribution as scored: fragments of code-point offsets.
type Attr struct {
	Source, Cue, Content []Frag
	Parties              []string // the source's party codes, sorted
	Optional             bool
}

// Attrs returns the attributions of doc as scored. With PolNeAR set,
// spans are normalised, fragments stored by ReadPolNeAR are used, and
// nested attributions (parent set) are left out.
func Attrs(doc *parley.Document, opt Options) []Attr {
	if doc == nil {
		return nil
	}
	runes := []rune(doc.Text)
	var stored []Fragments
	if raw, ok := doc.Meta[MetaFragments]; ok {
		if json.Unmarshal(raw, &stored) != nil || len(stored) != len(doc.Attributions) {
			stored = nil
		}
	}
	frag := func(s parley.Span) []Frag {
		if s.End <= s.Start {
			return nil
		}
		return []Frag{{s.Start, s.End}}
	}
	var out []Attr
	for i, a := range doc.Attributions {
		if opt.PolNeAR && a.Parent != nil {
			continue
		}
		x := Attr{Cue: frag(a.Cue.Span), Content: frag(a.Content), Optional: a.Optional}
		if a.Source != nil {
			x.Source = frag(a.Source.Span)
			x.Parties = slices.Sorted(slices.Values(a.Source.Parties))
		}
		if stored != nil {
			x.Source, x.Cue, x.Content = stored[i].Source, stored[i].Cue, stored[i].Content
		}
		if opt.PolNeAR && len(runes) > 0 {
			x.Source = normalize(runes, clip(x.Source, len(runes)), SourceSpan)
			x.Cue = normalize(runes, clip(x.Cue, len(runes)), CueSpan)
			x.Content = normalize(runes, clip(x.Content, len(runes)), ContentSpan)
		}
		out = append(out, x)
	}
	return out
}

// clip drops fragments that do not lie in a text of n code points.
func clip(fr []Frag, n int) []Frag {
	var out []Frag
	for _, f := range fr {
		if f.Start >= 0 && f.Start <= f.End && f.End <= n {
			out = append(out, f)
		}
	}
	return out
}

// ScoreDocument compares the predictions for one document with its gold
// record; pred may be nil (nothing predicted). The text is the gold's.
func ScoreDocument(gold, pred *parley.Document, opt Options) DocScore {
	theta := opt.Theta
	if theta <= 0 {
		theta = DefaultTheta
	}
	ix := newTextIndex(gold.Text)
	if pred != nil && pred.Text == "" {
		// Predictions made without --text are normalised on the gold text.
		cp := *pred
		cp.Text = gold.Text
		pred = &cp
	}
	g, p := Attrs(gold, opt), Attrs(pred, opt)
	ds := DocScore{ID: gold.ID}
	for t := range numTypes {
		req, optional, prd := spanSets(g, p, t, opt.PolNeAR)
		for m := range numModes {
			ds.Spans[m][t] = matchSpans(ix, req, optional, prd, m, theta)
		}
	}
	for m := range numModes {
		ds.Linked[m] = matchLinked(ix, g, p, m, theta)
	}
	ds.Party = matchParties(ix, g, p)
	var predStances []parley.Stance
	if pred != nil {
		predStances = pred.Stances
	}
	gt, pt := StanceTriples(gold.Stances), StanceTriples(predStances)
	ds.Relations, ds.Pairs = CompareTriples(gt, pt), ComparePairs(gt, pt)
	return ds
}

// spanSets returns the distinct spans of type t: required gold, optional
// gold (not also required) and predicted. With split set each fragment
// is a span of its own.
func spanSets(g, p []Attr, t SpanType, split bool) (req, optional, pred [][]Frag) {
	add := func(set [][]Frag, fr []Frag) [][]Frag {
		var parts [][]Frag
		if split {
			for _, f := range fr {
				parts = append(parts, []Frag{f})
			}
		} else if len(fr) > 0 {
			parts = [][]Frag{fr}
		}
		for _, x := range parts {
			if !slices.ContainsFunc(set, func(y []Frag) bool { return slices.Equal(x, y) }) {
				set = append(set, x)
			}
		}
		return set
	}
	for _, a := range g {
		if !a.Optional {
			req = add(req, a.span(t))
		}
	}
	for _, a := range g {
		if a.Optional {
			for _, x := range add(nil, a.span(t)) {
				if !slices.ContainsFunc(req, func(y []Frag) bool { return slices.Equal(x, y) }) {
					optional = add(optional, x)
				}
			}
		}
	}
	for _, a := range p {
		pred = add(pred, a.span(t))
	}
	return req, optional, pred
}

func (a Attr) span(t SpanType) []Frag {
	switch t {
	case SourceSpan:
		return a.Source
	case CueSpan:
		return a.Cue
	}
	return a.Content
}

// matchSpans counts the one-to-one matches of predicted spans with
// required gold spans under mode m; predicted spans left over that
// overlap an optional gold span (whatever the mode: its boundaries are
// not judged) count neither way.
func matchSpans(ix *textIndex, req, optional, pred [][]Frag, m Mode, theta float64) Counts {
	to := assign(len(req), len(pred), func(g, p int) (float64, bool) { return ix.matches(req[g], pred[p], m, theta) }, nil)
	c := Counts{Pred: len(pred), Gold: len(req)}
	var rest [][]Frag
	for p, g := range to {
		if g >= 0 {
			c.TP++
		} else {
			rest = append(rest, pred[p])
		}
	}
	toOpt := assign(len(optional), len(rest), func(g, p int) (float64, bool) {
		n := overlap(optional[g], rest[p])
		return float64(n), n > 0
	}, nil)
	for _, g := range toOpt {
		if g >= 0 {
			c.Pred--
		}
	}
	return c
}

// linkAttrs pairs predicted with gold attributions whose cues overlap,
// one to one by descending overlap: required gold first, then optional
// gold. It returns each predicted attribution's gold index or -1, and
// whether it matched an optional one.
func linkAttrs(g, p []Attr) (to []int, optional []bool) {
	to = assign(len(g), len(p), func(gi, pi int) (float64, bool) {
		if g[gi].Optional {
			return 0, false
		}
		n := overlap(g[gi].Cue, p[pi].Cue)
		return float64(n), n > 0
	}, nil)
	used := make([]bool, len(g))
	for _, gi := range to {
		if gi >= 0 {
			used[gi] = true
		}
	}
	var restIdx []int
	for pi, gi := range to {
		if gi < 0 {
			restIdx = append(restIdx, pi)
		}
	}
	rest := make([]Attr, len(restIdx))
	for i, pi := range restIdx {
		rest[i] = p[pi]
	}
	optional = make([]bool, len(p))
	toOpt := assign(len(g), len(rest), func(gi, ri int) (float64, bool) {
		if !g[gi].Optional {
			return 0, false
		}
		n := overlap(g[gi].Cue, rest[ri].Cue)
		return float64(n), n > 0
	}, used)
	for ri, gi := range toOpt {
		if gi >= 0 {
			optional[restIdx[ri]] = true
			to[restIdx[ri]] = gi
		}
	}
	return to, optional
}

// matchLinked scores attributions under the Citron protocol.
func matchLinked(ix *textIndex, g, p []Attr, m Mode, theta float64) Linked {
	to, optional := linkAttrs(g, p)
	var l Linked
	for _, a := range g {
		if a.Optional {
			continue
		}
		l.Cue.Gold++
		l.Triple.Gold++
		if len(a.Source) > 0 {
			l.Source.Gold++
		}
		if len(a.Content) > 0 {
			l.Content.Gold++
		}
	}
	for pi, a := range p {
		if optional[pi] {
			continue
		}
		l.Cue.Pred++
		l.Triple.Pred++
		if len(a.Source) > 0 {
			l.Source.Pred++
		}
		if len(a.Content) > 0 {
			l.Content.Pred++
		}
		gi := to[pi]
		if gi < 0 {
			continue
		}
		l.Cue.TP++
		_, srcOK := ix.matches(g[gi].Source, a.Source, m, theta)
		_, cntOK := ix.matches(g[gi].Content, a.Content, m, theta)
		if srcOK {
			l.Source.TP++
		}
		if cntOK {
			l.Content.TP++
		}
		noSource := len(g[gi].Source) == 0 && len(a.Source) == 0
		if (srcOK || noSource) && cntOK {
			l.Triple.TP++
		}
	}
	return l
}

// matchParties counts, over the cue-linked pairs whose gold source names
// parties, those whose predicted source has the same party set.
func matchParties(ix *textIndex, g, p []Attr) Counts {
	to, optional := linkAttrs(g, p)
	var c Counts
	for pi, gi := range to {
		if gi < 0 || optional[pi] || len(g[gi].Parties) == 0 {
			continue
		}
		c.Pred++
		c.Gold++
		if len(p[pi].Source) > 0 && slices.Equal(g[gi].Parties, p[pi].Parties) {
			c.TP++
		}
	}
	return c
}

// StanceTriples returns the distinct (source, target, polarity) relations
// of a document's stances: negated ones and self-relations left out,
// polarity +1 for agree and support and -1 for the other labels.
func StanceTriples(stances []parley.Stance) []Triple {
	var out []Triple
	for _, s := range stances {
		if s.Negated || s.Source == s.Target {
			continue
		}
		pol := -1
		if s.Label == "agree" || s.Label == "support" {
			pol = 1
		}
		t := Triple{s.Source, s.Target, pol}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// CompareTriples counts the relations of pred found in gold; both are
// taken as sets.
func CompareTriples(gold, pred []Triple) Counts {
	g := slices.Clone(gold)
	g = slices.DeleteFunc(g, func(t Triple) bool { return t.Source == t.Target })
	slices.SortFunc(g, compareTriple)
	g = slices.Compact(g)
	p := slices.Clone(pred)
	p = slices.DeleteFunc(p, func(t Triple) bool { return t.Source == t.Target })
	slices.SortFunc(p, compareTriple)
	p = slices.Compact(p)
	c := Counts{Pred: len(p), Gold: len(g)}
	for _, t := range p {
		if _, ok := slices.BinarySearchFunc(g, t, compareTriple); ok {
			c.TP++
		}
	}
	return c
}

// ComparePairs counts the (source, target) pairs of pred found in gold,
// whatever their polarity.
func ComparePairs(gold, pred []Triple) Counts {
	strip := func(ts []Triple) []Triple {
		out := make([]Triple, len(ts))
		for i, t := range ts {
			out[i] = Triple{Source: t.Source, Target: t.Target}
		}
		return out
	}
	return CompareTriples(strip(gold), strip(pred))
}

func compareTriple(a, b Triple) int {
	switch {
	case a.Source != b.Source:
		return cmpStr(a.Source, b.Source)
	case a.Target != b.Target:
		return cmpStr(a.Target, b.Target)
	}
	return a.Polarity - b.Polarity
}

func cmpStr(a, b string) int {
	if a < b {
		return -1
	}
	return 1
}
