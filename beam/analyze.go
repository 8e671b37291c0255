package parleybeam

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/parleylab/parley"
)

// Record is one output line with the input position it sorts by.
type Record struct {
	Path string // input file
	Line int    // input line (JSON Lines) or 0 (text file)
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

// analyzeDoc returns the record of d and its pairs. A document that cannot
// be analyzed gets an error record; err is returned only when a record
// cannot be encoded.
func analyzeDoc(a *parley.Analyzer, d Doc, warn func(id, msg string)) (Record, []parley.Pair, error) {
	rec := Record{Path: d.Path, Line: d.Line}
	raw := string(d.Raw)
	if d.Line <= 1 {
		raw = strings.TrimPrefix(raw, utf8BOM)
	}
	var ld lineDoc
	if d.Line == 0 {
		ld = lineDoc{ID: fileID(d.Path), Text: raw}
	} else {
		var rerr *parley.RecordError
		ld, rerr = parseLine([]byte(raw), d.Line)
		if rerr != nil {
			return encodeError(rec, ld.ID, *rerr)
		}
	}
	doc, err := a.Analyze(ld.ID, ld.Text)
	if err != nil {
		return encodeError(rec, ld.ID, parley.RecordError{Code: parley.ErrorCode(err), Message: err.Error()})
	}
	doc.Meta = ld.Meta
	for _, w := range doc.Warnings {
		warn(ld.ID, w)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return rec, nil, fmt.Errorf("parleybeam: encode %s: %w", ld.ID, err)
	}
	rec.JSON = string(b)
	return rec, doc.Pairs, nil
}

func encodeError(rec Record, id string, e parley.RecordError) (Record, []parley.Pair, error) {
	line := rec.Line
	if line == 0 {
		line = 1
	}
	b, err := json.Marshal(parley.ErrorRecord{Schema: parley.Schema, ID: id, Line: line, Error: e})
	if err != nil {
		return rec, nil, fmt.Errorf("parleybeam: encode error record %s: %w", id, err)
	}
	rec.JSON = string(b)
	rec.Error = e.Code
	return rec, nil, nil
}
