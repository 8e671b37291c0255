package parleybeam

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	// Local files work out of the box; other filesystems (gs://, s3://)
	// are registered by importing their package, as cmd/parley-beam does.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"

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
	// Input is a file path or glob understood by Beam's registered
	// filesystems: local paths, and gs://... once the gcs filesystem is
	// imported. A literal path that matches nothing fails the run; a glob
	// that matches nothing gives empty outputs.
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
	for _, p := range []string{o.Input, o.Output, o.Pairs} {
		if err := checkScheme(p); err != nil {
			return err
		}
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

// checkScheme reports a path whose filesystem (gs://, s3://, ...) is not
// registered, which Beam's transforms would panic on.
func checkScheme(p string) (err error) {
	if p == "" {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrOptions, r)
		}
	}()
	filesystem.ValidateScheme(p)
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
	records, pairs := AnalyzeDocs(s, o.Config, ReadDocs(s, o.Input, o.Format, o.Config.MaxBytes))
	WriteSorted(s, o.Output, records)
	if o.Pairs != "" {
		WriteMatrix(s, o.Pairs, o.PairsFormat, CombinePairs(s, pairs))
	}
	return nil
}

// ReadDocs returns the documents of the files matching glob, read as
// format (FormatText or FormatJSONL) as the CLI reads them, as a
// PCollection<Doc>. maxBytes is the analyzer's size limit
// (parley.Config.MaxBytes): a larger text file, or a JSON line longer than
// 3*maxBytes + 64 KiB, is not kept and gets a too_large error record. A
// JSON Lines file is read by one worker; its documents are then reshuffled
// so that the analysis spreads over all workers.
func ReadDocs(s beam.Scope, glob, format string, maxBytes int) beam.PCollection {
	s = s.Scope("ReadDocs")
	files := fileio.MatchFiles(s, glob)
	docs := beam.ParDo(s, &splitFn{Format: format, MaxBytes: maxBytes}, fileio.ReadMatches(s, files))
	return beam.Reshuffle(s, docs)
}

// AnalyzeDocs analyzes a PCollection<Doc> with one Analyzer per worker,
// built from cfg. It returns the records (PCollection<Record>) and the
// document pairs keyed by PairKey (PCollection<KV<string, PairSum>>).
func AnalyzeDocs(s beam.Scope, cfg parley.Config, docs beam.PCollection) (records, pairs beam.PCollection) {
	s = s.Scope("AnalyzeDocs")
	return beam.ParDo2(s, &analyzeFn{Config: cfg}, docs)
}

// WriteSorted writes a PCollection<Record> to one file at path, sorted by
// input position, each record followed by "\n". The file is written even
// when there are no records.
func WriteSorted(s beam.Scope, path string, records beam.PCollection) {
	s = s.Scope("WriteSorted")
	beam.ParDo0(s, &writeRecordsFn{Path: path}, beam.Impulse(s), beam.SideInput{Input: records})
}

// CombinePairs sums a PCollection<KV<string, PairSum>> per pair key.
func CombinePairs(s beam.Scope, pairs beam.PCollection) beam.PCollection {
	s = s.Scope("CombinePairs")
	return beam.CombinePerKey(s, &pairCombineFn{}, pairs)
}

// WriteMatrix writes combined pairs (PCollection<KV<string, PairSum>>) to
// one file at path in format (PairsJSONL or PairsCSV), one corpus pair
// per line sorted by source and target.
func WriteMatrix(s beam.Scope, path, format string, sums beam.PCollection) {
	s = s.Scope("WriteMatrix")
	beam.ParDo0(s, &writePairsFn{Path: path, Format: format}, beam.Impulse(s), beam.SideInput{Input: sums})
}

// New returns a new pipeline built by Build.
func New(o Options) (*beam.Pipeline, error) {
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		return nil, err
	}
	return p, nil
}
