package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// write writes content to name in a temporary folder and returns its path.
func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

const emergentHeader = "id,claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"

func TestReadEmergent(t *testing.T) {
	p := write(t, "e.csv", emergentHeader+
		"1,Claim A,\"Headline, with comma\",for,art1,c1\n"+
		"2,Claim A,\"Two\nlines\",observing,art2,c1\n"+
		"3,Claim B,No,against,art3,c2\n")
	items, err := ReadEmergent(p)
	require.NoError(t, err)
	require.Len(t, items, 3)
	assert.Equal(t, ClaimItem{ID: "1", Claim: "Claim A", Text: "Headline, with comma", Label: "for", Orig: "for", Group: "c1", Article: "art1", Line: 2}, items[0])
	assert.Equal(t, "Two\nlines", items[1].Text)
	assert.Equal(t, 5, items[2].Line) // the quoted newline takes a line
}

func TestReadFNC(t *testing.T) {
	bodies := write(t, "bodies.csv", "Body ID,articleBody\n7,\"Body seven\"\n8,Body eight\n")
	stances := write(t, "stances.csv", "Headline,Body ID,Stance\nH1,7,agree\nH2,8,disagree\nH3,7,discuss\nH4,8,unrelated\n")
	items, err := ReadFNC(stances, bodies)
	require.NoError(t, err)
	require.Len(t, items, 4)
	want := []struct{ label, orig string }{{"for", "agree"}, {"against", "disagree"}, {"observing", "discuss"}, {"unrelated", "unrelated"}}
	for i, w := range want {
		assert.Equal(t, w.label, items[i].Label, "item %d", i)
		assert.Equal(t, w.orig, items[i].Orig, "item %d", i)
		assert.Equal(t, itoa(i+1), items[i].ID)
	}
	assert.Equal(t, "Body seven", items[0].Text)
	assert.Equal(t, "8", items[1].Group)
}

func TestReaderErrors(t *testing.T) {
	bodies := write(t, "bodies.csv", "Body ID,articleBody\n7,Body\n")
	cases := []struct {
		name string
		read func() error
		want string // file:line in the message
	}{
		{"csv bare quote", func() error {
			_, err := ReadEmergent(write(t, "bad.csv", emergentHeader+"1,a,b,for,x,y\n2,a,b\"c,for,x,y\n"))
			return err
		}, "bad.csv:3"},
		{"csv wrong field count", func() error {
			_, err := ReadEmergent(write(t, "short.csv", emergentHeader+"1,a,b,for,x,y\n2,a,b,for\n"))
			return err
		}, "short.csv:3"},
		{"emergent unknown stance", func() error {
			_, err := ReadEmergent(write(t, "lab.csv", emergentHeader+"1,a,b,maybe,x,y\n"))
			return err
		}, "lab.csv:2"},
		{"emergent missing column", func() error {
			_, err := ReadEmergent(write(t, "col.csv", "id,claimHeadline\n1,a\n"))
			return err
		}, "col.csv:1"},
		{"fnc unknown body", func() error {
			_, err := ReadFNC(write(t, "st.csv", "Headline,Body ID,Stance\nH,7,agree\nH,9,agree\n"), bodies)
			return err
		}, "st.csv:3"},
		{"gold bad json", func() error {
			_, err := ReadGold(write(t, "g.jsonl", `{"id":"a","text":"x","attributions":[]}`+"\n"+`{"id": "b", "text": `+"\n"))
			return err
		}, "g.jsonl:2"},
		{"gold span text mismatch", func() error {
			_, err := ReadGold(write(t, "m.jsonl", "\n"+`{"id":"a","text":"Kim said hi","attributions":[{"id":"a1","type":"direct","source":null,"parent":null,"cue":{"start":4,"end":8,"text":"said"},"content":{"start":9,"end":11,"text":"ho"}}]}`+"\n"))
			return err
		}, "m.jsonl:2"},
		{"gold missing parent", func() error {
			_, err := ReadGold(write(t, "p.jsonl", `{"id":"a","text":"Kim said hi","attributions":[{"id":"a1","type":"direct","source":null,"cue":{"start":4,"end":8,"text":"said"},"content":{"start":9,"end":11,"text":"hi"}}]}`+"\n"))
			return err
		}, "p.jsonl:1"},
		{"gold no text", func() error {
			_, err := ReadGold(write(t, "t.jsonl", `{"id":"a","attributions":[]}`+"\n"))
			return err
		}, "t.jsonl:1"},
		{"brat bad offsets", func() error {
			_, err := ParseBrat("a.ann", stringsReader("T1\tCue 0 4\tsaid\nT2\tContent 5 99\tx\n"), "a", "Kim said hi")
			return err
		}, "a.ann:2"},
		{"brat E names missing T", func() error {
			_, err := ParseBrat("b.ann", stringsReader("T1\tCue 4 8\tsaid\nT2\tAttribution 4 8\tsaid\nE1\tAttribution:T2 Cue:T1 Content:T9\n"), "b", "Kim said hi")
			return err
		}, "b.ann:3"},
		{"plover bad json", func() error {
			_, err := ReadPlover(write(t, "p.json", "[\n{\"id\": \"A\", \"event\": \"AGREE\", \"text\": \"x\"},\n{\"id\": \"B\", \"text\": }\n]"))
			return err
		}, "p.json:3"},
		{"claim predictions unknown label", func() error {
			_, err := ReadClaimPredictions(write(t, "pr.jsonl", `{"id":"1","label":"for"}`+"\n"+`{"id":"2","label":"maybe"}`+"\n"))
			return err
		}, "pr.jsonl:2"},
		{"suite unknown field", func() error {
			_, err := ReadSuite(write(t, "s.json", "{\"seed\": 1,\n \"datasets\": [], \"bogus\": 2}"))
			return err
		}, "s.json:2"},
	}
	for _, tc := range cases {
		err := tc.read()
		require.Error(t, err, tc.name)
		assert.ErrorContains(t, err, tc.want, tc.name)
	}
}

func TestParseBrat(t *testing.T) {
	text := "Kim said taxes rise.\nIt is said that prices fall, and more."
	ann := "T1\tSource 0 3\tKim\n" +
		"T2\tCue 4 8\tsaid\n" +
		"T3\tContent 9 19\ttaxes rise\n" +
		"T4\tAttribution 4 8\tsaid\n" +
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
		"T5\tAttribution-no-source 27 31\tsaid\n" +
		"T6\tContent 32 48;54 58\tthat prices fall more\n" +
		"T7\tContent 50 53\tand\n" +
		"E2\tAttribution-no-source:T5 Content:T6 Content2:T7\n" +
		"T8\tDiscuss 0 3\tKim\n" +
		"#1\tAnnotatorNotes T1\ta note\n"
	doc, err := ParseBrat("x.ann", stringsReader(ann), "x", text)
	require.NoError(t, err)
	require.Len(t, doc.Attributions, 2)
	a1, a2 := doc.Attributions[0], doc.Attributions[1]
	assert.Equal(t, "Kim", a1.Source.Text)
	assert.Equal(t, "said", a1.Cue.Text)
	assert.Nil(t, a2.Source)
	assert.Equal(t, "said", a2.Cue.Text) // the anchor stands for the missing cue
	assert.Equal(t, "that prices fall, and more", a2.Content.Text)
	fr := Attrs(doc, Options{})
	assert.Equal(t, []Frag{{32, 48}, {50, 53}, {54, 58}}, fr[1].Content)
}

func TestReadPlover(t *testing.T) {
	p := write(t, "gsr.json", `[
{"id": "DOC", "event": "DOCUMENT", "comment": "metadata"},
{"id": "A1", "event": "AGREE", "text": "Japan and Italy agreed.", "textInfo": {"markup": "(SRC/TAR: Japan) and (SRC/TAR: Italy) agreed."},
 "source": [{"actorText": "Japan", "code": "JAP"}, {"actorText": "Italy", "code": "ITL"}], "target": ""},
{"id": "R1", "event": "REJECT", "text": "Iran rejected the U.N. demand.", "textInfo": {"markup": "(SRC: Iran) rejected the (TAR: U.N.) demand."},
 "source": [{"actorText": "Iran", "code": "IRN"}], "target": [{"actorText": "U.N.", "code": "IGO"}]},
{"id": "I1", "event": "INVESTIGATE", "text": "Police investigated.", "source": [{"actorText": "Police", "code": "USA"}], "target": null},
{"id": "N1", "event": "PROTEST", "text": "A human rights group protested.", "source": [{"actorText": "human rights group", "code": "NGO"}], "target": [{"actorText": "Chile", "code": "CHL"}]}
]`)
	items, err := ReadPlover(p)
	require.NoError(t, err)
	require.Len(t, items, 4)
	assert.Equal(t, []string{"JPN", "ITA"}, items[0].Sources)
	assert.True(t, items[0].Reciprocal)
	assert.Empty(t, items[0].Targets)
	assert.Equal(t, 5, items[1].Line)
	cases := []struct {
		i    int
		want []Triple
	}{
		{0, []Triple{{"JPN", "ITA", 1}, {"ITA", "JPN", 1}}},
		{1, []Triple{{"IRN", "UN", -1}}},
		{2, nil},
		{3, []Triple{{"HUMAN RIGHTS GROUP", "CHL", -1}}},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, PloverTriples(items[tc.i]), "item %d", tc.i)
	}
}

func TestPloverCode(t *testing.T) {
	cases := []struct{ code, text, want string }{
		{"JAP", "Tokyo", "JPN"},
		{"ITL", "Italy", "ITA"},
		{"RUS", "Moscow", "RUS"},
		{"IGO", "U.N. Security Council", "UN"},
		{"IGO", "UN peackeepers", "UN"},
		{"IGO", "European Community", "EU"},
		{"IGO", "Asia-Pacific Economic Cooperation", "APEC"},
		{"IGO", "NATO  peacekeeping troops", "NATO"},
		{"IMG", "al-Qaeda leaders", "AL-QAEDA"},
		{"NGO", "Third World  Water Forum", "THIRD WORLD WATER FORUM"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, PloverCode(tc.code, tc.text), "%s %q", tc.code, tc.text)
	}
}

func TestReadClaimPredictions(t *testing.T) {
	jl := write(t, "p.jsonl", `{"schema":"parley/v1-claim","id":"1","label":"for"}`+"\n\n"+`{"id":"2","label":"observing"}`+"\n")
	got, err := ReadClaimPredictions(jl)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"1": "for", "2": "observing"}, got)
	csvp := write(t, "p.csv", "articleId,claimId,gold,predicted\nart1,c,for,against\nart2,c,for,discuss\n")
	got, err = ReadClaimPredictions(csvp)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"art1": "against", "art2": "observing"}, got)
	items := []ClaimItem{{ID: "9", Article: "art1", Label: "for"}, {ID: "10", Article: "art2", Label: "observing"}}
	scores, err := JoinClaims(items, got)
	require.NoError(t, err)
	assert.Equal(t, []ClaimScore{{"9", "for", "against"}, {"10", "observing", "observing"}}, scores)
	_, err = JoinClaims([]ClaimItem{{ID: "x", Line: 7}}, got)
	assert.ErrorContains(t, err, "gold line 7")
}
