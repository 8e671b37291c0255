package parley

import (
	"unicode/utf8"

	"github.com/parleylab/parley/segment"
)

// offsets converts byte offsets of one text to code-point offsets.
type offsets struct {
	text  string
	ascii bool
	// runeAt[i] is the code-point offset of byte i; built only for non-ASCII text.
	runeAt []int32
}

func newOffsets(text string) *offsets {
	o := &offsets{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			o.ascii = false
			break
		}
	}
	if o.ascii {
		return o
	}
	o.runeAt = make([]int32, len(text)+1)
	n := int32(0)
	for i := range text {
		// Continuation bytes map to the code point they belong to.
		for j := i; j < len(text) && (j == i || !utf8.RuneStart(text[j])); j++ {
			o.runeAt[j] = n
		}
		n++
	}
	o.runeAt[len(text)] = n
	return o
}

// cp returns the code-point offset of byte offset b.
func (o *offsets) cp(b int) int {
	if o.ascii {
		return b
	}
	return int(o.runeAt[b])
}

func (o *offsets) span(s segment.Span) Span {
	return Span{Start: o.cp(s.Start), End: o.cp(s.End), Text: o.text[s.Start:s.End]}
}

func (o *offsets) rng(s segment.Span) Range {
	return Range{Start: o.cp(s.Start), End: o.cp(s.End)}
}
