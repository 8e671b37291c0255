package recenc_test

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/internal/recenc"
)

// requireSameAsMarshal checks that AppendDocument writes json.Marshal's
// bytes for d, after a prefix it must keep, and fails where it fails.
func requireSameAsMarshal(t testing.TB, d *parley.Document) {
	t.Helper()
	want, wantErr := json.Marshal(d)
	prefix := []byte("prefix")
	got, err := recenc.AppendDocument(prefix, d)
	if wantErr != nil {
		require.Error(t, err, "json.Marshal failed (%v); AppendDocument must fail too", wantErr)
		require.Equal(t, "prefix", string(got), "on error dst comes back unchanged")
		return
	}
	require.NoError(t, err)
	require.Equal(t, "prefix", string(got[:len(prefix)]))
	require.Equal(t, string(want), string(got[len(prefix):]))
}

// repoPath is a path relative to the repository root.
func repoPath(elem ...string) string {
	return filepath.Join(append([]string{"..", ".."}, elem...)...)
}

// analyze returns the analyzer's record of text, with the text echoed.
func analyze(t *testing.T, a *parley.Analyzer, id, text string) *parley.Document {
	t.Helper()
	d, err := a.Analyze(id, text)
	require.NoError(t, err, id)
	d.Text = text
	return d
}

func TestAppendDocumentAnalyzerOutput(t *testing.T) {
	a, err := parley.New(parley.DefaultConfig())
	require.NoError(t, err)

	text, err := os.ReadFile(repoPath("examples", "xi-putin-call.txt"))
	require.NoError(t, err)
	d := analyze(t, a, "xi-putin-call", string(text))
	require.NotEmpty(t, d.Attributions, "the seed article must exercise attributions")
	require.NotEmpty(t, d.Stances, "the seed article must exercise stances")
	requireSameAsMarshal(t, d)
	d.Text = ""
	requireSameAsMarshal(t, d)

	dir := repoPath("..", "shared", "data", "polnear")
	paths, err := filepath.Glob(filepath.Join(dir, "*", "text", "*.txt"))
	require.NoError(t, err)
	if len(paths) == 0 {
		t.Skipf("PolNeAR texts not found under %s", dir)
	}
	slices.Sort(paths)
	if testing.Short() {
		paths = paths[:min(len(paths), 5)]
	}
	for _, p := range paths {
		text, err := os.ReadFile(p)
		require.NoError(t, err)
		d := analyze(t, a, filepath.Base(p), string(text))
		requireSameAsMarshal(t, d)
	}
	t.Logf("%d PolNeAR records byte-identical to json.Marshal", len(paths))
}

func ptr(s string) *string { return &s }

// awkward is a string with everything json.Marshal escapes or repairs:
// quotes, backslashes, every short escape, other control bytes, DEL, HTML
// characters, U+2028 and U+2029, invalid UTF-8 (a lone continuation byte,
// a truncated sequence, an encoded surrogate, an overlong form) and valid
// multi-byte text.
const awkward = "q\"b\\s/ \b\f\n\r\t \x00\x01\x1f\x7f <a href=\"x\">&amp;</a> " +
	"\u2028\u2029 \x80 \xe2\x80 \xed\xa0\x80 \xc0\xaf \xff\xfe é “quoted” 😀 \u202e"

// fullDocument returns a record with every field set, strings s and floats f.
func fullDocument(s string, f float64) *parley.Document {
	return &parley.Document{
		Schema:         parley.Schema,
		ID:             s,
		LexiconVersion: s,
		Text:           s,
		Meta: map[string]json.RawMessage{
			"zeta": json.RawMessage(`1`), s: json.RawMessage(`"v"`), "alpha": nil,
		},
		Sentences: []parley.Range{{Start: 0, End: 10}, {Start: 10, End: -1}},
		Attributions: []parley.Attribution{{
			ID: s, Sentence: 1, Type: s,
			Source:     &parley.Source{Span: parley.Span{Start: 1, End: 2, Text: s}, Kind: s, Resolved: s, Parties: []string{s, "RU"}},
			Cue:        parley.Cue{Span: parley.Span{Start: 3, End: 4, Text: s}, Lemma: s, Class: s},
			Content:    parley.Span{Start: 5, End: 6, Text: s},
			Parent:     ptr(s),
			Confidence: f,
			Optional:   true,
		}, {
			ID: "a2", Source: &parley.Source{Parties: []string{}}, Confidence: -f,
		}, {}},
		Stances: []parley.Stance{{
			Source: s, Target: s, Label: s, Score: f, Negated: true, Hedged: true, Sentence: 2,
			Attribution: ptr(s),
			Evidence:    []parley.Evidence{{Span: parley.Span{Text: s}, Term: s, Class: s, Weight: f}, {}},
		}, {Evidence: []parley.Evidence{}}, {}},
		Pairs: []parley.Pair{{Source: s, Target: s, Score: f, Positive: 1, Negative: 2, N: 3}, {}},
		Line:  7,
		Error: &parley.RecordError{Code: s, Message: s},
		// Warnings are not part of the record.
		Warnings: []string{"not encoded"},
	}
}

func TestAppendDocumentEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  *parley.Document
	}{
		{"nil document", nil},
		{"zero document: nil slices are null, optional members left out", &parley.Document{}},
		{"empty slices are []", &parley.Document{Schema: parley.Schema, ID: "x",
			Meta: map[string]json.RawMessage{}, Sentences: []parley.Range{},
			Attributions: []parley.Attribution{}, Stances: []parley.Stance{}, Pairs: []parley.Pair{}}},
		{"every field, plain strings", fullDocument("plain", 0.5)},
		{"every field, awkward strings", fullDocument(awkward, -0.25)},
		{"every byte value", fullDocument(string(func() []byte {
			b := make([]byte, 256)
			for i := range b {
				b[i] = byte(i)
			}
			return b
		}()), 1)},
		{"error record shape", &parley.Document{Schema: parley.Schema, ID: "d", Line: 3,
			Error: &parley.RecordError{Code: "too_large", Message: "document of 9 bytes > 8"}}},
		{"meta: sorted keys, compacted values, HTML and U+2028 escaped", &parley.Document{
			Meta: map[string]json.RawMessage{
				"b":       json.RawMessage(" { \"k\" : [ 1 , 2.50 , true , null ] ,\n\t\"s\" : \"a \\\" <b> & \u2028\u2029 \\u2028 \\\\\" } "),
				"a":       json.RawMessage(`"x"`),
				"A":       json.RawMessage(`-1.5e+300`),
				"é":       json.RawMessage("\"\xff invalid UTF-8 kept\""),
				"<&>":     json.RawMessage(`{}`),
				"":        json.RawMessage(`[]`),
				"nil":     nil,
				"\u2028k": json.RawMessage(`"\u00e9"`),
			}}},
		{"meta: invalid value", &parley.Document{Meta: map[string]json.RawMessage{"bad": json.RawMessage(`{"a":}`)}}},
		{"meta: empty non-nil value", &parley.Document{Meta: map[string]json.RawMessage{"empty": {}}}},
		{"meta: two values", &parley.Document{Meta: map[string]json.RawMessage{"ok": json.RawMessage(`1`), "bad": json.RawMessage(`1 2`)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireSameAsMarshal(t, tc.doc)
		})
	}
}

func TestAppendDocumentFloats(t *testing.T) {
	for _, f := range []float64{
		0, math.Copysign(0, -1), 1, -1, 0.1, 1.0 / 3, 2.0 / 3, 0.123456789012345678,
		1e-6, 9.999999999999999e-7, 1e-7, 1.5e-7, 1e-10, 1e-100, -1e-300,
		math.SmallestNonzeroFloat64, 5e-324, 2.2250738585072014e-308,
		1e20, 999999999999999900000, 1e21, 1.5e21, 1e22, 1e100, -1e21,
		math.MaxFloat64, -math.MaxFloat64, 123456789.125, 1 << 53, 1<<53 + 2,
	} {
		t.Run("", func(t *testing.T) {
			requireSameAsMarshal(t, fullDocument("f", f))
		})
	}
}

// The encoder writes floats that are a multiple of 10^-d, d <= 4, without
// strconv (the record's rounded scores): it must write what json.Marshal
// writes, and the others as before.
func TestAppendDocumentDecimalFloats(t *testing.T) {
	var fs []float64
	for k := -20_000; k <= 20_000; k += 7 {
		fs = append(fs, float64(k)/1e4, float64(k)/1e3, float64(k)/10, float64(k)*1e4+float64(k)/1e4)
	}
	for _, f := range []float64{1e-4, 9.999e-5, 1.0001e-4, 0.30000000000000004, 0.58, 0.5800000000000001,
		999_999_999.9999, 999_999_999.99999, 1e9, 1e9 + 0.5, 123_456_789.0001, 0.1 + 0.2, 1.00005, 2.5e-3} {
		fs = append(fs, f, -f)
	}
	for _, f := range fs {
		want, err := json.Marshal(f)
		require.NoError(t, err)
		d := &parley.Document{Pairs: []parley.Pair{{Score: f}}}
		got, err := recenc.AppendDocument(nil, d)
		require.NoError(t, err)
		require.Contains(t, string(got), `"score":`+string(want)+`,`, "%v", f)
	}
}

// Integers are written without strconv when they are small and not
// negative; the cases change at each power of ten.
func TestAppendDocumentInts(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 9999, 10_000, 10_203, 12_345,
		99_999, 100_000, 100_001, 99_999_999, 100_000_000,
		999_999_999, 1_000_000_000, math.MaxInt, -1, -10, -1_000_000_000, math.MinInt} {
		requireSameAsMarshal(t, &parley.Document{Sentences: []parley.Range{{Start: n, End: n}},
			Pairs: []parley.Pair{{Positive: n, Negative: n, N: n}}, Line: n})
	}
}

// NaN and ±Inf: json.Marshal fails on them, so AppendDocument fails too
// (requireSameAsMarshal checks that) with an *UnsupportedValueError naming
// the field.
func TestAppendDocumentUnsupportedFloats(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		for _, tc := range []struct {
			field string
			doc   *parley.Document
		}{
			{"attributions.confidence", &parley.Document{Attributions: []parley.Attribution{{}, {Confidence: f}}}},
			{"stances.score", &parley.Document{Stances: []parley.Stance{{Score: f}}}},
			{"stances.evidence.weight", &parley.Document{Stances: []parley.Stance{{Evidence: []parley.Evidence{{Weight: f}}}}}},
			{"pairs.score", &parley.Document{Pairs: []parley.Pair{{Score: f}}}},
		} {
			t.Run(tc.field, func(t *testing.T) {
				requireSameAsMarshal(t, tc.doc)
				_, err := recenc.AppendDocument(nil, tc.doc)
				var uv *recenc.UnsupportedValueError
				require.True(t, errors.As(err, &uv), "error %v", err)
				assert.Equal(t, tc.field, uv.Field)
				assert.Equal(t, math.IsNaN(f), math.IsNaN(uv.Value))
			})
		}
	}
}

func TestAppendDocumentMetaError(t *testing.T) {
	d := &parley.Document{Meta: map[string]json.RawMessage{"a": json.RawMessage(`1`), "b": json.RawMessage(`nul`)}}
	_, err := recenc.AppendDocument(nil, d)
	var me *recenc.MetaError
	require.True(t, errors.As(err, &me), "error %v", err)
	assert.Equal(t, "b", me.Key)
}

func TestAppendErrorRecord(t *testing.T) {
	for _, r := range []*parley.ErrorRecord{
		nil,
		{},
		{Schema: parley.Schema, ID: "doc-1", Line: 12, Error: parley.RecordError{Code: "bad_json", Message: "line 12: invalid character '}'"}},
		{Schema: parley.Schema, ID: awkward, Line: -1, Error: parley.RecordError{Code: awkward, Message: awkward}},
	} {
		want, err := json.Marshal(r)
		require.NoError(t, err)
		got := recenc.AppendErrorRecord([]byte("prefix"), r)
		assert.Equal(t, "prefix"+string(want), string(got))
	}
}

// FuzzAppendDocument builds records from fuzzed strings, floats, an int and
// a meta value and checks AppendDocument and AppendErrorRecord against
// json.Marshal: the same bytes, and an error exactly when json.Marshal
// fails.
func FuzzAppendDocument(f *testing.F) {
	f.Add("plain", "Moscow", "source", 0.5, -0.25, 3, []byte(`{"a": [1, "<b>"]}`), false)
	f.Add(awkward, "\xff", "\u2028", 1e-7, 1e21, -1, []byte(" \"x\" "), false)
	f.Add("", "", "", 0.0, math.Copysign(0, -1), 0, []byte(nil), true)
	f.Add("a", "b", "c", math.NaN(), 1.0, 1, []byte(`1`), false)
	f.Add("a", "b", "c", 1.0, math.Inf(-1), 1, []byte(`{"a":`), false)
	f.Fuzz(func(t *testing.T, s1, s2, s3 string, f1, f2 float64, n int, meta []byte, nilMeta bool) {
		d := fullDocument(s1, f1)
		d.Attributions[1].Source.Text = s2
		d.Attributions[1].Confidence = f2
		d.Stances[1].Label = s3
		d.Pairs[1].Score = f2
		d.Line = n
		d.Sentences[1].End = n
		raw := json.RawMessage(meta)
		if nilMeta {
			raw = nil
		}
		d.Meta[s2] = raw
		d.Meta[s3] = json.RawMessage(`"` + s3 + `"`) // invalid JSON when s3 has a quote or control byte
		requireSameAsMarshal(t, d)

		d.Meta = nil
		d.Text, d.LexiconVersion, d.Error = "", "", nil
		d.Attributions[0].Source = nil
		d.Stances[0].Evidence = nil
		requireSameAsMarshal(t, d)

		r := &parley.ErrorRecord{Schema: s1, ID: s2, Line: n, Error: parley.RecordError{Code: s3, Message: s1 + s2}}
		want, err := json.Marshal(r)
		require.NoError(t, err)
		require.Equal(t, string(want), string(recenc.AppendErrorRecord(nil, r)))
	})
}

// BenchmarkAppendDocument encodes the seed article's record into a reused
// buffer; compare BenchmarkMarshalRecord in the root package.
func BenchmarkAppendDocument(b *testing.B) {
	text, err := os.ReadFile(repoPath("examples", "xi-putin-call.txt"))
	require.NoError(b, err)
	a, err := parley.New(parley.DefaultConfig())
	require.NoError(b, err)
	d, err := a.Analyze("xi-putin-call", string(text))
	require.NoError(b, err)
	buf, err := recenc.AppendDocument(nil, d)
	require.NoError(b, err)
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		if buf, err = recenc.AppendDocument(buf[:0], d); err != nil {
			b.Fatal(err)
		}
	}
}
