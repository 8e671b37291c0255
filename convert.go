package parley

import (
	"sync"
	"unicode/utf8"

	"github.com/parleylab/parley/internal/gallop"
	"github.com/parleylab/parley/internal/pooled"
	"github.com/parleylab/parley/internal/swar"
	"github.com/parleylab/parley/segment"
)

// offsets converts byte offsets of one text to code-point offsets. It
// records where the multi-byte characters start, so that the cost is one
// pass over the text and a search per offset, whatever the text; the
// search starts where the last one ended, as the record's offsets come
// mostly in order. Its list is recycled from one record to the next
// (offsetsPool).
type offsets struct {
	text  string
	chars []multiByte // ascending by at
	last  int         // where the last search ended
}

// multiByte is one multi-byte character: its byte offset, and the
// continuation bytes of it and of the characters before it.
type multiByte struct {
	at, extra int32
}

var offsetsPool = sync.Pool{New: func() any { return new(offsets) }}

// newOffsets returns the offsets of text; release gives them back.
func newOffsets(text string) *offsets {
	o := offsetsPool.Get().(*offsets)
	o.text, o.last = text, 0
	chars := o.chars[:0]
	var total int32
	for i := 0; i < len(text); {
		// News text is mostly ASCII: skip it a word at a time, in a loop
		// of its own that keeps i in a register.
		for i+8 <= len(text) && swar.Load(text[i:i+8])&swar.Highs == 0 {
			i += 8
		}
		if i == len(text) {
			break
		}
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		total += int32(size - 1)
		chars = append(chars, multiByte{int32(i), total})
		i += size
	}
	o.chars = chars
	return o
}

// release puts o back in the pool unless its text had more than
// pooled.MaxTokens multi-byte characters. o must not be used afterwards.
func (o *offsets) release() {
	if cap(o.chars) <= pooled.MaxTokens {
		o.text = ""
		offsetsPool.Put(o)
	}
}

// cp returns the code-point offset of byte offset b, a character boundary.
func (o *offsets) cp(b int) int {
	t := int32(b)
	// The number of multi-byte characters before b.
	lo := gallop.Search(o.chars, o.last, func(c *multiByte) bool { return c.at < t })
	o.last = lo
	if lo == 0 {
		return b
	}
	return b - int(o.chars[lo-1].extra)
}

func (o *offsets) span(s segment.Span) Span {
	return Span{Start: o.cp(s.Start), End: o.cp(s.End), Text: o.text[s.Start:s.End]}
}

func (o *offsets) rng(s segment.Span) Range {
	return Range{Start: o.cp(s.Start), End: o.cp(s.End)}
}
