package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readAll(t *testing.T, r *Reader) []Line {
	t.Helper()
	var out []Line
	for {
		l, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		require.NoError(t, err)
		out = append(out, l)
	}
}

func TestReader(t *testing.T) {
	long := strings.Repeat("x", 200_000) // longer than bufio.Scanner's 64 KiB and than the reader's buffer
	for _, tc := range []struct {
		name  string
		in    string
		limit int
		want  []Line
	}{
		{"empty", "", 10, nil},
		{"one line without newline", "abc", 10, []Line{{N: 1, Bytes: []byte("abc"), Len: 3}}},
		{"blank lines are lines", "a\n\nb\n", 10, []Line{
			{N: 1, Bytes: []byte("a"), Len: 1}, {N: 2, Bytes: []byte{}, Len: 0}, {N: 3, Bytes: []byte("b"), Len: 1}}},
		{"CRLF keeps the CR", "a\r\nb\r\n", 10, []Line{
			{N: 1, Bytes: []byte("a\r"), Len: 2}, {N: 2, Bytes: []byte("b\r"), Len: 2}}},
		{"leading BOM dropped", BOM + "a\n" + BOM + "b", 10, []Line{
			{N: 1, Bytes: []byte("a"), Len: 1}, {N: 2, Bytes: []byte(BOM + "b"), Len: 4}}},
		{"exactly the limit", "abcde\nfg", 5, []Line{
			{N: 1, Bytes: []byte("abcde"), Len: 5}, {N: 2, Bytes: []byte("fg"), Len: 2}}},
		{"one over the limit", "abcdef\nfg", 5, []Line{
			{N: 1, Bytes: []byte("abcdef"), Len: 6, TooLong: true}, {N: 2, Bytes: []byte("fg"), Len: 2}}},
		{"one over the limit at EOF", "abcdef", 5, []Line{{N: 1, Bytes: []byte("abcdef"), Len: 6, TooLong: true}}},
		{"long line within the limit", long + "\nz", 1 << 20, []Line{
			{N: 1, Bytes: []byte(long), Len: int64(len(long))}, {N: 2, Bytes: []byte("z"), Len: 1}}},
		{"long line over the limit keeps a prefix", long + "\nz", 1000, []Line{
			{N: 1, Bytes: []byte(long[:prefixKeep]), Len: int64(len(long)), TooLong: true}, {N: 2, Bytes: []byte("z"), Len: 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// One byte at a time, too, to exercise every chunk boundary.
			for _, r := range []io.Reader{strings.NewReader(tc.in), iotest.OneByteReader(strings.NewReader(tc.in))} {
				got := readAll(t, NewReader(r, tc.limit))
				require.Len(t, got, len(tc.want), "input %.40q", tc.in)
				for i := range got {
					assert.Equal(t, tc.want[i].N, got[i].N, "line %d", i)
					assert.Equal(t, string(tc.want[i].Bytes), string(got[i].Bytes), "line %d", i)
					assert.Equal(t, tc.want[i].Len, got[i].Len, "line %d", i)
					assert.Equal(t, tc.want[i].TooLong, got[i].TooLong, "line %d", i)
				}
			}
		})
	}
}

func TestReaderBlank(t *testing.T) {
	got := readAll(t, NewReader(strings.NewReader(" \t\r\n{}\n"), 100))
	require.Len(t, got, 2)
	assert.True(t, got[0].Blank())
	assert.False(t, got[1].Blank())
}

func TestReaderError(t *testing.T) {
	boom := errors.New("boom")
	r := NewReader(io.MultiReader(strings.NewReader("a\nb"), iotest.ErrReader(boom)), 10)
	l, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, "a", string(l.Bytes))
	_, err = r.Next()
	require.ErrorIs(t, err, boom)
}

func TestLooksJSONL(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
		rest string
	}{
		{`{"text":"x"}`, true, `{"text":"x"}`},
		{BOM + "\r\n  {", true, "\r\n  {"},
		{"Moscow said", false, "Moscow said"},
		{BOM + "\u00a0{", false, "\u00a0{"},
		{"", false, ""},
		{"   \n", false, "   \n"},
		{strings.Repeat(" ", 5000) + "{", true, strings.Repeat(" ", 5000) + "{"},
	} {
		br := bufio.NewReaderSize(strings.NewReader(tc.in), 1<<16)
		got, err := LooksJSONL(br)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "input %.40q", tc.in)
		rest, err := io.ReadAll(br)
		require.NoError(t, err)
		assert.Equal(t, tc.rest, string(rest), "input %.40q", tc.in)
	}
	// White space beyond the buffer: not JSON Lines.
	br := bufio.NewReaderSize(strings.NewReader(strings.Repeat(" ", 100)+"{"), 16)
	got, err := LooksJSONL(br)
	require.NoError(t, err)
	assert.False(t, got)
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name string
		line string
		want Doc
		code string
	}{
		{"id and text", `{"id":"d1","text":"Hi."}`, Doc{ID: "d1", HasID: true, Text: "Hi."}, ""},
		{"numeric id", `{"id":17,"text":""}`, Doc{ID: "17", HasID: true}, ""},
		{"null id", `{"id":null,"text":"x"}`, Doc{Text: "x"}, ""},
		{"no id", ` {"text":"x"} ` + "\r", Doc{Text: "x"}, ""},
		{"meta", `{"url":"u","n":[1, 2],"text":"x","id":"a"}`, Doc{ID: "a", HasID: true, Text: "x",
			Meta: map[string]json.RawMessage{"url": json.RawMessage(`"u"`), "n": json.RawMessage(`[1, 2]`)}}, ""},
		{"invalid UTF-8 repaired per run", "{\"id\":\"a\",\"text\":\"x\xff\xfey\"}", Doc{ID: "a", HasID: true, Text: "x\uFFFDy", Repaired: true}, ""},
		{"escapes", `{"text":"\"q\"\n\u00e9"}`, Doc{Text: "\"q\"\né"}, ""},
		{"malformed", `{"id":"a","text":"x"`, Doc{}, "bad_json"},
		{"not an object", `["a"]`, Doc{}, "bad_json"},
		{"null line", `null`, Doc{}, "bad_json"},
		{"missing text", `{"id":"a","body":"x"}`, Doc{ID: "a", HasID: true}, "missing_text"},
		{"text not a string", `{"id":"a","text":42}`, Doc{ID: "a", HasID: true}, "bad_text"},
		{"text null", `{"id":"a","text":null}`, Doc{ID: "a", HasID: true}, "bad_text"},
		{"id an object", `{"id":{"x":1},"text":"x"}`, Doc{}, "bad_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse([]byte(tc.line))
			if tc.code != "" {
				require.Error(t, err, tc.line)
				assert.Equal(t, tc.code, Code(err), "line %s: %v", tc.line, err)
			} else {
				require.NoError(t, err, tc.line)
				assert.Equal(t, tc.want.Text, got.Text)
				assert.Equal(t, tc.want.Meta, got.Meta)
				assert.Equal(t, tc.want.Repaired, got.Repaired)
			}
			assert.Equal(t, tc.want.ID, got.ID, tc.line)
			assert.Equal(t, tc.want.HasID, got.HasID, tc.line)
		})
	}
	assert.Empty(t, Code(errors.New("other")))
}

// TestParseDepth checks that Parse accepts exactly the nesting depths
// that encoding/json accepts (10,000 with the line's object).
func TestParseDepth(t *testing.T) {
	for _, tc := range []struct {
		arrays int
		ok     bool
	}{
		{9998, true},
		{9999, true},
		{10000, false},
		{10001, false},
	} {
		line := []byte(`{"text":"x","a":` + strings.Repeat("[", tc.arrays) + strings.Repeat("]", tc.arrays) + `}`)
		require.Equal(t, tc.ok, json.Valid(line), "json.Valid, %d arrays", tc.arrays)
		_, err := Parse(line)
		if tc.ok {
			assert.NoError(t, err, "%d arrays", tc.arrays)
		} else {
			assert.ErrorIs(t, err, ErrBadJSON, "%d arrays", tc.arrays)
		}
	}
}

func TestPeekID(t *testing.T) {
	for _, tc := range []struct {
		prefix string
		id     string
		ok     bool
	}{
		{`{"id":"d1","text":"trunc`, "d1", true},
		{`{"source":{"a":[1]},"id":7,"text":"trunc`, "7", true},
		{`{"text":"trunc`, "", false},
		{`{"id":"tru`, "", false},
		{`not json`, "", false},
		{`{"text":"done","id":"late"}`, "late", true},
	} {
		id, ok := PeekID([]byte(tc.prefix))
		assert.Equal(t, tc.ok, ok, tc.prefix)
		assert.Equal(t, tc.id, id, tc.prefix)
	}
}

// referenceParse decodes a line with encoding/json's map decoding, the
// behaviour Parse must match.
func referenceParse(line []byte) (id, text string, meta map[string]json.RawMessage, ok bool) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil || m == nil {
		return "", "", nil, false
	}
	if raw, has := m["id"]; has {
		if err := json.Unmarshal(raw, &id); err != nil && raw[0] == '"' {
			return "", "", nil, false
		}
		if raw[0] != '"' && string(raw) != "null" {
			id = string(raw)
		}
		delete(m, "id")
	}
	raw, has := m["text"]
	if !has || raw[0] != '"' || json.Unmarshal(raw, &text) != nil {
		return "", "", nil, false
	}
	delete(m, "text")
	if len(m) == 0 {
		m = nil
	}
	return id, text, m, true
}

// FuzzParse checks Parse against encoding/json on valid UTF-8 lines, and
// on other lines against Parse of the line repaired first.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"id":"d1","text":"Hi."}`, `{"id":7,"text":"a\"b\\c\u00e9\n","x":{"y":[1,"]}"]},"z":null}`,
		` { "text" : "x" , "te\u0078t" : "y" } `, `{"text":"x","text":"y"}`, `{}`, `{"text":["x"]}`,
		`{"a":"}","text":"q","b":[{"c":"\\"}]}`, `{"text":"x"} x`, `{"text":"\ud800"}`, `{"id":-1.5e3,"text":""}`,
		`{"text":"\ud83d\ude00 \ud83d\u0041 \ude00\ud83d \u00E9\/\b\f\t"}`,
		`{"id":"a\u00e9\ud800\"\\\ud83d\ude00 é","text":"x"}`,
		"{\"text\":\"a\xffb\xc3\"}", "{\"id\":\"\xe2\x80\",\"text\":\"é\"}", "{\xff\"text\":\"x\"}", "{\"text\":\"x\"}\xc3",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if !utf8.ValidString(line) {
			d, err := Parse([]byte(line))
			want, werr := Parse([]byte(strings.ToValidUTF8(line, "\uFFFD")))
			want.Repaired = true
			if !reflect.DeepEqual(d, want) || fmt.Sprint(err) != fmt.Sprint(werr) {
				t.Fatalf("%q: Parse (%+v, %v), repaired first (%+v, %v)", line, d, err, want, werr)
			}
			return
		}
		d, err := Parse([]byte(line))
		id, text, meta, ok := referenceParse(bytes.TrimSpace([]byte(line)))
		if code := Code(err); code == "bad_id" {
			return // the reference does not tell bad ids apart
		}
		if (err == nil) != ok {
			t.Fatalf("%q: Parse error %v, reference ok %v", line, err, ok)
		}
		if !ok {
			return
		}
		if d.ID != id || d.Text != text || !reflect.DeepEqual(d.Meta, meta) {
			t.Fatalf("%q: Parse (%q, %q, %v), reference (%q, %q, %v)", line, d.ID, d.Text, d.Meta, id, text, meta)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	line := []byte(`{"id":"politico/2016-01-01_x#0","url":"https://example.com/a?b=1","text":"` +
		strings.Repeat(`Moscow said on Monday that \"talks\" would resume, officials said. `, 70) + `"}`)
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(line); err != nil {
			b.Fatal(err)
		}
	}
}
