package parley_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/internal/pooled"
)

// TestAdversarialCostLinear feeds pathological inputs of growing size
// through the whole Analyzer and checks that the time grows roughly
// linearly: from n to 8n units the time may grow at most 24 times
// (linear: 8; quadratic: 64). n starts at the table's value and doubles until the
// smaller input takes costFloor (best of three), so that timer and scheduler noise do not
// decide the ratio. Small and large inputs are timed in turn, best of
// three (five more when the ratio looks bad), so that both see the same
// load on a busy machine.
func TestAdversarialCostLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test skipped under -short")
	}
	const maxBytes = 64 << 20
	a, err := parley.New(parley.Config{MaxBytes: maxBytes})
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
			n := max(tc.n, (minSmall+len(tc.unit)-1)/len(tc.unit))
			for 8*n*len(tc.unit) <= maxBytes && costBest(t, a, strings.Repeat(tc.unit, n), 3) < costFloor {
				n *= 2
			}
			small := strings.Repeat(tc.unit, n)
			big := strings.Repeat(tc.unit, 8*n)
			ts, tb := costPair(t, a, small, big, 3)
			ratio := float64(tb) / float64(max(ts, time.Microsecond))
			if ratio > 24 {
				// A busy machine can slow one run; measure again before failing.
				ts2, tb2 := costPair(t, a, small, big, 5)
				ts, tb = min(ts, ts2), min(tb, tb2)
				ratio = float64(tb) / float64(max(ts, time.Microsecond))
			}
			t.Logf("%d bytes: %v; %d bytes: %v; ratio %.1f", len(small), ts, len(big), tb, ratio)
			// An input that stays fast at the size limit is not checked:
			// below some tens of milliseconds the noise dominates.
			if tb > 50*time.Millisecond && ratio > 24 {
				t.Errorf("time grows superlinearly: ×%.1f for ×8 input (%v -> %v)", ratio, ts, tb)
			}
		})
	}
}

// minSmall is the least size in bytes of the smaller input: at most 8
// bytes a token, it has more tokens than any pass keeps buffers for
// (pooled.MaxTokens), so that neither input is analysed with buffers
// recycled from the run before, which made small inputs of some shapes
// several times faster than their single first run and the ratio
// meaningless.
const minSmall = 8 * pooled.MaxTokens

// costFloor is the time the smaller input of TestAdversarialCostLinear is
// grown to.
const costFloor = 20 * time.Millisecond

// costPair times small and big in turn n times and returns the fastest run
// of each.
func costPair(t *testing.T, a *parley.Analyzer, small, big string, n int) (time.Duration, time.Duration) {
	t.Helper()
	ts, tb := time.Duration(1<<63-1), time.Duration(1<<63-1)
	for range n {
		ts = min(ts, costBest(t, a, small, 1))
		tb = min(tb, costBest(t, a, big, 1))
	}
	return ts, tb
}

// costBest returns the fastest of n analyses of text.
func costBest(t *testing.T, a *parley.Analyzer, text string, n int) time.Duration {
	t.Helper()
	best := time.Duration(1<<63 - 1)
	for range n {
		runtime.GC() // do not charge this run for the garbage of the last
		start := time.Now()
		if _, err := a.Analyze("cost", text); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	return best
}
