package gallop

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestSearch checks Search against sort.Search on sorted lists of every
// small length with repeats, for every target and hints anywhere.
func TestSearch(t *testing.T) {
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
				if got := Search(s, hint, func(v *int) bool { return *v < target }); got != want {
					t.Fatalf("Search(%v, %d) for %d = %d, want %d", s, hint, target, got, want)
				}
			}
		}
	}
}
