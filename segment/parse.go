package segment

import "github.com/parleylab/parley/internal/pooled"

// Parse segments text into tokens, paragraphs, quotations and sentences.
// It never panics, whatever the input, and runs in time linear in its
// length. See the package documentation for the rules.
func Parse(text string) *Doc { return ParseReusing(text, nil) }

// ParseReusing is Parse with the tokens stored in buf's array, whose
// contents it overwrites, when buf has room for them (otherwise in a new
// one, as Parse does). The Doc's Tokens then share that array, so the
// caller must be done with the Doc before it passes buf, or the Doc's
// Tokens, to another call. A caller that segments many documents in turn
// saves its largest allocation this way; a Parser saves them all.
func ParseReusing(text string, buf []Token) *Doc {
	p := &Parser{}
	p.doc.Tokens = buf
	return p.Parse(text)
}

// A Parser segments documents one after another into the same arrays:
// once they have grown to the size of the documents, Parse allocates
// nothing. The zero Parser is ready to use. A Parser is not safe for
// concurrent use.
type Parser struct {
	doc Doc
	// The arrays of the last document, for the next one: those of the
	// scanner, the quotation marks' roles, those of the quoter, and the
	// sentences, paragraphs and quotations, which Doc holds only when
	// there are some.
	norms                               []byte
	paraStart, terms, marks, quoteIndex []int
	roles                               []role
	quotes                              []Quote
	keep                                []bool
	stack                               []openQuote
	sentences                           []Sentence
	paragraphs                          []Span
}

// Parse is the package's Parse, into the Parser's arrays: the Doc it
// returns, and every slice and Norm string in it, belong to the Parser
// and are overwritten by its next Parse, so the caller must be done with
// the Doc by then.
func (pr *Parser) Parse(text string) *Doc {
	s := tokenize(text, pr.doc.Tokens, true, pr)
	pr.norms, pr.paraStart, pr.terms, pr.marks = s.norms, s.paraStart, s.terms, s.marks
	d := &pr.doc
	*d = Doc{Text: text, Tokens: s.toks}
	if len(s.toks) == 0 {
		return d
	}
	p := parser{doc: d, re: pr, toks: s.toks, paraStart: s.paraStart, marks: s.marks, terms: s.terms}
	p.paragraphs()
	if len(p.marks) > 0 {
		pr.roles = pooled.Reuse(pr.roles, len(p.toks))[:len(p.toks)]
		clear(pr.roles)
		p.roles = pr.roles
		p.pairQuotes()
	}
	p.sentences()
	pr.sentences = d.Sentences
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
	re   *Parser // the arrays to reuse
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
	p.re.paragraphs = pooled.Reuse(p.re.paragraphs, n)[:n]
	p.doc.Paragraphs = p.re.paragraphs
	p.doc.Sentences = pooled.Reuse(p.re.sentences, n+len(toks)/16)
	for i := range n {
		p.doc.Paragraphs[i] = Span{toks[p.paraStart[i]].Start, toks[p.paraStart[i+1]-1].End}
	}
}
