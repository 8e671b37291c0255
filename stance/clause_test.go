package stance

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// TestClauseLazy checks clauseStart and clauseEnd, whose boundaries are
// listed lazily sentence by sentence (or for the whole document), against
// a scan of every token, for questions in random order: on segmented text,
// on sentences without boundaries (the walk gives up and lists them all),
// and on sentences that do not tile the tokens.
func TestClauseLazy(t *testing.T) {
	texts := map[string]*segment.Doc{
		"news": segment.Parse("Moscow said on Monday that talks would resume, but Kyiv denied it. " +
			"The minister, who spoke in Brussels, criticized the plan; however, he backed it. " +
			"Short. Again. If so, then yes! Why? Because (as ever) it was late — too late."),
		"no boundaries": segment.Parse(strings.Repeat("Russia backed China. ", 40) + "Then, it ended."),
	}
	gap := segment.Parse("First part here, with a comma. Second part. Third one, too.")
	gap.Sentences = gap.Sentences[1:] // the first sentence's tokens are in none
	texts["gap"] = gap
	for name, doc := range texts {
		t.Run(name, func(t *testing.T) {
			n := len(doc.Tokens)
			isB := func(j int) bool { return isBoundary(&doc.Tokens[j]) }
			refStart := func(i, lo int) int {
				i = min(max(i, 0), n)
				for b := i - 1; b >= 0; b-- {
					if isB(b) {
						if b >= lo {
							return b + 1
						}
						break
					}
				}
				return lo
			}
			refEnd := func(i, hi int) int {
				i = min(max(i, 0), n)
				for b := i; b < n; b++ {
					if isB(b) {
						return min(b, hi)
					}
				}
				return min(n, hi)
			}
			for seed := range uint64(20) {
				x := newIndex(doc, &lexicon.Annotations{}, new(scratch))
				r := rand.New(rand.NewPCG(seed, 1))
				for range 300 {
					i := r.IntN(n+5) - 2
					lo := i - r.IntN(n+2)
					hi := i + r.IntN(n+2)
					if got, want := x.clauseStart(i, lo), refStart(i, lo); got != want {
						t.Fatalf("seed %d: clauseStart(%d, %d) = %d, want %d", seed, i, lo, got, want)
					}
					if got, want := x.clauseEnd(i, hi), refEnd(i, hi); got != want {
						t.Fatalf("seed %d: clauseEnd(%d, %d) = %d, want %d", seed, i, hi, got, want)
					}
				}
			}
		})
	}
}
