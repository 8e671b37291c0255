package segment

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/parleylab/parley/internal/pooled"
	"github.com/parleylab/parley/internal/swar"
)

// Tokenize splits text into tokens with byte offsets into text, which it
// never modifies. Whitespace, byte order marks and other invisible format
// characters are not tokens. See the package documentation for the rules.
func Tokenize(text string) []Token { return tokenize(text, nil, false, &Parser{}).toks }

// tokenize is Tokenize storing the tokens in buf's array when it has room
// for the estimated number, and its other arrays in those of re. With
// parse set, the scanner it returns also holds what Parse needs to know of
// the tokens (see scanner.parse).
func tokenize(text string, buf []Token, parse bool, re *Parser) scanner {
	// A buffer with room for a token every four bytes is kept without
	// counting: news text has one every five or six, and a denser text
	// only makes the slice grow. (Without a buffer, even an empty text
	// gets an empty slice, not nil.)
	if buf == nil || cap(buf) < len(text)/4 {
		// a guess from the number of spaces, so that the slice is usually
		// allocated once: on news text it is 10 % too large on average,
		// and too small for 2 % of the documents (5/4 instead of 17/16
		// made it 25 % too large, which costs more in zeroing and garbage
		// collection than the rare growth)
		if n := strings.Count(text, " ")*17/16 + strings.Count(text, "\n") + len(text)/32 + 4; cap(buf) < n {
			buf = make([]Token, 0, n)
		}
	}
	s := scanner{
		text:  text,
		toks:  buf[:0],
		norms: pooled.Reuse(re.norms, len(text)/4),
		parse: parse,
	}
	if parse {
		// room for what news text usually holds: a line break every 120
		// bytes, a possible sentence end every 100, a quotation mark every
		// 170
		s.paraStart = append(pooled.Reuse(re.paraStart, len(text)/64+2), 0)
		s.terms = pooled.Reuse(re.terms, len(text)/64+4)
		s.marks = pooled.Reuse(re.marks, len(text)/128+4)
	}
	s.run()
	if parse && len(s.toks) > 0 && s.paraStart[len(s.paraStart)-1] != len(s.toks) {
		s.paraStart = append(s.paraStart, len(s.toks))
	}
	return s
}

// ASCII byte classes.
const (
	clPunct uint8 = iota
	clSpace
	clLower
	clUpper
	clDigit
	clDQuote
	clSQuote
)

// wordByte has, for each ASCII letter or digit, a bit telling which it is;
// every other byte has none.
var wordByte = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch asciiClass[c] {
		case clLower:
			t[c] = wbLower
		case clUpper:
			t[c] = wbUpper
		case clDigit:
			t[c] = wbDigit
		}
	}
	return t
}()

const (
	wbLower uint8 = 1 << iota
	wbUpper
	wbDigit
)

// asciiClass classifies ASCII bytes; bytes from 0x80 up are clPunct, so
// that any byte may index it.
var asciiClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			t[c] = clSpace
		case 'a' <= c && c <= 'z':
			t[c] = clLower
		case 'A' <= c && c <= 'Z':
			t[c] = clUpper
		case '0' <= c && c <= '9':
			t[c] = clDigit
		case c == '"':
			t[c] = clDQuote
		case c == '\'':
			t[c] = clSQuote
		}
	}
	return t
}()

// hardEnd holds the ASCII bytes that end a word of letters whatever
// follows them: no letter or digit, and none of the - & . ' that may join
// it to more (see word).
var hardEnd = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] != clLower && asciiClass[c] != clUpper && asciiClass[c] != clDigit && !strings.ContainsRune("-&.'", rune(c))
	}
	return t
}()

// Norm strings of marks, shared so that they do not allocate.
const (
	normDQ     = `"`
	normSQ     = `'`
	normClitic = `'s`
)

// elisions are the words that a leading straight apostrophe belongs to
// ("'im", "'em", "'cause"); any other leading ' is a quotation mark.
var elisions = map[string]bool{
	"im": true, "em": true, "er": true, "cause": true, "cos": true, "til": true, "tis": true,
	"twas": true, "n": true, "bout": true, "round": true, "ere": true, "nuff": true, "kay": true,
}

type scanner struct {
	text string
	toks []Token
	// norms holds the Norm of the words that are not lower-case ASCII,
	// one after the other, which saves an allocation per capitalised
	// word: each such Norm is a string over its bytes. While a document
	// is scanned, norms only grows by append, which never writes the bytes
	// below its length (when it moves to a larger array, the strings keep
	// the old one), so those strings never change; a Parser starts the
	// next document over the same array.
	norms []byte
	// singleOpen is set after a single quotation mark that opens a quote on
	// the current line: a later apostrophe after a word then closes it
	// instead of marking a possessive ("'yes'" against "Jones' cow").
	singleOpen bool
	// With parse set, the scanner also notes the token indices that Parse
	// would otherwise find in passes over all the tokens (or, for line
	// breaks, the text between them): they are seen here anyway.
	parse     bool
	paraStart []int // the first token of each paragraph, then len(toks)
	marks     []int // the QuoteMark tokens
	// terms holds every token that may end a sentence (isTerminator), and
	// maybe some more: a word can still grow after it was noted ("Mr.'").
	terms []int
}

func (s *scanner) run() {
	text := s.text
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case clSpace:
				if c == '\n' || c == '\r' {
					s.singleOpen = false
					s.lineBreak()
				}
				i++
			case clLower, clUpper, clDigit:
				// The usual word, settled here: up to seven ASCII letters in
				// the eight bytes at i, then a byte that ends any word
				// (hardEnd), so that none of the rules of word can apply; a
				// space after it is skipped too.
				if i+8 <= len(text) {
					x := swar.Load(text[i:])
					letter := inRange(x|swar.Lows*0x20, 'a', 'z') &^ x // | 0x20 folds case
					if other := letter ^ swar.Highs; other != 0 {
						end := i + bits.TrailingZeros64(other)>>3
						if c := text[end]; end > i && hardEnd[c] {
							if letter&^(x<<2)&(other&-other-1) == 0 { // no upper-case letter: x<<2 moves the case bit 0x20 to 0x80
								s.add(i, end, Word, text[i:end], false)
							} else {
								// a capital: its Norm, the word lower-cased, is
								// written into norms from x at once (see appendNorm)
								s.add(i, end, Word, s.appendLower(x|inRange(x, 'A', 'Z')>>2, end-i), x&0x20 == 0)
							}
							i = end
							if c == ' ' {
								i++
							}
							continue
						}
					}
				}
				i = s.word(i)
			case clDQuote:
				s.emitMark(i, i+1, normDQ)
				i++
			case clSQuote:
				i = s.apostrophe(i, '\'', 1)
			default:
				// emitPunct for one ASCII byte
				s.add(i, i+1, Punct, text[i:i+1], false)
				if s.parse && (c == '.' || c == '!' || c == '?') {
					s.terms = append(s.terms, len(s.toks)-1)
				}
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			s.emitPunct(i, i+1) // invalid UTF-8: one byte, one token
		case isWordRune(r):
			i = s.word(i)
			continue
		case r == '“' || r == '”':
			s.emitMark(i, i+size, normDQ)
		case r == '«' || r == '»':
			s.emitMark(i, i+size, text[i:i+size])
		case r == '‘' || r == '’':
			i = s.apostrophe(i, r, size)
			continue
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
			// not a token: U+00A0, U+2028, U+FEFF, U+200E, ...
		default:
			s.emitPunct(i, i+size)
		}
		i += size
	}
}

// isWordRune reports whether r belongs to a word: letters, digits and
// combining marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := asciiClass[r]
		return c == clLower || c == clUpper || c == clDigit
	}
	if generalPunct(r) {
		return false // the curly quotes and dashes of news text, without three table look-ups
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// generalPunct reports whether r is in the General Punctuation block
// (U+2000-U+206F: spaces, dashes, quotation marks, format characters),
// which holds no letter, digit or mark.
func generalPunct(r rune) bool { return 0x2000 <= r && r <= 0x206f }

// wordAt reports whether a word rune starts at byte i.
func (s *scanner) wordAt(i int) bool {
	if i >= len(s.text) {
		return false
	}
	if c := s.text[i]; c < utf8.RuneSelf {
		return asciiClass[c] >= clLower && asciiClass[c] <= clDigit
	}
	r, _ := utf8.DecodeRuneInString(s.text[i:])
	return isWordRune(r)
}

// runeAt decodes the rune at byte i, or returns -1 at the end of the text.
func (s *scanner) runeAt(i int) (rune, int) {
	if i >= len(s.text) {
		return -1, 0
	}
	if c := s.text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s.text[i:])
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

func asciiLetter(c byte) bool { return asciiClass[c] == clLower || asciiClass[c] == clUpper }

func asciiDigit(c byte) bool { return '0' <= c && c <= '9' }

// word scans a word or number starting at byte start, emits it and returns
// the byte after it.
func (s *scanner) word(start int) int {
	text := s.text
	n := len(text)
	i := start
	lower := true // only lower-case ASCII so far: Norm is Text
	digits := asciiDigit(text[start])
	number := digits // digits with decimal points and thousands separators only
	innerDot := false
	seg := start // start of the current part (after a '.', '-' or '&')
	for {
		for i < n {
			// ASCII letters and digits, eight bytes at a time while there
			// are eight (see swar.go)
			var upper, lowerCase uint64 // the letters seen, as masks
			for i+8 <= n {
				x := swar.Load(text[i:])
				letter := inRange(x|swar.Lows*0x20, 'a', 'z') // | 0x20 folds case
				// the high bit of each byte that is no ASCII letter or digit
				other := ((letter | inRange(x, '0', '9')) &^ x) ^ swar.Highs
				letter &= other&-other - 1 // only the letters before the first other byte
				isLower := x << 2          // moves the case bit 0x20 to 0x80
				upper, lowerCase = upper|letter&^isLower, lowerCase|letter&isLower
				if other != 0 {
					i += bits.TrailingZeros64(other) >> 3
					break
				}
				i += 8
			}
			if i+8 > n {
				i, upper, lowerCase = asciiTail(text, i, upper, lowerCase)
			}
			if upper != 0 {
				number, lower = false, false
			} else if lowerCase != 0 {
				number = false
			}
			if i >= n || text[i] < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) && !(unicode.Is(unicode.Cf, r) && s.wordAt(i+size)) {
				break // a zero-width joiner or soft hyphen inside a word stays
			}
			number, lower = false, false
			i += size
		}
		if i >= n {
			break
		}
		c := text[i]
		switch {
		case asciiClass[c] == clSpace:
			// the usual end of a word
		case c == '-' || c == '&':
			if s.wordAt(i + 1) {
				i++
				seg = i
				number = false
				continue
			}
		case c == '.':
			if number && i+1 < n && asciiDigit(text[i+1]) {
				i++ // decimal point
				continue
			}
			if !digits && s.initialismDot(seg, i) {
				i++
				seg, innerDot = i, true
				continue
			}
			if !digits && s.keepsPeriod(start, seg, i, innerDot) {
				i++
				if i+1 < n && text[i] == '-' && s.wordAt(i+1) {
					i++
					seg = i
					continue
				}
				return s.emitWord(start, i, lower, false)
			}
		case c == ',':
			if number && i+4 <= n && asciiDigit(text[i+1]) && asciiDigit(text[i+2]) && asciiDigit(text[i+3]) &&
				(i+4 == n || !asciiDigit(text[i+4])) {
				i += 4 // thousands separator
				continue
			}
		default:
			r, size := s.runeAt(i)
			if isApostrophe(r) && s.wordAt(i+size) && !s.clitic(i+size) {
				i += size // don't, O'Brien, we’re
				if c >= utf8.RuneSelf {
					lower = false
				}
				number = false
				continue
			}
		}
		break
	}
	if lower && !number && text[i-1] != '.' {
		// the usual word: lower-case ASCII, its own Norm, ending no
		// sentence (emitWord, with what it tests settled)
		s.add(start, i, Word, text[start:i], false)
		return i
	}
	return s.emitWord(start, i, lower, number)
}

// clitic reports whether the possessive or contracted "s" starts at byte i:
// an "s" that ends the word ("Xi’s", "it's").
func (s *scanner) clitic(i int) bool {
	if i >= len(s.text) || s.text[i]|0x20 != 's' {
		return false
	}
	return !s.wordAt(i+1) && !(i+1 < len(s.text) && s.text[i+1] == '.' && s.wordAt(i+2))
}

// initialismDot reports whether the period at byte i joins two parts of an
// initialism: "U.S", "a.m", "J.P", "Ph.D" (parts of one or two ASCII
// letters, the next one followed by a period too).
func (s *scanner) initialismDot(seg, i int) bool {
	text := s.text
	if l := i - seg; l < 1 || l > 2 || !asciiLetter(text[seg]) || !asciiLetter(text[i-1]) {
		return false
	}
	j := i + 1
	for j < len(text) && j-i-1 < 3 && asciiLetter(text[j]) {
		j++
	}
	l := j - i - 1
	return l >= 1 && l <= 2 && j < len(text) && text[j] == '.'
}

// keepsPeriod reports whether the period at byte i belongs to the word
// [start, i): the last part of an initialism ("U.S."), a listed
// abbreviation ("Mr.", "D-Mass.") or a single capital initial ("J.", not "I.").
func (s *scanner) keepsPeriod(start, seg, i int, innerDot bool) bool {
	text := s.text
	if innerDot && seg > start && text[seg-1] == '.' && i-seg <= 3 {
		return true
	}
	if isAbbrev(text[seg:i]) {
		return true
	}
	return i-start == 1 && asciiClass[text[start]] == clUpper && text[start] != 'I'
}

// apostrophe handles ' ‘ ’ outside a word: a possessive or contracted "'s"
// (a Word of its own), an apostrophe that ends or starts a word ("Jones'",
// "goin'", "'em", "’90s"), or a quotation mark.
func (s *scanner) apostrophe(i int, r rune, size int) int {
	text := s.text
	end := i + size
	afterWord, afterNumber := false, false
	if k := len(s.toks) - 1; k >= 0 && s.toks[k].End == i {
		afterWord, afterNumber = s.toks[k].Kind == Word, s.toks[k].Kind == Number
	}
	switch {
	case (afterWord || afterNumber) && s.clitic(end):
		s.add(i, end+1, Word, normClitic, text[end] == 'S')
		return end + 1
	case afterWord && !s.singleOpen && r != '‘':
		last := &s.toks[len(s.toks)-1]
		if last.Text[len(last.Text)-1]|0x20 == 's' {
			// possessive plural: "Jones' cow" gives "Jones" + "'"
			s.add(i, end, Word, normSQ, false)
			return end
		}
		// a dropped letter: "goin'"
		last.End = end
		last.Text = text[last.Start:end]
		s.renorm(last)
		return end
	case !afterWord && !afterNumber && r != '‘' && s.wordAt(end) && s.leadingElision(r, end):
		j := s.word(end)
		last := &s.toks[len(s.toks)-1]
		last.Start, last.Text = i, text[i:last.End]
		s.renorm(last)
		return j
	}
	// a quotation mark
	open := r == '‘' || r == '\'' && !afterWord && (i == 0 || s.spaceBefore(i)) && end < len(text) && !s.spaceAt(end)
	s.singleOpen = open
	s.emitMark(i, end, normSQ)
	return end
}

// leadingElision reports whether the apostrophe r before the word at byte
// i is part of it: ’ always is (it never opens a quote), ' only before a
// digit ("'90s") or a listed elision ("'em").
func (s *scanner) leadingElision(r rune, i int) bool {
	if r == '’' {
		return true
	}
	if asciiDigit(s.text[i]) {
		return true
	}
	j := i
	for j < len(s.text) && j-i <= 5 && asciiLetter(s.text[j]) {
		j++
	}
	if s.wordAt(j) {
		return false
	}
	return elisions[strings.ToLower(s.text[i:j])]
}

// spaceBefore reports whether the rune before byte i is a space or an
// opening bracket or dash.
func (s *scanner) spaceBefore(i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s.text[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{-–—/", r)
}

func (s *scanner) spaceAt(i int) bool {
	r, _ := s.runeAt(i)
	return unicode.IsSpace(r)
}

// lineBreak notes that the next token, if any, starts a paragraph.
func (s *scanner) lineBreak() {
	if n := len(s.toks); s.parse && n > 0 && s.paraStart[len(s.paraStart)-1] != n {
		s.paraStart = append(s.paraStart, n)
	}
}

// add appends a token for text[start:end] and returns it. The fields are
// written in place, which is cheaper than copying a Token, and Text and
// Norm together, so that the two pointer writes share one write barrier
// check.
func (s *scanner) add(start, end int, k Kind, norm string, capital bool) *Token {
	n := len(s.toks)
	if n == cap(s.toks) {
		s.toks = append(s.toks, Token{})
	} else {
		s.toks = s.toks[:n+1]
	}
	t := &s.toks[n]
	t.Start, t.End, t.Kind, t.Cap = start, end, k, capital
	t.Text, t.Norm = s.text[start:end], norm
	return t
}

func (s *scanner) emitPunct(start, end int) {
	t := s.add(start, end, Punct, s.text[start:end], false)
	if s.parse && isTerminator(t) {
		s.terms = append(s.terms, len(s.toks)-1)
	}
}

func (s *scanner) emitMark(start, end int, n string) {
	s.add(start, end, QuoteMark, n, false)
	if s.parse {
		s.marks = append(s.marks, len(s.toks)-1)
	}
}

func (s *scanner) emitWord(start, end int, lower, number bool) int {
	text := s.text[start:end]
	if s.parse && text[len(text)-1] == '.' {
		s.terms = append(s.terms, len(s.toks))
	}
	switch {
	case number:
		s.add(start, end, Number, text, false)
	case lower:
		s.add(start, end, Word, text, false)
	default:
		s.add(start, end, Word, s.appendNorm(start, end), capitalised(text))
	}
	return end
}

// renorm sets the Norm of a token whose text has grown.
func (s *scanner) renorm(t *Token) {
	if lowerASCII(t.Text) {
		t.Norm = t.Text
	} else {
		t.Norm = s.appendNorm(t.Start, t.End)
	}
}

// appendNorm appends the Norm of text[start:end] to s.norms and returns
// it.
func (s *scanner) appendNorm(start, end int) string {
	from := len(s.norms)
	// ASCII eight bytes at a time (see swar.go), while there are eight
	// in the text: a block may run past end, and the bytes it appends past
	// the Norm are cut off again, to be overwritten by the next Norm
	i := start
	for i < end && i+8 <= len(s.text) {
		x := swar.Load(s.text[i:])
		n := min(end-i, 8)
		if x&swar.Highs&(1<<(8*n)-1) != 0 {
			break // a byte from 0x80 up among the n
		}
		s.norms = binary.LittleEndian.AppendUint64(s.norms, x|inRange(x, 'A', 'Z')>>2) // 0x80 -> 0x20
		s.norms = s.norms[:len(s.norms)-8+n]
		i += n
	}
	s.norms = appendNorm(s.norms, s.text[i:end])
	return unsafe.String(unsafe.SliceData(s.norms[from:]), len(s.norms)-from)
}

// appendLower appends the first n <= 8 bytes of the little-endian word
// x to s.norms and returns them as a string.
func (s *scanner) appendLower(x uint64, n int) string {
	from := len(s.norms)
	s.norms = binary.LittleEndian.AppendUint64(s.norms, x)[:from+n]
	return unsafe.String(&s.norms[from], n)
}

// capitalised reports whether the first letter of t is upper case.
func capitalised(t string) bool {
	if c := t[0]; c < utf8.RuneSelf && asciiLetter(c) {
		return asciiClass[c] == clUpper
	}
	for _, r := range t {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r) || unicode.IsTitle(r)
		}
	}
	return false
}

// lowerASCII reports whether t has no upper-case letter and no byte from
// 0x80 up: its Norm is t itself.
func lowerASCII(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendNorm appends the Norm of t to b: t lower-cased, with ’ ‘ mapped to
// ' and “ ” to ".
func appendNorm(b []byte, t string) []byte {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		switch {
		case r == '’' || r == '‘':
			b = append(b, '\'')
		case r == '“' || r == '”':
			b = append(b, '"')
		case r == utf8.RuneError && size == 1:
			b = append(b, c) // keep invalid bytes as they are
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		i += size
	}
	return b
}
