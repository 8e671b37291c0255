package attribution

import (
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// entity is a person or body named in the document.
type entity struct {
	name    string   // fullest name seen, without title: "Yuri Ushakov"
	parties []string // party codes tied to it anywhere in the document

	// code is strings.ToUpper(codeOf), the party code of a person known
	// by no party, made from the surname as last written ("Ushakov");
	// most people are named more than once.
	codeOf, code string
}

// surnameCode returns strings.ToUpper(surname), from ent when it was the
// last surname asked about; ent may be nil.
func (ent *entity) surnameCode(surname string) string {
	if ent == nil {
		return strings.ToUpper(surname)
	}
	if ent.codeOf != surname {
		ent.codeOf, ent.code = surname, strings.ToUpper(surname)
	}
	return ent.code
}

// entities is the document's memory of names: a later "Ushakov" finds
// the "Yuri Ushakov" tied to RUS earlier on.
type entities struct {
	names nameTable    // full name and surname (Norm, space-joined) -> entity
	slab  slab[entity] // the entities
}

// reset readies e for a document of n tokens.
func (e *entities) reset(n int) {
	e.names.reset()
	e.slab.reserve(n/12 + 8)
}

// release drops the document's names, keeping the memory for the next
// document unless it grew large.
func (e *entities) release() {
	e.names.release()
	e.slab.reset()
}

// get returns the entity of key k, or nil.
func (e *entities) get(k string) *entity {
	_, ent := e.names.findString(k)
	return ent
}

// nameTable maps the keys of names (token Norms joined by single spaces)
// to entities. It is a Go map made cheaper for this pass, where it ran a
// look-up or an insert per name mention and was cleared per document:
// open addressing with linear probing on a maphash of the key, keys
// stored in one byte array for the document, and slots of earlier
// documents told apart by a generation number, so that a document starts
// with an empty table without clearing it.
//
// A key of several tokens is built at the end of key, between start and
// a call to find; it is then kept by insert (which stores it in the slot
// found) or dropped, so that a look-up never makes a string. A key of one
// token, its Norm, is looked up as it is with findString, and copied only
// by insertString.
type nameTable struct {
	slots []nameSlot
	gen   uint32 // the generation of the document's slots; never 0
	n     int    // slots of generation gen
	key   []byte // the keys of the document, and the key being looked up
	mark  int    // where the key being looked up starts in key
	hash  uint64 // the hash of the key last looked up
	seed  maphash.Seed
}

// nameSlot is one slot of a nameTable; it is free unless gen is the
// table's. A free slot may still point to an entity of an earlier
// document, which keeps at most that document's entities from the
// collector until the slot is used again.
type nameSlot struct {
	gen      uint32
	tag      uint32 // the low bits of the key's hash
	off, len int32  // the key: nameTable.key[off : off+len]
	ent      *entity
}

// Sizes of the table: it starts with minNameSlots slots, stays at most
// half full, and is kept for the next document only up to maxNameSlots
// slots (a document of some 7,000 tokens) and maxNameBytes bytes of keys;
// a larger one is dropped.
const (
	minNameSlots = 512
	maxNameSlots = 4096
	maxNameBytes = 64 << 10
)

// reset readies t for a document, with no keys.
func (t *nameTable) reset() {
	if t.slots == nil {
		t.slots = make([]nameSlot, minNameSlots)
		t.seed = maphash.MakeSeed()
		t.gen = 0
	}
	t.gen++
	if t.gen == 0 { // wrapped: slots of generation 1 may be left
		clear(t.slots)
		t.gen = 1
	}
	t.n = 0
	t.key = t.key[:0]
}

// release drops the table if a document made it large.
func (t *nameTable) release() {
	if len(t.slots) > maxNameSlots || cap(t.key) > maxNameBytes {
		t.slots = nil
		t.key = nil
	}
}

// start begins a key at the end of t.key.
func (t *nameTable) start() { t.mark = len(t.key) }

// drop removes the key begun by start.
func (t *nameTable) drop() { t.key = t.key[:t.mark] }

// find looks the key begun by start up. It returns the index of its slot
// and its entity, or the index of the free slot where it would go and nil.
func (t *nameTable) find() (int, *entity) {
	k := t.key[t.mark:]
	return probe(t, k, maphash.Bytes(t.seed, k))
}

// findString is find for the key k, which need not be begun: the keys of
// one token are the token's Norm, and are looked up without a copy.
func (t *nameTable) findString(k string) (int, *entity) {
	return probe(t, k, maphash.String(t.seed, k))
}

// probe is the loop of find and findString, for the key k of hash h.
func probe[K string | []byte](t *nameTable, k K, h uint64) (int, *entity) {
	t.hash = h
	mask := len(t.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.gen != t.gen {
			return i, nil
		}
		if s.tag == uint32(h) && int(s.len) == len(k) && string(t.key[s.off:int(s.off)+len(k)]) == string(k) {
			return i, s.ent
		}
	}
}

// insertString keeps the key k, which findString did not find, in slot i,
// for ent.
func (t *nameTable) insertString(i int, k string, ent *entity) {
	t.start()
	t.key = append(t.key, k...)
	t.insert(i, ent)
}

// insert keeps the key begun by start, which find did not find, in slot
// i, for ent. It grows the table past half full.
func (t *nameTable) insert(i int, ent *entity) {
	t.slots[i] = nameSlot{gen: t.gen, tag: uint32(t.hash), off: int32(t.mark), len: int32(len(t.key) - t.mark), ent: ent}
	t.n++
	if 2*t.n > len(t.slots) {
		t.grow()
	}
}

// grow doubles the slots and moves the document's keys into them.
func (t *nameTable) grow() {
	old := t.slots
	t.slots = make([]nameSlot, 2*len(old))
	mask := len(t.slots) - 1
	for _, s := range old {
		if s.gen != t.gen {
			continue
		}
		// The tag holds the low 32 bits of the hash, more than the mask.
		i := int(s.tag) & mask
		for t.slots[i].gen == t.gen {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

// newEntity returns a new entity named name.
func (e *entities) newEntity(name string) *entity {
	ent := e.slab.next()
	ent.name = name
	return ent
}

// slab hands out zero values of T a chunk at a time, so that a document
// allocates them a chunk at a time and a recycled extractor not at all. A
// full chunk is replaced, not grown: the values in it are pointed to.
type slab[T any] struct{ chunk []T }

// next returns a pointer to a zero T.
func (s *slab[T]) next() *T {
	if len(s.chunk) == cap(s.chunk) {
		s.chunk = make([]T, 0, 2*cap(s.chunk)+8)
	}
	s.chunk = s.chunk[:len(s.chunk)+1]
	// The value is zero: reset cleared it, or make did.
	return &s.chunk[len(s.chunk)-1]
}

// reserve makes room for n values in the chunk, which must be empty.
func (s *slab[T]) reserve(n int) {
	if cap(s.chunk) < n {
		s.chunk = make([]T, 0, n)
	}
}

// reset zeroes the values handed out and takes them back.
func (s *slab[T]) reset() {
	clear(s.chunk)
	s.chunk = s.chunk[:0]
}

// speaker is one mention of a named person, in text order.
type speaker struct {
	tok int
	ent *entity
}

// findEntities reads every run of capitalised name words in the document,
// with the titles and party names in front of it ("Russian President
// Vladimir Putin"), and records the people it names.
func (x *extractor) findEntities() {
	toks := x.toks
	for _, s := range x.doc.Sentences {
		if s.First < 0 || s.Last > len(toks) || s.First >= s.Last {
			continue
		}
		// The loop reads every token: over the sentence's own slice it
		// needs no bounds check, and most tokens, not capitalised, are
		// turned away before the call to nameWord.
		ts := toks[s.First:s.Last]
		for j := 0; j < len(ts); j++ {
			if !ts[j].Cap {
				continue
			}
			i := s.First + j
			if !x.nameWord(i, s.First) {
				continue
			}
			k := i
			for k+1 < s.Last && toks[k+1].Cap && x.nameWord(k+1, s.First) {
				k++
			}
			e := x.ents.register(x.doc.Text, toks, i, k+1, x.modifierParty(i, s.First))
			x.speakers = append(x.speakers, speaker{tok: i, ent: e})
			j = k - s.First
		}
	}
}

// nameWord reports whether token i can be part of a person's name.
func (x *extractor) nameWord(i, sentStart int) bool {
	t := &x.toks[i]
	if t.Kind != segment.Word || !t.Cap || x.partyIn[i] >= 0 || t.Norm == "'s" {
		return false
	}
	if r, ok := x.role(i); ok && r != lexicon.Pronoun {
		return false
	}
	// Every capitalised token is asked about: its classes are read once.
	v := x.classes(i)
	if v&(cPersonPronouns|cPluralPronouns|cThingPronouns) != 0 || v&cTimeWords != 0 && t.Norm != "may" {
		return false
	}
	if i == sentStart || i > 0 && x.isQuote(i-1) {
		if v&cSentenceFunction != 0 || x.verbCueAt(i) {
			return false
		}
	}
	return !strings.HasSuffix(t.Norm, ".") || len(t.Norm) == 2 // initials like "J."
}

// modifierParty returns the party code of the titles and names in front
// of a name starting at token i, or "": the first (leftmost) party wins, so
// that "Russian Security Council Secretary" gives RUS, not UN.
func (x *extractor) modifierParty(i, lo int) string {
	code := ""
	for k := i - 1; k >= lo && i-k <= 7; k-- {
		t := &x.toks[k]
		if p := x.partyIn[k]; p >= 0 {
			code = x.parties[p].Party.Code
			continue
		}
		// The class look-up comes last, and only for words: determiners
		// are words, and the token before a name is often a mark.
		if x.isRoleWord(k) || t.Norm == "'s" || t.Kind == segment.Word && (t.Cap || x.is(k, cDeterminers)) {
			continue
		}
		break
	}
	return code
}

// register records the name in tokens [a, b), tied to party code unless it
// is "", and returns its entity.
func (e *entities) register(text string, toks []segment.Token, a, b int, code string) *entity {
	t := &e.names
	if b-a == 1 {
		norm := toks[a].Norm
		i, ent := t.findString(norm)
		if ent == nil {
			ent = e.newEntity(joinText(text, toks, a, b))
			t.insertString(i, norm, ent)
		}
		return ent.tie(code)
	}
	i, ent := e.find(toks, a, b)
	if ent != nil {
		t.drop()
		return ent.tie(code)
	}
	ent = e.newEntity(joinText(text, toks, a, b))
	t.insert(i, ent)
	last := toks[b-1].Norm
	if i, prev := t.findString(last); prev == nil {
		t.insertString(i, last, ent)
	} else if !strings.Contains(prev.name, " ") {
		t.slots[i].ent = ent
	}
	// Family name first ("Xi Jinping" → "Xi"), when nothing else has it.
	first := toks[a].Norm
	if i, prev := t.findString(first); prev == nil {
		t.insertString(i, first, ent)
	}
	return ent.tie(code)
}

// tie ties ent to party code unless it is "", and returns ent.
func (ent *entity) tie(code string) *entity {
	if code != "" && !slices.Contains(ent.parties, code) {
		ent.parties = append(ent.parties, code)
	}
	return ent
}

// find looks up the name in tokens [a, b), keyed by their Norms joined
// with spaces, as nameTable.find does; the key is left begun.
func (e *entities) find(toks []segment.Token, a, b int) (int, *entity) {
	t := &e.names
	t.start()
	for i := a; i < b; i++ {
		if i > a {
			t.key = append(t.key, ' ')
		}
		t.key = append(t.key, toks[i].Norm...)
	}
	return t.find()
}

// lookup returns the entity of the name in tokens [a, b), or nil.
func (e *entities) lookup(toks []segment.Token, a, b int) *entity {
	if b-a == 1 {
		return e.get(toks[a].Norm)
	}
	_, ent := e.find(toks, a, b)
	e.names.drop()
	return ent
}

// joinText joins the Text of tokens [a, b) of text, with a space where
// the source has space between two of them. Most names are written with
// single spaces, and are then cut from text instead of built.
func joinText(text string, toks []segment.Token, a, b int) string {
	if b-a == 1 {
		return toks[a].Text
	}
	if s, ok := singleSpaced(text, toks, a, b); ok {
		return s
	}
	n := 0
	for i := a; i < b; i++ {
		n += len(toks[i].Text) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	for i := a; i < b; i++ {
		if i > a && toks[i].Start > toks[i-1].End {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].Text)
	}
	return sb.String()
}

// singleSpaced returns the text of tokens [a, b) and true when it is
// their Text joined as joinText joins them: each token's Text is its span
// of text, and nothing or one space lies between two tokens.
func singleSpaced(text string, toks []segment.Token, a, b int) (string, bool) {
	for i := a; i < b; i++ {
		t := &toks[i]
		if t.Start < 0 || t.End > len(text) || t.Start > t.End || text[t.Start:t.End] != t.Text {
			return "", false
		}
		if i > a {
			switch gap := t.Start - toks[i-1].End; {
			case gap == 1 && text[t.Start-1] == ' ', gap == 0:
			default:
				return "", false
			}
		}
	}
	return text[toks[a].Start:toks[b-1].End], true
}

// source reads the source noun phrase in tokens [a, b).
func (x *extractor) source(a, b int) *Source {
	src := x.newSource()
	src.Span = segment.Span{Start: x.toks[a].Start, End: x.toks[b-1].End}
	if b-a == 1 {
		n := x.norm(a)
		if x.is(a, cPersonPronouns|cPluralPronouns|cThingPronouns) {
			src.Kind = Pronoun
			if ent := x.antecedent(n, a); ent != nil {
				src.Resolved = ent.name
				src.Parties = slices.Clone(ent.parties)
			}
			return src
		}
	}
	var (
		codes      = x.codes[:0]
		firstKind  = -1
		group      bool
		media, org bool
		anonymous  bool
		title      bool
	)
	for t := a; t < b; t++ {
		if p := x.partyIn[t]; p >= 0 {
			pm := x.parties[p]
			if !slices.Contains(codes, pm.Party.Code) {
				codes = append(codes, pm.Party.Code)
			}
			if firstKind < 0 {
				firstKind = int(pm.Party.Kind)
			}
			switch pm.Party.Kind {
			case lexicon.Media:
				media = true
			case lexicon.Org:
				org = true
			}
		}
		if r, ok := x.role(t); ok {
			switch r {
			case lexicon.Group:
				group = true
			case lexicon.MediaNoun:
				media = true
			case lexicon.OrgNoun:
				org = true
			case lexicon.Anonymous:
				anonymous = true
			case lexicon.Title:
				title = true
			}
		}
	}
	// The last run of name words is the person (or body) named.
	ne, ns := -1, -1
	for t := b - 1; t >= a; t-- {
		if x.nameWord(t, a) {
			if ne < 0 {
				ne = t + 1
			}
			ns = t
		} else if ne >= 0 {
			break
		}
	}
	var ent *entity
	if ne > 0 && ne < b && !x.isPunct(ne, ",") {
		// A name that does not end the phrase modifies it: "a Homeland
		// Security Department official".
		ne, ns = -1, -1
	}
	if ne > 0 {
		ent = x.ents.lookup(x.toks, ns, ne)
		if ent == nil {
			ent = x.ents.get(x.norm(ne - 1))
		}
	}
	switch {
	case group:
		src.Kind = Country
		if title || strings.Contains(x.doc.Text[src.Start:src.End], "leader") {
			src.Kind = Person
		}
		codes = append(codes, x.groupParties(a)...)
	case ne > 0 && !media && x.is(ne-1, cOrgNames):
		// "Amnesty International", "the Heritage Foundation": a body.
		src.Kind = Organization
	case ent != nil && !media && (title || ne-ns > 1 || firstKind < 0 && !org):
		src.Kind = Person
		src.Resolved = ent.name
		codes = append(codes, ent.parties...)
	case media:
		src.Kind = Media
	case anonymous:
		src.Kind = Anonymous
	case firstKind == int(lexicon.Country) || firstKind == int(lexicon.Capital) || firstKind == int(lexicon.Demonym):
		src.Kind = Country
	default:
		src.Kind = Organization
	}
	if len(codes) == 0 && ne > 0 && !anonymous {
		// No party in the text: a person by surname, a body by its name.
		if src.Kind == Person {
			codes = append(codes, ent.surnameCode(x.toks[ne-1].Text))
		} else {
			codes = append(codes, strings.ToUpper(joinText(x.doc.Text, x.toks, ns, ne)))
		}
	}
	x.codes = codes
	src.Parties = x.keepParties(sortedUnique(codes))
	return src
}

// newSource returns a zero Source for a draft. It lives until finish has
// copied the drafts out, so the Sources come from a recycled slab.
func (x *extractor) newSource() *Source { return x.sources.next() }

// keepParties returns a copy of the party codes ps of a draft's Source,
// cut from x.partyCodes, which is recycled like the Sources: finish copies
// them out. An empty ps stays as it is, nil or not.
func (x *extractor) keepParties(ps []string) []string {
	if len(ps) == 0 {
		return ps
	}
	n := len(x.partyCodes)
	x.partyCodes = append(x.partyCodes, ps...)
	return x.partyCodes[n:len(x.partyCodes):len(x.partyCodes)]
}

// sortedUnique sorts codes in place and returns them without repeats; it
// returns an empty slice, not nil, when there are none.
func sortedUnique(codes []string) []string {
	if len(codes) == 0 {
		return []string{}
	}
	sort.Strings(codes)
	return slices.Compact(codes)
}

// groupParties resolves "both leaders", "the two countries": the parties
// of the last two differently-aligned people named before token tok.
func (x *extractor) groupParties(tok int) []string {
	var got []string
	i := sort.Search(len(x.speakers), func(k int) bool { return x.speakers[k].tok >= tok })
	for k := i - 1; k >= 0 && i-k <= 64 && len(got) < 2; k-- {
		for _, p := range x.speakers[k].ent.parties {
			if !slices.Contains(got, p) && len(got) < 2 {
				got = append(got, p)
			}
		}
	}
	return got
}

// antecedent finds what pronoun n at token tok stands for: for he, she
// and I the last named person who spoke, if named among the recent
// mentions, else the last person named; for they, we and it the last
// source that was not a person.
func (x *extractor) antecedent(n string, tok int) *entity {
	if x.is(tok, cPersonPronouns) {
		i := sort.Search(len(x.speakers), func(k int) bool { return x.speakers[k].tok >= tok })
		if i == 0 {
			return nil
		}
		for k := i - 1; k >= 0 && i-k <= 64; k-- {
			if x.speakers[k].ent == x.lastSpeaker {
				return x.lastSpeaker
			}
		}
		// Else the first person named in the last sentence naming one: the
		// subject is the likelier antecedent.
		sent := x.sentenceOf(x.speakers[i-1].tok)
		k := i - 1
		for k > 0 && x.sentenceOf(x.speakers[k-1].tok) == sent {
			k--
		}
		return x.speakers[k].ent
	}
	for k := len(x.out) - 1; k >= 0 && len(x.out)-k <= 16; k-- {
		if s := x.out[k].Source; s != nil && s.Kind != Person && s.Kind != Pronoun && s.Kind != Anonymous {
			return &entity{name: x.doc.Text[s.Start:s.End], parties: s.Parties}
		}
	}
	return nil
}

// sentenceOf returns the index of the sentence holding token t.
func (x *extractor) sentenceOf(t int) int {
	ss := x.doc.Sentences
	return sort.Search(len(ss), func(k int) bool { return ss[k].Last > t })
}

// noteSpeaker remembers the last named person who spoke, for the
// pronouns that follow.
func (x *extractor) noteSpeaker(src *Source) {
	if src == nil || src.Kind != Person || src.Resolved == "" {
		return
	}
	t := &x.ents.names
	t.start()
	if b, ok := appendLowerASCII(t.key, src.Resolved); ok {
		t.key = b
	} else {
		t.key = append(t.key[:t.mark], strings.ToLower(src.Resolved)...)
	}
	_, ent := t.find()
	t.drop()
	if ent != nil {
		x.lastSpeaker = ent
	}
}

// appendLowerASCII appends strings.ToLower(s) to b and returns true when s
// is ASCII, the common case; else it returns false.
func appendLowerASCII(b []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return b, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}
