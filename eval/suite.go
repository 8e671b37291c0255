package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Suite is a declared list of datasets scored together by RunSuite
// (the suite file's fields are described in the package documentation).
type Suite struct {
	// Root is the folder the datasets' paths are relative to: absolute,
	// or relative to the suite file's folder ("" = that folder).
	Root     string    `json:"root,omitempty"`
	Seed     uint64    `json:"seed"`            // bootstrap seed
	Boot     int       `json:"boot"`            // bootstrap resamples
	Theta    float64   `json:"theta,omitempty"` // Jaccard threshold (default 0.5)
	Datasets []Dataset `json:"datasets"`
}

// ReadSuite reads a suite file and resolves the datasets' relative paths
// against its root.
func ReadSuite(path string) (*Suite, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var s Suite
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("eval: %s:%d: %w: %w", path, lineAt(data, dec.InputOffset()), ErrFormat, err)
	}
	root := s.Root
	if !filepath.IsAbs(root) {
		root = filepath.Join(filepath.Dir(path), root)
	}
	seen := map[string]bool{}
	for i := range s.Datasets {
		d := &s.Datasets[i]
		if d.Name == "" || d.Format == "" || d.Gold == "" {
			return nil, fmt.Errorf("eval: %s: dataset %d: name, format and gold are required: %w", path, i, ErrFormat)
		}
		if seen[d.Name] {
			return nil, fmt.Errorf("eval: %s: dataset name %q used twice: %w", path, d.Name, ErrFormat)
		}
		seen[d.Name] = true
		for _, p := range []*string{&d.Gold, &d.Bodies, &d.Metadata, &d.Weights, &d.Pred, &d.Compare} {
			if *p != "" && !filepath.IsAbs(*p) {
				*p = filepath.Join(root, *p)
			}
		}
	}
	return &s, nil
}

// SuiteReport is the content of a report folder's metrics.json.
type SuiteReport struct {
	Seed    uint64    `json:"seed"`
	Boot    int       `json:"boot"`
	Theta   Num       `json:"theta"`
	Results []*Result `json:"results"`
}

// RunSuite scores every dataset of the suite and writes to outDir:
// metrics.json (a SuiteReport), report.md (the Markdown tables) and one
// confusion-NAME.md per claim-level dataset. Progress goes to cfg.Log;
// cfg's Seed, Boot and Theta are taken from the suite. The written files
// depend only on the suite, the data and the systems, not on timing.
func RunSuite(s *Suite, sys Systems, cfg Config, outDir string) (*SuiteReport, error) {
	cfg.Seed, cfg.Boot, cfg.Theta = s.Seed, s.Boot, s.Theta
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	theta := s.Theta
	if theta <= 0 {
		theta = DefaultTheta
	}
	rep := &SuiteReport{Seed: s.Seed, Boot: s.Boot, Theta: Num(theta)}
	var md bytes.Buffer
	for i, ds := range s.Datasets {
		start := time.Now()
		cfg.logf("[%d/%d] %s (%s)", i+1, len(s.Datasets), ds.Name, ds.Format)
		res, err := Evaluate(ds, sys, cfg)
		if err != nil {
			return nil, fmt.Errorf("eval: dataset %s: %w", ds.Name, err)
		}
		cfg.logf("[%d/%d] %s done in %.1fs", i+1, len(s.Datasets), ds.Name, time.Since(start).Seconds())
		rep.Results = append(rep.Results, res)
		if err := res.WriteMarkdown(&md); err != nil {
			return nil, err
		}
		if res.Claims != nil {
			name := filepath.Join(outDir, "confusion-"+fileSafe(ds.Name)+".md")
			body := fmt.Sprintf("# %s: confusion matrix\n\n%s", ds.Name, formatConfusion(res.Claims.Confusion.Labels, res.Claims.Confusion.Counts))
			if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
				return nil, fmt.Errorf("eval: %w", err)
			}
		}
	}
	var head bytes.Buffer
	fmt.Fprintf(&head, "# parley evaluation\n\nBootstrap: %d resamples of documents, seed %d; overlap threshold θ = %g.\n\n", s.Boot, s.Seed, theta)
	writeSummary(&head, s.Datasets, rep.Results)
	md = *bytes.NewBuffer(append(head.Bytes(), md.Bytes()...))
	js, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if err := os.WriteFile(filepath.Join(outDir, "metrics.json"), append(js, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if err := os.WriteFile(filepath.Join(outDir, "report.md"), md.Bytes(), 0o644); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return rep, nil
}

// fileSafe turns a dataset name into a file-name part.
func fileSafe(name string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, name)
}

// headline is one summary row: a metric of a result, in percent, with its
// 95 % interval (NaN when there is none).
type headline struct {
	metric        string
	value, lo, hi float64
}

// headlines picks the metrics a reader looks at first: exact span F1 for
// attribution, accuracy or the FNC score for claims, relation F1 for
// relations, the pass count for the peer cases.
func headlines(r *Result) []headline {
	var out []headline
	if ex, ok := r.Spans["exact"]; ok {
		for _, t := range []string{"source", "cue", "content"} {
			s := ex[t]
			out = append(out, headline{t + " F1", 100 * float64(s.F1), 100 * float64(s.F1Lo), 100 * float64(s.F1Hi)})
		}
	}
	if r.Relations != nil {
		s := r.Relations
		out = append(out, headline{"relation F1", 100 * float64(s.F1), 100 * float64(s.F1Lo), 100 * float64(s.F1Hi)})
	}
	if c := r.Claims; c != nil {
		if c.FNCPercent != nil {
			out = append(out, headline{"FNC score", c.FNCPercent.Value, c.FNCPercent.Lo, c.FNCPercent.Hi}) // already in percent
		}
		out = append(out, headline{"accuracy", 100 * c.Accuracy.Value, 100 * c.Accuracy.Lo, 100 * c.Accuracy.Hi})
		for _, l := range c.Labels {
			s := c.PerClass[l]
			out = append(out, headline{l + " F1", 100 * float64(s.F1), 100 * float64(s.F1Lo), 100 * float64(s.F1Hi)})
		}
	}
	if p := r.Peer; p != nil && p.Checked > 0 {
		out = append(out, headline{"passed", 100 * float64(p.Passed) / float64(p.Checked), math.NaN(), math.NaN()})
	}
	return out
}

// writeSummary writes one table row per headline metric of each dataset,
// with the dataset's anchors for that metric beside parley's number.
func writeSummary(w *bytes.Buffer, datasets []Dataset, results []*Result) {
	w.WriteString("## Summary\n\n| dataset | metric | parley | 95 % CI | reference |\n|---|---|---:|---:|---|\n")
	for i, r := range results {
		var anchors []Anchor
		if i < len(datasets) {
			anchors = datasets[i].Anchors
		}
		for _, h := range headlines(r) {
			ci := "–"
			if !math.IsNaN(h.lo) {
				ci = fmt.Sprintf("%.1f–%.1f", h.lo, h.hi)
			}
			var refs []string
			for _, a := range anchors {
				if a.Metric == h.metric {
					refs = append(refs, fmt.Sprintf("%s %.1f", a.System, a.Value))
				}
			}
			fmt.Fprintf(w, "| %s | %s | %.1f | %s | %s |\n", r.Name, h.metric, h.value, ci, strings.Join(refs, "; "))
		}
	}
	w.WriteString("\n")
}
