package lexicon

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// node is a node of a token trie keyed by token norms, the form in which
// build collects the entries before compile turns it into a trie keyed by
// word ids. ids holds entry indices + 1 (0: none); their meaning depends
// on the trie (see build).
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

// tables are the string-keyed tries of a lexicon.
type tables struct {
	cues, cueStem, parties, roles, terms *node
	names                                map[string]string
	termList                             []termEntry
	termStem                             map[string]int32 // stem of a one-word stance term -> termList index + 1
	nt                                   int32            // the negation entry "n't" + 1, or 0
}

// build compiles the tables of src.
func build(version string, src sources) *Lexicon {
	t := buildTables(src)
	l := &Lexicon{Version: version, src: src, names: t.names, termList: t.termList, nt: t.nt}
	termStem := &node{}
	for s, id := range t.termStem {
		termStem.insert([]string{s}, 1).ids[0] = id
	}
	words := map[string]int32{}
	for _, n := range []*node{t.cues, t.cueStem, t.parties, t.roles, t.terms, termStem} {
		n.collect(words)
	}
	l.vocab = newVocab(words)
	l.starts = make([]uint8, len(words)+1)
	for b, n := range [numTables]*node{tabCues: t.cues, tabRoles: t.roles, tabTerms: t.terms, tabParties: t.parties} {
		for k := range n.next {
			l.starts[words[k]] |= 1 << b
		}
		l.filters[b] = newFilter(n.next)
	}
	l.cues = compile(t.cues, words, cueID)
	l.cueStem = compile(t.cueStem, words, cueID)
	l.parties = compile(t.parties, words, noID)
	l.roles = compile(t.roles, words, roleID)
	l.terms = compile(t.terms, words, termID)
	l.termStem = compile(termStem, words, noID)
	l.stemFilter.add(tabCues, slices.Collect(maps.Keys(t.cueStem.next)))
	l.stemFilter.add(tabTerms, slices.Collect(maps.Keys(t.termStem)))
	l.stemFilter.finish()
	return l
}

// stemFilter has, for each three-letter prefix of a word, the bits
// 1<<tabCues and 1<<tabTerms of the stem tries (cueStem, termStem) that
// may hold the stem of a word with that prefix. Snowball changes only a
// word's ending, so a word of four letters or more whose first three
// letters are no stem's prefix cannot have one of the stems: the filter
// spares the stemming of most words, and scan lists only the words it
// lets through as candidates of the stem fallback. A letter is numbered
// 0 to 25 for a to z and 26 for any other byte, whose prefixes have every
// bit: a non-ASCII word is not filtered.
type stemFilter [27 * 27 * 27]uint8

// letters numbers the bytes for stemFilter.
var letters = func() (k [256]uint8) {
	for i := range k {
		k[i] = 26
	}
	for c := 'a'; c <= 'z'; c++ {
		k[c] = uint8(c - 'a')
	}
	return k
}()

// stemPrefix returns the index in a stemFilter of the first three bytes
// of w, which is not empty; the loads of a shorter w repeat its last
// byte, without a branch.
func stemPrefix(w string) int {
	n := len(w) - 1
	return int(letters[w[0]])*27*27 + int(letters[w[min(1, n)]])*27 + int(letters[w[min(2, n)]])
}

// add gives the prefixes of stems the bit of the table tab. A stem
// shorter than three letters, or not a to z, disables the filter for tab.
func (f *stemFilter) add(tab int, stems []string) {
	for _, s := range stems {
		if len(s) < 3 || max(letters[s[0]], letters[s[1]], letters[s[2]]) == 26 {
			for i := range f {
				f[i] |= 1 << tab
			}
			return
		}
		f[stemPrefix(s)] |= 1 << tab
	}
}

// finish sets every bit for the prefixes with a letter other than a to
// z, and gives Snowball's exceptional forms "dying", "lying" and "tying"
// (the only words whose first three letters change) the bits of "die",
// "lie" and "tie".
func (f *stemFilter) finish() {
	for i := range f {
		if i/(27*27) == 26 || i/27%27 == 26 || i%27 == 26 {
			f[i] = 1<<tabCues | 1<<tabTerms
		}
	}
	for _, p := range [][2]string{{"dyi", "die"}, {"lyi", "lie"}, {"tyi", "tie"}} {
		f[stemPrefix(p[0])] |= f[stemPrefix(p[1])]
	}
}

func buildTables(src sources) *tables {
	t := &tables{}
	t.buildCues(src.cues)
	t.buildParties(src.parties)
	t.buildRoles(src.roles)
	t.buildTerms(&src.terms)
	return t
}

// Cue trie: ids[0] is the verb, preposition or colon reading of a surface,
// ids[1] its noun reading. A later entry overrides an earlier one. The
// cueStem trie holds the verbs without forms, keyed by the stem of their
// first word.
func (t *tables) buildCues(cues []cueEntry) {
	t.cues = &node{}
	t.cueStem = &node{}
	for i, e := range cues {
		slot := 0
		if e.cue.Kind == Noun {
			slot = 1
		}
		for _, s := range e.surfaces {
			t.cues.insert(normAll(splitTerm(s)), 2).ids[slot] = int32(i + 1)
		}
		if e.fallback {
			keys := normAll(splitTerm(e.cue.Lemma))
			keys[0] = stem(keys[0])
			n := t.cueStem.insert(keys, 2)
			if n.ids[0] == 0 {
				n.ids[0] = int32(i + 1)
			}
		}
	}
}

// Party trie: ids lists every alias with that key (they differ only in
// case); names maps a code to its canonical name.
func (t *tables) buildParties(parties []partyEntry) {
	t.parties = &node{}
	t.names = map[string]string{}
	for i, e := range parties {
		n := t.parties.insert(partyKeys(e.raw), 0)
		n.ids = append(n.ids, int32(i+1))
		if !e.guard && (e.party.Kind == Country || e.party.Kind == Org) {
			if _, ok := t.names[e.party.Code]; !ok {
				t.names[e.party.Code] = e.name()
			}
		}
	}
	// a code named only by capitals, seats, demonyms or media takes its first alias
	for _, e := range parties {
		if _, ok := t.names[e.party.Code]; !ok && !e.guard {
			t.names[e.party.Code] = e.name()
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

func (t *tables) buildRoles(roles []roleEntry) {
	t.roles = &node{}
	for i, e := range roles {
		t.roles.insert(normAll(splitTerm(e.term)), 1).ids[0] = int32(i + 1)
	}
}

// Term trie: ids[k] is the entry of TermKind k, indices into termList.
func (t *tables) buildTerms(terms *[4][]termEntry) {
	t.terms = &node{}
	t.termStem = map[string]int32{}
	for k := range terms {
		for _, e := range terms[k] {
			t.termList = append(t.termList, e)
			id := int32(len(t.termList))
			keys := normAll(splitTerm(e.term))
			t.terms.insert(keys, 4).ids[k] = id
			if e.kind == Negation && keys[0] == "n't" && len(keys) == 1 {
				t.nt = id
			}
			if e.kind == StanceTerm && len(keys) == 1 {
				if s := stem(keys[0]); t.termStem[s] == 0 {
					t.termStem[s] = id
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
