package eval

import (
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// Interval is a metric's value with a bootstrap confidence interval.
type Interval struct {
	Value float64 `json:"value"` // the metric on all items
	Lo    float64 `json:"lo"`    // 2.5 % quantile of the resampled values
	Hi    float64 `json:"hi"`    // 97.5 % quantile of the resampled values
	N     int     `json:"n"`     // resamples with a defined (non-NaN) value
}

// Bootstrap returns the metric on items and its 95 % percentile interval
// over n resamples of the items, drawn with replacement using src. Items
// are documents (or claim items), never spans: a document's spans stay
// together. Resamples whose metric is NaN are dropped; with no items, n
// <= 0 or no defined resample, Lo and Hi are NaN. The same src state
// gives the same interval.
func Bootstrap[T any](items []T, metric func([]T) float64, n int, src rand.Source) Interval {
	iv := Interval{Value: metric(items), Lo: math.NaN(), Hi: math.NaN()}
	if len(items) == 0 || n <= 0 {
		return iv
	}
	rng := rand.New(src)
	sample := make([]T, len(items))
	vals := make([]float64, 0, n)
	for range n {
		for i := range sample {
			sample[i] = items[rng.IntN(len(items))]
		}
		if v := metric(sample); !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	iv.N = len(vals)
	if len(vals) == 0 {
		return iv
	}
	slices.Sort(vals)
	iv.Lo = stat.Quantile(0.025, stat.Empirical, vals, nil)
	iv.Hi = stat.Quantile(0.975, stat.Empirical, vals, nil)
	return iv
}

// Comparison is a paired comparison of two systems on the same items.
type Comparison struct {
	A     float64  `json:"a"`      // the metric of system A
	B     float64  `json:"b"`      // the metric of system B
	Diff  Interval `json:"diff"`   // B - A with its paired-bootstrap 95 % interval
	P     float64  `json:"p"`      // two-sided approximate-randomization p-value of B - A
	Trial int      `json:"trials"` // randomization trials
}

// Compare compares two systems scored item by item on the same gold:
// a[i] and b[i] are their scores on item i. Diff is metric(b) -
// metric(a) with a paired bootstrap interval (the same resampled items
// for both); P is the approximate-randomization p-value, the share of n
// trials that swap a[i] and b[i] with probability 1/2 whose |difference|
// is at least the observed one, as (count+1)/(n+1). It panics if a and b
// differ in length.
func Compare[T any](a, b []T, metric func([]T) float64, n int, src rand.Source) Comparison {
	if len(a) != len(b) {
		panic("eval: Compare: slices of different lengths")
	}
	type pair struct{ a, b T }
	pairs := make([]pair, len(a))
	for i := range a {
		pairs[i] = pair{a[i], b[i]}
	}
	split := func(ps []pair) ([]T, []T) {
		x, y := make([]T, len(ps)), make([]T, len(ps))
		for i, p := range ps {
			x[i], y[i] = p.a, p.b
		}
		return x, y
	}
	diff := func(ps []pair) float64 {
		x, y := split(ps)
		return metric(y) - metric(x)
	}
	c := Comparison{A: metric(a), B: metric(b), P: math.NaN(), Trial: max(n, 0)}
	rng := rand.New(src)
	c.Diff = Bootstrap(pairs, diff, n, rng)
	obs := math.Abs(c.B - c.A)
	if len(a) == 0 || n <= 0 || math.IsNaN(obs) {
		return c
	}
	x, y := make([]T, len(a)), make([]T, len(a))
	count := 0
	for range n {
		for i := range a {
			if rng.IntN(2) == 0 {
				x[i], y[i] = a[i], b[i]
			} else {
				x[i], y[i] = b[i], a[i]
			}
		}
		if d := math.Abs(metric(y) - metric(x)); d >= obs-1e-12 {
			count++
		}
	}
	c.P = float64(count+1) / float64(n+1)
	return c
}
