package wordhash

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTable checks that every word of a table gets its value and that
// other strings get 0: words of every length, long words that share a key
// and length and so a hash ("stabilising" and "stabilizing" differ at no
// byte the key reads), and tables of many sizes, so that buckets of every
// size are placed.
func TestTable(t *testing.T) {
	shared := []string{"stabilising", "stabilizing", "stabilixing"}
	require.Equal(t, Key(shared[0]), Key(shared[1]), "the test needs words that share a key")
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
			words := map[string]uint32{shared[0]: 1, shared[1]: 2}
			for len(words) < size+2 {
				if w := word(); words[w] == 0 {
					words[w] = uint32(len(words) + 1)
				}
			}
			tab := New(words)
			for w, v := range words {
				require.Equal(t, v, tab.Lookup(w), w)
			}
			assert.Equal(t, uint32(0), tab.Lookup(shared[2]), "shares the hash of two words")
			assert.Equal(t, uint32(0), tab.Lookup(""))
			for range 10000 {
				w := word()
				require.Equal(t, words[w], tab.Lookup(w), w)
				// a prefix and an extension of a word: same first bytes
				for _, o := range []string{strings.ToUpper(w), w + "s", w[:len(w)-1]} {
					require.Equal(t, words[o], tab.Lookup(o), o)
				}
			}
		})
	}
}

// TestKey checks that the key of a string of up to eight bytes holds all
// of them: two such strings of one length differ in their keys.
func TestKey(t *testing.T) {
	seen := map[[2]uint64]string{}
	for _, s := range []string{"a", "b", "ab", "ba", "abc", "acb", "abcd", "abdc", "abcdefgh", "abcdefhg", "bacdefgh", "aaaaaaab"} {
		k := [2]uint64{Key(s), uint64(len(s))}
		require.NotContains(t, seen, k, "%q and %q", s, seen[k])
		seen[k] = s
	}
	assert.Equal(t, uint64(0), Key(""))
}
