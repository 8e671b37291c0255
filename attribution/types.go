package attribution

import (
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// Type is the kind of attribution.
type Type uint8

// Attribution types; the string forms are those of the parley/v1 record.
const (
	Indirect    Type = iota // X said (that) P
	Direct                  // “Q,” X said
	Mixed                   // indirect content holding a partial quotation
	AccordingTo             // according to X, P
)

var typeNames = [...]string{"indirect", "direct", "mixed", "according_to"}

// String returns the record form of t: "direct", "indirect", "mixed" or "according_to".
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}

// SourceKind is what a source is.
type SourceKind uint8

// Source kinds; the string forms are those of the parley/v1 record.
const (
	Person SourceKind = iota
	Organization
	Country
	Media
	Anonymous
	Pronoun
)

var kindNames = [...]string{"person", "organization", "country", "media", "anonymous", "pronoun"}

// String returns the record form of k.
func (k SourceKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Cue is the attribution cue: its span, lemma and class.
type Cue struct {
	segment.Span
	Lemma string
	Class lexicon.Class
}

// Source is who the content is attributed to.
type Source struct {
	segment.Span
	Kind SourceKind
	// Resolved is the fullest name of the same person or body in the
	// document, without title ("Yuri Ushakov" for "Ushakov"); for a pronoun,
	// its antecedent's. Empty when nothing better than the span is known.
	Resolved string
	// Parties are the sorted party codes of the source; empty when none can be told.
	Parties []string
}

// Attribution is one claim and who made it. Offsets are bytes.
type Attribution struct {
	ID       string // "a1", "a2", ... in order of the cue's start
	Sentence int    // index of the cue's sentence in segment.Doc.Sentences
	Type     Type
	Source   *Source // nil: no source in the text ("it is said that ...")
	Cue      Cue
	Content  segment.Span
	// Parent is the ID of the enclosing attribution ("state media reported
	// that Xi said ..."), or "" for a top-level one.
	Parent     string
	Confidence float64 // in [0, 1]
}
