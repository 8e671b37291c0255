package stance

import "github.com/parleylab/parley/segment"

// The clause questions of the rules (where does the clause of token i
// start? does a boundary lie between two tokens?) are answered from the
// list of clause boundaries (see isBoundary). Testing every token of a
// document for one is a pass of its own, and the questions come from the
// few sentences with a stance trigger (about one in five), so the list is
// made lazily:
//
//   - when the sentences tile the tokens, as the segmenter's do, each
//     sentence's boundaries are listed the first time a question reaches
//     it, appended to x.bounds; x.segs[si] is their [start, end) there,
//     start -1 before that;
//   - otherwise, or once a question has walked over maxWalk sentences
//     without finding a boundary, x.bounds lists all the boundaries of the
//     document in order (x.global), found by binary search, so that no
//     document costs more than one pass over its tokens plus a bounded
//     walk per question.

// maxWalk bounds the sentences that one question looks at before the
// whole document is listed.
const maxWalk = 8

// clauseStart returns the first token index of the clause holding token i,
// not before lo.
func (x *docIndex) clauseStart(i, lo int) int {
	i = min(max(i, 0), len(x.doc.Tokens))
	if b := x.lastBound(i, lo); b >= 0 && b >= lo {
		return b + 1
	}
	return lo
}

// clauseEnd returns one past the last token index of the clause that
// starts at token i, not after hi.
func (x *docIndex) clauseEnd(i, hi int) int {
	i = min(max(i, 0), len(x.doc.Tokens))
	return min(x.nextBound(i, hi), hi)
}

// boundaryBetween reports whether a clause boundary lies in [from, to).
func (x *docIndex) boundaryBetween(from, to int) bool {
	return from < to && x.clauseEnd(from, to) < to
}

// lastBound returns the last clause boundary before token i, 0 <= i <=
// len(x.doc.Tokens), or -1 when there is none; it may return -1 too when
// the last one lies before lo.
func (x *docIndex) lastBound(i, lo int) int {
	if i == 0 {
		return -1
	}
	if x.segs != nil && !x.global {
		ss := x.doc.Sentences
		si := x.sentence(i - 1)
		for range maxWalk {
			bs := x.sentenceBounds(si)
			if k := countBefore(bs, i); k > 0 {
				return int(bs[k-1])
			}
			if si == 0 || ss[si].First <= lo {
				return -1
			}
			si--
		}
	}
	bs := x.allBounds()
	if k := countBefore(bs, i); k > 0 {
		return int(bs[k-1])
	}
	return -1
}

// nextBound returns the first clause boundary at or after token i, 0 <= i
// <= len(x.doc.Tokens), or len(x.doc.Tokens) when there is none; it may
// return len(x.doc.Tokens) too when the first one lies at or after hi.
func (x *docIndex) nextBound(i, hi int) int {
	n := len(x.doc.Tokens)
	if i == n {
		return n
	}
	if x.segs != nil && !x.global {
		ss := x.doc.Sentences
		si := x.sentence(i)
		for range maxWalk {
			bs := x.sentenceBounds(si)
			if k := countBefore(bs, i); k < len(bs) {
				return int(bs[k])
			}
			if si == len(ss)-1 || ss[si].Last >= hi {
				return n
			}
			si++
		}
	}
	bs := x.allBounds()
	if k := countBefore(bs, i); k < len(bs) {
		return int(bs[k])
	}
	return n
}

// sentenceBounds returns the clause boundaries of sentence si, listing
// them on the first call.
func (x *docIndex) sentenceBounds(si int) []int32 {
	seg := x.segs[si]
	if seg[0] < 0 {
		s := x.doc.Sentences[si]
		seg[0] = int32(len(x.bounds))
		x.bounds = appendBounds(x.bounds, x.doc.Tokens[s.First:s.Last], s.First)
		seg[1] = int32(len(x.bounds))
		x.segs[si] = seg
		x.sc.bounds = x.bounds
	}
	return x.bounds[seg[0]:seg[1]]
}

// allBounds returns the clause boundaries of the whole document, listing
// them on the first call (over the sentences' lists, if any).
func (x *docIndex) allBounds() []int32 {
	if !x.global {
		x.global = true
		x.bounds = appendBounds(x.bounds[:0], x.doc.Tokens, 0)
		x.sc.bounds = x.bounds
	}
	return x.bounds
}

// appendBounds appends to b the indices of the clause boundaries among
// toks, the tokens from index first on.
func appendBounds(b []int32, toks []segment.Token, first int) []int32 {
	for i := range toks {
		if isBoundary(&toks[i]) {
			b = append(b, int32(first+i))
		}
	}
	return b
}

// countBefore returns the number of entries of the increasing list b
// below i.
func countBefore(b []int32, i int) int {
	lo, hi := 0, len(b)
	for lo < hi {
		if h := int(uint(lo+hi) >> 1); int(b[h]) < i {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}
