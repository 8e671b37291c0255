package lexicon

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/segment"
)

func TestMatchCues(t *testing.T) {
	l := defaultLex(t)
	cases := []struct {
		text string
		want []string // "surface=lemma/class/kind"
	}{
		{"He says it. She said so. Saying that, they denied it and denies more.",
			[]string{"says=say/report/verb", "said=say/report/verb", "Saying=say/report/verb", "denied=deny/deny/verb", "denies=deny/deny/verb"}},
		{"Ukraine accused Beijing; Kyiv accuses Moscow.",
			[]string{"accused=accuse/accuse/verb", "accuses=accuse/accuse/verb"}},
		{"Russia reiterated support for Beijing and reiterated its view.",
			[]string{"reiterated support for=reiterate support for/support/verb", "reiterated=reiterate/assert/verb", "view=view/belief/noun"}},
		{"according to state media, officials told reporters", []string{"according to=according to/report/prep", "told reporters=tell reporters/report/verb"}},
		{"Reuters, citing two officials, reported it", []string{"citing=citing/report/prep", "reported=report/report/verb"}},
		{"Xi called for talks and was quoted as saying no", []string{"called for=call for/assert/verb", "was quoted as saying=be quoted as saying/report/verb"}},
		{"He told the BBC he went on to say it", []string{"told=tell/report/verb", "went on to say=go on to say/report/verb"}},
		{"allegations China denies", []string{"allegations=allegation/accuse/noun", "denies=deny/deny/verb"}},
		{"the claims were false, she claims", []string{"claims=claim/assert/verb", "claims=claim/assert/verb"}},
		{`He said: "no."`, []string{"said=say/report/verb", ":=:/report/colon"}},
		{"she emphasised and emphasized, criticised and criticized", []string{"emphasised=emphasise/assert/verb", "emphasized=emphasize/assert/verb", "criticised=criticise/criticize/verb", "criticized=criticize/criticize/verb"}},
		{"he admitted, rebutted and replied", []string{"admitted=admit/report/verb", "rebutted=rebut/deny/verb", "replied=reply/report/verb"}},
		{"state media stated it", []string{"stated=state/report/verb"}},
		{"they came back and backed the plan", []string{"backed=back/support/verb"}},
		{"reportedly, accordingly", nil},
		{"", nil},
	}
	for _, tc := range cases {
		toks := segment.Tokenize(tc.text)
		var got []string
		for _, m := range l.MatchCues(toks) {
			require.Less(t, m.Start, m.End, tc.text)
			got = append(got, spanText(tc.text, toks, m.Match)+"="+m.Cue.Lemma+"/"+m.Cue.Class.String()+"/"+m.Cue.Kind.String())
		}
		assert.Equal(t, tc.want, got, "text %q", tc.text)
	}
}

func TestNounCue(t *testing.T) {
	l := defaultLex(t)
	c, ok := l.NounCue("claims")
	require.True(t, ok)
	assert.Equal(t, Cue{Lemma: "claim", Class: Assert, Kind: Noun}, c)
	c, ok = l.NounCue("allegations")
	require.True(t, ok)
	assert.Equal(t, Accuse, c.Class)
	_, ok = l.NounCue("said")
	assert.False(t, ok)
}

func TestStemCollisions(t *testing.T) {
	l := defaultLex(t)
	// the collisions of STYLE.md §3: snowball conflates these ...
	collisions := []struct{ a, b, stem string }{
		{"according", "accordingly", "accord"},
		{"stated", "state", "state"},
		{"reportedly", "report", "report"},
	}
	for _, c := range collisions {
		assert.Equal(t, c.stem, l.Stem(c.a), c.a)
		assert.Equal(t, c.stem, l.Stem(c.b), c.b)
	}
	// ... and the lexicon keeps them apart: no stem reaches these cues.
	cases := []struct {
		text string
		want []string
	}{
		{"Accordingly, he left.", nil},
		{"according to him", []string{"according to"}},
		{"the state said", []string{"said"}},
		{"he stated", []string{"stated"}},
		{"it reportedly fell", nil},
		{"it reported", []string{"reported"}},
		{"the Tories said", []string{"said"}},
	}
	for _, tc := range cases {
		toks := segment.Tokenize(tc.text)
		var got []string
		for _, m := range l.MatchCues(toks) {
			got = append(got, spanText(tc.text, toks, m.Match))
		}
		assert.Equal(t, tc.want, got, "text %q", tc.text)
	}
	// party names are never stemmed: "Tories" gives "tori", no party
	assert.Equal(t, "tori", l.Stem("Tories"))
	// stance: "reportedly" is a hedge, not the stance of "report"
	ts := l.MatchTerms(segment.Tokenize("reportedly"))
	require.Len(t, ts, 1)
	assert.Equal(t, Hedge, ts[0].Kind)
}

func TestMatchParties(t *testing.T) {
	l := defaultLex(t)
	cases := []struct {
		text string
		want []string // "span=CODE/kind"
	}{
		{"The Kremlin said", []string{"The Kremlin=RUS/seat"}},
		{"Kremlin adviser Yuri Ushakov", []string{"Kremlin=RUS/seat"}},
		{"Moscow launched", []string{"Moscow=RUS/capital"}},
		{"Russian President Vladimir Putin", []string{"Russian=RUS/demonym"}},
		{"China’s top diplomat", []string{"China=CHN/country"}},
		{"a key U.S.-Russian treaty", []string{"U.S.=USA/country", "Russian=RUS/demonym"}},
		{"Ukraine and the European Union have accused Beijing", []string{"Ukraine=UKR/country", "the European Union=EU/org", "Beijing=CHN/capital"}},
		{"a turkey dinner in Turkey", []string{"Turkey=TUR/country"}},
		{"let us talk to the US and the U.S.", []string{"US=USA/country", "U.S.=USA/country"}},
		{"who knows what the WHO said", []string{"WHO=WHO/org"}},
		{"Xinhua and TASS reported", []string{"Xinhua=CHN/media", "TASS=RUS/media"}},
		{"The People's Daily wrote", []string{"People's Daily=CHN/media"}},
		{"the South China Sea and China", []string{"China=CHN/country"}},
		{"Latin American leaders met Americans", []string{"Americans=USA/demonym"}},
		{"Chad and Georgia Tech", []string{"Chad=TCD/country"}},
		{"Jordan Peterson spoke", nil},
		{"Jordan's king", []string{"Jordan=JOR/country"}},
		{"the Russian Security Council and the UN Security Council", []string{"Russian=RUS/demonym", "the UN Security Council=UN/org"}},
		{"the Security Council voted", []string{"the Security Council=UN/org"}},
		{"Brussels and Kyiv and Kiev", []string{"Brussels=EU/capital", "Kyiv=UKR/capital", "Kiev=UKR/capital"}},
		{"the Democratic Republic of the Congo and the Republic of Congo", []string{"the Democratic Republic of the Congo=COD/country", "the Republic of Congo=COG/country"}},
		{"the Washington Post said Washington", []string{"Washington=USA/capital"}},
		{"Kremlin-backed media", []string{"Kremlin=RUS/seat"}},
		{"NATO and Nato and nato", []string{"NATO=NATO/org", "Nato=NATO/org"}},
		{"Downing Street and the White House", []string{"Downing Street=GBR/seat", "the White House=USA/seat"}},
		{"Côte d'Ivoire and Cote d’Ivoire", []string{"Côte d'Ivoire=CIV/country", "Cote d’Ivoire=CIV/country"}},
	}
	for _, tc := range cases {
		toks := segment.Tokenize(tc.text)
		var got []string
		for _, m := range l.MatchParties(toks) {
			require.True(t, m.Span.Start >= toks[m.Start].Start && m.Span.End <= toks[m.End-1].End, "span inside the match, %q", tc.text)
			got = append(got, tc.text[m.Span.Start:m.Span.End]+"="+m.Party.Code+"/"+m.Party.Kind.String())
		}
		assert.Equal(t, tc.want, got, "text %q", tc.text)
	}
}

func TestMatchPartiesNames(t *testing.T) {
	l := defaultLex(t)
	want := map[string]string{"the Kremlin": "Russia", "U.S.": "United States", "Xinhua": "China",
		"Brussels": "European Union", "Downing Street": "United Kingdom", "Pristina": "Kosovo", "UK": "United Kingdom"}
	for text, name := range want {
		ps := l.MatchParties(segment.Tokenize(text))
		require.Len(t, ps, 1, text)
		assert.Equal(t, name, ps[0].Name, text)
		assert.Equal(t, name, l.Name(ps[0].Party.Code), text)
	}
	assert.Empty(t, l.Name("XXX"))
}

// TestMatchPartiesPossessiveInToken covers a tokenizer that leaves the
// possessive on the word: the span stops before it.
func TestMatchPartiesPossessiveInToken(t *testing.T) {
	l := defaultLex(t)
	text := "China’s envoy"
	toks := []segment.Token{
		{Span: segment.Span{Start: 0, End: 9}, Text: "China’s", Norm: "china's", Kind: segment.Word, Cap: true},
		{Span: segment.Span{Start: 10, End: 15}, Text: "envoy", Norm: "envoy", Kind: segment.Word},
	}
	ps := l.MatchParties(toks)
	require.Len(t, ps, 1)
	assert.Equal(t, "China", text[ps[0].Span.Start:ps[0].Span.End])
	assert.Equal(t, Match{0, 1}, ps[0].Match)
	// a broken hand-made token must not panic
	assert.Empty(t, l.MatchParties([]segment.Token{{Text: "X's", Norm: "s", Kind: segment.Word}}))
}

// unMembers are the ISO 3166-1 alpha-3 codes of the 193 UN member states.
var unMembers = strings.Fields(`
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN
FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE
LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE`)

func TestGazetteerCoversUNMembers(t *testing.T) {
	require.Len(t, unMembers, 193)
	l := defaultLex(t)
	countries := map[string]int{}
	demonyms := map[string]int{}
	for _, e := range l.src.parties {
		if e.guard {
			continue
		}
		switch e.party.Kind {
		case Country:
			countries[e.party.Code]++
		case Demonym:
			demonyms[e.party.Code]++
		}
	}
	for _, code := range append(unMembers, "VAT", "PSE", "TWN", "XKX") {
		assert.Positive(t, countries[code], "country name for %s", code)
		// each country name matches as written in the file
		name := l.Name(code)
		require.NotEmpty(t, name, code)
		ps := l.MatchParties(segment.Tokenize(name + " said"))
		if assert.NotEmpty(t, ps, "%s %q", code, name) {
			assert.Equal(t, code, ps[0].Party.Code, "%q", name)
		}
	}
	assert.Len(t, countries, 197, "193 members, 2 observers, Taiwan and Kosovo")
	assert.Greater(t, len(demonyms), 185, "a demonym for nearly every country")
}

func TestMatchRoles(t *testing.T) {
	l := defaultLex(t)
	cases := []struct {
		text string
		want []string // "span=class/pl"
	}{
		{"Foreign Minister Wang Yi and the prime ministers", []string{"Foreign Minister=title/sg", "prime ministers=title/pl"}},
		{"people familiar with the matter said", []string{"people familiar with the matter=anonymous/pl"}},
		{"a ministry spokesman told Mr. Li", []string{"ministry=org/sg", "spokesman=title/sg", "Mr.=title/sg"}},
		{"state media and the news agency", []string{"state media=media/sg", "news agency=media/sg"}},
		{"Both leaders said they agreed", []string{"Both leaders=group/pl", "they=pronoun/pl"}},
	}
	for _, tc := range cases {
		toks := segment.Tokenize(tc.text)
		var got []string
		for _, m := range l.MatchRoles(toks) {
			n := "sg"
			if m.Plural {
				n = "pl"
			}
			got = append(got, spanText(tc.text, toks, m.Match)+"="+m.Class.String()+"/"+n)
		}
		assert.Equal(t, tc.want, got, "text %q", tc.text)
	}
	r := l.MatchRoles(segment.Tokenize("he"))
	require.Len(t, r, 1)
	assert.Equal(t, PersonReferent, r[0].Refers)
	c, ok := l.Role("spokeswoman")
	require.True(t, ok)
	assert.Equal(t, Title, c)
	c, ok = l.Role("officials")
	require.True(t, ok)
	assert.Equal(t, Anonymous, c)
	_, ok = l.Role("banana")
	assert.False(t, ok)
}

func TestMatchTerms(t *testing.T) {
	l := defaultLex(t)
	cases := []struct {
		text string
		want []string // "span=term/kind/class/weight"
	}{
		{"their positions coincided", []string{"positions coincided=positions coincided/stance/agree/0.8"}},
		{"China denies the baseless claims", []string{"denies=denies/stance/deny/-0.8", "baseless=baseless/stance/deny/-0.9"}},
		{"it refused to endorse", []string{"refused to=refused to/negation/report/0", "endorse=endorse/stance/support/0.7"}},
		{"he didn't deny it", []string{"didn't=n't/negation/report/0", "deny=deny/stance/deny/-0.8"}},
		{"they reportedly flatly rejected it", []string{"reportedly=reportedly/hedge/report/0.7", "flatly=flatly/intensifier/report/1.4", "rejected=rejected/stance/reject/-0.8"}},
		{"Beijing condemns and is said to oppose", []string{"condemns=condemns/stance/criticize/-0.9", "is said to=is said to/hedge/report/0.7", "oppose=oppose/stance/reject/-0.7"}},
		{"partnerships deepened", []string{"partnerships=partnership/stance/support/0.6"}},
		{"a strategic partnership", []string{"strategic partnership=strategic partnership/stance/support/0.8"}},
	}
	for _, tc := range cases {
		toks := segment.Tokenize(tc.text)
		var got []string
		for _, m := range l.MatchTerms(toks) {
			got = append(got, spanText(tc.text, toks, m.Match)+"="+m.Term+"/"+m.Kind.String()+"/"+m.Class.String()+"/"+trimFloat(m.Weight))
		}
		assert.Equal(t, tc.want, got, "text %q", tc.text)
	}
}

func TestMatchTermsSeveralKinds(t *testing.T) {
	l, err := LoadFS(baseFS())
	require.NoError(t, err)
	ext, err := l.Extend(mapFS("hedges.txt", "# name: hedges  version: x\nnot\t0.5\n"))
	require.NoError(t, err)
	ts := ext.MatchTerms(segment.Tokenize("not"))
	require.Len(t, ts, 2)
	assert.Equal(t, Negation, ts[0].Kind)
	assert.Equal(t, Hedge, ts[1].Kind)
	assert.Equal(t, ts[0].Match, ts[1].Match)
}

func TestMatchersOnEmptyAndPunctuation(t *testing.T) {
	l := defaultLex(t)
	// "zzzzs": a regular form whose prefix is the last the stem filter numbers
	for _, text := range []string{"", "...", "“”", "- - -", "the", "the the the", "zzzzs"} {
		toks := segment.Tokenize(text)
		assert.Empty(t, l.MatchParties(toks), text)
		assert.Empty(t, l.MatchCues(toks), text)
		assert.Empty(t, l.MatchTerms(toks), text)
	}
}

// TestStemFilter: the filter in front of the stem fallback lets through
// every word whose stem may be in the set, Snowball's exceptional forms
// included, and stops the others.
func TestStemFilter(t *testing.T) {
	has := func(f *stemFilter, w string) bool { return f[stemPrefix(w)]&(1<<tabTerms) != 0 }
	var p stemFilter
	p.add(tabTerms, []string{"lie", "deni", "spi"})
	p.finish()
	for _, w := range []string{"lies", "lying", "denies", "denied", "spies", "über"} {
		assert.True(t, has(&p, w), w)
	}
	for _, w := range []string{"reports", "walked", "sayings", "zzzzs", "dying", "tying"} {
		assert.False(t, has(&p, w), w)
	}
	assert.Zero(t, p[stemPrefix("lies")]&(1<<tabCues), "the bit of the other table")
	var zz stemFilter
	zz.add(tabTerms, []string{"zzz"})
	assert.True(t, has(&zz, "zzzs"), "the last prefix has its bit")
	var all stemFilter
	all.add(tabTerms, []string{"ox"})
	assert.True(t, has(&all, "reports"), "a stem shorter than three letters disables the filter")
}
