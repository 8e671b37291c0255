package parley

import "encoding/json"

// Schema is the value of the "schema" field of every document record.
const Schema = "parley/v1"

// Span is a span of the parley/v1 record: code-point offsets into the
// document text, end exclusive, and the text itself, so that in Python
// text[start:end] == span["text"].
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Range is a sentence of the record: code-point offsets without the text.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Source is an attribution's source in the record.
type Source struct {
	Span
	Kind     string   `json:"kind,omitempty"`     // person, organization, country, media, anonymous, pronoun
	Resolved string   `json:"resolved,omitempty"` // fullest name of the same person or body, without title
	Parties  []string `json:"parties"`            // sorted party codes; [] when none can be told
}

// Cue is an attribution's cue in the record.
type Cue struct {
	Span
	Lemma string `json:"lemma,omitempty"`
	Class string `json:"class,omitempty"` // report, assert, belief, agree, support, deny, reject, accuse, criticize
}

// Attribution is one attribution of the record.
type Attribution struct {
	ID         string  `json:"id"`       // a1, a2, ... in order of the cue's start
	Sentence   int     `json:"sentence"` // index into Sentences of the cue's sentence
	Type       string  `json:"type"`     // direct, indirect, mixed, according_to
	Source     *Source `json:"source"`   // null: no source in the text
	Cue        Cue     `json:"cue"`
	Content    Span    `json:"content"`
	Parent     *string `json:"parent"` // the enclosing attribution's id, or null
	Confidence float64 `json:"confidence"`
	Optional   bool    `json:"optional,omitempty"` // gold only: a careful annotator might skip it
}

// Evidence is one lexicon term behind a stance.
type Evidence struct {
	Span
	Term   string  `json:"term"`
	Class  string  `json:"class"`
	Weight float64 `json:"weight"`
}

// Stance is one directed relation between two parties stated in one sentence.
type Stance struct {
	Source      string     `json:"source"`
	Target      string     `json:"target"`
	Label       string     `json:"label"` // agree, support, deny, reject, accuse, criticize
	Score       float64    `json:"score"` // in [-1, 1]
	Negated     bool       `json:"negated"`
	Hedged      bool       `json:"hedged"`
	Sentence    int        `json:"sentence"`
	Attribution *string    `json:"attribution"` // null: stated by the narrator
	Evidence    []Evidence `json:"evidence"`
}

// Pair is the aggregate of a document's non-negated stances from Source to Target.
type Pair struct {
	Source   string  `json:"source"`
	Target   string  `json:"target"`
	Score    float64 `json:"score"` // mean score
	Positive int     `json:"positive"`
	Negative int     `json:"negative"`
	N        int     `json:"n"`
}

// RecordError is the "error" member of an error record.
type RecordError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Document is the parley/v1 record of one document: the analyzer's output
// and the gold format alike. An error record has only Schema, ID, Line and
// Error set (see ErrorRecord).
type Document struct {
	Schema         string                     `json:"schema"`
	ID             string                     `json:"id"`
	LexiconVersion string                     `json:"lexicon_version,omitempty"`
	Text           string                     `json:"text,omitempty"`
	Meta           map[string]json.RawMessage `json:"meta,omitempty"`
	Sentences      []Range                    `json:"sentences"`
	Attributions   []Attribution              `json:"attributions"`
	Stances        []Stance                   `json:"stances"`
	Pairs          []Pair                     `json:"pairs"`

	// Line and Error are set on error records only.
	Line  int          `json:"line,omitempty"`
	Error *RecordError `json:"error,omitempty"`

	// Warnings are notes for the person running the analysis ("invalid
	// UTF-8 repaired"); they are not part of the record.
	Warnings []string `json:"-"`
}

// ErrorRecord is the record written in place of a document that could not
// be analyzed, so that output line N still belongs to input line N.
type ErrorRecord struct {
	Schema string      `json:"schema"`
	ID     string      `json:"id"`
	Line   int         `json:"line"`
	Error  RecordError `json:"error"`
}
