package stance_test

import (
	"fmt"

	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
	"github.com/parleylab/parley/stance"
)

func ExampleScore() {
	lex, err := lexicon.Default()
	if err != nil {
		panic(err)
	}
	doc := segment.Parse("Britain reportedly condemned Iran, but Germany did not back France.")
	// No attributions: both relations are narrated.
	for _, r := range stance.Score(doc, nil, lex) {
		fmt.Printf("%s -> %s %s score=%.3f negated=%v hedged=%v\n", r.Source, r.Target, r.Label, r.Score, r.Negated, r.Hedged)
		for _, e := range r.Evidence {
			fmt.Printf("  %q %s %.2f\n", doc.Text[e.Start:e.End], e.Class, e.Weight)
		}
	}
	// Output:
	// GBR -> IRN criticize score=-0.630 negated=false hedged=true
	//   "reportedly" hedge 0.70
	//   "condemned" criticize -0.90
	// DEU -> FRA support score=-0.300 negated=true hedged=false
	//   "did not" negation -0.50
	//   "back" support 0.60
}
