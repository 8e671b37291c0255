// Package wordhash is a perfect hash table of words, for the look-ups
// that parley makes for every token: the lexicon's vocabulary and the
// attribution pass's word classes.
//
// About half the tokens of a text are in such a table, so a look-up must
// not branch on the outcome, which no processor could predict. The words
// are fixed once the table is built, so it is a perfect hash table ("hash
// and displace"): the top bits of a word's hash pick a bucket, the
// bucket's displacement and the hash give the one slot where the word can
// be, and a look-up reads that slot and compares its key and length. A
// word of up to eight bytes is told from any other string by its key and
// length alone (see Key); a longer word is compared, and the few words
// that share a hash are looked up in a map.
package wordhash

import (
	"math/bits"
	"slices"
	"unsafe"
)

// Key packs the bytes of s at the eighths of its length, s[i*n/8] for i
// from 0 to 6, and its last byte into a word; 0 for "". These are all the
// bytes of s when it has eight or fewer, so that the key and the length
// then tell s from any other string, and the loads take no branch whatever
// the length. The last byte tells apart most longer words that differ by
// their ending, "reiterated" and "reiterates", which would otherwise share
// a hash.
func Key(s string) uint64 {
	if len(s) == 0 {
		return 0
	}
	return KeyAt(unsafe.StringData(s), len(s))
}

// KeyAt is Key of the n > 0 bytes at p. It reads them through unsafe
// pointers, at offsets below n that the compiler could not prove in range.
func KeyAt(p *byte, n int) uint64 {
	return uint64(*p) | uint64(*byteAt(p, n>>3))<<8 | uint64(*byteAt(p, 2*n>>3))<<16 | uint64(*byteAt(p, 3*n>>3))<<24 |
		uint64(*byteAt(p, 4*n>>3))<<32 | uint64(*byteAt(p, 5*n>>3))<<40 | uint64(*byteAt(p, 6*n>>3))<<48 | uint64(*byteAt(p, n-1))<<56
}

// byteAt returns a pointer to the byte i of the string at p; i must be
// below the string's length.
func byteAt(p *byte, i int) *byte { return (*byte)(unsafe.Add(unsafe.Pointer(p), i)) }

// Hash hashes a word key and length, mixing all their bits into the top
// bits that pick the buckets and slots.
func Hash(key uint64, n int) uint64 {
	h := (key ^ uint64(n)*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
	return h ^ h>>31
}

// Slot is a slot of a Table: the key, length and value of its word. An
// empty slot has length 0, which no word has, and the slot of a hash that
// several words share has length SharedLen, which none has either.
type Slot struct {
	Key uint64
	N   uint32
	Val uint32
}

// SharedLen is the length of a slot whose words share their hash: Match
// looks them up.
const SharedLen = ^uint32(0)

// Table maps words to values.
type Table struct {
	disp   []uint64 // per bucket: the displacement mixed into the hashes of its words
	slots  []Slot
	words  []string          // per slot, its word
	shared map[string]uint32 // the words whose hash another word has
	bshift uint8             // 64 - log2(len(disp)): the top bits of a hash pick the bucket
	sshift uint8             // 64 - log2(len(slots))
}

// New makes the table of words and their values. A value of 0 cannot be
// told from a missing word.
func New(words map[string]uint32) Table {
	var t Table
	// One slot per hash: a word whose hash an earlier one has goes to
	// shared, with that one.
	type entry struct {
		h    uint64
		sl   Slot
		word string
	}
	byHash := make(map[uint64]int, len(words))
	var entries []entry
	for s, val := range words {
		if s == "" {
			continue // no token has an empty norm, and Key("") is that of no word
		}
		key := Key(s)
		h := Hash(key, len(s))
		if e, ok := byHash[h]; ok {
			if t.shared == nil {
				t.shared = map[string]uint32{}
			}
			entries[e].sl.N = SharedLen
			t.shared[entries[e].word] = entries[e].sl.Val
			t.shared[s] = val
			continue
		}
		byHash[h] = len(entries)
		entries = append(entries, entry{h, Slot{Key: key, N: uint32(len(s)), Val: val}, s})
	}
	// A table about 80 % full at most, and buckets of two to four words;
	// a bucket that finds no displacement within maxDisp doubles the
	// table, which nearly never happens.
	nslots := 8
	for 4*nslots < 5*len(entries) {
		nslots *= 2
	}
	nbuckets := max(1, nslots/4)
	t.bshift = uint8(64 - bits.TrailingZeros(uint(nbuckets)))
	buckets := make([][]int, nbuckets)
	for i, e := range entries {
		b := e.h >> t.bshift
		buckets[b] = append(buckets[b], i)
	}
	order := make([]int, nbuckets)
	for b := range order {
		order[b] = b
	}
	// The largest buckets first, while the table is emptiest.
	slices.SortStableFunc(order, func(a, b int) int { return len(buckets[b]) - len(buckets[a]) })
	for !t.place(buckets, order, nslots, func(i int) (uint64, Slot, string) { return entries[i].h, entries[i].sl, entries[i].word }) {
		nslots *= 2
	}
	return t
}

// maxDisp bounds the displacements tried for one bucket.
const maxDisp = 1 << 16

// place sets the slots of a table of nslots and the displacements of the
// buckets, in order, and reports whether every bucket found one.
func (t *Table) place(buckets [][]int, order []int, nslots int, entry func(int) (uint64, Slot, string)) bool {
	t.slots = make([]Slot, nslots)
	t.words = make([]string, nslots)
	t.disp = make([]uint64, len(buckets))
	t.sshift = uint8(64 - bits.TrailingZeros(uint(nslots)))
	taken := make([]int, 0, 8)
	for _, b := range order {
		if len(buckets[b]) == 0 {
			continue
		}
		placed := false
		for d := range uint64(maxDisp) {
			t.disp[b] = d * 0x9E3779B97F4A7C15
			taken = taken[:0]
			for _, i := range buckets[b] {
				h, _, _ := entry(i)
				k := int(t.index(h))
				if t.slots[k].N != 0 || slices.Contains(taken, k) {
					break
				}
				taken = append(taken, k)
			}
			if len(taken) == len(buckets[b]) {
				for j, i := range buckets[b] {
					_, sl, w := entry(i)
					t.slots[taken[j]], t.words[taken[j]] = sl, w
				}
				placed = true
				break
			}
		}
		if !placed {
			return false
		}
	}
	return true
}

// index returns the index of the slot of the hash h. The lengths of disp
// and slots are powers of two, so that the masked indices are in range,
// and the shifts are below 64.
func (t *Table) index(h uint64) uint64 {
	d := *(*uint64)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(t.disp)), 8*(h>>(t.bshift&63)&uint64(len(t.disp)-1))))
	return (h ^ d) * 0xBF58476D1CE4E5B9 >> (t.sshift & 63) & uint64(len(t.slots)-1)
}

// Slot returns the slot of the hash h, without a bounds check (see
// index). A string of that hash is the slot's word when it has the slot's
// key and length and at most eight bytes; else Match decides.
func (t *Table) Slot(h uint64) *Slot {
	return (*Slot)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(t.slots)), 16*t.index(h)))
}

// Lookup returns the value of s, or 0.
func (t *Table) Lookup(s string) uint32 {
	key := Key(s)
	sl := t.Slot(Hash(key, len(s)))
	ok := b2u(sl.Key == key) & b2u(int(sl.N) == len(s))
	// The test is arithmetic, not a chain of branches on ok.
	if ok&b2u(len(s) > 8) != 0 || sl.N == SharedLen {
		return t.Match(s, sl)
	}
	return sl.Val & -ok
}

// Match returns the value of s, whose hash gave the slot sl, or 0: for s
// longer than eight bytes with the slot's key and length, or a slot of
// words that share their hash.
func (t *Table) Match(s string, sl *Slot) uint32 {
	if sl.N == SharedLen {
		return t.shared[s]
	}
	if i := (uintptr(unsafe.Pointer(sl)) - uintptr(unsafe.Pointer(unsafe.SliceData(t.slots)))) / 16; t.words[i] == s {
		return sl.Val
	}
	return 0
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}
