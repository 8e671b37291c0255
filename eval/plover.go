package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

// PloverItem is one coded sentence of the PLOVER gold standard records.
type PloverItem struct {
	ID         string
	Text       string
	Event      string   // the PLOVER event category (AGREE, REJECT, ...)
	Polarity   int      // +1 positive, -1 negative, 0 left out (INVESTIGATE, DOCUMENT, unknown)
	Sources    []string // parley party codes of the source actors, in file order, without duplicates
	Targets    []string // parley party codes of the target actors
	Reciprocal bool     // the markup has "SRC/TAR": the relation holds in both directions
	Line       int      // 1-based line of the record's opening brace
}

// ploverPolarity is this project's grouping of PLOVER events (see
// plover-gsr/FORMAT.txt).
var ploverPolarity = map[string]int{
	"AGREE": 1, "SUPPORT": 1, "COOPERATE": 1, "CONSULT": 1, "AID": 1, "CONCEDE": 1, "RETREAT": 1,
	"REJECT": -1, "DISAPPROVE": -1, "DEMAND": -1, "REQUEST": -1, "THREATEN": -1, "PROTEST": -1,
	"SANCTION": -1, "COERCE": -1, "ASSAULT": -1, "FIGHT": -1, "MOBILIZE": -1,
}

// ploverCodes maps PLOVER country codes that differ from parley's.
var ploverCodes = map[string]string{"JAP": "JPN", "ITL": "ITA"}

// genericOrgs finds the organisation behind a generic IGO/NGO/IMG code
// from the actor's text: the first pattern found (case-sensitively, as
// a word) gives the party code. Anything else becomes the actor text
// upper-cased, as parley names unknown organisations.
var genericOrgs = []struct{ pattern, code string }{
	{"Security Council", "UN"}, {"United Nations", "UN"}, {"U.N.", "UN"}, {"UN", "UN"}, {"Kofi Annan", "UN"},
	{"NATO", "NATO"},
	{"European Community", "EU"}, {"European common market", "EU"}, {"EU", "EU"},
	{"International Atomic Energy Agency", "IAEA"}, {"IAEA", "IAEA"},
	{"Asia-Pacific Economic Cooperation", "APEC"},
	{"OSCE", "OSCE"},
	{"Arab League", "ARAB LEAGUE"},
	{"Red Cross", "RED CROSS"}, {"Red Crescent", "RED CRESCENT"},
	{"International Labor Office", "ILO"},
	{"Amnesty International", "AMNESTY INTERNATIONAL"},
	{"al-Qaeda", "AL-QAEDA"},
}

// PloverCode returns the parley party code of a PLOVER actor: JAP→JPN,
// ITL→ITA; generic IGO, NGO and IMG codes are resolved from actorText;
// other codes are kept.
func PloverCode(code, actorText string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if c, ok := ploverCodes[code]; ok {
		return c
	}
	if code != "IGO" && code != "NGO" && code != "IMG" {
		return code
	}
	for _, g := range genericOrgs {
		if containsWord(actorText, g.pattern) {
			return g.code
		}
	}
	return strings.ToUpper(strings.Join(strings.Fields(actorText), " "))
}

// containsWord reports whether pat occurs in s not inside a longer word.
func containsWord(s, pat string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], pat)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(pat)
		if (start == 0 || !isWordByte(s[start-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		i = start + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// ploverRecord is one record of PLOVER_GSR_CAMEO.json, as found.
type ploverRecord struct {
	ID       string          `json:"id"`
	Event    string          `json:"event"`
	Text     string          `json:"text"`
	TextInfo json.RawMessage `json:"textInfo"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
}

type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
}

// ReadPlover reads the PLOVER gold standard records (a JSON array whose
// first element is a metadata record, event DOCUMENT without text, which
// is skipped). A source or target that is null, "" or any non-list value
// counts as no actor.
func ReadPlover(path string) ([]PloverItem, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return parsePlover(path, data)
}

func parsePlover(path string, data []byte) ([]PloverItem, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('[') {
		return nil, fmt.Errorf("eval: %s:%d: not a JSON array: %w", path, lineAt(data, dec.InputOffset()), ErrFormat)
	}
	var items []PloverItem
	for dec.More() {
		line := lineAt(data, skipSpace(data, dec.InputOffset()))
		var rec ploverRecord
		if err := dec.Decode(&rec); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w: %w", path, line, ErrFormat, err)
		}
		if rec.Text == "" && strings.EqualFold(rec.Event, "DOCUMENT") {
			continue // the metadata record
		}
		if rec.ID == "" || rec.Text == "" {
			return nil, fmt.Errorf("eval: %s:%d: record without id or text: %w", path, line, ErrFormat)
		}
		it := PloverItem{ID: rec.ID, Text: rec.Text, Event: rec.Event, Polarity: ploverPolarity[strings.ToUpper(rec.Event)], Line: line}
		var info struct {
			Markup string `json:"markup"`
		}
		if len(rec.TextInfo) > 0 && json.Unmarshal(rec.TextInfo, &info) == nil {
			it.Reciprocal = strings.Contains(info.Markup, "SRC/TAR")
		}
		if it.Sources, err = ploverActors(rec.Source); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: source: %w: %w", path, line, ErrFormat, err)
		}
		if it.Targets, err = ploverActors(rec.Target); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: target: %w: %w", path, line, ErrFormat, err)
		}
		items = append(items, it)
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("eval: %s:%d: %w: %w", path, lineAt(data, dec.InputOffset()), ErrFormat, err)
	}
	return items, nil
}

// ploverActors returns the party codes of a source or target member.
func ploverActors(raw json.RawMessage) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil, nil
	}
	var actors []ploverActor
	if err := json.Unmarshal(raw, &actors); err != nil {
		return nil, err
	}
	var codes []string
	for _, a := range actors {
		c := PloverCode(a.Code, a.ActorText)
		if c != "" && !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	return codes, nil
}

// PloverTriples returns the gold (source, target, polarity) relations of
// a PLOVER item: every source towards every target, and for a reciprocal
// item every ordered pair of distinct actors among sources and targets.
// Self-relations are left out, and so is everything of an item whose
// polarity is 0.
func PloverTriples(it PloverItem) []Triple {
	if it.Polarity == 0 {
		return nil
	}
	var out []Triple
	add := func(s, t string) {
		tr := Triple{Source: s, Target: t, Polarity: it.Polarity}
		if s != t && !slices.Contains(out, tr) {
			out = append(out, tr)
		}
	}
	if it.Reciprocal {
		actors := append(slices.Clone(it.Sources), it.Targets...)
		for _, s := range actors {
			for _, t := range actors {
				add(s, t)
			}
		}
		return out
	}
	for _, s := range it.Sources {
		for _, t := range it.Targets {
			add(s, t)
		}
	}
	return out
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// skipSpace returns the offset of the first non-space byte at or after
// off, skipping a separating comma too.
func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// Triple is one directed relation between two parties with its polarity
// (+1 positive, -1 negative), the unit of pair-level scoring.
type Triple struct {
	Source, Target string
	Polarity       int
}
