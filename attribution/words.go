package attribution

import "github.com/parleylab/parley/internal/wordhash"

// Closed word classes the extractor reads phrases with. They are grammar,
// not domain vocabulary, so they live here rather than in the lexicon
// files; every entry is a lower-case token Norm.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// auxiliaries may stand between a source and its cue ("has said", "would
// tell"); they are not part of the cue (annotation.md).
var auxiliaries = set("has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
	"will", "would", "can", "could", "may", "might", "must", "should", "shall", "do", "does",
	"did", "'s", "'ve", "'d", "'ll", "has been", "to")

// cueAdverbs may stand between a source and its cue ("also said",
// "reportedly criticised").
var cueAdverbs = set("also", "reportedly", "allegedly", "previously", "later", "again",
	"then", "repeatedly", "publicly", "privately", "recently", "once", "further", "firmly",
	"strongly", "flatly", "categorically", "already", "earlier", "often", "still", "now",
	"yet", "just", "even", "quickly", "immediately", "frequently", "openly", "explicitly",
	"clearly", "simply", "angrily", "bluntly", "sharply", "vehemently", "forcefully",
	"emphatically", "specifically", "separately", "subsequently", "initially", "originally",
	"apparently", "reportedly", "has", "have", "had", "largely", "widely", "long", "all",
	"both", "jointly", "similarly", "likewise", "in", "turn", "ever", "always", "correctly",
	"falsely", "wrongly", "rightly", "privately", "personally", "sometimes", "perhaps",
	"seldom", "rarely", "usually", "also", "maybe")

// negators in front of a cue make it negated speech: no attribution.
var negators = set("not", "n't", "never", "no", "neither", "nor", "cannot")

// refusals: "declined to comment", "refused to say".
var refusals = set("declined", "refused", "failed", "declines", "refuses", "fails",
	"declining", "refusing", "failing", "unwilling", "reluctant")

// determiners open a noun phrase.
var determiners = set("the", "a", "an", "this", "these", "those", "his", "her", "its",
	"their", "our", "my", "your", "some", "many", "several", "two", "three", "four", "five",
	"both", "all", "most", "other", "another", "one", "each", "every", "any", "few", "more",
	"no", "such", "top", "senior", "former", "chief", "deputy", "foreign", "state", "local",
	"federal", "national", "international", "western", "eastern", "european", "american",
	"anonymous", "unnamed", "unidentified", "independent", "prominent", "leading", "key",
	"rival", "fellow", "new", "current", "outgoing", "incoming", "acting", "longtime",
	"military", "government", "official", "intelligence", "security", "defense", "defence",
	"white", "house", "campaign", "party", "vice", "assistant", "associate", "general",
	"special", "high-ranking", "high-level", "ranking", "democratic", "republican",
	"conservative", "liberal", "progressive", "ruling", "opposition", "presidential",
	"press", "communications", "health", "public", "private", "u.s.", "us", "chinese",
	"russian", "many", "numerous", "multiple", "three", "six", "seven", "eight", "nine", "ten",
	"dozens", "hundreds", "thousands", "millions", "some", "at", "least", "same", "those",
	"another", "everyone", "everybody", "nobody", "none", "whose")

// subordinators end a noun phrase scanned leftwards and open clauses.
var subordinators = set("that", "which", "who", "whom", "whose", "when", "where", "while",
	"as", "because", "since", "if", "but", "or", "so", "than", "after", "before",
	"although", "though", "until", "unless", "whether", "whereas", "and", "nor", "yet",
	"what", "why", "how", "whom", "whoever", "once")

// npPrepositions may join a noun phrase to its post-modifier ("a spokesman
// for the ministry", "officials familiar with the matter").
var npPrepositions = set("of", "for", "at", "from", "with", "in", "on", "to", "within", "inside",
	"by", "upon", "about", "into", "over", "against", "among", "between", "under", "through",
	"despite", "without", "like", "unlike", "toward", "towards")

// timeWords stop a leftward noun-phrase scan: "On Monday the ministry said".
var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "today", "yesterday", "tonight", "tomorrow", "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october", "november", "december",
	"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
	"dec.", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend",
	"last", "earlier", "later", "meanwhile", "however", "also", "instead", "then",
	"thursday's", "in", "on")

// sentenceFunction are capitalised words at the start of a sentence that
// are not names.
var sentenceFunction = set("the", "a", "an", "in", "on", "at", "but", "and", "or", "so",
	"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
	"after", "before", "when", "while", "as", "if", "although", "though", "since", "because",
	"for", "from", "with", "by", "to", "of", "its", "his", "her", "their", "our", "my",
	"some", "many", "both", "all", "most", "no", "not", "yet", "still", "meanwhile",
	"however", "also", "even", "last", "next", "earlier", "later", "according", "asked",
	"speaking", "despite", "during", "under", "over", "about", "what", "why", "how", "who",
	"where", "which", "one", "two", "three", "several", "other", "another", "each", "every",
	"then", "now", "here", "today", "yesterday", "instead", "perhaps", "maybe", "indeed",
	"still", "so", "thus", "therefore", "hence", "that", "this", "such")

// pluralPronouns and the others give a pronoun source its antecedent's number.
var (
	personPronouns = set("he", "she", "i")
	pluralPronouns = set("they", "we")
	thingPronouns  = set("it")
)

// objectTellers take an addressee before their content: "told the
// newspaper that ...".
var objectTellers = set("tell", "inform", "assure", "warn", "remind", "caution", "advise",
	"brief", "urge", "convince", "promise", "notify", "write")

// jointVerbs narrate a joint action when followed by "to" + verb:
// "X and Y agreed to expand trade" (annotation.md: no attribution).
var jointVerbs = set("agree", "pledge", "promise", "vow", "plan", "want", "hope", "expect",
	"decide", "threaten", "refuse", "decline", "offer", "seek", "intend")

// nonVerbEd are lower-case words ending in -ed or -ing that are adjectives
// or nouns inside a noun phrase, not verbs.
var nonVerbEd = set("united", "unnamed", "retired", "elected", "armed", "embattled",
	"alleged", "so-called", "unidentified", "indicted", "detained", "jailed", "disgraced",
	"leading", "ruling", "governing", "ranking", "outgoing", "incoming", "visiting",
	"opposing", "acting", "presiding", "sitting", "reporting", "polling", "founding",
	"advised", "informed", "concerned", "interested", "related", "affiliated", "based",
	"skilled", "trained", "experienced", "sacked", "fired", "ousted", "exiled", "deposed",
	"hundred", "thing", "king", "morning", "evening", "building", "meeting", "briefing",
	"spring", "wing", "string", "ring", "sibling", "viking", "beijing", "nanjing", "bring",
	"shed", "bed", "red", "need", "seed", "speed", "creed", "weed", "greed", "feed", "bleed")

// nounLike are cue lemmas whose -s form is as often a plural noun ("need
// answers", "made claims") as a verb.
var nounLike = set("answer", "claim", "report", "comment", "note", "statement", "reply",
	"response", "charge", "promise", "pledge", "warning", "warn", "call", "demand", "estimate",
	"concern", "hope", "fear", "doubt", "view", "support", "criticism", "denial", "vow",
	"threat", "threaten", "plan", "request", "question", "remark", "tweet", "post", "quote",
	"suggest", "signal", "accusation", "allegation", "order", "urge", "back", "praise",
	"attack", "blast", "slam", "echo", "welcome", "reference", "state", "point", "voice")

// eventNouns head noun phrases that name events, not speakers: "The call
// underscored ..." is narration, not an attribution.
var eventNouns = set("call", "calls", "meeting", "meetings", "talks", "discussion", "discussions",
	"visit", "visits", "summit", "trip", "war", "conflict", "move", "decision", "deal",
	"agreement", "vote", "election", "invasion", "attack", "sanctions", "crisis", "event",
	"events", "conference", "ceremony", "exchange", "negotiations", "dialogue", "relationship",
	"relations", "ties", "partnership", "cooperation", "alignment", "shift", "development",
	"developments", "situation", "process", "step", "steps", "change", "changes", "growth")

// dayNames are skipped between a source and its cue: "The Times on
// Saturday wrote".
var dayNames = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// objectPronouns cannot be the subject after an inverted cue: "called him".
var objectPronouns = set("him", "her", "them", "us", "me", "it", "you")

// trailingClause opens a clause after a comma that ends indirect content:
// ", which ...", ", citing ...".
var trailingClause = set("which", "where", "though", "although", "whereas", "citing", "while",
	"even", "unless", "because", "since", "whom", "whose")

// objectInfinitive take an addressee and an infinitive: "urged Congress
// to leave"; the content starts at "to".
var objectInfinitive = set("urge", "encourage", "call on", "ask", "press", "push", "invite",
	"implore", "beg", "order", "advise", "remind", "warn", "tell", "challenge", "dare", "allow")

// wordClass is a bit set of the closed classes above a token belongs to;
// the extractor looks each token up once and tests bits afterwards.
type wordClass uint32

// The token classes, one bit per word set.
const (
	cAuxiliaries wordClass = 1 << iota
	cCueAdverbs
	cNegators
	cRefusals
	cDeterminers
	cSubordinators
	cNpPrepositions
	cTimeWords
	cSentenceFunction
	cPersonPronouns
	cPluralPronouns
	cThingPronouns
	cNonVerbEd
	cEventNouns
	cDayNames
	cObjectPronouns
	cTrailingClause
	// The classes of cue lemmas and of the last word of a name, looked up
	// with classesOf too.
	cNounLike
	cJointVerbs
	cObjectTellers
	cObjectInfinitive
	cOrgNames
	// cKnown marks the classes of a token as looked up.
	cKnown wordClass = 1 << 31
)

// classesOf returns the classes of a token Norm or a cue lemma. It runs
// for a good part of the tokens of every document, so the words are in a
// perfect hash table (internal/wordhash), which settles a word of up to
// eight bytes without a branch on whether it is one of them.
func classesOf(norm string) wordClass { return wordClass(classTable.Lookup(norm)) }

// classTable holds the classes of the words of tokenClasses.
var classTable = func() wordhash.Table {
	m := make(map[string]uint32, len(tokenClasses))
	for w, c := range tokenClasses {
		m[w] = uint32(c)
	}
	return wordhash.New(m)
}()

// tokenClasses maps a token Norm or a cue lemma to its classes.
var tokenClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, e := range []struct {
		words map[string]bool
		class wordClass
	}{
		{auxiliaries, cAuxiliaries},
		{cueAdverbs, cCueAdverbs},
		{negators, cNegators},
		{refusals, cRefusals},
		{determiners, cDeterminers},
		{subordinators, cSubordinators},
		{npPrepositions, cNpPrepositions},
		{timeWords, cTimeWords},
		{sentenceFunction, cSentenceFunction},
		{personPronouns, cPersonPronouns},
		{pluralPronouns, cPluralPronouns},
		{thingPronouns, cThingPronouns},
		{nonVerbEd, cNonVerbEd},
		{eventNouns, cEventNouns},
		{dayNames, cDayNames},
		{objectPronouns, cObjectPronouns},
		{trailingClause, cTrailingClause},
		{nounLike, cNounLike},
		{jointVerbs, cJointVerbs},
		{objectTellers, cObjectTellers},
		{objectInfinitive, cObjectInfinitive},
		{orgNames, cOrgNames},
	} {
		for w := range e.words {
			m[w] |= e.class
		}
	}
	return m
}()

// orgNames end the names of bodies rather than people: "Amnesty
// International", "Human Rights Watch", "the Heritage Foundation".
var orgNames = set("international", "watch", "foundation", "institute", "institution", "association",
	"council", "committee", "commission", "party", "union", "group", "agency", "bank", "fund",
	"organization", "organisation", "federation", "alliance", "coalition", "network", "center",
	"centre", "university", "college", "inc.", "corp.", "co.", "ltd.", "llc", "company",
	"corporation", "ministry", "department", "office", "court", "times", "post", "news", "journal",
	"press", "tribune", "herald", "guardian", "telegraph", "reuters", "society", "trust", "board",
	"authority", "forces", "army", "navy", "police", "church", "league", "front", "movement")
