// Command parley-beam analyzes a corpus with parley as an Apache Beam
// pipeline and writes parley/v1 JSON Lines, sorted by input position, and
// optionally the corpus party matrix.
//
//	parley-beam --input 'corpus/*.txt' --output out.jsonl --pairs pairs.csv
//	parley-beam --input 'in/*.jsonl' --format jsonl --output out.jsonl --runner flink --endpoint localhost:8099
//
// --runner selects the Beam runner (default prism, in process); every flag
// of the Beam Go SDK's runners is accepted (--project, --region,
// --staging_location, --endpoint, --environment_type, ...). See
// beam/README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/beam"
)

// The flags live on flag.CommandLine beside the Beam SDK's own, because
// the SDK reads its options (and a worker its --worker flags) from there.
var (
	inputFlag       = flag.String("input", "", "input file or glob (local path, gs://...)")
	formatFlag      = flag.String("format", parleybeam.FormatText, "input format: text (one document per file) or jsonl (one per line)")
	outputFlag      = flag.String("output", "", "parley/v1 JSON Lines file to write")
	pairsFlag       = flag.String("pairs", "", "party matrix file to write (CSV if it ends in .csv, else JSON Lines); empty: none")
	pairsFormatFlag = flag.String("pairs-format", "", "party matrix format: jsonl or csv (default: from the --pairs extension)")
	textFlag        = flag.Bool("text", false, "echo the (repaired) document text in each record")
	lexiconFlag     = flag.String("lexicon", "", "directory of user lexicons extending the embedded ones (must exist on every worker)")
	maxBytesFlag    = flag.Int("max-bytes", parley.DefaultMaxBytes, "largest document analyzed, in bytes; larger ones get a too_large error record")
)

// ownFlags are the flags defined above, reset before each parse.
var ownFlags = []string{"input", "format", "output", "pairs", "pairs-format", "text", "lexicon", "max-bytes"}

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stderr)) }

// run parses args, builds the pipeline and runs it on the runner named by
// --runner. It returns 0 on success, 1 when the pipeline fails, and 2 for
// bad flags.
func run(ctx context.Context, args []string, stderr io.Writer) int {
	flag.CommandLine.Init("parley-beam", flag.ContinueOnError)
	flag.CommandLine.SetOutput(stderr)
	for _, name := range ownFlags {
		f := flag.Lookup(name)
		if err := f.Value.Set(f.DefValue); err != nil {
			panic(fmt.Sprintf("parley-beam: default of --%s: %v", name, err)) // programmer error
		}
	}
	if err := flag.CommandLine.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	// A worker binary started by a remote runner does its work here and exits.
	beam.Init()
	if flag.NArg() > 0 {
		fmt.Fprintf(stderr, "parley-beam: unexpected arguments %q (use --input)\n", flag.Args())
		return 2
	}
	cfg := parley.DefaultConfig()
	cfg.Text = *textFlag
	cfg.LexiconDir = *lexiconFlag
	cfg.MaxBytes = *maxBytesFlag
	p, err := parleybeam.New(parleybeam.Options{
		Input: *inputFlag, Format: *formatFlag, Output: *outputFlag,
		Pairs: *pairsFlag, PairsFormat: *pairsFormatFlag, Config: cfg,
	})
	if err != nil {
		fmt.Fprintf(stderr, "parley-beam: %v\n", err)
		return 2
	}
	if err := beamx.Run(ctx, p); err != nil {
		fmt.Fprintf(stderr, "parley-beam: %v\n", err)
		return 1
	}
	return 0
}
