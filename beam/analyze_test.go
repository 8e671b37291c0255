package parleybeam

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

// libraryRecord is the CLI's bytes for a document: json.Marshal of the
// library's record.
func libraryRecord(t *testing.T, a *parley.Analyzer, id, text string, meta map[string]json.RawMessage) string {
	t.Helper()
	doc, err := a.Analyze(id, text)
	require.NoError(t, err, "analyze %s", id)
	doc.Meta = meta
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	return string(b)
}

func TestAnalyzeDoc(t *testing.T) {
	cfg := parley.DefaultConfig()
	cfg.MaxBytes = 64
	a, err := parley.New(cfg)
	require.NoError(t, err)
	lib := func(id, text, meta string) string {
		var m map[string]json.RawMessage
		if meta != "" {
			require.NoError(t, json.Unmarshal([]byte(meta), &m))
		}
		return libraryRecord(t, a, id, text, m)
	}
	errRec := func(id string, line int, code string) string {
		b, err := json.Marshal(map[string]any{"schema": parley.Schema, "id": id, "line": line, "error": map[string]string{"code": code}})
		require.NoError(t, err)
		return string(b)
	}
	cases := []struct {
		name     string
		doc      Doc
		want     string // the record, or the error record without its message
		wantCode string
		warnings int
	}{
		{"text file", Doc{Path: "/in/xi.txt", Raw: []byte("Moscow said it backed Beijing.")}, lib("xi", "Moscow said it backed Beijing.", ""), "", 0},
		{"text file with BOM", Doc{Path: "/in/b.txt", Raw: []byte("\uFEFFHello.")}, lib("b", "Hello.", ""), "", 0},
		{"invalid UTF-8", Doc{Path: "/in/u.txt", Raw: []byte("Caf\xe9 said.")}, lib("u", "Caf\xe9 said.", ""), "", 1},
		{"binary", Doc{Path: "/in/bin.txt", Raw: []byte("a\x00b")}, errRec("bin", 1, "binary"), "binary", 0},
		{"too large", Doc{Path: "/in/big.txt", Raw: []byte(strings.Repeat("a", 65))}, errRec("big", 1, "too_large"), "too_large", 0},
		{"json line", Doc{Path: "/in/c.jsonl", Line: 2, Raw: []byte(`{"id":"d","text":"Hi.","src":"AP"}`)}, lib("d", "Hi.", `{"src":"AP"}`), "", 0},
		{"json line with BOM", Doc{Path: "/in/c.jsonl", Line: 1, Raw: []byte("\uFEFF" + `{"text":"Hi."}`)}, lib("line-1", "Hi.", ""), "", 0},
		{"bad json", Doc{Path: "/in/c.jsonl", Line: 3, Raw: []byte(`{"text":`)}, errRec("line-3", 3, "bad_json"), "bad_json", 0},
		{"missing text", Doc{Path: "/in/c.jsonl", Line: 4, Raw: []byte(`{"id":"e"}`)}, errRec("e", 4, "missing_text"), "missing_text", 0},
		{"json too large", Doc{Path: "/in/c.jsonl", Line: 5, Raw: []byte(`{"id":"f","text":"` + strings.Repeat("a", 65) + `"}`)}, errRec("f", 5, "too_large"), "too_large", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			warnings := 0
			rec, pairs, err := analyzeDoc(a, tc.doc, func(id, msg string) { warnings++ })
			require.NoError(t, err)
			assert.Equal(t, tc.doc.Path, rec.Path)
			assert.Equal(t, tc.doc.Line, rec.Line)
			assert.Equal(t, tc.wantCode, rec.Error, "doc %q", tc.doc.Raw)
			assert.Equal(t, tc.warnings, warnings, "doc %q", tc.doc.Raw)
			if tc.wantCode == "" {
				assert.Equal(t, tc.want, rec.JSON, "doc %q", tc.doc.Raw)
				var d parley.Document
				require.NoError(t, json.Unmarshal([]byte(rec.JSON), &d))
				assert.Equal(t, d.Pairs, pairs)
				return
			}
			assert.Empty(t, pairs)
			var got map[string]any
			require.NoError(t, json.Unmarshal([]byte(rec.JSON), &got))
			errObj := got["error"].(map[string]any)
			assert.NotEmpty(t, errObj["message"])
			delete(errObj, "message")
			gotNoMsg, err := json.Marshal(got)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(gotNoMsg), "doc %q", tc.doc.Raw)
		})
	}
}
