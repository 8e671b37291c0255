package lexicon

import "io/fs"

// Lexicon TEMPORARY placeholder: the lexicon owner replaces this file.
type Lexicon struct{ Version string }

// Default TEMPORARY placeholder.
func Default() (*Lexicon, error) { return &Lexicon{Version: "0"}, nil }

// Extend TEMPORARY placeholder.
func (l *Lexicon) Extend(fsys fs.FS) (*Lexicon, error) { return l, nil }

// String TEMPORARY placeholder.
func (c Class) String() string { return "report" }
