package parleybeam

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"

	"github.com/parleylab/parley"
)

// Input formats accepted by Options.Format.
const (
	FormatText  = "text"  // each file is one document
	FormatJSONL = "jsonl" // each line of each file is one {"id","text",...} document
)

// Pair matrix formats accepted by Options.PairsFormat.
const (
	PairsJSONL = "jsonl" // one parley/v1 pair object per line
	PairsCSV   = "csv"   // header source,target,score,positive,negative,n
)

// ErrOptions is wrapped by the errors Build returns for invalid Options.
var ErrOptions = errors.New("parleybeam: invalid options")

// Options configures the pipeline built by Build.
type Options struct {
	// Input is a file path or glob understood by Beam's filesystems
	// (local paths, gs://... with the gcs filesystem).
	Input string
	// Format is FormatText or FormatJSONL.
	Format string
	// Output is the parley/v1 JSON Lines file written, one record per
	// document, sorted by input position.
	Output string
	// Pairs is the party matrix file written; empty: none.
	Pairs string
	// PairsFormat is PairsJSONL or PairsCSV; empty: PairsCSV when Pairs
	// ends in ".csv", else PairsJSONL.
	PairsFormat string
	// Config is the analyzer configuration each worker builds its
	// Analyzer from. A LexiconDir must exist on every worker.
	Config parley.Config
}

// normalize fills the defaults and checks the options.
func (o *Options) normalize() error {
	if o.Input == "" {
		return fmt.Errorf("%w: no input", ErrOptions)
	}
	if o.Output == "" {
		return fmt.Errorf("%w: no output", ErrOptions)
	}
	switch o.Format {
	case "":
		o.Format = FormatText
	case FormatText, FormatJSONL:
	default:
		return fmt.Errorf("%w: format %q (want %s or %s)", ErrOptions, o.Format, FormatText, FormatJSONL)
	}
	switch o.PairsFormat {
	case "":
		o.PairsFormat = PairsJSONL
		if strings.EqualFold(path.Ext(o.Pairs), ".csv") {
			o.PairsFormat = PairsCSV
		}
	case PairsJSONL, PairsCSV:
	default:
		return fmt.Errorf("%w: pairs format %q (want %s or %s)", ErrOptions, o.PairsFormat, PairsJSONL, PairsCSV)
	}
	return nil
}

// Build adds the parley pipeline to scope s: read the documents of
// o.Input, analyze them, write the records to o.Output and, when o.Pairs is
// set, the corpus party matrix to o.Pairs. It fails only for invalid
// options (ErrOptions); errors reading or writing files surface when the
// pipeline runs.
func Build(s beam.Scope, o Options) error {
	if err := o.normalize(); err != nil {
		return err
	}
	s = s.Scope("parley")
	files := fileio.MatchFiles(s, o.Input)
	docs := beam.ParDo(s, &splitFn{Format: o.Format}, fileio.ReadMatches(s, files))
	// A JSON Lines file is split on one worker; spread its documents out.
	docs = beam.Reshuffle(s, docs)
	records, pairs := beam.ParDo2(s, &analyzeFn{Config: o.Config}, docs)
	beam.ParDo0(s, &writeRecordsFn{Path: o.Output}, beam.Impulse(s), beam.SideInput{Input: records})
	if o.Pairs != "" {
		sums := beam.CombinePerKey(s, &pairCombineFn{}, pairs)
		beam.ParDo0(s, &writePairsFn{Path: o.Pairs, Format: o.PairsFormat}, beam.Impulse(s), beam.SideInput{Input: sums})
	}
	return nil
}

// New returns a new pipeline built by Build.
func New(o Options) (*beam.Pipeline, error) {
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		return nil, err
	}
	return p, nil
}
