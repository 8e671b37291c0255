package stance_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/stance"
)

func TestAggregate(t *testing.T) {
	rels := []stance.Relation{
		{Source: "RUS", Target: "CHN", Label: stance.Agree, Score: 0.8},
		{Source: "CHN", Target: "UKR", Label: stance.Deny, Score: -0.8},
		{Source: "RUS", Target: "CHN", Label: stance.Support, Score: 0.4},
		{Source: "RUS", Target: "CHN", Label: stance.Deny, Score: -0.6},
		{Source: "CHN", Target: "UKR", Label: stance.Deny, Score: 0.4, Negated: true},
		{Source: "CHN", Target: "EU", Label: stance.Support, Score: -0.4, Negated: true},
	}
	in := append([]stance.Relation(nil), rels...)
	got := stance.Aggregate(rels)
	want := []stance.Pair{
		{Source: "CHN", Target: "UKR", Score: -0.8, Negative: 1, N: 1},
		{Source: "RUS", Target: "CHN", Score: (0.8 + 0.4 - 0.6) / 3, Positive: 2, Negative: 1, N: 3},
	}
	require.Len(t, got, len(want))
	for i := range want {
		assert.InDelta(t, want[i].Score, got[i].Score, 1e-12, "pair %d", i)
		got[i].Score = want[i].Score
	}
	assert.Equal(t, want, got)
	assert.Equal(t, in, rels, "input not modified")
	assert.Empty(t, stance.Aggregate(nil))
}

func TestMatrix(t *testing.T) {
	parties := []string{"RUS", "CHN", "UKR", "CHN"}
	m := stance.NewMatrix(parties)
	assert.Equal(t, []string{"RUS", "CHN", "UKR", "CHN"}, parties, "argument not modified")
	require.Equal(t, []string{"CHN", "RUS", "UKR"}, m.Parties)
	require.NoError(t, m.Add(stance.Pair{Source: "RUS", Target: "CHN", Score: 0.5, Positive: 2, N: 2}))
	require.NoError(t, m.Add(stance.Pair{Source: "RUS", Target: "CHN", Score: -1, Negative: 1, N: 1}))
	require.NoError(t, m.AddRelation(stance.Relation{Source: "CHN", Target: "UKR", Score: -0.8}))
	require.NoError(t, m.AddRelation(stance.Relation{Source: "CHN", Target: "UKR", Score: 0.4, Negated: true}))
	assert.ErrorIs(t, m.Add(stance.Pair{Source: "USA", Target: "CHN", N: 1}), stance.ErrUnknownParty)

	rus, chn, ukr := m.Index("RUS"), m.Index("CHN"), m.Index("UKR")
	assert.Equal(t, []int{1, 0, 2, -1}, []int{rus, chn, ukr, m.Index("USA")})
	mean, ok := m.Mean(rus, chn)
	assert.True(t, ok)
	assert.InDelta(t, 0.0, mean, 1e-12) // (0.5*2 - 1) / 3
	assert.Equal(t, 3.0, m.Count.At(rus, chn))
	assert.Equal(t, 2.0, m.Positive.At(rus, chn))
	assert.Equal(t, 1.0, m.Negative.At(rus, chn))
	mean, ok = m.Mean(chn, ukr)
	assert.True(t, ok)
	assert.InDelta(t, -0.8, mean, 1e-12)
	assert.Equal(t, 1.0, m.Count.At(chn, ukr), "negated relation left out")
	_, ok = m.Mean(chn, rus)
	assert.False(t, ok)

	empty := stance.NewMatrix(nil)
	assert.Empty(t, empty.Parties)
	assert.ErrorIs(t, empty.Add(stance.Pair{Source: "RUS", Target: "CHN", N: 1}), stance.ErrUnknownParty)
}
