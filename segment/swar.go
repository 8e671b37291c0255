package segment

// The word scanner classifies eight bytes at a time ("SWAR": SIMD within a
// register) instead of one: a word then usually ends inside the first
// block, so the loop takes one well-predicted branch per word instead of
// a hard-to-predict one per byte. These are its helpers beside those of
// internal/swar.

import "github.com/parleylab/parley/internal/swar"

// inRange sets the high bit of each byte of x that lies in [lo, hi], for
// bytes below 0x80 (1 <= lo <= hi < 0x80). A byte from 0x80 up may carry
// into the next one and garble the bytes after it, so the caller must only
// trust the bytes before the first such byte.
func inRange(x uint64, lo, hi byte) uint64 {
	return (x + swar.Lows*uint64(0x80-lo)) &^ (x + swar.Lows*uint64(0x7f-hi)) & swar.Highs
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
