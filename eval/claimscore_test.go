package eval

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// claimFixture: 6 items, 3 right.
var claimFixture = []ClaimScore{
	{"1", "for", "for"},
	{"2", "for", "against"},
	{"3", "against", "against"},
	{"4", "observing", "for"},
	{"5", "unrelated", "unrelated"},
	{"6", "unrelated", "observing"},
}

func TestClaimMetrics(t *testing.T) {
	labels := []string{"for", "against", "observing", "unrelated"}
	assert.Equal(t, labels, GoldLabels(claimFixture))
	assert.InDelta(t, 0.5, Accuracy(claimFixture), 1e-12)
	per := []struct {
		label string
		want  Counts
		f1    float64
	}{
		{"for", Counts{1, 2, 2}, 0.5},
		{"against", Counts{1, 2, 1}, 2.0 / 3},
		{"observing", Counts{0, 1, 1}, 0},
		{"unrelated", Counts{1, 1, 2}, 2.0 / 3},
	}
	for _, tc := range per {
		c := ClassCounts(claimFixture, tc.label)
		assert.Equal(t, tc.want, c, tc.label)
		assert.InDelta(t, tc.f1, c.F1(), 1e-12, tc.label)
	}
	// (1/2 + 2/3 + 0 + 2/3) / 4 = 11/24
	assert.InDelta(t, 11.0/24, MacroF1(claimFixture, labels), 1e-12)
	// 1 + 0.25 + 1 + 0.25 + 0.25 + 0 of 4·1 + 2·0.25
	s, m := FNCScore(claimFixture)
	assert.InDelta(t, 2.75, s, 1e-12)
	assert.InDelta(t, 4.5, m, 1e-12)
	assert.InDelta(t, 100*2.75/4.5, FNCPercent(claimFixture), 1e-12)
	ls, conf := Confusion(claimFixture, labels)
	assert.Equal(t, labels, ls)
	assert.Equal(t, [][]int{{1, 1, 0, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 1}}, conf)
	ls, conf = Confusion([]ClaimScore{{"1", "for", PredictionError}}, []string{"for"})
	assert.Equal(t, []string{"for", PredictionError}, ls)
	assert.Equal(t, [][]int{{0, 1}, {0, 0}}, conf)
	assert.True(t, math.IsNaN(Accuracy(nil)))
	assert.True(t, math.IsNaN(FNCPercent(nil)))
}

func TestClaimLabel(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"for", "for", true}, {" Against ", "against", true}, {"agree", "for", true},
		{"disagree", "against", true}, {"discuss", "observing", true}, {"unrelated", "unrelated", true},
		{"maybe", "", false},
	}
	for _, tc := range cases {
		got, ok := ClaimLabel(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
}

func TestPredictClaims(t *testing.T) {
	items := []ClaimItem{{ID: "1", Claim: "c", Text: "yes", Label: "for"}, {ID: "2", Claim: "c", Text: "no", Label: "against"}, {ID: "3", Claim: "c", Text: "boom", Label: "for"}}
	pred := func(claim, text string) (string, error) {
		switch text {
		case "yes":
			return "agree", nil // FNC-1 labels are mapped
		case "boom":
			panic("predictor bug")
		}
		return "against", nil
	}
	for _, workers := range []int{1, 3} {
		got, err := PredictClaims(items, pred, workers)
		require.NoError(t, err, "workers %d", workers)
		assert.Equal(t, []ClaimScore{{"1", "for", "for"}, {"2", "against", "against"}, {"3", "for", PredictionError}}, got, "workers %d", workers)
	}
	_, err := PredictClaims(items, func(string, string) (string, error) { return "", errors.New("down") }, 2)
	assert.ErrorContains(t, err, "down")
}
