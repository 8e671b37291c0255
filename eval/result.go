package eval

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// Score is a precision / recall / F1 line of a report, with the F1's
// bootstrap interval.
type Score struct {
	P    Num `json:"p"`
	R    Num `json:"r"`
	F1   Num `json:"f1"`
	F1Lo Num `json:"f1_lo"`
	F1Hi Num `json:"f1_hi"`
	Counts
}

// ClaimResult is the claim-level part of a result.
type ClaimResult struct {
	Accuracy  Interval         `json:"accuracy"`
	MacroF1   Interval         `json:"macro_f1"`
	Labels    []string         `json:"labels"` // the gold labels, the classes of MacroF1
	PerClass  map[string]Score `json:"per_class"`
	Confusion ConfusionMatrix  `json:"confusion"`
	// FNC-1 only: the weighted score, its maximum and the percentage.
	FNCScore   Num       `json:"fnc_score,omitempty"`
	FNCMax     Num       `json:"fnc_max,omitempty"`
	FNCPercent *Interval `json:"fnc_percent,omitempty"`
}

// ConfusionMatrix counts items by gold label (rows) and predicted label
// (columns), both in the order of Labels.
type ConfusionMatrix struct {
	Labels []string `json:"labels"`
	Counts [][]int  `json:"counts"`
}

// Result is the outcome of scoring one dataset.
type Result struct {
	Name   string `json:"name"`
	Format string `json:"format"`
	Gold   string `json:"gold"`
	Split  string `json:"split,omitempty"`
	Pred   string `json:"pred"` // the prediction file, or "analyzer" / "claim model"
	Items  int    `json:"items"`
	Failed int    `json:"failed,omitempty"` // documents the analyzer could not analyze
	Seed   uint64 `json:"seed"`
	Boot   int    `json:"boot"`
	Theta  Num    `json:"theta,omitempty"`

	// Attribution (parley, polnear): span level by mode and type, and
	// linked triples by mode and part.
	Spans  map[string]map[string]Score `json:"spans,omitempty"`
	Linked map[string]map[string]Score `json:"linked,omitempty"`
	// Parties: share of linked pairs whose gold source has parties that
	// get the same party set (P = R = F1 = accuracy).
	Parties *Score `json:"parties,omitempty"`
	// Relations: (source, target, polarity) sets; Pairs: the same
	// without polarity.
	Relations *Score `json:"relations,omitempty"`
	Pairs     *Score `json:"pairs,omitempty"`

	Claims *ClaimResult `json:"claims,omitempty"`
	Peer   *PeerResult  `json:"peer,omitempty"`

	// Comparisons of Pred with Dataset.Compare, by metric.
	Comparisons map[string]Comparison `json:"comparisons,omitempty"`
}

func newResult(ds Dataset, cfg Config, n int) *Result {
	r := &Result{Name: ds.Name, Format: ds.Format, Gold: ds.Gold, Split: ds.Split, Pred: ds.Pred, Items: n, Seed: cfg.Seed, Boot: cfg.Boot}
	if r.Pred == "" {
		r.Pred = "analyzer"
		if ds.Format == FormatEmergent || ds.Format == FormatFNC {
			r.Pred = "claim model"
		}
	}
	return r
}

// scoreOf returns the Score of the counts picked from a set of document
// scores, with a bootstrap interval for F1.
func scoreOf(scores []DocScore, pick func(DocScore) Counts, cfg Config) Score {
	c := pick(Sum(scores))
	iv := Bootstrap(scores, func(s []DocScore) float64 { return pick(Sum(s)).F1() }, cfg.Boot, cfg.rng())
	return Score{P: Num(c.P()), R: Num(c.R()), F1: Num(c.F1()), F1Lo: Num(iv.Lo), F1Hi: Num(iv.Hi), Counts: c}
}

// addAttributions fills the attribution metrics; relations only when the
// gold annotates stances (relations set).
func (r *Result) addAttributions(scores []DocScore, cfg Config, relations bool) {
	theta := cfg.Theta
	if theta <= 0 {
		theta = DefaultTheta
	}
	r.Theta = Num(theta)
	r.Spans = map[string]map[string]Score{}
	r.Linked = map[string]map[string]Score{}
	for m := range numModes {
		r.Spans[m.String()] = map[string]Score{}
		for t := range numTypes {
			r.Spans[m.String()][t.String()] = scoreOf(scores, func(d DocScore) Counts { return d.Spans[m][t] }, cfg)
		}
		parts := map[string]func(Linked) Counts{
			"cue":     func(l Linked) Counts { return l.Cue },
			"source":  func(l Linked) Counts { return l.Source },
			"content": func(l Linked) Counts { return l.Content },
			"triple":  func(l Linked) Counts { return l.Triple },
		}
		r.Linked[m.String()] = map[string]Score{}
		for name, f := range parts {
			r.Linked[m.String()][name] = scoreOf(scores, func(d DocScore) Counts { return f(d.Linked[m]) }, cfg)
		}
	}
	if Sum(scores).Party.Gold > 0 {
		s := scoreOf(scores, func(d DocScore) Counts { return d.Party }, cfg)
		r.Parties = &s
	}
	if relations {
		r.addRelations(scores, cfg)
	}
}

func (r *Result) addRelations(scores []DocScore, cfg Config) {
	rel := scoreOf(scores, func(d DocScore) Counts { return d.Relations }, cfg)
	pairs := scoreOf(scores, func(d DocScore) Counts { return d.Pairs }, cfg)
	r.Relations, r.Pairs = &rel, &pairs
}

func (r *Result) addClaims(scores []ClaimScore, fnc bool, cfg Config) {
	labels := GoldLabels(scores)
	cr := &ClaimResult{
		Accuracy: Bootstrap(scores, Accuracy, cfg.Boot, cfg.rng()),
		MacroF1:  Bootstrap(scores, func(s []ClaimScore) float64 { return MacroF1(s, labels) }, cfg.Boot, cfg.rng()),
		Labels:   labels,
		PerClass: map[string]Score{},
	}
	for _, l := range labels {
		c := ClassCounts(scores, l)
		iv := Bootstrap(scores, func(s []ClaimScore) float64 { return ClassCounts(s, l).F1() }, cfg.Boot, cfg.rng())
		cr.PerClass[l] = Score{P: Num(c.P()), R: Num(c.R()), F1: Num(c.F1()), F1Lo: Num(iv.Lo), F1Hi: Num(iv.Hi), Counts: c}
	}
	cr.Confusion.Labels, cr.Confusion.Counts = Confusion(scores, labels)
	if fnc {
		s, m := FNCScore(scores)
		cr.FNCScore, cr.FNCMax = Num(s), Num(m)
		iv := Bootstrap(scores, FNCPercent, cfg.Boot, cfg.rng())
		cr.FNCPercent = &iv
	}
	r.Claims = cr
}

// pct formats a proportion as a percentage with one decimal, "–" for NaN.
func pct(x Num) string {
	if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
		return "–"
	}
	return fmt.Sprintf("%.1f", 100*float64(x))
}

func (s Score) row(name string) string {
	ci := "–"
	if !math.IsNaN(float64(s.F1Lo)) {
		ci = pct(s.F1Lo) + "–" + pct(s.F1Hi)
	}
	return fmt.Sprintf("| %s | %s | %s | %s | %s | %d | %d | %d |\n", name, pct(s.P), pct(s.R), pct(s.F1), ci, s.TP, s.Pred, s.Gold)
}

const scoreHeader = "| | P | R | F1 | F1 95 % CI | TP | pred | gold |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"

// WriteMarkdown writes the result as Markdown tables for people.
func (r *Result) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s (%s)\n\ngold `%s`", r.Name, r.Format, r.Gold)
	if r.Split != "" {
		fmt.Fprintf(&b, " (%s)", r.Split)
	}
	fmt.Fprintf(&b, ", predictions: %s; %d items", r.Pred, r.Items)
	if r.Failed > 0 {
		fmt.Fprintf(&b, " (%d failed)", r.Failed)
	}
	fmt.Fprintf(&b, "; bootstrap %d resamples, seed %d.\n\n", r.Boot, r.Seed)
	if r.Spans != nil {
		b.WriteString("### Spans, each type on its own (CofeNet protocol)\n\n")
		for m := range numModes {
			fmt.Fprintf(&b, "%s match:\n\n%s", m, scoreHeader)
			for t := range numTypes {
				b.WriteString(r.Spans[m.String()][t.String()].row(t.String()))
			}
			b.WriteString("\n")
		}
		b.WriteString("### Linked attributions (Citron protocol: cues overlap, then source and content)\n\n")
		for m := range numModes {
			fmt.Fprintf(&b, "%s match:\n\n%s", m, scoreHeader)
			for _, part := range []string{"cue", "source", "content", "triple"} {
				b.WriteString(r.Linked[m.String()][part].row(part))
			}
			b.WriteString("\n")
		}
	}
	if r.Parties != nil {
		fmt.Fprintf(&b, "Source party accuracy: %s %% (%d of %d linked sources; 95 %% CI %s–%s)\n\n", pct(r.Parties.F1), r.Parties.TP, r.Parties.Gold, pct(r.Parties.F1Lo), pct(r.Parties.F1Hi))
	}
	if r.Relations != nil {
		b.WriteString("### Relations between parties\n\n" + scoreHeader)
		b.WriteString(r.Relations.row("(source, target, polarity)"))
		b.WriteString(r.Pairs.row("(source, target)"))
		b.WriteString("\n")
	}
	if c := r.Claims; c != nil {
		fmt.Fprintf(&b, "### Claim-level stance\n\naccuracy %s %% (95 %% CI %s–%s), macro-F1 %s (95 %% CI %s–%s) over %s\n\n",
			pct(Num(c.Accuracy.Value)), pct(Num(c.Accuracy.Lo)), pct(Num(c.Accuracy.Hi)),
			pct(Num(c.MacroF1.Value)), pct(Num(c.MacroF1.Lo)), pct(Num(c.MacroF1.Hi)), strings.Join(c.Labels, ", "))
		if c.FNCPercent != nil {
			fmt.Fprintf(&b, "FNC-1 weighted score %.2f of %.2f = %s %% (95 %% CI %s–%s)\n\n", float64(c.FNCScore), float64(c.FNCMax),
				fmt.Sprintf("%.2f", c.FNCPercent.Value), fmt.Sprintf("%.2f", c.FNCPercent.Lo), fmt.Sprintf("%.2f", c.FNCPercent.Hi))
		}
		b.WriteString(scoreHeader)
		for _, l := range c.Labels {
			b.WriteString(c.PerClass[l].row(l))
		}
		b.WriteString("\n" + formatConfusion(c.Confusion.Labels, c.Confusion.Counts) + "\n")
	}
	if r.Peer != nil {
		r.Peer.writeMarkdown(&b)
	}
	if len(r.Comparisons) > 0 {
		b.WriteString("### Paired comparison with `compare` (B − A)\n\n| metric | A | B | B − A | 95 % CI | p |\n|---|---:|---:|---:|---:|---:|\n")
		for _, k := range sortedKeys(r.Comparisons) {
			c := r.Comparisons[k]
			fmt.Fprintf(&b, "| %s | %.4f | %.4f | %.4f | %.4f–%.4f | %.4f |\n", k, c.A, c.B, c.Diff.Value, c.Diff.Lo, c.Diff.Hi, c.P)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
