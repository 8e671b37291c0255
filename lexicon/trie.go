package lexicon

import (
	"math/bits"
	"slices"
	"strings"
	"unsafe"

	"github.com/parleylab/parley/internal/swar"
	"github.com/parleylab/parley/internal/wordhash"
	"github.com/parleylab/parley/segment"
)

// The matchers do not look every token up in a string-keyed map per trie
// and level. A lexicon numbers every word its tries use (its vocabulary),
// and the tries are walked on these word ids. The norms of a run of tokens
// are looked up once, before matching, into an array of word ids (see
// scanned) that every table and every step of a multi-word walk reads.

// vocab numbers the words of the tries; ids start at 1, and 0 means "not
// a word of the lexicon". Every token of a text is looked up in it, so it
// is a perfect hash table (see internal/wordhash).
type vocab struct{ wordhash.Table }

// newVocab makes the vocabulary of words, which holds ids 1 to len(words).
func newVocab(words map[string]int32) vocab {
	ids := make(map[string]uint32, len(words))
	for w, id := range words {
		ids[w] = uint32(id)
	}
	return vocab{wordhash.New(ids)}
}

// id returns the id of s, or 0.
func (v *vocab) id(s string) int32 { return int32(v.Lookup(s)) }

// The tables matched on token norms, numbered for scanned.cand and
// Lexicon.starts.
const (
	tabCues = iota
	tabRoles
	tabTerms
	tabParties
	numTables
)

// scanned is a run of tokens looked up for matching: the word ids of
// their norms, and for each table the candidates, the indices of the
// tokens where a match of the table may start. Most tokens are a
// candidate of no table: they start no entry and no fallback applies to
// them. Each table visits its own candidates only, which spares it a test
// per token whose outcome the processor cannot predict; a cursor that is
// behind a token it skips is still behind the next one, so skipping
// changes no match.
type scanned struct {
	ids  []int32
	cand [numTables][]int32
}

// scan looks the norms of toks up into s, reusing its arrays. It runs on
// every token of every document, so it is written as one loop with the
// look-up (vocab.lookup) and the fallback tests (fallbacks) worked into
// it by hand: the compiler inlines neither, and a call per token cost
// more than the work. The bytes of a norm are read through unsafe
// pointers at offsets below its length, which the compiler cannot prove
// in range and would otherwise check. The candidates are appended
// without a branch.
func (l *Lexicon) scan(s *scanned, toks []segment.Token) {
	n := len(toks)
	if cap(s.ids) < n {
		c := max(n, 2*cap(s.ids))
		s.ids = make([]int32, c)
		for b := range s.cand {
			s.cand[b] = make([]int32, c)
		}
	}
	ids := s.ids[:n]
	cues, roles, terms, parties := s.cand[tabCues][:n], s.cand[tabRoles][:n], s.cand[tabTerms][:n], s.cand[tabParties][:n]
	var kc, kr, kt, kp int
	v := &l.vocab
	starts, filter := l.starts, &l.stemFilter
	for i := range toks {
		t := &toks[i]
		w := t.Norm
		id, m := int32(0), 0
		if k := len(w); k != 0 {
			p := unsafe.StringData(w)
			// wordhash.KeyAt, which does not inline
			key := uint64(*p) | uint64(*byteAt(p, k>>3))<<8 | uint64(*byteAt(p, 2*k>>3))<<16 | uint64(*byteAt(p, 3*k>>3))<<24 |
				uint64(*byteAt(p, 4*k>>3))<<32 | uint64(*byteAt(p, 5*k>>3))<<40 | uint64(*byteAt(p, 6*k>>3))<<48 | uint64(*byteAt(p, k-1))<<56
			// wordhash.Table.Lookup
			sl := v.Slot(wordhash.Hash(key, k))
			ok := b2i(sl.Key == key) & b2i(int(sl.N) == k)
			if ok&b2i(k > 8) != 0 || sl.N == wordhash.SharedLen {
				id = int32(v.Match(w, sl))
			} else {
				id = int32(sl.Val) & -int32(ok)
			}
			// fallbacks
			last := k - 1
			c, pc := *byteAt(p, last), *byteAt(p, last-1+b2i(k < 2))
			pair, long := uint16(pc)<<8|uint16(c), -b2i(k >= 4)
			prefix := int(letters[*p])*27*27 + int(letters[*byteAt(p, min(1, last))])*27 + int(letters[*byteAt(p, min(2, last))])
			m = int(endings[c]) | int(endings4[c]&filter[prefix])&long |
				1<<tabParties&-b2i(pair == '\''<<8|'s') | 1<<tabTerms&long&-b2i(pair == '\''<<8|'t')
			// a hyphen: the key holds every byte of a norm of up to eight
			if swar.Equal(key, '-') != 0 || k > 8 && strings.IndexByte(w, '-') >= 0 {
				m |= 1 << tabParties
			}
		}
		ids[i] = id
		m = (m | int(starts[id])) & int(kindTables[t.Kind])
		// The counts are at most i, below the lists' length n.
		*at(cues, kc), *at(roles, kr), *at(terms, kt), *at(parties, kp) = int32(i), int32(i), int32(i), int32(i)
		kc += m >> tabCues & 1
		kr += m >> tabRoles & 1
		kt += m >> tabTerms & 1
		kp += m >> tabParties & 1
	}
	s.ids = ids
	// one slice at a time: assigning the array would cost a bulk write
	// barrier while the collector marks
	s.cand[tabCues], s.cand[tabRoles], s.cand[tabTerms], s.cand[tabParties] = cues[:kc], roles[:kr], terms[:kt], parties[:kp]
}

// at returns a pointer to s[i], unchecked: i must be in range.
func at(s []int32, i int) *int32 {
	return (*int32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(s)), 4*i))
}

// byteAt returns a pointer to the byte i of the string at p; i must be
// below the string's length.
func byteAt(p *byte, i int) *byte { return (*byte)(unsafe.Add(unsafe.Pointer(p), i)) }

// A token is a candidate of the tables whose entries its norm starts,
// and of those whose fallbacks may match at it whether or not it starts
// one: a regular form (-s, -ed, -ing, four bytes or more) whose prefix
// the stemFilter lets through for the stems of cues and terms, "n't" for
// the negation, and for the parties a final
// period that the party key drops, a possessive "'s", or a hyphen in the
// norm for the parts of a hyphenated word (hyphenParts needs as many in
// the norm as in the text). A party starts at a word or a number only.

// scanTable is scan for the table tab alone, as a Match method needs:
// it looks up only the norms that the table's filter of first words lets
// through, the other ids being -1 until a walk needs them (see idAt),
// and makes the candidates of tab only.
func (l *Lexicon) scanTable(s *scanned, toks []segment.Token, tab int) {
	n := len(toks)
	ids, cand := make([]int32, n), make([]int32, n)
	f := &l.filters[tab]
	k := 0
	for i := range toks {
		t := &toks[i]
		w := t.Norm
		id, m := int32(-1), 0
		if f.has(w) {
			id = l.vocab.id(w)
			m = int(l.starts[id])
		}
		// the roles have no fallback, a hyphen matters to the parties only
		if tab != tabRoles && w != "" {
			m |= l.fallbacks(w)
		}
		if tab == tabParties && strings.IndexByte(w, '-') >= 0 {
			m |= 1 << tabParties
		}
		ids[i] = id
		m &= int(kindTables[t.Kind])
		cand[k] = int32(i)
		k += m >> tab & 1
	}
	s.ids = ids
	s.cand[tab] = cand[:k]
}

// idAt returns the word id of toks[j], looking it up when scanTable left
// it out. It inlines; the look-up does not.
func (l *Lexicon) idAt(toks []segment.Token, ids []int32, j int) int32 {
	if id := ids[j]; id >= 0 {
		return id
	}
	return l.lookUpAt(toks, ids, j)
}

// lookUpAt looks up and notes the word id of toks[j] for idAt. It is
// kept out of idAt, which it would make too large to inline.
//
//go:noinline
func (l *Lexicon) lookUpAt(toks []segment.Token, ids []int32, j int) int32 {
	id := l.vocab.id(toks[j].Norm)
	ids[j] = id
	return id
}

// filter is a set of first words of a table for scanTable: a bitset
// indexed by a hash of a few bytes and the length of a word, which needs
// no loop over the word, with 16 bits or more per word so that about one
// other word in 16 gets through.
type filter struct {
	bits  []uint64
	shift uint8
}

func newFilter[V any](first map[string]V) filter {
	size := 64
	for size < 16*len(first) {
		size *= 2
	}
	f := filter{bits: make([]uint64, size/64), shift: uint8(32 - bits.TrailingZeros(uint(size)))}
	for s := range first {
		b := filterKey(s) >> f.shift
		f.bits[b/64] |= 1 << (b % 64)
	}
	return f
}

// has reports whether s may be in the set.
func (f *filter) has(s string) bool {
	b := filterKey(s) >> f.shift
	return f.bits[b/64]&(1<<(b%64)) != 0
}

// filterKey hashes the length and the first, middle and last bytes of s.
func filterKey(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	return (uint32(s[0]) | uint32(s[n/2])<<8 | uint32(s[n-1])<<16 | uint32(n)<<24) * 0x9E3779B1
}

// fallbacks returns the bits of the tables whose fallbacks may match
// at the norm w, which is not empty, testing it without a branch: the
// ending of w, and for the stems its prefix. A final period makes a party
// candidate also when it is the whole norm, which partiesAt then rejects.
func (l *Lexicon) fallbacks(w string) int {
	c, p := w[len(w)-1], w[len(w)-2+b2i(len(w) < 2)]
	pair, long := uint16(p)<<8|uint16(c), -b2i(len(w) >= 4)
	return int(endings[c]) | int(endings4[c]&l.stemFilter[stemPrefix(w)])&long |
		1<<tabParties&-b2i(pair == '\''<<8|'s') | 1<<tabTerms&long&-b2i(pair == '\''<<8|'t')
}

// endings and endings4 are the tables whose fallbacks read the last byte
// of a norm, and of a norm of four bytes or more, besides "n't" and "'s";
// kindTables are the
// tables that may start at a token of each kind.
var (
	endings  = [256]uint8{'.': 1 << tabParties}
	endings4 = [256]uint8{'s': 1<<tabCues | 1<<tabTerms, 'd': 1<<tabCues | 1<<tabTerms,
		'g': 1<<tabCues | 1<<tabTerms}
	kindTables = func() (k [256]uint8) {
		for i := range k {
			k[i] = 0xff &^ (1 << tabParties)
		}
		k[segment.Word], k[segment.Number] = 0xff, 0xff
		return k
	}()
)

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
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
