package stance

import (
	"slices"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
)

// narrated finds the relations the narrator states outside any
// attribution: stance verbs ("Russia backed ...", "China did not deny
// ..."), joint events ("X and Y agreed to ...") and stance terms of a
// group subject ("X and Y ... reaffirm their strategic partnership").
// covered marks the tokens of the attributions' sources, cues and
// contents; used, all false, has the same length and marks the tokens of
// the relations found here. The relations are appended to x.rels.
func (x *docIndex) narrated(covered, used []bool) {
	free := func(from, to int) bool {
		for j := from; j < to; j++ {
			if covered[j] || used[j] {
				return false
			}
		}
		return true
	}
	for _, c := range x.cues {
		l, ok := labelOf(c.Cue.Class)
		if !ok || c.Cue.Kind != lexicon.Verb || !free(c.Start, c.End) {
			continue
		}
		t := x.cueTrigger(c.Start, c.End, c.Cue.Lemma, l)
		if x.narratedAt(t, covered, 0, len(x.doc.Tokens), true) {
			for j := c.Start; j < c.End; j++ {
				used[j] = true
			}
		}
	}
	for _, tm := range x.terms {
		l, ok := labelOf(tm.Class)
		if tm.Kind != lexicon.StanceTerm || !ok || !free(tm.Start, tm.End) {
			continue
		}
		t := trigger{from: tm.Start, to: tm.End, term: tm.Term, label: l, weight: tm.Weight}
		if x.narratedAt(t, covered, 0, len(x.doc.Tokens), true) {
			for j := tm.Start; j < tm.End; j++ {
				used[j] = true
			}
		}
	}
}

// narratedAt scores one narrated trigger. Its subject is the set of
// parties named in its clause before it (or the document's pair for a
// group noun such as "the leaders"); its target is found in the rest of
// the clause as for attributions. A stance term that is not a verb needs a
// group subject or a named target. The clause is cut at covered tokens
// (nil: none), at the window [lo, hi) and maxClause tokens away from the
// trigger. owners tells whether a denial without a target may take the
// owner of an earlier claim (see attIndex.ownerPairs). The relations are
// appended to x.rels; narratedAt reports whether there are any.
func (x *docIndex) narratedAt(t trigger, covered []bool, lo, hi int, owners bool) bool {
	si := x.sentence(t.from)
	s := x.doc.Sentences[si]
	cs := x.clauseStart(t.from, max(s.First, lo, t.from-maxClause))
	for j := t.from - 1; j >= cs; j-- {
		if covered != nil && covered[j] {
			cs = j + 1
			break
		}
	}
	ce := x.clauseEnd(t.to, min(s.Last, hi, t.to+maxClause))
	for j := t.to; j < ce; j++ {
		if covered != nil && covered[j] {
			ce = j
			break
		}
	}
	var subject []string
	for _, p := range x.partiesIn(cs, t.from) {
		subject = append(subject, p.code)
	}
	slices.Sort(subject)
	subject = slices.Compact(subject)
	group := len(subject) >= 2 || x.hasGroup(cs, t.from)
	if len(subject) == 0 {
		if !x.hasGroup(cs, t.from) {
			return false
		}
		subject = x.dyads[si]
	}
	if len(subject) == 0 {
		return false
	}
	if !t.cue && !group && len(x.firstGroup(subject, t.to, ce)) == 0 {
		return false
	}
	r := x.relation([]trigger{t}, cs, ce)
	pairs := x.targets(subject, t.to, ce, r.Label, si, x.hasMutual(cs, ce), group)
	if len(pairs) == 0 && owners && (r.Label == Deny || r.Label == Reject) {
		self := attribution.Attribution{ID: "", Sentence: si,
			Source: &attribution.Source{Parties: subject}}
		self.Cue.Start = x.doc.Tokens[t.from].Start
		pairs = x.atts.ownerPairs(&self)
	}
	x.expand(r, pairs, si, "")
	return len(pairs) > 0
}
