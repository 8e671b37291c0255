package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// node is a node of a token trie keyed by token norms. ids holds entry
// indices + 1 (0: none); their meaning depends on the trie (see build).
type node struct {
	next map[string]*node
	ids  []int32
}

func (n *node) insert(keys []string, width int) *node {
	for _, k := range keys {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[k]
		if c == nil {
			c = &node{}
			n.next[k] = c
		}
		n = c
	}
	if n.ids == nil && width > 0 {
		n.ids = make([]int32, width)
	}
	return n
}

// build compiles the tables of src.
func build(version string, src sources) *Lexicon {
	l := &Lexicon{Version: version, src: src}
	l.buildCues()
	l.buildParties()
	l.buildRoles()
	l.buildTerms()
	return l
}

// Cue trie: ids[0] is the verb, preposition or colon reading of a surface,
// ids[1] its noun reading. A later entry overrides an earlier one.
func (l *Lexicon) buildCues() {
	l.cues = &node{}
	for i, e := range l.src.cues {
		slot := 0
		if e.cue.Kind == Noun {
			slot = 1
		}
		for _, s := range e.surfaces {
			l.cues.insert(normAll(splitTerm(s)), 2).ids[slot] = int32(i + 1)
		}
		if e.fallback {
			if l.cueStem == nil {
				l.cueStem = &node{}
			}
			keys := normAll(splitTerm(e.cue.Lemma))
			keys[0] = stem(keys[0])
			n := l.cueStem.insert(keys, 2)
			if n.ids[0] == 0 {
				n.ids[0] = int32(i + 1)
			}
		}
	}
}

// Party trie: ids lists every alias with that key (they differ only in
// case); names maps a code to its canonical name.
func (l *Lexicon) buildParties() {
	l.parties = &node{}
	l.names = map[string]string{}
	for i, e := range l.src.parties {
		n := l.parties.insert(partyKeys(e.raw), 0)
		n.ids = append(n.ids, int32(i+1))
		if !e.guard && (e.party.Kind == Country || e.party.Kind == Org) {
			if _, ok := l.names[e.party.Code]; !ok {
				l.names[e.party.Code] = e.name()
			}
		}
	}
	// a code named only by capitals, seats, demonyms or media takes its first alias
	for _, e := range l.src.parties {
		if _, ok := l.names[e.party.Code]; !ok && !e.guard {
			l.names[e.party.Code] = e.name()
		}
	}
}

// name is the alias without its optional "the".
func (e *partyEntry) name() string {
	if e.the {
		return strings.TrimSpace(e.alias[len("the "):])
	}
	return e.alias
}

func (l *Lexicon) buildRoles() {
	l.roles = &node{}
	for i, e := range l.src.roles {
		l.roles.insert(normAll(splitTerm(e.term)), 1).ids[0] = int32(i + 1)
	}
}

// Term trie: ids[k] is the entry of TermKind k, indices into l.termList.
func (l *Lexicon) buildTerms() {
	l.terms = &node{}
	l.termStem = map[string]int32{}
	l.termList = nil
	for k := range l.src.terms {
		for _, e := range l.src.terms[k] {
			l.termList = append(l.termList, e)
			id := int32(len(l.termList))
			keys := normAll(splitTerm(e.term))
			l.terms.insert(keys, 4).ids[k] = id
			if e.kind == Negation && keys[0] == "n't" && len(keys) == 1 {
				l.nt = id
			}
			if e.kind == StanceTerm && len(keys) == 1 {
				if s := stem(keys[0]); l.termStem[s] == 0 {
					l.termStem[s] = id
				}
			}
		}
	}
}

// caseOK reports whether text is written as rule requires.
func caseOK(rule caseRule, text, alias string) bool {
	switch rule {
	case caseExact:
		return strings.TrimSuffix(text, ".") == strings.TrimSuffix(alias, ".")
	case caseUpper:
		r, _ := utf8.DecodeRuneInString(text)
		return unicode.IsUpper(r)
	}
	return true
}

// capWord reports whether s starts with an upper-case letter.
func capWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
