package stance

import "github.com/parleylab/parley/lexicon"

// Hand-set constants of the relation model. There is no training corpus for
// relations between parties, so these are set by hand and checked on the
// seed article, PLOVER and the gold dev data (see doc.go and BENCHMARKS).
const (
	// NegationFactor multiplies the score of a negated relation: "did not
	// deny" is a weak statement of the opposite polarity.
	NegationFactor = -0.5
	// maxNegationGap is how many tokens a negation may stand before the
	// term it negates, within the same clause ("has not yet publicly backed").
	maxNegationGap = 4
	// maxClause bounds how far a clause reaches from the trigger or cue
	// for the hedge scope, the narrated subject and target, in tokens: a
	// long unpunctuated sentence then costs linear time.
	maxClause = 200
)

// ClassWeights are the weights of a stance-class cue ("denies", "accused",
// "backed") when the stance lexicon has no entry of its own for the cue's
// words. Their signs give each label's polarity.
var ClassWeights = map[Label]float64{
	Agree:     0.8,
	Support:   0.8,
	Deny:      -0.8,
	Reject:    -0.7,
	Accuse:    -0.9,
	Criticize: -0.7,
}

// labelOf maps a lexicon class to a relation label; ok is false for the
// classes that state no relation (report, assert, belief).
func labelOf(c lexicon.Class) (Label, bool) {
	switch c {
	case lexicon.Agree:
		return Agree, true
	case lexicon.Support:
		return Support, true
	case lexicon.Deny:
		return Deny, true
	case lexicon.Reject:
		return Reject, true
	case lexicon.Accuse:
		return Accuse, true
	case lexicon.Criticize:
		return Criticize, true
	}
	return 0, false
}

// symmetric labels hold in both directions between the members of a group
// ("their positions coincided").
func (l Label) symmetric() bool { return l == Agree }
