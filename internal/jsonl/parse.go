package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Errors of Parse; the CLI's error-record codes are given by Code.
var (
	ErrBadJSON     = errors.New("jsonl: not a JSON object")
	ErrMissingText = errors.New(`jsonl: no "text" member`)
	ErrBadText     = errors.New(`jsonl: "text" is not a string`)
	ErrBadID       = errors.New(`jsonl: "id" is not a string or a number`)
)

// Code returns the error-record code of an error of Parse: "bad_json",
// "missing_text", "bad_text" or "bad_id"; "" for other errors.
func Code(err error) string {
	switch {
	case errors.Is(err, ErrBadJSON):
		return "bad_json"
	case errors.Is(err, ErrMissingText):
		return "missing_text"
	case errors.Is(err, ErrBadText):
		return "bad_text"
	case errors.Is(err, ErrBadID):
		return "bad_id"
	}
	return ""
}

// Doc is the document of one JSON line.
type Doc struct {
	ID    string // the "id" member; "" when HasID is false
	HasID bool   // the line has a non-null "id"
	Text  string
	// Meta holds every other member of the line, unchanged; nil when there
	// is none.
	Meta map[string]json.RawMessage
	// Repaired reports that the line held invalid UTF-8, which was replaced
	// by U+FFFD (one per run of bad bytes, as strings.ToValidUTF8 does)
	// before decoding.
	Repaired bool
}

// Parse decodes one JSON line. The id is read even when the text is
// missing or bad, so the error can name it.
//
// Invalid UTF-8 is repaired before decoding, as the analyzer repairs a
// plain-text document, so that a text has the same offsets whichever way
// it comes in (encoding/json alone would replace each bad byte).
func Parse(line []byte) (Doc, error) {
	var d Doc
	if !utf8.Valid(line) {
		line = bytes.ToValidUTF8(line, []byte("\uFFFD"))
		d.Repaired = true
	}
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return d, fmt.Errorf("%w: the line does not start with '{'", ErrBadJSON)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &m); err != nil {
		return d, fmt.Errorf("%w: %w", ErrBadJSON, err)
	}
	if raw, ok := m["id"]; ok {
		delete(m, "id")
		id, has, err := parseID(raw)
		if err != nil {
			return d, err
		}
		d.ID, d.HasID = id, has
	}
	raw, ok := m["text"]
	if !ok {
		return d, ErrMissingText
	}
	delete(m, "text")
	if len(raw) == 0 || raw[0] != '"' {
		return d, fmt.Errorf("%w: %.20s", ErrBadText, raw)
	}
	if err := json.Unmarshal(raw, &d.Text); err != nil {
		return d, fmt.Errorf("%w: %w", ErrBadText, err)
	}
	if len(m) > 0 {
		d.Meta = m
	}
	return d, nil
}

// parseID returns the id of a raw "id" member: a string as it is, a number
// as its literal; null is no id.
func parseID(raw json.RawMessage) (id string, ok bool, err error) {
	switch {
	case string(raw) == "null":
		return "", false, nil
	case raw[0] == '"':
		if err := json.Unmarshal(raw, &id); err != nil {
			return "", false, fmt.Errorf("%w: %w", ErrBadID, err)
		}
		return id, true, nil
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		return string(raw), true, nil
	}
	return "", false, fmt.Errorf("%w: %.20s", ErrBadID, raw)
}

// PeekID returns the "id" of a JSON object of which only a prefix is
// known, such as the kept start of an over-long line: it walks the
// members in order and stops at the first one it cannot read.
func PeekID(prefix []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(prefix))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return "", false
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return "", false
		}
		if key == "id" {
			id, ok, err := parseID(raw)
			return id, ok && err == nil
		}
	}
	return "", false
}
