package segment

import "unicode"

// sentences splits each paragraph into sentences; see the package
// documentation for the rules.
func (p *parser) sentences() {
	toks := p.toks
	quotes := p.doc.Quotes
	qi := 0
	inside := -1 // a break after token j < inside falls inside a quotation
	k := 0       // the next candidate in p.terms
	for pi := 0; pi+1 < len(p.paraStart); pi++ {
		first, end := p.paraStart[pi], p.paraStart[pi+1]
		start := first
		next := first // the first token not yet looked at
		for ; k < len(p.terms) && p.terms[k] < end; k++ {
			i := p.terms[k]
			if i < next || !isTerminator(&toks[i]) {
				continue
			}
			j := i
			for j+1 < end && p.closer(j+1) {
				j++
			}
			if j+1 >= end {
				break
			}
			for ; qi < len(quotes) && quotes[qi].FirstToken <= j; qi++ {
				if q := &quotes[qi]; q.Closed && q.FirstToken >= first && q.LastToken < end {
					inside = max(inside, q.LastToken)
				}
			}
			if j >= inside && p.breaks(i, j) {
				p.addSentence(start, j+1, pi)
				start = j + 1
			}
			next = j + 1
		}
		p.addSentence(start, end, pi)
	}
}

func (p *parser) addSentence(first, last, para int) {
	p.doc.Sentences = append(p.doc.Sentences, Sentence{
		Span:      Span{p.toks[first].Start, p.toks[last-1].End},
		First:     first,
		Last:      last,
		Paragraph: para,
	})
}

// isTerminator reports whether t may end a sentence: . ! ? … (and their
// full-width forms), or a word that kept its period ("U.S.", "Mr.").
func isTerminator(t *Token) bool {
	switch t.Kind {
	case Punct:
		switch t.Text {
		case ".", "!", "?", "…", "。", "！", "？":
			return true
		}
	case Word:
		return len(t.Text) > 1 && t.Text[len(t.Text)-1] == '.'
	}
	return false
}

// closer reports whether token k stays with the sentence that a
// terminator before it ends: a closing quotation mark, a closing bracket,
// or another terminator ("?!", "...").
func (p *parser) closer(k int) bool {
	t := &p.toks[k]
	switch t.Kind {
	case QuoteMark:
		return p.roles[k] == closing
	case Punct:
		switch t.Text {
		case ")", "]", "}":
			return true
		}
		return isTerminator(t)
	}
	return false
}

// breaks reports whether the sentence ends after token j, where token i
// is the terminator and i+1..j are closers.
func (p *parser) breaks(i, j int) bool {
	next := &p.toks[j+1]
	if t := &p.toks[i]; t.Kind == Word && i == j {
		// an abbreviation: a title never ends a sentence, others only
		// before a strong sentence starter or an opening quotation mark
		if classOf(t) == titleAbbrev {
			return false
		}
		return next.Kind == Word && strongStarters[next.Text] ||
			next.Kind == QuoteMark && p.roles[j+1] != closing
	}
	switch next.Kind {
	case Word:
		return !startsLower(next.Text)
	case QuoteMark:
		return p.roles[j+1] != closing
	case Punct:
		switch next.Text {
		case ",", ";", ":", ")", "]", "}", "-", "–", "—":
			return false
		}
	}
	return true
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}
