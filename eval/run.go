package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/parleylab/parley"
)

// Formats of gold data understood by Evaluate.
const (
	FormatParley   = "parley"
	FormatPolNeAR  = "polnear"
	FormatEmergent = "emergent"
	FormatFNC      = "fnc1"
	FormatPlover   = "plover"
	FormatPeer     = "peer"
)

// AnalyzeFunc analyzes one text: (*parley.Analyzer).Analyze fits.
type AnalyzeFunc func(id, text string) (*parley.Document, error)

// Systems are the systems Evaluate runs when a dataset has no prediction
// file. Either may be nil when no dataset needs it.
type Systems struct {
	Analyze AnalyzeFunc
	// Claims returns the claim-level predictor with the weights file
	// named (empty: the default weights).
	Claims func(weights string) (Predictor, error)
}

// Dataset is one gold data set to score, as declared in a suite file.
type Dataset struct {
	Name     string `json:"name"`
	Format   string `json:"format"`             // parley, polnear, emergent, fnc1, plover, peer
	Gold     string `json:"gold"`               // gold file; polnear: the corpus folder (or a split folder when split is empty); fnc1: the stances file
	Bodies   string `json:"bodies,omitempty"`   // fnc1: the bodies file
	Metadata string `json:"metadata,omitempty"` // polnear: metadata.tsv (default: gold/metadata.tsv, or next to the split folder)
	Split    string `json:"split,omitempty"`    // polnear: the split folder under gold (dev, test); other formats: a label
	Weights  string `json:"weights,omitempty"`  // emergent, fnc1: claim-model weights written by 'parley fit' (default: embedded)
	Pred     string `json:"pred,omitempty"`     // a prediction file; empty: run the system
	Compare  string `json:"compare,omitempty"`  // a second prediction file compared with the first (paired)
	// Anchors are published or reference numbers shown beside parley's in
	// the suite report's summary.
	Anchors []Anchor `json:"anchors,omitempty"`
}

// Anchor is a reference number for a dataset: a published system's
// result on one headline metric of the summary ("source F1", "accuracy",
// "FNC score", "relation F1"), in percent.
type Anchor struct {
	System string  `json:"system"`
	Metric string  `json:"metric"`
	Value  float64 `json:"value"`
}

// Config holds the settings of a run.
type Config struct {
	Seed    uint64    // bootstrap seed (rand.NewPCG(seed, seed))
	Boot    int       // bootstrap resamples; 0: no intervals
	Theta   float64   // Jaccard threshold; 0 or less: DefaultTheta
	Workers int       // analyzer workers; 0 or less: one per CPU
	Log     io.Writer // progress messages; nil: none
}

func (c Config) logf(format string, args ...any) {
	if c.Log != nil {
		fmt.Fprintf(c.Log, format+"\n", args...)
	}
}

// rng returns a fresh random source for the bootstrap of one metric, so
// every metric's interval depends on the seed only.
func (c Config) rng() rand.Source { return rand.NewPCG(c.Seed, c.Seed) }

// Evaluate scores one dataset and returns its result.
func Evaluate(ds Dataset, sys Systems, cfg Config) (*Result, error) {
	switch ds.Format {
	case FormatParley, FormatPolNeAR:
		return evalAttributions(ds, sys, cfg)
	case FormatEmergent, FormatFNC:
		return evalClaims(ds, sys, cfg)
	case FormatPlover:
		return evalPlover(ds, sys, cfg)
	case FormatPeer:
		return evalPeer(ds, sys, cfg)
	}
	return nil, fmt.Errorf("eval: %s: unknown format %q", ds.Name, ds.Format)
}

// ReadDatasetGold reads the gold documents of a parley or polnear dataset.
func ReadDatasetGold(ds Dataset) ([]parley.Document, error) {
	if ds.Format == FormatParley {
		return ReadGold(ds.Gold)
	}
	dir, meta := ds.Gold, ds.Metadata
	if ds.Split != "" {
		dir = filepath.Join(ds.Gold, ds.Split)
		if meta == "" {
			meta = filepath.Join(ds.Gold, "metadata.tsv")
		}
	}
	if meta == "" {
		meta = filepath.Join(filepath.Dir(filepath.Clean(dir)), "metadata.tsv")
	}
	return ReadPolNeAR(dir, meta)
}

// AnalyzeAll runs analyze over the texts with a pool of workers (0 or
// less: one per CPU); results are in input order whatever the schedule.
// A document that fails, or on which analyze panics, becomes an error
// record (code "panic" for a panic).
func AnalyzeAll(ids, texts []string, analyze AnalyzeFunc, workers int) []*parley.Document {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]*parley.Document, len(texts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(len(texts), 1)) {
		wg.Go(func() {
			for i := range next {
				out[i] = analyzeOne(ids[i], texts[i], i+1, analyze)
			}
		})
	}
	for i := range texts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// analyzeOne analyzes one text; a failure, or a panic of the analyzer
// (a bug the evaluation reports instead of dying), becomes an error
// record.
func analyzeOne(id, text string, line int, analyze AnalyzeFunc) (d *parley.Document) {
	defer func() {
		if r := recover(); r != nil {
			d = &parley.Document{Schema: parley.Schema, ID: id, Line: line, Error: &parley.RecordError{Code: "panic", Message: fmt.Sprint(r)}}
		}
	}()
	d, err := analyze(id, text)
	if err != nil {
		return &parley.Document{Schema: parley.Schema, ID: id, Line: line, Error: &parley.RecordError{Code: parley.ErrorCode(err), Message: err.Error()}}
	}
	return d
}

// predictDocs returns the predicted document for each gold document: read
// from path (joined by id; a missing one is nil) or, without a path, by
// analyzing the gold texts.
func predictDocs(gold []parley.Document, path string, sys Systems, cfg Config) ([]*parley.Document, error) {
	out := make([]*parley.Document, len(gold))
	if path == "" {
		if sys.Analyze == nil {
			return nil, fmt.Errorf("eval: no prediction file and no analyzer")
		}
		ids, texts := make([]string, len(gold)), make([]string, len(gold))
		for i, g := range gold {
			ids[i], texts[i] = g.ID, g.Text
		}
		cfg.logf("analyzing %d documents", len(gold))
		return AnalyzeAll(ids, texts, sys.Analyze, cfg.Workers), nil
	}
	preds, err := ReadPredictions(path)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*parley.Document, len(preds))
	for i := range preds {
		byID[preds[i].ID] = &preds[i]
	}
	missing := 0
	for i, g := range gold {
		out[i] = byID[g.ID]
		if out[i] == nil {
			missing++
		}
	}
	if missing > 0 {
		cfg.logf("%s: no prediction for %d of %d gold documents (scored as predicting nothing)", path, missing, len(gold))
	}
	return out, nil
}

// evalAttributions scores a parley/v1 or PolNeAR dataset.
func evalAttributions(ds Dataset, sys Systems, cfg Config) (*Result, error) {
	gold, err := ReadDatasetGold(ds)
	if err != nil {
		return nil, err
	}
	opt := Options{Theta: cfg.Theta, PolNeAR: ds.Format == FormatPolNeAR}
	score := func(path string) ([]DocScore, int, error) {
		preds, err := predictDocs(gold, path, sys, cfg)
		if err != nil {
			return nil, 0, err
		}
		scores := make([]DocScore, len(gold))
		failed := 0
		for i := range gold {
			p := preds[i]
			if p != nil && p.Error != nil {
				if failed == 0 {
					cfg.logf("%s: %s: %s", p.ID, p.Error.Code, p.Error.Message)
				}
				failed++
				p = nil
			}
			scores[i] = ScoreDocument(&gold[i], p, opt)
		}
		return scores, failed, nil
	}
	scores, failed, err := score(ds.Pred)
	if err != nil {
		return nil, err
	}
	res := newResult(ds, cfg, len(gold))
	res.Failed = failed
	relations := ds.Format == FormatParley // PolNeAR annotates no stances
	res.addAttributions(scores, cfg, relations)
	if ds.Compare != "" {
		other, _, err := score(ds.Compare)
		if err != nil {
			return nil, err
		}
		res.Comparisons = map[string]Comparison{}
		for t := range numTypes {
			t := t
			f := func(s []DocScore) float64 { return Sum(s).Spans[Exact][t].F1() }
			res.Comparisons["exact_"+t.String()+"_f1"] = Compare(scores, other, f, cfg.Boot, cfg.rng())
		}
		if relations {
			f := func(s []DocScore) float64 { return Sum(s).Relations.F1() }
			res.Comparisons["relations_f1"] = Compare(scores, other, f, cfg.Boot, cfg.rng())
		}
	}
	return res, nil
}

// evalPlover scores stance relations on the PLOVER sentences.
func evalPlover(ds Dataset, sys Systems, cfg Config) (*Result, error) {
	items, err := ReadPlover(ds.Gold)
	if err != nil {
		return nil, err
	}
	var gold []parley.Document
	var triples [][]Triple
	for _, it := range items {
		tr := PloverTriples(it)
		if len(tr) == 0 {
			continue
		}
		gold = append(gold, parley.Document{Schema: parley.Schema, ID: it.ID, Text: it.Text})
		triples = append(triples, tr)
	}
	score := func(path string) ([]DocScore, error) {
		preds, err := predictDocs(gold, path, sys, cfg)
		if err != nil {
			return nil, err
		}
		scores := make([]DocScore, len(gold))
		for i, p := range preds {
			var pt []Triple
			if p != nil && p.Error == nil {
				pt = StanceTriples(p.Stances)
			}
			scores[i] = DocScore{ID: gold[i].ID, Relations: CompareTriples(triples[i], pt), Pairs: ComparePairs(triples[i], pt)}
		}
		return scores, nil
	}
	scores, err := score(ds.Pred)
	if err != nil {
		return nil, err
	}
	res := newResult(ds, cfg, len(gold))
	res.addRelations(scores, cfg)
	if ds.Compare != "" {
		other, err := score(ds.Compare)
		if err != nil {
			return nil, err
		}
		f := func(s []DocScore) float64 { return Sum(s).Relations.F1() }
		res.Comparisons = map[string]Comparison{"relations_f1": Compare(scores, other, f, cfg.Boot, cfg.rng())}
	}
	return res, nil
}

// evalClaims scores claim-level stance on Emergent or FNC-1.
func evalClaims(ds Dataset, sys Systems, cfg Config) (*Result, error) {
	var items []ClaimItem
	var err error
	if ds.Format == FormatFNC {
		items, err = ReadFNC(ds.Gold, ds.Bodies)
	} else {
		items, err = ReadEmergent(ds.Gold)
	}
	if err != nil {
		return nil, err
	}
	score := func(path string) ([]ClaimScore, error) {
		if path != "" {
			preds, err := ReadClaimPredictions(path)
			if err != nil {
				return nil, err
			}
			return JoinClaims(items, preds)
		}
		if sys.Claims == nil {
			return nil, fmt.Errorf("eval: %s: no prediction file and no claim model", ds.Name)
		}
		pred, err := sys.Claims(ds.Weights)
		if err != nil {
			return nil, err
		}
		cfg.logf("classifying %d claim items", len(items))
		return PredictClaims(items, pred, cfg.Workers)
	}
	scores, err := score(ds.Pred)
	if err != nil {
		return nil, err
	}
	res := newResult(ds, cfg, len(items))
	res.addClaims(scores, ds.Format == FormatFNC, cfg)
	if ds.Compare != "" {
		other, err := score(ds.Compare)
		if err != nil {
			return nil, err
		}
		labels := GoldLabels(scores)
		res.Comparisons = map[string]Comparison{
			"accuracy": Compare(scores, other, Accuracy, cfg.Boot, cfg.rng()),
			"macro_f1": Compare(scores, other, func(s []ClaimScore) float64 { return MacroF1(s, labels) }, cfg.Boot, cfg.rng()),
		}
		if ds.Format == FormatFNC {
			res.Comparisons["fnc_score"] = Compare(scores, other, FNCPercent, cfg.Boot, cfg.rng())
		}
	}
	return res, nil
}

// Num is a float that encodes NaN and infinities as JSON null.
type Num float64

// MarshalJSON encodes n, or null when it is not finite.
func (n Num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

// MarshalJSON encodes the interval with null for undefined bounds.
func (iv Interval) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Value Num `json:"value"`
		Lo    Num `json:"lo"`
		Hi    Num `json:"hi"`
		N     int `json:"n"`
	}{Num(iv.Value), Num(iv.Lo), Num(iv.Hi), iv.N})
}

// MarshalJSON encodes the comparison with null for undefined values.
func (c Comparison) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		A     Num      `json:"a"`
		B     Num      `json:"b"`
		Diff  Interval `json:"diff"`
		P     Num      `json:"p"`
		Trial int      `json:"trials"`
	}{Num(c.A), Num(c.B), c.Diff, Num(c.P), c.Trial})
}
