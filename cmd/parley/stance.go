package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/eval"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/stance"
)

// claimRecord is the parley/v1-claim record.
type claimRecord struct {
	Schema   string             `json:"schema"`
	ID       string             `json:"id"`
	Claim    string             `json:"claim"`
	Label    string             `json:"label"`
	Score    float64            `json:"score"`
	Scores   map[string]float64 `json:"scores"`
	Evidence []parley.Evidence  `json:"evidence"`
}

// claimInput is one text to classify.
type claimInput struct {
	id, text, claim string
}

func runClaim(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("claim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	claim := fs.String("claim", "", "the claim (required unless each JSON line has a \"claim\" field)")
	weights := fs.String("weights", "", "weights file written by 'parley fit' (default: the embedded weights)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parley claim --claim TEXT [--weights FILE] [FILE.txt|FILE.jsonl ...]\n\nWrites one parley/v1-claim record per text (standard input when no file is given).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	m, err := loadClaimModel(*weights)
	if err != nil {
		fmt.Fprintln(stderr, "parley claim:", err)
		return 1
	}
	inputs, err := readClaimInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintln(stderr, "parley claim:", err)
		return 1
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	for _, in := range inputs {
		c := in.claim
		if c == "" {
			c = *claim
		}
		if c == "" {
			fmt.Fprintf(stderr, "parley claim: %s: no claim (use --claim)\n", in.id)
			return 2
		}
		if err := enc.Encode(claimRecordOf(in.id, c, in.text, m.Classify(c, in.text))); err != nil {
			fmt.Fprintln(stderr, "parley claim:", err)
			return 1
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(stderr, "parley claim:", err)
		return 1
	}
	return 0
}

func loadClaimModel(path string) (*stance.ClaimModel, error) {
	if path == "" {
		return stance.DefaultClaimModel()
	}
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return stance.LoadClaimModel(f, lex)
}

func claimRecordOf(id, claim, text string, r stance.ClaimResult) claimRecord {
	rec := claimRecord{Schema: "parley/v1-claim", ID: id, Claim: claim, Label: r.Label.String(),
		Score: r.Score, Scores: map[string]float64{}, Evidence: []parley.Evidence{}}
	for k, p := range r.Scores {
		rec.Scores[stance.ClaimLabel(k).String()] = p
	}
	for _, e := range r.Evidence {
		rec.Evidence = append(rec.Evidence, parley.Evidence{
			Span: parley.Span{Start: utf8.RuneCountInString(text[:e.Start]),
				End: utf8.RuneCountInString(text[:e.End]), Text: text[e.Start:e.End]},
			Term: e.Term, Class: e.Class, Weight: e.Weight})
	}
	return rec
}

// readClaimInputs reads the texts to classify: .jsonl files give one text
// per line (fields id, text and optionally claim; id defaults to line-N),
// other files one text each (id: base name without extension), no file
// standard input as one text with id "stdin".
func readClaimInputs(paths []string, stdin io.Reader) ([]claimInput, error) {
	if len(paths) == 0 {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return nil, err
		}
		return []claimInput{{id: "stdin", text: strings.ToValidUTF8(string(b), "\uFFFD")}}, nil
	}
	var out []claimInput
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if !strings.HasSuffix(p, ".jsonl") {
			id := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			out = append(out, claimInput{id: id, text: strings.ToValidUTF8(string(b), "\uFFFD")})
			continue
		}
		for n, line := range strings.Split(string(b), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			var v struct {
				ID    *string `json:"id"`
				Text  *string `json:"text"`
				Claim string  `json:"claim"`
			}
			if err := json.Unmarshal([]byte(line), &v); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", p, n+1, err)
			}
			if v.Text == nil {
				return nil, fmt.Errorf("%s:%d: no \"text\" field", p, n+1)
			}
			in := claimInput{id: "line-" + strconv.Itoa(n+1), text: strings.ToValidUTF8(*v.Text, "\uFFFD"), claim: v.Claim}
			if v.ID != nil {
				in.id = *v.ID
			}
			out = append(out, in)
		}
	}
	return out, nil
}

func runFit(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "emergent", "training data format: emergent or fnc1")
	gold := fs.String("gold", "", "training file (Emergent CSV, or FNC-1 stances CSV)")
	bodies := fs.String("bodies", "", "FNC-1 bodies CSV (format fnc1)")
	outPath := fs.String("o", "", "write the weights as JSON to this file")
	opts := stance.DefaultFitOptions()
	lambdas := fs.String("lambda", strconv.FormatFloat(opts.Lambda, 'g', -1, 64),
		"L2 penalty; a comma-separated list is chosen from by claim-grouped cross-validation")
	folds := fs.Int("cv", 10, "folds of the claim-grouped cross-validation (with several lambdas)")
	fs.Float64Var(&opts.Unrelated, "unrelated", opts.Unrelated, "mean number of synthetic unrelated pairs per example")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parley fit --format emergent --gold TRAIN.csv [-o weights.json] [--lambda L[,L...]]\n\nFits the claim-level stance weights and prints them as a table.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *gold == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	var items []eval.ClaimItem
	var err error
	switch *format {
	case "emergent":
		items, err = eval.ReadEmergent(*gold)
	case "fnc1", "fnc":
		items, err = eval.ReadFNC(*gold, *bodies)
	default:
		fmt.Fprintf(stderr, "parley fit: unknown format %q\n", *format)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "parley fit:", err)
		return 1
	}
	examples, err := claimExamples(items)
	if err != nil {
		fmt.Fprintln(stderr, "parley fit:", err)
		return 1
	}
	var ls []float64
	for _, s := range strings.Split(*lambdas, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || v < 0 || math.IsNaN(v) {
			fmt.Fprintf(stderr, "parley fit: bad lambda %q\n", s)
			return 2
		}
		ls = append(ls, v)
	}
	opts.Lambda = ls[0]
	if len(ls) > 1 {
		best := -1.0
		for _, l := range ls {
			o := opts
			o.Lambda = l
			acc, err := stance.CrossValidate(examples, o, *folds)
			if err != nil {
				fmt.Fprintln(stderr, "parley fit:", err)
				return 1
			}
			fmt.Fprintf(stderr, "lambda %g: %d-fold claim-grouped CV accuracy %.4f\n", l, *folds, acc)
			if acc > best {
				best, opts.Lambda = acc, l
			}
		}
		fmt.Fprintf(stderr, "chosen lambda %g\n", opts.Lambda)
	}
	w, err := stance.Fit(examples, opts)
	if err != nil {
		fmt.Fprintln(stderr, "parley fit:", err)
		return 1
	}
	if *outPath != "" {
		if err := writeWeights(*outPath, w); err != nil {
			fmt.Fprintln(stderr, "parley fit:", err)
			return 1
		}
	}
	if err := w.WriteTable(stdout); err != nil {
		fmt.Fprintln(stderr, "parley fit:", err)
		return 1
	}
	return 0
}

func writeWeights(path string, w *stance.Weights) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return w.WriteJSON(f)
}

// claimExamples converts the eval readers' items to training examples.
func claimExamples(items []eval.ClaimItem) ([]stance.Example, error) {
	out := make([]stance.Example, len(items))
	for i, it := range items {
		l, err := stance.ParseClaimLabel(it.Label)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", it.Line, err)
		}
		out[i] = stance.Example{Claim: it.Claim, Text: it.Text, Label: l, Group: it.Group}
	}
	return out, nil
}

func runPairs(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pairs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "csv", "output format: csv (one row per source-target cell with relations) or json (the matrices)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parley pairs [--format csv|json] [FILE.jsonl ...]\n\nAggregates the pairs of analyzed parley/v1 documents (standard input when no file is given) into a party-by-party matrix.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *format != "csv" && *format != "json" {
		fmt.Fprintf(stderr, "parley pairs: unknown format %q\n", *format)
		return 2
	}
	var pairs []stance.Pair
	read := func(name string, r io.Reader) error {
		ps, err := readPairs(name, r)
		pairs = append(pairs, ps...)
		return err
	}
	var err error
	if fs.NArg() == 0 {
		err = read("stdin", stdin)
	}
	for _, p := range fs.Args() {
		f, oerr := os.Open(p)
		if oerr != nil {
			err = oerr
			break
		}
		err = read(p, f)
		f.Close()
		if err != nil {
			break
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "parley pairs:", err)
		return 1
	}
	var parties []string
	for _, p := range pairs {
		parties = append(parties, p.Source, p.Target)
	}
	m := stance.NewMatrix(parties)
	for _, p := range pairs {
		if err := m.Add(p); err != nil {
			fmt.Fprintln(stderr, "parley pairs:", err)
			return 1
		}
	}
	if *format == "json" {
		err = writeMatrixJSON(stdout, m)
	} else {
		err = writeMatrixCSV(stdout, m)
	}
	if err != nil {
		fmt.Fprintln(stderr, "parley pairs:", err)
		return 1
	}
	return 0
}

// readPairs reads the pairs of parley/v1 JSON Lines, skipping error records.
func readPairs(name string, r io.Reader) ([]stance.Pair, error) {
	var out []stance.Pair
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		var d parley.Document
		if err := json.Unmarshal(line, &d); err != nil {
			return out, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if d.Error != nil {
			continue
		}
		if d.Schema != parley.Schema {
			return out, fmt.Errorf("%s:%d: schema %q, want %q", name, n, d.Schema, parley.Schema)
		}
		for _, p := range d.Pairs {
			if p.N <= 0 || math.IsNaN(p.Score) || math.IsInf(p.Score, 0) {
				return out, fmt.Errorf("%s:%d: bad pair %s->%s", name, n, p.Source, p.Target)
			}
			out = append(out, stance.Pair{Source: p.Source, Target: p.Target, Score: p.Score,
				Positive: p.Positive, Negative: p.Negative, N: p.N})
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

func writeMatrixCSV(w io.Writer, m *stance.Matrix) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"source", "target", "n", "positive", "negative", "mean"}); err != nil {
		return err
	}
	for i, s := range m.Parties {
		for j, t := range m.Parties {
			mean, ok := m.Mean(i, j)
			if !ok {
				continue
			}
			rec := []string{s, t, ftoa(m.Count.At(i, j)), ftoa(m.Positive.At(i, j)),
				ftoa(m.Negative.At(i, j)), strconv.FormatFloat(mean, 'f', 4, 64)}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func writeMatrixJSON(w io.Writer, m *stance.Matrix) error {
	n := len(m.Parties)
	v := struct {
		Parties  []string     `json:"parties"`
		Count    [][]float64  `json:"count"`
		Positive [][]float64  `json:"positive"`
		Negative [][]float64  `json:"negative"`
		Mean     [][]*float64 `json:"mean"` // null where count is 0
	}{Parties: m.Parties}
	if v.Parties == nil {
		v.Parties = []string{}
	}
	for i := range n {
		cr, pr, nr, mr := make([]float64, n), make([]float64, n), make([]float64, n), make([]*float64, n)
		for j := range n {
			cr[j], pr[j], nr[j] = m.Count.At(i, j), m.Positive.At(i, j), m.Negative.At(i, j)
			if mean, ok := m.Mean(i, j); ok {
				mr[j] = &mean
			}
		}
		v.Count, v.Positive, v.Negative, v.Mean = append(v.Count, cr), append(v.Positive, pr),
			append(v.Negative, nr), append(v.Mean, mr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return errors.Join(errors.New("writing matrix"), err)
	}
	return nil
}
