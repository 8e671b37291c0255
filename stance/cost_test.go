package stance_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
	"github.com/parleylab/parley/stance"
)

// TestScoreCostLinear times Score on long pathological inputs at 1× and
// 8× their size. Linear growth gives a ratio of 8, quadratic 64; the test
// allows 24, with the best of three runs (and of five more when the first
// look is bad), so that a busy machine does not fail it.
func TestScoreCostLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test skipped under -short")
	}
	lex := defaultLexicon(t)
	for _, tc := range []struct {
		name string
		unit string // repeated to build the input
		n    int    // repetitions of the smaller input
	}{
		{"stance terms in one sentence", "Moscow condemned and rejected and denied Kyiv's support ", 500},
		{"sentences with attributions", "Moscow said on Monday that Beijing had denied the claims. ", 1_000},
		{"nested open quotes", "“He said ‘she said “they said ", 1_000},
		{"according to chains", "according to Russia according to China ", 1_000},
		{"narrated terms with hedges", "Xi and Putin reportedly did not strongly deny their support for Kyiv ", 500},
		{"quoted denials", "“Russia condemned China and reportedly rejected the claims Beijing denied ", 500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			small, big := scoreInput(lex, tc.unit, tc.n), scoreInput(lex, tc.unit, 8*tc.n)
			ts, tb := scoreBest(small, lex, 3), scoreBest(big, lex, 3)
			ratio := float64(tb) / float64(max(ts, time.Microsecond))
			if ratio > 24 {
				// A busy machine can slow one run; measure again before failing.
				ts, tb = min(ts, scoreBest(small, lex, 5)), min(tb, scoreBest(big, lex, 5))
				ratio = float64(tb) / float64(max(ts, time.Microsecond))
			}
			t.Logf("%d tokens: %v; %d tokens: %v; ratio %.1f", len(small.doc.Tokens), ts, len(big.doc.Tokens), tb, ratio)
			assert.LessOrEqual(t, ratio, 24.0, "time grows superlinearly: %v -> %v for 8× input", ts, tb)
		})
	}
}

type scoreCase struct {
	doc  *segment.Doc
	atts []attribution.Attribution
}

// scoreInput parses n copies of unit and extracts its attributions.
func scoreInput(lex *lexicon.Lexicon, unit string, n int) scoreCase {
	doc := segment.Parse(strings.Repeat(unit, n))
	return scoreCase{doc, attribution.Extract(doc, lex)}
}

// scoreBest returns the fastest of n runs of Score on c.
func scoreBest(c scoreCase, lex *lexicon.Lexicon, n int) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range n {
		start := time.Now()
		stance.Score(c.doc, c.atts, lex)
		best = min(best, time.Since(start))
	}
	return best
}
