package parley

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestOffsetsCodePoints checks cp against counting the runes before every
// character boundary, with multi-byte characters on both sides of the
// eight-byte words that newOffsets skips at once, asked in order and in
// random order (each search starts where the last one ended).
func TestOffsetsCodePoints(t *testing.T) {
	texts := []string{
		"",
		"plain ASCII text, longer than one word of eight bytes",
		"sixteen ASCII b.",
		"thirty-two ASCII bytes, no more.",
		"sixteen ASCII b.é",
		"é",
		"1234567é",
		"12345678é",
		"123456789é",
		"Путин said “yes” — twice, 😀 then ok.",
		strings.Repeat("ab€", 9) + strings.Repeat("x", 17) + "中文",
	}
	r := rand.New(rand.NewPCG(1, 1))
	for _, text := range texts {
		o := newOffsets(text)
		var bounds []int
		for b := 0; b <= len(text); b++ {
			if b == len(text) || utf8.RuneStart(text[b]) {
				bounds = append(bounds, b)
			}
		}
		for pass := range 3 {
			if pass > 0 {
				r.Shuffle(len(bounds), func(i, j int) { bounds[i], bounds[j] = bounds[j], bounds[i] })
			}
			for _, b := range bounds {
				if got, want := o.cp(b), utf8.RuneCountInString(text[:b]); got != want {
					t.Errorf("%q: cp(%d) = %d, want %d", text, b, got, want)
				}
			}
		}
	}
}
