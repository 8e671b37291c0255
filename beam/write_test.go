package parleybeam

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

func TestSortRecords(t *testing.T) {
	rs := []Record{
		{Path: "b.jsonl", Line: 10, JSON: "b10"},
		{Path: "a.txt", JSON: "a"},
		{Path: "b.jsonl", Line: 2, JSON: "b2"},
		{Path: "B.txt", JSON: "B"},
	}
	sortRecords(rs)
	var buf bytes.Buffer
	require.NoError(t, writeRecords(&buf, rs))
	assert.Equal(t, "B\na\nb2\nb10\n", buf.String())
}

func TestWritePairs(t *testing.T) {
	ps := []parley.Pair{
		{Source: "RUS", Target: "CHN", Score: 0.6, Positive: 2, N: 2},
		{Source: "CHN", Target: "UKR", Score: -0.9, Negative: 1, N: 1},
		{Source: "CHN", Target: "EU", Score: -1.0 / 3, Positive: 1, Negative: 2, N: 3},
		{Source: "AAA", Target: "BBB"}, // n = 0: left out
	}
	sortPairs(ps)
	cases := []struct{ format, want string }{
		{PairsJSONL, `{"source":"CHN","target":"EU","score":-0.3333333333333333,"positive":1,"negative":2,"n":3}
{"source":"CHN","target":"UKR","score":-0.9,"positive":0,"negative":1,"n":1}
{"source":"RUS","target":"CHN","score":0.6,"positive":2,"negative":0,"n":2}
`},
		{PairsCSV, `source,target,n,positive,negative,mean
CHN,EU,3,1,2,-0.3333
CHN,UKR,1,0,1,-0.9000
RUS,CHN,2,2,0,0.6000
`},
	}
	for _, tc := range cases {
		var buf bytes.Buffer
		require.NoError(t, writePairs(&buf, ps, tc.format), tc.format)
		assert.Equal(t, tc.want, buf.String(), tc.format)
	}
	require.ErrorIs(t, writePairs(&bytes.Buffer{}, ps, "xml"), ErrOptions)
}

func TestOptions(t *testing.T) {
	cases := []struct {
		name        string
		in          Options
		wantFormat  string
		wantPairsFm string
		wantErr     bool
	}{
		{"defaults", Options{Input: "in/*", Output: "o"}, FormatText, PairsJSONL, false},
		{"csv from extension", Options{Input: "in/*", Output: "o", Pairs: "m.CSV"}, FormatText, PairsCSV, false},
		{"explicit", Options{Input: "in/*", Output: "o", Format: FormatJSONL, Pairs: "m.csv", PairsFormat: PairsJSONL}, FormatJSONL, PairsJSONL, false},
		{"no input", Options{Output: "o"}, "", "", true},
		{"no output", Options{Input: "i"}, "", "", true},
		{"bad format", Options{Input: "i", Output: "o", Format: "xml"}, "", "", true},
		{"bad pairs format", Options{Input: "i", Output: "o", PairsFormat: "xml"}, "", "", true},
		{"unregistered filesystem", Options{Input: "nosuchfs://b/*.txt", Output: "o"}, "", "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.in
			err := o.normalize()
			if tc.wantErr {
				require.ErrorIs(t, err, ErrOptions, "options %+v", tc.in)
				_, err = New(tc.in)
				require.ErrorIs(t, err, ErrOptions, "options %+v", tc.in)
				return
			}
			require.NoError(t, err, "options %+v", tc.in)
			assert.Equal(t, tc.wantFormat, o.Format)
			assert.Equal(t, tc.wantPairsFm, o.PairsFormat)
		})
	}
}
