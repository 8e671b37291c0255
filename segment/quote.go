package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleylab/parley/internal/pooled"
)

// family is a kind of quotation mark; a quotation closes only with a mark
// of the family that opened it. Straight and curly marks of one kind are
// one family, since news text often mixes them ("Oz has a bully pulpit,”
// he said; ‘That’s ridiculous,').
type family uint8

const (
	famDouble    family = iota // " “ ”
	famSingle                  // ' ‘ ’
	famGuillemet               // « »
	numFamilies
)

// markOf returns the family of a quotation mark and the role its glyph
// gives it; straight marks have none (noRole).
func markOf(t string) (family, role) {
	switch t {
	case `"`:
		return famDouble, noRole
	case "'":
		return famSingle, noRole
	case "“":
		return famDouble, opening
	case "”":
		return famDouble, closing
	case "‘":
		return famSingle, opening
	case "’":
		return famSingle, closing
	case "«":
		return famGuillemet, opening
	}
	return famGuillemet, closing // »
}

// markRole returns the family and role of mark t: the role of its glyph,
// unless its context says plainly the opposite (“Mostly False.“ closes
// with an opening glyph); for a straight mark, the role of its context,
// noRole when that is unclear. With known set, the roles of earlier marks
// are used.
func (p *parser) markRole(t int, known bool) (family, role) {
	fam, r := markOf(p.toks[t].Text)
	if ctx := p.contextRole(t, known); ctx != noRole {
		r = ctx
	}
	return fam, r
}

// contextRole guesses the role of the straight mark t from its
// neighbours: after a space, the start or an opening bracket or mark, and
// before a word, it opens; after a word or punctuation and before a space,
// punctuation or the end, it closes. Otherwise it returns noRole. With
// known set, the roles of earlier marks are used.
func (p *parser) contextRole(t int, known bool) role {
	text := p.doc.Text
	tok := &p.toks[t]
	before := tok.Start == 0
	if !before {
		r, _ := utf8.DecodeLastRuneInString(text[:tok.Start])
		switch {
		case opensAfter(r):
			before = true
		case (r == '"' || r == '\'') && t > 0 && known && p.toks[t-1].End == tok.Start:
			before = p.roles[t-1] == opening || p.roles[t-1] == reopening
		}
	}
	after := tok.End == len(text)
	if !after {
		r, _ := utf8.DecodeRuneInString(text[tok.End:])
		after = !isWordRune(r)
	}
	switch {
	case before && !after:
		return opening
	case !before && after:
		return closing
	}
	return noRole
}

// opensAfter reports whether a straight mark after r may open a
// quotation: r is a space, an invisible format character, an opening
// bracket, a dash or slash, or an opening quotation mark.
func opensAfter(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == clSpace || strings.IndexByte("([{-/", byte(r)) >= 0
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || strings.ContainsRune("–—“‘«", r)
}

// openQuote is a quotation whose closing mark has not been seen yet.
type openQuote struct {
	tok int    // its opening mark
	fam family // the family of that mark
	q   int    // its index in the quotes being built
}

// quoter pairs quotation marks with a stack of open quotations.
type quoter struct {
	p      *parser
	stack  []openQuote
	open   [numFamilies]int // open quotations on the stack, per family
	quotes []Quote
	keep   []bool
}

// pairQuotes fills Doc.Quotes and the roles of the marks. Each mark is
// pushed and popped at most once and each paragraph is looked at by at
// most three look-aheads, so the work is linear in the number of tokens.
func (p *parser) pairQuotes() {
	qr := quoter{
		p:      p,
		quotes: pooled.Reuse(p.re.quotes, len(p.marks)/2+1),
		keep:   pooled.Reuse(p.re.keep, len(p.marks)/2+1),
		stack:  pooled.Reuse(p.re.stack, 8),
	}
	reopen := numFamilies // family expected to reopen at the next paragraph start
	m := 0                // the next mark in p.marks
	for pi := 0; pi+1 < len(p.paraStart); pi++ {
		first, end := p.paraStart[pi], p.paraStart[pi+1]
		for ; m < len(p.marks) && p.marks[m] < end; m++ {
			t := p.marks[m]
			fam, r := p.markRole(t, true)
			if t == first && fam == reopen && r != closing {
				p.roles[t] = reopening
				continue
			}
			if r == noRole {
				r = opening
				if qr.open[fam] > 0 {
					r = closing
				}
			}
			p.roles[t] = r
			if r == opening {
				qr.push(t, fam)
			} else if qr.open[fam] > 0 {
				qr.closeAt(t, fam)
			}
		}
		reopen = numFamilies
		if len(qr.stack) == 0 {
			continue
		}
		for len(qr.stack) > 1 {
			qr.terminate(end - 1)
		}
		if e := qr.stack[0]; !qr.straightSingle(e) && pi+2 < len(p.paraStart) {
			fam := e.fam
			if p.reopens(p.paraStart[pi+1], fam) {
				reopen = fam
				continue
			}
			if p.closesAhead(pi+1, fam) {
				continue
			}
		}
		qr.terminate(end - 1)
	}
	p.doc.Quotes = qr.compact()
	p.re.quotes, p.re.keep, p.re.stack = qr.quotes, qr.keep, qr.stack
}

func (qr *quoter) push(t int, fam family) {
	toks := qr.p.toks
	parent := -1
	if n := len(qr.stack); n > 0 {
		parent = qr.stack[n-1].q
	}
	qr.quotes = append(qr.quotes, Quote{
		Span:       Span{toks[t].Start, toks[t].End},
		Inner:      Span{toks[t].End, toks[t].End},
		Single:     fam == famSingle,
		Parent:     parent,
		FirstToken: t,
		LastToken:  t,
	})
	qr.keep = append(qr.keep, true)
	qr.stack = append(qr.stack, openQuote{tok: t, fam: fam, q: len(qr.quotes) - 1})
	qr.open[fam]++
}

// closeAt closes the innermost open quotation of family fam with mark t;
// the quotations opened inside it end unclosed before t.
func (qr *quoter) closeAt(t int, fam family) {
	toks := qr.p.toks
	for qr.stack[len(qr.stack)-1].fam != fam {
		qr.terminate(t - 1)
	}
	e := qr.pop()
	q := &qr.quotes[e.q]
	q.End = toks[t].End
	q.Inner = Span{toks[e.tok].End, toks[t].Start}
	q.Closed = true
	q.LastToken = t
}

// terminate ends the innermost open quotation unclosed after token last.
// An unclosed straight single mark is most likely an apostrophe, and a
// quotation with nothing inside is no quotation: both are dropped.
func (qr *quoter) terminate(last int) {
	e := qr.pop()
	if qr.straightSingle(e) || last <= e.tok {
		qr.keep[e.q] = false
		return
	}
	toks := qr.p.toks
	q := &qr.quotes[e.q]
	q.End = toks[last].End
	q.Inner = Span{toks[e.tok].End, toks[last].End}
	q.LastToken = last
}

// straightSingle reports whether e was opened by a straight single mark.
func (qr *quoter) straightSingle(e openQuote) bool { return qr.p.toks[e.tok].Text == "'" }

func (qr *quoter) pop() openQuote {
	n := len(qr.stack) - 1
	e := qr.stack[n]
	qr.stack = qr.stack[:n]
	qr.open[e.fam]--
	return e
}

// compact removes the dropped quotations and renumbers the parents; the
// parent of a quotation whose parent was dropped is its nearest kept
// ancestor.
func (qr *quoter) compact() []Quote {
	if len(qr.quotes) == 0 {
		return nil
	}
	// index[i] is the new index of quote i, or, for a dropped one, that of
	// its nearest kept ancestor (-1 for none).
	index := pooled.Reuse(qr.p.re.quoteIndex, len(qr.quotes))[:len(qr.quotes)]
	qr.p.re.quoteIndex = index
	out := qr.quotes[:0]
	for i := range qr.quotes {
		q := qr.quotes[i]
		if q.Parent >= 0 {
			q.Parent = index[q.Parent]
		}
		if !qr.keep[i] {
			index[i] = q.Parent
			continue
		}
		index[i] = len(out)
		out = append(out, q)
	}
	return out
}

// reopens reports whether token t, the first of a paragraph, reopens a
// quotation of family fam carried over from the previous paragraph.
func (p *parser) reopens(t int, fam family) bool {
	if p.toks[t].Kind != QuoteMark {
		return false
	}
	f, r := p.markRole(t, false)
	return f == fam && r != closing
}

// closesAhead reports whether, in paragraph pi or the two after it, the
// next mark of family fam closes a quotation rather than opening one.
func (p *parser) closesAhead(pi int, fam family) bool {
	last := min(pi+3, len(p.paraStart)-1)
	for t := p.paraStart[pi]; t < p.paraStart[last]; t++ {
		if p.toks[t].Kind != QuoteMark {
			continue
		}
		if f, r := p.markRole(t, false); f == fam && r != noRole {
			return r == closing
		}
	}
	return false
}
