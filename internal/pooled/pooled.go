// Package pooled holds the bound shared by the passes that recycle their
// per-document buffers through a sync.Pool (the analyzer's token arrays,
// attribution's extractors, stance's per-token buffers).
package pooled

// MaxTokens bounds the documents whose buffers go back to a pool: the
// buffers of a document with more tokens are left to the garbage
// collector, so that one large document does not keep its memory alive.
// The passes share it, so that a document is either analysed with
// recycled buffers by all of them or by none (TestAdversarialCostLinear
// relies on it).
const MaxTokens = 1 << 16
