package segment

// Parse segments text into tokens, paragraphs, quotations and sentences.
// It never panics, whatever the input, and runs in time linear in its
// length. See the package documentation for the rules.
func Parse(text string) *Doc { return ParseReusing(text, nil) }

// ParseReusing is Parse with the tokens stored in buf's array, whose
// contents it overwrites, when buf has room for them (otherwise in a new
// one, as Parse does). The Doc's Tokens then share that array, so the
// caller must be done with the Doc before it passes buf, or the Doc's
// Tokens, to another call. A caller that segments many documents in turn
// saves its largest allocation this way.
func ParseReusing(text string, buf []Token) *Doc {
	s := tokenize(text, buf, true)
	d := &Doc{Text: text, Tokens: s.toks}
	if len(s.toks) == 0 {
		return d
	}
	p := parser{doc: d, toks: s.toks, paraStart: s.paraStart, marks: s.marks, terms: s.terms}
	p.paragraphs()
	if len(p.marks) > 0 {
		p.roles = make([]role, len(p.toks))
		p.pairQuotes()
	}
	p.sentences()
	return d
}

// role is what a quotation mark does.
type role uint8

const (
	noRole    role = iota
	opening        // opens a quotation
	closing        // closes a quotation, or would close one that was never opened
	reopening      // reopens, at a paragraph start, a quotation carried over from the previous paragraph
)

type parser struct {
	doc  *Doc
	toks []Token
	// paraStart holds the index of the first token of each paragraph, and
	// len(toks) at the end.
	paraStart []int
	marks     []int  // the QuoteMark tokens
	terms     []int  // the tokens that may end a sentence, and maybe some more (scanner.terms)
	roles     []role // nil when there are no quotation marks
}

// paragraphs sets the paragraph spans from paraStart (a paragraph is a
// line that holds at least one token) and makes room for the sentences.
func (p *parser) paragraphs() {
	toks := p.toks
	n := len(p.paraStart) - 1
	p.doc.Paragraphs = make([]Span, n)
	p.doc.Sentences = make([]Sentence, 0, n+len(toks)/16)
	for i := range n {
		p.doc.Paragraphs[i] = Span{toks[p.paraStart[i]].Start, toks[p.paraStart[i+1]-1].End}
	}
}
