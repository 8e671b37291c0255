package lexicon

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// table is one of the lexicon files.
type table uint8

const (
	tCues table = iota
	tParties
	tRoles
	tStance
	tNegation
	tHedges
	tIntensifiers
	nTables
)

// files maps each table to its file name and the name its header carries.
var files = [nTables]struct{ file, name string }{
	{"cues.tsv", "cues"},
	{"parties.tsv", "parties"},
	{"roles.tsv", "roles"},
	{"stance.tsv", "stance"},
	{"negation.txt", "negation"},
	{"hedges.txt", "hedges"},
	{"intensifiers.txt", "intensifiers"},
}

func tableOf(file string) (table, bool) {
	for t, f := range files {
		if f.file == file {
			return table(t), true
		}
	}
	return 0, false
}

// maxTokens is the longest term, in tokens, a file may hold.
const maxTokens = 16

type cueEntry struct {
	cue      Cue
	surfaces []string // the strings that match: the lemma (unless "=forms") and the forms
	fallback bool     // a verb without forms: its regular forms match through the stem
}

// caseRule tells how a text token must be written to match an alias token.
type caseRule uint8

const (
	caseAny   caseRule = iota // the alias token is lower case: any case matches
	caseUpper                 // the first letter must be upper case ("Turkey", not "turkey")
	caseExact                 // a short all-caps token must be written as is ("US", not "us" or "Us")
)

type partyEntry struct {
	alias     string     // as written in the file, "the" included
	the       bool       // the alias starts with "the", optional in text
	raw       []string   // tokens of the alias without the leading "the"
	cases     []caseRule // one per raw token
	party     Party
	guard     bool // code "-": a name that is not a party ("South China Sea")
	givenName bool // flag given-name: no party before a capitalised word
	needsThe  bool // flag needs-the: only right after "the"
}

type roleEntry struct {
	term   string
	class  RoleClass
	plural bool
	refers Referent
}

type termEntry struct {
	term   string
	kind   TermKind
	class  Class
	weight float64
}

// sources holds the parsed entries of every table; a Lexicon is compiled
// from them, and Extend appends to (or replaces) them.
type sources struct {
	cues    []cueEntry
	parties []partyEntry
	roles   []roleEntry
	terms   [4][]termEntry // by TermKind
}

// fileData is one parsed file.
type fileData struct {
	version string
	replace bool
	src     sources
}

// parser collects the errors of one file.
type parser struct {
	file string
	errs []error
	seen map[string]seenAt // duplicate detection within the file
}

type seenAt struct {
	val  string
	line int
}

func (p *parser) errorf(line int, sentinel error, format string, args ...any) {
	p.errs = append(p.errs, &FileError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...), Err: sentinel})
}

// dup records key with its value; it reports a conflict when key was seen
// with another value.
func (p *parser) dup(line int, what, key, val string) {
	if s, ok := p.seen[key]; ok {
		if s.val != val {
			p.errorf(line, ErrDuplicate, "duplicate %s %q: %s here, %s at line %d", what, key[strings.IndexByte(key, 0)+1:], val, s.val, s.line)
		}
		return
	}
	p.seen[key] = seenAt{val, line}
}

// parseFile parses the file of table t. It returns every problem it finds.
func parseFile(t table, file string, data []byte) (fileData, []error) {
	p := &parser{file: file, seen: map[string]seenAt{}}
	var fd fileData
	if !utf8.Valid(data) {
		p.errorf(0, ErrBadEntry, "not valid UTF-8")
		return fd, p.errs
	}
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		n := i + 1
		line = strings.TrimRight(line, "\r")
		if n == 1 {
			p.header(t, line, &fd)
			continue
		}
		trim := strings.TrimSpace(line)
		if trim == "" {
			continue
		}
		if strings.HasPrefix(trim, "#") {
			if f := headerFields(trim); f["mode"] != "" {
				p.mode(n, f["mode"], &fd)
			}
			continue
		}
		cols := strings.Split(line, "\t")
		for k := range cols {
			cols[k] = strings.TrimSpace(cols[k])
		}
		switch t {
		case tCues:
			p.cue(n, cols, &fd.src)
		case tParties:
			p.partyLine(n, cols, &fd.src)
		case tRoles:
			p.role(n, cols, &fd.src)
		default:
			p.term(t, n, cols, &fd.src)
		}
	}
	return fd, p.errs
}

// headerFields reads "key: value" pairs from a comment line:
// "# name: cues  version: 2026.11.0  source: hand-built".
func headerFields(line string) map[string]string {
	f := map[string]string{}
	key := ""
	for _, w := range strings.Fields(strings.TrimPrefix(line, "#")) {
		if len(w) > 1 && strings.HasSuffix(w, ":") {
			key = strings.TrimSuffix(w, ":")
			f[key] = ""
			continue
		}
		if key == "" {
			continue
		}
		if f[key] != "" {
			f[key] += " "
		}
		f[key] += w
	}
	return f
}

func (p *parser) header(t table, line string, fd *fileData) {
	if !strings.HasPrefix(line, "#") {
		p.errorf(1, ErrHeader, "missing header: the first line must be \"# name: %s  version: ...\"", files[t].name)
		return
	}
	f := headerFields(line)
	switch {
	case f["name"] == "" || f["version"] == "":
		p.errorf(1, ErrHeader, "header needs name: and version: fields")
	case f["name"] != files[t].name:
		p.errorf(1, ErrHeader, "header name %q, want %q", f["name"], files[t].name)
	default:
		fd.version = f["version"]
	}
	if f["mode"] != "" {
		p.mode(1, f["mode"], fd)
	}
}

func (p *parser) mode(line int, m string, fd *fileData) {
	switch m {
	case "replace":
		fd.replace = true
	case "extend":
		fd.replace = false
	default:
		p.errorf(line, ErrHeader, "unknown mode %q (want extend or replace)", m)
	}
}

func (p *parser) columns(line int, cols []string, min, max int) bool {
	if len(cols) < min || len(cols) > max {
		want := strconv.Itoa(min)
		if max > min {
			want += " or " + strconv.Itoa(max)
		}
		p.errorf(line, ErrBadEntry, "%d columns, want %s (tab-separated)", len(cols), want)
		return false
	}
	for i, c := range cols {
		if c == "" {
			p.errorf(line, ErrBadEntry, "column %d is empty", i+1)
			return false
		}
	}
	return true
}

// termTokens checks a term and splits it into its tokens.
func (p *parser) termTokens(line int, term string) ([]string, bool) {
	toks := splitTerm(term)
	switch {
	case len(toks) == 0:
		p.errorf(line, ErrBadEntry, "empty term")
		return nil, false
	case len(toks) > maxTokens:
		p.errorf(line, ErrBadEntry, "term %q has %d tokens, at most %d", term, len(toks), maxTokens)
		return nil, false
	}
	return toks, true
}

func (p *parser) cue(line int, cols []string, src *sources) {
	if !p.columns(line, cols, 4, 4) {
		return
	}
	lemma := cols[0]
	class, ok := lookup(classNames[:], cols[1])
	if !ok {
		p.errorf(line, ErrBadEntry, "unknown class %q", cols[1])
		return
	}
	kind, ok := lookup(cueKindNames[:], cols[2])
	if !ok {
		p.errorf(line, ErrBadEntry, "unknown cue kind %q", cols[2])
		return
	}
	if (CueKind(kind) == Colon) != (lemma == ":") {
		p.errorf(line, ErrBadEntry, "kind colon is for the lemma \":\" alone")
		return
	}
	e := cueEntry{cue: Cue{Lemma: lemma, Class: Class(class), Kind: CueKind(kind)}}
	forms := cols[3]
	switch {
	case forms == "-":
		e.surfaces = []string{lemma}
		e.fallback = e.cue.Kind == Verb
	case strings.HasPrefix(forms, "="):
		e.surfaces = splitForms(forms[1:])
	default:
		e.surfaces = append([]string{lemma}, splitForms(forms)...)
	}
	if len(e.surfaces) == 0 {
		p.errorf(line, ErrBadEntry, "no forms after \"=\"")
		return
	}
	slot := "0"
	if e.cue.Kind == Noun {
		slot = "1"
	}
	val := e.cue.Lemma + "/" + e.cue.Class.String() + "/" + e.cue.Kind.String()
	for _, s := range e.surfaces {
		toks, ok := p.termTokens(line, s)
		if !ok {
			return
		}
		p.dup(line, "form", slot+"\x00"+strings.Join(normAll(toks), " "), val)
	}
	src.cues = append(src.cues, e)
}

func splitForms(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func (p *parser) partyLine(line int, cols []string, src *sources) {
	if !p.columns(line, cols, 3, 4) {
		return
	}
	e := partyEntry{alias: cols[0]}
	alias := cols[0]
	if rest, ok := strings.CutPrefix(alias, "the "); ok {
		e.the, alias = true, strings.TrimSpace(rest)
	}
	toks, ok := p.termTokens(line, alias)
	if !ok {
		return
	}
	e.raw = toks
	for _, r := range toks {
		e.cases = append(e.cases, caseOf(r))
	}
	code, kind := cols[1], cols[2]
	switch {
	case code == "-" && kind == "-":
		e.guard = true
	case code == "-" || kind == "-":
		p.errorf(line, ErrBadEntry, "a guard has code \"-\" and kind \"-\"")
		return
	case !validCode(code):
		p.errorf(line, ErrBadEntry, "bad code %q (want upper-case letters and digits, 2 to 12)", code)
		return
	default:
		k, ok := lookup(partyKindNames[:], kind)
		if !ok {
			p.errorf(line, ErrBadEntry, "unknown party kind %q", kind)
			return
		}
		e.party = Party{Code: code, Kind: PartyKind(k)}
	}
	if len(cols) == 4 && cols[3] != "-" {
		for _, f := range strings.Split(cols[3], ",") {
			switch strings.TrimSpace(f) {
			case "given-name":
				e.givenName = true
			case "needs-the":
				e.needsThe = true
			default:
				p.errorf(line, ErrBadEntry, "unknown flag %q (want given-name or needs-the)", f)
				return
			}
		}
		if e.needsThe && !e.the {
			p.errorf(line, ErrBadEntry, "flag needs-the on an alias without \"the\"")
			return
		}
	}
	p.dup(line, "alias", "\x00"+strings.Join(partyKeys(toks), " "), code+"/"+kind)
	src.parties = append(src.parties, e)
}

func validCode(c string) bool {
	if len(c) < 2 || len(c) > 12 {
		return false
	}
	for _, r := range c {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// caseOf is the case rule of an alias token: exact for a short all-caps
// token ("US", "U.S.", "WHO"), upper for a token that starts with an upper
// case letter ("Turkey"), any otherwise ("of", "d'Ivoire", "teleSUR").
func caseOf(tok string) caseRule {
	letters, upper := 0, 0
	first := rune(0)
	for _, r := range tok {
		if unicode.IsLetter(r) {
			if first == 0 {
				first = r
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	switch {
	case upper > 0 && upper == letters && letters <= 3:
		return caseExact
	case unicode.IsUpper(first):
		return caseUpper
	}
	return caseAny
}

func (p *parser) role(line int, cols []string, src *sources) {
	if !p.columns(line, cols, 3, 4) {
		return
	}
	if _, ok := p.termTokens(line, cols[0]); !ok {
		return
	}
	c, ok := lookup(roleClassNames[:], cols[1])
	if !ok {
		p.errorf(line, ErrBadEntry, "unknown role class %q", cols[1])
		return
	}
	e := roleEntry{term: cols[0], class: RoleClass(c)}
	switch cols[2] {
	case "pl":
		e.plural = true
	case "sg", "-":
	default:
		p.errorf(line, ErrBadEntry, "unknown number %q (want sg, pl or -)", cols[2])
		return
	}
	if len(cols) == 4 {
		r, ok := lookup(referentNames[:], cols[3])
		if !ok {
			p.errorf(line, ErrBadEntry, "unknown referent %q", cols[3])
			return
		}
		e.refers = Referent(r)
	}
	p.dup(line, "term", "\x00"+strings.Join(normAll(splitTerm(e.term)), " "), cols[1]+"/"+cols[2]+"/"+e.refers.String())
	src.roles = append(src.roles, e)
}

func (p *parser) term(t table, line int, cols []string, src *sources) {
	var e termEntry
	switch t {
	case tStance:
		if !p.columns(line, cols, 3, 3) {
			return
		}
		c, ok := lookup(classNames[:], cols[1])
		if !ok || !Class(c).Stance() {
			p.errorf(line, ErrBadEntry, "unknown stance class %q (want agree, support, deny, reject, accuse or criticize)", cols[1])
			return
		}
		w, err := strconv.ParseFloat(cols[2], 64)
		if err != nil || math.IsNaN(w) || w < -1 || w > 1 || w == 0 {
			p.errorf(line, ErrBadEntry, "bad weight %q (want a number in [-1, 1], not 0)", cols[2])
			return
		}
		e = termEntry{kind: StanceTerm, class: Class(c), weight: w}
	case tNegation:
		if !p.columns(line, cols, 1, 1) {
			return
		}
		e = termEntry{kind: Negation}
	default:
		if !p.columns(line, cols, 2, 2) {
			return
		}
		kind, want := Hedge, "0 < m <= 1"
		if t == tIntensifiers {
			kind, want = Intensifier, "1 <= m <= 2"
		}
		w, err := strconv.ParseFloat(cols[1], 64)
		if err != nil || math.IsNaN(w) || kind == Hedge && (w <= 0 || w > 1) || kind == Intensifier && (w < 1 || w > 2) {
			p.errorf(line, ErrBadEntry, "bad multiplier %q (want %s)", cols[1], want)
			return
		}
		e = termEntry{kind: kind, weight: w}
	}
	e.term = cols[0]
	toks, ok := p.termTokens(line, e.term)
	if !ok {
		return
	}
	p.dup(line, "term", "\x00"+strings.Join(normAll(toks), " "), e.class.String()+"/"+strconv.FormatFloat(e.weight, 'g', -1, 64))
	src.terms[e.kind] = append(src.terms[e.kind], e)
}

// splitTerm splits a term into tokens as segment.Tokenize does: on spaces,
// with a possessive "'s" as a token of its own ("People's Daily" gives
// "People", "'s", "Daily").
func splitTerm(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if base, ok := cutPossessive(w); ok {
			out = append(out, base, w[len(base):])
			continue
		}
		out = append(out, w)
	}
	return out
}

// cutPossessive splits "China's" or "China’s" into "China"; ok is false
// when w has no possessive ending.
func cutPossessive(w string) (string, bool) {
	for _, suf := range [...]string{"'s", "’s", "'S", "’S"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)], true
		}
	}
	return "", false
}

// norm is the look-up form of a token, as segment.Token.Norm: lower case,
// with ’ and ‘ mapped to '.
func norm(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘") {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	}
	return s
}

func normAll(toks []string) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = norm(t)
	}
	return out
}

// partyKey is the look-up key of a party token: its norm without a final
// full stop, so that "U.S." and "U.S" (a tokenizer that split the stop off)
// meet.
func partyKey(n string) string {
	if len(n) > 1 {
		return strings.TrimSuffix(n, ".")
	}
	return n
}

func partyKeys(toks []string) []string {
	out := normAll(toks)
	for i := range out {
		out[i] = partyKey(out[i])
	}
	return out
}
