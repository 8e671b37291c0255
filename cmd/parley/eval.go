package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/eval"
)

// evalSystems returns the systems 'parley eval' runs when it is given no
// prediction file: the analyzer with the default configuration and the
// claim-level model of package stance.
func evalSystems() eval.Systems {
	return eval.Systems{
		Analyze: func(id, text string) (*parley.Document, error) {
			a, err := defaultAnalyzer()
			if err != nil {
				return nil, err
			}
			return a.Analyze(id, text)
		},
		Claims: func(weights string) (eval.Predictor, error) {
			m, err := loadClaimModel(weights)
			if err != nil {
				return nil, err
			}
			return func(claim, text string) (string, error) {
				return m.Classify(claim, text).Label.String(), nil
			}, nil
		},
	}
}

// defaultAnalyzer builds the analyzer once.
var defaultAnalyzer = sync.OnceValues(func() (*parley.Analyzer, error) {
	return parley.New(parley.DefaultConfig())
})

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "run" {
		return runEvalSuite(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var ds eval.Dataset
	fs.StringVar(&ds.Format, "format", "parley", "gold format: parley, polnear, emergent, fnc1, plover or peer")
	fs.StringVar(&ds.Gold, "gold", "", "gold file (polnear: a split folder such as ../shared/data/polnear/dev; fnc1: the stances CSV)")
	fs.StringVar(&ds.Bodies, "bodies", "", "fnc1: the bodies CSV (default: the stances file's name with 'stances' replaced by 'bodies')")
	fs.StringVar(&ds.Metadata, "metadata", "", "polnear: metadata.tsv (default: next to the split folder)")
	fs.StringVar(&ds.Pred, "pred", "", "prediction file (parley/v1 JSON Lines; emergent/fnc1: claim records or CSV); default: run parley")
	fs.StringVar(&ds.Compare, "compare", "", "a second prediction file, compared with --pred (paired test)")
	fs.StringVar(&ds.Weights, "weights", "", "emergent/fnc1: claim-model weights from 'parley fit' (default: embedded)")
	asJSON := fs.Bool("json", false, "print the metrics as JSON")
	seed := fs.Uint64("seed", 1, "bootstrap seed")
	boot := fs.Int("boot", 1000, "bootstrap resamples (0: no intervals)")
	theta := fs.Float64("theta", eval.DefaultTheta, "token Jaccard threshold of the overlap match")
	workers := fs.Int("workers", 0, "analyzer workers (0: one per CPU)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parley eval --format parley|polnear|emergent|fnc1|plover|peer --gold PATH [--pred PATH] [--compare PRED2] [--json] [--seed N] [--boot N]\n       parley eval run SUITE.json [--out DIR]\n\nScores predictions (or parley itself) against gold data.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if ds.Gold == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if ds.Format == "fnc" {
		ds.Format = eval.FormatFNC
	}
	if ds.Format == eval.FormatFNC && ds.Bodies == "" {
		dir, base := filepath.Split(ds.Gold)
		ds.Bodies = filepath.Join(dir, strings.Replace(base, "stances", "bodies", 1))
	}
	ds.Name = ds.Format
	cfg := eval.Config{Seed: *seed, Boot: *boot, Theta: *theta, Workers: *workers, Log: stderr}
	res, err := eval.Evaluate(ds, evalSystems(), cfg)
	if err != nil {
		fmt.Fprintln(stderr, "parley eval:", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(res)
	} else {
		err = res.WriteMarkdown(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "parley eval:", err)
		return 1
	}
	return 0
}

// runEvalSuite runs 'parley eval run SUITE.json'.
func runEvalSuite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "report folder (default: report/ beside the suite file)")
	workers := fs.Int("workers", 0, "analyzer workers (0: one per CPU)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parley eval run SUITE.json [--out DIR]\n\nScores every dataset of the suite and writes metrics.json, report.md and confusion matrices.")
		fs.PrintDefaults()
	}
	// The suite file may come before or after the flags.
	var files []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != 1 {
		fs.Usage()
		return 2
	}
	s, err := eval.ReadSuite(files[0])
	if err != nil {
		fmt.Fprintln(stderr, "parley eval run:", err)
		return 1
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join(filepath.Dir(files[0]), "report")
	}
	if _, err := eval.RunSuite(s, evalSystems(), eval.Config{Workers: *workers, Log: stderr}, dir); err != nil {
		fmt.Fprintln(stderr, "parley eval run:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(dir, "report.md"))
	return 0
}
