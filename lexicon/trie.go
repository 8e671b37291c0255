package lexicon

import (
	"math/bits"
	"slices"
)

// The matchers do not look every token up in a string-keyed map per trie
// and level. A lexicon numbers every word its tries use (its vocabulary),
// and the tries are walked on these word ids. Each trie has a filter of
// the first words of its entries, a bitset indexed by a hash of a few
// bytes and the length of a word that needs no loop over the word; a
// token's norm is looked up in the vocabulary only when a filter lets it
// through, once for all the tries (see word), so most tokens cost a few
// bit tests.

// word is a token norm (or a stem) on its way through the tries: its
// filter key, and its id once looked up.
type word struct {
	s   string
	key uint32
	id  int32 // -1 until looked up; 0: not a word of the lexicon
}

func newWord(s string) word { return word{s: s, key: filterKey(s), id: -1} }

// filterKey hashes the length and the first, middle and last bytes of s.
func filterKey(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	return (uint32(s[0]) | uint32(s[n/2])<<8 | uint32(s[n-1])<<16 | uint32(n)<<24) * 0x9E3779B1
}

// wordID returns the id of w in the vocabulary.
func (l *Lexicon) wordID(w *word) int32 {
	if w.id < 0 {
		w.id = l.words[w.s]
	}
	return w.id
}

// addWord gives s the next id in words unless it has one. Ids start at 1.
func addWord(words map[string]int32, s string) {
	if _, ok := words[s]; !ok {
		words[s] = int32(len(words) + 1)
	}
}

// trie is a token trie keyed by word ids. root is indexed by the id of
// the first word; it is nil for an empty trie. filter has the bit
// filterKey(w) >> shift set for every first word w.
type trie struct {
	root   []*tnode
	filter []uint64
	shift  uint8
}

// tnode is a node of a trie: ids as in node, and the children sorted by
// word id.
type tnode struct {
	next []tedge
	ids  []int32
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
// words.
func compile(n *node, words map[string]int32) trie {
	if len(n.next) == 0 {
		return trie{}
	}
	t := trie{root: make([]*tnode, len(words)+1)}
	t.makeFilter(len(n.next))
	for k, c := range n.next {
		t.root[words[k]] = compileNode(c, words)
		t.addFilter(k)
	}
	return t
}

// makeFilter makes a filter of at least 16 bits per first word, which
// lets about one word in 16 through by chance.
func (t *trie) makeFilter(n int) {
	size := 64
	for size < 16*n {
		size *= 2
	}
	t.filter = make([]uint64, size/64)
	t.shift = uint8(32 - bits.TrailingZeros(uint(size)))
}

func (t *trie) addFilter(s string) {
	b := filterKey(s) >> t.shift
	t.filter[b/64] |= 1 << (b % 64)
}

func compileNode(n *node, words map[string]int32) *tnode {
	t := &tnode{ids: n.ids}
	if len(n.next) > 0 {
		t.next = make([]tedge, 0, len(n.next))
		for k, c := range n.next {
			t.next = append(t.next, tedge{words[k], compileNode(c, words)})
		}
		slices.SortFunc(t.next, func(a, b tedge) int { return int(a.word - b.word) })
	}
	return t
}

// first returns the node of the entries that start with w, or nil.
func (t *trie) first(l *Lexicon, w *word) *tnode {
	if t.root == nil {
		return nil
	}
	b := w.key >> t.shift
	if t.filter[b/64]&(1<<(b%64)) == 0 {
		return nil
	}
	return t.root[l.wordID(w)]
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
