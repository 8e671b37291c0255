package attribution

import (
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// Extract TEMPORARY placeholder.
func Extract(doc *segment.Doc, lex *lexicon.Lexicon) []Attribution { return nil }
