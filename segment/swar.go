package segment

// The word scanner classifies eight bytes at a time ("SWAR": SIMD within a
// register) instead of one: a word then usually ends inside the first
// block, so the loop takes one well-predicted branch per word instead of
// a hard-to-predict one per byte. These are its helpers.
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

// asciiTail is the end of the run of ASCII letters and digits that starts
// at byte i of text, scanned a byte at a time for the last few bytes of
// text; it adds the upper- and lower-case letters of the run to the
// masks.
func asciiTail(text string, i int, upper, lower uint64) (int, uint64, uint64) {
	for ; i < len(text) && wordByte[text[i]] != 0; i++ {
		upper |= uint64(wordByte[text[i]] & wbUpper)
		lower |= uint64(wordByte[text[i]] & wbLower)
	}
	return i, upper, lower
}
