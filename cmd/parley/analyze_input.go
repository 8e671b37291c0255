package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parleylab/parley/internal/jsonl"
)

// inputDoc is one input document on its way to a worker: a plain text, or
// a JSON line that the worker decodes (so that decoding runs in parallel).
type inputDoc struct {
	file string // the file name for messages; "stdin" for standard input
	line int    // 1-based line of a JSON line; 1 for a plain-text document
	json bool   // raw holds a JSON line
	raw  []byte
	id   string // a plain-text document's id; a JSON line's default id
	text string // a plain-text document
	size int64  // input bytes, for the throughput figure

	// errCode and errMessage are set when the document failed while it was
	// read (too_large); the worker then writes the error record.
	errCode, errMessage string
}

// where names the document for messages: file:line for a JSON line.
func (d inputDoc) where(id string) string {
	if d.json {
		return fmt.Sprintf("%s:%d: id %q", d.file, d.line, id)
	}
	return fmt.Sprintf("%s: id %q", d.file, id)
}

// jsonLineSlack is added to the line limit for the JSON syntax, the id
// and meta members of a line.
const jsonLineSlack = 64 << 10

// jsonLineLimit is the longest JSON line read for a text limit of
// maxBytes: three times the limit, so that a text within the limit fits
// whatever its escapes (Python's ensure_ascii writes a two-byte UTF-8
// character as a six-byte \uXXXX), plus some slack.
func jsonLineLimit(maxBytes int) int { return 3*maxBytes + jsonLineSlack }

// docSource reads the input documents one by one: files in order, then
// (with no file) standard input.
type docSource struct {
	paths    []string
	stdin    io.Reader
	mode     string // auto, jsonl or text
	maxBytes int

	lines  *jsonl.Reader // the JSON Lines file being read, or nil
	br     *bufio.Reader // the buffer lines reads from
	file   string        // its name for messages
	closer io.Closer     // the open file, or nil
}

func newDocSource(paths []string, stdin io.Reader, mode string, maxBytes int) *docSource {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	return &docSource{paths: paths, stdin: stdin, mode: mode, maxBytes: maxBytes}
}

// next returns the next document, or io.EOF after the last.
func (s *docSource) next() (inputDoc, error) {
	for {
		if s.lines != nil {
			d, err := s.nextLine()
			if !errors.Is(err, io.EOF) {
				return d, err
			}
			s.lines = nil
			if err := s.close(); err != nil {
				return inputDoc{}, err
			}
		}
		if len(s.paths) == 0 {
			return inputDoc{}, io.EOF
		}
		path := s.paths[0]
		s.paths = s.paths[1:]
		d, isText, err := s.open(path)
		if err != nil || isText {
			return d, err
		}
	}
}

// open starts reading path ("-" is standard input): a text document is
// read and returned whole (isText); a JSON Lines file becomes s.lines.
func (s *docSource) open(path string) (d inputDoc, isText bool, err error) {
	name, id := path, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var r io.Reader
	if path == "-" {
		name, id, r = "stdin", "stdin", s.stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return d, false, err
		}
		s.closer, r = f, f
	}
	br := bufio.NewReaderSize(r, 64<<10)
	asJSON := s.mode == "jsonl"
	if s.mode == "auto" {
		if path == "-" {
			if asJSON, err = jsonl.LooksJSONL(br); err != nil {
				return d, false, fmt.Errorf("%s: %w", name, err)
			}
		} else {
			ext := strings.ToLower(filepath.Ext(path))
			asJSON = ext == ".jsonl" || ext == ".ndjson"
		}
	}
	if asJSON {
		s.lines, s.br, s.file = jsonl.NewReader(br, jsonLineLimit(s.maxBytes)), br, name
		return d, false, nil
	}
	d, err = s.readText(br, name, id)
	if cerr := s.close(); err == nil {
		err = cerr
	}
	return d, true, err
}

// readText reads one plain-text document of at most s.maxBytes bytes
// (after a leading byte order mark, which is dropped); a longer one is
// not read further and becomes a too_large error.
func (s *docSource) readText(br *bufio.Reader, name, id string) (inputDoc, error) {
	d := inputDoc{file: name, line: 1, id: id}
	if err := jsonl.SkipBOM(br); err != nil {
		return d, fmt.Errorf("%s: %w", name, err)
	}
	b, err := io.ReadAll(io.LimitReader(br, int64(s.maxBytes)+1))
	if err != nil {
		return d, fmt.Errorf("%s: %w", name, err)
	}
	d.size = int64(len(b))
	if len(b) > s.maxBytes {
		d.errCode = "too_large"
		d.errMessage = fmt.Sprintf("document exceeds the size limit: more than %d bytes (--max-bytes)", s.maxBytes)
		return d, nil
	}
	d.text = string(b)
	return d, nil
}

// ready reports whether next would return a document without waiting
// for input: a whole line is already in the buffer. The pipeline hands a
// batch of documents on as soon as it is not, so that a program feeding
// parley one line at a time and waiting for each record gets it.
func (s *docSource) ready() bool {
	if s.lines == nil {
		return false
	}
	b, _ := s.br.Peek(s.br.Buffered())
	return bytes.IndexByte(b, '\n') >= 0
}

// nextLine returns the document of the next non-blank JSON line.
func (s *docSource) nextLine() (inputDoc, error) {
	for {
		l, err := s.lines.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return inputDoc{}, err
			}
			return inputDoc{}, fmt.Errorf("%s: %w", s.file, err)
		}
		if l.Blank() {
			continue
		}
		d := inputDoc{file: s.file, line: l.N, json: true, id: "line-" + strconv.Itoa(l.N), size: l.Len}
		if !l.TooLong {
			d.raw = l.Bytes
			return d, nil
		}
		if id, ok := jsonl.PeekID(l.Bytes); ok {
			d.id = id
		}
		d.errCode = "too_large"
		d.errMessage = fmt.Sprintf("line of %d bytes exceeds the limit of %d bytes (3 × --max-bytes + 64 KiB)",
			l.Len, jsonLineLimit(s.maxBytes))
		return d, nil
	}
}

// close closes the open file, if any.
func (s *docSource) close() error {
	if s.closer == nil {
		return nil
	}
	err := s.closer.Close()
	s.closer = nil
	return err
}

// checkInputs fails on the first input file that cannot be read, before
// anything is written.
func checkInputs(paths []string) error {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		st, err := f.Stat()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if st.IsDir() {
			return fmt.Errorf("%s: is a directory", p)
		}
	}
	return nil
}

// checkDir fails unless dir is a readable directory.
func checkDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s: not a directory", dir)
	}
	return nil
}
