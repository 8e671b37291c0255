package parley

import (
	"math"

	"github.com/parleylab/parley/attribution"
)

// Record converts the analysis to its parley/v1 record with code-point
// offsets; this is the only place where byte offsets become code points.
func (r *Analysis) Record(id, lexiconVersion string) *Document {
	o := newOffsets(r.Text)
	d := &Document{
		Schema:         Schema,
		ID:             id,
		LexiconVersion: lexiconVersion,
		Sentences:      make([]Range, len(r.Doc.Sentences)),
		Attributions:   make([]Attribution, len(r.Attributions)),
		Stances:        make([]Stance, len(r.Relations)),
		Pairs:          make([]Pair, len(r.Pairs)),
	}
	if r.Repaired {
		d.Warnings = append(d.Warnings, "invalid UTF-8 replaced by U+FFFD")
	}
	for i, s := range r.Doc.Sentences {
		d.Sentences[i] = o.rng(s.Span)
	}
	for i, a := range r.Attributions {
		d.Attributions[i] = attributionRecord(o, a)
	}
	for i, s := range r.Relations {
		st := Stance{
			Source: s.Source, Target: s.Target, Label: s.Label.String(),
			Score: round4(s.Score), Negated: s.Negated, Hedged: s.Hedged,
			Sentence: s.Sentence, Attribution: optString(s.Attribution),
			Evidence: make([]Evidence, len(s.Evidence)),
		}
		for j, e := range s.Evidence {
			st.Evidence[j] = Evidence{Span: o.span(e.Span), Term: e.Term, Class: e.Class, Weight: round4(e.Weight)}
		}
		d.Stances[i] = st
	}
	for i, p := range r.Pairs {
		d.Pairs[i] = Pair{Source: p.Source, Target: p.Target, Score: round4(p.Score),
			Positive: p.Positive, Negative: p.Negative, N: p.N}
	}
	return d
}

func attributionRecord(o *offsets, a attribution.Attribution) Attribution {
	rec := Attribution{
		ID:         a.ID,
		Sentence:   a.Sentence,
		Type:       a.Type.String(),
		Cue:        Cue{Span: o.span(a.Cue.Span), Lemma: a.Cue.Lemma, Class: a.Cue.Class.String()},
		Content:    o.span(a.Content),
		Parent:     optString(a.Parent),
		Confidence: round4(a.Confidence),
	}
	if a.Source != nil {
		parties := a.Source.Parties
		if parties == nil {
			parties = []string{}
		}
		rec.Source = &Source{Span: o.span(a.Source.Span), Kind: a.Source.Kind.String(),
			Resolved: a.Source.Resolved, Parties: parties}
	}
	return rec
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// round4 rounds scores to four decimals in the record, so that sums of
// weights print as 0.58 rather than 0.5800000000000001.
func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }
