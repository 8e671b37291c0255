package stance

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// ClaimLabel is the stance of a text towards a claim.
type ClaimLabel uint8

// Claim labels; the string forms are those of the parley/v1-claim record.
const (
	For       ClaimLabel = iota // the text asserts the claim
	Against                     // the text denies or refutes it
	Observing                   // the text reports the claim without taking a side
	Unrelated                   // the text is not about the claim
	numClaimLabels
)

var claimNames = [...]string{"for", "against", "observing", "unrelated"}

// String returns the record form of l: "for", "against", "observing" or
// "unrelated".
func (l ClaimLabel) String() string {
	if l < numClaimLabels {
		return claimNames[l]
	}
	return "unknown"
}

// ErrBadLabel is returned for a claim label that is none of the four.
var ErrBadLabel = errors.New("stance: unknown claim label")

// ParseClaimLabel returns the label named s ("for", "against",
// "observing", "unrelated").
func ParseClaimLabel(s string) (ClaimLabel, error) {
	for i, n := range claimNames {
		if n == s {
			return ClaimLabel(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q", ErrBadLabel, s)
}

// ClaimResult is the claim-level stance of one text.
type ClaimResult struct {
	Label    ClaimLabel
	Score    float64    // probability of Label
	Scores   [4]float64 // probability of each label, indexed by ClaimLabel
	Evidence []Evidence // the lexicon terms of the text that entered the features
}

// ClaimModel classifies the stance of a text towards a claim with a
// multinomial logistic regression over lexicon features. It is safe for
// concurrent use.
type ClaimModel struct {
	w     *Weights
	lex   *lexicon.Lexicon
	index map[string]int // feature name -> column
}

//go:embed data/claim-weights.json
var defaultWeights []byte

// DefaultClaimModel returns the model with the embedded weights
// (data/claim-weights.json, fitted on the Emergent training split) and the
// default lexicon.
func DefaultClaimModel() (*ClaimModel, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	return LoadClaimModel(bytes.NewReader(defaultWeights), lex)
}

// LoadClaimModel reads weights written by Weights.WriteJSON and returns a
// model that computes its features with lex.
func LoadClaimModel(r io.Reader, lex *lexicon.Lexicon) (*ClaimModel, error) {
	var w Weights
	dec := json.NewDecoder(r)
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("stance: reading weights: %w", err)
	}
	return NewClaimModel(&w, lex)
}

// ErrBadWeights is returned for weights whose shape does not fit their
// feature and class lists.
var ErrBadWeights = errors.New("stance: malformed weights")

// NewClaimModel returns a model with weights w and lexicon lex.
func NewClaimModel(w *Weights, lex *lexicon.Lexicon) (*ClaimModel, error) {
	if lex == nil {
		return nil, fmt.Errorf("%w: no lexicon", ErrBadWeights)
	}
	if len(w.Classes) != int(numClaimLabels) || len(w.W) != len(w.Classes) {
		return nil, fmt.Errorf("%w: want %d classes", ErrBadWeights, numClaimLabels)
	}
	for i, c := range w.Classes {
		if c != claimNames[i] {
			return nil, fmt.Errorf("%w: class %d is %q, want %q", ErrBadWeights, i, c, claimNames[i])
		}
		if len(w.W[i]) != len(w.Features) {
			return nil, fmt.Errorf("%w: class %q has %d weights for %d features", ErrBadWeights, c, len(w.W[i]), len(w.Features))
		}
		for _, v := range w.W[i] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: class %q has a non-finite weight", ErrBadWeights, c)
			}
		}
	}
	if b := w.Body; b != nil {
		if b.Docs < 0 || math.IsNaN(b.Bias) || math.IsInf(b.Bias, 0) || math.IsNaN(b.Slope) || math.IsInf(b.Slope, 0) {
			return nil, fmt.Errorf("%w: body gate", ErrBadWeights)
		}
		for s, n := range b.DF {
			if n < 0 {
				return nil, fmt.Errorf("%w: body gate: negative frequency of %q", ErrBadWeights, s)
			}
		}
	}
	m := &ClaimModel{w: w, lex: lex, index: make(map[string]int, len(w.Features))}
	for i, f := range w.Features {
		if _, dup := m.index[f]; dup {
			return nil, fmt.Errorf("%w: feature %q twice", ErrBadWeights, f)
		}
		m.index[f] = i
	}
	return m, nil
}

// Weights returns the model's weights (shared; do not modify).
func (m *ClaimModel) Weights() *Weights { return m.w }

// Classify returns the stance of text towards claim. A text longer than
// its lede (an article body) with weights that hold a body gate
// (Weights.Body) is classified by classifyBody; any other text by the
// logistic regression over its features.
func (m *ClaimModel) Classify(claim, text string) ClaimResult {
	if m.w.Body != nil {
		if tdoc := segment.Parse(text); len(tdoc.Tokens) > 0 && ledeLen(tdoc) < len(tdoc.Tokens) {
			return m.classifyBody(claim, text, tdoc)
		}
	}
	return m.classifyShort(claim, text)
}

// classifyShort classifies text by the logistic regression over its
// features.
func (m *ClaimModel) classifyShort(claim, text string) ClaimResult {
	f := extract(m.lex, claim, text)
	x := make([]float64, len(m.w.Features))
	for name, v := range f.values {
		if i, ok := m.index[name]; ok {
			x[i] = v
		}
	}
	var res ClaimResult
	res.Scores = softmax(m.w.W, x)
	for k, p := range res.Scores {
		if p > res.Scores[res.Label] {
			res.Label = ClaimLabel(k)
		}
	}
	res.Score = res.Scores[res.Label]
	for _, e := range f.evidence {
		if _, ok := m.index[e.feature]; ok {
			res.Evidence = append(res.Evidence, e.Evidence)
		}
	}
	return res
}

// softmax returns the class probabilities of x under w, computed stably.
func softmax(w [][]float64, x []float64) [4]float64 {
	var z [4]float64
	hi := math.Inf(-1)
	for k := range z {
		for i, v := range x {
			z[k] += w[k][i] * v
		}
		hi = math.Max(hi, z[k])
	}
	sum := 0.0
	for k := range z {
		z[k] = math.Exp(z[k] - hi)
		sum += z[k]
	}
	for k := range z {
		z[k] /= sum
	}
	return z
}

// features are the named feature values of one (claim, text) pair and
// the evidence behind them.
type features struct {
	values   map[string]float64
	evidence []featureEvidence
}

type featureEvidence struct {
	Evidence
	feature string
}

// Feature names. The per-term features are "term:" + the class group
// ("refute", "hedge", "negation", "support", "report") + ":" + the term;
// "role:" + a role class ("anonymous", "media", "title") tells that the
// text names such a source ("sources", "analyst", "newspaper").
const (
	fBias       = "bias"
	fRefute     = "refute"     // deny/reject/accuse/criticize terms of the text not in the claim
	fSupport    = "support"    // agree/support terms of the text not in the claim
	fHedge      = "hedge"      // hedges of the text not in the claim
	fNegation   = "negation"   // negations of the text not in the claim
	fReport     = "report"     // report, assert and belief cues ("says", "claims", "according to")
	fAttributed = "attributed" // the attribution pass finds an attribution
	fQuestion   = "question"   // the text has a question mark
	fColon      = "colon"      // the text has a colon cue ("Analyst: ...", "...: sources")
	fCover      = "cover"      // share of the claim's content stems found in the text's lede
	fPrecision  = "precision"  // share of the lede's content stems found in the claim
	fNoCover    = "no_cover"   // no content stem of the claim is in the text's lede
)

// ledeTokens is how many tokens of a long text count as its lede.
const ledeTokens = 60

func extract(lex *lexicon.Lexicon, claim, text string) features {
	f := features{values: map[string]float64{fBias: 1}}
	cdoc, tdoc := segment.Parse(claim), segment.Parse(text)
	// A headline is all lede; of a long text only its opening counts for
	// the term features, which keeps them comparable between headlines
	// and bodies.
	nl := ledeLen(tdoc)
	lede := tdoc.Tokens[:nl]
	ledeEnd := len(text)
	if nl < len(tdoc.Tokens) {
		ledeEnd = tdoc.Tokens[nl].Start
	}
	claimTerms := map[string]bool{}
	for _, tm := range lex.MatchTerms(cdoc.Tokens) {
		claimTerms[tm.Term] = true
	}
	add := func(group, name string, tm lexicon.TermMatch, w float64) {
		f.values[group]++
		key := "term:" + group + ":" + tm.Term
		f.values[key] = 1
		sp := segment.Span{Start: tdoc.Tokens[tm.Start].Start, End: tdoc.Tokens[tm.End-1].End}
		f.evidence = append(f.evidence, featureEvidence{Evidence{Span: sp, Term: tm.Term, Class: group, Weight: w}, key})
	}
	for _, tm := range lex.MatchTerms(lede) {
		if claimTerms[tm.Term] {
			continue
		}
		switch tm.Kind {
		case lexicon.Hedge:
			add(fHedge, fHedge, tm, tm.Weight)
		case lexicon.Negation:
			add(fNegation, fNegation, tm, NegationFactor)
		case lexicon.StanceTerm:
			if l, ok := labelOf(tm.Class); ok && l.Positive() {
				add(fSupport, fSupport, tm, tm.Weight)
			} else if ok {
				add(fRefute, fRefute, tm, tm.Weight)
			}
		}
	}
	for _, c := range lex.MatchCues(lede) {
		if c.Cue.Kind == lexicon.Colon {
			f.values[fColon] = 1
			continue
		}
		switch c.Cue.Class {
		case lexicon.Report, lexicon.Assert, lexicon.Belief:
			f.values[fReport]++
			key := "term:report:" + c.Cue.Lemma
			f.values[key] = 1
			sp := segment.Span{Start: tdoc.Tokens[c.Start].Start, End: tdoc.Tokens[c.End-1].End}
			f.evidence = append(f.evidence, featureEvidence{Evidence{Span: sp, Term: c.Cue.Lemma, Class: fReport, Weight: 1}, key})
		}
	}
	for _, r := range lex.MatchRoles(lede) {
		switch r.Class {
		case lexicon.Anonymous, lexicon.MediaNoun, lexicon.Title:
			f.values["role:"+r.Class.String()] = 1
		}
	}
	for _, g := range []string{fRefute, fSupport, fHedge, fNegation, fReport} {
		if v, ok := f.values[g]; ok {
			f.values[g] = math.Log1p(v)
		}
	}
	for _, a := range attribution.Extract(tdoc, lex) {
		if a.Cue.End <= ledeEnd {
			f.values[fAttributed] = 1
		}
	}
	if strings.Contains(text[:ledeEnd], "?") {
		f.values[fQuestion] = 1
	}
	cs := contentStems(lex, cdoc.Tokens)
	ledeStems := contentStems(lex, lede)
	if len(cs) > 0 {
		in := 0
		for s := range cs {
			if ledeStems[s] {
				in++
			}
		}
		f.values[fCover] = float64(in) / float64(len(cs))
		if in == 0 {
			f.values[fNoCover] = 1
		}
	}
	if len(ledeStems) > 0 {
		n := 0
		for s := range ledeStems {
			if cs[s] {
				n++
			}
		}
		f.values[fPrecision] = float64(n) / float64(len(ledeStems))
	}
	return f
}

// contentStems returns the stems of the content words among toks: words
// and numbers that are not function words.
func contentStems(lex *lexicon.Lexicon, toks []segment.Token) map[string]bool {
	out := map[string]bool{}
	for _, t := range toks {
		if (t.Kind != segment.Word && t.Kind != segment.Number) || functionWords[t.Norm] {
			continue
		}
		out[lex.Stem(t.Norm)] = true
	}
	return out
}
