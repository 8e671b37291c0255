package attribution_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// FuzzExtract checks the invariants of Extract on any text: spans lie in
// the text on character boundaries, content never overlaps its cue, ids
// are a1..an in cue order, parents exist and are not the attribution
// itself, sentence indices and confidences are in range.
func FuzzExtract(f *testing.F) {
	for _, seed := range []string{
		"Putin said Russia would act responsibly.",
		"“Hello,” he said, “how are you doing?”",
		"Chinese state media reported that Xi said the talks went well.",
		"Reuters, citing two officials, reported that the talks failed.",
		"According to the ministry, the talks failed. It is said that P.",
		"“We need answers.” ― Pamela Padilla",
		"\"unbalanced, said X. “nested ‘quotes’ said he",
	} {
		f.Add(seed)
	}
	if b, err := os.ReadFile(filepath.Join("..", "testdata", "seed", "xi-putin-call.txt")); err == nil {
		f.Add(string(b))
	}
	lex, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if testing.Short() && len(text) > 1<<16 {
			t.Skip()
		}
		doc := segment.Parse(text)
		atts := attribution.Extract(doc, lex)
		ids := map[string]bool{}
		for i, a := range atts {
			want := "a" + strconv.Itoa(i+1)
			if a.ID != want {
				t.Fatalf("text %q: attribution %d has id %q, want %q", text, i, a.ID, want)
			}
			ids[a.ID] = true
			if i > 0 && atts[i-1].Cue.Start > a.Cue.Start {
				t.Fatalf("text %q: %s not in cue order", text, a.ID)
			}
			spans := []segment.Span{a.Cue.Span, a.Content}
			if a.Source != nil {
				spans = append(spans, a.Source.Span)
			}
			for _, s := range spans {
				if s.Start < 0 || s.Start >= s.End || s.End > len(text) {
					t.Fatalf("text %q: %s span %+v out of range", text, a.ID, s)
				}
				if !boundary(text, s.Start) || !boundary(text, s.End) {
					t.Fatalf("text %q: %s span %+v splits a character", text, a.ID, s)
				}
			}
			if a.Content.Overlaps(a.Cue.Span) {
				t.Fatalf("text %q: %s content %+v overlaps cue %+v", text, a.ID, a.Content, a.Cue.Span)
			}
			if a.Sentence < 0 || a.Sentence >= len(doc.Sentences) {
				t.Fatalf("text %q: %s sentence %d of %d", text, a.ID, a.Sentence, len(doc.Sentences))
			}
			if a.Confidence < 0 || a.Confidence > 1 {
				t.Fatalf("text %q: %s confidence %v", text, a.ID, a.Confidence)
			}
		}
		for _, a := range atts {
			if a.Parent != "" && (!ids[a.Parent] || a.Parent == a.ID) {
				t.Fatalf("text %q: %s has parent %q", text, a.ID, a.Parent)
			}
		}
	})
}

// boundary reports whether byte offset i of text starts a character (or
// ends the text); invalid bytes count as characters of their own.
func boundary(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i]) || !utf8.ValidString(text)
}
