package stance_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/stance"
)

func TestParseClaimLabel(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want stance.ClaimLabel
		err  bool
	}{
		{"for", stance.For, false},
		{"against", stance.Against, false},
		{"observing", stance.Observing, false},
		{"unrelated", stance.Unrelated, false},
		{"agree", 0, true},
		{"", 0, true},
	} {
		got, err := stance.ParseClaimLabel(tc.in)
		if tc.err {
			assert.ErrorIs(t, err, stance.ErrBadLabel, "input %q", tc.in)
			continue
		}
		require.NoError(t, err, "input %q", tc.in)
		assert.Equal(t, tc.want, got, "input %q", tc.in)
		assert.Equal(t, tc.in, got.String())
	}
	assert.Equal(t, "unknown", stance.ClaimLabel(9).String())
}

func TestLoadClaimModelErrors(t *testing.T) {
	lex := defaultLexicon(t)
	for _, tc := range []struct{ name, json string }{
		{"not json", `{`},
		{"three classes", `{"classes":["for","against","observing"],"features":["bias"],"weights":[[0],[0],[0]]}`},
		{"wrong class order", `{"classes":["against","for","observing","unrelated"],"features":["bias"],"weights":[[0],[0],[0],[0]]}`},
		{"short row", `{"classes":["for","against","observing","unrelated"],"features":["bias","cover"],"weights":[[0,1],[0],[0,1],[0,1]]}`},
		{"duplicate feature", `{"classes":["for","against","observing","unrelated"],"features":["bias","bias"],"weights":[[0,1],[0,1],[0,1],[0,1]]}`},
		{"negative frequency", `{"classes":["for","against","observing","unrelated"],"features":["bias"],"weights":[[0],[0],[0],[0]],"body":{"docs":3,"df":{"squid":-1},"bias":0,"slope":1}}`},
		{"negative docs", `{"classes":["for","against","observing","unrelated"],"features":["bias"],"weights":[[0],[0],[0],[0]],"body":{"docs":-3,"df":{},"bias":0,"slope":1}}`},
	} {
		_, err := stance.LoadClaimModel(strings.NewReader(tc.json), lex)
		assert.Error(t, err, tc.name)
	}
	_, err := stance.LoadClaimModel(strings.NewReader(`{"classes":["for","against","observing","unrelated"],"features":["bias"],"weights":[[0],[0],[0],[0]]}`), nil)
	assert.ErrorIs(t, err, stance.ErrBadWeights)
}

// toyExamples is a small training set whose labels follow the lexicon
// features: refuting words → against, hedges and report verbs →
// observing, plain restatements → for.
func toyExamples() []stance.Example {
	var ex []stance.Example
	claims := []string{
		"A giant squid washed up on a beach in Spain",
		"The mayor of Springfield resigned over the bridge scandal",
		"A new species of frog was found in the Andes",
		"The football club sold its stadium to a bank",
		"A comet will pass close to the Moon next week",
		"The singer cancelled her world tour after an injury",
	}
	for i, c := range claims {
		g := string(rune('a' + i))
		ex = append(ex,
			stance.Example{Claim: c, Text: c, Label: stance.For, Group: g},
			stance.Example{Claim: c, Text: "Confirmed: " + c, Label: stance.For, Group: g},
			stance.Example{Claim: c, Text: "Hoax: no, " + strings.ToLower(c[:1]) + c[1:] + " is false", Label: stance.Against, Group: g},
			stance.Example{Claim: c, Text: "Officials deny reports that " + strings.ToLower(c[:1]) + c[1:], Label: stance.Against, Group: g},
			stance.Example{Claim: c, Text: "Reportedly, " + strings.ToLower(c[:1]) + c[1:] + ", according to a tabloid", Label: stance.Observing, Group: g},
			stance.Example{Claim: c, Text: "Did " + strings.ToLower(c[:1]) + c[1:] + "? Rumours say so", Label: stance.Observing, Group: g},
		)
	}
	return ex
}

func TestFitToy(t *testing.T) {
	lex := defaultLexicon(t)
	opts := stance.DefaultFitOptions()
	opts.Lexicon = lex
	w, err := stance.Fit(toyExamples(), opts)
	require.NoError(t, err)
	require.Equal(t, "bias", w.Features[0])
	m, err := stance.NewClaimModel(w, lex)
	require.NoError(t, err)
	for _, tc := range []struct {
		claim, text string
		want        stance.ClaimLabel
	}{
		{"A shark was seen in the river Thames", "Reportedly, a shark was seen in the river Thames, according to a tabloid", stance.Observing},
		{"A shark was seen in the river Thames", "Hoax: no, a shark was not seen in the river Thames, it is false", stance.Against},
		{"A shark was seen in the river Thames", "Confirmed: a shark was seen in the river Thames", stance.For},
		{"A shark was seen in the river Thames", "The parliament passed the budget for the coming year", stance.Unrelated},
	} {
		r := m.Classify(tc.claim, tc.text)
		assert.Equal(t, tc.want, r.Label, "text %q: scores %v", tc.text, r.Scores)
		sum := 0.0
		for _, p := range r.Scores {
			sum += p
		}
		assert.InDelta(t, 1, sum, 1e-9)
		assert.Equal(t, r.Scores[r.Label], r.Score)
		for _, e := range r.Evidence {
			assert.Equal(t, tc.text[e.Start:e.End] != "", true, "evidence %+v", e)
		}
	}

	// The weights survive a JSON round trip.
	var buf bytes.Buffer
	require.NoError(t, w.WriteJSON(&buf))
	m2, err := stance.LoadClaimModel(&buf, lex)
	require.NoError(t, err)
	assert.Equal(t, m.Classify("a b", "c d"), m2.Classify("a b", "c d"))

	buf.Reset()
	require.NoError(t, w.WriteTable(&buf))
	assert.Contains(t, buf.String(), "bias")
	assert.Contains(t, buf.String(), "unrelated")

	acc, err := stance.CrossValidate(toyExamples(), opts, 3)
	require.NoError(t, err)
	assert.Greater(t, acc, 0.5, "cross-validated accuracy")
	_, err = stance.CrossValidate(toyExamples(), opts, 1)
	assert.Error(t, err)
	_, err = stance.Fit(nil, opts)
	assert.ErrorIs(t, err, stance.ErrNoExamples)
}

func TestDefaultClaimModel(t *testing.T) {
	m, err := stance.DefaultClaimModel()
	require.NoError(t, err)
	claim := "A giant squid washed up on a beach in Spain"
	for _, tc := range []struct {
		text string
		want stance.ClaimLabel
	}{
		{"Giant squid washes up on Spanish beach", stance.For},
		{"Giant squid on Spanish beach is a hoax, officials say", stance.Against},
		{"Central bank raises interest rates again", stance.Unrelated},
	} {
		r := m.Classify(claim, tc.text)
		assert.Equal(t, tc.want, r.Label, "text %q: scores %v evidence %+v", tc.text, r.Scores, r.Evidence)
	}
}

// filler is off-topic text that makes a body longer than its lede.
const filler = "The city council met on Tuesday to discuss the new parking rules for the old town. " +
	"Residents have complained for years about the lack of spaces near the market square. " +
	"The mayor said a decision would be taken before the summer holidays begin. "

func TestClassifyBody(t *testing.T) {
	m, err := stance.DefaultClaimModel()
	require.NoError(t, err)
	require.NotNil(t, m.Weights().Body, "the embedded weights hold a body gate")
	claim := "A giant squid washed up on a beach in Spain"
	for _, tc := range []struct {
		name, text string
		want       []stance.ClaimLabel
	}{
		{"refuted further down", filler + filler + "Officials said the giant squid photographed on a beach in Spain is a hoax. The picture of the squid was fake, they added.",
			[]stance.ClaimLabel{stance.Against}},
		{"reported further down", filler + filler + "A giant squid reportedly washed up on a beach in Spain, according to a local newspaper.",
			[]stance.ClaimLabel{stance.Observing, stance.For}},
		{"not about it", filler + filler + filler, []stance.ClaimLabel{stance.Unrelated}},
	} {
		r := m.Classify(claim, tc.text)
		assert.Contains(t, tc.want, r.Label, "%s: scores %v", tc.name, r.Scores)
		sum := 0.0
		for _, p := range r.Scores {
			assert.GreaterOrEqual(t, p, 0.0)
			sum += p
		}
		assert.InDelta(t, 1, sum, 1e-9, tc.name)
		assert.Equal(t, r.Scores[r.Label], r.Score, tc.name)
		for _, e := range r.Evidence {
			require.True(t, 0 <= e.Start && e.Start < e.End && e.End <= len(tc.text), "%s: evidence %+v", tc.name, e)
		}
	}
	// Evidence spans point at the term in the body, not in the sentence.
	text := filler + filler + "Officials said the giant squid on a beach in Spain is a hoax."
	r := m.Classify(claim, text)
	found := false
	for _, e := range r.Evidence {
		if e.Term == "hoax" {
			found = true
			assert.Equal(t, "hoax", text[e.Start:e.End])
		}
	}
	assert.True(t, found, "evidence %+v", r.Evidence)
}
