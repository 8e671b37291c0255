package stance_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
	"github.com/parleylab/parley/stance"
)

// goldSpan is a span of the parley/v1 record (code points).
type goldSpan struct {
	Start, End int
	Text       string
}

type goldRecord struct {
	ID           string
	Text         string
	Attributions []struct {
		ID       string
		Sentence int
		Source   *struct {
			goldSpan
			Parties []string
		}
		Cue     goldSpan
		Content goldSpan
		Parent  *string
	}
	Stances []struct {
		Source, Target, Label string
		Negated, Hedged       bool
		Sentence              int
		Attribution           *string
	}
}

// triple is what relations are scored on: (source, target, polarity).
type triple struct {
	source, target string
	positive       bool
}

// seed is the seed article with its gold attributions as the attribution
// pass would give them (byte offsets; cue lemma and class from the
// lexicon) and the gold relation triples.
type seed struct {
	doc  *segment.Doc
	atts []attribution.Attribution
	gold map[triple]bool
}

// loadGold reads a parley/v1 gold file of one document and converts its
// code-point offsets to bytes.
func loadGold(t testing.TB, path string, lex *lexicon.Lexicon) seed {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var rec goldRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	// byteAt[i] is the byte offset of code point i.
	var byteAt []int
	for i := range rec.Text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(rec.Text))
	conv := func(s goldSpan) segment.Span {
		sp := segment.Span{Start: byteAt[s.Start], End: byteAt[s.End]}
		require.Equal(t, s.Text, rec.Text[sp.Start:sp.End], "gold span %+v", s)
		return sp
	}
	s := seed{doc: segment.Parse(rec.Text), gold: map[triple]bool{}}
	for _, a := range rec.Attributions {
		att := attribution.Attribution{ID: a.ID, Sentence: a.Sentence, Content: conv(a.Content), Confidence: 1}
		att.Cue.Span = conv(a.Cue)
		if a.Parent != nil {
			att.Parent = *a.Parent
		}
		if a.Source != nil {
			att.Source = &attribution.Source{Span: conv(a.Source.goldSpan), Parties: a.Source.Parties}
		}
		var toks []segment.Token
		for _, tk := range s.doc.Tokens {
			if att.Cue.Span.Contains(tk.Span) {
				toks = append(toks, tk)
			}
		}
		if cm := lex.MatchCues(toks); len(cm) > 0 {
			att.Cue.Lemma, att.Cue.Class = cm[0].Cue.Lemma, cm[0].Cue.Class
		}
		s.atts = append(s.atts, att)
	}
	sort.SliceStable(s.atts, func(i, j int) bool { return s.atts[i].Cue.Start < s.atts[j].Cue.Start })
	for _, st := range rec.Stances {
		if st.Negated {
			continue
		}
		l := st.Label == "agree" || st.Label == "support"
		s.gold[triple{st.Source, st.Target, l}] = true
	}
	return s
}

// tripleF1 scores relations against gold triples, negated relations left out.
func tripleF1(rels []stance.Relation, gold map[triple]bool) (p, r, f float64) {
	pred := map[triple]bool{}
	for _, x := range rels {
		if !x.Negated {
			pred[triple{x.Source, x.Target, x.Score > 0}] = true
		}
	}
	tp := 0
	for k := range pred {
		if gold[k] {
			tp++
		}
	}
	if len(pred) > 0 {
		p = float64(tp) / float64(len(pred))
	}
	if len(gold) > 0 {
		r = float64(tp) / float64(len(gold))
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

var seedPath = filepath.Join("..", "testdata", "seed", "xi-putin-call.gold.jsonl")
