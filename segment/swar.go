package segment

import "math/bits"

// The word scanner classifies eight bytes at a time ("SWAR": SIMD within a
// register) instead of one: a word then usually ends inside the first
// block, so the loop takes one well-predicted branch per word instead of
// a hard-to-predict one per byte.
const (
	lsbs = 0x0101010101010101 // the low bit of each byte
	msbs = 0x8080808080808080 // the high bit of each byte
)

// load64 returns the 8 bytes of s from i on as a little-endian word; the
// compiler merges the byte loads into one.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// inRange sets the high bit of each byte of x that lies in [lo, hi], for
// bytes below 0x80 (1 <= lo <= hi < 0x80). A byte from 0x80 up may carry
// into the next one and garble the bytes after it, so the caller must only
// trust the bytes before the first such byte.
func inRange(x uint64, lo, hi byte) uint64 {
	return (x + lsbs*uint64(0x80-lo)) &^ (x + lsbs*uint64(0x7f-hi)) & msbs
}

// asciiWordRun returns the end of the run of ASCII letters and digits
// that starts at byte i of text, and the wbLower and wbUpper bits of the
// letters it holds.
func asciiWordRun(text string, i int) (int, uint8) {
	var upper, lower uint64 // high bits of the upper- and lower-case letters seen
	for i+8 <= len(text) {
		x := load64(text, i)
		letter := inRange(x|lsbs*0x20, 'a', 'z') // | 0x20 folds case
		isLower := x << 2 & msbs                 // bit 5 (0x20) of each byte
		word := (letter | inRange(x, '0', '9')) &^ x
		if word == msbs {
			upper |= letter &^ isLower
			lower |= letter & isLower
			i += 8
			continue
		}
		// only the bytes before the first non-word byte count
		k := bits.TrailingZeros64(^word & msbs)
		prefix := uint64(1)<<k - 1
		upper |= letter &^ isLower & prefix
		lower |= letter & isLower & prefix
		i += k >> 3
		return i, caseBits(upper, lower)
	}
	var seen uint8
	for i < len(text) && wordByte[text[i]] != 0 {
		seen |= wordByte[text[i]]
		i++
	}
	return i, seen&(wbLower|wbUpper) | caseBits(upper, lower)
}

// caseBits turns the high-bit masks of upper- and lower-case letters into
// wbUpper and wbLower bits.
func caseBits(upper, lower uint64) uint8 {
	var b uint8
	if upper != 0 {
		b |= wbUpper
	}
	if lower != 0 {
		b |= wbLower
	}
	return b
}
