package lexicon

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/segment"
)

func seedArticle(tb testing.TB) (string, []segment.Token) {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seed", "xi-putin-call.txt"))
	require.NoError(tb, err)
	return string(b), segment.Tokenize(string(b))
}

// BenchmarkMatch measures each matcher, all four together (what Annotate
// replaces), Annotate, and the per-sentence forms, on the seed article.
func BenchmarkMatch(b *testing.B) {
	l := defaultLex(b)
	text, toks := seedArticle(b)
	doc := segment.Parse(text)
	all := func(t []segment.Token) {
		l.MatchCues(t)
		l.MatchParties(t)
		l.MatchRoles(t)
		l.MatchTerms(t)
	}
	for _, bc := range []struct {
		name string
		run  func()
	}{
		{"Cues", func() { l.MatchCues(toks) }},
		{"Parties", func() { l.MatchParties(toks) }},
		{"Terms", func() { l.MatchTerms(toks) }},
		{"Roles", func() { l.MatchRoles(toks) }},
		{"All", func() { all(toks) }},
		{"Annotate", func() { l.Annotate(toks) }},
		{"AnnotateSentences", func() { l.AnnotateSentences(doc.Tokens, doc.Sentences) }},
		{"AllPerSentence", func() {
			for _, s := range doc.Sentences {
				all(doc.Tokens[s.First:s.Last])
			}
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				bc.run()
			}
		})
	}
}

func BenchmarkLoadDefaultData(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadFS(mustSub(b)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSeedArticle checks the gazetteer and the cues on the seed article
// against its gold parties and cues.
func TestSeedArticle(t *testing.T) {
	l := defaultLex(t)
	text, toks := seedArticle(t)
	cues := map[string]bool{}
	for _, m := range l.MatchCues(toks) {
		cues[text[toks[m.Start].Start:toks[m.End-1].End]] = true
	}
	for _, c := range []string{"emphasized", "according to", "described", "highlighted", "called for", "urged",
		"reported", "said", "referenced", "reiterated support for", "pledged", "saying", "accused", "denies"} {
		require.True(t, cues[c], "gold cue %q", c)
	}
	codes := map[string]bool{}
	for _, m := range l.MatchParties(toks) {
		codes[m.Party.Code] = true
	}
	for _, c := range []string{"CHN", "RUS", "UKR", "USA", "EU", "VEN", "CUB", "TWN", "GBR", "CAN", "DEU", "IRN"} {
		require.True(t, codes[c], "party %s", c)
	}
}

// TestMatchAllocations: matching allocates only the growth of the result
// slice (a few allocations for the whole article, not one per token).
func TestMatchAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts in -short")
	}
	l := defaultLex(t)
	_, toks := seedArticle(t)
	l.MatchCues(toks) // warm the stem cache
	for name, f := range map[string]func(){
		"cues":    func() { l.MatchCues(toks) },
		"parties": func() { l.MatchParties(toks) },
		"roles":   func() { l.MatchRoles(toks) },
		"terms":   func() { l.MatchTerms(toks) },
	} {
		f()
		require.LessOrEqual(t, testing.AllocsPerRun(20, f), 12.0, name)
	}
}
