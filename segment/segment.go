package segment

// Span is a half-open range [Start, End) of byte offsets into the original,
// untouched document text.
type Span struct {
	Start int // first byte
	End   int // one past the last byte
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word      Kind = iota // letters, digits, inner apostrophes and hyphens: "Putin", "U.S.", "don't", "long-term"
	Number                // "4.2", "3,500", "2022"
	Punct                 // any other single mark: , . ; : ! ? ( ) - — …
	QuoteMark             // a quotation mark: " “ ” ' ‘ ’ « » (an apostrophe inside a word is part of the Word)
)

var kindNames = [...]string{"word", "number", "punct", "quote"}

// String returns the name of k: "word", "number", "punct" or "quote".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Token is one token of the document. Text is always Doc.Text[Start:End].
type Token struct {
	Span
	Text string // the untouched source text of the token
	Norm string // lower-cased, with ’ ‘ mapped to ' and “ ” to "; used for lexicon look-ups
	Kind Kind
	// Cap reports that the first letter is upper case.
	Cap bool
}

// Sentence is one sentence: a byte span and the half-open range of the
// token indices [First, Last) that it holds.
type Sentence struct {
	Span
	First, Last int // token indices
	Paragraph   int // index into Doc.Paragraphs
}

// Quote is one quotation: the span including the marks, and the inner span
// without them. A quotation that runs over several paragraphs (each one
// reopened, only the last closed) is one Quote.
type Quote struct {
	Span            // from the opening mark to the closing mark, inclusive
	Inner      Span // the text between the marks
	Closed     bool // false when the closing mark was never found (best guess: the end of the paragraph)
	Single     bool // single quotation marks (‘ ’ or ')
	Parent     int  // index of the enclosing quote in Doc.Quotes, or -1
	FirstToken int  // token index of the opening mark
	LastToken  int  // token index of the closing mark (or of the last token inside when not Closed)
}

// Doc is a segmented document. All offsets are byte offsets into Text.
type Doc struct {
	Text       string
	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Span
	Quotes     []Quote
}
