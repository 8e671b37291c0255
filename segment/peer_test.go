package segment

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// peerCase is a line of ../shared/data/peer-cases.jsonl.
type peerCase struct {
	SourceRepo string                     `json:"source_repo"`
	Test       string                     `json:"test"`
	Path       string                     `json:"path"`
	Text       string                     `json:"text"`
	Expected   map[string]json.RawMessage `json:"expected"`
}

// strings decodes expected[key] as a list of strings.
func (c peerCase) strings(key string) ([]string, bool) {
	raw, ok := c.Expected[key]
	if !ok {
		return nil, false
	}
	var out []string
	if json.Unmarshal(raw, &out) != nil {
		return nil, false
	}
	return out, true
}

// TestPeerQuoteBoundaries checks the quotation spans (marks included)
// against CoreNLP's QuoteAnnotator cases in peer-cases.jsonl: "quotes" are
// the closed top-level quotations, "embedded" the closed nested ones, and
// the unclosed ones, when listed, those ending unclosed. The other
// extractors' cases that expect no quotes judge direct speech against
// titles and scare quotes, which is the attribution pass's business: they
// are counted apart.
func TestPeerQuoteBoundaries(t *testing.T) {
	path := sharedData("peer-cases.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s absent: %v", path, err)
	}
	cases := readJSONL[peerCase](t, path)
	pass, total := 0, 0
	for i, c := range cases {
		want, ok := c.strings("quotes")
		if !ok || c.SourceRepo != "stanfordnlp/CoreNLP" {
			continue
		}
		total++
		name := c.Test
		if name == "" {
			name = c.Path
		}
		ok = t.Run(name, func(t *testing.T) {
			d := Parse(c.Text)
			assert.Equal(t, want, quoteTexts(d, true, true), "line %d: %q", i+1, c.Text)
			if emb, has := c.strings("embedded"); has {
				assert.Equal(t, emb, quoteTexts(d, true, false), "embedded, line %d", i+1)
			}
			if unc, has := c.strings("unclosed_quotes_when_extractUnclosedQuotes=true"); has {
				assert.Equal(t, unc, quoteTexts(d, false, true), "unclosed, line %d", i+1)
			}
		})
		if ok {
			pass++
		}
	}
	require.NotZero(t, total, "no CoreNLP quote cases in %s", path)
	t.Logf("peer quote-boundary cases: %d/%d passed", pass, total)
}
