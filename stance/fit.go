package stance

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"text/tabwriter"

	"gonum.org/v1/gonum/optimize"

	"github.com/parleylab/parley/lexicon"
)

// Example is one labelled (claim, text) pair for Fit.
type Example struct {
	Claim, Text string
	Label       ClaimLabel
	// Group identifies the claim (Emergent claimId): cross-validation
	// folds and synthetic unrelated pairs never mix a group with itself.
	Group string
}

// FitOptions are the knobs of Fit.
type FitOptions struct {
	// Lambda is the L2 penalty on every weight but the biases, times the
	// number of examples: the objective is the mean negative log-likelihood
	// plus Lambda/2 * sum w^2.
	Lambda float64 `json:"lambda"`
	// Unrelated is the mean number of synthetic "unrelated" pairs made per
	// example by pairing its text with the claim of another group (0.5:
	// every other example, chosen at random); 0 adds none (then the model
	// never predicts "unrelated" unless the examples hold some).
	Unrelated float64 `json:"unrelated"`
	// MinCount is how many examples a per-term feature needs to enter the
	// model (default 3).
	MinCount int `json:"min_count"`
	// Seed seeds the choice of synthetic pairs.
	Seed uint64 `json:"seed"`
	// Lexicon computes the features; nil means lexicon.Default().
	Lexicon *lexicon.Lexicon `json:"-"`
}

// DefaultFitOptions returns the options the embedded weights were fitted
// with.
func DefaultFitOptions() FitOptions {
	return FitOptions{Lambda: 0.0003, Unrelated: 0.5, MinCount: 3, Seed: 1}
}

// Weights are the fitted parameters of a ClaimModel: one weight per class
// and feature. They serialise to JSON as they are.
type Weights struct {
	Version  string      `json:"version"` // lexicon version the features were computed with
	Options  FitOptions  `json:"options"`
	Classes  []string    `json:"classes"`  // "for", "against", "observing", "unrelated"
	Features []string    `json:"features"` // feature names, "bias" first
	W        [][]float64 `json:"weights"`  // W[class][feature]
	// Body is the gate for texts longer than their lede; nil classifies
	// them like headlines, by their lede.
	Body *BodyWeights `json:"body,omitempty"`
}

// ErrNoExamples is returned by Fit for an empty training set.
var ErrNoExamples = errors.New("stance: no training examples")

// Fit fits a multinomial logistic regression over the lexicon features of
// items (plus opts.Unrelated synthetic unrelated pairs per item) with an L2
// penalty, by L-BFGS (gonum/optimize).
func Fit(items []Example, opts FitOptions) (*Weights, error) {
	if len(items) == 0 {
		return nil, ErrNoExamples
	}
	lex := opts.Lexicon
	if lex == nil {
		var err error
		if lex, err = lexicon.Default(); err != nil {
			return nil, err
		}
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 3
	}
	body, err := fitBody(lex, items, opts.Seed)
	if err != nil {
		return nil, err
	}
	items = withUnrelated(items, opts.Unrelated, opts.Seed)
	feats := make([]features, len(items))
	count := map[string]int{}
	for i, it := range items {
		feats[i] = extract(lex, it.Claim, it.Text)
		for k := range feats[i].values {
			count[k]++
		}
	}
	names := []string{fBias}
	for _, k := range slices.Sorted(maps.Keys(count)) {
		if k != fBias && count[k] >= opts.MinCount {
			names = append(names, k)
		}
	}
	col := make(map[string]int, len(names))
	for i, n := range names {
		col[n] = i
	}
	nf, nk := len(names), int(numClaimLabels)
	xs := make([][]float64, len(items))
	for i, f := range feats {
		xs[i] = make([]float64, nf)
		for k, v := range f.values {
			if j, ok := col[k]; ok {
				xs[i][j] = v
			}
		}
	}
	n := float64(len(items))
	obj := func(grad, w []float64) float64 {
		if grad != nil {
			clear(grad)
		}
		loss := 0.0
		var z [4]float64
		for i, x := range xs {
			hi := math.Inf(-1)
			for k := range nk {
				z[k] = 0
				for j, v := range x {
					z[k] += w[k*nf+j] * v
				}
				hi = math.Max(hi, z[k])
			}
			sum := 0.0
			for k := range nk {
				sum += math.Exp(z[k] - hi)
			}
			lse := hi + math.Log(sum)
			y := int(items[i].Label)
			loss += lse - z[y]
			if grad != nil {
				for k := range nk {
					p := math.Exp(z[k] - lse)
					if k == y {
						p--
					}
					for j, v := range x {
						grad[k*nf+j] += p * v / n
					}
				}
			}
		}
		loss /= n
		for k := range nk {
			for j := 1; j < nf; j++ {
				v := w[k*nf+j]
				loss += opts.Lambda / 2 * v * v
				if grad != nil {
					grad[k*nf+j] += opts.Lambda * v
				}
			}
		}
		return loss
	}
	p := optimize.Problem{
		Func: func(w []float64) float64 { return obj(nil, w) },
		Grad: func(grad, w []float64) { obj(grad, w) },
	}
	res, err := optimize.Minimize(p, make([]float64, nk*nf), &optimize.Settings{
		GradientThreshold: 1e-6, MajorIterations: 2000}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return nil, fmt.Errorf("stance: fit: %w", err)
	}
	w := &Weights{Version: lex.Version, Options: opts, Classes: claimNames[:], Features: names,
		W: make([][]float64, nk), Body: body}
	for k := range nk {
		w.W[k] = slices.Clone(res.X[k*nf : (k+1)*nf])
	}
	return w, nil
}

// withUnrelated returns items plus rate synthetic unrelated pairs per item
// on average:
// its text with the claim of a randomly chosen other group.
func withUnrelated(items []Example, rate float64, seed uint64) []Example {
	if rate <= 0 || math.IsNaN(rate) {
		return items
	}
	claims := map[string]string{}
	for _, it := range items {
		claims[it.Group] = it.Claim
	}
	groups := slices.Sorted(maps.Keys(claims))
	if len(groups) < 2 {
		return items
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	out := slices.Clone(items)
	for _, it := range items {
		k := int(rate)
		if rng.Float64() < rate-float64(k) {
			k++
		}
		for range k {
			g := groups[rng.IntN(len(groups))]
			for g == it.Group {
				g = groups[rng.IntN(len(groups))]
			}
			out = append(out, Example{Claim: claims[g], Text: it.Text, Label: Unrelated, Group: it.Group})
		}
	}
	return out
}

// CrossValidate returns the accuracy of Fit(opts) in k-fold
// cross-validation with the folds split by Group (no claim in two folds).
func CrossValidate(items []Example, opts FitOptions, k int) (float64, error) {
	if k < 2 {
		return 0, fmt.Errorf("stance: cross-validation needs k >= 2, got %d", k)
	}
	lex := opts.Lexicon
	if lex == nil {
		var err error
		if lex, err = lexicon.Default(); err != nil {
			return 0, err
		}
	}
	groups := map[string]int{}
	for _, it := range items {
		groups[it.Group] = 0
	}
	for i, g := range slices.Sorted(maps.Keys(groups)) {
		groups[g] = i % k
	}
	right, total := 0, 0
	for fold := range k {
		var train, test []Example
		for _, it := range items {
			if groups[it.Group] == fold {
				test = append(test, it)
			} else {
				train = append(train, it)
			}
		}
		if len(train) == 0 || len(test) == 0 {
			continue
		}
		w, err := Fit(train, opts)
		if err != nil {
			return 0, err
		}
		m, err := NewClaimModel(w, lex)
		if err != nil {
			return 0, err
		}
		for _, it := range test {
			if m.Classify(it.Claim, it.Text).Label == it.Label {
				right++
			}
			total++
		}
	}
	if total == 0 {
		return 0, ErrNoExamples
	}
	return float64(right) / float64(total), nil
}

// WriteJSON writes w as indented JSON, the format LoadClaimModel reads.
func (w *Weights) WriteJSON(out io.Writer) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", " ")
	return enc.Encode(w)
}

// WriteTable writes w as a table for people: one line per feature, one
// column per class, features by decreasing largest absolute weight.
func (w *Weights) WriteTable(out io.Writer) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "feature\t")
	for _, c := range w.Classes {
		fmt.Fprintf(tw, "%s\t", c)
	}
	fmt.Fprintln(tw)
	order := make([]int, len(w.Features))
	for i := range order {
		order[i] = i
	}
	size := func(j int) float64 {
		m := 0.0
		for k := range w.W {
			m = math.Max(m, math.Abs(w.W[k][j]))
		}
		return m
	}
	sort.SliceStable(order, func(a, b int) bool {
		return cmp.Compare(size(order[a]), size(order[b])) > 0
	})
	for _, j := range order {
		fmt.Fprintf(tw, "%s\t", w.Features[j])
		for k := range w.W {
			fmt.Fprintf(tw, "%+.3f\t", w.W[k][j])
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if b := w.Body; b != nil {
		_, err := fmt.Fprintf(out, "body gate: P(related) = 1/(1+exp(-(%+.3f %+.3f*related))), document frequencies of %d stems over %d texts\n",
			b.Bias, b.Slope, len(b.DF), b.Docs)
		return err
	}
	return nil
}
