package segment

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tok describes an expected token: its text, kind, and its Norm when that
// differs from the text.
type tok struct {
	text string
	kind Kind
	norm string
}

func TestTokenize(t *testing.T) {
	W, N, P, Q := Word, Number, Punct, QuoteMark
	cases := []struct {
		name string
		text string
		want []tok
	}{
		{"empty", "", nil},
		{"whitespace", " \t\r\n\u00a0\u3000", nil},
		{"words and punctuation", "Hello, world!", []tok{{"Hello", W, "hello"}, {",", P, ""}, {"world", W, ""}, {"!", P, ""}}},
		{"inner apostrophe", "don't won’t O'Brien", []tok{{"don't", W, ""}, {"won’t", W, "won't"}, {"O'Brien", W, "o'brien"}}},
		{"possessive clitic", "Xi’s Russia's it's", []tok{{"Xi", W, "xi"}, {"’s", W, "'s"}, {"Russia", W, "russia"}, {"'s", W, ""}, {"it", W, ""}, {"'s", W, ""}}},
		{"clitic after a modifier letter", "dog‘s", []tok{{"dog", W, ""}, {"‘s", W, "'s"}}},
		{"plural possessive", "Jones' cow", []tok{{"Jones", W, "jones"}, {"'", W, ""}, {"cow", W, ""}}},
		{"dropped letter", "goin' home", []tok{{"goin'", W, ""}, {"home", W, ""}}},
		{"leading elision", "see 'im ’90s '80s", []tok{{"see", W, ""}, {"'im", W, ""}, {"’90s", W, "'90s"}, {"'80s", W, ""}}},
		{"elisions of capitalised words", "'Tis Goin' ’Em Xi", []tok{{"'Tis", W, "'tis"}, {"Goin'", W, "goin'"}, {"’Em", W, "'em"}, {"Xi", W, "xi"}}},
		{"single quotes", "'Hello,' he said 'yes'", []tok{{"'", Q, ""}, {"Hello", W, "hello"}, {",", P, ""}, {"'", Q, ""}, {"he", W, ""}, {"said", W, ""}, {"'", Q, ""}, {"yes", W, ""}, {"'", Q, ""}}},
		{"double quote marks", "\"a\" “b” «c»", []tok{{`"`, Q, ""}, {"a", W, ""}, {`"`, Q, ""}, {"“", Q, `"`}, {"b", W, ""}, {"”", Q, `"`}, {"«", Q, ""}, {"c", W, ""}, {"»", Q, ""}}},
		{"curly singles", "‘ok’", []tok{{"‘", Q, "'"}, {"ok", W, ""}, {"’", Q, "'"}}},
		{"numbers", "4.2% $3.5 3,500 2022 1,23", []tok{{"4.2", N, ""}, {"%", P, ""}, {"$", P, ""}, {"3.5", N, ""}, {"3,500", N, ""}, {"2022", N, ""}, {"1", N, ""}, {",", P, ""}, {"23", N, ""}}},
		{"number then period", "rose 2%. It fell 4.", []tok{{"rose", W, ""}, {"2", N, ""}, {"%", P, ""}, {".", P, ""}, {"It", W, "it"}, {"fell", W, ""}, {"4", N, ""}, {".", P, ""}}},
		{"digits and letters", "4th 1990s G7 COVID-19", []tok{{"4th", W, ""}, {"1990s", W, ""}, {"G7", W, "g7"}, {"COVID-19", W, "covid-19"}}},
		{"abbreviations", "Mr. Sen. Inc. No. vs. etc.", []tok{{"Mr.", W, "mr."}, {"Sen.", W, "sen."}, {"Inc.", W, "inc."}, {"No.", W, "no."}, {"vs.", W, ""}, {"etc.", W, ""}}},
		{"lower-case look-alike keeps no period", "say no. wash.", []tok{{"say", W, ""}, {"no", W, ""}, {".", P, ""}, {"wash", W, ""}, {".", P, ""}}},
		{"initialisms", "U.S. U.N. a.m. J.P. Ph.D. U.S.A.", []tok{{"U.S.", W, "u.s."}, {"U.N.", W, "u.n."}, {"a.m.", W, ""}, {"J.P.", W, "j.p."}, {"Ph.D.", W, "ph.d."}, {"U.S.A.", W, "u.s.a."}}},
		{"initial", "J. Smith and I.", []tok{{"J.", W, "j."}, {"Smith", W, "smith"}, {"and", W, ""}, {"I", W, "i"}, {".", P, ""}}},
		{"no initialism across a sentence", "end.The it.The", []tok{{"end", W, ""}, {".", P, ""}, {"The", W, "the"}, {"it", W, ""}, {".", P, ""}, {"The", W, "the"}}},
		{"hyphen compounds", "long-term Asia-Pacific U.S.-Russian D-Mass. 20-year-old AT&T", []tok{{"long-term", W, ""}, {"Asia-Pacific", W, "asia-pacific"}, {"U.S.-Russian", W, "u.s.-russian"}, {"D-Mass.", W, "d-mass."}, {"20-year-old", W, ""}, {"AT&T", W, "at&t"}}},
		{"dashes are punctuation", "well—known -5 a - b", []tok{{"well", W, ""}, {"—", P, ""}, {"known", W, ""}, {"-", P, ""}, {"5", N, ""}, {"a", W, ""}, {"-", P, ""}, {"b", W, ""}}},
		{"BOM and format characters", "\ufeffHello\u200e world", []tok{{"Hello", W, "hello"}, {"world", W, ""}}},
		{"combining characters", "cafe\u0301 ÉCOLE", []tok{{"cafe\u0301", W, ""}, {"ÉCOLE", W, "école"}}},
		{"zero-width joiner inside a word", "می\u200cخواهم", []tok{{"می\u200cخواهم", W, ""}}},
		{"RTL", "قال الرئيس.", []tok{{"قال", W, ""}, {"الرئيس", W, ""}, {".", P, ""}}},
		{"CJK", "我们。", []tok{{"我们", W, ""}, {"。", P, ""}}},
		{"invalid UTF-8", "a\xffb\xc3", []tok{{"a", W, ""}, {"\xff", P, ""}, {"b", W, ""}, {"\xc3", P, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Tokenize(c.text)
			require.Equal(t, len(c.want), len(got), "%q: %q", c.text, tokenTexts(got))
			for i, w := range c.want {
				g := got[i]
				assert.Equal(t, w.text, g.Text, "%q token %d", c.text, i)
				assert.Equal(t, w.kind, g.Kind, "%q token %d %q", c.text, i, g.Text)
				wantNorm := w.norm
				if wantNorm == "" {
					wantNorm = w.text
				}
				assert.Equal(t, wantNorm, g.Norm, "%q token %d", c.text, i)
				assert.Equal(t, c.text[g.Start:g.End], g.Text, "%q token %d", c.text, i)
			}
		})
	}
}

func TestTokenizeCap(t *testing.T) {
	cases := []struct {
		text string
		want []bool
	}{
		{"The cat", []bool{true, false}},
		{"Élan école", []bool{true, false}},
		{"4th 4Th", []bool{false, true}},
		{"'Tis U.S. iPhone", []bool{true, true, false}},
		{", “ 42", []bool{false, false, false}},
		{"我们", []bool{false}},
	}
	for _, c := range cases {
		got := Tokenize(c.text)
		require.Len(t, got, len(c.want), "%q", c.text)
		for i, w := range c.want {
			assert.Equal(t, w, got[i].Cap, "%q token %q", c.text, got[i].Text)
		}
	}
}

// TestNormShares checks that Norm is the token text itself (no copy) when
// the token is lower-case ASCII already.
func TestNormShares(t *testing.T) {
	text := "the quick brown fox, 3.5 times"
	for _, tk := range Tokenize(text) {
		assert.Equal(t, tk.Text, tk.Norm)
		assert.True(t, unsafe.StringData(tk.Text) == unsafe.StringData(tk.Norm), "token %q shares its text", tk.Text)
	}
	allocs := testing.AllocsPerRun(20, func() { Tokenize(text) })
	assert.LessOrEqual(t, allocs, 4.0, "Tokenize of lower-case text allocates the slices only")
}

// TestHyphenParts documents how a consumer finds the parts of a compound.
func TestHyphenParts(t *testing.T) {
	toks := Tokenize("U.S.-Russian talks")
	require.Len(t, toks, 2)
	assert.Equal(t, []string{"U.S.", "Russian"}, strings.Split(toks[0].Text, "-"))
}

func TestTokenizeLongInput(t *testing.T) {
	text := strings.Repeat("Mr. Xi’s “grand plan” costs $3,500.5 — don't ", 200)
	toks := Tokenize(text)
	require.Equal(t, 200*12, len(toks))
	for _, tk := range toks {
		require.True(t, utf8.ValidString(tk.Text))
	}
}

// TestIsWordRune checks the fast paths of isWordRune against its
// definition, on every code point.
func TestIsWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if isWordRune(r) != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, !want, want)
		}
	}
}
