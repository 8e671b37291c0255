package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	fmt.Fprintf(&md, "# parley evaluation\n\nBootstrap: %d resamples of documents, seed %d; overlap threshold θ = %g.\n\n", s.Boot, s.Seed, theta)
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
