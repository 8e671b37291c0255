package parley_test

import (
	"fmt"

	"github.com/parleylab/parley"
)

func ExampleAnalyzer_Analyze() {
	a, err := parley.New(parley.DefaultConfig())
	if err != nil {
		panic(err)
	}
	doc, err := a.Analyze("ex", "Kremlin adviser Yuri Ushakov said their positions coincided. China denied the report.")
	if err != nil {
		panic(err)
	}
	for _, at := range doc.Attributions {
		fmt.Printf("%s: %q %v %s %q\n", at.ID, at.Source.Text, at.Source.Parties, at.Cue.Lemma, at.Content.Text)
	}
	// Output:
	// a1: "Kremlin adviser Yuri Ushakov" [RUS] say "their positions coincided"
	// a2: "China" [CHN] deny "the report"
}
