package segment

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkInvariants asserts what must hold for any input: offsets in range
// and increasing, token texts equal to their spans, sentences and
// paragraphs ordered, non-overlapping and consistent with their token
// ranges, and quotations inside the text with their inner spans inside.
func checkInvariants(t testing.TB, d *Doc) {
	t.Helper()
	text := d.Text
	prev := 0
	for i, tok := range d.Tokens {
		require.True(t, prev <= tok.Start && tok.Start < tok.End && tok.End <= len(text),
			"token %d %+v out of order or range (prev end %d, len %d)", i, tok.Span, prev, len(text))
		require.Equal(t, text[tok.Start:tok.End], tok.Text, "token %d", i)
		require.NotEmpty(t, tok.Norm, "token %d", i)
		prev = tok.End
	}
	prev = 0
	for i, p := range d.Paragraphs {
		require.True(t, prev <= p.Start && p.Start < p.End && p.End <= len(text), "paragraph %d %+v", i, p)
		prev = p.End
	}
	next := 0 // every token belongs to exactly one sentence, in order
	for i, s := range d.Sentences {
		require.Equal(t, next, s.First, "sentence %d starts at the token after the previous one", i)
		require.Less(t, s.First, s.Last, "sentence %d is empty", i)
		require.LessOrEqual(t, s.Last, len(d.Tokens), "sentence %d", i)
		require.Equal(t, Span{d.Tokens[s.First].Start, d.Tokens[s.Last-1].End}, s.Span, "sentence %d", i)
		require.True(t, s.Paragraph >= 0 && s.Paragraph < len(d.Paragraphs), "sentence %d paragraph %d", i, s.Paragraph)
		require.True(t, d.Paragraphs[s.Paragraph].Contains(s.Span), "sentence %d outside its paragraph", i)
		next = s.Last
	}
	require.Equal(t, len(d.Tokens), next, "sentences cover all tokens")
	for i, q := range d.Quotes {
		require.True(t, 0 <= q.Start && q.Start < q.End && q.End <= len(text), "quote %d %+v", i, q.Span)
		require.True(t, q.Span.Contains(q.Inner) && q.Inner.Start <= q.Inner.End, "quote %d inner %+v outside %+v", i, q.Inner, q.Span)
		require.True(t, 0 <= q.FirstToken && q.FirstToken <= q.LastToken && q.LastToken < len(d.Tokens), "quote %d tokens", i)
		require.Equal(t, QuoteMark, d.Tokens[q.FirstToken].Kind, "quote %d opens with a mark", i)
		require.Equal(t, d.Tokens[q.FirstToken].Start, q.Start, "quote %d", i)
		require.Equal(t, d.Tokens[q.LastToken].End, q.End, "quote %d", i)
		if q.Closed {
			require.Equal(t, QuoteMark, d.Tokens[q.LastToken].Kind, "quote %d closes with a mark", i)
		}
		if i > 0 {
			require.LessOrEqual(t, d.Quotes[i-1].Start, q.Start, "quotes sorted by start")
		}
		if q.Parent >= 0 {
			require.Less(t, q.Parent, i, "quote %d parent", i)
			assert.True(t, d.Quotes[q.Parent].Contains(q.Span), "quote %d outside its parent", i)
		} else {
			require.Equal(t, -1, q.Parent, "quote %d", i)
		}
	}
}
