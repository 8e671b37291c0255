package lexicon

import (
	"errors"
	"fmt"
)

// Sentinel errors. Errors about a lexicon file are *FileError values that
// wrap one of them; test with errors.Is.
var (
	// ErrBadEntry: a line with a wrong column count, an unknown class or
	// kind, a bad weight or an empty term.
	ErrBadEntry = errors.New("lexicon: bad entry")
	// ErrHeader: the first line is not a "# name: ...  version: ..." header,
	// names another table, or a mode line is not "extend" or "replace".
	ErrHeader = errors.New("lexicon: bad header")
	// ErrDuplicate: two entries of one file claim the same term with
	// different values (an alias with two codes, a form with two lemmas).
	ErrDuplicate = errors.New("lexicon: conflicting duplicate")
	// ErrUnknownFile: a file name that is not one of the lexicon files.
	ErrUnknownFile = errors.New("lexicon: unknown file")
	// ErrMissingFile: LoadFS found no file of that name.
	ErrMissingFile = errors.New("lexicon: missing file")
	// ErrVersion: the files of one set carry different versions.
	ErrVersion = errors.New("lexicon: version mismatch")
)

// FileError is an error about one line of a lexicon file (Line is 0 when it
// is about the whole file). Its message reads
// `lexicon: cues.tsv:12: unknown class "sya"`.
type FileError struct {
	File string // file name, as in the directory ("cues.tsv")
	Line int    // 1-based line number, or 0
	Msg  string // what is wrong, lower case
	Err  error  // the sentinel: ErrBadEntry, ErrHeader, ...
}

// Error returns "lexicon: FILE:LINE: MSG" (or "lexicon: FILE: MSG" for Line 0).
func (e *FileError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("lexicon: %s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("lexicon: %s:%d: %s", e.File, e.Line, e.Msg)
}

// Unwrap returns the sentinel.
func (e *FileError) Unwrap() error { return e.Err }
