package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parleylab/parley"
)

// Frag is one fragment of a span: code-point offsets, end exclusive.
type Frag struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Fragments holds the fragments of a gold attribution's spans when some
// are discontinuous. ReadPolNeAR stores one per attribution, in order, in
// the document's Meta under MetaFragments; the record's spans then cover
// each span's first to last fragment.
type Fragments struct {
	Source  []Frag `json:"source"` // empty: no source
	Cue     []Frag `json:"cue"`
	Content []Frag `json:"content"`
}

// Meta keys of the documents returned by ReadPolNeAR.
const (
	MetaFragments = "polnear_fragments" // []Fragments, one per attribution
	MetaAnnotator = "polnear_annotator" // the annotator whose file was read
)

// ReadPolNeAR reads one PolNeAR split directory (with text/ and
// attributions/) and returns its gold attributions as parley/v1 documents,
// one per article in file-name order, with the article's text. Of the
// several annotators of an article it reads the first listed in
// metadata.tsv (the next listed when that file is missing). Each brat
// E-line is one attribution; its fragments are kept in Meta (see
// MetaFragments).
func ReadPolNeAR(splitDir string, metadataPath string) ([]parley.Document, error) {
	annotators, err := readPolNeARMetadata(metadataPath)
	if err != nil {
		return nil, err
	}
	names, err := filepath.Glob(filepath.Join(splitDir, "text", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("eval: %s: no text/*.txt files", splitDir)
	}
	slices.Sort(names)
	docs := make([]parley.Document, 0, len(names))
	for _, name := range names {
		article := strings.TrimSuffix(filepath.Base(name), ".txt")
		text, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		ann, annotator := "", ""
		for _, a := range annotators[article] {
			p := filepath.Join(splitDir, "attributions", article+"_"+a+".ann")
			if _, err := os.Stat(p); err == nil {
				ann, annotator = p, a
				break
			}
		}
		if ann == "" {
			return nil, fmt.Errorf("eval: %s: no annotation file of an annotator listed in %s", name, metadataPath)
		}
		f, err := os.Open(ann)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		doc, err := ParseBrat(ann, f, article, string(text))
		f.Close()
		if err != nil {
			return nil, err
		}
		if doc.Meta[MetaAnnotator], err = json.Marshal(annotator); err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		docs = append(docs, *doc)
	}
	return docs, nil
}

// readPolNeARMetadata returns each article's annotators in listed order.
func readPolNeARMetadata(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	out := map[string][]string{}
	colFile, colAnn := -1, -1
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if line == 1 {
			colFile, colAnn = slices.Index(cols, "filename"), slices.Index(cols, "annotators")
			if colFile < 0 || colAnn < 0 {
				return nil, fmt.Errorf("eval: %s:1: no filename or annotators column: %w", path, ErrFormat)
			}
			continue
		}
		if len(cols) <= max(colFile, colAnn) {
			return nil, fmt.Errorf("eval: %s:%d: %d columns: %w", path, line, len(cols), ErrFormat)
		}
		out[cols[colFile]] = append(out[cols[colFile]], strings.Split(cols[colAnn], "|")...)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	return out, nil
}

// bratSpan is one T-line.
type bratSpan struct {
	label string
	frags []Frag
}

// ParseBrat reads one brat standoff annotation of PolNeAR (name is used
// in errors) over text and returns the document with id: one attribution
// per E-line, whose Attribution or Attribution-no-source anchor is the cue
// when no Cue role is given; roles with a numeric suffix (Content2) add
// fragments to their role. Offsets are checked against the text.
func ParseBrat(name string, r io.Reader, id, text string) (*parley.Document, error) {
	n := utf8.RuneCountInString(text)
	spans := map[string]bratSpan{}
	type event struct {
		line  int
		roles [][2]string // role, T-id
	}
	var events []event
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), maxLine)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		tab := strings.IndexByte(s, '\t')
		key := ""
		if tab > 0 {
			key = s[:tab]
		}
		switch {
		case isBratID(key, 'T'):
			fields := strings.SplitN(s, "\t", 3)
			sp, err := parseBratT(fields[1], n)
			if err != nil {
				return nil, fmt.Errorf("eval: %s:%d: %w", name, line, err)
			}
			spans[key] = sp
		case isBratID(key, 'E'):
			ev := event{line: line}
			for _, arg := range strings.Fields(s[tab+1:]) {
				role, tid, ok := strings.Cut(arg, ":")
				if !ok {
					return nil, fmt.Errorf("eval: %s:%d: bad argument %q: %w", name, line, arg, ErrFormat)
				}
				ev.roles = append(ev.roles, [2]string{role, tid})
			}
			events = append(events, ev)
		case key != "" && (key[0] == '#' || isBratID(key, 'A') || isBratID(key, 'R') || isBratID(key, 'N') || isBratID(key, 'M')):
			// notes, attributes and relations carry nothing scored
		}
		// any other line continues the text of a span that crosses a newline
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	runes := []rune(text)
	doc := &parley.Document{Schema: parley.Schema, ID: id, Text: text, Meta: map[string]json.RawMessage{}, Sentences: []parley.Range{}, Stances: []parley.Stance{}, Pairs: []parley.Pair{}}
	var frags []Fragments
	for _, ev := range events {
		var fr Fragments
		var anchor []Frag
		for _, rt := range ev.roles {
			sp, ok := spans[rt[1]]
			if !ok {
				return nil, fmt.Errorf("eval: %s:%d: %s:%s names no T-line: %w", name, ev.line, rt[0], rt[1], ErrFormat)
			}
			switch strings.TrimRight(rt[0], "0123456789") {
			case "Source":
				fr.Source = append(fr.Source, sp.frags...)
			case "Cue":
				fr.Cue = append(fr.Cue, sp.frags...)
			case "Content":
				fr.Content = append(fr.Content, sp.frags...)
			case "Attribution", "Attribution-no-source":
				anchor = sp.frags
			default:
				return nil, fmt.Errorf("eval: %s:%d: unknown role %q: %w", name, ev.line, rt[0], ErrFormat)
			}
		}
		if len(fr.Cue) == 0 {
			fr.Cue = anchor
		}
		if len(fr.Cue) == 0 {
			return nil, fmt.Errorf("eval: %s:%d: attribution without cue or anchor: %w", name, ev.line, ErrFormat)
		}
		for _, p := range []*[]Frag{&fr.Source, &fr.Cue, &fr.Content} {
			slices.SortFunc(*p, func(a, b Frag) int { return a.Start - b.Start })
		}
		frags = append(frags, fr)
	}
	slices.SortStableFunc(frags, func(a, b Fragments) int { return a.Cue[0].Start - b.Cue[0].Start })
	for i, fr := range frags {
		a := parley.Attribution{
			ID:      "a" + strconv.Itoa(i+1),
			Type:    "indirect",
			Cue:     parley.Cue{Span: hull(runes, fr.Cue)},
			Content: hull(runes, fr.Content),
		}
		if a.Content.Text != "" && strings.ContainsRune(quoteMarks, []rune(a.Content.Text)[0]) {
			a.Type = "direct"
		}
		if len(fr.Source) > 0 {
			a.Source = &parley.Source{Span: hull(runes, fr.Source), Parties: []string{}}
		}
		doc.Attributions = append(doc.Attributions, a)
	}
	if doc.Attributions == nil {
		doc.Attributions = []parley.Attribution{}
	}
	if frags == nil {
		frags = []Fragments{}
	}
	b, err := json.Marshal(frags)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	doc.Meta[MetaFragments] = b
	return doc, nil
}

// isBratID reports whether key is kind followed by digits ("T12").
func isBratID(key string, kind byte) bool {
	if len(key) < 2 || key[0] != kind {
		return false
	}
	_, err := strconv.Atoi(key[1:])
	return err == nil
}

// parseBratT parses "Label s e;s e" against a text of n code points.
func parseBratT(field string, n int) (bratSpan, error) {
	label, offs, ok := strings.Cut(field, " ")
	if !ok {
		return bratSpan{}, fmt.Errorf("no offsets in %q: %w", field, ErrFormat)
	}
	sp := bratSpan{label: label}
	for _, part := range strings.Split(offs, ";") {
		se := strings.Fields(part)
		if len(se) != 2 {
			return bratSpan{}, fmt.Errorf("bad offsets %q: %w", part, ErrFormat)
		}
		s, err1 := strconv.Atoi(se[0])
		e, err2 := strconv.Atoi(se[1])
		if err1 != nil || err2 != nil || s < 0 || e < s || e > n {
			return bratSpan{}, fmt.Errorf("bad offsets %q for a text of %d code points: %w", part, n, ErrFormat)
		}
		sp.frags = append(sp.frags, Frag{s, e})
	}
	return sp, nil
}

// hull returns the record span from the first fragment's start to the
// last one's end (zero for no fragments).
func hull(runes []rune, fr []Frag) parley.Span {
	if len(fr) == 0 {
		return parley.Span{}
	}
	s, e := fr[0].Start, fr[0].End
	for _, f := range fr[1:] {
		s, e = min(s, f.Start), max(e, f.End)
	}
	return parley.Span{Start: s, End: e, Text: string(runes[s:e])}
}
