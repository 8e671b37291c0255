package parley

import (
	"slices"
	"unicode/utf8"

	"github.com/parleylab/parley/internal/swar"

	"github.com/parleylab/parley/segment"
)

// offsets converts byte offsets of one text to code-point offsets. It
// records where the multi-byte characters start, so that the cost is one
// pass over the text and a binary search per offset, whatever the text.
type offsets struct {
	text   string
	starts []int32 // byte offsets of the multi-byte characters, ascending
	extra  []int32 // extra[k]: continuation bytes of the characters starts[0..k]
}

func newOffsets(text string) *offsets {
	o := &offsets{text: text}
	var total int32
	for i := 0; i < len(text); {
		// News text is mostly ASCII: skip it a word at a time.
		if i+8 <= len(text) && swar.Load(text[i:])&swar.Highs == 0 {
			i += 8
			continue
		}
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		total += int32(size - 1)
		o.starts = append(o.starts, int32(i))
		o.extra = append(o.extra, total)
		i += size
	}
	return o
}

// cp returns the code-point offset of byte offset b, a character boundary.
func (o *offsets) cp(b int) int {
	k, _ := slices.BinarySearch(o.starts, int32(b))
	if k == 0 {
		return b
	}
	return b - int(o.extra[k-1])
}

func (o *offsets) span(s segment.Span) Span {
	return Span{Start: o.cp(s.Start), End: o.cp(s.End), Text: o.text[s.Start:s.End]}
}

func (o *offsets) rng(s segment.Span) Range {
	return Range{Start: o.cp(s.Start), End: o.cp(s.End)}
}
