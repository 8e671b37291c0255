package parley_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSeedRecordGolden pins the whole parley/v1 record of the seed article:
// a change in any field shows as a diff of testdata/seed/xi-putin-call.golden.json.
func TestSeedRecordGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("examples", "xi-putin-call.txt"))
	require.NoError(t, err)
	a, err := parley.New(parley.DefaultConfig())
	require.NoError(t, err)
	doc, err := a.Analyze("xi-putin-call", string(text))
	require.NoError(t, err)
	got, err := json.MarshalIndent(doc, "", " ")
	require.NoError(t, err)
	got = append(got, '\n')
	golden := filepath.Join("testdata", "seed", "xi-putin-call.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run TestSeedRecordGolden -update . to create it")
	if !bytes.Equal(want, got) {
		assert.Equal(t, string(want), string(got), "record differs from %s (go test -update . rewrites it)", golden)
	}
}

// TestRecordCodePoints checks the byte-to-code-point conversion on text with
// two-, three- and four-byte characters: every span's text is the slice of
// the text's code points between its offsets.
func TestRecordCodePoints(t *testing.T) {
	a, err := parley.New(parley.DefaultConfig())
	require.NoError(t, err)
	cases := []string{
		"Ünal Çelik said the talks in Zürich failed.",
		"“Wir sind bereit,” sagte Scholz. Putin said “the West” is to blame 😀.",
		"Xi’s adviser said China’s position was clear: “no.”",
		"Россия said nothing. Moscow said the talks failed.",
	}
	for _, text := range cases {
		doc, err := a.Analyze("t", text)
		require.NoError(t, err, text)
		runes := []rune(text)
		check := func(s parley.Span) {
			require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(runes), "text %q span %+v", text, s)
			assert.Equal(t, string(runes[s.Start:s.End]), s.Text, "text %q", text)
		}
		require.NotEmpty(t, doc.Attributions, "text %q", text)
		for _, at := range doc.Attributions {
			check(at.Cue.Span)
			check(at.Content)
			if at.Source != nil {
				check(at.Source.Span)
			}
		}
		for _, s := range doc.Sentences {
			require.True(t, s.End <= len(runes), "text %q", text)
		}
	}
}
