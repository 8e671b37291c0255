package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

// mainRoot returns the directory of the main module as this module sees it
// (the replace directive), so that the CLI is built from the same source
// as the library linked into this test.
func mainRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/parleylab/parley").Output()
	require.NoError(t, err, "go list")
	return strings.TrimSpace(string(out))
}

// buildCLI builds cmd/parley of the main module into a temporary directory.
func buildCLI(t *testing.T, root string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "parley")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/parley")
	cmd.Dir = root
	// A -modfile meant for this module must not reach the main module's build.
	var flags []string
	for _, f := range strings.Fields(os.Getenv("GOFLAGS")) {
		if !strings.HasPrefix(strings.TrimLeft(f, "-"), "modfile") {
			flags = append(flags, f)
		}
	}
	cmd.Env = append(os.Environ(), "GOFLAGS="+strings.Join(flags, " "))
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build ./cmd/parley: %s", out)
	return bin
}

// runCLI runs `parley args...` and returns its standard output.
func runCLI(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "parley %q: %s", args, stderr.String())
	return stdout.Bytes()
}

// runBeam runs the command on Prism and returns the records file.
func runBeam(t *testing.T, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "records.jsonl")
	var stderr bytes.Buffer
	code := run(context.Background(), append(args, "--output", out, "--runner", "prism"), &stderr)
	require.Equal(t, 0, code, "parley-beam %q: %s", args, lastLines(stderr.String(), 20))
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	return b
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// corpus writes text files, one of them the seed article, and returns them
// in sorted order.
func corpus(t *testing.T, root string) (dir string, txt []string) {
	t.Helper()
	dir = t.TempDir()
	seed, err := os.ReadFile(filepath.Join(root, "testdata", "seed", "xi-putin-call.txt"))
	require.NoError(t, err)
	files := map[string]string{
		"xi-putin-call.txt": string(seed),
		"a-kremlin.txt":     "The Kremlin said Russia backed China's position. Ukraine accused Beijing of helping Moscow, allegations China denied.\n",
		"b-repair.txt":      "Caf\xe9 owners said \u201cwe welcome the deal\u201d.\n",
		"c-empty.txt":       "",
		"d-binary.txt":      "a\x00b",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		txt = append(txt, p)
	}
	slices.Sort(txt)
	return dir, txt
}

// libraryLines returns the records the library gives for the text files,
// encoded as the CLI encodes them.
func libraryLines(t *testing.T, cfg parley.Config, txt []string) ([]byte, []*parley.Document) {
	t.Helper()
	a, err := parley.New(cfg)
	require.NoError(t, err)
	var buf bytes.Buffer
	var docs []*parley.Document
	for _, p := range txt {
		text, err := os.ReadFile(p)
		require.NoError(t, err)
		doc, err := a.Analyze(strings.TrimSuffix(filepath.Base(p), ".txt"), string(text))
		if err != nil {
			require.ErrorIs(t, err, parley.ErrBinary, p)
			b, err := json.Marshal(parley.ErrorRecord{Schema: parley.Schema, ID: "d-binary", Line: 1,
				Error: parley.RecordError{Code: parley.ErrorCode(err), Message: err.Error()}})
			require.NoError(t, err)
			buf.Write(append(b, '\n'))
			continue
		}
		b, err := json.Marshal(doc)
		require.NoError(t, err)
		buf.Write(append(b, '\n'))
		docs = append(docs, doc)
	}
	return buf.Bytes(), docs
}

func TestTextMatchesLibraryAndCLI(t *testing.T) {
	root := mainRoot(t)
	dir, txt := corpus(t, root)
	pairsPath := filepath.Join(t.TempDir(), "pairs.jsonl")
	got := runBeam(t, "--input", filepath.Join(dir, "*.txt"), "--pairs", pairsPath)

	want, docs := libraryLines(t, parley.DefaultConfig(), txt)
	assert.Equal(t, string(want), string(got), "pipeline vs library")
	assert.Equal(t, string(runCLI(t, buildCLI(t, root), append([]string{"analyze"}, txt...)...)), string(got), "pipeline vs parley analyze")

	// The matrix: per (source, target), sum of score*n over n, and the summed counts.
	type agg struct {
		sum                float64
		positive, negative int
		n                  int
	}
	wantPairs := map[[2]string]*agg{}
	for _, d := range docs {
		for _, p := range d.Pairs {
			k := [2]string{p.Source, p.Target}
			if wantPairs[k] == nil {
				wantPairs[k] = &agg{}
			}
			g := wantPairs[k]
			g.sum += p.Score * float64(p.N)
			g.positive += p.Positive
			g.negative += p.Negative
			g.n += p.N
		}
	}
	data, err := os.ReadFile(pairsPath)
	require.NoError(t, err)
	var rows []parley.Pair
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if line == "" {
			continue
		}
		var p parley.Pair
		require.NoError(t, json.Unmarshal([]byte(line), &p), "line %q", line)
		rows = append(rows, p)
	}
	require.NotEmpty(t, wantPairs, "the seed article yields pairs")
	require.Len(t, rows, len(wantPairs), "one line per pair: %s", data)
	for _, p := range rows {
		g := wantPairs[[2]string{p.Source, p.Target}]
		require.NotNil(t, g, "unexpected pair %+v", p)
		assert.InDelta(t, g.sum/float64(g.n), p.Score, 1e-12, "pair %+v", p)
		assert.Equal(t, []int{g.positive, g.negative, g.n}, []int{p.Positive, p.Negative, p.N}, "pair %+v", p)
	}
	assert.True(t, slices.IsSortedFunc(rows, func(a, b parley.Pair) int {
		return strings.Compare(a.Source+"\x00"+a.Target, b.Source+"\x00"+b.Target)
	}))
}

func TestJSONLMatchesLibraryAndCLI(t *testing.T) {
	root := mainRoot(t)
	seed, err := os.ReadFile(filepath.Join(root, "testdata", "seed", "xi-putin-call.txt"))
	require.NoError(t, err)
	excerpt, err := json.Marshal(string(seed[:400]))
	require.NoError(t, err)
	const maxBytes = 1000
	type doc struct {
		id, text string
		meta     map[string]json.RawMessage
	}
	inputs := []struct {
		line string
		want *doc   // a document record with these; nil: an error record
		code string // the error code
	}{
		{`{"id":"j1","text":"Beijing rejected the proposal, a spokesman said.","source":"wire","tags":["a","b"]}`,
			&doc{"j1", "Beijing rejected the proposal, a spokesman said.", map[string]json.RawMessage{"source": json.RawMessage(`"wire"`), "tags": json.RawMessage(`["a","b"]`)}}, ""},
		{`{"text":"The EU criticised Moscow. \"We condemn it,\" Brussels said."}`,
			&doc{"line-2", "The EU criticised Moscow. \"We condemn it,\" Brussels said.", nil}, ""},
		{"", nil, ""}, // blank: no output line
		{`{"id":"j3","text":` + string(excerpt) + `}`, &doc{"j3", string(seed[:400]), nil}, ""},
		{`{"id":7,"text":"Kyiv accused Beijing."}`, &doc{"7", "Kyiv accused Beijing.", nil}, ""},
		{`{"id":"bad",`, nil, "bad_json"},
		{`{"id":"notext"}`, nil, "missing_text"},
		{`{"id":"numtext","text":5}`, nil, "bad_text"},
		{`{"id":"big","text":"` + strings.Repeat("a", maxBytes+1) + `"}`, nil, "too_large"},
		{`{"id":"huge","text":"` + strings.Repeat("a", 3*maxBytes+64<<10) + `"}`, nil, "too_large"},
	}
	var lines []string
	for _, in := range inputs {
		lines = append(lines, in.line)
	}
	jsonlPath := filepath.Join(t.TempDir(), "docs.jsonl")
	require.NoError(t, os.WriteFile(jsonlPath, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	mb := strconv.Itoa(maxBytes)
	pairsPath := filepath.Join(t.TempDir(), "pairs.csv")
	got := runBeam(t, "--input", jsonlPath, "--format", "jsonl", "--text", "--max-bytes", mb, "--pairs", pairsPath)

	cfg := parley.DefaultConfig()
	cfg.Text = true
	cfg.MaxBytes = maxBytes
	a, err := parley.New(cfg)
	require.NoError(t, err)
	gotLines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
	require.Len(t, gotLines, len(inputs)-1, "one output line per non-blank input line")
	i := 0
	for n, in := range inputs {
		if in.line == "" {
			continue
		}
		if in.want == nil {
			assert.Contains(t, gotLines[i], `"line":`+strconv.Itoa(n+1)+`,"error":{"code":"`+in.code+`"`, "input line %d", n+1)
		} else {
			d, err := a.Analyze(in.want.id, in.want.text)
			require.NoError(t, err)
			d.Meta = in.want.meta
			b, err := json.Marshal(d)
			require.NoError(t, err)
			assert.Equal(t, string(b), gotLines[i], "pipeline vs library, input line %d", n+1)
		}
		i++
	}
	bin := buildCLI(t, root)
	cli := runCLI(t, bin, "analyze", "--text", "--max-bytes", mb, jsonlPath)
	assert.Equal(t, string(cli), string(got), "pipeline vs parley analyze --text")

	// The CSV matrix is what `parley pairs --format csv` makes of the CLI's records.
	cliRecords := filepath.Join(t.TempDir(), "records.jsonl")
	require.NoError(t, os.WriteFile(cliRecords, cli, 0o644))
	wantCSV := runCLI(t, bin, "pairs", "--format", "csv", cliRecords)
	gotCSV, err := os.ReadFile(pairsPath)
	require.NoError(t, err)
	assert.Greater(t, strings.Count(string(gotCSV), "\n"), 1, "the documents yield pairs: %s", gotCSV)
	assert.Equal(t, string(wantCSV), string(gotCSV), "pipeline vs parley pairs --format csv")
}

func TestFlags(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"-h"}, 0},
		{"unknown flag", []string{"--nosuch"}, 2},
		{"no input", []string{"--output", filepath.Join(dir, "o")}, 2},
		{"bad format", []string{"--input", dir, "--output", filepath.Join(dir, "o"), "--format", "xml"}, 2},
		{"stray argument", []string{"--input", dir, "--output", filepath.Join(dir, "o"), "extra"}, 2},
		{"missing input file", []string{"--input", filepath.Join(dir, "absent.txt"), "--output", filepath.Join(dir, "o"), "--runner", "prism"}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			assert.Equal(t, tc.want, run(context.Background(), tc.args, &stderr), "args %q: %s", tc.args, lastLines(stderr.String(), 5))
			if tc.want != 0 {
				assert.NotEmpty(t, stderr.String(), "args %q", tc.args)
			}
		})
	}
}
