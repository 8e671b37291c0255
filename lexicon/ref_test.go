package lexicon

import (
	"strings"

	"github.com/parleylab/parley/segment"
)

// refLex is the matcher as it was before the tries were keyed by word
// ids: string-keyed tries, one map look-up per token and level. The tests
// check that the Lexicon's matchers return exactly what it returns.
type refLex struct {
	l *Lexicon
	t *tables
}

func newRef(l *Lexicon) *refLex { return &refLex{l: l, t: buildTables(l.src)} }

// refMatchCues is MatchCues; it returns every cue in toks, left to right. At each token the
// longest entry wins ("reiterated support for" over "reiterated") and
// matching resumes after it, so matches never overlap. A surface that is
// both a verb form and a noun cue ("claims", "reports") is returned as the
// verb; NounCue gives the noun reading. A verb entry without forms also
// matches its regular -s/-ed/-ing forms through the stem.
func (l *refLex) refMatchCues(toks []segment.Token) []CueMatch {
	var out []CueMatch
	for i := 0; i < len(toks); {
		end, id := refLongest(l.t.cues, toks, i, toks[i].Norm, refCueID)
		if id == 0 && l.t.cueStem != nil && regularForm(&toks[i]) {
			end, id = refLongest(l.t.cueStem, toks, i, stem(toks[i].Norm), refCueID)
		}
		if id == 0 {
			i++
			continue
		}
		out = append(out, CueMatch{Match: Match{i, end}, Cue: l.l.src.cues[id-1].cue})
		i = end
	}
	return out
}

// refNounCue returns the noun cue of a one-token surface ("claims",
// "allegations"), also when MatchCues reads the surface as a verb.
func (l *refLex) refNounCue(norm string) (Cue, bool) {
	if n := l.t.cues.next[norm]; n != nil && len(n.ids) == 2 && n.ids[1] != 0 {
		return l.l.src.cues[n.ids[1]-1].cue, true
	}
	return Cue{}, false
}

func refCueID(n *node) int32 {
	if len(n.ids) != 2 {
		return 0
	}
	if n.ids[0] != 0 {
		return n.ids[0]
	}
	return n.ids[1]
}

func refRoleID(n *node) int32 {
	if len(n.ids) == 1 {
		return n.ids[0]
	}
	return 0
}

func refTermID(n *node) int32 {
	for _, id := range n.ids {
		if id != 0 {
			return 1 // any kind: the caller reads them all
		}
	}
	return 0
}

// refLongest walks the trie from toks[i] (looked up as first, then by Norm)
// and returns the end and id of the longest path whose node has an id.
func refLongest(root *node, toks []segment.Token, i int, first string, id func(*node) int32) (end int, best int32) {
	n := root.next[first]
	for j := i; n != nil; {
		if v := id(n); v != 0 {
			end, best = j+1, v
		}
		j++
		if j >= len(toks) || n.next == nil {
			break
		}
		n = n.next[toks[j].Norm]
	}
	return end, best
}

// refLongestNode is refLongest returning the node itself.
func refLongestNode(root *node, toks []segment.Token, i int) (end int, best *node) {
	n := root.next[toks[i].Norm]
	for j := i; n != nil; {
		if refTermID(n) != 0 {
			end, best = j+1, n
		}
		j++
		if j >= len(toks) || n.next == nil {
			break
		}
		n = n.next[toks[j].Norm]
	}
	return end, best
}

// refMatchRoles is MatchRoles; it returns every role word or phrase in toks, longest first,
// left to right, without overlaps ("foreign minister" over "minister").
func (l *refLex) refMatchRoles(toks []segment.Token) []RoleMatch {
	var out []RoleMatch
	for i := 0; i < len(toks); {
		end, id := refLongest(l.t.roles, toks, i, toks[i].Norm, refRoleID)
		if id == 0 {
			i++
			continue
		}
		e := &l.l.src.roles[id-1]
		out = append(out, RoleMatch{Match: Match{i, end}, Class: e.class, Plural: e.plural, Refers: e.refers})
		i = end
	}
	return out
}

// refRole looks up one token norm ("spokesman") in the role table.
func (l *refLex) refRole(norm string) (RoleClass, bool) {
	if n := l.t.roles.next[norm]; n != nil {
		if id := refRoleID(n); id != 0 {
			return l.l.src.roles[id-1].class, true
		}
	}
	return 0, false
}

// refMatchTerms is MatchTerms; it returns the stance, negation, hedge and intensifier terms in
// toks, longest first, left to right, without overlaps between positions:
// "refused to" (negation) wins over "refused" (stance), "positions
// coincided" over "coincided". A term listed in several files gives one
// TermMatch per file at the same position, in TermKind order. A token
// ending in "n't" matches the negation "n't"; a one-word stance term also
// matches its regular -s/-ed/-ing forms through the stem.
func (l *refLex) refMatchTerms(toks []segment.Token) []TermMatch {
	var out []TermMatch
	for i := 0; i < len(toks); {
		end, n := refLongestNode(l.t.terms, toks, i)
		if n != nil {
			for _, id := range n.ids {
				if id != 0 {
					out = append(out, l.reftermMatch(i, end, id))
				}
			}
			i = end
			continue
		}
		t := &toks[i]
		switch {
		case l.t.nt != 0 && len(t.Norm) > 3 && strings.HasSuffix(t.Norm, "n't"):
			out = append(out, l.reftermMatch(i, i+1, l.t.nt))
		case len(l.t.termStem) > 0 && regularForm(t):
			if id := l.t.termStem[stem(t.Norm)]; id != 0 {
				out = append(out, l.reftermMatch(i, i+1, id))
			}
		}
		i++
	}
	return out
}

func (l *refLex) reftermMatch(start, end int, id int32) TermMatch {
	e := &l.t.termList[id-1]
	return TermMatch{Match: Match{start, end}, Term: e.term, Kind: e.kind, Class: e.class, Weight: e.weight}
}

// refMatchParties is MatchParties; it returns the gazetteer hits in toks, left to right, longest
// first. Case matters (see the package documentation): "Turkey" is a
// party, "turkey" is not; "US" is, "us" is not. A leading "the" of an
// alias is optional in text and part of the match when present. Guards
// ("South China Sea") consume their tokens and give no hit. Parts of a
// hyphenated token are looked up on their own ("U.S.-Russian" gives USA
// and RUS, both with Match of that one token and their own Span).
func (l *refLex) refMatchParties(toks []segment.Token) []PartyMatch {
	var out []PartyMatch
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.Kind != segment.Word && t.Kind != segment.Number {
			i++
			continue
		}
		end, id, spanEnd := l.reflongestParty(toks, i)
		if id != 0 {
			e := &l.l.src.parties[id-1]
			if e.guard {
				i = end
				continue
			}
			givenName := e.givenName && spanEnd == toks[end-1].End && end < len(toks) &&
				toks[end].Kind == segment.Word && capWord(toks[end].Text)
			the := e.the && i > 0 && toks[i-1].Norm == "the" && (len(out) == 0 || out[len(out)-1].End < i)
			if !givenName && (the || !e.needsThe) {
				start, sp := i, t.Start
				if the {
					start, sp = i-1, toks[i-1].Start
				}
				out = append(out, PartyMatch{Match: Match{start, end}, Span: segment.Span{Start: sp, End: spanEnd},
					Party: e.party, Name: l.t.names[e.party.Code]})
				i = end
				continue
			}
		}
		if t.Kind == segment.Word && strings.IndexByte(t.Text, '-') > 0 {
			out = l.refhyphenParts(out, toks, i)
		}
		i++
	}
	return out
}

// reflongestParty returns the end, alias id and byte end of the longest
// alias at toks[i] whose case rules hold. A token with a possessive ending
// ("China’s", when the tokenizer kept it) may end an alias without it.
func (l *refLex) reflongestParty(toks []segment.Token, i int) (end int, best int32, spanEnd int) {
	n := l.t.parties
	for j := i; j < len(toks); j++ {
		t := &toks[j]
		text, last := t.Text, false
		c := n.next[partyKey(t.Norm)]
		if c == nil {
			base, ok := cutPossessive(t.Text)
			if !ok || !strings.HasSuffix(t.Norm, "'s") {
				break
			}
			c = n.next[partyKey(t.Norm[:len(t.Norm)-2])]
			text, last = base, true
			if c == nil {
				break
			}
		}
		n = c
		for _, id := range n.ids {
			if l.refcasesHold(&l.l.src.parties[id-1], toks, i, j, text) {
				end, best, spanEnd = j+1, id, t.Start+len(text)
				break
			}
		}
		if last || n.next == nil {
			break
		}
	}
	return end, best, spanEnd
}

// refcasesHold checks the case rules of e against toks[i..j], the text of
// toks[j] being lastText.
func (l *refLex) refcasesHold(e *partyEntry, toks []segment.Token, i, j int, lastText string) bool {
	if len(e.raw) != j-i+1 {
		return false
	}
	for k, raw := range e.raw {
		text := toks[i+k].Text
		if i+k == j {
			text = lastText
		}
		if !caseOK(e.cases[k], text, raw) {
			return false
		}
	}
	return true
}

// refhyphenParts appends the one-token aliases among the parts of the
// hyphenated token toks[i].
func (l *refLex) refhyphenParts(out []PartyMatch, toks []segment.Token, i int) []PartyMatch {
	t := &toks[i]
	text, nrm := t.Text, t.Norm
	if strings.Count(text, "-") != strings.Count(nrm, "-") {
		return out
	}
	off := 0
	for text != "" {
		pt, restT, _ := strings.Cut(text, "-")
		pn, restN, _ := strings.Cut(nrm, "-")
		if c := l.t.parties.next[partyKey(pn)]; c != nil && pt != "" {
			for _, id := range c.ids {
				e := &l.l.src.parties[id-1]
				if len(e.raw) == 1 && !e.guard && caseOK(e.cases[0], pt, e.raw[0]) {
					out = append(out, PartyMatch{Match: Match{i, i + 1},
						Span:  segment.Span{Start: t.Start + off, End: t.Start + off + len(pt)},
						Party: e.party, Name: l.t.names[e.party.Code]})
					break
				}
			}
		}
		off += len(pt) + 1
		text, nrm = restT, restN
	}
	return out
}
