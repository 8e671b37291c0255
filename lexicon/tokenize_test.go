package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleylab/parley/segment"
)

// abbreviations keep their full stop in the test tokenizer.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true,
	"rep": true, "gov": true, "gen": true, "st": true}

// tokenize is a small tokenizer for the tests, close to segment.Tokenize:
// words keep inner apostrophes, hyphens and full stops ("U.S.-Russian",
// "don't"), abbreviations keep their stop, a possessive "'s" is a token of
// its own, and every other mark is a one-rune token.
func tokenize(text string) []segment.Token {
	var toks []segment.Token
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	add := func(start, end int, kind segment.Kind) {
		s := text[start:end]
		r, _ := utf8.DecodeRuneInString(s)
		toks = append(toks, segment.Token{Span: segment.Span{Start: start, End: end}, Text: s,
			Norm: strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(strings.ToLower(s)),
			Kind: kind, Cap: unicode.IsUpper(r)})
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWord(r):
			j := i + n
			for j < len(text) {
				c, m := utf8.DecodeRuneInString(text[j:])
				if isWord(c) {
					j += m
					continue
				}
				if strings.ContainsRune(".'’-", c) && j+m < len(text) {
					if d, _ := utf8.DecodeRuneInString(text[j+m:]); isWord(d) {
						j += m
						continue
					}
				}
				break
			}
			if j < len(text) && text[j] == '.' && (strings.Contains(text[i:j], ".") || abbreviations[strings.ToLower(text[i:j])]) {
				j++
			}
			w := text[i:j]
			if base, ok := cutPossessive(w); ok {
				add(i, i+len(base), segment.Word)
				add(i+len(base), j, segment.Word)
			} else {
				kind := segment.Word
				if strings.IndexFunc(w, unicode.IsLetter) < 0 {
					kind = segment.Number
				}
				add(i, j, kind)
			}
			i = j
		default:
			kind := segment.Punct
			if strings.ContainsRune("\"“”'‘’«»", r) {
				kind = segment.QuoteMark
			}
			add(i, i+n, kind)
			i += n
		}
	}
	return toks
}
