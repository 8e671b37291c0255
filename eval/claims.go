package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// ErrFormat is wrapped by every error about malformed input data; the
// message names the file and line.
var ErrFormat = errors.New("eval: malformed input")

// Claim-level labels: the parley/v1-claim record's labels.
const (
	LabelFor       = "for"
	LabelAgainst   = "against"
	LabelObserving = "observing"
	LabelUnrelated = "unrelated"
)

// ClaimItem is one labelled text for claim-level stance: does Text
// support, deny or merely report Claim, or is it unrelated to it.
type ClaimItem struct {
	ID      string // Emergent: the "id" column; FNC-1: the 1-based stance row number
	Claim   string // Emergent: claimHeadline; FNC-1: the Headline
	Text    string // Emergent: articleHeadline; FNC-1: the article body
	Label   string // for | against | observing | unrelated
	Orig    string // the label as written in the file (FNC-1: agree, disagree, discuss, unrelated)
	Group   string // the unit a split must not cut: Emergent claimId, FNC-1 Body ID
	Article string // Emergent articleId (joins Ferreira & Vlachos' prediction file); empty for FNC-1
	Line    int    // 1-based line of the item's record in its file
}

// fncLabels maps FNC-1 stances to the claim labels.
var fncLabels = map[string]string{
	"agree":     LabelFor,
	"disagree":  LabelAgainst,
	"discuss":   LabelObserving,
	"unrelated": LabelUnrelated,
}

// ClaimLabel returns the claim label of s: one of the four claim labels
// as they are, or an FNC-1 stance mapped to its claim label
// (agree→for, disagree→against, discuss→observing). Case and outer
// spaces are ignored; ok is false for anything else.
func ClaimLabel(s string) (label string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case LabelFor, LabelAgainst, LabelObserving, LabelUnrelated:
		return s, true
	}
	l, ok := fncLabels[s]
	return l, ok
}

// csvFile is a CSV file read whole with its header, keeping each record's
// starting line for error messages.
type csvFile struct {
	path   string
	header map[string]int
	rows   [][]string
	lines  []int
}

// readCSV reads a comma-separated file with a header line and checks that
// it has the named columns.
func readCSV(path string, columns ...string) (*csvFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	return parseCSV(path, f, columns...)
}

func parseCSV(path string, r io.Reader, columns ...string) (*csvFile, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = false
	head, err := cr.Read()
	if err != nil {
		return nil, csvError(path, err)
	}
	out := &csvFile{path: path, header: map[string]int{}}
	for i, h := range head {
		out.header[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range columns {
		if _, ok := out.header[c]; !ok {
			return nil, fmt.Errorf("eval: %s:1: no column %q: %w", path, c, ErrFormat)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, csvError(path, err)
		}
		line, _ := cr.FieldPos(0)
		out.rows = append(out.rows, rec)
		out.lines = append(out.lines, line)
	}
}

// csvError turns a CSV parse error into an error naming file and line.
func csvError(path string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("eval: %s:%d: %w: %w", path, pe.StartLine, ErrFormat, pe.Err)
	}
	if err == io.EOF {
		return fmt.Errorf("eval: %s:1: empty file: %w", path, ErrFormat)
	}
	return fmt.Errorf("eval: %s: %w", path, err)
}

// get returns column c of row i.
func (f *csvFile) get(i int, c string) string { return f.rows[i][f.header[c]] }

// ReadEmergent reads an Emergent CSV file (emergent-train.csv,
// emergent-test.csv or the full url-versions file): Claim is
// claimHeadline, Text is articleHeadline, Group is claimId.
func ReadEmergent(path string) ([]ClaimItem, error) {
	f, err := readCSV(path, "id", "claimHeadline", "articleHeadline", "articleHeadlineStance", "articleId", "claimId")
	if err != nil {
		return nil, err
	}
	items := make([]ClaimItem, 0, len(f.rows))
	for i := range f.rows {
		orig := f.get(i, "articleHeadlineStance")
		label, ok := ClaimLabel(orig)
		if !ok || label == LabelUnrelated {
			return nil, fmt.Errorf("eval: %s:%d: unknown stance %q: %w", path, f.lines[i], orig, ErrFormat)
		}
		items = append(items, ClaimItem{
			ID:      f.get(i, "id"),
			Claim:   f.get(i, "claimHeadline"),
			Text:    f.get(i, "articleHeadline"),
			Label:   label,
			Orig:    orig,
			Group:   f.get(i, "claimId"),
			Article: f.get(i, "articleId"),
			Line:    f.lines[i],
		})
	}
	return items, nil
}

// ReadFNC reads the FNC-1 stances file (Headline, Body ID, Stance) and its
// bodies file (Body ID, articleBody). Claim is the headline, Text the body,
// Group the Body ID and ID the stance's 1-based row number. Labels map
// agree→for, disagree→against, discuss→observing, unrelated→unrelated.
func ReadFNC(stancesPath, bodiesPath string) ([]ClaimItem, error) {
	b, err := readCSV(bodiesPath, "Body ID", "articleBody")
	if err != nil {
		return nil, err
	}
	bodies := make(map[string]string, len(b.rows))
	for i := range b.rows {
		id := strings.TrimSpace(b.get(i, "Body ID"))
		if _, err := strconv.Atoi(id); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: bad Body ID %q: %w", bodiesPath, b.lines[i], id, ErrFormat)
		}
		bodies[id] = b.get(i, "articleBody")
	}
	s, err := readCSV(stancesPath, "Headline", "Body ID", "Stance")
	if err != nil {
		return nil, err
	}
	items := make([]ClaimItem, 0, len(s.rows))
	for i := range s.rows {
		id := strings.TrimSpace(s.get(i, "Body ID"))
		body, ok := bodies[id]
		if !ok {
			return nil, fmt.Errorf("eval: %s:%d: Body ID %q not in %s: %w", stancesPath, s.lines[i], id, bodiesPath, ErrFormat)
		}
		orig := s.get(i, "Stance")
		label, ok := fncLabels[strings.ToLower(strings.TrimSpace(orig))]
		if !ok {
			return nil, fmt.Errorf("eval: %s:%d: unknown stance %q: %w", stancesPath, s.lines[i], orig, ErrFormat)
		}
		items = append(items, ClaimItem{
			ID:    strconv.Itoa(i + 1),
			Claim: s.get(i, "Headline"),
			Text:  body,
			Label: label,
			Orig:  orig,
			Group: id,
			Line:  s.lines[i],
		})
	}
	return items, nil
}
