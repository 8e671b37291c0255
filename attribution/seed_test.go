package attribution_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

type goldSpan struct {
	Start, End int
	Text       string
	Parties    []string
	Resolved   string
}

type goldAttr struct {
	ID       string
	Type     string
	Source   *goldSpan
	Cue      goldSpan
	Content  goldSpan
	Parent   *string
	Optional bool
}

type goldDoc struct {
	Text         string
	Attributions []goldAttr
}

func loadGold(t *testing.T, path string) goldDoc {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var d goldDoc
	require.NoError(t, json.Unmarshal(b, &d))
	return d
}

// cpToByte converts a code-point offset of text to a byte offset.
func cpToByte(text string, cp int) int {
	n := 0
	for i := range text {
		if n == cp {
			return i
		}
		n++
	}
	return len(text)
}

func extract(t *testing.T, text string) []attribution.Attribution {
	t.Helper()
	lex, err := lexicon.Default()
	require.NoError(t, err)
	return attribution.Extract(segment.Parse(text), lex)
}

func spanText(text string, s segment.Span) string { return text[s.Start:s.End] }

// TestSeedArticle pins the seed article: every required gold attribution
// is found with the right source, cue, content, parent and parties, and
// nothing is found where the gold has none.
func TestSeedArticle(t *testing.T) {
	gold := loadGold(t, filepath.Join("..", "testdata", "seed", "xi-putin-call.gold.jsonl"))
	text := gold.Text
	got := extract(t, text)

	byCue := map[int]int{} // gold cue byte start -> index in got
	for i, a := range got {
		byCue[a.Cue.Start] = i
	}
	goldIDToGot := map[string]string{}
	for _, g := range gold.Attributions {
		if i, ok := byCue[cpToByte(text, g.Cue.Start)]; ok {
			goldIDToGot[g.ID] = got[i].ID
		}
	}
	for _, g := range gold.Attributions {
		if g.Optional {
			continue
		}
		t.Run(g.ID+" "+g.Cue.Text, func(t *testing.T) {
			i, ok := byCue[cpToByte(text, g.Cue.Start)]
			require.True(t, ok, "gold %s (%q) not found", g.ID, g.Cue.Text)
			a := got[i]
			assert.Equal(t, g.Cue.Text, spanText(text, a.Cue.Span), "cue")
			assert.Equal(t, g.Content.Text, spanText(text, a.Content), "content")
			assert.Equal(t, g.Type, a.Type.String(), "type")
			require.NotNil(t, a.Source, "source")
			assert.Equal(t, g.Source.Text, spanText(text, a.Source.Span), "source")
			assert.Equal(t, g.Source.Parties, a.Source.Parties, "parties")
			if g.Source.Resolved != "" {
				assert.Equal(t, g.Source.Resolved, a.Source.Resolved, "resolved")
			}
			wantParent := ""
			if g.Parent != nil {
				wantParent = goldIDToGot[*g.Parent]
			}
			assert.Equal(t, wantParent, a.Parent, "parent")
		})
	}
	for _, a := range got {
		found := false
		for _, g := range gold.Attributions {
			if cpToByte(text, g.Cue.Start) == a.Cue.Start {
				found = true
			}
		}
		assert.True(t, found, "spurious attribution %s: cue %q source %v content %q", a.ID,
			spanText(text, a.Cue.Span), sourceText(text, a), spanText(text, a.Content))
	}
}

func sourceText(text string, a attribution.Attribution) string {
	if a.Source == nil {
		return "<none>"
	}
	return fmt.Sprintf("%q %v", spanText(text, a.Source.Span), a.Source.Parties)
}
