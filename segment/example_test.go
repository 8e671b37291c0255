package segment_test

import (
	"fmt"

	"github.com/parleylab/parley/segment"
)

func ExampleTokenize() {
	text := "Mr. Xi’s “grand plan” costs $3.5 billion."
	for _, t := range segment.Tokenize(text) {
		fmt.Printf("%d-%d %-6s %-8q %q\n", t.Start, t.End, t.Kind, t.Text, t.Norm)
	}
	// Output:
	// 0-3 word   "Mr."    "mr."
	// 4-6 word   "Xi"     "xi"
	// 6-10 word   "’s"     "'s"
	// 11-14 quote  "“"      "\""
	// 14-19 word   "grand"  "grand"
	// 20-24 word   "plan"   "plan"
	// 24-27 quote  "”"      "\""
	// 28-33 word   "costs"  "costs"
	// 34-35 punct  "$"      "$"
	// 35-38 number "3.5"    "3.5"
	// 39-46 word   "billion" "billion"
	// 46-47 punct  "."      "."
}

func ExampleParse() {
	text := "“It’s over. We lost,” Sen. Smith said. She left.\n“We will be back.”"
	d := segment.Parse(text)
	for _, s := range d.Sentences {
		fmt.Printf("sentence (paragraph %d): %s\n", s.Paragraph, text[s.Start:s.End])
	}
	for _, q := range d.Quotes {
		fmt.Printf("quote: %s (closed %v)\n", text[q.Inner.Start:q.Inner.End], q.Closed)
	}
	// Output:
	// sentence (paragraph 0): “It’s over. We lost,” Sen. Smith said.
	// sentence (paragraph 0): She left.
	// sentence (paragraph 1): “We will be back.”
	// quote: It’s over. We lost, (closed true)
	// quote: We will be back. (closed true)
}
