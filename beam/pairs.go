package parleybeam

import (
	"math"
	"strings"

	"github.com/parleylab/parley"
)

// pairKeySep separates source and target in a PairKey; party codes never
// contain it.
const pairKeySep = "\x00"

// PairKey is the combine key of the pair source → target.
func PairKey(source, target string) string { return source + pairKeySep + target }

// SplitPairKey returns the source and target of a PairKey.
func SplitPairKey(key string) (source, target string) {
	source, target, _ = strings.Cut(key, pairKeySep)
	return source, target
}

// PairSum accumulates document pairs of one (source, target): the exact sum
// of score*n as non-overlapping partials (Shewchuk), and the summed counts.
type PairSum struct {
	Partials []float64 // exact sum of score*n; see Sum
	Positive int
	Negative int
	N        int
}

// newPairSum returns the accumulator of one document pair.
func newPairSum(p parley.Pair) PairSum {
	return PairSum{
		Partials: addExact(nil, p.Score*float64(p.N)),
		Positive: p.Positive, Negative: p.Negative, N: p.N,
	}
}

// Add returns the sum of s and t; neither is modified.
func (s PairSum) Add(t PairSum) PairSum {
	r := PairSum{
		Partials: append([]float64(nil), s.Partials...),
		Positive: s.Positive + t.Positive,
		Negative: s.Negative + t.Negative,
		N:        s.N + t.N,
	}
	for _, x := range t.Partials {
		r.Partials = addExact(r.Partials, x)
	}
	return r
}

// Sum returns the sum of score*n, correctly rounded: the same float64
// whatever the order in which the terms were added.
func (s PairSum) Sum() float64 { return roundExact(s.Partials) }

// Pair returns the corpus pair source → target: the mean score
// Sum()/N (0 when N is 0) and the counts.
func (s PairSum) Pair(source, target string) parley.Pair {
	p := parley.Pair{Source: source, Target: target, Positive: s.Positive, Negative: s.Negative, N: s.N}
	if s.N > 0 {
		p.Score = s.Sum() / float64(s.N)
	}
	return p
}

// pairCombineFn combines PairSums per key.
type pairCombineFn struct{}

// MergeAccumulators adds two sums.
func (pairCombineFn) MergeAccumulators(a, b PairSum) PairSum { return a.Add(b) }

// addExact adds x to the partials exactly (Shewchuk's msum, as in
// Python's math.fsum): the partials are non-overlapping and increasing in
// magnitude, and their exact sum is the exact sum of every x added.
// Non-finite values make the sum NaN or ±Inf as in plain addition.
func addExact(partials []float64, x float64) []float64 {
	if !finite(x) {
		return append(partials[:0], x+roundExact(partials))
	}
	if len(partials) == 1 && !finite(partials[0]) {
		partials[0] += x
		return partials
	}
	i := 0
	for _, y := range partials {
		if math.Abs(x) < math.Abs(y) {
			x, y = y, x
		}
		hi := x + y
		lo := y - (hi - x)
		if lo != 0 {
			partials[i] = lo
			i++
		}
		x = hi
	}
	return append(partials[:i], x)
}

// roundExact returns the exact sum of partials made by addExact, rounded
// to the nearest float64 (half to even).
func roundExact(p []float64) float64 {
	n := len(p)
	if n == 0 {
		return 0
	}
	n--
	hi := p[n]
	var lo float64
	for n > 0 {
		x := hi
		n--
		y := p[n]
		hi = x + y
		lo = y - (hi - x)
		if lo != 0 {
			break
		}
	}
	// Round half to even correctly when the rest has the sign of lo.
	if n > 0 && ((lo < 0 && p[n-1] < 0) || (lo > 0 && p[n-1] > 0)) {
		y := lo * 2
		x := hi + y
		if y == x-hi {
			hi = x
		}
	}
	return hi
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
