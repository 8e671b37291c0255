package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBenchSuite(t *testing.T) {
	s, err := ReadSuite(filepath.Join("..", "bench", "suite.json"))
	require.NoError(t, err)
	formats := map[string]int{}
	for _, d := range s.Datasets {
		formats[d.Format]++
		for _, p := range []string{d.Gold, d.Bodies, d.Pred} {
			if p == "" {
				continue
			}
			// Paths are relative to the repository root, so seen from
			// this package they start with ../ or ../../shared/data.
			ok := strings.HasPrefix(p, filepath.Join("..", "testdata")) || strings.HasPrefix(p, filepath.Join("..", "..", "shared", "data"))
			assert.True(t, ok, p)
		}
	}
	assert.Equal(t, map[string]int{FormatParley: 1, FormatPolNeAR: 2, FormatEmergent: 2, FormatFNC: 1, FormatPlover: 1, FormatPeer: 1}, formats)
	assert.Equal(t, filepath.Join("..", "testdata", "seed", "xi-putin-call.gold.jsonl"), s.Datasets[0].Gold)
}

func TestRunSuiteWritesReport(t *testing.T) {
	dir := t.TempDir()
	gold := write(t, "g.csv", emergentHeader+"1,C,H1,for,a1,c\n2,C,H2,against,a2,c\n")
	pred := write(t, "p.csv", "id,label\n1,for\n2,observing\n")
	s := &Suite{Seed: 1, Boot: 10, Datasets: []Dataset{{Name: "tiny emergent", Format: FormatEmergent, Gold: gold, Pred: pred}}}
	rep, err := RunSuite(s, Systems{}, Config{}, dir)
	require.NoError(t, err)
	require.Len(t, rep.Results, 1)
	assert.InDelta(t, 0.5, rep.Results[0].Claims.Accuracy.Value, 1e-12)
	for _, f := range []string{"metrics.json", "report.md", "confusion-tiny_emergent.md"} {
		_, err := os.Stat(filepath.Join(dir, f))
		assert.NoError(t, err, f)
	}
	_, err = RunSuite(&Suite{Datasets: []Dataset{{Name: "x", Format: FormatEmergent, Gold: gold}}}, Systems{}, Config{}, dir)
	assert.ErrorContains(t, err, "no claim model")
}

// TestSummaryAnchors: the summary puts a dataset's anchors beside the
// matching headline metric, and only there.
func TestSummaryAnchors(t *testing.T) {
	r := &Result{Name: "polnear-test", Spans: map[string]map[string]Score{"exact": {
		"source":  {F1: 0.62, F1Lo: 0.6, F1Hi: 0.64},
		"cue":     {F1: 0.5, F1Lo: 0.4, F1Hi: 0.6},
		"content": {F1: 0.25, F1Lo: 0.2, F1Hi: 0.3},
	}}}
	ds := Dataset{Name: "polnear-test", Anchors: []Anchor{{System: "BERT-CofeNet", Metric: "source F1", Value: 83.2}}}
	var b bytes.Buffer
	writeSummary(&b, []Dataset{ds}, []*Result{r})
	out := b.String()
	assert.Contains(t, out, "| polnear-test | source F1 | 62.0 | 60.0–64.0 | BERT-CofeNet 83.2 |\n")
	assert.Contains(t, out, "| polnear-test | cue F1 | 50.0 | 40.0–60.0 |  |\n")
	assert.Contains(t, out, "| polnear-test | content F1 | 25.0 | 20.0–30.0 |  |\n")
}

// TestSummaryFNC: the FNC score is already a percentage and is shown as one.
func TestSummaryFNC(t *testing.T) {
	r := &Result{Name: "fnc1-test", Claims: &ClaimResult{
		Accuracy:   Interval{Value: 0.85, Lo: 0.84, Hi: 0.86},
		FNCPercent: &Interval{Value: 76.0, Lo: 75.4, Hi: 76.6},
	}}
	var b bytes.Buffer
	writeSummary(&b, []Dataset{{Name: "fnc1-test"}}, []*Result{r})
	assert.Contains(t, b.String(), "| fnc1-test | FNC score | 76.0 | 75.4–76.6 |  |\n")
	assert.Contains(t, b.String(), "| fnc1-test | accuracy | 85.0 | 84.0–86.0 |  |\n")
}
