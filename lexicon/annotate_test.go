package lexicon

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/segment"
)

// compareTexts returns the texts the matchers are compared on: the seed
// article, a few hand-made cases, and the PolNeAR dev articles when
// ../shared/data is there.
func compareTexts(t *testing.T) map[string]string {
	t.Helper()
	seed, _ := seedArticle(t)
	texts := map[string]string{
		"seed": seed,
		"hand": "The U.S.-Russian talks. China’s envoy and the Kremlin's aide met the United States' allies in " +
			"the Security Council. Jordan Peterson, Turkey and turkey. \"He doesn't deny it,\" officials " +
			"said, reiterating support for the U.S. Russia\nPutin claims positions coincided; the claims " +
			"were refused to. South China Sea. the\nUnited Kingdom's prime minister told reporters",
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "shared", "data", "polnear", "dev", "text", "*.txt"))
	require.NoError(t, err)
	if len(files) == 0 {
		t.Log("PolNeAR dev texts not found: comparing on the seed and hand-made texts only")
	}
	if testing.Short() && len(files) > 10 {
		files = files[:10]
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		texts[filepath.Base(f)] = string(b)
	}
	return texts
}

// TestMatchersAgainstReference checks the matchers, Annotate and
// AnnotateSentences against refLex, the string-keyed matcher they
// replace, on whole documents and sentence by sentence.
func TestMatchersAgainstReference(t *testing.T) {
	for _, l := range []*Lexicon{defaultLex(t), extendedLex(t)} {
		ref := newRef(l)
		var reused Annotations // one for all the texts, which come in random order
		for name, text := range compareTexts(t) {
			doc := segment.Parse(text)
			toks := doc.Tokens
			want := Annotations{Cues: ref.refMatchCues(toks), Parties: ref.refMatchParties(toks),
				Roles: ref.refMatchRoles(toks), Terms: ref.refMatchTerms(toks)}
			require.NotEmpty(t, want.Cues, name)
			got := Annotations{Cues: l.MatchCues(toks), Parties: l.MatchParties(toks),
				Roles: l.MatchRoles(toks), Terms: l.MatchTerms(toks)}
			require.Equal(t, want, got, name)
			require.Equal(t, want, *l.Annotate(toks), name)

			var sentWant Annotations
			for _, s := range doc.Sentences {
				st := toks[s.First:s.Last]
				sentWant.Cues = append(sentWant.Cues, shift(ref.refMatchCues(st), s.First, func(m *CueMatch) *Match { return &m.Match })...)
				sentWant.Parties = append(sentWant.Parties, shift(ref.refMatchParties(st), s.First, func(m *PartyMatch) *Match { return &m.Match })...)
				sentWant.Roles = append(sentWant.Roles, shift(ref.refMatchRoles(st), s.First, func(m *RoleMatch) *Match { return &m.Match })...)
				sentWant.Terms = append(sentWant.Terms, shift(ref.refMatchTerms(st), s.First, func(m *TermMatch) *Match { return &m.Match })...)
			}
			require.NotEmpty(t, sentWant.Cues, name)
			require.Equal(t, sentWant, *l.AnnotateSentences(toks, doc.Sentences), name)
			l.AnnotateSentencesReusing(&reused, toks, doc.Sentences)
			require.Equal(t, sentWant, Annotations{Cues: nilIfEmpty(reused.Cues), Parties: nilIfEmpty(reused.Parties),
				Roles: nilIfEmpty(reused.Roles), Terms: nilIfEmpty(reused.Terms)}, name)

			for _, tok := range toks {
				wc, wok := ref.refNounCue(tok.Norm)
				gc, gok := l.NounCue(tok.Norm)
				require.Equal(t, wok, gok, tok.Norm)
				require.Equal(t, wc, gc, tok.Norm)
				wr, wok := ref.refRole(tok.Norm)
				gr, gok := l.Role(tok.Norm)
				require.Equal(t, wok, gok, tok.Norm)
				require.Equal(t, wr, gr, tok.Norm)
			}
		}
	}
}

// extendedLex is the default lexicon with a few user entries, among them
// a fallback verb and a stance term, so that the stem tries differ.
func extendedLex(t *testing.T) *Lexicon {
	t.Helper()
	l, err := defaultLex(t).Extend(fstest.MapFS{
		"cues.tsv":   {Data: []byte("# name: cues  version: local-1\nlambast\tcriticize\tverb\t-\n")},
		"stance.tsv": {Data: []byte("# name: stance  version: local-1\nrebuff\treject\t-0.8\n")},
	})
	require.NoError(t, err)
	return l
}

func TestAnnotateSentencesSkipsBadRanges(t *testing.T) {
	l := defaultLex(t)
	toks := segment.Tokenize("Russia said so. China denied it.")
	a := l.AnnotateSentences(toks, []segment.Sentence{{First: -1, Last: 2}, {First: 3, Last: 3},
		{First: 4, Last: 99}, {First: 4, Last: 8}})
	require.Len(t, a.Parties, 1)
	assert.Equal(t, Match{Start: 4, End: 5}, a.Parties[0].Match)
	require.Len(t, a.Terms, 1)
	assert.Equal(t, "denied", a.Terms[0].Term)
	require.Len(t, a.Roles, 1) // "it", a pronoun
	assert.Equal(t, Match{Start: 6, End: 7}, a.Roles[0].Match)
	require.Len(t, a.Cues, 1) // "denied"; "said" lies in a skipped range
	assert.Equal(t, Match{Start: 5, End: 6}, a.Cues[0].Match)
	assert.Equal(t, &Annotations{}, l.AnnotateSentences(toks, nil))
	assert.Equal(t, &Annotations{}, l.Annotate(nil))
}
