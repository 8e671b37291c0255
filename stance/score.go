package stance

import (
	"math"
	"slices"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// trigger is one stance-bearing piece of text: the cue of an attribution
// or a stance term, with its token range and weight.
type trigger struct {
	from, to int
	term     string
	label    Label
	weight   float64
	cue      bool
}

// Score returns the relations stated in doc. Each attribution with source
// parties, and each narrated stance verb or joint event, yields zero or more
// directed relations; see the package documentation for the rules and the
// score formula. Score never panics on input: spans outside the text are
// ignored.
func Score(doc *segment.Doc, atts []attribution.Attribution, lex *lexicon.Lexicon) []Relation {
	if doc == nil || lex == nil || len(doc.Tokens) == 0 {
		return nil
	}
	return ScoreAnnotated(doc, atts, lex, lex.AnnotateSentences(doc.Tokens, doc.Sentences))
}

// ScoreAnnotated is Score with the lexicon matches of doc already made
// (lex.AnnotateSentences(doc.Tokens, doc.Sentences)), shared with the
// attribution pass so that the lexicons are matched once.
func ScoreAnnotated(doc *segment.Doc, atts []attribution.Attribution, lex *lexicon.Lexicon, ann *lexicon.Annotations) []Relation {
	if doc == nil || lex == nil || ann == nil || len(doc.Tokens) == 0 {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	x := newIndex(doc, ann, sc)
	x.atts = newAttIndex(atts)
	covered, used := sc.boolSlices(len(doc.Tokens))
	for i := range atts {
		a := &atts[i]
		spans := [3]segment.Span{a.Cue.Span, a.Content}
		if a.Source != nil {
			spans[2] = a.Source.Span
		}
		// The token ranges of the cue, the content and the source, found
		// once here for covered and for attRelations.
		var tok [3][2]int
		hint := 0
		if a.Sentence >= 0 && a.Sentence < len(doc.Sentences) {
			hint = doc.Sentences[a.Sentence].First
		}
		for k, sp := range spans {
			from, to := x.tokenRange(sp, hint)
			tok[k] = [2]int{from, to}
			for j := from; j < to; j++ {
				covered[j] = true
			}
		}
		if x.atts.nested(a) {
			continue
		}
		x.attRelations(a, tok)
	}
	x.narrated(covered, used)
	return dedupe(x.rels)
}

// attRelations scores one attribution, its cue when the cue states a
// relation and the stance terms of its content, and appends the relations
// to x.rels. tok holds the token ranges of its cue, content and source.
func (x *docIndex) attRelations(a *attribution.Attribution, tok [3][2]int) {
	if a.Source == nil || len(a.Source.Parties) == 0 {
		return
	}
	cf, ct := tok[0][0], tok[0][1]
	from, to := tok[1][0], tok[1][1]
	if cf >= ct || from >= to {
		return
	}
	var buf [4]trigger
	trig := buf[:0]
	if l, ok := labelOf(a.Cue.Class); ok {
		trig = append(trig, x.cueTrigger(cf, ct, a.Cue.Lemma, l))
	} else if tm, ok := x.cueTerm(cf, ct); ok {
		// A cue of another class whose words are a stance term
		// ("demanded", "threatened"): the term gives the cue's stance.
		l, _ := labelOf(tm.Class)
		trig = append(trig, trigger{from: cf, to: ct, term: tm.Term, label: l, weight: tm.Weight, cue: true})
	}
	for _, tm := range x.termsIn(from, to) {
		if tm.Kind != lexicon.StanceTerm {
			continue
		}
		l, ok := labelOf(tm.Class)
		if !ok {
			continue
		}
		t := trigger{from: tm.Start, to: tm.End, term: tm.Term, label: l, weight: tm.Weight}
		if len(trig) == 0 || !trig[0].cue {
			// Reported speech whose content narrates an event of other
			// parties ("Russia has threatened to ..., the Washington Post
			// reported"): the relation is the content subject's.
			if x.reportedEvent(t, from, to, a) {
				continue
			}
		}
		trig = append(trig, t)
	}
	if len(trig) == 0 {
		return
	}
	// The hedge scope runs from the start of the cue's clause (so that
	// "reportedly criticised" counts), at most maxClause tokens back, to
	// the end of the content.
	lo, hi := min(cf, from), max(ct, to)
	sent := x.doc.Sentences[clampSent(a.Sentence, len(x.doc.Sentences))]
	scopeFrom := x.clauseStart(lo, max(sent.First, 0, lo-maxClause))
	r := x.relation(trig, scopeFrom, hi)
	pairs := x.targets(a.Source.Parties, from, to, r.Label, a.Sentence, x.hasMutual(from, to), isGroupSource(x, a, tok[2]))
	if len(pairs) == 0 && (r.Label == Deny || r.Label == Reject) {
		pairs = x.atts.ownerPairs(a)
	}
	x.expand(r, pairs, a.Sentence, a.ID)
}

// cueTerm returns the stance term that covers exactly the cue tokens
// [from, to), if any.
func (x *docIndex) cueTerm(from, to int) (lexicon.TermMatch, bool) {
	for _, tm := range x.termsIn(from, to) {
		if _, ok := labelOf(tm.Class); ok && tm.Kind == lexicon.StanceTerm && tm.Start == from && tm.End == to {
			return tm, true
		}
	}
	return lexicon.TermMatch{}, false
}

// reportedEvent scores a stance trigger t of the content [from, to) of
// the report a as a narrated event when a party other than the source's
// is named before it in its clause inside the content: the relations are
// narrated ones (see narratedAt) of that subject, carried by a. It
// reports whether it added any.
func (x *docIndex) reportedEvent(t trigger, from, to int, a *attribution.Attribution) bool {
	cs := max(x.clauseStart(t.from, from), from)
	own := true
	for _, p := range x.partiesIn(cs, t.from) {
		if !slices.Contains(a.Source.Parties, p.code) {
			own = false
		}
	}
	if own || x.demand(cs, t.from) {
		return false
	}
	n := len(x.rels)
	x.narratedAt(t, nil, from, to, false)
	for i := n; i < len(x.rels); i++ {
		x.rels[i].Attribution = a.ID
	}
	return len(x.rels) > n
}

// demand reports a modal of obligation or a call to stop between tokens
// from and to: in "Washington should stop smearing China" the speaker
// demands, no event is reported.
func (x *docIndex) demand(from, to int) bool {
	for i := max(from, 0); i < to && i < len(x.doc.Tokens); i++ {
		switch x.doc.Tokens[i].Norm {
		case "should", "must", "ought", "stop", "cease", "quit", "shall":
			return true
		}
	}
	return false
}

func clampSent(i, n int) int {
	if i < 0 {
		return 0
	}
	if i >= n {
		return n - 1
	}
	return i
}

// isGroupSource reports whether the attribution's source, the tokens
// src, is a group ("both leaders", "the two sides") rather than one
// speaker.
func isGroupSource(x *docIndex, a *attribution.Attribution, src [2]int) bool {
	if len(a.Source.Parties) >= 2 {
		return true
	}
	return x.hasGroup(src[0], src[1])
}

// cueTrigger builds the trigger of a stance-class cue. Its weight is that
// of a stance term of the same label on the cue's words, if the lexicon has
// one, else ClassWeights.
func (x *docIndex) cueTrigger(from, to int, lemma string, l Label) trigger {
	t := trigger{from: from, to: to, term: lemma, label: l, weight: ClassWeights[l], cue: true}
	for _, tm := range x.termsIn(from, to) {
		if tm.Kind == lexicon.StanceTerm && tm.Class == classOf(l) {
			t.weight = tm.Weight
			break
		}
	}
	if t.term == "" {
		t.term = x.doc.Text[x.doc.Tokens[from].Start:x.doc.Tokens[to-1].End]
	}
	return t
}

// classOf is the inverse of labelOf.
func classOf(l Label) lexicon.Class {
	return [...]lexicon.Class{lexicon.Agree, lexicon.Support, lexicon.Deny, lexicon.Reject,
		lexicon.Accuse, lexicon.Criticize}[l]
}

// relation combines the triggers of one statement into a relation without
// parties: the label, the score by the package formula, and the evidence.
// Hedges count anywhere in [scopeFrom, scopeTo). The evidence lives in a
// buffer that the next call reuses: expand copies it.
func (x *docIndex) relation(trig []trigger, scopeFrom, scopeTo int) Relation {
	// The deciding trigger: the cue if it states a relation, else the
	// strongest term (the first among equals).
	d := 0
	for i, t := range trig {
		if t.cue {
			d = i
			break
		}
		if math.Abs(t.weight) > math.Abs(trig[d].weight) {
			d = i
		}
	}
	dec := trig[d]
	r := Relation{Label: dec.label, Evidence: x.evidence[:0]}
	negated, negEv := x.negation(dec.from, scopeFrom)
	keep := 1.0
	for _, t := range trig {
		if t.label.Positive() != dec.label.Positive() {
			continue
		}
		// The content of a denial or rejection is the disputed claim
		// ("denied the allegations"): its terms are not the source's stance.
		if dec.cue && !t.cue && (dec.label == Deny || dec.label == Reject) {
			continue
		}
		if n, _ := x.negation(t.from, scopeFrom); n != negated {
			continue
		}
		keep *= 1 - clamp01(math.Abs(t.weight))
		r.Evidence = append(r.Evidence, Evidence{Span: x.span(t.from, t.to), Term: t.term,
			Class: t.label.String(), Weight: finite(t.weight)})
	}
	strength := 1 - keep
	intens := 1.0
	for _, tm := range x.termsIn(scopeFrom, scopeTo) {
		switch tm.Kind {
		case lexicon.Intensifier:
			if tm.End <= dec.from && dec.from-tm.End <= maxNegationGap && !x.boundaryBetween(tm.End, dec.from) {
				intens *= math.Max(1, finite(tm.Weight))
				r.Evidence = append(r.Evidence, Evidence{Span: x.span(tm.Start, tm.End), Term: tm.Term,
					Class: "intensifier", Weight: finite(tm.Weight)})
			}
		}
	}
	strength = math.Min(1, strength*intens)
	for _, tm := range x.termsIn(scopeFrom, scopeTo) {
		if tm.Kind == lexicon.Hedge {
			h := clamp01(finite(tm.Weight))
			strength *= h
			r.Hedged = true
			r.Evidence = append(r.Evidence, Evidence{Span: x.span(tm.Start, tm.End), Term: tm.Term,
				Class: "hedge", Weight: h})
		}
	}
	sign := 1.0
	if !dec.label.Positive() {
		sign = -1
	}
	r.Score = sign * strength
	if negated {
		r.Negated = true
		r.Score *= NegationFactor
		r.Evidence = append(r.Evidence, negEv)
	}
	slices.SortStableFunc(r.Evidence, func(a, b Evidence) int { return a.Start - b.Start })
	x.evidence = r.Evidence[:0]
	return r
}

// negation reports whether a negation stands before token i within the
// same clause and at most maxNegationGap tokens away ("did not deny",
// "declined to endorse", "has not yet backed"), and returns it as evidence.
func (x *docIndex) negation(i, scopeFrom int) (bool, Evidence) {
	lo := max(x.clauseStart(i, scopeFrom), i-maxNegationGap-3)
	for _, tm := range x.termsIn(lo, i) {
		if tm.Kind == lexicon.Negation && i-tm.End <= maxNegationGap {
			return true, Evidence{Span: x.span(tm.Start, tm.End), Term: tm.Term, Class: "negation",
				Weight: NegationFactor}
		}
	}
	return false, Evidence{}
}

// targets returns the (source, target) pairs of a statement by sources
// whose stance applies to the tokens [from, to): the first party named
// there that is not a source, with the parties coordinated with it
// ("Venezuela and Cuba"); failing that, when the text refers to a pair
// ("their", "the two countries", a group source), the document's pair.
// marker tells that the statement refers to a pair ("their"); group that
// its source is a group.
//
// The pairs live in a buffer that the next call reuses.
func (x *docIndex) targets(sources []string, from, to int, l Label, sent int, marker, group bool) [][2]string {
	out := x.pairs[:0]
	defer func() { x.pairs = out[:0] }()
	if t := x.firstGroup(sources, from, to); len(t) > 0 {
		for _, s := range sources {
			for _, c := range t {
				if c != s {
					out = append(out, [2]string{s, c})
				}
			}
		}
		return out
	}
	if !marker && !group {
		return nil
	}
	pair := sources
	if len(pair) < 2 {
		pair = x.dyads[clampSent(sent, len(x.dyads))]
	}
	if l.symmetric() && marker {
		// "their positions coincided": both directions between the pair.
		for _, s := range pair {
			for _, c := range pair {
				if s != c {
					out = append(out, [2]string{s, c})
				}
			}
		}
		return out
	}
	for _, s := range sources {
		for _, c := range pair {
			if c != s {
				out = append(out, [2]string{s, c})
			}
		}
	}
	return out
}

// firstGroup returns the first party in [from, to) that is not one of
// sources, with the parties coordinated with it, sorted. The codes live in
// a buffer that the next call reuses.
func (x *docIndex) firstGroup(sources []string, from, to int) []string {
	ps := x.partiesIn(from, to)
	k := slices.IndexFunc(ps, func(p partyHit) bool { return !slices.Contains(sources, p.code) })
	if k < 0 {
		return nil
	}
	out := append(x.group[:0], ps[k].code)
	defer func() { x.group = out[:0] }()
	// Walk left and right over coordinated mentions.
	for j := k + 1; j < len(ps) && x.coordinated(ps[j-1].end, ps[j].start); j++ {
		out = append(out, ps[j].code)
	}
	for j := k - 1; j >= 0 && x.coordinated(ps[j].end, ps[j+1].start); j-- {
		out = append(out, ps[j].code)
	}
	out = slices.DeleteFunc(out, func(c string) bool { return slices.Contains(sources, c) })
	slices.Sort(out)
	return slices.Compact(out)
}

// coordinated reports whether the tokens [from, to) between two party
// mentions only join them ("and", ", ", "and the", "as well as"), or are
// a possessive clitic and a coordinator.
func (x *docIndex) coordinated(from, to int) bool {
	if to <= from {
		return to == from
	}
	conj := false
	for j := from; j < to; j++ {
		n := x.doc.Tokens[j].Norm
		if !isCoordinator(n) {
			return false
		}
		if n != "the" {
			conj = true
		}
	}
	return conj
}

// expand turns a relation without parties into one relation per pair and
// appends them to x.rels. Each relation has its own copy of the evidence,
// all in one allocation.
func (x *docIndex) expand(r Relation, pairs [][2]string, sent int, att string) {
	n := len(r.Evidence)
	var ev []Evidence
	if n > 0 {
		ev = make([]Evidence, n*len(pairs))
	}
	for k, p := range pairs {
		c := r
		c.Source, c.Target = p[0], p[1]
		c.Sentence = sent
		c.Attribution = att
		if n > 0 {
			c.Evidence = ev[k*n : (k+1)*n : (k+1)*n]
			copy(c.Evidence, r.Evidence)
		}
		x.rels = append(x.rels, c)
	}
}

// dedupe drops repeated relations (same parties, label, sentence,
// attribution and negation), keeping the first, and orders them by
// sentence, then as found.
func dedupe(rels []Relation) []Relation {
	type key struct {
		s, t, att string
		l         Label
		sent      int
		neg       bool
	}
	// A short list is searched, a long one hashed.
	const short = 32
	var seen map[key]bool
	if len(rels) > short {
		seen = make(map[key]bool, len(rels))
	}
	out := rels[:0]
	for i := range rels {
		r := &rels[i]
		if seen != nil {
			k := key{r.Source, r.Target, r.Attribution, r.Label, r.Sentence, r.Negated}
			if seen[k] {
				continue
			}
			seen[k] = true
		} else if seenIn(out, r) {
			continue
		}
		out = append(out, *r)
	}
	slices.SortStableFunc(out, func(a, b Relation) int { return a.Sentence - b.Sentence })
	return out
}

// seenIn reports whether rels holds the relation r states: the same
// parties, label, sentence, attribution and negation.
func seenIn(rels []Relation, r *Relation) bool {
	for i := range rels {
		o := &rels[i]
		if r.Sentence == o.Sentence && r.Label == o.Label && r.Negated == o.Negated &&
			r.Source == o.Source && r.Target == o.Target && r.Attribution == o.Attribution {
			return true
		}
	}
	return false
}

func clamp01(v float64) float64 {
	switch {
	case math.IsNaN(v) || v < 0:
		return 0
	case v > 1:
		return 1
	}
	return v
}

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
