package jsonl

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// BOM is the UTF-8 encoding of U+FEFF, the byte order mark.
const BOM = "\uFEFF"

// prefixKeep is how much of an over-long line is kept to find its id.
const prefixKeep = 64 << 10

// Line is one input line.
type Line struct {
	N     int    // 1-based line number
	Bytes []byte // the line without its "\n" (a "\r" before it is kept); a prefix when TooLong
	// Len is the length of the whole line in bytes, without the "\n".
	Len int64
	// TooLong reports that the line exceeded the limit; Bytes then holds
	// only its first bytes and the rest was discarded.
	TooLong bool
}

// Blank reports whether the line holds only white space.
func (l Line) Blank() bool { return len(bytes.TrimSpace(l.Bytes)) == 0 && !l.TooLong }

// Reader reads lines of at most a fixed number of bytes.
type Reader struct {
	r     *bufio.Reader
	limit int
	n     int
}

// NewReader returns a Reader of r whose lines may be at most limit bytes
// long (without the "\n"); limit must be positive. A leading byte order
// mark is dropped.
func NewReader(r io.Reader, limit int) *Reader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	return &Reader{r: br, limit: max(limit, 1)}
}

// Next returns the next line, or io.EOF after the last one. A final line
// without "\n" is a line; an empty stream has none. Every Line has its
// own Bytes, which the caller may keep.
func (r *Reader) Next() (Line, error) {
	if r.n == 0 {
		if err := SkipBOM(r.r); err != nil {
			return Line{}, err
		}
	}
	var buf []byte
	var n int64
	tooLong := false
	for {
		chunk, err := r.r.ReadSlice('\n')
		n += int64(len(chunk))
		if !tooLong {
			if len(buf)+len(chunk) > r.limit+1 { // +1: the "\n"
				tooLong = true
				keep := min(len(chunk), max(prefixKeep-len(buf), 0))
				buf = append(buf, chunk[:keep]...)
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == nil:
			r.n++
			buf = bytes.TrimSuffix(buf, []byte("\n"))
			return Line{N: r.n, Bytes: buf, Len: n - 1, TooLong: tooLong}, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if n == 0 {
				return Line{}, io.EOF
			}
			if !tooLong && n > int64(r.limit) {
				tooLong = true
			}
			r.n++
			return Line{N: r.n, Bytes: buf, Len: n, TooLong: tooLong}, nil
		default:
			return Line{}, err
		}
	}
}

// SkipBOM drops a byte order mark at the current position of br, if there
// is one.
func SkipBOM(br *bufio.Reader) error {
	b, err := br.Peek(len(BOM))
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if string(b) == BOM {
		_, err = br.Discard(len(BOM))
		return err
	}
	return nil
}

// LooksJSONL drops a leading byte order mark from br and reports whether
// the first byte that is not white space is '{'; it consumes nothing
// else. It looks at most br.Size() bytes ahead: input that is all white
// space that far is not JSON Lines.
func LooksJSONL(br *bufio.Reader) (bool, error) {
	if err := SkipBOM(br); err != nil {
		return false, err
	}
	for n := 1; ; n = min(2*n, br.Size()) {
		b, err := br.Peek(n)
		if i := bytes.IndexFunc(b, func(r rune) bool { return !isSpace(r) }); i >= 0 {
			return b[i] == '{', nil
		}
		switch {
		case errors.Is(err, io.EOF):
			return false, nil
		case err != nil:
			return false, err
		case n == br.Size():
			return false, nil
		}
	}
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }
