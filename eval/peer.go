package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/parleylab/parley"
)

// PeerCase is one English unit-test case of peer-cases.jsonl reduced to
// what parley checks: the speakers the other tool's test expects.
type PeerCase struct {
	ID   string // source repository, test name and file line
	Text string
	// Speakers are the expected speakers, one per expected quote where
	// the test names one; each is a list of alternatives (the speaker as
	// written, a canonical name), any of which may match.
	Speakers [][]string
	// NoQuote is set when the test expects no direct quotation at all.
	NoQuote bool
	Line    int
}

// PeerOutcome is the check of one case.
type PeerOutcome struct {
	ID      string   `json:"id"`
	Line    int      `json:"line"`
	Pass    bool     `json:"pass"`
	Reason  string   `json:"reason,omitempty"` // why it failed
	Sources []string `json:"sources"`          // the predicted sources
}

// PeerResult is the outcome of the peer-case check.
type PeerResult struct {
	Checked  int           `json:"checked"`
	Passed   int           `json:"passed"`
	Skipped  int           `json:"skipped"` // English unit tests that name no speaker and expect quotes
	Outcomes []PeerOutcome `json:"outcomes"`
}

// peerRecord is one line of peer-cases.jsonl.
type peerRecord struct {
	SourceRepo string          `json:"source_repo"`
	Kind       string          `json:"kind"`
	Lang       string          `json:"lang"`
	Test       string          `json:"test"`
	Text       string          `json:"text"`
	Expected   json.RawMessage `json:"expected"`
}

// peerExpected is the union of the shapes of "expected" found in the
// file.
type peerExpected struct {
	Quotes            json.RawMessage `json:"quotes"`
	SpeakerTokensFlat []string        `json:"speaker_tokens_flat"`
	Speaker           *string         `json:"speaker"`
	Speakers          []string        `json:"speakers"`
	CanonicalSpeaker  string          `json:"canonical_speaker"`
	CanonicalMention  *struct {
		Text string `json:"text"`
	} `json:"canonical_speaker_mention"`
	First *struct {
		Speaker string `json:"speaker"`
	} `json:"first"`
	Statement json.RawMessage `json:"statement"`
}

// ReadPeerCases reads peer-cases.jsonl and returns its English
// kind=="unit_test" cases with the expected speakers, taken from
// quotes[].speaker_tokens, quotes[].speaker, speaker_tokens_flat, speaker
// (with canonical_speaker as an alternative), speakers, first.speaker or
// canonical_speaker_mention.text. A case whose quotes list is empty, or
// whose statement is null, expects no direct quotation. skipped counts
// the English unit tests that give neither.
func ReadPeerCases(path string) (cases []PeerCase, skipped int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, fmt.Errorf("eval: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<16), maxLine)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var rec peerRecord
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, 0, fmt.Errorf("eval: %s:%d: %w: %w", path, line, ErrFormat, err)
		}
		if rec.Kind != "unit_test" || rec.Lang != "en" {
			continue
		}
		var exp peerExpected
		if err := json.Unmarshal(rec.Expected, &exp); err != nil {
			return nil, 0, fmt.Errorf("eval: %s:%d: expected: %w: %w", path, line, ErrFormat, err)
		}
		c := PeerCase{ID: fmt.Sprintf("%s %s (line %d)", rec.SourceRepo, rec.Test, line), Text: rec.Text, Line: line}
		add := func(alts ...string) {
			var keep []string
			for _, a := range alts {
				if a = strings.TrimSpace(a); a != "" && !slices.Contains(keep, a) {
					keep = append(keep, a)
				}
			}
			if len(keep) > 0 && !slices.ContainsFunc(c.Speakers, func(s []string) bool { return slices.Equal(s, keep) }) {
				c.Speakers = append(c.Speakers, keep)
			}
		}
		if len(exp.Quotes) > 0 {
			var quotes []json.RawMessage
			if err := json.Unmarshal(exp.Quotes, &quotes); err != nil {
				return nil, 0, fmt.Errorf("eval: %s:%d: expected.quotes: %w: %w", path, line, ErrFormat, err)
			}
			c.NoQuote = len(quotes) == 0
			for _, q := range quotes {
				var obj struct {
					SpeakerTokens []string `json:"speaker_tokens"`
					Speaker       string   `json:"speaker"`
				}
				if json.Unmarshal(q, &obj) == nil {
					add(strings.Join(obj.SpeakerTokens, " "))
					add(obj.Speaker)
				}
			}
		}
		if len(exp.SpeakerTokensFlat) > 0 {
			var words []string
			for _, w := range exp.SpeakerTokensFlat {
				if !slices.Contains(words, w) {
					words = append(words, w)
				}
			}
			add(strings.Join(words, " "))
		}
		if exp.Speaker != nil {
			add(*exp.Speaker, exp.CanonicalSpeaker)
		}
		for _, s := range exp.Speakers {
			add(s)
		}
		if exp.First != nil {
			add(exp.First.Speaker)
		}
		if exp.CanonicalMention != nil {
			add(exp.CanonicalMention.Text)
		}
		if string(bytes.TrimSpace(exp.Statement)) == "null" {
			c.NoQuote = true
		}
		if len(c.Speakers) == 0 && !c.NoQuote {
			skipped++
			continue
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("eval: %s: %w", path, err)
	}
	return cases, skipped, nil
}

// CheckPeerCase checks the analyzer's record of one case: every expected
// speaker must share a word (case-insensitively) with the text or
// resolved name of some predicted source; a case that expects no quote
// passes when no predicted attribution is direct.
func CheckPeerCase(c PeerCase, doc *parley.Document) PeerOutcome {
	out := PeerOutcome{ID: c.ID, Line: c.Line, Sources: []string{}}
	var words [][]string
	direct := 0
	if doc != nil {
		for _, a := range doc.Attributions {
			if a.Type == "direct" {
				direct++
			}
			if a.Source != nil {
				out.Sources = append(out.Sources, a.Source.Text)
				words = append(words, lowerWords(a.Source.Text+" "+a.Source.Resolved))
			}
		}
	}
	if c.NoQuote {
		out.Pass = direct == 0
		if !out.Pass {
			out.Reason = fmt.Sprintf("expected no direct quotation, found %d", direct)
		}
		return out
	}
	if doc == nil || len(doc.Attributions) == 0 {
		out.Reason = "no attribution found"
		return out
	}
	for _, alts := range c.Speakers {
		found := false
		for _, alt := range alts {
			w := lowerWords(alt)
			for _, src := range words {
				if slices.ContainsFunc(w, func(x string) bool { return slices.Contains(src, x) }) {
					found = true
				}
			}
		}
		if !found {
			out.Reason = fmt.Sprintf("no predicted source overlaps the expected speaker %q", strings.Join(alts, " / "))
			return out
		}
	}
	out.Pass = true
	return out
}

// lowerWords returns the lower-cased word tokens of s.
func lowerWords(s string) []string {
	ix := newTextIndex(strings.ToLower(s))
	out := make([]string, len(ix.starts))
	for i := range ix.starts {
		out[i] = string(ix.runes[ix.starts[i]:ix.ends[i]])
	}
	return out
}

// evalPeer runs the analyzer over the peer cases.
func evalPeer(ds Dataset, sys Systems, cfg Config) (*Result, error) {
	cases, skipped, err := ReadPeerCases(ds.Gold)
	if err != nil {
		return nil, err
	}
	gold := make([]parley.Document, len(cases))
	for i, c := range cases {
		gold[i] = parley.Document{ID: fmt.Sprintf("line-%d", c.Line), Text: c.Text}
	}
	preds, err := predictDocs(gold, ds.Pred, sys, cfg)
	if err != nil {
		return nil, err
	}
	pr := &PeerResult{Checked: len(cases), Skipped: skipped, Outcomes: []PeerOutcome{}}
	for i, c := range cases {
		p := preds[i]
		if p != nil && p.Error != nil {
			p = nil
		}
		o := CheckPeerCase(c, p)
		if o.Pass {
			pr.Passed++
		}
		pr.Outcomes = append(pr.Outcomes, o)
	}
	res := newResult(ds, cfg, len(cases))
	res.Peer = pr
	return res, nil
}

func (p *PeerResult) writeMarkdown(b *strings.Builder) {
	fmt.Fprintf(b, "### Peer cases (English unit tests)\n\n%d of %d passed (%d skipped: no speaker named).\n\n", p.Passed, p.Checked, p.Skipped)
	for _, o := range p.Outcomes {
		if !o.Pass {
			fmt.Fprintf(b, "- FAIL %s: %s; predicted sources: %q\n", o.ID, o.Reason, o.Sources)
		}
	}
	b.WriteString("\n")
}
