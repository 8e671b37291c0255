package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedGold = "../../testdata/seed/xi-putin-call.gold.jsonl"

func runEvalArgs(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"eval"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestEvalUsage(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no gold", nil, 2, "usage: parley eval"},
		{"stray argument", []string{"--gold", seedGold, "extra"}, 2, "usage"},
		{"unknown format", []string{"--format", "xml", "--gold", seedGold}, 1, `unknown format "xml"`},
		{"missing gold", []string{"--gold", "nope.jsonl"}, 1, "nope.jsonl"},
		{"run without suite", []string{"run"}, 2, "usage: parley eval run"},
	}
	for _, tc := range cases {
		code, _, stderr := runEvalArgs(tc.args...)
		assert.Equal(t, tc.code, code, tc.name)
		assert.Contains(t, stderr, tc.msg, tc.name)
	}
}

func TestEvalSeedJSON(t *testing.T) {
	code, stdout, stderr := runEvalArgs("--gold", seedGold, "--json", "--boot", "50")
	require.Equal(t, 0, code, stderr)
	var res struct {
		Items int                                   `json:"items"`
		Spans map[string]map[string]json.RawMessage `json:"spans"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &res))
	assert.Equal(t, 1, res.Items)
	for _, m := range []string{"exact", "first_token", "overlap"} {
		assert.Len(t, res.Spans[m], 3, m)
	}
}

func TestEvalClaimPredictions(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.csv")
	require.NoError(t, os.WriteFile(gold, []byte("id,claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"+
		"1,C,H1,for,a1,c\n2,C,H2,against,a2,c\n3,C,H3,observing,a3,c\n4,C,H4,for,a4,c\n"), 0o644))
	pred := filepath.Join(dir, "pred.jsonl")
	require.NoError(t, os.WriteFile(pred, []byte(`{"id":"1","label":"for"}
{"id":"2","label":"for"}
{"id":"3","label":"observing"}
{"id":"4","label":"for"}
`), 0o644))
	code, stdout, stderr := runEvalArgs("--format", "emergent", "--gold", gold, "--pred", pred, "--boot", "20")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "accuracy 75.0 %")
	assert.Contains(t, stdout, "| against | 1 | 0 | 0 |")
}

func TestEvalSuiteDeterministic(t *testing.T) {
	dir := t.TempDir()
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	suite := filepath.Join(dir, "suite.json")
	require.NoError(t, os.WriteFile(suite, []byte(`{"root": "`+root+`", "seed": 3, "boot": 100, "datasets": [
		{"name": "seed", "format": "parley", "gold": "testdata/seed/xi-putin-call.gold.jsonl"}
	]}`), 0o644))
	var reports [2][]byte
	for i := range reports {
		out := filepath.Join(dir, "out"+string(rune('a'+i)))
		code, stdout, stderr := runEvalArgs("run", suite, "--out", out)
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, stdout, "report.md")
		assert.Contains(t, stderr, "[1/1] seed")
		reports[i], err = os.ReadFile(filepath.Join(out, "metrics.json"))
		require.NoError(t, err)
		_, err = os.Stat(filepath.Join(out, "report.md"))
		require.NoError(t, err)
	}
	assert.Equal(t, string(reports[0]), string(reports[1]), "same seed, same metrics")
}
