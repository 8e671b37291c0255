package attribution_test

import (
	"fmt"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

func ExampleExtract() {
	text := "Chinese state media reported that Xi said the relationship was advancing. " +
		"“We will not back down,” Putin said."
	lex, err := lexicon.Default()
	if err != nil {
		panic(err)
	}
	for _, a := range attribution.Extract(segment.Parse(text), lex) {
		src := a.Source
		fmt.Printf("%s %s parent=%q source=%q %v cue=%q content=%q\n", a.ID, a.Type, a.Parent,
			text[src.Start:src.End], src.Parties, text[a.Cue.Start:a.Cue.End], text[a.Content.Start:a.Content.End])
	}
	// Output:
	// a1 indirect parent="" source="Chinese state media" [CHN] cue="reported" content="Xi said the relationship was advancing"
	// a2 indirect parent="a1" source="Xi" [XI] cue="said" content="the relationship was advancing"
	// a3 direct parent="" source="Putin" [PUTIN] cue="said" content="We will not back down"
}
