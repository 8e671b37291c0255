package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parleylab/parley/segment"
)

// fieldTokens makes one Word token of each space-separated field, with
// segment's Norm, so that the fuzzer reaches the matchers with any token
// text (possessives, hyphens and stops left inside words) independently of
// segment.Tokenize.
func fieldTokens(text string) []segment.Token {
	var toks []segment.Token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		w := text[i:j]
		toks = append(toks, segment.Token{Span: segment.Span{Start: i, End: j}, Text: w,
			Norm: strings.NewReplacer("’", "'", "‘", "'").Replace(strings.ToLower(w)), Kind: segment.Word, Cap: capWord(w)})
		i = j
	}
	return toks
}

// FuzzMatch checks the invariants of every matcher on arbitrary text:
// no panic, matches in range, non-empty, left to right and (but for the
// parts of one hyphenated token) non-overlapping; party spans inside
// their tokens.
func FuzzMatch(f *testing.F) {
	if testing.Short() {
		f.Skip("fuzzing in -short")
	}
	for _, s := range []string{"", "the U.S.-Russian talks", "China’s envoy didn't deny", "X's", "A.’", "the Kremlin-backed U.S.-China’s", "---", "the the", "Jordan"} {
		f.Add(s)
	}
	if b, err := os.ReadFile(filepath.Join("..", "testdata", "seed", "xi-putin-call.txt")); err == nil {
		f.Add(string(b))
	}
	l := defaultLex(f)
	f.Fuzz(func(t *testing.T, text string) {
		toks := fieldTokens(text)
		check := func(kind string, ms []Match, sameTokenOK bool) {
			prev := Match{}
			for i, m := range ms {
				if m.Start < 0 || m.End > len(toks) || m.Start >= m.End {
					t.Fatalf("%s match %d %+v out of range (%d tokens) in %q", kind, i, m, len(toks), text)
				}
				if i > 0 && m.Start < prev.End && !(sameTokenOK && m == prev) {
					t.Fatalf("%s matches overlap: %+v after %+v in %q", kind, m, prev, text)
				}
				prev = m
			}
		}
		var ms []Match
		for _, m := range l.MatchCues(toks) {
			ms = append(ms, m.Match)
		}
		check("cue", ms, false)
		ms = ms[:0]
		for _, m := range l.MatchParties(toks) {
			ms = append(ms, m.Match)
			if m.Span.Start < toks[m.Start].Start || m.Span.End > toks[m.End-1].End || m.Span.Start >= m.Span.End {
				t.Fatalf("party span %+v outside its tokens in %q", m.Span, text)
			}
		}
		check("party", ms, true)
		ms = ms[:0]
		for _, m := range l.MatchRoles(toks) {
			ms = append(ms, m.Match)
		}
		check("role", ms, false)
		ms = ms[:0]
		for _, m := range l.MatchTerms(toks) {
			ms = append(ms, m.Match)
		}
		check("term", ms, true)
	})
}
