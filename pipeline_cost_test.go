package parley_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parleylab/parley"
)

// TestAdversarialCostLinear feeds pathological inputs of growing size
// through the whole Analyzer and checks that the time grows roughly
// linearly: from n to 4n units the best of three runs (five more when it
// looks bad) may grow at most 8 times (linear: 4; quadratic: 16).
func TestAdversarialCostLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test skipped under -short")
	}
	a, err := parley.New(parley.Config{MaxBytes: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		unit string // repeated to build the input
		n    int    // repetitions of the smaller input
	}{
		{"quote marks in a row", `"`, 20_000},
		{"alternating curly quotes", "“‘", 10_000},
		{"nested open quotes", "“He said ‘she said “they said ", 1_000},
		{"unclosed quotes with cues", "\"We will not back down, Putin said. ", 1_000},
		{"cues without punctuation", "officials said that ", 2_000},
		{"party names without punctuation", "Russia China the Kremlin NATO Beijing ", 1_000},
		{"according to chains", "according to Russia according to China ", 1_000},
		{"stance terms", "Moscow condemned and rejected and denied Kyiv's support ", 1_000},
		{"one long sentence of commas", "Putin, Xi, ", 2_000},
		{"sentences with attributions", "Moscow said on Monday that Beijing had denied the claims. ", 500},
		{"blank lines", "\n\n", 20_000},
		{"abbreviations", "Mr. Sen. Gov. U.S. ", 2_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			small := strings.Repeat(tc.unit, tc.n)
			big := strings.Repeat(tc.unit, 4*tc.n)
			ts, tb := costBest(t, a, small, 3), costBest(t, a, big, 3)
			ratio := float64(tb) / float64(max(ts, time.Microsecond))
			if ratio > 8 {
				// A busy machine can slow one run; measure again before failing.
				ts, tb = min(ts, costBest(t, a, small, 5)), min(tb, costBest(t, a, big, 5))
				ratio = float64(tb) / float64(max(ts, time.Microsecond))
			}
			t.Logf("%d bytes: %v; %d bytes: %v; ratio %.1f", len(small), ts, len(big), tb, ratio)
			// Below some tens of milliseconds timer and scheduler noise
			// dominates; only slow inputs must show linear growth.
			if tb > 50*time.Millisecond && ratio > 8 {
				t.Errorf("time grows superlinearly: ×%.1f for ×4 input (%v -> %v)", ratio, ts, tb)
			}
		})
	}
}

// costBest returns the fastest of n analyses of text.
func costBest(t *testing.T, a *parley.Analyzer, text string, n int) time.Duration {
	t.Helper()
	best := time.Duration(1<<63 - 1)
	for range n {
		start := time.Now()
		if _, err := a.Analyze("cost", text); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	return best
}
