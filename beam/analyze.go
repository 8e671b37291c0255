package parleybeam

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/internal/jsonl"
)

// Record is one output line with the input position it sorts by.
type Record struct {
	Path string // input file
	Line int    // input line (JSON Lines) or 1 (text file)
	JSON string // the parley/v1 record or error record, without "\n"
	// Error is the error record's code; empty for a document record.
	Error string
}

// Counters reported by the runner.
var (
	docsCounter     = beam.NewCounter("parley", "documents")
	errorsCounter   = beam.NewCounter("parley", "error_records")
	warningsCounter = beam.NewCounter("parley", "warnings")
)

// analyzeFn analyzes documents with one Analyzer per DoFn instance.
type analyzeFn struct {
	Config parley.Config `json:"config"`

	a *parley.Analyzer
}

// Setup builds the worker's Analyzer.
func (fn *analyzeFn) Setup() error {
	a, err := parley.New(fn.Config)
	if err != nil {
		return fmt.Errorf("parleybeam: analyzer: %w", err)
	}
	fn.a = a
	return nil
}

// ProcessElement analyzes one document and emits its record and its
// document-level pairs, keyed by PairKey.
func (fn *analyzeFn) ProcessElement(ctx context.Context, d Doc, emitRecord func(Record), emitPair func(string, PairSum)) error {
	docsCounter.Inc(ctx, 1)
	rec, pairs, err := analyzeDoc(fn.a, d, func(id, w string) {
		warningsCounter.Inc(ctx, 1)
		log.Warnf(ctx, "parley: %s: %s", id, w)
	})
	if err != nil {
		return err
	}
	if rec.Error != "" {
		errorsCounter.Inc(ctx, 1)
	}
	emitRecord(rec)
	for _, p := range pairs {
		emitPair(PairKey(p.Source, p.Target), newPairSum(p))
	}
	return nil
}

// analyzeDoc returns the record of d and its pairs, as `parley analyze`
// makes them. A document that cannot be analyzed gets an error record (an
// "internal" one if the analyzer panics, as in the CLI); err is returned
// only when a record cannot be encoded.
func analyzeDoc(a *parley.Analyzer, d Doc, warn func(id, msg string)) (rec Record, pairs []parley.Pair, err error) {
	rec = Record{Path: d.Path, Line: d.Line}
	id := d.ID
	defer func() {
		if r := recover(); r != nil {
			rec, pairs, err = encodeError(rec, id, "internal", fmt.Sprintf("internal error: %v", r))
		}
	}()
	if d.ErrCode != "" {
		return encodeError(rec, id, d.ErrCode, d.ErrMessage)
	}
	text := string(d.Raw)
	var meta map[string]json.RawMessage
	if d.JSON {
		jd, err := jsonl.Parse(d.Raw)
		if jd.HasID {
			id = jd.ID
		}
		if err != nil {
			return encodeError(rec, id, jsonl.Code(err), err.Error())
		}
		if jd.Repaired {
			warn(id, "invalid UTF-8 replaced by U+FFFD")
		}
		text, meta = jd.Text, jd.Meta
	}
	doc, err := a.Analyze(id, text)
	if err != nil {
		return encodeError(rec, id, parley.ErrorCode(err), err.Error())
	}
	doc.Meta = meta
	for _, w := range doc.Warnings {
		warn(id, w)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return rec, nil, fmt.Errorf("parleybeam: encode %s: %w", id, err)
	}
	rec.JSON = string(b)
	return rec, doc.Pairs, nil
}

// encodeError returns rec as the error record of document id.
func encodeError(rec Record, id, code, message string) (Record, []parley.Pair, error) {
	b, err := json.Marshal(parley.ErrorRecord{Schema: parley.Schema, ID: id, Line: rec.Line,
		Error: parley.RecordError{Code: code, Message: message}})
	if err != nil {
		return rec, nil, fmt.Errorf("parleybeam: encode error record %s: %w", id, err)
	}
	rec.JSON = string(b)
	rec.Error = code
	return rec, nil, nil
}
