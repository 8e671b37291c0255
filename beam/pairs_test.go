package parleybeam

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

// exactSum returns the sum of xs computed exactly, rounded to float64.
func exactSum(xs []float64) float64 {
	sum := new(big.Float).SetPrec(4096)
	for _, x := range xs {
		sum.Add(sum, new(big.Float).SetFloat64(x))
	}
	f, _ := sum.Float64()
	return f
}

func sumOf(xs []float64) float64 {
	var p []float64
	for _, x := range xs {
		p = addExact(p, x)
	}
	return roundExact(p)
}

func TestExactSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	cases := []struct {
		name string
		xs   []float64
	}{
		{"empty", nil},
		{"one", []float64{0.7}},
		{"tenths", []float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}},
		{"cancellation", []float64{1e100, 1.0, -1e100, 1e-100}},
		{"half-way rounding", []float64{1, 1e-16, 1e-16}},
		{"signed scores", []float64{-0.9, 0.45, -0.3, 0.3, 0.9, -0.45}},
	}
	random := make([]float64, 500)
	for i := range random {
		random[i] = (rng.Float64()*2 - 1) * math.Pow(10, float64(rng.IntN(20)-10))
	}
	cases = append(cases, struct {
		name string
		xs   []float64
	}{"random magnitudes", random})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := exactSum(tc.xs)
			assert.Equal(t, want, sumOf(tc.xs), "xs %v", tc.xs)
			// Any order gives the same float64.
			xs := append([]float64(nil), tc.xs...)
			for range 5 {
				rng.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
				assert.Equal(t, want, sumOf(xs), "shuffled %v", xs)
			}
		})
	}
}

func TestExactSumNonFinite(t *testing.T) {
	assert.True(t, math.IsNaN(sumOf([]float64{1, math.NaN(), 2})))
	assert.True(t, math.IsInf(sumOf([]float64{1, math.Inf(1), 2}), 1))
}

func TestPairSum(t *testing.T) {
	docs := []parley.Pair{
		{Source: "CHN", Target: "UKR", Score: -0.9, Negative: 1, N: 1},
		{Source: "CHN", Target: "UKR", Score: 0.25, Positive: 3, Negative: 1, N: 4},
		{Source: "CHN", Target: "UKR", Score: -0.5, Negative: 2, N: 2},
	}
	sums := make([]PairSum, len(docs))
	for i, p := range docs {
		sums[i] = newPairSum(p)
	}
	before := append([]float64(nil), sums[0].Partials...)
	ab := sums[0].Add(sums[1])
	assert.Equal(t, before, sums[0].Partials, "Add must not modify its receiver")
	left := ab.Add(sums[2])
	right := sums[0].Add(sums[1].Add(sums[2]))
	merged := pairCombineFn{}.MergeAccumulators(sums[2], ab)

	want := parley.Pair{Source: "CHN", Target: "UKR", Score: (-0.9 + 1.0 - 1.0) / 7, Positive: 3, Negative: 4, N: 7}
	for name, s := range map[string]PairSum{"left": left, "right": right, "merged": merged} {
		got := s.Pair("CHN", "UKR")
		assert.InDelta(t, want.Score, got.Score, 1e-15, name)
		got.Score = want.Score
		assert.Equal(t, want, got, name)
	}
	assert.Equal(t, left.Pair("CHN", "UKR"), merged.Pair("CHN", "UKR"), "combine order changed the result")
	assert.Equal(t, parley.Pair{Source: "A", Target: "B"}, PairSum{}.Pair("A", "B"), "empty sum")
}

func TestPairKey(t *testing.T) {
	for _, tc := range []struct{ src, tgt string }{{"CHN", "UKR"}, {"", "EU"}, {"AP NEWS", ""}} {
		src, tgt := SplitPairKey(PairKey(tc.src, tc.tgt))
		require.Equal(t, tc.src, src)
		require.Equal(t, tc.tgt, tgt)
	}
}
