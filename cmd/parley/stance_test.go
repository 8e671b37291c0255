package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/eval"
	"github.com/parleylab/parley/stance"
)

var sharedData = filepath.Join("..", "..", "..", "shared", "data")

func TestClaimCommand(t *testing.T) {
	dir := t.TempDir()
	jl := filepath.Join(dir, "in.jsonl")
	require.NoError(t, os.WriteFile(jl, []byte(
		`{"id":"h1","text":"Giant squid on Spanish beach is a hoax, officials say"}`+"\n"+
			`{"text":"Giant squid washes up on Spanish beach"}`+"\n"), 0o644))
	var out, errb bytes.Buffer
	code := run([]string{"claim", "--claim", "A giant squid washed up on a beach in Spain", jl}, nil, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2)
	var rec claimRecord
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &rec))
	assert.Equal(t, "parley/v1-claim", rec.Schema)
	assert.Equal(t, "h1", rec.ID)
	assert.Equal(t, "against", rec.Label)
	assert.Len(t, rec.Scores, 4)
	require.NotEmpty(t, rec.Evidence)
	for _, e := range rec.Evidence {
		assert.NotEmpty(t, e.Text)
	}
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &rec))
	assert.Equal(t, "line-2", rec.ID)

	// Plain text on standard input; a missing claim is a usage error.
	out.Reset()
	code = run([]string{"claim", "--claim", "x"}, strings.NewReader("some text"), &out, &errb)
	assert.Equal(t, 0, code)
	assert.Contains(t, out.String(), `"id":"stdin"`)
	assert.Equal(t, 2, run([]string{"claim"}, strings.NewReader("some text"), &out, &errb))
	assert.Equal(t, 1, run([]string{"claim", "--claim", "x", "--weights", filepath.Join(dir, "none.json")}, nil, &out, &errb))
}

func TestPairsCommand(t *testing.T) {
	in := `{"schema":"parley/v1","id":"d1","sentences":[],"attributions":[],"stances":[],"pairs":[{"source":"RUS","target":"CHN","score":0.8,"positive":2,"negative":0,"n":2},{"source":"CHN","target":"UKR","score":-0.9,"positive":0,"negative":1,"n":1}]}
{"schema":"parley/v1","id":"d2","line":2,"error":{"code":"binary","message":"x"}}
{"schema":"parley/v1","id":"d3","sentences":[],"attributions":[],"stances":[],"pairs":[{"source":"RUS","target":"CHN","score":-0.4,"positive":0,"negative":1,"n":1}]}
`
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"pairs"}, strings.NewReader(in), &out, &errb), errb.String())
	assert.Equal(t, "source,target,n,positive,negative,mean\nCHN,UKR,1,0,1,-0.9000\nRUS,CHN,3,2,1,0.4000\n", out.String())

	out.Reset()
	require.Equal(t, 0, run([]string{"pairs", "--format", "json"}, strings.NewReader(in), &out, &errb), errb.String())
	var m struct {
		Parties []string
		Count   [][]float64
		Mean    [][]*float64
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &m))
	assert.Equal(t, []string{"CHN", "RUS", "UKR"}, m.Parties)
	assert.Equal(t, 3.0, m.Count[1][0])
	require.NotNil(t, m.Mean[1][0])
	assert.InDelta(t, 0.4, *m.Mean[1][0], 1e-12)
	assert.Nil(t, m.Mean[0][1])

	assert.Equal(t, 1, run([]string{"pairs"}, strings.NewReader("{not json\n"), &out, &errb))
	assert.Equal(t, 2, run([]string{"pairs", "--format", "xml"}, strings.NewReader(in), &out, &errb))
}

// claimLabels orders the confusion matrices of claimScores.
var claimLabels = []string{"for", "against", "observing", "unrelated"}

// claimScores returns accuracy, the FNC weighted score, per-class F1 and
// the confusion matrix (rows gold, columns predicted, in claimLabels
// order) of the default model on items.
// A text on which Classify panics counts as predicted unrelated and fails
// the test (the library must never panic on input).
func claimScores(t *testing.T, items []eval.ClaimItem) (acc, fnc float64, f1 map[string]float64, conf [4][4]int) {
	m, err := stance.DefaultClaimModel()
	require.NoError(t, err)
	classify := func(it eval.ClaimItem) (label string) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("Classify panics on item %s: %v", it.ID, r)
				label = "unrelated"
			}
		}()
		return m.Classify(it.Claim, it.Text).Label.String()
	}
	var tp, fp, fn = map[string]float64{}, map[string]float64{}, map[string]float64{}
	right, score, max := 0, 0.0, 0.0
	for _, it := range items {
		p := classify(it)
		conf[slices.Index(claimLabels, it.Label)][slices.Index(claimLabels, p)]++
		if p == it.Label {
			right++
			tp[it.Label]++
		} else {
			fp[p]++
			fn[it.Label]++
		}
		if it.Label == "unrelated" {
			max += 0.25
			if p == "unrelated" {
				score += 0.25
			}
			continue
		}
		max++
		if p != "unrelated" {
			score += 0.25
		}
		if p == it.Label {
			score += 0.75
		}
	}
	f1 = map[string]float64{}
	for _, l := range claimLabels {
		if d := 2*tp[l] + fp[l] + fn[l]; d > 0 {
			f1[l] = 2 * tp[l] / d
		}
	}
	return float64(right) / float64(len(items)), score / max, f1, conf
}

// TestClaimBenchmarks measures the embedded claim weights on the Emergent
// test split and the FNC-1 competition test set (untuned on both).
func TestClaimBenchmarks(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus benchmarks skipped under -short")
	}
	em := filepath.Join(sharedData, "emergent", "emergent-test.csv")
	if _, err := os.Stat(em); err != nil {
		t.Skip("Emergent data absent:", em)
	}
	items, err := eval.ReadEmergent(em)
	require.NoError(t, err)
	acc, _, f1, conf := claimScores(t, items)
	t.Logf("Emergent test: accuracy %.4f, F1 %v, confusion (rows gold, cols predicted: %v) %v", acc, f1, claimLabels, conf)
	assert.GreaterOrEqual(t, acc, 0.733, "Emergent test accuracy")

	items, err = eval.ReadFNC(filepath.Join(sharedData, "fnc1", "competition_test_stances.csv"),
		filepath.Join(sharedData, "fnc1", "competition_test_bodies.csv"))
	require.NoError(t, err)
	acc, fnc, f1, conf := claimScores(t, items)
	t.Logf("FNC-1 competition test (for=agree, against=disagree, observing=discuss): FNC score %.4f, accuracy %.4f, F1 %v, confusion (rows gold, cols predicted: %v) %v",
		fnc, acc, f1, claimLabels, conf)
}
