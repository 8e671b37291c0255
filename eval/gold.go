package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/parleylab/parley"
)

// maxLine is the longest JSON line accepted (one document record).
const maxLine = 64 << 20

// Valid values of the record's enumerations, as in spec/output-v1.md.
var (
	attributionTypes = map[string]bool{"direct": true, "indirect": true, "mixed": true, "according_to": true}
	stanceLabels     = map[string]bool{"agree": true, "support": true, "deny": true, "reject": true, "accuse": true, "criticize": true}
)

// ReadGold reads a parley/v1 gold file (JSON Lines) and validates each
// record: id and text present; every attribution has type, cue, content,
// source (a span with parties, or null) and parent (an id of the same
// document, or null); every span lies in the text and its text equals the
// text's code points start..end; every stance has source, target, label,
// negated, hedged, sentence and attribution. Blank lines are skipped.
// Errors name the file and line.
func ReadGold(path string) ([]parley.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	return readDocuments(path, f, true)
}

// ReadPredictions reads parley/v1 JSON Lines written by 'parley analyze'.
// It checks spans as ReadGold does but requires only an id; error
// records are returned as they are (their Error is set).
func ReadPredictions(path string) ([]parley.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	return readDocuments(path, f, false)
}

// rawDoc is a record decoded loosely, to see which fields are present.
type rawDoc struct {
	ID           *string                      `json:"id"`
	Text         *string                      `json:"text"`
	Attributions []map[string]json.RawMessage `json:"attributions"`
	Stances      []map[string]json.RawMessage `json:"stances"`
	Error        json.RawMessage              `json:"error"`
}

func readDocuments(path string, r io.Reader, gold bool) ([]parley.Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	var docs []parley.Document
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		doc, err := parseDocument(b, gold)
		if err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", path, line, err)
		}
		docs = append(docs, *doc)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	return docs, nil
}

// parseDocument decodes and validates one record.
func parseDocument(b []byte, gold bool) (*parley.Document, error) {
	var raw rawDoc
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	var doc parley.Document
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if raw.ID == nil {
		return nil, fmt.Errorf("no id: %w", ErrFormat)
	}
	if !gold && len(raw.Error) > 0 && string(raw.Error) != "null" {
		return &doc, nil
	}
	if gold && raw.Text == nil {
		return nil, fmt.Errorf("%s: no text: %w", doc.ID, ErrFormat)
	}
	for i, a := range raw.Attributions {
		need := []string{"cue", "content"}
		if gold {
			need = append(need, "type", "source", "parent")
		}
		for _, k := range need {
			if _, ok := a[k]; !ok {
				return nil, fmt.Errorf("%s: attribution %d: no %q: %w", doc.ID, i, k, ErrFormat)
			}
		}
		if gold {
			if s := doc.Attributions[i].Source; s != nil && s.Parties == nil {
				var src map[string]json.RawMessage
				if json.Unmarshal(a["source"], &src) != nil || src["parties"] == nil {
					return nil, fmt.Errorf("%s: attribution %d: source without \"parties\": %w", doc.ID, i, ErrFormat)
				}
			}
		}
	}
	for i, s := range raw.Stances {
		need := []string{"source", "target", "label", "negated"}
		if gold {
			need = append(need, "hedged", "sentence", "attribution")
		}
		for _, k := range need {
			if _, ok := s[k]; !ok {
				return nil, fmt.Errorf("%s: stance %d: no %q: %w", doc.ID, i, k, ErrFormat)
			}
		}
		if !stanceLabels[doc.Stances[i].Label] {
			return nil, fmt.Errorf("%s: stance %d: unknown label %q: %w", doc.ID, i, doc.Stances[i].Label, ErrFormat)
		}
	}
	if err := checkSpans(&doc, gold); err != nil {
		return nil, fmt.Errorf("%s: %w", doc.ID, err)
	}
	return &doc, nil
}

// checkSpans checks that every span of doc lies in its text and matches it
// (when the record carries its text) and that parents name attributions
// of the document.
func checkSpans(doc *parley.Document, gold bool) error {
	text := []rune(doc.Text)
	check := func(what string, i int, s parley.Span) error {
		if s.Start < 0 || s.End < s.Start {
			return fmt.Errorf("attribution %d: %s: bad offsets %d..%d: %w", i, what, s.Start, s.End, ErrFormat)
		}
		if doc.Text == "" {
			return nil
		}
		if s.End > len(text) {
			return fmt.Errorf("attribution %d: %s: offsets %d..%d beyond the text (%d code points): %w", i, what, s.Start, s.End, len(text), ErrFormat)
		}
		if got := string(text[s.Start:s.End]); got != s.Text {
			return fmt.Errorf("attribution %d: %s: text %q at %d..%d, span says %q: %w", i, what, got, s.Start, s.End, s.Text, ErrFormat)
		}
		return nil
	}
	ids := map[string]bool{}
	for _, a := range doc.Attributions {
		ids[a.ID] = true
	}
	for i, a := range doc.Attributions {
		if gold && !attributionTypes[a.Type] {
			return fmt.Errorf("attribution %d: unknown type %q: %w", i, a.Type, ErrFormat)
		}
		if err := check("cue", i, a.Cue.Span); err != nil {
			return err
		}
		if err := check("content", i, a.Content); err != nil {
			return err
		}
		if a.Source != nil {
			if err := check("source", i, a.Source.Span); err != nil {
				return err
			}
		}
		if a.Parent != nil && !ids[*a.Parent] {
			return fmt.Errorf("attribution %d: parent %q is not an attribution of the document: %w", i, *a.Parent, ErrFormat)
		}
	}
	return nil
}
