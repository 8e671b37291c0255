package lexicon

// Class is the class of a cue or stance term.
type Class uint8

// Cue and stance classes. The string forms are those of the parley/v1 record.
const (
	Report    Class = iota // say, tell, report, according to
	Assert                 // claim, insist, argue, stress
	Belief                 // believe, think, expect
	Agree                  // agree, coincide, align, echo
	Support                // support, back, welcome, endorse
	Deny                   // deny, dismiss, refute
	Reject                 // reject, refuse, oppose
	Accuse                 // accuse, blame, allege
	Criticize              // criticize, condemn, slam
)

// CueKind tells how a cue attaches to its source and content.
type CueKind uint8

// Cue kinds.
const (
	Verb  CueKind = iota // "said", "told reporters", "reiterated support for"
	Noun                 // "allegations", "statement", "claims"
	Prep                 // "according to", "citing"
	Colon                // ":" before a quotation
)

// Cue is one cue entry: a single word or a multi-word expression.
type Cue struct {
	Lemma string // "say", "reiterate support for"
	Class Class
	Kind  CueKind
}

// PartyKind tells what kind of name a gazetteer alias is.
type PartyKind uint8

// Party alias kinds.
const (
	Country PartyKind = iota // "Russia", "the United States"
	Capital                  // "Moscow" (metonymy)
	Seat                     // "the Kremlin", "the White House"
	Demonym                  // "Russian", "Chinese"
	Org                      // "the European Union", "NATO"
	Media                    // "Xinhua", "TASS"
)

// Party is a gazetteer entry.
type Party struct {
	Code string // ISO 3166-1 alpha-3 or an organisation code: "RUS", "EU"
	Kind PartyKind
}
