package stance_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
	"github.com/parleylab/parley/stance"
)

// att describes an attribution by its texts: the source (with parties),
// the cue and the content, each found at its first occurrence after the
// previous one's start... the content is searched from the start, so
// content before the cue ("…,” X denied") works too.
type att struct {
	source  string
	parties []string
	cue     string
	content string
}

// build returns the document and the attributions the test describes; the
// cue's lemma and class come from the lexicon, as the attribution pass
// would give them.
func build(t *testing.T, lex *lexicon.Lexicon, text string, as []att) (*segment.Doc, []attribution.Attribution) {
	t.Helper()
	doc := segment.Parse(text)
	find := func(s string, from int) segment.Span {
		i := strings.Index(text[from:], s)
		require.GreaterOrEqual(t, i, 0, "%q not in %q", s, text)
		return segment.Span{Start: from + i, End: from + i + len(s)}
	}
	var out []attribution.Attribution
	for k, a := range as {
		src := find(a.source, 0)
		cue := find(a.cue, src.End)
		r := attribution.Attribution{ID: fmt.Sprintf("a%d", k+1), Content: find(a.content, 0),
			Source: &attribution.Source{Span: src, Parties: a.parties}}
		r.Cue.Span = cue
		for si, s := range doc.Sentences {
			if s.Contains(cue) {
				r.Sentence = si
			}
		}
		var toks []segment.Token
		for _, tk := range doc.Tokens {
			if cue.Contains(tk.Span) {
				toks = append(toks, tk)
			}
		}
		cm := lex.MatchCues(toks)
		require.NotEmpty(t, cm, "no cue in %q", a.cue)
		r.Cue.Lemma, r.Cue.Class = cm[0].Cue.Lemma, cm[0].Cue.Class
		out = append(out, r)
	}
	return doc, out
}

// rel is the part of a relation the table checks.
type rel struct {
	source, target string
	label          stance.Label
	negated        bool
	hedged         bool
}

func summary(rels []stance.Relation) []rel {
	out := make([]rel, len(rels))
	for i, r := range rels {
		out[i] = rel{r.Source, r.Target, r.Label, r.Negated, r.Hedged}
	}
	slices.SortFunc(out, func(a, b rel) int { return strings.Compare(a.source+a.target, b.source+b.target) })
	return out
}

func TestScoreTable(t *testing.T) {
	lex := defaultLexicon(t)
	cases := []struct {
		name string
		text string
		atts []att
		want []rel
	}{
		{"cue class accuse, target is the first party of the complement",
			"Ukraine and the European Union have accused Beijing of providing military assistance to Russia.",
			[]att{{"Ukraine and the European Union", []string{"EU", "UKR"}, "accused", "Beijing of providing military assistance to Russia"}},
			[]rel{{"EU", "CHN", stance.Accuse, false, false}, {"UKR", "CHN", stance.Accuse, false, false}}},
		{"possessive target",
			"Russia reiterated support for Beijing’s position on Taiwan.",
			[]att{{"Russia", []string{"RUS"}, "reiterated support for", "Beijing’s position on Taiwan"}},
			[]rel{{"RUS", "CHN", stance.Support, false, false}}},
		{"coordinated targets",
			"The leaders reiterated support for maintaining cooperation with Venezuela and Cuba.",
			[]att{{"The leaders", []string{"CHN", "RUS"}, "reiterated support for", "maintaining cooperation with Venezuela and Cuba"}},
			[]rel{{"CHN", "CUB", stance.Support, false, false}, {"CHN", "VEN", stance.Support, false, false},
				{"RUS", "CUB", stance.Support, false, false}, {"RUS", "VEN", stance.Support, false, false}}},
		{"denial of the owner of the claim",
			"Ukraine and the European Union have accused Beijing of providing military assistance to Russia, allegations China denies.",
			[]att{{"Ukraine and the European Union", []string{"EU", "UKR"}, "accused", "Beijing of providing military assistance to Russia"},
				{"China", []string{"CHN"}, "denies", "allegations"}},
			[]rel{{"CHN", "EU", stance.Deny, false, false}, {"CHN", "UKR", stance.Deny, false, false},
				{"EU", "CHN", stance.Accuse, false, false}, {"UKR", "CHN", stance.Accuse, false, false}}},
		{"mutual through their, both directions",
			"Chinese President Xi Jinping met Russian President Vladimir Putin. Kremlin adviser Yuri Ushakov said their positions coincided.",
			[]att{{"Kremlin adviser Yuri Ushakov", []string{"RUS"}, "said", "their positions coincided"}},
			[]rel{{"CHN", "RUS", stance.Agree, false, false}, {"RUS", "CHN", stance.Agree, false, false}}},
		{"content term with a named target, the source's own party left out",
			"Putin described ties between Moscow and Beijing as a stabilizing force.",
			[]att{{"Putin", []string{"RUS"}, "described", "ties between Moscow and Beijing as a stabilizing force"}},
			[]rel{{"RUS", "CHN", stance.Support, false, false}}},
		{"report of a report yields only the inner speaker",
			"Chinese state media reported that Xi said Russia was a reliable partner.",
			[]att{{"Chinese state media", []string{"CHN"}, "reported", "Xi said Russia was a reliable partner"},
				{"Xi", []string{"CHN"}, "said", "Russia was a reliable partner"}},
			[]rel{{"CHN", "RUS", stance.Support, false, false}}},
		{"negated content term",
			"Britain said Iran was not a reliable partner.",
			[]att{{"Britain", []string{"GBR"}, "said", "Iran was not a reliable partner"}},
			[]rel{{"GBR", "IRN", stance.Support, true, false}}},
		{"hedge in the content of a reported event",
			"Britain said Iran may back the plan of Syria.",
			[]att{{"Britain", []string{"GBR"}, "said", "Iran may back the plan of Syria"}},
			[]rel{{"IRN", "SYR", stance.Support, false, true}}},
		{"reported joint event: the content's subject, not the reporter",
			"The Turkish and Greek sides have agreed to share information, a UN official said.",
			[]att{{"a UN official", []string{"UN"}, "said", "The Turkish and Greek sides have agreed to share information"}},
			[]rel{{"GRC", "TUR", stance.Agree, false, false}, {"TUR", "GRC", stance.Agree, false, false}}},
		{"a demand is the speaker's, not a reported event",
			"China said Washington should stop smearing China.",
			[]att{{"China", []string{"CHN"}, "said", "Washington should stop smearing China"}},
			[]rel{{"CHN", "USA", stance.Deny, false, false}}},
		{"reported event of the source's own party stays the source's",
			"Britain said Britain backed France.",
			[]att{{"Britain", []string{"GBR"}, "said", "Britain backed France"}},
			[]rel{{"GBR", "FRA", stance.Support, false, false}}},
		{"a cue whose words are a stance term",
			"China demanded that the United States cancel the arms sale.",
			[]att{{"China", []string{"CHN"}, "demanded", "the United States cancel the arms sale"}},
			[]rel{{"CHN", "USA", stance.Criticize, false, false}}},
		{"no source party, no relation",
			"Officials said Iran was a reliable partner.",
			[]att{{"Officials", nil, "said", "Iran was a reliable partner"}},
			[]rel{}},
		{"narrated joint event",
			"Jordan and Britain have agreed to undertake joint military exercises this month.",
			nil,
			[]rel{{"GBR", "JOR", stance.Agree, false, false}, {"JOR", "GBR", stance.Agree, false, false}}},
		{"narrated negation: did not deny",
			"China did not deny the report by Ukraine.",
			nil,
			[]rel{{"CHN", "UKR", stance.Deny, true, false}}},
		{"narrated negation: declined to endorse",
			"Germany declined to endorse the plan of France.",
			nil,
			[]rel{{"DEU", "FRA", stance.Support, true, false}}},
		{"narrated negation: has not backed",
			"Germany has not backed France.",
			nil,
			[]rel{{"DEU", "FRA", stance.Support, true, false}}},
		{"negation scope stops at the clause boundary",
			"Germany was not consulted, but France condemned Iran.",
			nil,
			[]rel{{"FRA", "IRN", stance.Criticize, false, false}}},
		{"narrated hedge",
			"Russia reportedly backed Serbia.",
			nil,
			[]rel{{"RUS", "SRB", stance.Support, false, true}}},
		{"narrated verb without a target party",
			"France condemned the attack.",
			nil,
			[]rel{}},
		{"narrated term without a group subject or target",
			"The invasion began in February.",
			nil,
			[]rel{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, atts := build(t, lex, tc.text, tc.atts)
			rels := stance.Score(doc, atts, lex)
			assert.Equal(t, tc.want, summary(rels), "text %q\nrelations %+v", tc.text, rels)
			for _, r := range rels {
				assert.NotEmpty(t, r.Evidence, "%+v", r)
				assert.Equal(t, r.Label.Positive() != r.Negated, r.Score > 0, "sign of %+v", r)
			}
		})
	}
}

// TestScoreStrength checks the formula's ordering: intensifiers raise,
// hedges lower, negation flips and halves.
func TestScoreStrength(t *testing.T) {
	lex := defaultLexicon(t)
	score := func(text string) float64 {
		rels := stance.Score(segment.Parse(text), nil, lex)
		require.Len(t, rels, 1, "text %q: %+v", text, rels)
		return rels[0].Score
	}
	plain := score("Britain condemned Iran.")
	strong := score("Britain strongly condemned Iran.")
	hedged := score("Britain reportedly condemned Iran.")
	negated := score("Britain did not condemn Iran.")
	assert.Less(t, plain, 0.0)
	assert.Less(t, strong, plain, "intensifier")
	assert.Greater(t, hedged, plain, "hedge")
	assert.Less(t, hedged, 0.0, "hedge keeps the sign")
	assert.InDelta(t, plain*stance.NegationFactor, negated, 1e-9, "negation")
}

func TestScoreNilAndEmpty(t *testing.T) {
	lex := defaultLexicon(t)
	assert.Empty(t, stance.Score(nil, nil, lex))
	assert.Empty(t, stance.Score(segment.Parse(""), nil, lex))
	assert.Empty(t, stance.Score(segment.Parse("Britain condemned Iran."), nil, nil))
	// Attributions with spans outside the text are ignored, not a panic.
	doc := segment.Parse("Britain condemned Iran.")
	bad := []attribution.Attribution{{ID: "a1", Sentence: 7, Content: segment.Span{Start: 50, End: 90},
		Source: &attribution.Source{Parties: []string{"GBR"}}}}
	bad[0].Cue.Span = segment.Span{Start: 40, End: 45}
	bad[0].Cue.Class = lexicon.Deny
	assert.NotPanics(t, func() { stance.Score(doc, bad, lex) })
}

func FuzzScore(f *testing.F) {
	if testing.Short() {
		f.Skip("fuzzing skipped under -short")
	}
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seed", "xi-putin-call.txt"))
	require.NoError(f, err)
	for _, line := range strings.Split(string(b), "\n") {
		f.Add(line)
	}
	f.Add("Germany did not, however, condemn France; Iran reportedly backed their plan.")
	f.Add("“No,” Russia denied. Both sides agreed.")
	lex := defaultLexicon(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := segment.Parse(text)
		rels := stance.Score(doc, nil, lex)
		for _, r := range rels {
			if math.IsNaN(r.Score) || r.Score < -1 || r.Score > 1 {
				t.Fatalf("score %v out of [-1, 1] for %q", r.Score, text)
			}
			for _, e := range r.Evidence {
				if e.Start < 0 || e.End > len(text) || e.Start > e.End {
					t.Fatalf("evidence %+v outside %q", e, text)
				}
			}
		}
		for _, p := range stance.Aggregate(rels) {
			if math.IsNaN(p.Score) || p.Score < -1 || p.Score > 1 || p.N != p.Positive+p.Negative {
				t.Fatalf("pair %+v for %q", p, text)
			}
		}
	})
}

func BenchmarkScore(b *testing.B) {
	lex := defaultLexicon(b)
	s := loadGold(b, seedPath, lex)
	b.SetBytes(int64(len(s.doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		stance.Score(s.doc, s.atts, lex)
	}
}
