package parleybeam

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

func init() {
	beam.RegisterType(reflect.TypeFor[parley.Pair]())
	register.Function1x2(pairToKV)
}

func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// pairToKV keys a document pair as AnalyzeDocs does.
func pairToKV(p parley.Pair) (string, PairSum) { return PairKey(p.Source, p.Target), newPairSum(p) }

func runPrism(t *testing.T, p *beam.Pipeline) {
	t.Helper()
	_, err := prism.Execute(context.Background(), p)
	require.NoError(t, err)
}

func TestMatrixPipeline(t *testing.T) {
	docs := []parley.Pair{
		{Source: "RUS", Target: "CHN", Score: 0.8, Positive: 2, N: 2},
		{Source: "CHN", Target: "UKR", Score: -0.9, Negative: 1, N: 1},
		{Source: "RUS", Target: "CHN", Score: 0.5, Positive: 1, N: 1},
		{Source: "CHN", Target: "UKR", Score: 0.1, Positive: 1, Negative: 2, N: 3},
		{Source: "CHN", Target: "EU", Score: -1, Negative: 1, N: 1},
	}
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "m.csv")
	jsonPath := filepath.Join(dir, "m.jsonl")
	p, s := beam.NewPipelineWithRoot()
	sums := CombinePairs(s, beam.ParDo(s, pairToKV, beam.CreateList(s, docs)))
	WriteMatrix(s, csvPath, PairsCSV, sums)
	WriteMatrix(s, jsonPath, PairsJSONL, sums)
	runPrism(t, p)

	got, err := os.ReadFile(csvPath)
	require.NoError(t, err)
	// (0.1*3 - 0.9) / 4 and (0.8*2 + 0.5) / 3, summed exactly.
	assert.Equal(t, `source,target,n,positive,negative,mean
CHN,EU,1,0,1,-1.0000
CHN,UKR,4,1,3,-0.1500
RUS,CHN,3,3,0,0.7000
`, string(got))
	got, err = os.ReadFile(jsonPath)
	require.NoError(t, err)
	assert.Equal(t, `{"source":"CHN","target":"EU","score":-1,"positive":0,"negative":1,"n":1}
{"source":"CHN","target":"UKR","score":-0.15,"positive":1,"negative":3,"n":4}
{"source":"RUS","target":"CHN","score":0.7000000000000001,"positive":3,"negative":0,"n":3}
`, string(got))
}

func TestPipelineJSONL(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		`{"id":"d1","text":"Moscow said it backed Beijing.","src":"AP"}`,
		`{"text":"China denied the report."}`,
		``,
		`{"id":"d4","text":`,
		`{"id":"d5"}`,
		`{"id":"d6","text":"Kyiv accused Moscow."}`,
	}
	in := filepath.Join(dir, "in.jsonl")
	require.NoError(t, os.WriteFile(in, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o644))
	out := filepath.Join(dir, "out", "records.jsonl")
	require.NoError(t, os.Mkdir(filepath.Dir(out), 0o755))
	p, err := New(Options{Input: in, Format: FormatJSONL, Output: out})
	require.NoError(t, err)
	runPrism(t, p)

	a, err := parley.New(parley.DefaultConfig())
	require.NoError(t, err)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	gotLines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
	require.Len(t, gotLines, len(lines)-1, "one output line per non-blank input line")
	assert.Equal(t, libraryRecord(t, a, "d1", "Moscow said it backed Beijing.", map[string]json.RawMessage{"src": json.RawMessage(`"AP"`)}), gotLines[0])
	assert.Equal(t, libraryRecord(t, a, "line-2", "China denied the report.", nil), gotLines[1])
	assert.Equal(t, libraryRecord(t, a, "d6", "Kyiv accused Moscow.", nil), gotLines[4])
	for i, want := range []string{`"id":"line-4","line":4,"error":{"code":"bad_json"`, `"id":"d5","line":5,"error":{"code":"missing_text"`} {
		assert.Contains(t, gotLines[2+i], want)
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left beside the output")
}

func TestPipelineNoInput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	pairs := filepath.Join(dir, "pairs.csv")
	p, err := New(Options{Input: filepath.Join(dir, "*.txt"), Output: out, Pairs: pairs})
	require.NoError(t, err)
	runPrism(t, p)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Empty(t, got)
	got, err = os.ReadFile(pairs)
	require.NoError(t, err)
	assert.Equal(t, "source,target,n,positive,negative,mean\n", string(got))
}

func TestPipelineMissingFile(t *testing.T) {
	dir := t.TempDir()
	p, err := New(Options{Input: filepath.Join(dir, "absent.txt"), Output: filepath.Join(dir, "out.jsonl")})
	require.NoError(t, err)
	_, err = prism.Execute(context.Background(), p)
	require.Error(t, err, "a literal input path that matches nothing fails the run")
}
