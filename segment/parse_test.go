package segment

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden.json files")

// goldenDoc is the JSON form of a Doc in the golden files: every span
// with its text, so that a diff reads.
type goldenDoc struct {
	Tokens     []string      `json:"tokens"` // "text\tkind\tnorm\tcap"
	Paragraphs []goldenSpan  `json:"paragraphs"`
	Sentences  []goldenSent  `json:"sentences"`
	Quotes     []goldenQuote `json:"quotes"`
}

type goldenSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type goldenSent struct {
	goldenSpan
	First     int `json:"first"`
	Last      int `json:"last"`
	Paragraph int `json:"paragraph"`
}

type goldenQuote struct {
	goldenSpan
	Inner  goldenSpan `json:"inner"`
	Closed bool       `json:"closed"`
	Single bool       `json:"single"`
	Parent int        `json:"parent"`
}

func toGolden(d *Doc) goldenDoc {
	span := func(s Span) goldenSpan { return goldenSpan{s.Start, s.End, d.Text[s.Start:s.End]} }
	g := goldenDoc{Tokens: []string{}, Paragraphs: []goldenSpan{}, Sentences: []goldenSent{}, Quotes: []goldenQuote{}}
	for _, t := range d.Tokens {
		g.Tokens = append(g.Tokens, fmt.Sprintf("%s\t%s\t%s\t%v", t.Text, t.Kind, t.Norm, t.Cap))
	}
	for _, p := range d.Paragraphs {
		g.Paragraphs = append(g.Paragraphs, span(p))
	}
	for _, s := range d.Sentences {
		g.Sentences = append(g.Sentences, goldenSent{span(s.Span), s.First, s.Last, s.Paragraph})
	}
	for _, q := range d.Quotes {
		g.Quotes = append(g.Quotes, goldenQuote{span(q.Span), span(q.Inner), q.Closed, q.Single, q.Parent})
	}
	return g
}

// TestGolden parses each testdata/*.txt and compares the result with its
// .golden.json; go test -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			require.NoError(t, err)
			d := Parse(string(text))
			checkInvariants(t, d)
			got, err := json.MarshalIndent(toGolden(d), "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			path := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -run TestGolden -update")
			var g, w goldenDoc
			require.NoError(t, json.Unmarshal(got, &g))
			require.NoError(t, json.Unmarshal(want, &w))
			require.Len(t, g.Sentences, len(w.Sentences), "sentence count")
			require.Len(t, g.Tokens, len(w.Tokens), "token count")
			assert.Equal(t, w, g)
		})
	}
}

func TestParseEdgeCases(t *testing.T) {
	cases := []struct {
		name       string
		text       string
		tokens     int
		paragraphs []string
		sentences  int
	}{
		{"empty", "", 0, []string{}, 0},
		{"only newlines", "\n\r\n\n", 0, []string{}, 0},
		{"BOM only", "\ufeff", 0, []string{}, 0},
		{"BOM at start", "\ufeffHello there.\nBye.", 5, []string{"Hello there.", "Bye."}, 2},
		{"blank lines make no paragraphs", "a.\n\n\n\nb.", 4, []string{"a.", "b."}, 2},
		{"CRLF", "One two.\r\n\r\nThree.\r\n", 5, []string{"One two.", "Three."}, 2},
		{"lone CR", "One.\rTwo.", 4, []string{"One.", "Two."}, 2},
		{"indented lines", "  One.  \n\tTwo.\t", 4, []string{"One.", "Two."}, 2},
		{"no punctuation", "a b c\nd e", 5, []string{"a b c", "d e"}, 2},
		{"invalid UTF-8", "\xff\xfe. \xc3(", 5, []string{"\xff\xfe. \xc3("}, 2},
		{"100k quote marks", strings.Repeat(`"`, 100000), 100000, []string{strings.Repeat(`"`, 100000)}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse(c.text)
			checkInvariants(t, d)
			assert.Equal(t, c.text, d.Text)
			assert.Len(t, d.Tokens, c.tokens)
			paras := []string{}
			for _, p := range d.Paragraphs {
				paras = append(paras, c.text[p.Start:p.End])
			}
			assert.Equal(t, c.paragraphs, paras)
			assert.Len(t, d.Sentences, c.sentences)
		})
	}
}

// TestBOMOffsets checks that a byte order mark shifts no offset: spans
// stay byte offsets into the text as given.
func TestBOMOffsets(t *testing.T) {
	d := Parse("\ufeffXi said.")
	require.NotEmpty(t, d.Tokens)
	assert.Equal(t, 3, d.Tokens[0].Start)
	assert.Equal(t, "Xi", d.Tokens[0].Text)
	assert.Equal(t, Span{3, 11}, d.Sentences[0].Span)
}

// FuzzParse checks the invariants of checkInvariants on any input, seeded
// from the texts in testdata.
func FuzzParse(f *testing.F) {
	if testing.Short() {
		f.Skip("fuzzing skipped under -short")
	}
	files, err := filepath.Glob("testdata/*.txt")
	require.NoError(f, err)
	for _, file := range files {
		b, err := os.ReadFile(file)
		require.NoError(f, err)
		f.Add(string(b))
	}
	type segCase struct {
		Text string `json:"text"`
	}
	for _, c := range readJSONL[segCase](f, "testdata/segmentation-cases.jsonl") {
		f.Add(c.Text)
	}
	for _, s := range []string{"", "\ufeff", `"'“‘«»’”'"`, "\"a\n\"b\n\"c\"", "U.S.-\n'", "a.b.c.", "\xff'\xfe\"", "’s ‘s 's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, Parse(text))
	})
}

// TestLinearTime parses pathological inputs of 64 KiB and of 512 KiB and
// checks that eight times the input takes far less than the 64 times as
// long that quadratic work would (best of three runs after a collection,
// against noise from other processes and the garbage collector). The
// collector is off while Parse runs: the megabytes of tokens of the larger
// input would start a collection that the smaller input does not, which
// scans those tokens while Parse writes them and, on a busy machine,
// competes for a core, so that the ratio would measure the collector.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test skipped under -short")
	}
	units := []struct{ name, unit string }{
		{"straight quotes", `"`},
		{"curly openings", "“"},
		{"mixed marks", "“'‘\"«"},
		{"single quotes", "'a "},
		{"periods", "."},
		{"initials", "A. "},
		{"no punctuation", "word "},
		{"reopened paragraphs", "“a\n"},
		{"unclosed lines", "\"a\nb\n"},
		{"lone marks on every line", "x \" a\n"},
	}
	best := func(text string) time.Duration {
		d := time.Duration(math.MaxInt64)
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		for range 3 {
			runtime.GC()
			start := time.Now()
			Parse(text)
			d = min(d, time.Since(start))
		}
		return d
	}
	for _, u := range units {
		t.Run(u.name, func(t *testing.T) {
			n := (64 << 10) / len(u.unit)
			small := best(strings.Repeat(u.unit, n))
			large := best(strings.Repeat(u.unit, 8*n))
			assert.Less(t, large, 32*small, "1x %v, 8x %v", small, large)
		})
	}
}

// TestParseReusing parses texts in turn into one buffer, each time over
// the tokens of a different text, and wants what Parse gives.
func TestParseReusing(t *testing.T) {
	var texts []string
	for _, f := range []string{"xi-putin-call.txt", "hard-cases.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		require.NoError(t, err)
		texts = append(texts, string(b))
	}
	texts = append(texts, "Putin’s aide said: “No.” 'Jones' cow,' he said.", "", "U.S. OFFICIALS SAID", texts[0])
	var buf []Token
	for i, text := range texts {
		want := Parse(text)
		got := ParseReusing(text, buf)
		require.Equal(t, want, got, "text %d", i)
		buf = got.Tokens
	}
	// The buffer is used when it has room.
	buf = make([]Token, 0, 1000)
	doc := ParseReusing("Moscow said so.", buf)
	require.Len(t, doc.Tokens, 4)
	assert.Same(t, &buf[:1][0], &doc.Tokens[0])
}

// TestParser parses texts in random order with one Parser, whose arrays
// each text reuses from the one before, and wants what Parse gives: with
// and without quotations, sentences, paragraphs and capitalised words
// (whose Norms the Parser writes over), empty and invalid texts.
func TestParser(t *testing.T) {
	texts := []string{"", "Putin’s aide said: “No.” 'Jones' cow,' he said.", "U.S. OFFICIALS SAID",
		"\xff\xfe. \xc3(", "one\n\ntwo three", strings.Repeat(`"`, 50)}
	for _, f := range []string{"xi-putin-call.txt", "hard-cases.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		require.NoError(t, err)
		texts = append(texts, string(b), string(b[len(b)/2:]))
	}
	var p Parser
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		text := texts[r.IntN(len(texts))]
		got := p.Parse(text)
		checkInvariants(t, got)
		require.Equal(t, Parse(text), got, "%.40q", text)
	}
}
