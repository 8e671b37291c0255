package segment

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantQuote describes an expected quotation by its text (marks included),
// its inner text, whether it closed, and the text of its parent ("" for
// none).
type wantQuote struct {
	text, inner string
	closed      bool
	parent      string
}

func TestQuotes(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []wantQuote
	}{
		{"none", "No quotes here.", nil},
		{"curly", "“Hello,” he said.", []wantQuote{{"“Hello,”", "Hello,", true, ""}}},
		{"straight", `He said "yes" and "no".`, []wantQuote{{`"yes"`, "yes", true, ""}, {`"no"`, "no", true, ""}}},
		{"guillemets", "Il a dit «non».", []wantQuote{{"«non»", "non", true, ""}}},
		{"single inside double", `"He said 'no' twice," she said.`, []wantQuote{
			{`"He said 'no' twice,"`, "He said 'no' twice,", true, ""},
			{"'no'", "no", true, `"He said 'no' twice,"`},
		}},
		{"curly single inside curly double", "“He said ‘no’ twice.”", []wantQuote{
			{"“He said ‘no’ twice.”", "He said ‘no’ twice.", true, ""},
			{"‘no’", "no", true, "“He said ‘no’ twice.”"},
		}},
		{"apostrophes are no quotes", `"Jones' cow can't see 'im," he said.`, []wantQuote{
			{`"Jones' cow can't see 'im,"`, "Jones' cow can't see 'im,", true, ""},
		}},
		{"curly apostrophe inside a quote", "“It’s Xi’s plan,” he said.", []wantQuote{{"“It’s Xi’s plan,”", "It’s Xi’s plan,", true, ""}}},
		{"unclosed ends at paragraph end", "He said “we will win.\nNext line.", []wantQuote{{"“we will win.", "we will win.", false, ""}}},
		{"unclosed nested ends before its parent closes", "“He said ‘no and left.”", []wantQuote{
			{"“He said ‘no and left.”", "He said ‘no and left.", true, ""},
			{"‘no and left.", "no and left.", false, "“He said ‘no and left.”"},
		}},
		{"unclosed straight single is dropped", `"Rock 'n roll," he said.`, []wantQuote{{`"Rock 'n roll,"`, "Rock 'n roll,", true, ""}}},
		{"stray closing mark", "He left.” Then more.", nil},
		{"straight and curly doubles mix", "\"Oz has a pulpit,” he said, “and more.\"", []wantQuote{
			{"\"Oz has a pulpit,”", "Oz has a pulpit,", true, ""},
			{"“and more.\"", "and more.", true, ""},
		}},
		{"straight and curly singles mix", "He called it ‘That’s ridiculous,' and left.", []wantQuote{{"‘That’s ridiculous,'", "That’s ridiculous,", true, ""}}},
		{"an opening glyph that closes", "It was rated “Mostly False.“ Then more.", []wantQuote{{"“Mostly False.“", "Mostly False.", true, ""}}},
		{"singles do not mix with doubles", "“It is ‘fine.” Yes.", []wantQuote{
			{"“It is ‘fine.”", "It is ‘fine.", true, ""},
			{"‘fine.", "fine.", false, "“It is ‘fine.”"},
		}},
		{"multi-paragraph reopened", "“First part.\n“Second part.\n“Last part,” he said.", []wantQuote{
			{"“First part.\n“Second part.\n“Last part,”", "First part.\n“Second part.\n“Last part,", true, ""},
		}},
		{"multi-paragraph straight reopened", "\"One.\n\n\"Two.\"\nAfter.", []wantQuote{{"\"One.\n\n\"Two.\"", "One.\n\n\"Two.", true, ""}}},
		{"multi-line without reopening", "Words \"Hello,\nI am second.\nI am last.\" more words", []wantQuote{
			{"\"Hello,\nI am second.\nI am last.\"", "Hello,\nI am second.\nI am last.", true, ""},
		}},
		{"no carry when the next mark opens", "He said \"absurd.\nOfficials called it \"fine\" today.", []wantQuote{
			{"\"absurd.", "absurd.", false, ""},
			{"\"fine\"", "fine", true, ""},
		}},
		{"no carry past three lines", "A \"b\nc\nd\ne\nf\" g", []wantQuote{{"\"b", "b", false, ""}}},
		{"crlf multi-paragraph", "“One.\r\n\r\n“Two.”\r\nThree.", []wantQuote{{"“One.\r\n\r\n“Two.”", "One.\r\n\r\n“Two.", true, ""}}},
		{"dash before opening", `I was shocked--"My cow!"`, []wantQuote{{`"My cow!"`, "My cow!", true, ""}}},
		{"lone mark opens unclosed", `He said " and left`, []wantQuote{{`" and left`, " and left", false, ""}}},
		{"empty quote", `""`, []wantQuote{{`""`, "", true, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse(c.text)
			checkInvariants(t, d)
			require.Len(t, d.Quotes, len(c.want), "%q: %q", c.text, quoteTexts(d, true, true))
			for i, w := range c.want {
				q := d.Quotes[i]
				assert.Equal(t, w.text, c.text[q.Start:q.End], "quote %d", i)
				assert.Equal(t, w.inner, c.text[q.Inner.Start:q.Inner.End], "quote %d inner", i)
				assert.Equal(t, w.closed, q.Closed, "quote %d closed", i)
				parent := ""
				if q.Parent >= 0 {
					p := d.Quotes[q.Parent]
					parent = c.text[p.Start:p.End]
				}
				assert.Equal(t, w.parent, parent, "quote %d parent", i)
				assert.Equal(t, strings.ContainsAny(c.text[q.Start:q.Start+1], "'‘") || strings.HasPrefix(c.text[q.Start:], "‘"), q.Single, "quote %d single", i)
			}
		})
	}
}

func TestQuoteTokens(t *testing.T) {
	d := Parse(`He said "it is over" today.`)
	require.Len(t, d.Quotes, 1)
	q := d.Quotes[0]
	assert.Equal(t, `"`, d.Tokens[q.FirstToken].Text)
	assert.Equal(t, `"`, d.Tokens[q.LastToken].Text)
	assert.Equal(t, []string{`"`, "it", "is", "over", `"`}, tokenTexts(d.Tokens[q.FirstToken:q.LastToken+1]))
	assert.Equal(t, -1, q.Parent)
	assert.False(t, q.Single)
}
