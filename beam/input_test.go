package parleybeam

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitLines(t *testing.T) {
	type line struct {
		N    int
		Text string
	}
	cases := []struct {
		name, in string
		want     []line
	}{
		{"empty", "", nil},
		{"final newline", "a\nb\n", []line{{1, "a"}, {2, "b"}}},
		{"no final newline", "a\nb", []line{{1, "a"}, {2, "b"}}},
		{"crlf", "a\r\nb\r\n", []line{{1, "a"}, {2, "b"}}},
		{"blank lines keep numbers", "a\n\nc\n", []line{{1, "a"}, {2, ""}, {3, "c"}}},
		{"long line", strings.Repeat("x", 200_000) + "\ny", []line{{1, strings.Repeat("x", 200_000)}, {2, "y"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []line
			err := splitLines(strings.NewReader(tc.in), func(n int, b []byte) { got = append(got, line{n, string(b)}) })
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "input %q", tc.in)
		})
	}
}

func TestFileID(t *testing.T) {
	cases := []struct{ path, want string }{
		{"/a/b/xi-putin-call.txt", "xi-putin-call"},
		{"gs://bucket/dir/doc.v2.txt", "doc.v2"},
		{"noext", "noext"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, fileID(tc.path), "path %q", tc.path)
	}
}

func TestParseLine(t *testing.T) {
	cases := []struct {
		name, in string
		n        int
		wantID   string
		wantText string
		wantMeta string // JSON of Meta; "" for none
		wantCode string // error code; "" for none
	}{
		{"id and text", `{"id":"d1","text":"Hi."}`, 1, "d1", "Hi.", "", ""},
		{"missing id", `{"text":"Hi."}`, 7, "line-7", "Hi.", "", ""},
		{"null id", `{"id":null,"text":"Hi."}`, 2, "line-2", "Hi.", "", ""},
		{"meta passes through", `{"id":"d","text":"x","src":"AP","tags":[1, 2]}`, 1, "d", "x", `{"src":"AP","tags":[1,2]}`, ""},
		{"escaped text", `{"text":"\u201cNo\u201d\n"}`, 1, "line-1", "\u201cNo\u201d\n", "", ""},
		{"malformed", `{"id":"d",`, 3, "line-3", "", "", "bad_json"},
		{"not an object", `[1,2]`, 4, "line-4", "", "", "bad_json"},
		{"null", `null`, 5, "line-5", "", "", "bad_json"},
		{"empty line", ``, 6, "line-6", "", "", "bad_json"},
		{"id not a string", `{"id":5,"text":"x"}`, 2, "line-2", "", "", "bad_json"},
		{"missing text", `{"id":"d"}`, 1, "d", "", "", "missing_text"},
		{"text not a string", `{"id":"d","text":3}`, 1, "d", "", "", "bad_json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, rerr := parseLine([]byte(tc.in), tc.n)
			assert.Equal(t, tc.wantID, d.ID, "line %q", tc.in)
			if tc.wantCode != "" {
				require.NotNil(t, rerr, "line %q", tc.in)
				assert.Equal(t, tc.wantCode, rerr.Code, "line %q", tc.in)
				assert.Contains(t, rerr.Message, "line ", "line %q", tc.in)
				return
			}
			require.Nil(t, rerr, "line %q", tc.in)
			assert.Equal(t, tc.wantText, d.Text, "line %q", tc.in)
			if tc.wantMeta == "" {
				assert.Nil(t, d.Meta, "line %q", tc.in)
				return
			}
			b, err := json.Marshal(d.Meta)
			require.NoError(t, err)
			assert.JSONEq(t, tc.wantMeta, string(b), "line %q", tc.in)
		})
	}
}
