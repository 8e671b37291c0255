// Package lexicon holds parley's versioned word lists — attribution cues,
// the party gazetteer, role words for source noun phrases, and the stance,
// negation, hedge and intensifier terms — and matches them over the
// tokens of package segment.
//
// # Data files
//
// The lists are plain UTF-8 files in data/, embedded in the binary and
// parsed once by Default. LoadFS reads a complete set from any fs.FS;
// Extend adds a directory of user files to a Lexicon; Check validates
// such a directory (the CLI's "parley lexicon check DIR"). The first line of
// every file is a header with at least a name and a version:
//
//	# name: cues  version: 2026.11.0  source: hand-built  license: CC-BY-4.0
//
// The name must be the file's table (below); DataVersion is the version of
// the embedded set, and a test checks every header against it. Other lines
// starting with "#" are comments, blank lines are skipped. A comment
// line "# mode: replace" in a file given to Extend replaces that table
// instead of extending it ("# mode: extend" is the default). Columns are
// separated by one tab; a term of several words separates them by spaces,
// and a possessive "'s" is its own token, as segment.Tokenize makes it
// ("People's Daily").
//
//	cues.tsv          lemma  class  kind  forms
//	                  class: report|assert|belief|agree|support|deny|reject|accuse|criticize
//	                  kind:  verb|noun|prep|colon (colon: the lemma ":" alone)
//	                  forms: the other surface forms, comma-separated ("says,said,saying",
//	                  "told reporters,tells reporters"); "-" for none; "=f1,f2" for only
//	                  these forms and not the lemma itself ("=backed,backing": "back" the
//	                  adverb is no cue)
//	parties.tsv       alias  code  kind  [flags]
//	                  kind: country|capital|seat|demonym|org|media; code: ISO 3166-1 alpha-3
//	                  for countries (Kosovo XKX), a short upper-case name for the rest (EU,
//	                  NATO, UN); code "-" with kind "-" is a guard, a name that holds a party
//	                  name but is none ("South China Sea", "Latin American")
//	                  flags: given-name (no party before a capitalised word: "Jordan
//	                  Peterson", "Paris Hilton"), needs-the (only right after "the": "the
//	                  Security Council", not "Russian Security Council"), comma-separated
//	roles.tsv         term  class  number  [refers]
//	                  class: title|org|media|anonymous|pronoun|group; number: sg|pl|-;
//	                  refers (pronouns): person|group|org|any
//	stance.tsv        term  class  weight
//	                  class: agree|support|deny|reject|accuse|criticize; weight in [-1, 1],
//	                  not 0, its sign the polarity
//	negation.txt      term
//	hedges.txt        term  multiplier      0 < multiplier <= 1
//	intensifiers.txt  term  multiplier      1 <= multiplier <= 2
//
// Errors name the file and line (`lexicon: cues.tsv:12: unknown class
// "sya"`); every problem of a set is reported, joined with errors.Join.
// Within one file two entries may not claim the same term with different
// values (ErrDuplicate). Across files, an entry added by Extend overrides
// the base entry of the same surface form or alias.
//
// # Matching
//
// All Match methods take the tokens of a document and return matches as
// half-open ranges of token indices, left to right, without overlaps: at
// each token the longest entry wins and matching resumes after it. Look-ups
// go through token tries keyed by segment.Token.Norm (lower case, ’ as ');
// there are no regular expressions and no per-call maps, and a call
// allocates only its result slice (and, the first time a new word needs
// the stem fallback, its stem). A Lexicon is read-only after it is
// built and safe for concurrent use.
//
//   - MatchCues: verbs in every form listed, multi-word cues ("reiterated
//     support for" over "reiterated", "was quoted as saying", "according
//     to"), noun cues ("allegations") and the colon, for a ":" token only.
//     A surface that is a verb form and a noun cue ("claims", "reports")
//     is returned as the verb; NounCue gives the noun reading. "citing" and
//     "quoting" are prepositional cues, not forms of cite and quote.
//   - MatchParties: see Case and names below.
//   - MatchRoles and Role: titles, organisation and media nouns, anonymous
//     sources, pronouns (with what they can refer to) and groups ("both
//     leaders").
//   - MatchTerms: stance terms, negations, hedges and intensifiers in one
//     pass, so "refused to" (negation) wins over "refused" (stance) and
//     "positions coincided" over "coincided". A token ending in "n't"
//     ("didn't") matches the negation "n't".
//
// # Case and names
//
// Party aliases match case-sensitively where case tells a name from a
// word: an alias token that starts with a capital needs a capital in
// text ("Turkey", not "turkey"); a short all-capitals token (three letters
// at most: "US", "U.S.", "UK", "WHO", "AU", "RT") must be written exactly so
// ("us", "Us" and "who" are no parties); lower-case alias tokens ("of",
// "d'Ivoire") match any case. A leading "the" of an alias is optional in
// text ("Kremlin adviser") and part of the match when present ("the
// Kremlin"). A final full stop is ignored ("U.S." and "U.S" meet), and a
// possessive left on a word by a tokenizer ("China’s") ends the alias
// before it; segment.Tokenize splits it off, and the caller handles the
// "’s" token. A hyphenated token is looked up whole ("Guinea-Bissau") and
// else part by part: "U.S.-Russian" gives USA and RUS, each with the
// token's Match and its own byte Span.
//
// Ambiguous names are decided as follows: "Georgia", "Jordan", "Chad",
// "Paris" and "Washington" carry the given-name flag, so they are no
// parties before a capitalised word ("Jordan Peterson", "Georgia Tech",
// "Washington Post") but are elsewhere ("Michael Jordan" is still JOR: the
// gazetteer cannot tell a surname). "Brussels" is the European Union (EU,
// kind capital), the usual metonymy in international news, not Belgium.
// "Congo" alone is the Democratic Republic of the Congo (COD); the
// Republic of the Congo is COG. "Korea" and "Korean" alone are no
// parties. "Jerusalem" (ISR) and "Ramallah" (PSE) stand for the
// governments seated there, as news metonymy; this takes no position on
// status. State media are the party of their state (Xinhua CHN, TASS RUS,
// KCNA PRK, IRNA IRN); editorially independent outlets, including public
// broadcasters and agencies such as Yonhap, NHK, BBC and AFP, are not in
// the gazetteer, since their reports are no statement of a government.
// PartyMatch.Name is the canonical name of the party: the first country
// or org alias of its code in file order, without "the" ("Russia" for "the
// Kremlin", "United States" for "U.S."); Lexicon.Name looks it up by code.
//
// # Stemming
//
// Stem is english.Stem(word, false) of github.com/kljensen/snowball,
// cached and safe for concurrent use. The lexicon uses it only as a
// fallback, for tokens of four letters or more that end in -s, -ed or -ing
// and that no entry matches as written:
//
//   - a verb cue whose forms column is "-" matches the tokens whose stem is
//     the stem of its lemma ("opined" for "opine");
//   - a one-word stance term matches the tokens whose stem is its stem
//     ("partnerships" for "partnership").
//
// The embedded cues list all their forms, irregular ones included ("said",
// "told", "went on to say"), so stemming adds nothing to them, and the
// measured snowball collisions cannot turn into cues: "according" and
// "accordingly" both stem to "accord", "stated" and the noun "state" to
// "state", "reportedly" to "report"; "accordingly", "state" and
// "reportedly" have no regular ending, and "state" lists only "stated" and
// "stating" ("states" would be "the United States"). Party names are never
// stemmed ("Tories" gives "tori"): they resolve through the alias table.
package lexicon
