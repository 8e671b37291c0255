package lexicon

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVocab checks that every word of a vocabulary gets its id and that
// other strings get 0: words of every length, long words that share a
// key and length and so a hash ("stabilising" and "stabilizing" differ at
// no byte the key reads), and vocabularies of many sizes, so that
// buckets of every size are placed.
func TestVocab(t *testing.T) {
	shared := []string{"stabilising", "stabilizing", "stabilixing"}
	require.Equal(t, wordKey(shared[0]), wordKey(shared[1]), "the test needs words that share a key")
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, 1+rng.IntN(14))
		for i := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyz-'."[rng.IntN(29)]
		}
		return string(b)
	}
	for _, size := range []int{0, 1, 2, 7, 100, 2743, 40000} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			words := map[string]int32{}
			for _, w := range shared[:2] {
				addWord(words, w)
			}
			for len(words) < size+2 {
				addWord(words, word())
			}
			v := newVocab(words)
			for w, id := range words {
				require.Equal(t, id, v.id(w), w)
			}
			assert.Equal(t, int32(0), v.id(shared[2]), "shares the hash of vocabulary words")
			assert.Equal(t, int32(0), v.id(""))
			for range 10000 {
				w := word()
				if words[w] == 0 {
					require.Equal(t, int32(0), v.id(w), w)
				}
				// a prefix and an extension of a word: same first bytes
				for _, o := range []string{strings.ToUpper(w), w + "s", w[:len(w)-1]} {
					require.Equal(t, words[o], v.id(o), o)
				}
			}
		})
	}
}
