package stance

import (
	"math/rand/v2"
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
