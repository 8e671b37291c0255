package eval

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

const fixtureText = "Kim said taxes rise. Lee told us prices fall. Ann thinks so."

func span(s, e int) parley.Span {
	return parley.Span{Start: s, End: e, Text: string([]rune(fixtureText)[s:e])}
}

func attr(src *[2]int, cue, content [2]int, parties []string, optional bool) parley.Attribution {
	a := parley.Attribution{Cue: parley.Cue{Span: span(cue[0], cue[1])}, Content: span(content[0], content[1]), Optional: optional}
	if src != nil {
		a.Source = &parley.Source{Span: span(src[0], src[1]), Parties: parties}
	}
	return a
}

// fixture returns the hand-scored gold and predicted documents; the
// expected counts in TestScoreDocument are worked out in its comments.
func fixture() (gold, pred *parley.Document) {
	gold = &parley.Document{ID: "d", Text: fixtureText,
		Attributions: []parley.Attribution{
			attr(&[2]int{0, 3}, [2]int{4, 8}, [2]int{9, 19}, []string{"KOR"}, false), // Kim | said | taxes rise
			attr(&[2]int{21, 24}, [2]int{25, 32}, [2]int{33, 44}, []string{}, false), // Lee | told us | prices fall
			attr(&[2]int{46, 49}, [2]int{50, 56}, [2]int{57, 59}, []string{}, true),  // Ann | thinks | so (optional)
		},
		Stances: []parley.Stance{
			{Source: "USA", Target: "CHN", Label: "criticize"},
			{Source: "USA", Target: "CHN", Label: "accuse"},
			{Source: "CHN", Target: "USA", Label: "support", Negated: true},
			{Source: "RUS", Target: "RUS", Label: "agree"},
		}}
	pred = &parley.Document{ID: "d", Text: fixtureText,
		Attributions: []parley.Attribution{
			attr(&[2]int{0, 3}, [2]int{4, 8}, [2]int{9, 20}, []string{"KOR"}, false),    // Kim | said | taxes rise.
			attr(&[2]int{21, 29}, [2]int{25, 29}, [2]int{40, 44}, []string{"X"}, false), // Lee told | told | fall
			attr(&[2]int{46, 49}, [2]int{50, 56}, [2]int{57, 59}, nil, false),           // Ann | thinks | so
			attr(nil, [2]int{33, 39}, [2]int{40, 44}, nil, false),                       // - | prices | fall
		},
		Stances: []parley.Stance{
			{Source: "USA", Target: "CHN", Label: "deny"},
			{Source: "CHN", Target: "USA", Label: "support"},
		}}
	return gold, pred
}

func TestScoreDocument(t *testing.T) {
	gold, pred := fixture()
	ds := ScoreDocument(gold, pred, Options{})
	// Span level. Source: gold {Kim, Lee}, optional {Ann}, predicted
	// {Kim, Lee told, Ann}; Ann overlaps the optional gold and is dropped.
	// Cue: gold {said, told us}, optional {thinks}, predicted {said, told,
	// thinks, prices}. Content: gold {taxes rise, prices fall}, optional
	// {so}, predicted {taxes rise., fall, so} (fall once).
	spans := []struct {
		mode Mode
		typ  SpanType
		want Counts
		f1   float64
	}{
		{Exact, SourceSpan, Counts{1, 2, 2}, 0.5},
		{FirstToken, SourceSpan, Counts{2, 2, 2}, 1},
		{Overlap, SourceSpan, Counts{2, 2, 2}, 1}, // J(Lee, Lee told) = 1/2
		{Exact, CueSpan, Counts{1, 3, 2}, 0.4},
		{FirstToken, CueSpan, Counts{2, 3, 2}, 0.8},
		{Overlap, CueSpan, Counts{2, 3, 2}, 0.8},
		{Exact, ContentSpan, Counts{0, 2, 2}, 0},
		{FirstToken, ContentSpan, Counts{1, 2, 2}, 0.5},
		{Overlap, ContentSpan, Counts{2, 2, 2}, 1},
	}
	for _, tc := range spans {
		got := ds.Spans[tc.mode][tc.typ]
		assert.Equal(t, tc.want, got, "%s %s", tc.mode, tc.typ)
		assert.InDelta(t, tc.f1, got.F1(), 1e-12, "%s %s", tc.mode, tc.typ)
	}
	// Linked: said-said and told-told us link, thinks links the optional
	// gold (dropped), prices links nothing. Gold: 2 attributions, 2 with a
	// source, 2 with content; predicted (without the optional match): 3,
	// 2 with a source, 3 with content.
	linked := []struct {
		mode Mode
		want Linked
	}{
		{Exact, Linked{Cue: Counts{2, 3, 2}, Source: Counts{1, 2, 2}, Content: Counts{0, 3, 2}, Triple: Counts{0, 3, 2}}},
		{FirstToken, Linked{Cue: Counts{2, 3, 2}, Source: Counts{2, 2, 2}, Content: Counts{1, 3, 2}, Triple: Counts{1, 3, 2}}},
		{Overlap, Linked{Cue: Counts{2, 3, 2}, Source: Counts{2, 2, 2}, Content: Counts{2, 3, 2}, Triple: Counts{2, 3, 2}}},
	}
	for _, tc := range linked {
		assert.Equal(t, tc.want, ds.Linked[tc.mode], "%s", tc.mode)
	}
	assert.InDelta(t, 0.8, ds.Linked[Exact].Cue.F1(), 1e-12)
	assert.InDelta(t, 0.4, ds.Linked[FirstToken].Content.F1(), 1e-12)
	// Parties: only Kim's gold source names parties, and KOR = KOR.
	assert.Equal(t, Counts{1, 1, 1}, ds.Party)
	// Relations: gold {(USA,CHN,-1)} (duplicate, negated and self left
	// out); predicted {(USA,CHN,-1), (CHN,USA,+1)}.
	assert.Equal(t, Counts{1, 2, 1}, ds.Relations)
	assert.InDelta(t, 2.0/3, ds.Relations.F1(), 1e-12)
	assert.Equal(t, Counts{1, 2, 1}, ds.Pairs)
}

func TestScoreDocumentNoPrediction(t *testing.T) {
	gold, _ := fixture()
	ds := ScoreDocument(gold, nil, Options{})
	assert.Equal(t, Counts{0, 0, 2}, ds.Spans[Exact][CueSpan])
	assert.Equal(t, 0.0, ds.Spans[Exact][CueSpan].R())
	assert.True(t, math.IsNaN(ds.Spans[Exact][CueSpan].P()))
	assert.Equal(t, 0.0, ds.Spans[Exact][CueSpan].F1())
}

func TestSumAndCounts(t *testing.T) {
	gold, pred := fixture()
	a := ScoreDocument(gold, pred, Options{})
	b := ScoreDocument(gold, gold, Options{})
	s := Sum([]DocScore{a, b})
	// b is perfect: exact cue 2/2/2, so the sum is {1+2, 3+2, 2+2}.
	assert.Equal(t, Counts{3, 5, 4}, s.Spans[Exact][CueSpan])
	assert.InDelta(t, 3.0/5, s.Spans[Exact][CueSpan].P(), 1e-12)
	assert.InDelta(t, 3.0/4, s.Spans[Exact][CueSpan].R(), 1e-12)
	assert.InDelta(t, 6.0/9, s.Spans[Exact][CueSpan].F1(), 1e-12)
	assert.True(t, math.IsNaN(Counts{}.F1()))
}

func TestOverlapTheta(t *testing.T) {
	gold, pred := fixture()
	// With θ = 0.6, J = 1/2 no longer matches: source Lee / Lee told fails.
	ds := ScoreDocument(gold, pred, Options{Theta: 0.6})
	assert.Equal(t, Counts{1, 2, 2}, ds.Spans[Overlap][SourceSpan])
	assert.Equal(t, Counts{1, 2, 2}, ds.Spans[Overlap][ContentSpan])
}

func TestPolNeARNormalize(t *testing.T) {
	text := `Officials have said that "the economy is fine." He also said: no. Trump, reportedly has told it.`
	runes := []rune(text)
	find := func(s string) Frag {
		i := len([]rune(text[:indexOf(text, s)]))
		return Frag{i, i + len([]rune(s))}
	}
	cases := []struct {
		name string
		in   string
		typ  SpanType
		want string
	}{
		{"content that and quotes", `that "the economy is fine."`, ContentSpan, "the economy is fine"},
		{"cue auxiliary", "have said", CueSpan, "said"},
		{"cue adverb", "also said", CueSpan, "said"},
		{"cue adverb and auxiliary", "reportedly has told", CueSpan, "told"},
		{"cue alone stays", "said", CueSpan, "said"},
		{"colon cue dropped", ":", CueSpan, ""},
		{"source comma", "Trump,", SourceSpan, "Trump"},
		{"source keeps that", "that", SourceSpan, "that"},
	}
	for _, tc := range cases {
		got := normalize(runes, []Frag{find(tc.in)}, tc.typ)
		if tc.want == "" {
			assert.Empty(t, got, tc.name)
			continue
		}
		require.Len(t, got, 1, tc.name)
		assert.Equal(t, tc.want, string(runes[got[0].Start:got[0].End]), tc.name)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestPolNeARFragmentsAndNesting(t *testing.T) {
	// Code points, not bytes: "é" and "’" are one each.
	text := "José said “we won” and, he added, “they lost.”"
	runes := []rune(text)
	at := func(s string) [2]int {
		i := len([]rune(text[:indexOf(text, s)]))
		return [2]int{i, i + len([]rune(s))}
	}
	content1, content2 := at("“we won”"), at("“they lost.”")
	gold, err := ParseBrat("x.ann", stringsReader(
		"T1\tSource 0 4\tJosé\n"+
			"T2\tCue 5 9\tsaid\n"+
			"T3\tContent "+itoa(content1[0])+" "+itoa(content1[1])+";"+itoa(content2[0])+" "+itoa(content2[1])+"\t“we won” “they lost.”\n"+
			"T4\tAttribution 5 9\tsaid\n"+
			"E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"), "x", text)
	require.NoError(t, err)
	require.Len(t, gold.Attributions, 1)
	a := Attrs(gold, Options{PolNeAR: true})
	require.Len(t, a, 1)
	require.Len(t, a[0].Content, 2)
	assert.Equal(t, "we won", string(runes[a[0].Content[0].Start:a[0].Content[0].End]))
	assert.Equal(t, "they lost", string(runes[a[0].Content[1].Start:a[0].Content[1].End]))

	parent := "a1"
	pred := &parley.Document{ID: "x", Text: text, Attributions: []parley.Attribution{
		{ID: "a1", Source: &parley.Source{Span: parley.Span{Start: 0, End: 4, Text: "José"}}, Cue: parley.Cue{Span: parley.Span{Start: 5, End: 9, Text: "said"}},
			Content: parley.Span{Start: content1[0], End: content1[1], Text: string(runes[content1[0]:content1[1]])}},
		{ID: "a2", Parent: &parent, Cue: parley.Cue{Span: parley.Span{Start: 27, End: 32, Text: string(runes[27:32])}},
			Content: parley.Span{Start: content2[0], End: content2[1], Text: string(runes[content2[0]:content2[1]])}},
	}}
	ds := ScoreDocument(gold, pred, Options{PolNeAR: true})
	// Each gold fragment is a content span of its own: 1 of 2 found; the
	// nested prediction a2 is not compared.
	assert.Equal(t, Counts{1, 1, 2}, ds.Spans[Exact][ContentSpan])
	assert.Equal(t, Counts{1, 1, 1}, ds.Spans[Exact][CueSpan])
	// Linked: the content fragment lists differ.
	assert.Equal(t, Counts{0, 1, 1}, ds.Linked[Exact].Content)
	assert.Equal(t, Counts{1, 1, 1}, ds.Linked[Exact].Source)
}

// TestPolNeARPredictionWithoutText: predictions written without --text are
// normalised on the gold text, so they score as if the text were there.
func TestPolNeARPredictionWithoutText(t *testing.T) {
	text := `Trump has said that "the economy is fine."`
	att := func(srcS, srcE, cueS, cueE, conS, conE int) parley.Attribution {
		r := []rune(text)
		sp := func(s, e int) parley.Span { return parley.Span{Start: s, End: e, Text: string(r[s:e])} }
		return parley.Attribution{ID: "a1", Type: "direct",
			Source: &parley.Source{Span: sp(srcS, srcE), Parties: []string{}},
			Cue:    parley.Cue{Span: sp(cueS, cueE)}, Content: sp(conS, conE)}
	}
	gold := &parley.Document{ID: "d", Text: text, Attributions: []parley.Attribution{att(0, 5, 6, 14, 15, 42)}}
	pred := &parley.Document{ID: "d", Attributions: []parley.Attribution{att(0, 5, 6, 14, 15, 42)}}
	ds := ScoreDocument(gold, pred, Options{PolNeAR: true})
	for typ := range numTypes {
		assert.Equal(t, 1, ds.Spans[Exact][typ].TP, "span type %v", SpanType(typ))
	}
}
