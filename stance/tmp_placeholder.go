package stance

import (
	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// Score TEMPORARY placeholder.
func Score(doc *segment.Doc, atts []attribution.Attribution, lex *lexicon.Lexicon) []Relation { return nil }

// Aggregate TEMPORARY placeholder.
func Aggregate(rels []Relation) []Pair { return nil }
