// Package parley reads news text and answers two questions: who said what
// (claim attribution) and who agrees with or denies whom (stance between
// parties).
//
// # Passes
//
// An Analyzer runs the passes in order, data flowing one way:
//
//	segment      tokens, sentences, paragraphs and quotations (byte offsets)
//	attribution  source, cue and content of every claim; nesting; parties
//	stance       directed relations between parties with evidence; pairs
//
// Analyze returns the parley/v1 record of a document (Document), the same
// shape as the gold files eval reads. Run returns the typed results of each
// pass with byte offsets, for callers that want to go further.
//
// # Offsets
//
// Inside the library every span is a byte span into the analyzed text.
// The record counts Unicode code points instead, end exclusive, so that in
// Python text[start:end] == span["text"]; the conversion happens once, in
// Analysis.Record. Invalid UTF-8 is replaced by U+FFFD before analysis and
// offsets refer to the repaired text; nothing else is normalised.
//
// # Errors
//
// The library never panics on input. Analyze fails only for documents it
// will not analyze: larger than Config.MaxBytes (ErrTooLarge) or holding a
// NUL byte (ErrBinary); ErrorCode gives the error record's code for them.
//
// # Concurrency
//
// An Analyzer is safe for concurrent use; the embedded lexicons are parsed
// once per process.
package parley
