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
	text := func(name, raw string) Doc {
		return Doc{Path: "/in/" + name + ".txt", Line: 1, ID: name, Raw: []byte(raw)}
	}
	line := func(n int, raw string) Doc {
		return Doc{Path: "/in/c.jsonl", Line: n, JSON: true, ID: "line-" + string(rune('0'+n)), Raw: []byte(raw)}
	}
	cases := []struct {
		name     string
		doc      Doc
		want     string // the record, or the error record without its message
		wantCode string
		warnings int
	}{
		{"text file", text("xi", "Moscow said it backed Beijing."), lib("xi", "Moscow said it backed Beijing.", ""), "", 0},
		{"invalid UTF-8", text("u", "Caf\xe9 said."), lib("u", "Caf\xe9 said.", ""), "", 1},
		{"binary", text("bin", "a\x00b"), errRec("bin", 1, "binary"), "binary", 0},
		{"failed while read", Doc{Path: "/in/big.txt", Line: 1, ID: "big", ErrCode: "too_large", ErrMessage: "too big"}, errRec("big", 1, "too_large"), "too_large", 0},
		{"json line", line(2, `{"id":"d","text":"Hi.","src":"AP"}`), lib("d", "Hi.", `{"src":"AP"}`), "", 0},
		{"json line without id", line(3, `{"text":"Hi."}`), lib("line-3", "Hi.", ""), "", 0},
		{"numeric id", line(3, `{"id":42,"text":"Hi."}`), lib("42", "Hi.", ""), "", 0},
		{"json line with invalid UTF-8", line(4, "{\"text\":\"Caf\xe9.\"}"), lib("line-4", "Caf\uFFFD.", ""), "", 1},
		{"bad json", line(3, `{"text":`), errRec("line-3", 3, "bad_json"), "bad_json", 0},
		{"missing text names the id", line(4, `{"id":"e"}`), errRec("e", 4, "missing_text"), "missing_text", 0},
		{"text not a string", line(5, `{"text":3}`), errRec("line-5", 5, "bad_text"), "bad_text", 0},
		{"json text too large", line(6, `{"id":"f","text":"`+strings.Repeat("a", 65)+`"}`), errRec("f", 6, "too_large"), "too_large", 0},
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

func TestAnalyzeDocRecovers(t *testing.T) {
	// A nil Analyzer stands for a bug that makes the analyzer panic.
	rec, pairs, err := analyzeDoc(nil, Doc{Path: "/in/a.txt", Line: 1, ID: "a", Raw: []byte("Hi.")}, func(string, string) {})
	require.NoError(t, err)
	assert.Empty(t, pairs)
	assert.Equal(t, "internal", rec.Error)
	assert.Contains(t, rec.JSON, `"id":"a","line":1,"error":{"code":"internal","message":"internal error: `)
}
