package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/stat"
)

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	return stat.Mean(xs, nil)
}

func TestBootstrapReproducible(t *testing.T) {
	xs := make([]float64, 30)
	for i := range xs {
		xs[i] = float64(i * i % 31)
	}
	copyXs := append([]float64(nil), xs...)
	a := Bootstrap(xs, mean, 500, rand.NewPCG(7, 7))
	b := Bootstrap(xs, mean, 500, rand.NewPCG(7, 7))
	c := Bootstrap(xs, mean, 500, rand.NewPCG(8, 8))
	assert.Equal(t, a, b, "same seed, same interval")
	assert.NotEqual(t, a, c, "another seed, another interval")
	assert.Equal(t, copyXs, xs, "items not mutated")
	assert.InDelta(t, mean(xs), a.Value, 1e-12)
	assert.Equal(t, 500, a.N)
	assert.Less(t, a.Lo, a.Value)
	assert.Greater(t, a.Hi, a.Value)
}

func TestBootstrapDegenerate(t *testing.T) {
	cases := []struct {
		name  string
		items []float64
		n     int
	}{
		{"no items", nil, 100},
		{"no resamples", []float64{1, 2}, 0},
	}
	for _, tc := range cases {
		iv := Bootstrap(tc.items, mean, tc.n, rand.NewPCG(1, 1))
		assert.True(t, math.IsNaN(iv.Lo) && math.IsNaN(iv.Hi), tc.name)
		assert.Equal(t, 0, iv.N, tc.name)
	}
	// A constant metric has a zero-width interval.
	iv := Bootstrap([]float64{2, 2, 2}, mean, 50, rand.NewPCG(1, 1))
	assert.Equal(t, Interval{Value: 2, Lo: 2, Hi: 2, N: 50}, iv)
	// NaN resamples are dropped: every resample of a NaN metric is.
	iv = Bootstrap([]float64{1}, func([]float64) float64 { return math.NaN() }, 10, rand.NewPCG(1, 1))
	assert.Equal(t, 0, iv.N)
}

func TestBootstrapDocuments(t *testing.T) {
	gold, pred := fixture()
	docs := []DocScore{ScoreDocument(gold, pred, Options{}), ScoreDocument(gold, gold, Options{})}
	f1 := func(s []DocScore) float64 { return Sum(s).Spans[Exact][CueSpan].F1() }
	iv := Bootstrap(docs, f1, 200, rand.NewPCG(1, 1))
	// Resamples hold 0, 1 or 2 copies of the perfect document: F1 ranges
	// from 2/5 (fixture only) to 1 (perfect only).
	assert.InDelta(t, 6.0/9, iv.Value, 1e-12)
	assert.InDelta(t, 0.4, iv.Lo, 1e-12)
	assert.InDelta(t, 1, iv.Hi, 1e-12)
}

func TestCompare(t *testing.T) {
	a := make([]float64, 40)
	b := make([]float64, 40)
	for i := range a {
		a[i] = float64(i % 5)
		b[i] = a[i] + 1
	}
	same := Compare(a, a, mean, 300, rand.NewPCG(1, 1))
	assert.Equal(t, 0.0, same.Diff.Value)
	assert.Equal(t, 1.0, same.P, "identical systems: every trial is as extreme")
	better := Compare(a, b, mean, 300, rand.NewPCG(1, 1))
	assert.InDelta(t, 1, better.Diff.Value, 1e-12)
	assert.InDelta(t, 1.0/301, better.P, 1e-12, "no swap pattern reaches a difference of 1 but the identity, which has probability 2^-40")
	assert.Equal(t, Compare(a, b, mean, 300, rand.NewPCG(1, 1)), better, "reproducible")
	assert.Panics(t, func() { Compare(a, b[:3], mean, 10, rand.NewPCG(1, 1)) })
}

func ExampleBootstrap() {
	// Per-document F1 counts of five documents.
	docs := []Counts{{TP: 8, Pred: 10, Gold: 9}, {TP: 3, Pred: 5, Gold: 6}, {TP: 9, Pred: 9, Gold: 10}, {TP: 0, Pred: 2, Gold: 1}, {TP: 5, Pred: 6, Gold: 8}}
	f1 := func(ds []Counts) float64 {
		var sum Counts
		for _, d := range ds {
			sum = sum.Add(d)
		}
		return sum.F1()
	}
	iv := Bootstrap(docs, f1, 1000, rand.NewPCG(1, 1))
	fmt.Printf("F1 %.3f, 95 %% CI %.3f–%.3f\n", iv.Value, iv.Lo, iv.Hi)
	// Output:
	// F1 0.758, 95 % CI 0.524–0.874
}
