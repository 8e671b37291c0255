package stance

import (
	"slices"

	"github.com/parleylab/parley/segment"
)

// Closed word classes the relation rules read clauses with. They are
// grammar, not domain vocabulary, so they live here rather than in the
// lexicon files; every entry is a lower-case token Norm.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isBoundary reports whether t ends a clause: negation, hedges and the
// narrated subject never reach across it. The boundaries are the
// boundaryPuncts and the boundaryWords. The clause index runs it on every
// token of the sentences it lists, so it is one table probe and at most
// one string comparison, and it inlines.
func isBoundary(t *segment.Token) bool {
	e := int(boundaryTable[boundaryKey(t.Norm)]) - 1
	return e >= 0 && t.Kind == boundaryKinds[e] && t.Norm == boundaryList[e]
}

// boundaryWords are the subordinators and conjunctions that open a clause.
var boundaryWords = []string{"but", "while", "whereas", "although", "though", "however",
	"because", "since", "as", "when", "after", "before", "which", "who", "if",
	"unless", "until", "that"}

// boundaryPuncts are the marks that end a clause.
var boundaryPuncts = []string{",", ";", ":", "(", ")", "—", "–", "--", "?", "!"}

// boundaryList holds the boundary words then the boundary marks, and
// boundaryKinds the token kind of each.
var boundaryList = slices.Concat(boundaryWords, boundaryPuncts)

var boundaryKinds = func() []segment.Kind {
	k := make([]segment.Kind, len(boundaryList))
	for i := len(boundaryWords); i < len(k); i++ {
		k[i] = segment.Punct
	}
	return k
}()

// boundaryTable maps boundaryKey(w) to 1 + the index of w in boundaryList
// for every boundary w, and the other 996 keys to 0. No two boundaries
// share a key (TestIsBoundary checks each).
var boundaryTable = func() (t [1 << 10]uint8) {
	for i, w := range boundaryList {
		t[boundaryKey(w)] = uint8(i + 1)
	}
	return t
}()

// boundaryKey hashes the length and the first and last bytes of s to a
// key of boundaryTable.
func boundaryKey(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	return (uint32(s[0]) | uint32(s[n-1])<<8 | uint32(n)<<16) * 0x9E3779B1 >> 22
}

// isMutual reports whether a word refers to a pair of parties without
// naming them: "their positions coincided", "bilateral relations", "the
// relationship".
func isMutual(norm string) bool {
	switch norm {
	case "their", "both", "bilateral", "mutual", "mutually", "each", "jointly",
		"joint", "relationship", "relations", "ties", "together":
		return true
	}
	return false
}

// isCoordinator reports whether a word joins the members of a party
// group: "Venezuela and Cuba".
func isCoordinator(norm string) bool {
	switch norm {
	case "and", "or", ",", "&", "the", "as", "well", "nor":
		return true
	}
	return false
}

// functionWords carry no topic: they are left out of the claim–text
// overlap.
var functionWords = set("a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by",
	"from", "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "has",
	"have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might",
	"must", "should", "shall", "it", "its", "this", "that", "these", "those", "he", "she",
	"they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them",
	"us", "me", "who", "whom", "which", "what", "as", "if", "than", "then", "so", "not",
	"no", "up", "out", "about", "into", "over", "after", "before", "after", "just", "also",
	"new", "says", "said", "say", "report", "reports", "'s", "s", "more", "all", "some",
	"there", "here", "when", "where", "how", "why", "now", "via", "after", "over")
