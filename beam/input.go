package parleybeam

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/internal/jsonl"
)

// Doc is one input document before analysis, with its input position.
type Doc struct {
	Path string // the file it was read from
	// Line is the 1-based line of a JSON line; 1 for a text file.
	Line int
	JSON bool   // Raw is a JSON line to decode
	Raw  []byte // the text (text file) or the line without its "\n"
	// ID is the document id: a text file's base name without extension,
	// or a JSON line's default id line-N, which its "id" member replaces.
	ID string
	// ErrCode and ErrMessage are set when the document failed while it
	// was read (too_large); it then gets an error record.
	ErrCode, ErrMessage string
}

// splitFn reads a matched file and emits its documents, as the CLI reads
// its input files.
type splitFn struct {
	Format   string `json:"format"`
	MaxBytes int    `json:"max_bytes"`
}

// ProcessElement emits the whole file as one Doc (text format) or one Doc
// per non-blank line (JSON Lines).
func (fn *splitFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(Doc)) (err error) {
	p := f.Metadata.Path
	rc, err := f.Open(ctx)
	if err != nil {
		return fmt.Errorf("parleybeam: open %s: %w", p, err)
	}
	defer func() {
		if cerr := rc.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("parleybeam: close %s: %w", p, cerr)
		}
	}()
	br := bufio.NewReaderSize(rc, 64<<10)
	if fn.Format == FormatText {
		d, err := readText(br, p, maxBytes(fn.MaxBytes))
		if err != nil {
			return fmt.Errorf("parleybeam: read %s: %w", p, err)
		}
		emit(d)
		return nil
	}
	if err := readLines(br, p, maxBytes(fn.MaxBytes), emit); err != nil {
		return fmt.Errorf("parleybeam: read %s: %w", p, err)
	}
	return nil
}

// maxBytes is the document size limit of a Config.MaxBytes.
func maxBytes(n int) int {
	if n <= 0 {
		return parley.DefaultMaxBytes
	}
	return n
}

// readText reads a text document of at most limit bytes after a leading
// byte order mark, which is dropped; a longer one is not read further and
// becomes a too_large error, with the CLI's message.
func readText(br *bufio.Reader, p string, limit int) (Doc, error) {
	d := Doc{Path: p, Line: 1, ID: fileID(p)}
	if err := jsonl.SkipBOM(br); err != nil {
		return d, err
	}
	b, err := io.ReadAll(io.LimitReader(br, int64(limit)+1))
	if err != nil {
		return d, err
	}
	if len(b) > limit {
		d.ErrCode = "too_large"
		d.ErrMessage = fmt.Sprintf("document exceeds the size limit: more than %d bytes (--max-bytes)", limit)
		return d, nil
	}
	d.Raw = b
	return d, nil
}

// jsonLineLimit is the longest JSON line read for a text limit of
// maxBytes, as in the CLI: three times the limit (escapes) plus 64 KiB for
// the syntax, the id and meta members.
func jsonLineLimit(maxBytes int) int { return 3*maxBytes + 64<<10 }

// readLines emits a Doc for each non-blank line; an over-long line is not
// kept and becomes a too_large error naming the id found at its start.
func readLines(br *bufio.Reader, p string, limit int, emit func(Doc)) error {
	lines := jsonl.NewReader(br, jsonLineLimit(limit))
	for {
		l, err := lines.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if l.Blank() {
			continue
		}
		d := Doc{Path: p, Line: l.N, JSON: true, ID: "line-" + strconv.Itoa(l.N)}
		if !l.TooLong {
			d.Raw = l.Bytes
			emit(d)
			continue
		}
		if id, ok := jsonl.PeekID(l.Bytes); ok {
			d.ID = id
		}
		d.ErrCode = "too_large"
		d.ErrMessage = fmt.Sprintf("line of %d bytes exceeds the limit of %d bytes (3 × --max-bytes + 64 KiB)",
			l.Len, jsonLineLimit(limit))
		emit(d)
	}
}

// fileID is a text file's document id: its base name without extension.
func fileID(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}
