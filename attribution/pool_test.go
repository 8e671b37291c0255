package attribution

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// TestExtractRecycled checks that the extractors recycled between
// documents carry nothing over: each document gives what a new extractor
// gives, whatever ran before it, on one goroutine or several at once.
func TestExtractRecycled(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "testdata", "seed", "xi-putin-call.txt"))
	require.NoError(t, err)
	lex, err := lexicon.Default()
	require.NoError(t, err)
	texts := []string{
		string(seed),
		string(seed[:len(seed)/3]),
		"“We will not back down,” Putin said. He said Russia would act.",
		"According to the ministry, the talks failed. They said it was over.",
		"Yuri Ushakov, a Kremlin adviser, said the call went well. Ushakov added that it was warm.",
		"",
	}
	docs := make([]*segment.Doc, len(texts))
	anns := make([]*lexicon.Annotations, len(texts))
	want := make([][]Attribution, len(texts))
	for i, text := range texts {
		docs[i] = segment.Parse(text)
		anns[i] = lex.AnnotateSentences(docs[i].Tokens, docs[i].Sentences)
		if len(docs[i].Tokens) > 0 {
			want[i] = new(extractor).run(docs[i], lex, anns[i])
		}
	}
	for _, i := range []int{0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0} {
		assert.Equal(t, want[i], ExtractAnnotated(docs[i], lex, anns[i]), "document %d", i)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for r := range 20 {
				i := (g + r) % len(texts)
				assert.Equal(t, want[i], ExtractAnnotated(docs[i], lex, anns[i]), "document %d on goroutine %d", i, g)
			}
		})
	}
	wg.Wait()
}
