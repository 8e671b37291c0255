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
// punctuation , ; : ( ) — – -- ? ! and the boundaryWords. It runs on
// every token, so a word is first tested against boundaryFilter, which
// turns nearly all other words away without comparing strings.
func isBoundary(t *segment.Token) bool {
	switch t.Kind {
	case segment.Punct:
		switch t.Norm {
		case ",", ";", ":", "(", ")", "—", "–", "--", "?", "!":
			return true
		}
	case segment.Word:
		k := boundaryKey(t.Norm)
		return boundaryFilter[k/64]&(1<<(k%64)) != 0 && slices.Contains(boundaryWords, t.Norm)
	}
	return false
}

// boundaryWords are the subordinators and conjunctions that open a clause.
var boundaryWords = []string{"but", "while", "whereas", "although", "though", "however",
	"because", "since", "as", "when", "after", "before", "which", "who", "if",
	"unless", "until", "that"}

// boundaryFilter has the bit boundaryKey(w) set for every boundary word w:
// 18 of its 1024 bits.
var boundaryFilter = func() (f [16]uint64) {
	for _, w := range boundaryWords {
		k := boundaryKey(w)
		f[k/64] |= 1 << (k % 64)
	}
	return f
}()

// boundaryKey hashes the length and the first and last bytes of s to a
// bit of boundaryFilter.
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
