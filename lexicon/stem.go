package lexicon

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"

	"github.com/parleylab/parley/segment"
)

// stemCacheMax bounds the stem cache; past it, stems are computed without
// being stored, so that arbitrary input cannot grow memory without bound.
const stemCacheMax = 1 << 16

// stems caches english.Stem for every Lexicon: stemming is pure.
var stems = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// Stem returns the snowball English stem of word, english.Stem(word, false),
// from a cache shared by all lexicons; it is safe for concurrent use. The
// lexicon uses it only as a fallback for the regular forms of verbs and
// stance terms, never on party names.
func (l *Lexicon) Stem(word string) string { return stem(word) }

func stem(word string) string {
	stems.RLock()
	s, ok := stems.m[word]
	stems.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(word, false)
	stems.Lock()
	if len(stems.m) < stemCacheMax {
		stems.m[strings.Clone(word)] = s
	}
	stems.Unlock()
	return s
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
