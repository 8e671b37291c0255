package lexicon_test

import (
	"fmt"

	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

func ExampleLexicon_MatchCues() {
	lex, err := lexicon.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Russia reiterated support for Beijing, and Kremlin adviser Yuri Ushakov said their positions coincided, according to state media."
	toks := segment.Tokenize(text)
	for _, m := range lex.MatchCues(toks) {
		fmt.Printf("%-24q %-22s %-8s %s\n", text[toks[m.Start].Start:toks[m.End-1].End], m.Cue.Lemma, m.Cue.Class, m.Cue.Kind)
	}
	// Output:
	// "reiterated support for" reiterate support for  support  verb
	// "said"                   say                    report   verb
	// "according to"           according to           report   prep
}

func ExampleLexicon_MatchParties() {
	lex, err := lexicon.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "The Kremlin said U.S.-Russian talks with the European Union were over, China’s envoy added."
	toks := segment.Tokenize(text)
	for _, m := range lex.MatchParties(toks) {
		fmt.Printf("%-20q %-5s %-8s %s\n", text[m.Span.Start:m.Span.End], m.Party.Code, m.Party.Kind, m.Name)
	}
	// Output:
	// "The Kremlin"        RUS   seat     Russia
	// "U.S."               USA   country  United States
	// "Russian"            RUS   demonym  Russia
	// "the European Union" EU    org      European Union
	// "China"              CHN   country  China
}
