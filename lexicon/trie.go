package lexicon

import (
	"math/bits"
	"slices"

	"github.com/parleylab/parley/segment"
)

// The matchers do not look every token up in a string-keyed map per trie
// and level. A lexicon numbers every word its tries use (its vocabulary),
// and the tries are walked on these word ids. The norms of a run of tokens
// are looked up once, before matching, into an array of word ids (see
// wordIDs) that every table and every step of a multi-word walk reads.

// vocab numbers the words of a lexicon's tries; ids start at 1, and 0
// means "not a word of the lexicon". It is an open-addressing hash table
// rather than a map[string]int32 because every token of a text is looked
// up in it and about half are not in it: a miss usually costs one hash of
// two loads and one probe of an empty slot, with no call and no group
// scan. The table is at most a quarter full, which keeps probe runs short.
type vocab struct {
	slots []vslot
	words []string // id -> word; words[0] is unused
	shift uint8    // 64 - log2(len(slots)): the top bits of a hash index slots
}

// vslot is a slot of a vocab: the low 32 bits of its word's hash, which
// spare most string comparisons on a probe, and the word's id (0: empty).
type vslot struct {
	hash uint32
	id   int32
}

// newVocab makes the vocabulary of words, which holds ids 1 to len(words).
func newVocab(words map[string]int32) vocab {
	size := 8
	for size < 4*len(words) {
		size *= 2
	}
	v := vocab{slots: make([]vslot, size), words: make([]string, len(words)+1),
		shift: uint8(64 - bits.TrailingZeros(uint(size)))}
	for s, id := range words {
		v.words[id] = s
		h := hashWord(s)
		i := h >> v.shift
		for v.slots[i].id != 0 {
			i = (i + 1) & uint64(size-1)
		}
		v.slots[i] = vslot{uint32(h), id}
	}
	return v
}

// id returns the id of s, or 0.
func (v *vocab) id(s string) int32 {
	h := hashWord(s)
	mask := uint64(len(v.slots) - 1)
	for i := h >> v.shift; ; i = (i + 1) & mask {
		sl := v.slots[i&mask]
		if sl.id == 0 {
			return 0
		}
		if sl.hash == uint32(h) && v.words[sl.id] == s {
			return sl.id
		}
	}
}

// hashWord hashes s from its length and its first and last eight (or
// four) bytes, which for words are enough to tell most apart; the string
// comparison of a probe settles the rest.
func hashWord(s string) uint64 {
	n := len(s)
	var x uint64
	switch {
	case n >= 8:
		x = load64(s) ^ bits.RotateLeft64(load64(s[n-8:]), 29)
	case n >= 4:
		x = uint64(load32(s)) | uint64(load32(s[n-4:]))<<32
	case n > 0:
		x = uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	}
	// the finalizer of MurmurHash3, so that every bit of x reaches the
	// top bits that index the slots
	x ^= uint64(n) * 0x9E3779B97F4A7C15
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return x
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// wordIDs returns the vocabulary ids of the norms of toks.
func (l *Lexicon) wordIDs(toks []segment.Token) []int32 {
	ids := make([]int32, len(toks))
	for i := range toks {
		ids[i] = l.vocab.id(toks[i].Norm)
	}
	return ids
}

// addWord gives s the next id in words unless it has one. Ids start at 1.
func addWord(words map[string]int32, s string) {
	if _, ok := words[s]; !ok {
		words[s] = int32(len(words) + 1)
	}
}

// trie is a token trie keyed by word ids. root is indexed by the id of
// the first word; it is nil for an empty trie.
type trie struct {
	root []*tnode
}

// tnode is a node of a trie: ids as in node, the children sorted by word
// id, and id, the entry a walk that ends here finds (0: none), which
// depends on the trie (see compile).
type tnode struct {
	next []tedge
	ids  []int32
	id   int32
}

type tedge struct {
	word int32
	node *tnode
}

// collect numbers the keys of the trie n in words.
func (n *node) collect(words map[string]int32) {
	for k, c := range n.next {
		addWord(words, k)
		c.collect(words)
	}
}

// compile turns the string-keyed trie n into a trie keyed by the ids of
// words; id gives the id of each node from its ids.
func compile(n *node, words map[string]int32, id func([]int32) int32) trie {
	if len(n.next) == 0 {
		return trie{}
	}
	var last int32
	for k := range n.next {
		last = max(last, words[k])
	}
	t := trie{root: make([]*tnode, last+1)}
	for k, c := range n.next {
		t.root[words[k]] = compileNode(c, words, id)
	}
	return t
}

func compileNode(n *node, words map[string]int32, id func([]int32) int32) *tnode {
	t := &tnode{ids: n.ids, id: id(n.ids)}
	if len(n.next) > 0 {
		t.next = make([]tedge, 0, len(n.next))
		for k, c := range n.next {
			t.next = append(t.next, tedge{words[k], compileNode(c, words, id)})
		}
		slices.SortFunc(t.next, func(a, b tedge) int { return int(a.word - b.word) })
	}
	return t
}

// first returns the node of the entries that start with the word id w, or
// nil.
func (t *trie) first(w int32) *tnode {
	if uint(w) < uint(len(t.root)) {
		return t.root[w]
	}
	return nil
}

// child returns the child of n for the word id w, or nil.
func (n *tnode) child(w int32) *tnode {
	e := n.next
	if w == 0 {
		return nil
	}
	if len(e) <= 8 {
		for i := range e {
			if e[i].word == w {
				return e[i].node
			}
		}
		return nil
	}
	if i, ok := slices.BinarySearchFunc(e, w, func(e tedge, w int32) int { return int(e.word - w) }); ok {
		return e[i].node
	}
	return nil
}
