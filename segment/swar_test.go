package segment

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestASCIIWords checks the eight-bytes-at-a-time word scan against a
// plain byte loop, on strings mixing letters and digits with the bytes
// next to their ranges, bytes from 0x80 up and spaces, none of which
// joins two words: every maximal run of ASCII letters and digits must be
// one token, with the right Kind, Norm and Cap.
func TestASCIIWords(t *testing.T) {
	wordBytes := "azAZ09mM5"
	others := []string{"/", ":", "@", "[", "`", "{", "\x7f", "€", "\xff", " ", "  "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			if rng.IntN(4) == 0 {
				b.WriteString(others[rng.IntN(len(others))])
			} else {
				b.WriteByte(wordBytes[rng.IntN(len(wordBytes))])
			}
		}
		text := b.String()
		var want []Token
		for i := 0; i < len(text); {
			if wordByte[text[i]] == 0 {
				i++
				continue
			}
			j, seen := i, uint8(0)
			for j < len(text) && wordByte[text[j]] != 0 {
				seen |= wordByte[text[j]]
				j++
			}
			w := Token{Span: Span{i, j}, Text: text[i:j], Norm: strings.ToLower(text[i:j]), Kind: Word}
			if k := strings.IndexFunc(w.Text, isLetter); k >= 0 {
				w.Cap = wordByte[w.Text[k]] == wbUpper
			}
			if seen == wbDigit {
				w.Kind = Number
			}
			want = append(want, w)
			i = j
		}
		var got []Token
		for _, tk := range Tokenize(text) {
			if tk.Kind != Punct {
				got = append(got, tk)
			}
		}
		require.Equal(t, want, got, "%q", text)
	}
}

func isLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// TestNormBlocks checks the Norms written eight bytes at a time against
// the plain byte-wise appendNorm, on words that mix ASCII and other
// letters at every offset of a block.
func TestNormBlocks(t *testing.T) {
	pieces := []string{"a", "Z", "q", "M", "7", "É", "é", "ß", "İ", "Ω", "’", "'", "-", " ", " ", ".", "\xff"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		for _, tk := range Tokenize(text) {
			if tk.Kind == Word {
				require.Equal(t, string(appendNorm(nil, tk.Text)), tk.Norm, "%q in %q", tk.Text, text)
			}
		}
	}
}
