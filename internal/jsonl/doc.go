// Package jsonl reads the CLI's input: JSON Lines of {"id", "text", ...}
// documents, one per line, of any length.
//
// # Lines
//
// A Reader reads one line at a time with a bufio.Reader, not a
// bufio.Scanner, so there is no 64 KiB line limit; instead each line is
// limited to a caller-chosen number of bytes. A longer line is not
// buffered: its first bytes are kept (enough to find its id) and the rest
// is discarded, so a huge line costs no more memory than the limit.
//
// A UTF-8 byte order mark at the start of the stream is an encoding
// marker, not text, and is dropped. Line numbers are 1-based and count
// every line, blank or not.
//
// # Documents
//
// Parse decodes one line into a Doc: "id" (a string, or a number whose
// literal becomes the id), "text" (a string) and every other member as
// Meta, passed through unchanged.
package jsonl
