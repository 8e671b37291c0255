package lexicon

import (
	"hash/maphash"
	"strings"
	"sync/atomic"

	"github.com/kljensen/snowball/english"

	"github.com/parleylab/parley/segment"
)

// stems caches english.Stem for every Lexicon: stemming is pure. It is a
// fixed table of 1<<stemCacheBits entries, so that arbitrary input cannot
// grow memory without bound; a word may sit in one of two slots, chosen
// by its hash, and evicts the entry of the first when both are taken.
// Reads take no lock: a slot holds an immutable entry, replaced atomically.
var stems [1 << stemCacheBits]atomic.Pointer[stemEntry]

const stemCacheBits = 14

var stemSeed = maphash.MakeSeed()

type stemEntry struct{ word, stem string }

// Stem returns the snowball English stem of word, english.Stem(word, false),
// from a cache shared by all lexicons; it is safe for concurrent use. The
// lexicon uses it only as a fallback for the regular forms of verbs and
// stance terms, never on party names.
func (l *Lexicon) Stem(word string) string { return stem(word) }

func stem(word string) string {
	const mask = 1<<stemCacheBits - 1
	h := maphash.String(stemSeed, word)
	s1, s2 := &stems[h&mask], &stems[(h>>stemCacheBits)&mask]
	if e := s1.Load(); e != nil && e.word == word {
		return e.stem
	}
	e2 := s2.Load()
	if e2 != nil && e2.word == word {
		return e2.stem
	}
	// Clone both: word may be part of a large document, and so may the
	// stem, which is word itself for a stop word.
	e := &stemEntry{word: strings.Clone(word), stem: strings.Clone(english.Stem(word, false))}
	if e2 == nil {
		s2.Store(e)
	} else {
		s1.Store(e)
	}
	return e.stem
}

// regularForm reports whether the stem fallback applies to t: a word of
// at least four letters with a regular inflection, -s, -ed or -ing.
// "reportedly" (-ly) and "state" are not, so they never reach "report" or
// the verb "state" through the stem.
func regularForm(t *segment.Token) bool {
	n := t.Norm
	return t.Kind == segment.Word && len(n) > 3 &&
		(strings.HasSuffix(n, "s") || strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "ing"))
}
