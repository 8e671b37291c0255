// Package pooled holds what the passes that recycle their per-document
// buffers (the segmenter's parser, the lexicon's matches, attribution's
// extractors, stance's per-token buffers) share: the bound on the
// documents whose buffers are kept, and the reuse of a buffer.
package pooled

// MaxTokens bounds the documents whose buffers go back to a pool: the
// buffers of a document with more tokens are left to the garbage
// collector, so that one large document does not keep its memory alive.
// The passes share it, so that a document is either analysed with
// recycled buffers by all of them or by none (TestAdversarialCostLinear
// relies on it).
const MaxTokens = 1 << 16

// Reuse returns s emptied when it has room for n elements, else a new
// empty slice with that room: the buffer of the previous document serves
// the next one once it is large enough.
func Reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}
