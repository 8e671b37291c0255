package parleybeam

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"

	"github.com/parleylab/parley"
)

// Doc is one input document before analysis, with its input position.
type Doc struct {
	Path string // the file it was read from
	// Line is the 1-based line of a JSON Lines document; 0 for a text file.
	Line int
	Raw  []byte // the file's bytes (text) or the line without its "\n" (JSON Lines)
}

// splitFn reads a matched file and emits its documents.
type splitFn struct {
	Format string `json:"format"`
}

// ProcessElement emits the whole file as one Doc (text format) or one Doc
// per line (JSON Lines; empty lines included, so that line numbers count
// every line).
func (fn *splitFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(Doc)) error {
	p := f.Metadata.Path
	if fn.Format == FormatText {
		data, err := f.Read(ctx)
		if err != nil {
			return fmt.Errorf("parleybeam: read %s: %w", p, err)
		}
		emit(Doc{Path: p, Raw: data})
		return nil
	}
	rc, err := f.Open(ctx)
	if err != nil {
		return fmt.Errorf("parleybeam: open %s: %w", p, err)
	}
	err = splitLines(rc, func(n int, line []byte) { emit(Doc{Path: p, Line: n, Raw: line}) })
	if cerr := rc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("parleybeam: read %s: %w", p, err)
	}
	return nil
}

// splitLines calls emit for each line of r with its 1-based number and
// without its "\n". A final "\n" does not start another line.
func splitLines(r io.Reader, emit func(n int, line []byte)) error {
	br := bufio.NewReaderSize(r, 1<<16)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			emit(n, trimNewline(line))
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func trimNewline(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}

// fileID is a text file's document id: its base name without extension.
func fileID(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}

// utf8BOM is stripped from the start of a file: it marks the encoding and
// is not part of the text.
const utf8BOM = "\uFEFF"

// lineDoc is a parsed JSON line: the document's id, text and other fields.
type lineDoc struct {
	ID   string
	Text string
	Meta map[string]json.RawMessage
}

// parseLine parses JSON line n. It returns the error-record error for a
// line that is not a JSON object, has no "text", or whose "text" or "id" is
// not a string; the id is then line-N unless a string id could be read.
func parseLine(raw []byte, n int) (lineDoc, *parley.RecordError) {
	d := lineDoc{ID: fmt.Sprintf("line-%d", n)}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		msg := "not a JSON object"
		if err != nil {
			msg = err.Error()
		}
		return d, &parley.RecordError{Code: "bad_json", Message: fmt.Sprintf("line %d: %s", n, msg)}
	}
	if id, ok := fields["id"]; ok {
		if err := json.Unmarshal(id, &d.ID); err != nil {
			d.ID = fmt.Sprintf("line-%d", n)
			return d, &parley.RecordError{Code: "bad_json", Message: fmt.Sprintf("line %d: \"id\" is not a string", n)}
		}
		delete(fields, "id")
	}
	text, ok := fields["text"]
	if !ok {
		return d, &parley.RecordError{Code: "missing_text", Message: fmt.Sprintf("line %d: no \"text\" field", n)}
	}
	if err := json.Unmarshal(text, &d.Text); err != nil {
		return d, &parley.RecordError{Code: "bad_json", Message: fmt.Sprintf("line %d: \"text\" is not a string", n)}
	}
	delete(fields, "text")
	if len(fields) > 0 {
		d.Meta = fields
	}
	return d, nil
}
