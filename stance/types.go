package stance

import "github.com/parleylab/parley/segment"

// Label is the kind of a relation between two parties.
type Label uint8

// Relation labels; the string forms are those of the parley/v1 record.
const (
	Agree Label = iota
	Support
	Deny
	Reject
	Accuse
	Criticize
)

var labelNames = [...]string{"agree", "support", "deny", "reject", "accuse", "criticize"}

// String returns the record form of l.
func (l Label) String() string {
	if int(l) < len(labelNames) {
		return labelNames[l]
	}
	return "unknown"
}

// Positive reports whether the label is a positive (agreeing) relation.
func (l Label) Positive() bool { return l == Agree || l == Support }

// Evidence is one lexicon term that contributed to a relation.
type Evidence struct {
	segment.Span
	Term   string  // the lexicon entry that matched ("deny", "positions coincided", "reportedly")
	Class  string  // its class: a label, or "negation", "hedge", "intensifier"
	Weight float64 // its signed contribution
}

// Relation is one directed relation between two parties stated in one sentence.
type Relation struct {
	Source, Target string // party codes
	Label          Label
	Score          float64 // in [-1, 1]: sign = polarity, magnitude = strength after hedges
	Negated        bool
	Hedged         bool
	Sentence       int
	Attribution    string // the attribution's ID, or "" when stated by the narrator
	Evidence       []Evidence
}

// Pair aggregates the non-negated relations from Source to Target.
type Pair struct {
	Source, Target     string
	Score              float64 // mean score
	Positive, Negative int     // counts by polarity
	N                  int     // number of relations
}
