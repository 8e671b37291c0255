package parley_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

// TestAnalyzeRecyclesTokens analyzes documents of different lengths in
// turn, so that each reuses the token array of the one before, and wants
// the records that Run gives for each on its own.
func TestAnalyzeRecyclesTokens(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("examples", "xi-putin-call.txt"))
	require.NoError(t, err)
	long := string(b)
	texts := []string{
		long,
		"MOSCOW SAID the United States denied the claims.",
		strings.ToUpper(long),
		"",
		long,
		"Xi told Putin that China opposed the sanctions, Ushakov said.",
	}
	a, err := parley.New(parley.DefaultConfig())
	require.NoError(t, err)
	for i, text := range texts {
		res, err := a.Run(text)
		require.NoError(t, err)
		want := res.Record("doc", a.Lexicon().Version)
		got, err := a.Analyze("doc", text)
		require.NoError(t, err)
		require.Equal(t, want, got, "text %d", i)
	}
}
