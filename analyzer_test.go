package parley_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
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

// TestAnalyzeFunc analyzes documents in turn and at once on several
// goroutines, so that each record is built over the memory of an earlier
// one, and wants what Analyze gives; an analysis error reaches the caller
// without a call of fn, and fn's error is returned.
func TestAnalyzeFunc(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("examples", "xi-putin-call.txt"))
	require.NoError(t, err)
	long := string(b)
	texts := []string{long, "MOSCOW SAID the United States denied the claims.", strings.ToUpper(long), "",
		long[len(long)/2:], "Xi told Putin that China opposed the sanctions, Ushakov said.", "Bad \xff byte, Russia said."}
	a, err := parley.New(parley.Config{Text: true})
	require.NoError(t, err)
	want := make([][]byte, len(texts))
	for i, text := range texts {
		doc, err := a.Analyze("doc", text)
		require.NoError(t, err)
		want[i], err = json.Marshal(doc)
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 50 {
				i := (g + 3*k) % len(texts)
				err := a.AnalyzeFunc("doc", texts[i], func(doc *parley.Document) error {
					got, err := json.Marshal(doc)
					if err == nil && !bytes.Equal(want[i], got) {
						err = fmt.Errorf("text %d: record differs from Analyze's", i)
					}
					return err
				})
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
	called := false
	err = a.AnalyzeFunc("bin", "a\x00b", func(*parley.Document) error { called = true; return nil })
	require.ErrorIs(t, err, parley.ErrBinary)
	require.False(t, called)
	stop := errors.New("stop")
	require.Equal(t, stop, a.AnalyzeFunc("doc", "Russia said so.", func(*parley.Document) error { return stop }))
}
