package attribution_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// want is one expected attribution: texts of its spans ("" source = none).
type want struct {
	source, cue, content, typ string
	parent                    int // 1-based index into the case's wants, 0 = none
}

func TestConstructions(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []want
	}{
		{"said", "Putin said Russia would act responsibly.",
			[]want{{"Putin", "said", "Russia would act responsibly", "indirect", 0}}},
		{"said that", "Putin said that Russia would act.",
			[]want{{"Putin", "said", "Russia would act", "indirect", 0}}},
		{"P, X said", "Russia would act responsibly, Putin said.",
			[]want{{"Putin", "said", "Russia would act responsibly", "indirect", 0}}},
		{"P, said X", "Russia would act responsibly, said Putin.",
			[]want{{"Putin", "said", "Russia would act responsibly", "indirect", 0}}},
		{"quote before", "“We will not back down,” Putin said.",
			[]want{{"Putin", "said", "We will not back down", "direct", 0}}},
		{"quote after colon", "Putin said: “We will not back down.”",
			[]want{{"Putin", "said", "We will not back down", "direct", 0}}},
		{"quote inverted", "\"It was a mistake,\" said Sen. Elizabeth Warren.",
			[]want{{"Sen. Elizabeth Warren", "said", "It was a mistake", "direct", 0}}},
		{"split quote", "“Hello,” he said, “how are you doing?”",
			[]want{{"he", "said", "Hello", "direct", 0}, {"he", "said", "how are you doing?", "direct", 0}}},
		{"according to first", "According to the ministry, the talks failed.",
			[]want{{"the ministry", "According to", "the talks failed", "according_to", 0}}},
		{"according to last", "The talks failed, according to the ministry.",
			[]want{{"the ministry", "according to", "The talks failed", "according_to", 0}}},
		{"told reporters", "The minister told reporters the talks had failed.",
			[]want{{"The minister", "told reporters", "the talks had failed", "indirect", 0}}},
		{"said in a statement", "The ministry said in a statement that the talks had failed.",
			[]want{{"The ministry", "said in a statement", "the talks had failed", "indirect", 0}}},
		{"with X saying", "The leaders met, with Ushakov saying the talks went well.",
			[]want{{"Ushakov", "saying", "the talks went well", "indirect", 0}}},
		{"speaking in", "Lavrov, speaking in Geneva, said the talks had failed.",
			[]want{{"Lavrov", "said", "the talks had failed", "indirect", 0}}},
		{"apposition", "Hugh Hill, a doctor, said the patients needed treatment.",
			[]want{{"Hugh Hill, a doctor", "said", "the patients needed treatment", "indirect", 0}}},
		{"accused of", "Ukraine accused Beijing of providing weapons to Russia.",
			[]want{{"Ukraine", "accused", "Beijing of providing weapons to Russia", "indirect", 0}}},
		{"denied", "China denied the report.",
			[]want{{"China", "denied", "the report", "indirect", 0}}},
		{"allegations denies", "Kyiv has accused Beijing of helping Moscow, allegations China denies.",
			[]want{{"Kyiv", "accused", "Beijing of helping Moscow", "indirect", 0},
				{"China", "denies", "allegations", "indirect", 0}}},
		{"reiterated support for", "Russia reiterated support for Beijing’s position on Taiwan.",
			[]want{{"Russia", "reiterated support for", "Beijing’s position on Taiwan", "indirect", 0}}},
		{"called for", "Xi called for restraint on all sides.",
			[]want{{"Xi", "called for", "restraint on all sides", "indirect", 0}}},
		{"nested", "Chinese state media reported that Xi said the talks went well.",
			[]want{{"Chinese state media", "reported", "Xi said the talks went well", "indirect", 0},
				{"Xi", "said", "the talks went well", "indirect", 1}}},
		{"citing", "Reuters, citing two officials, reported that the talks failed.",
			[]want{{"two officials", "citing", "the talks failed", "indirect", 2},
				{"Reuters", "reported", "the talks failed", "indirect", 0}}},
		{"pronoun", "Vladimir Putin arrived in Beijing. He said the talks went well.",
			[]want{{"He", "said", "the talks went well", "indirect", 0}}},
		{"anonymous", "Officials familiar with the matter said the talks failed.",
			[]want{{"Officials familiar with the matter", "said", "the talks failed", "indirect", 0}}},
		{"no source", "It is said that the talks failed.",
			[]want{{"", "said", "the talks failed", "indirect", 0}}},
		{"shared subject", "Putin denied the report and said the talks went well.",
			[]want{{"Putin", "denied", "the report", "indirect", 0}, {"Putin", "said", "the talks went well", "indirect", 0}}},
		{"mixed", "Xi called for a “grand plan” for relations.",
			[]want{{"Xi", "called for", "a “grand plan” for relations", "mixed", 0}}},
		{"compound source", "Ukraine and the European Union have accused Beijing of aiding Russia.",
			[]want{{"Ukraine and the European Union", "accused", "Beijing of aiding Russia", "indirect", 0}}},
		{"dash", "“We need answers.” ― Pamela Padilla",
			[]want{{"Pamela Padilla", "―", "We need answers", "direct", 0}}},
		{"continued quote", "“I love cats!” insists Burton. “I absolutely do.”",
			[]want{{"Burton", "insists", "I love cats!", "direct", 0}, {"Burton", "insists", "I absolutely do", "direct", 0}}},
		{"doubled apostrophes", "''I wanted her to be relatable,'' Ms. Sherry said.",
			[]want{{"I", "wanted", "her to be relatable", "indirect", 2},
				{"Ms. Sherry", "said", "I wanted her to be relatable", "direct", 0}}},
		{"negated", "China did not deny the report.", nil},
		{"declined", "The Kremlin declined to comment.", nil},
		{"joint action", "Xi and Putin agreed to expand trade.", nil},
		{"infinitive", "The leaders met to reaffirm their partnership.", nil},
		{"noun use", "The report was published on Monday.", nil},
		{"title quote", "Burton claims that his favorite book is \"One Hundred Years of Solitude\".",
			[]want{{"Burton", "claims", "his favorite book is \"One Hundred Years of Solitude\"", "mixed", 0}}},
	}
	lex, err := lexicon.Default()
	require.NoError(t, err)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := attribution.Extract(segment.Parse(tc.text), lex)
			require.Len(t, got, len(tc.want), "text %q: got %s", tc.text, describe(tc.text, got))
			for i, w := range tc.want {
				a := got[i]
				src := ""
				if a.Source != nil {
					src = spanText(tc.text, a.Source.Span)
				}
				assert.Equal(t, w.source, src, "text %q #%d source", tc.text, i)
				assert.Equal(t, w.cue, spanText(tc.text, a.Cue.Span), "text %q #%d cue", tc.text, i)
				assert.Equal(t, w.content, spanText(tc.text, a.Content), "text %q #%d content", tc.text, i)
				assert.Equal(t, w.typ, a.Type.String(), "text %q #%d type", tc.text, i)
				wantParent := ""
				if w.parent > 0 {
					wantParent = got[w.parent-1].ID
				}
				assert.Equal(t, wantParent, a.Parent, "text %q #%d parent", tc.text, i)
			}
		})
	}
}

func TestSourceParties(t *testing.T) {
	cases := []struct {
		text, source string
		parties      []string
		kind         string
		resolved     string
	}{
		{"Kremlin adviser Yuri Ushakov said the talks went well. Later, Ushakov said more talks were planned.",
			"Ushakov", []string{"RUS"}, "person", "Yuri Ushakov"},
		{"China’s top diplomat Wang Yi said the talks went well.", "China’s top diplomat Wang Yi", []string{"CHN"}, "person", "Wang Yi"},
		{"The Kremlin said the talks went well.", "The Kremlin", []string{"RUS"}, "organization", ""},
		{"Moscow said the talks went well.", "Moscow", []string{"RUS"}, "country", ""},
		{"Chinese state media said the talks went well.", "Chinese state media", []string{"CHN"}, "media", ""},
		{"Burton said the cats were fine.", "Burton", []string{"BURTON"}, "person", "Burton"},
		{"Officials said the talks failed.", "Officials", []string{}, "anonymous", ""},
		{"Amnesty International said the trial was unfair.", "Amnesty International", []string{"AMNESTY INTERNATIONAL"}, "organization", ""},
		{"Russian President Vladimir Putin met Xi. He said the talks went well.", "He", []string{"RUS"}, "pronoun", "Vladimir Putin"},
	}
	lex, err := lexicon.Default()
	require.NoError(t, err)
	for _, tc := range cases {
		t.Run(tc.source, func(t *testing.T) {
			got := attribution.Extract(segment.Parse(tc.text), lex)
			require.NotEmpty(t, got, "text %q", tc.text)
			a := got[len(got)-1]
			require.NotNil(t, a.Source, "text %q", tc.text)
			assert.Equal(t, tc.source, spanText(tc.text, a.Source.Span), "text %q", tc.text)
			assert.Equal(t, tc.parties, a.Source.Parties, "text %q", tc.text)
			assert.Equal(t, tc.kind, a.Source.Kind.String(), "text %q", tc.text)
			assert.Equal(t, tc.resolved, a.Source.Resolved, "text %q", tc.text)
		})
	}
}

func describe(text string, got []attribution.Attribution) string {
	s := ""
	for _, a := range got {
		s += fmt.Sprintf("\n  %s %s src=%s cue=%q content=%q parent=%q", a.ID, a.Type, sourceText(text, a),
			spanText(text, a.Cue.Span), spanText(text, a.Content), a.Parent)
	}
	return s
}
