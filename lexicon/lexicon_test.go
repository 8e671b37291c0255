package lexicon

import (
	"bufio"
	"errors"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/segment"
)

func defaultLex(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Default()
	require.NoError(t, err)
	return l
}

// spanText returns the source text of the tokens of m.
func spanText(text string, toks []segment.Token, m Match) string {
	return text[toks[m.Start].Start:toks[m.End-1].End]
}

func TestDataVersionInEveryHeader(t *testing.T) {
	sub, err := fs.Sub(dataFS, "data")
	require.NoError(t, err)
	ents, err := fs.ReadDir(sub, ".")
	require.NoError(t, err)
	require.Len(t, ents, int(nTables), "one embedded file per table")
	for _, e := range ents {
		f, err := sub.Open(e.Name())
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		require.True(t, sc.Scan(), e.Name())
		h := headerFields(sc.Text())
		require.NoError(t, f.Close())
		tb, ok := tableOf(e.Name())
		require.True(t, ok, e.Name())
		assert.Equal(t, DataVersion, h["version"], e.Name())
		assert.Equal(t, files[tb].name, h["name"], e.Name())
		assert.Equal(t, "CC-BY-4.0", h["license"], e.Name())
	}
	assert.Equal(t, DataVersion, defaultLex(t).Version)
}

func TestDefaultIsShared(t *testing.T) {
	a, b := defaultLex(t), defaultLex(t)
	assert.Same(t, a, b)
}

func TestConcurrentUse(t *testing.T) {
	l := defaultLex(t)
	text := "Russia reiterated support for Beijing’s position, the Kremlin said, while officials denied reportedly baseless claims."
	toks := segment.Tokenize(text)
	want := [4]int{len(l.MatchCues(toks)), len(l.MatchParties(toks)), len(l.MatchRoles(toks)), len(l.MatchTerms(toks))}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				got := [4]int{len(l.MatchCues(toks)), len(l.MatchParties(toks)), len(l.MatchRoles(toks)), len(l.MatchTerms(toks))}
				assert.Equal(t, want, got)
				l.Stem("denies")
			}
		})
	}
	wg.Wait()
}

func TestEnumStrings(t *testing.T) {
	for c := Report; c <= Criticize; c++ {
		got, err := ParseClass(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, got)
	}
	for k := Verb; k <= Colon; k++ {
		got, err := ParseCueKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	for k := Country; k <= Media; k++ {
		got, err := ParsePartyKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	for c := Title; c <= Group; c++ {
		got, err := ParseRoleClass(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, got)
	}
	for k := StanceTerm; k <= Intensifier; k++ {
		got, err := ParseTermKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	for r := AnyReferent; r <= OrgReferent; r++ {
		got, err := ParseReferent(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	assert.Equal(t, "criticize", Criticize.String())
	assert.Equal(t, "unknown", Class(200).String())
	_, err := ParseClass("sya")
	assert.ErrorIs(t, err, ErrBadEntry)
	assert.Contains(t, err.Error(), `unknown class "sya"`)
}

// baseFS is a minimal complete set of lexicon files.
func baseFS() fstest.MapFS {
	h := func(name string) string {
		return "# name: " + name + "  version: 1.0  source: test  license: CC0\n"
	}
	return fstest.MapFS{
		"cues.tsv":         {Data: []byte(h("cues") + "say\treport\tverb\tsays,said,saying\nopine\tbelief\tverb\t-\nclaim\tassert\tnoun\tclaims\n")},
		"parties.tsv":      {Data: []byte(h("parties") + "Russia\tRUS\tcountry\nthe Kremlin\tRUS\tseat\n")},
		"roles.tsv":        {Data: []byte(h("roles") + "spokesman\ttitle\tsg\nthey\tpronoun\tpl\tgroup\n")},
		"stance.tsv":       {Data: []byte(h("stance") + "deny\tdeny\t-0.8\n")},
		"negation.txt":     {Data: []byte(h("negation") + "not\nn't\n")},
		"hedges.txt":       {Data: []byte(h("hedges") + "reportedly\t0.7\n")},
		"intensifiers.txt": {Data: []byte(h("intensifiers") + "flatly\t1.4\n")},
	}
}

func TestLoadFS(t *testing.T) {
	l, err := LoadFS(baseFS())
	require.NoError(t, err)
	assert.Equal(t, "1.0", l.Version)
	text := "Moscow opined, the Kremlin said; she didn't flatly deny it."
	toks := segment.Tokenize(text)
	var cues []string
	for _, m := range l.MatchCues(toks) {
		cues = append(cues, spanText(text, toks, m.Match)+"="+m.Cue.Lemma)
	}
	assert.Equal(t, []string{"opined=opine", "said=say"}, cues, "opined through the stem of opine")
	ps := l.MatchParties(toks)
	require.Len(t, ps, 1)
	assert.Equal(t, "the Kremlin", spanText(text, toks, ps[0].Match))
	assert.Equal(t, "Russia", ps[0].Name)
}

func TestLoadFSErrors(t *testing.T) {
	h := "# name: stance  version: 1.0\n"
	cases := []struct {
		name     string
		file     string
		data     string
		sentinel error
		msg      string
	}{
		{"bad class", "cues.tsv", "# name: cues  version: 1.0\nsay\treport\tverb\t-\nsya\tsya\tverb\t-\n", ErrBadEntry, `lexicon: cues.tsv:3: unknown class "sya"`},
		{"bad cue kind", "cues.tsv", "# name: cues  version: 1.0\nsay\treport\tverbb\t-\n", ErrBadEntry, `cues.tsv:2: unknown cue kind "verbb"`},
		{"column count", "cues.tsv", "# name: cues  version: 1.0\nsay\treport\tverb\n", ErrBadEntry, "cues.tsv:2: 3 columns, want 4"},
		{"spaces not tabs", "roles.tsv", "# name: roles  version: 1.0\n\nspokesman title sg\n", ErrBadEntry, "roles.tsv:3: 1 columns, want 3 or 4"},
		{"missing header", "hedges.txt", "reportedly\t0.7\n", ErrHeader, "hedges.txt:1: missing header"},
		{"header of another table", "hedges.txt", "# name: stance  version: 1.0\nreportedly\t0.7\n", ErrHeader, `hedges.txt:1: header name "stance", want "hedges"`},
		{"header without version", "hedges.txt", "# name: hedges\nreportedly\t0.7\n", ErrHeader, "hedges.txt:1: header needs name: and version:"},
		{"weight out of range", "stance.tsv", h + "deny\tdeny\t-1.5\n", ErrBadEntry, `stance.tsv:2: bad weight "-1.5"`},
		{"weight not a number", "stance.tsv", h + "deny\tdeny\tstrong\n", ErrBadEntry, `stance.tsv:2: bad weight "strong"`},
		{"zero weight", "stance.tsv", h + "deny\tdeny\t0\n", ErrBadEntry, `stance.tsv:2: bad weight "0"`},
		{"cue class in stance", "stance.tsv", h + "say\treport\t0.5\n", ErrBadEntry, `stance.tsv:2: unknown stance class "report"`},
		{"hedge above one", "hedges.txt", "# name: hedges  version: 1.0\nmay\t1.5\n", ErrBadEntry, `hedges.txt:2: bad multiplier "1.5" (want 0 < m <= 1)`},
		{"intensifier below one", "intensifiers.txt", "# name: intensifiers  version: 1.0\nvery\t0.5\n", ErrBadEntry, `intensifiers.txt:2: bad multiplier "0.5" (want 1 <= m <= 2)`},
		{"duplicate alias, other code", "parties.tsv", "# name: parties  version: 1.0\nGeorgia\tGEO\tcountry\nRussia\tRUS\tcountry\nGeorgia\tUSA\tcountry\n", ErrDuplicate, `parties.tsv:4: duplicate alias "georgia": USA/country here, GEO/country at line 2`},
		{"duplicate form, other lemma", "cues.tsv", "# name: cues  version: 1.0\nsay\treport\tverb\tsaid\ntell\treport\tverb\tsaid\n", ErrDuplicate, `cues.tsv:3: duplicate form "said"`},
		{"bad party code", "parties.tsv", "# name: parties  version: 1.0\nRussia\trus\tcountry\n", ErrBadEntry, `parties.tsv:2: bad code "rus"`},
		{"bad mode", "negation.txt", "# name: negation  version: 1.0\n# mode: merge\nnot\n", ErrHeader, `negation.txt:2: unknown mode "merge"`},
		{"version mismatch", "negation.txt", "# name: negation  version: 2.0\nnot\n", ErrVersion, `negation.txt:1: version "2.0"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := baseFS()
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			l, err := LoadFS(fsys)
			require.Error(t, err, "%s: %q", tc.file, tc.data)
			assert.Nil(t, l)
			assert.ErrorIs(t, err, tc.sentinel)
			assert.Contains(t, err.Error(), tc.msg)
			var fe *FileError
			require.True(t, errors.As(err, &fe))
			assert.Equal(t, tc.file, fe.File)
		})
	}
}

func TestLoadFSJoinsAllErrors(t *testing.T) {
	fsys := baseFS()
	delete(fsys, "roles.tsv")
	fsys["cues.tsv"] = &fstest.MapFile{Data: []byte("# name: cues  version: 1.0\na\tx\tverb\t-\nb\treport\ty\t-\n")}
	_, err := LoadFS(fsys)
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, `lexicon: cues.tsv:2: unknown class "x"`)
	assert.Contains(t, msg, `lexicon: cues.tsv:3: unknown cue kind "y"`)
	assert.Contains(t, msg, "lexicon: roles.tsv: missing file")
	assert.ErrorIs(t, err, ErrMissingFile)
}

func TestCheck(t *testing.T) {
	require.NoError(t, Check(baseFS()))
	sub, err := fs.Sub(dataFS, "data")
	require.NoError(t, err)
	require.NoError(t, Check(sub), "the embedded data is valid")

	bad := fstest.MapFS{
		"stance.tsv": {Data: []byte("# name: stance  version: x\ndeny\tdeny\t-0.8\ndeny\tdeny\t-0.5\n")},
		"notes.md":   {Data: []byte("hello")},
		".hidden":    {Data: []byte("skipped")},
	}
	err = Check(bad)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrDuplicate)
	assert.ErrorIs(t, err, ErrUnknownFile)
	assert.Contains(t, err.Error(), "lexicon: stance.tsv:3: duplicate term")
	assert.Contains(t, err.Error(), "lexicon: notes.md: unknown file")
	assert.NotContains(t, err.Error(), ".hidden")
}

func TestExtend(t *testing.T) {
	base, err := LoadFS(baseFS())
	require.NoError(t, err)
	text := "Ruritania's envoy said the claims were bogus, he insisted."
	toks := segment.Tokenize(text)
	require.Empty(t, base.MatchParties(toks))

	ext, err := base.Extend(fstest.MapFS{
		"parties.tsv": {Data: []byte("# name: parties  version: local-1\nRuritania\tRUR\tcountry\n")},
		"cues.tsv":    {Data: []byte("# name: cues  version: local-1\ninsist\tassert\tverb\tinsists,insisted\n")},
		"stance.tsv":  {Data: []byte("# name: stance  version: local-1\nbogus\tdeny\t-0.9\n")},
	})
	require.NoError(t, err)
	assert.Equal(t, "1.0+local-1", ext.Version)

	ps := ext.MatchParties(toks)
	require.Len(t, ps, 1)
	assert.Equal(t, Party{Code: "RUR", Kind: Country}, ps[0].Party)
	assert.Equal(t, "Ruritania", text[ps[0].Span.Start:ps[0].Span.End])
	var lemmas []string
	for _, m := range ext.MatchCues(toks) {
		lemmas = append(lemmas, m.Cue.Lemma)
	}
	assert.Equal(t, []string{"say", "claim", "insist"}, lemmas, "base cues kept, new ones added")
	var terms []string
	for _, m := range ext.MatchTerms(toks) {
		terms = append(terms, m.Term)
	}
	assert.Equal(t, []string{"bogus"}, terms)

	// the base is unchanged
	assert.Empty(t, base.MatchParties(toks))
	assert.Len(t, base.MatchCues(toks), 2)
	assert.Equal(t, "1.0", base.Version)

	// replace mode: the table is the file's alone
	rep, err := base.Extend(fstest.MapFS{
		"cues.tsv": {Data: []byte("# name: cues  version: r\n# mode: replace\ninsist\tassert\tverb\tinsisted\n")},
	})
	require.NoError(t, err)
	lemmas = nil
	for _, m := range rep.MatchCues(toks) {
		lemmas = append(lemmas, m.Cue.Lemma)
	}
	assert.Equal(t, []string{"insist"}, lemmas)
	assert.Len(t, rep.MatchParties(segment.Tokenize("the Kremlin")), 1, "other tables kept")

	// an entry overrides the base entry of the same surface
	over, err := base.Extend(fstest.MapFS{
		"cues.tsv": {Data: []byte("# name: cues  version: o\nsaid\tassert\tverb\t-\n")},
	})
	require.NoError(t, err)
	cs := over.MatchCues(segment.Tokenize("he said"))
	require.Len(t, cs, 1)
	assert.Equal(t, Assert, cs[0].Cue.Class)

	_, err = base.Extend(fstest.MapFS{"cue.tsv": {Data: []byte("# name: cues  version: 1\n")}})
	assert.ErrorIs(t, err, ErrUnknownFile)
	_, err = base.Extend(fstest.MapFS{"cues.tsv": {Data: []byte("say\treport\tverb\t-\n")}})
	assert.ErrorIs(t, err, ErrHeader)
}

func TestExtendDefault(t *testing.T) {
	l := defaultLex(t)
	ext, err := l.Extend(fstest.MapFS{})
	require.NoError(t, err)
	assert.Equal(t, DataVersion, ext.Version)
	assert.NotSame(t, l, ext)
	n := len(l.src.parties)
	ext2, err := l.Extend(fstest.MapFS{"parties.tsv": {Data: []byte("# name: parties  version: x\nRuritania\tRUR\tcountry\n")}})
	require.NoError(t, err)
	assert.Len(t, ext2.src.parties, n+1)
	assert.Len(t, l.src.parties, n, "base entries untouched")
	assert.True(t, strings.HasPrefix(ext2.Version, DataVersion+"+"))
}
