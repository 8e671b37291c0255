package swar

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// lowest returns the index of the lowest byte of b for which match holds,
// or 8.
func lowest(b []byte, match func(byte) bool) int {
	for i, c := range b {
		if match(c) {
			return i
		}
	}
	return 8
}

// found returns what a result says: the index of the lowest matching
// byte, or 8 when there is none.
func found(m uint64) int { return bits.TrailingZeros64(m) / 8 }

func TestAgainstBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	// Bytes near the edges of the tests, and any byte.
	pick := []byte{0, 1, 0x1f, 0x20, 0x21, '"', '\\', 0x7f, 0x80, 0xff}
	b := make([]byte, 8)
	for range 200_000 {
		for i := range b {
			if rng.IntN(2) == 0 {
				b[i] = pick[rng.IntN(len(pick))]
			} else {
				b[i] = byte(rng.IntN(256))
			}
		}
		x := LoadBytes(b)
		if y := Load(string(b)); y != x {
			t.Fatalf("% x: Load %x, LoadBytes %x", b, y, x)
		}
		for _, n := range []byte{1, 0x20, 0x80} {
			if got, want := found(Less(x, n)), lowest(b, func(c byte) bool { return c < n }); got != want {
				t.Fatalf("% x: Less(%#x) finds byte %d, want %d", b, n, got, want)
			}
		}
		if got, want := found(Zero(x)), lowest(b, func(c byte) bool { return c == 0 }); got != want {
			t.Fatalf("% x: Zero finds byte %d, want %d", b, got, want)
		}
		for _, c := range []byte{'"', '\\', 0x80, 0xff} {
			if got, want := found(Equal(x, c)), lowest(b, func(d byte) bool { return d == c }); got != want {
				t.Fatalf("% x: Equal(%#x) finds byte %d, want %d", b, c, got, want)
			}
		}
		if got, want := x&Highs == 0, lowest(b, func(c byte) bool { return c >= 0x80 }) == 8; got != want {
			t.Fatalf("% x: x&Highs == 0 is %v, want %v", b, got, want)
		}
	}
}
