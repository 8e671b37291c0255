package stance

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// TestTokenRange checks tokenRange, which gallops from a hint, against a
// scan of every token, for spans of every kind (empty, inside a token,
// across sentences, past the text) and hints anywhere in the document,
// out of range too.
func TestTokenRange(t *testing.T) {
	doc := segment.Parse("Moscow said on Monday that talks would resume, but Kyiv denied it.  " +
		"The minister, who spoke in Brussels, criticized the plan.\n\n“We will not,” he said. Short.")
	n, size := len(doc.Tokens), len(doc.Text)
	ref := func(sp segment.Span) (int, int) {
		from := 0
		for from < n && doc.Tokens[from].Start < sp.Start {
			from++
		}
		to := from
		for to < n && doc.Tokens[to].End <= sp.End {
			to++
		}
		return from, to
	}
	x := newIndex(doc, &lexicon.Annotations{}, new(scratch))
	r := rand.New(rand.NewPCG(7, 1))
	for range 20000 {
		start := r.IntN(size+4) - 2
		sp := segment.Span{Start: start, End: start + r.IntN(size/2)}
		hint := r.IntN(n+4) - 2
		wf, wt := ref(sp)
		if gf, gt := x.tokenRange(sp, hint); gf != wf || gt != wt {
			t.Fatalf("tokenRange(%v, hint %d) = %d, %d; want %d, %d", sp, hint, gf, gt, wf, wt)
		}
	}
}

// TestGallop checks gallop against sort.Search on sorted lists of every
// small length with repeats, for every target and hints anywhere.
func TestGallop(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 40 {
		s := make([]int, n)
		for i := range s {
			s[i] = r.IntN(20)
		}
		slices.Sort(s)
		for target := -1; target <= 21; target++ {
			want := sort.SearchInts(s, target)
			for hint := -2; hint <= n+2; hint++ {
				if got := gallop(s, hint, func(v *int) bool { return *v < target }); got != want {
					t.Fatalf("gallop(%v, %d) for %d = %d, want %d", s, hint, target, got, want)
				}
			}
		}
	}
}
