package segment

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestASCIIWordRun checks the eight-bytes-at-a-time scan against a plain
// byte loop, on every start of strings mixing word bytes with the bytes
// next to the letter and digit ranges and bytes from 0x80 up.
func TestASCIIWordRun(t *testing.T) {
	alphabet := []byte("azAZ09mM5/:@[`{\x7f\x80\xc3\xa9\xe2\xff -.'")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		text := string(b)
		for start := range len(text) {
			end, seen := start, uint8(0)
			for end < len(text) && wordByte[text[end]] != 0 {
				seen |= wordByte[text[end]]
				end++
			}
			gotEnd, gotSeen := asciiWordRun(text, start)
			require.Equal(t, end, gotEnd, "end of the run from %d in %q", start, text)
			require.Equal(t, seen&(wbLower|wbUpper), gotSeen, "letters of the run from %d in %q", start, text)
		}
	}
}
