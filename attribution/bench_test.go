package attribution_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// BenchmarkExtract measures the attribution pass alone on the seed
// article: segmentation and lexicon matching are done once, outside the
// loop.
func BenchmarkExtract(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seed", "xi-putin-call.txt"))
	if err != nil {
		b.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	doc := segment.Parse(string(text))
	ann := lex.AnnotateSentences(doc.Tokens, doc.Sentences)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		attribution.ExtractAnnotated(doc, lex, ann)
	}
}
