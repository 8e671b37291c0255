package segment

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSegmentationCases runs the 12 hard cases of
// testdata/segmentation-cases.jsonl (a copy of the project seed).
func TestSegmentationCases(t *testing.T) {
	type segCase struct {
		Text      string   `json:"text"`
		Sentences []string `json:"sentences"`
	}
	cases := readJSONL[segCase](t, "testdata/segmentation-cases.jsonl")
	require.Len(t, cases, 12)
	for i, c := range cases {
		d := Parse(c.Text)
		assert.Equal(t, c.Sentences, sentenceTexts(d), "case %d: %q", i+1, c.Text)
	}
}

// TestSeedArticleSentences checks the sentence spans of the seed article
// against its gold record (code-point offsets).
func TestSeedArticleSentences(t *testing.T) {
	type gold struct {
		Text      string `json:"text"`
		Sentences []struct {
			Start int `json:"start"`
			End   int `json:"end"`
		} `json:"sentences"`
	}
	g := readJSONL[gold](t, "testdata/xi-putin-call.gold.jsonl")
	require.Len(t, g, 1)
	d := Parse(g[0].Text)
	want := make([]Span, len(g[0].Sentences))
	for i, s := range g[0].Sentences {
		want[i] = Span{byteOffset(g[0].Text, s.Start), byteOffset(g[0].Text, s.End)}
	}
	got := make([]Span, len(d.Sentences))
	for i, s := range d.Sentences {
		got[i] = s.Span
	}
	require.Len(t, got, len(want))
	assert.Equal(t, want, got)
	for i, s := range d.Sentences {
		assert.Equal(t, i, s.Paragraph, "one sentence per line")
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", []string{}},
		{"spaces only", " \n\t\r\n ", []string{}},
		{"no punctuation", "no punctuation at all here", []string{"no punctuation at all here"}},
		{"trailing spaces excluded", "  One. Two.  ", []string{"One.", "Two."}},
		{"paragraph end is a sentence end", "First line\nSecond line", []string{"First line", "Second line"}},
		{"crlf", "One.\r\nTwo.\r\n\r\nThree", []string{"One.", "Two.", "Three"}},
		{"question and exclamation", "Really? Yes! Fine.", []string{"Really?", "Yes!", "Fine."}},
		{"lower-case after period", "The e.g. case and Fig. 3 stay. Done.", []string{"The e.g. case and Fig. 3 stay.", "Done."}},
		{"ellipsis continues", "Wait... what happened? Nothing.", []string{"Wait... what happened?", "Nothing."}},
		{"closing bracket", "He left (finally.) Then he came back.", []string{"He left (finally.)", "Then he came back."}},
		{"initial", "George W. Bush spoke. J. Smith agreed.", []string{"George W. Bush spoke.", "J. Smith agreed."}},
		{"pronoun I is no initial", "So did I. Putin agreed.", []string{"So did I.", "Putin agreed."}},
		{"abbreviation before quote", "He lives in Calif. \"Great,\" he said.", []string{"He lives in Calif.", "\"Great,\" he said."}},
		{"month and number", "On Jan. 5 the talks began. They ended.", []string{"On Jan. 5 the talks began.", "They ended."}},
		{"closed quote keeps sentences together", "“Last night. Some violence. Senseless,” said a man.", []string{"“Last night. Some violence. Senseless,” said a man."}},
		{"unclosed quote breaks normally", "He said \"It is over. We lost. Then he left.", []string{"He said \"It is over.", "We lost.", "Then he left."}},
		{"question in quote then lower case", "\"Why?\" he asked. \"Because.\"", []string{"\"Why?\" he asked.", "\"Because.\""}},
		{"comma after stop", "Yes., he said.", []string{"Yes., he said."}},
		{"number after stop", "It grew in 2020. 2021 was worse.", []string{"It grew in 2020.", "2021 was worse."}},
		{"full-width", "我们来了。他们走了。", []string{"我们来了。", "他们走了。"}},
		{"RTL", "قال الرئيس. ثم غادر.", []string{"قال الرئيس.", "ثم غادر."}},
		{"title never ends", "He met Mr. The Rock.", []string{"He met Mr. The Rock."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse(c.text)
			assert.Equal(t, c.want, sentenceTexts(d), "%q", c.text)
			checkInvariants(t, d)
		})
	}
}

func TestSentenceTokenRanges(t *testing.T) {
	text := "One two. Three four five.\nSix."
	d := Parse(text)
	require.Len(t, d.Sentences, 3)
	want := []Sentence{
		{Span: Span{0, 8}, First: 0, Last: 3, Paragraph: 0},
		{Span: Span{9, 25}, First: 3, Last: 7, Paragraph: 0},
		{Span: Span{26, 30}, First: 7, Last: 9, Paragraph: 1},
	}
	assert.Equal(t, want, d.Sentences)
	assert.Equal(t, []Span{{0, 25}, {26, 30}}, d.Paragraphs)
	assert.Equal(t, "Six", strings.TrimSpace(d.Tokens[7].Text))
}
