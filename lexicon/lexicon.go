package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

// DataVersion is the version of the embedded lexicon files; every file's
// header carries it, and Default's Lexicon reports it.
const DataVersion = "2026.11.0"

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// Lexicon holds the compiled tables: cues, parties, roles and the stance,
// negation, hedge and intensifier terms. It is read-only after
// construction and safe for concurrent use.
type Lexicon struct {
	// Version is the data version: the files' header version, followed by
	// "+" and the versions of the files Extend added ("2026.11.0+local-1").
	Version string

	src sources // the entries it was compiled from

	vocab vocab // the words of the tries -> id (see trie.go)
	// starts has, for each word id, the bit 1<<tab of each table tab
	// (tabCues, ...) that has entries starting with the word.
	starts  []uint8
	filters [numTables]filter // the first words of each table, for scanTable
	cues    trie              // see buildCues
	cueStem trie              // verbs without forms, keyed by the stem of their first word
	parties trie
	names   map[string]string // code -> canonical name
	roles   trie
	terms   trie

	termList []termEntry
	termStem trie // stems of one-word stance terms; ids[0] is the termList index + 1
	// stemFilter filters the words worth stemming for cueStem and termStem.
	stemFilter stemFilter
	nt         int32 // the negation entry "n't" + 1, or 0
}

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, fmt.Errorf("lexicon: embedded data: %w", err)
	}
	return LoadFS(sub)
})

// Default returns the lexicon of the embedded data files. It is parsed
// once, on first use, and shared: callers must not modify it (no method
// does).
func Default() (*Lexicon, error) { return defaultLexicon() }

// LoadFS loads a complete set of lexicon files from the root of fsys: the
// seven files named in the package documentation, all carrying one
// version. Other files in fsys are not read. Every problem found is
// returned, joined with errors.Join; each is a *FileError.
func LoadFS(fsys fs.FS) (*Lexicon, error) {
	var (
		src     sources
		errs    []error
		version string
		vfile   string
	)
	for t, f := range files {
		data, err := fs.ReadFile(fsys, f.file)
		if errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, &FileError{File: f.file, Msg: "missing file", Err: ErrMissingFile})
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("lexicon: %s: %w", f.file, err))
			continue
		}
		fd, ferrs := parseFile(table(t), f.file, data)
		errs = append(errs, ferrs...)
		if fd.version != "" {
			if version == "" {
				version, vfile = fd.version, f.file
			} else if fd.version != version {
				errs = append(errs, &FileError{File: f.file, Line: 1, Err: ErrVersion,
					Msg: fmt.Sprintf("version %q, but %s has %q", fd.version, vfile, version)})
			}
		}
		src.add(table(t), fd)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return build(version, src), nil
}

// Extend returns a new Lexicon: l's tables extended by the files in the
// root of fsys, which may be any subset of the lexicon files. An entry
// overrides an entry of l for the same term (surface form, alias); a file
// with a "# mode: replace" line replaces l's table instead. l is not
// changed. A file name that is not a lexicon file is an error
// (ErrUnknownFile); directories and names starting with "." are skipped.
func (l *Lexicon) Extend(fsys fs.FS) (*Lexicon, error) {
	src := l.src
	var (
		errs     []error
		versions []string
	)
	err := eachFile(fsys, func(t table, name string, data []byte) {
		fd, ferrs := parseFile(t, name, data)
		errs = append(errs, ferrs...)
		if fd.version != "" && !slices.Contains(versions, fd.version) {
			versions = append(versions, fd.version)
		}
		src.add(t, fd)
	})
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	version := l.Version
	if len(versions) > 0 {
		version += "+" + strings.Join(versions, "+")
	}
	return build(version, src), nil
}

// Check validates the lexicon files in the root of fsys, as Extend would
// read them, without building a lexicon. It returns nil or every problem
// joined with errors.Join; each names its file and line
// (`lexicon: cues.tsv:12: unknown class "sya"`).
func Check(fsys fs.FS) error {
	var errs []error
	err := eachFile(fsys, func(t table, name string, data []byte) {
		_, ferrs := parseFile(t, name, data)
		errs = append(errs, ferrs...)
	})
	if err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// eachFile calls fn for every regular lexicon file in the root of fsys and
// returns the errors of reading the directory or an unknown file.
func eachFile(fsys fs.FS, fn func(t table, name string, data []byte)) error {
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	var errs []error
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		t, ok := tableOf(name)
		if !ok {
			errs = append(errs, &FileError{File: name, Err: ErrUnknownFile,
				Msg: "unknown file (want cues.tsv, parties.tsv, roles.tsv, stance.tsv, negation.txt, hedges.txt or intensifiers.txt)"})
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("lexicon: %s: %w", name, err))
			continue
		}
		fn(t, name, data)
	}
	return errors.Join(errs...)
}

// add appends (or, in replace mode, substitutes) the entries of fd to the
// table t of s. The slices are clipped first so that a base lexicon's
// arrays are never written.
func (s *sources) add(t table, fd fileData) {
	switch t {
	case tCues:
		s.cues = merge(s.cues, fd.src.cues, fd.replace)
	case tParties:
		s.parties = merge(s.parties, fd.src.parties, fd.replace)
	case tRoles:
		s.roles = merge(s.roles, fd.src.roles, fd.replace)
	default:
		k := [...]TermKind{tStance: StanceTerm, tNegation: Negation, tHedges: Hedge, tIntensifiers: Intensifier}[t]
		s.terms[k] = merge(s.terms[k], fd.src.terms[k], fd.replace)
	}
}

func merge[E any](base, add []E, replace bool) []E {
	if replace {
		return add
	}
	return append(slices.Clip(base), add...)
}

// Name returns the canonical name of a party code ("Russia" for "RUS"),
// or "" when the gazetteer does not know the code.
func (l *Lexicon) Name(code string) string { return l.names[code] }
