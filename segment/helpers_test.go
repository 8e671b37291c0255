package segment

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// texts returns the text of each span in d.
func quoteTexts(d *Doc, closed bool, top bool) []string {
	out := []string{}
	for _, q := range d.Quotes {
		if q.Closed == closed && (q.Parent < 0) == top {
			out = append(out, d.Text[q.Start:q.End])
		}
	}
	return out
}

func sentenceTexts(d *Doc) []string {
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = d.Text[s.Start:s.End]
	}
	return out
}

func tokenTexts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// readJSONL decodes each line of the file at path into a new T.
func readJSONL[T any](t testing.TB, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var v T
		require.NoError(t, json.Unmarshal(sc.Bytes(), &v), "%s: %s", path, sc.Text())
		out = append(out, v)
	}
	require.NoError(t, sc.Err())
	return out
}

// byteOffset converts a code-point offset into text to a byte offset.
func byteOffset(text string, cp int) int {
	b := 0
	for range cp {
		_, n := utf8.DecodeRuneInString(text[b:])
		b += n
	}
	return b
}

// sharedData is ../shared/data beside the repository, seen from this
// package's directory.
func sharedData(name string) string {
	return filepath.Join("..", "..", "shared", "data", name)
}
