package attribution

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/parleylab/parley/segment"
)

// TestJoinText checks that a name cut from the text is the name joinText
// builds: Text joined with one space where the source has space.
func TestJoinText(t *testing.T) {
	for _, text := range []string{
		"Yuri Ushakov said",
		"Yuri\nUshakov said",
		"Yuri  Ushakov said",
		"J.R.R. Tolkien-Smith wrote",
		"Jean-Luc\tPicard said",
	} {
		toks := segment.Parse(text).Tokens
		n := len(toks) - 1
		assert.Equal(t, builtText(toks, 0, n), joinText(text, toks, 0, n), text)
	}
	// A Text that is not its span of the text is joined, not cut.
	toks := []segment.Token{
		{Span: segment.Span{Start: 0, End: 4}, Text: "Yuri"},
		{Span: segment.Span{Start: 5, End: 12}, Text: "USHAKOV"},
	}
	assert.Equal(t, "Yuri USHAKOV", joinText("Yuri Ushakov", toks, 0, 2))
	// Spans out of the text never panic.
	toks[1].Span = segment.Span{Start: 5, End: 40}
	assert.Equal(t, "Yuri USHAKOV", joinText("Yuri Ushakov", toks, 0, 2))
}

// builtText is joinText without the cut from the text.
func builtText(toks []segment.Token, a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a && toks[i].Start > toks[i-1].End {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].Text)
	}
	return sb.String()
}

func TestAppendLowerASCII(t *testing.T) {
	for _, s := range []string{"", "Yuri Ushakov", "O'Neill-SMITH 2nd", "AZaz@[`{"} {
		b, ok := appendLowerASCII(nil, s)
		assert.True(t, ok, s)
		assert.Equal(t, strings.ToLower(s), string(b), s)
	}
	_, ok := appendLowerASCII(nil, "Émile Zola")
	assert.False(t, ok)
}

// TestNameTable checks the names table against a map over several
// documents, which reuse it or, past its bounds, replace it: the keys of
// one document are gone in the next, a large document grows the table,
// and keys of one and several tokens are looked up both ways.
func TestNameTable(t *testing.T) {
	var tab nameTable
	for doc, n := range []int{100, 200, 3000, 50} {
		tab.reset()
		_, got := tab.findString("xb") // a key of every document
		assert.Nil(t, got, "doc %d starts empty", doc)
		want := map[string]*entity{}
		for k := range n {
			key := strings.Repeat("x", k%7) + string(rune('a'+k%26)) + strings.Repeat("y", k/26)
			if k%3 == 0 {
				key += " " + key
			}
			ent := &entity{name: key}
			// One-token keys go in by string, the others as built keys.
			if strings.Contains(key, " ") {
				tab.start()
				tab.key = append(tab.key, key...)
				i, got := tab.find()
				assert.Nil(t, got, key)
				tab.insert(i, ent)
			} else {
				i, got := tab.findString(key)
				assert.Nil(t, got, key)
				tab.insertString(i, key, ent)
			}
			want[key] = ent
		}
		for key, ent := range want {
			_, got := tab.findString(key)
			assert.Same(t, ent, got, "doc %d: %q", doc, key)
			tab.start()
			tab.key = append(tab.key, key...)
			_, got = tab.find()
			tab.drop()
			assert.Same(t, ent, got, "doc %d: %q", doc, key)
		}
		_, got = tab.findString("absent")
		assert.Nil(t, got)
		tab.release()
	}
}
