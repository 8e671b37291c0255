package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

// seedDir holds the repository's seed documents.
var seedDir = filepath.Join("..", "..", "testdata", "seed")

const xiText = "xi-putin-call.txt"

// cli runs the command line and returns its exit status, standard output
// and standard error.
func cli(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// writeFile writes content to name in dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func readSeed(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seedDir, name))
	require.NoError(t, err)
	return string(b)
}

// records splits JSON Lines output and decodes each line, checking the
// record's invariants against its echoed text (when there is one).
func records(t *testing.T, out string) []parley.Document {
	t.Helper()
	if out == "" {
		return nil
	}
	require.True(t, strings.HasSuffix(out, "\n"), "output ends with a newline")
	var docs []parley.Document
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var d parley.Document
		require.NoError(t, json.Unmarshal([]byte(line), &d), "output line %d: %.200s", i+1, line)
		require.Equal(t, parley.Schema, d.Schema, "output line %d", i+1)
		if d.Error == nil && d.Text != "" {
			checkSpans(t, d)
		}
		docs = append(docs, d)
	}
	return docs
}

// checkSpans checks that every span of d slices its text in code points.
func checkSpans(t *testing.T, d parley.Document) {
	t.Helper()
	runes := []rune(d.Text)
	span := func(what string, s parley.Span) {
		require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(runes),
			"%s: %s [%d,%d) out of %d code points", d.ID, what, s.Start, s.End, len(runes))
		assert.Equal(t, string(runes[s.Start:s.End]), s.Text, "%s: %s [%d,%d)", d.ID, what, s.Start, s.End)
	}
	prev := 0
	for i, s := range d.Sentences {
		require.True(t, prev <= s.Start && s.Start <= s.End && s.End <= len(runes), "%s: sentence %d", d.ID, i)
		prev = s.End
	}
	for _, a := range d.Attributions {
		span("cue "+a.ID, a.Cue.Span)
		span("content "+a.ID, a.Content)
		if a.Source != nil {
			span("source "+a.ID, a.Source.Span)
		}
	}
	for _, s := range d.Stances {
		assert.False(t, math.IsNaN(s.Score) || s.Score < -1 || s.Score > 1, "%s: score %v", d.ID, s.Score)
		for _, e := range s.Evidence {
			span("evidence", e.Span)
		}
	}
}

// marshalled returns the record line the library gives for id and text:
// json.Marshal of the analyzer's document and "\n".
func marshalled(t *testing.T, cfg parley.Config, id, text string, meta map[string]json.RawMessage) string {
	t.Helper()
	a, err := parley.New(cfg)
	require.NoError(t, err)
	doc, err := a.Analyze(id, text)
	require.NoError(t, err)
	doc.Meta = meta
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	return string(b) + "\n"
}

func TestAnalyzeInputs(t *testing.T) {
	xi := readSeed(t, xiText)
	dir := t.TempDir()
	txt := writeFile(t, dir, "xi-putin-call.txt", xi)
	short := "Moscow said talks would resume.\n"
	jl := writeFile(t, dir, "docs.jsonl",
		`{"id":"d1","text":`+quote(short)+`,"url":"http://x/?a=1&b=2","tags":["a"]}`+"\n"+`{"text":"No id here."}`+"\n")
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  []string // expected output lines
	}{
		{"text file", "", []string{"analyze", txt}, []string{marshalled(t, parley.DefaultConfig(), "xi-putin-call", xi, nil)}},
		{"text file with --text", "", []string{"analyze", "--text", txt},
			[]string{marshalled(t, parley.Config{Text: true}, "xi-putin-call", xi, nil)}},
		{"JSON Lines file with meta and line-N id", "", []string{"analyze", jl}, []string{
			marshalled(t, parley.DefaultConfig(), "d1", short,
				map[string]json.RawMessage{"url": json.RawMessage(`"http://x/?a=1&b=2"`), "tags": json.RawMessage(`["a"]`)}),
			marshalled(t, parley.DefaultConfig(), "line-2", "No id here.", nil)}},
		{"stdin text", short, []string{"analyze"}, []string{marshalled(t, parley.DefaultConfig(), "stdin", short, nil)}},
		{"stdin JSON Lines after a BOM and blank lines", "\uFEFF\n  \n" + `{"id":"s","text":"Hi."}` + "\n",
			[]string{"analyze", "-"}, []string{marshalled(t, parley.DefaultConfig(), "s", "Hi.", nil)}},
		{"stdin forced to text", `{"id":"s"}`, []string{"analyze", "--input", "text"},
			[]string{marshalled(t, parley.DefaultConfig(), "stdin", `{"id":"s"}`, nil)}},
		{"file forced to JSON Lines", "", []string{"analyze", "--input=jsonl", writeFile(t, dir, "j.txt", `{"id":"t","text":"x"}`)},
			[]string{marshalled(t, parley.DefaultConfig(), "t", "x", nil)}},
		{"several files in order", "", []string{"analyze", txt, jl}, []string{
			marshalled(t, parley.DefaultConfig(), "xi-putin-call", xi, nil),
			marshalled(t, parley.DefaultConfig(), "d1", short,
				map[string]json.RawMessage{"url": json.RawMessage(`"http://x/?a=1&b=2"`), "tags": json.RawMessage(`["a"]`)}),
			marshalled(t, parley.DefaultConfig(), "line-2", "No id here.", nil)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := cli(t, tc.stdin, tc.args...)
			require.Equal(t, 0, code, errs)
			assert.Equal(t, strings.Join(tc.want, ""), out, "args %v", tc.args)
			records(t, out)
			assert.Contains(t, errs, fmt.Sprintf("parley analyze: %d documents, 0 errors, 0 warnings", len(tc.want)))
		})
	}
}

func quote(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestAnalyzeWorkersDeterministic checks that the output bytes do not
// depend on the number of workers.
func TestAnalyzeWorkersDeterministic(t *testing.T) {
	var in strings.Builder
	n := 0
	xi := readSeed(t, xiText)
	paras := strings.Split(xi, "\n")
	for i := range 60 {
		// Documents of very different sizes, so workers finish out of order.
		text := strings.Join(paras[:1+i%len(paras)], "\n")
		if i%7 == 0 {
			text = xi + xi
		}
		fmt.Fprintf(&in, `{"id":"doc-%d","text":%s}`+"\n", i, quote(text))
		n++
		if i%11 == 5 {
			in.WriteString("{broken\n")
			n++
		}
	}
	var outs []string
	for _, w := range []string{"1", "4"} {
		code, out, errs := cli(t, in.String(), "analyze", "-q", "--workers", w)
		require.Equal(t, 0, code, errs)
		outs = append(outs, out)
	}
	require.NotEmpty(t, outs[0])
	assert.Equal(t, outs[0], outs[1], "1 and 4 workers")
	assert.Equal(t, n, len(records(t, outs[0])))
}

func TestAnalyzeBadInput(t *testing.T) {
	dir := t.TempDir()
	longText := strings.Repeat("Officials said the talks went well. ", 3000) // > 64 KiB
	quotes := strings.Repeat(`"`, 100_000)
	for _, tc := range []struct {
		name   string
		file   string // file name; "" = standard input
		input  string
		args   []string
		code   int
		check  func(t *testing.T, docs []parley.Document)
		stderr []string // substrings of standard error
	}{
		{name: "invalid UTF-8 in a text file", file: "bad-utf8.txt", input: "Caf\xe9 owner said \xff\xfe prices rose.",
			args: []string{"--text"},
			check: func(t *testing.T, docs []parley.Document) {
				assert.Equal(t, "Caf\uFFFD owner said \uFFFD prices rose.", docs[0].Text)
			},
			stderr: []string{`bad-utf8.txt: id "bad-utf8": invalid UTF-8 replaced by U+FFFD`, "1 warnings"}},
		{name: "invalid UTF-8 in a JSON line, repaired the same way", file: "u.jsonl", input: "{\"id\":\"u\",\"text\":\"Caf\xe9 owner said \xff\xfe prices rose.\"}\n",
			args: []string{"--text"},
			check: func(t *testing.T, docs []parley.Document) {
				assert.Equal(t, "Caf\uFFFD owner said \uFFFD prices rose.", docs[0].Text)
			},
			stderr: []string{`u.jsonl:1: id "u": invalid UTF-8 replaced by U+FFFD`}},
		{name: "NUL byte: binary", file: "bin.txt", input: "GIF89a\x00\x01\x02",
			check: func(t *testing.T, docs []parley.Document) {
				assert.Equal(t, "binary", docs[0].Error.Code)
				assert.Equal(t, "bin", docs[0].ID)
				assert.Equal(t, 1, docs[0].Line)
			},
			stderr: []string{"binary", "1 errors"}},
		{name: "NUL escape in a JSON text: binary", file: "nul.jsonl", input: `{"id":"n","text":"a\u0000b"}`,
			check: func(t *testing.T, docs []parley.Document) { assert.Equal(t, "binary", docs[0].Error.Code) }},
		{name: "empty document: a normal empty record", file: "empty.txt", input: "",
			check: func(t *testing.T, docs []parley.Document) {
				assert.Nil(t, docs[0].Error)
				assert.Equal(t, "empty", docs[0].ID)
				assert.Empty(t, docs[0].Sentences)
				assert.Empty(t, docs[0].Attributions)
			}},
		{name: "empty text in a JSON line", input: `{"id":"e","text":""}`,
			check: func(t *testing.T, docs []parley.Document) { assert.Nil(t, docs[0].Error) }},
		{name: "document over --max-bytes", file: "big.txt", input: strings.Repeat("Talks resumed. ", 10), args: []string{"--max-bytes", "100"},
			check: func(t *testing.T, docs []parley.Document) {
				assert.Equal(t, "too_large", docs[0].Error.Code)
				assert.Equal(t, "big", docs[0].ID)
			}},
		{name: "JSON line over the line limit keeps its id", file: "big.jsonl",
			input: `{"id":"huge","text":"` + strings.Repeat("x", 70_000) + `"}` + "\n" + `{"id":"next","text":"Hi."}` + "\n",
			args:  []string{"--max-bytes", "10"},
			check: func(t *testing.T, docs []parley.Document) {
				require.NotNil(t, docs[0].Error)
				assert.Equal(t, "too_large", docs[0].Error.Code)
				assert.Equal(t, "huge", docs[0].ID)
				assert.Equal(t, 1, docs[0].Line)
				assert.Equal(t, "next", docs[1].ID)
				assert.Nil(t, docs[1].Error)
			}},
		{name: "JSON text over --max-bytes within the line limit", input: `{"id":"t","text":"` + strings.Repeat("y", 200) + `"}`,
			args:  []string{"--max-bytes", "100"},
			check: func(t *testing.T, docs []parley.Document) { assert.Equal(t, "too_large", docs[0].Error.Code) }},
		{name: "line longer than bufio's default", file: "long.jsonl", input: `{"id":"long","text":` + quote(longText) + "}\n",
			args: []string{"--text"},
			check: func(t *testing.T, docs []parley.Document) {
				assert.Nil(t, docs[0].Error)
				assert.Equal(t, longText, docs[0].Text)
				assert.Len(t, docs[0].Attributions, 3000)
			}},
		{name: "malformed JSON line", file: "m.jsonl", input: `{"id":"a","text":"Hi."}` + "\n" + `{"id":"b","text":` + "\n",
			check: func(t *testing.T, docs []parley.Document) {
				assert.Nil(t, docs[0].Error)
				assert.Equal(t, "bad_json", docs[1].Error.Code)
				assert.Equal(t, 2, docs[1].Line)
				assert.Equal(t, "line-2", docs[1].ID)
			},
			stderr: []string{"m.jsonl:2: ", "bad_json"}},
		{name: "JSON line without text", input: `{"id":"a","body":"x"}`,
			check: func(t *testing.T, docs []parley.Document) {
				assert.Equal(t, "missing_text", docs[0].Error.Code)
				assert.Equal(t, "a", docs[0].ID)
			}},
		{name: "text not a string", input: `{"id":"a","text":["x"]}`,
			check: func(t *testing.T, docs []parley.Document) { assert.Equal(t, "bad_text", docs[0].Error.Code) }},
		{name: "duplicate ids are warned, not rewritten", file: "dup.jsonl", input: `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}` + "\n" + `{"id":"a","text":"z"}` + "\n",
			check: func(t *testing.T, docs []parley.Document) {
				assert.Equal(t, []string{"a", "b", "a"}, []string{docs[0].ID, docs[1].ID, docs[2].ID})
			},
			stderr: []string{`dup.jsonl:3: id "a": duplicate id (first at `, "dup.jsonl:1)", "1 warnings"}},
		{name: "unbalanced and nested quotation marks",
			input: "“He said ‘we will “never” accept it,” the minister told reporters. \"Unclosed, she said. ” Stray close.",
			args:  []string{"--text"}},
		{name: "100,000 quote marks in a row", input: quotes, args: []string{"--text"},
			check: func(t *testing.T, docs []parley.Document) { assert.Nil(t, docs[0].Error) }},
		{name: "no punctuation", input: strings.Repeat("officials in moscow said the talks went well ", 500), args: []string{"--text"}},
		{name: "RTL and combining characters",
			input: "قال المتحدث باسم الكرملين إن المحادثات \"مثمرة\". Zoe\u0308 said \"cafe\u0301 talks\u202e went well\u202c.\"",
			args:  []string{"--text"},
			check: func(t *testing.T, docs []parley.Document) { assert.NotEmpty(t, docs[0].Sentences) }},
		{name: "CRLF line ends", file: "crlf.txt", input: "Moscow said on Monday that talks would resume.\r\n\r\n\"We are ready,\" Putin said.\r\n",
			args: []string{"--text"},
			check: func(t *testing.T, docs []parley.Document) {
				assert.Contains(t, docs[0].Text, "\r\n", "nothing but invalid UTF-8 is changed")
				assert.NotEmpty(t, docs[0].Attributions)
			}},
		{name: "BOM at the start of a text file is dropped", file: "bom.txt", input: "\uFEFFMoscow said talks would resume.",
			args: []string{"--text"},
			check: func(t *testing.T, docs []parley.Document) {
				assert.Equal(t, "Moscow said talks would resume.", docs[0].Text)
				require.NotEmpty(t, docs[0].Attributions)
				assert.Equal(t, 0, docs[0].Attributions[0].Source.Start)
			}},
		{name: "BOM inside a JSON text is text", file: "bom.jsonl", input: "\uFEFF" + `{"id":"b","text":"\ufeffHi."}`,
			args:  []string{"--text"},
			check: func(t *testing.T, docs []parley.Document) { assert.Equal(t, "\uFEFFHi.", docs[0].Text) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"analyze"}, tc.args...)
			stdin := tc.input
			if tc.file != "" {
				args = append(args, writeFile(t, dir, tc.file, tc.input))
				stdin = ""
			}
			code, out, errs := cli(t, stdin, args...)
			require.Equal(t, tc.code, code, errs)
			docs := records(t, out)
			require.NotEmpty(t, docs, "input %.60q", tc.input)
			if tc.check != nil {
				tc.check(t, docs)
			}
			for _, s := range tc.stderr {
				assert.Contains(t, errs, s)
			}
		})
	}
}

// TestAnalyzeHugeDocument: a 50 MB document fails under the default 10 MiB
// limit and is analyzed when the limit is raised. The padding is white
// space so that the analysis itself stays quick.
func TestAnalyzeHugeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB document skipped under -short")
	}
	text := "Moscow said talks would resume." + strings.Repeat(" ", 50<<20) + "\n\"We are ready,\" Putin said."
	path := writeFile(t, t.TempDir(), "huge.txt", text)

	code, out, errs := cli(t, "", "analyze", path)
	require.Equal(t, 0, code, errs)
	docs := records(t, out)
	require.Len(t, docs, 1)
	require.NotNil(t, docs[0].Error)
	assert.Equal(t, "too_large", docs[0].Error.Code)

	code, out, errs = cli(t, "", "analyze", "--max-bytes", "60000000", path)
	require.Equal(t, 0, code, errs)
	docs = records(t, out)
	require.Len(t, docs, 1)
	require.Nil(t, docs[0].Error)
	assert.Len(t, docs[0].Attributions, 2)
}

// TestAnalyzeMixedFile: one output line per input document, in order, and
// the good documents' records do not depend on the broken ones around them.
func TestAnalyzeMixedFile(t *testing.T) {
	xi := readSeed(t, xiText)
	good := []string{
		`{"id":"g1","text":` + quote(xi) + `,"source":"seed"}`,
		`{"id":"g2","text":"\"We will not back down,\" Mr. Putin said."}`,
		`{"id":"g3","text":"The EU condemned the strikes, its spokesman said."}`,
	}
	bad := []string{
		`{"id":"b1","text":`,
		`{"id":"b2"}`,
		`{"id":"b3","text":17}`,
		`{"id":"b4","text":"a\u0000b"}`,
		`{"id":"b5","text":"` + strings.Repeat("z", 7000) + `"}`,
		"not json at all",
	}
	mixed := []string{bad[0], good[0], bad[1], bad[2], good[1], bad[3], bad[4], good[2], bad[5]}
	dir := t.TempDir()
	args := func(name string, lines []string) []string {
		return []string{"analyze", "-q", "--max-bytes", "6000", writeFile(t, dir, name, strings.Join(lines, "\n")+"\n")}
	}
	code, mixedOut, errs := cli(t, "", args("mixed.jsonl", mixed)...)
	require.Equal(t, 0, code, errs)
	code, goodOut, errs := cli(t, "", args("good.jsonl", good)...)
	require.Equal(t, 0, code, errs)

	mixedLines := strings.SplitAfter(strings.TrimSuffix(mixedOut, "\n"), "\n")
	goodLines := strings.SplitAfter(strings.TrimSuffix(goodOut, "\n"), "\n")
	require.Len(t, mixedLines, len(mixed))
	require.Len(t, goodLines, len(good))
	docs := records(t, mixedOut)
	wantCodes := []string{"bad_json", "", "missing_text", "bad_text", "", "binary", "too_large", "", "bad_json"}
	g := 0
	for i, d := range docs {
		if wantCodes[i] == "" {
			require.Nil(t, d.Error, "line %d", i+1)
			assert.Equal(t, strings.TrimSuffix(goodLines[g], "\n"), strings.TrimSuffix(mixedLines[i], "\n"), "good document %d", g)
			g++
			continue
		}
		require.NotNil(t, d.Error, "line %d", i+1)
		assert.Equal(t, wantCodes[i], d.Error.Code, "line %d", i+1)
		assert.Equal(t, i+1, d.Line, "line %d", i+1)
	}
	assert.Equal(t, len(good), g)
}

func TestAnalyzeOnErrorFail(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "in.jsonl", `{"id":"a","text":"Hi."}`+"\n"+`{"id":"b"}`+"\n"+`{"id":"c","text":"Yo."}`+"\n")

	code, out, errs := cli(t, "", "analyze", "--on-error", "fail", in)
	assert.Equal(t, exitDocFailed, code)
	docs := records(t, out)
	require.Len(t, docs, 1, "the records before the failed document are delivered")
	assert.Equal(t, "a", docs[0].ID)
	assert.Contains(t, errs, `in.jsonl:2: id "b": missing_text`)

	// With -o nothing is written: the file appears whole or not at all.
	target := filepath.Join(dir, "out.jsonl")
	code, _, _ = cli(t, "", "analyze", "--on-error=fail", "-o", target, in)
	assert.Equal(t, exitDocFailed, code)
	assert.NoFileExists(t, target)
	assert.Equal(t, []string{"in.jsonl"}, dirEntries(t, dir), "no temporary file left behind")
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestAnalyzeOutputFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.jsonl")
	require.NoError(t, os.WriteFile(target, []byte("old\n"), 0o644))

	code, out, errs := cli(t, "Moscow said talks would resume.", "analyze", "-o", target)
	require.Equal(t, 0, code, errs)
	assert.Empty(t, out)
	b, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, marshalled(t, parley.DefaultConfig(), "stdin", "Moscow said talks would resume.", nil), string(b))

	// A failed run leaves the old file as it was.
	code, _, _ = cli(t, "", "analyze", "-o", target, filepath.Join(dir, "missing.txt"))
	assert.Equal(t, exitFatal, code)
	b2, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, b, b2)
	assert.Equal(t, []string{"out.jsonl"}, dirEntries(t, dir))

	code, _, errs = cli(t, "x", "analyze", "-o", filepath.Join(dir, "no-such-dir", "out.jsonl"))
	assert.Equal(t, exitFatal, code, errs)
}

func TestAnalyzePretty(t *testing.T) {
	code, out, errs := cli(t, `{"id":"p","text":"Moscow said talks would resume."}`+"\n"+`{"id":"q"}`, "analyze", "--pretty")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "\n  \"id\": \"p\",\n")
	a, err := parley.New(parley.DefaultConfig())
	require.NoError(t, err)
	doc, err := a.Analyze("p", "Moscow said talks would resume.")
	require.NoError(t, err)
	want, err := json.MarshalIndent(doc, "", "  ")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(out, string(want)+"\n{\n"), "the first record is json.MarshalIndent's:\n%s", out)
	dec := json.NewDecoder(strings.NewReader(out))
	var ids []string
	for dec.More() {
		var d parley.Document
		require.NoError(t, dec.Decode(&d))
		ids = append(ids, d.ID)
	}
	assert.Equal(t, []string{"p", "q"}, ids)
}

func TestAnalyzeUsageAndFatal(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown flag", []string{"analyze", "--frobnicate"}, exitUsage, "flag provided but not defined"},
		{"bad --on-error", []string{"analyze", "--on-error", "ignore"}, exitUsage, "--on-error"},
		{"bad --input", []string{"analyze", "--input", "xml"}, exitUsage, "--input"},
		{"zero workers", []string{"analyze", "--workers", "0"}, exitUsage, "--workers"},
		{"bad --max-bytes", []string{"analyze", "--max-bytes", "-5"}, exitUsage, "--max-bytes"},
		{"missing file", []string{"analyze", filepath.Join(dir, "nope.txt")}, exitFatal, "nope.txt"},
		{"directory", []string{"analyze", dir}, exitFatal, "is a directory"},
		{"missing lexicon dir", []string{"analyze", "--lexicon", filepath.Join(dir, "nolex")}, exitFatal, "nolex"},
		{"help", []string{"analyze", "-h"}, exitOK, "usage: parley analyze"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := cli(t, "Hi.", tc.args...)
			assert.Equal(t, tc.code, code, errs)
			assert.Contains(t, errs, tc.msg)
			if tc.code != exitOK {
				assert.Empty(t, out)
			}
		})
	}
}

func TestLexiconCheck(t *testing.T) {
	good := t.TempDir()
	writeFile(t, good, "cues.tsv", "# name: cues  version: my-1\nbrief\treport\tverb\tbriefs,briefed\n")
	broken := t.TempDir()
	writeFile(t, broken, "cues.tsv", "# name: cues  version: my-1\nbrief\treport\tverb\tbriefs\nsya\tspeak\tverb\t-\n")

	code, out, errs := cli(t, "", "lexicon", "check", good)
	assert.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, "ok")

	code, _, errs = cli(t, "", "lexicon", "check", broken)
	assert.Equal(t, exitFatal, code)
	assert.Contains(t, errs, filepath.Join(broken, "cues.tsv")+":3: ")

	// analyze refuses a broken lexicon the same way, before reading input.
	code, out, errs = cli(t, "Hi.", "analyze", "--lexicon", broken)
	assert.Equal(t, exitFatal, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, filepath.Join(broken, "cues.tsv")+":3: ")

	// A user cue is used.
	code, out, errs = cli(t, "The minister briefed that talks would resume.", "analyze", "--lexicon", good)
	require.Equal(t, exitOK, code, errs)
	docs := records(t, out)
	require.Len(t, docs, 1)
	assert.Contains(t, docs[0].LexiconVersion, "my-1")

	for _, args := range [][]string{{"lexicon"}, {"lexicon", "list", good}, {"lexicon", "check"}} {
		code, _, _ = cli(t, "", args...)
		assert.Equal(t, exitUsage, code, "args %v", args)
	}
	code, _, _ = cli(t, "", "lexicon", "check", filepath.Join(good, "missing"))
	assert.Equal(t, exitFatal, code)
}

func TestVersion(t *testing.T) {
	code, out, _ := cli(t, "", "version")
	require.Equal(t, exitOK, code)
	sc := bufio.NewScanner(strings.NewReader(out))
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.Len(t, lines, 4)
	assert.True(t, strings.HasPrefix(lines[0], "parley "))
	assert.Equal(t, "schema parley/v1", lines[1])
	assert.Regexp(t, `^lexicon \d{4}\.\d+\.\d+`, lines[2])
	code, _, _ = cli(t, "", "version", "extra")
	assert.Equal(t, exitUsage, code)
}
