package parley_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleylab/parley"
)

// fuzzSeedTexts returns the texts of testdata/seed: the article and every
// "text" of its JSON Lines files.
func fuzzSeedTexts(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "seed", "xi-putin-call.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	texts := []string{string(b)}
	for _, name := range []string{"segmentation-cases.jsonl", "xi-putin-call.gold.jsonl"} {
		f, err := os.Open(filepath.Join("testdata", "seed", name))
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var v struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
				tb.Fatalf("%s: %v", name, err)
			}
			texts = append(texts, v.Text)
		}
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return texts
}

// FuzzRecordRoundTrip analyzes arbitrary text, marshals the record,
// unmarshals it and checks the record's invariants: offsets in range and
// ordered, every span's text equal to the code points it covers, parents
// that exist, finite scores in [-1, 1], and a stable encoding.
func FuzzRecordRoundTrip(f *testing.F) {
	if testing.Short() {
		f.Skip("fuzz seeds skipped under -short")
	}
	for _, s := range fuzzSeedTexts(f) {
		f.Add(s)
	}
	f.Add("“Nested ‘quotes “inside” here’ said” the minister. \"Unclosed")
	f.Add("Caf\xe9 \xff owner said \u202eprices\u202c rose.\r\n")
	f.Add("")
	a, err := parley.New(parley.Config{Text: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := a.Analyze("fuzz", text)
		if err != nil {
			if !errors.Is(err, parley.ErrBinary) && !errors.Is(err, parley.ErrTooLarge) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var back parley.Document
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		b2, err := json.Marshal(&back)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != string(b2) {
			t.Fatalf("encoding not stable:\n%s\n%s", b, b2)
		}
		checkRecordInvariants(t, &back)
	})
}

// checkRecordInvariants checks a record decoded from JSON against its
// echoed text.
func checkRecordInvariants(t *testing.T, d *parley.Document) {
	t.Helper()
	runes := []rune(d.Text)
	span := func(what string, s parley.Span) {
		if s.Start < 0 || s.Start > s.End || s.End > len(runes) {
			t.Fatalf("%s [%d,%d) out of range (%d code points)", what, s.Start, s.End, len(runes))
		}
		if got := string(runes[s.Start:s.End]); got != s.Text {
			t.Fatalf("%s [%d,%d): text %q, the code points hold %q", what, s.Start, s.End, s.Text, got)
		}
	}
	score := func(what string, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < -1 || v > 1 {
			t.Fatalf("%s: score %v not in [-1, 1]", what, v)
		}
	}
	prev := 0
	for i, s := range d.Sentences {
		if s.Start < prev || s.Start > s.End || s.End > len(runes) {
			t.Fatalf("sentence %d [%d,%d) out of order or range (previous end %d, %d code points)", i, s.Start, s.End, prev, len(runes))
		}
		prev = s.End
	}
	ids := map[string]bool{}
	prevCue := -1
	for _, a := range d.Attributions {
		if ids[a.ID] {
			t.Fatalf("duplicate attribution id %s", a.ID)
		}
		ids[a.ID] = true
		if a.Cue.Start < prevCue {
			t.Fatalf("%s: cues out of order", a.ID)
		}
		prevCue = a.Cue.Start
		if a.Sentence < 0 || a.Sentence >= len(d.Sentences) {
			t.Fatalf("%s: sentence %d of %d", a.ID, a.Sentence, len(d.Sentences))
		}
		span(a.ID+" cue", a.Cue.Span)
		span(a.ID+" content", a.Content)
		if a.Source != nil {
			span(a.ID+" source", a.Source.Span)
		}
		if a.Confidence < 0 || a.Confidence > 1 || math.IsNaN(a.Confidence) {
			t.Fatalf("%s: confidence %v", a.ID, a.Confidence)
		}
	}
	for _, a := range d.Attributions {
		if a.Parent != nil && (!ids[*a.Parent] || *a.Parent == a.ID) {
			t.Fatalf("%s: parent %q does not exist", a.ID, *a.Parent)
		}
	}
	for i, s := range d.Stances {
		score("stance", s.Score)
		if s.Attribution != nil && !ids[*s.Attribution] {
			t.Fatalf("stance %d: attribution %q does not exist", i, *s.Attribution)
		}
		if s.Sentence < 0 || s.Sentence >= len(d.Sentences) {
			t.Fatalf("stance %d: sentence %d of %d", i, s.Sentence, len(d.Sentences))
		}
		for _, e := range s.Evidence {
			span("evidence", e.Span)
		}
	}
	for _, p := range d.Pairs {
		score("pair "+p.Source+"->"+p.Target, p.Score)
		if p.N <= 0 || p.Positive+p.Negative > p.N {
			t.Fatalf("pair %s->%s: counts %d+%d of %d", p.Source, p.Target, p.Positive, p.Negative, p.N)
		}
	}
}
