package parley

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/internal/pooled"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
	"github.com/parleylab/parley/stance"
)

// Version is the version of the library and the tool (semantic
// versioning; see CHANGELOG.md).
const Version = "0.1.0"

// DefaultMaxBytes is the default per-document size limit: 10 MiB.
const DefaultMaxBytes = 10 << 20

// Config holds the analyzer's knobs that are also CLI flags.
type Config struct {
	// LexiconDir names a directory of user lexicon files that extend (or,
	// with a "mode: replace" header, replace) the embedded ones. Empty: the
	// embedded lexicons only.
	LexiconDir string `json:"lexicon_dir,omitempty"`
	// MaxBytes is the largest document analyzed, in bytes; larger ones fail
	// with ErrTooLarge. Zero or less means DefaultMaxBytes.
	MaxBytes int `json:"max_bytes,omitempty"`
	// Text echoes the (repaired) document text in the record.
	Text bool `json:"text,omitempty"`
}

// DefaultConfig returns the configuration the CLI starts from.
func DefaultConfig() Config { return Config{MaxBytes: DefaultMaxBytes} }

// Errors returned by Analyze for documents that cannot be analyzed. The
// CLI writes them as error records with the code given by ErrorCode.
var (
	ErrTooLarge = errors.New("parley: document exceeds the size limit")
	ErrBinary   = errors.New("parley: document looks binary (contains a NUL byte)")
)

// ErrorCode returns the error-record code for an error returned by Analyze:
// "too_large", "binary", or "internal".
func ErrorCode(err error) string {
	switch {
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrBinary):
		return "binary"
	}
	return "internal"
}

// Analyzer runs the passes in order: segmentation, attribution, stance.
// An Analyzer is safe for concurrent use.
type Analyzer struct {
	lex *lexicon.Lexicon
	cfg Config
}

// New returns an Analyzer with the embedded lexicons, extended by
// cfg.LexiconDir when it is set.
func New(cfg Config) (*Analyzer, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	if cfg.LexiconDir != "" {
		lex, err = lex.Extend(os.DirFS(cfg.LexiconDir))
		if err != nil {
			return nil, err
		}
	}
	return NewWithLexicon(lex, cfg), nil
}

// NewWithLexicon returns an Analyzer that uses lex as it is.
func NewWithLexicon(lex *lexicon.Lexicon, cfg Config) *Analyzer {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	return &Analyzer{lex: lex, cfg: cfg}
}

// Lexicon returns the analyzer's lexicon.
func (a *Analyzer) Lexicon() *lexicon.Lexicon { return a.lex }

// Analysis is the analyzer's result in library form: byte offsets into
// Text, the segmented document, and the typed results of each pass.
type Analysis struct {
	Text         string // the analyzed text, with invalid UTF-8 repaired
	Doc          *segment.Doc
	Attributions []attribution.Attribution
	Relations    []stance.Relation
	Pairs        []stance.Pair
	Repaired     bool // invalid UTF-8 was replaced by U+FFFD
}

// Run analyzes text and returns the typed result with byte offsets. It
// never panics on input; it fails only for the errors listed with
// ErrorCode.
func (a *Analyzer) Run(text string) (*Analysis, error) { return a.run(text, &docBufs{}) }

// docBufs are the arrays of a document that its record does not hold:
// the segmented document and its lexicon matches. Analyze recycles them.
type docBufs struct {
	parser segment.Parser
	ann    lexicon.Annotations
	record recordMem // for AnalyzeFunc
}

// run is Run with the segmented document and the lexicon matches stored
// in the arrays of buf when they have room (see segment.Parser and
// lexicon.AnnotateSentencesReusing).
func (a *Analyzer) run(text string, buf *docBufs) (*Analysis, error) {
	if len(text) > a.cfg.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes > %d", ErrTooLarge, len(text), a.cfg.MaxBytes)
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, ErrBinary
	}
	res := &Analysis{Text: text}
	if !utf8.ValidString(text) {
		res.Text = strings.ToValidUTF8(text, "\uFFFD")
		res.Repaired = true
	}
	res.Doc = buf.parser.Parse(res.Text)
	// The lexicons are matched once and shared by both passes.
	ann := &buf.ann
	a.lex.AnnotateSentencesReusing(ann, res.Doc.Tokens, res.Doc.Sentences)
	res.Attributions = attribution.ExtractAnnotated(res.Doc, a.lex, ann)
	res.Relations = stance.ScoreAnnotated(res.Doc, res.Attributions, a.lex, ann)
	res.Pairs = stance.Aggregate(res.Relations)
	return res, nil
}

// bufs recycles the docBufs of the documents Analyze is done with, the
// largest allocations per document: a record holds no token and no
// match, so the arrays are free once the record is built. The arrays of a
// document of more than pooled.MaxTokens tokens are left to the garbage
// collector.
var bufs = sync.Pool{New: func() any { return new(docBufs) }}

// Analyze analyzes text and returns its parley/v1 record with id.
func (a *Analyzer) Analyze(id, text string) (*Document, error) {
	bp := bufs.Get().(*docBufs)
	res, err := a.run(text, bp)
	if err != nil {
		bufs.Put(bp)
		return nil, err
	}
	doc := res.Record(id, a.lex.Version)
	if a.cfg.Text {
		doc.Text = res.Text
	}
	if cap(res.Doc.Tokens) <= pooled.MaxTokens {
		bufs.Put(bp)
	}
	return doc, nil
}

// AnalyzeFunc is Analyze for a caller that uses each record at once, such
// as an encoder that writes it out: it calls fn with the record of text
// and afterwards reuses the record's memory for later documents, so fn
// must not keep the record, or any slice or pointer in it, once it
// returns. It returns Analyze's error, without calling fn, or fn's.
func (a *Analyzer) AnalyzeFunc(id, text string, fn func(*Document) error) error {
	bp := bufs.Get().(*docBufs)
	res, err := a.run(text, bp)
	if err != nil {
		bufs.Put(bp)
		return err
	}
	doc := &bp.record.doc
	res.recordInto(doc, id, a.lex.Version, &bp.record)
	if a.cfg.Text {
		doc.Text = res.Text
	}
	err = fn(doc)
	if cap(res.Doc.Tokens) <= pooled.MaxTokens {
		*doc = Document{}
		bufs.Put(bp)
	}
	return err
}
