package parley

import (
	"math"

	"github.com/parleylab/parley/attribution"
)

// Record converts the analysis to its parley/v1 record with code-point
// offsets; this is the only place where byte offsets become code points.
//
// The record's small pieces (the sources, the parent and attribution IDs
// the record points to, the evidence lists) are made in one allocation
// each for the whole document rather than one per attribution or stance.
func (r *Analysis) Record(id, lexiconVersion string) *Document {
	d := new(Document)
	r.recordInto(d, id, lexiconVersion, &recordMem{})
	return d
}

// recordMem holds the arrays of a record for the next one (see
// Analyzer.AnalyzeFunc).
type recordMem struct {
	doc       Document
	sentences []Range
	atts      []Attribution
	stances   []Stance
	pairs     []Pair
	evidence  []Evidence
	buf       recordBuf
}

// recordInto is Record into d, with its arrays taken from mem when they
// have room, and kept there.
func (r *Analysis) recordInto(d *Document, id, lexiconVersion string, mem *recordMem) {
	o := newOffsets(r.Text)
	defer o.release()
	mem.sentences = reuse(mem.sentences, len(r.Doc.Sentences))
	mem.atts = reuse(mem.atts, len(r.Attributions))
	mem.stances = reuse(mem.stances, len(r.Relations))
	mem.pairs = reuse(mem.pairs, len(r.Pairs))
	*d = Document{
		Schema:         Schema,
		ID:             id,
		LexiconVersion: lexiconVersion,
		Sentences:      mem.sentences,
		Attributions:   mem.atts,
		Stances:        mem.stances,
		Pairs:          mem.pairs,
	}
	if r.Repaired {
		d.Warnings = append(d.Warnings, "invalid UTF-8 replaced by U+FFFD")
	}
	for i, s := range r.Doc.Sentences {
		d.Sentences[i] = o.rng(s.Span)
	}
	var nSources, nIDs, nEvidence int
	for i := range r.Attributions {
		a := &r.Attributions[i]
		if a.Source != nil {
			nSources++
		}
		if a.Parent != "" {
			nIDs++
		}
	}
	for i := range r.Relations {
		if r.Relations[i].Attribution != "" {
			nIDs++
		}
		nEvidence += len(r.Relations[i].Evidence)
	}
	// sized for all, so that appending never moves them
	b := &mem.buf
	b.sources, b.ids = reuse(b.sources, nSources)[:0], reuse(b.ids, nIDs)[:0]
	for i := range r.Attributions {
		d.Attributions[i] = b.attribution(o, &r.Attributions[i])
	}
	mem.evidence = reuse(mem.evidence, nEvidence)
	evidence := mem.evidence
	for i := range r.Relations {
		s := &r.Relations[i]
		n := len(s.Evidence)
		st := Stance{
			Source: s.Source, Target: s.Target, Label: s.Label.String(),
			Score: round4(s.Score), Negated: s.Negated, Hedged: s.Hedged,
			Sentence: s.Sentence, Attribution: b.optString(s.Attribution),
			Evidence: evidence[:n:n],
		}
		evidence = evidence[n:]
		for j, e := range s.Evidence {
			st.Evidence[j] = Evidence{Span: o.span(e.Span), Term: e.Term, Class: e.Class, Weight: round4(e.Weight)}
		}
		d.Stances[i] = st
	}
	for i, p := range r.Pairs {
		d.Pairs[i] = Pair{Source: p.Source, Target: p.Target, Score: round4(p.Score),
			Positive: p.Positive, Negative: p.Negative, N: p.N}
	}
}

// reuse returns s with length n, over its array when it has room: every
// element is then overwritten by the caller. It is never nil, which the
// record would encode as null rather than [].
func reuse[T any](s []T, n int) []T {
	if s == nil || cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// recordBuf holds the backing arrays of the pointers of one record, sized
// exactly by Record, so that appending never moves them.
type recordBuf struct {
	sources []Source
	ids     []string
}

func (b *recordBuf) attribution(o *offsets, a *attribution.Attribution) Attribution {
	rec := Attribution{
		ID:         a.ID,
		Sentence:   a.Sentence,
		Type:       a.Type.String(),
		Cue:        Cue{Span: o.span(a.Cue.Span), Lemma: a.Cue.Lemma, Class: a.Cue.Class.String()},
		Content:    o.span(a.Content),
		Parent:     b.optString(a.Parent),
		Confidence: round4(a.Confidence),
	}
	if a.Source != nil {
		parties := a.Source.Parties
		if parties == nil {
			parties = []string{}
		}
		b.sources = append(b.sources, Source{Span: o.span(a.Source.Span), Kind: a.Source.Kind.String(),
			Resolved: a.Source.Resolved, Parties: parties})
		rec.Source = &b.sources[len(b.sources)-1]
	}
	return rec
}

// optString returns a pointer to s, or nil for "".
func (b *recordBuf) optString(s string) *string {
	if s == "" {
		return nil
	}
	b.ids = append(b.ids, s)
	return &b.ids[len(b.ids)-1]
}

// round4 rounds scores to four decimals in the record, so that sums of
// weights print as 0.58 rather than 0.5800000000000001.
func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }
