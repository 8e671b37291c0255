package parleybeam

import (
	"bufio"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadLines(t *testing.T) {
	type line struct {
		N       int
		ID, Raw string
		ErrCode string
	}
	long := `{"id":"big","text":"` + strings.Repeat("x", 3*10+64<<10) + `"}`
	cases := []struct {
		name, in string
		want     []line
	}{
		{"empty", "", nil},
		{"final newline", "{}\n{\"a\":1}\n", []line{{1, "line-1", "{}", ""}, {2, "line-2", `{"a":1}`, ""}}},
		{"no final newline", "{}\n{}", []line{{1, "line-1", "{}", ""}, {2, "line-2", "{}", ""}}},
		{"crlf kept for the parser", "{}\r\n{}\r\n", []line{{1, "line-1", "{}\r", ""}, {2, "line-2", "{}\r", ""}}},
		{"blank lines skipped, numbers kept", "{}\n\n  \n{}\n", []line{{1, "line-1", "{}", ""}, {4, "line-4", "{}", ""}}},
		{"BOM dropped", "\uFEFF{}\n", []line{{1, "line-1", "{}", ""}}},
		{"over-long line", long + "\n{}\n", []line{{1, "big", "", "too_large"}, {2, "line-2", "{}", ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []line
			err := readLines(bufio.NewReader(strings.NewReader(tc.in)), "/in/x.jsonl", 10, func(d Doc) {
				assert.Equal(t, "/in/x.jsonl", d.Path)
				assert.True(t, d.JSON)
				got = append(got, line{d.Line, d.ID, string(d.Raw), d.ErrCode})
			})
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "input %.40q", tc.in)
		})
	}
}

func TestReadText(t *testing.T) {
	cases := []struct {
		name, in string
		wantRaw  string
		wantCode string
	}{
		{"plain", "Hello.\n", "Hello.\n", ""},
		{"empty", "", "", ""},
		{"BOM dropped", "\uFEFFHello.", "Hello.", ""},
		{"at the limit", "0123456789", "0123456789", ""},
		{"over the limit", "0123456789a", "", "too_large"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := readText(bufio.NewReader(strings.NewReader(tc.in)), "/in/doc.v2.txt", 10)
			require.NoError(t, err)
			assert.Equal(t, "/in/doc.v2.txt", d.Path)
			assert.Equal(t, 1, d.Line)
			assert.Equal(t, "doc.v2", d.ID)
			assert.False(t, d.JSON)
			assert.Equal(t, tc.wantCode, d.ErrCode, "input %q", tc.in)
			if tc.wantCode != "" {
				assert.Contains(t, d.ErrMessage, "10 bytes")
				assert.Empty(t, d.Raw)
				return
			}
			assert.Equal(t, tc.wantRaw, string(d.Raw), "input %q", tc.in)
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
