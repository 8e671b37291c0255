// Package swar tests the eight bytes of a 64-bit word at once ("SIMD
// within a register"). The hot loops of parley (tokenizing, validating
// JSON strings, indexing multi-byte characters, probing the lexicon's
// vocabulary) skip runs of ordinary bytes a word at a time with these
// helpers.
//
// The tests set the high bit (bit 7) of the bytes that match. A borrow
// from a matching byte may also set it in bytes above that one, so a
// result says exactly whether some byte matches and which is the lowest
// (bits.TrailingZeros64(m) / 8), not which others do.
package swar

const (
	// Lows has the low bit of each byte set.
	Lows = 0x0101010101010101
	// Highs has the high bit of each byte set; x&Highs != 0 when a byte
	// of x is not ASCII.
	Highs = 0x8080808080808080
)

// Load returns the first 8 bytes of s as a little-endian word. s must
// hold at least 8 bytes. The compiler merges the byte loads into one.
func Load(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// LoadBytes is Load for a byte slice.
func LoadBytes(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Less sets the high bit of the lowest byte of x below n (n <= 0x80), and
// possibly of bytes above it; it is 0 exactly when no byte is below n.
func Less(x uint64, n byte) uint64 { return (x - Lows*uint64(n)) &^ x & Highs }

// Zero is Less(x, 1): the lowest byte of x that is 0.
func Zero(x uint64) uint64 { return Less(x, 1) }

// Equal is Zero for the bytes of x equal to c.
func Equal(x uint64, c byte) uint64 { return Zero(x ^ Lows*uint64(c)) }
