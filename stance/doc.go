// Package stance finds relations between parties (who agrees with, backs,
// denies, rejects, accuses or criticises whom) and the stance of a text
// towards a claim.
//
// All offsets are byte offsets into segment.Doc.Text, as everywhere inside
// the library; the parley/v1 record converts them to code points.
//
// # Relations
//
// Score reads each attribution (attribution.Extract) and each sentence
// outside them and returns directed relations source → target with one of
// six labels: agree, support, deny, reject, accuse, criticize.
//
// A statement's triggers are its cue, when the cue's lexicon class is one
// of the six labels ("denies", "accused", "reiterated support for",
// "backed"), and the stance terms of its content (stance.tsv: "positions
// coincided", "a stabilizing force", "baseless", "a grave mistake"). The
// deciding trigger is the cue if it states a relation, else the content
// term with the largest weight; it gives the label. Sources are the
// attribution source's parties.
//
// Targets, in order of preference:
//
//   - the first party named in the content that is not a source, with the
//     parties coordinated with it: "accused Beijing of providing military
//     assistance to Russia" → CHN; "support for maintaining cooperation
//     with Venezuela and Cuba" → VEN, CUB; possessives count as mentions
//     ("Beijing's position" → CHN);
//   - for a denial or rejection that names no party, the owner of the
//     claim denied: the source of the closest earlier accusation, assertion
//     or report in the same or the previous sentence by other parties
//     ("Ukraine and the EU have accused Beijing ..., allegations China
//     denies" → CHN denies UKR, CHN denies EU);
//   - when the content refers to a pair without naming it ("their",
//     "bilateral", "the relationship", "both sides", "the two countries") or
//     the source is a group: the pair, which is the source's own parties
//     when it has two or more, else the document's two most mentioned
//     parties up to that sentence. An agree relation with such a marker
//     holds in both directions between the pair ("their positions
//     coincided"); any other goes from each source to the other member(s).
//
// A stance term in the content of reported speech (a report, assertion or
// belief cue) whose clause names a party other than the source's before it
// is that party's narrated relation, carried by the attribution: "The
// Turkish and Greek sides have agreed to share information, a UN official
// said" → TUR ↔ GRC agree, not UN → TUR; unless that clause holds a modal
// of obligation or a call to stop ("Washington should stop smearing
// China"): a demand is the speaker's relation. A cue of another class whose
// words are a stance term states that stance ("China demanded that the
// United States ..." → CHN → USA criticize).
//
// A report whose content holds another attribution ("state media reported
// that Xi said ...") yields nothing itself: the inner speaker's stance is
// the one stated.
//
// Narrated relations (Attribution "") come from stance verbs outside any
// attribution ("Russia backed ...", "China did not deny ...", "The leaders
// agreed to ...") and from stance terms with a group subject ("Xi and Putin
// ... reaffirm their strategic partnership"). The subject is every party
// named in the trigger's clause before it, or the document's pair for a
// group noun ("the leaders"); targets are found after the trigger in the
// same clause as above.
//
// # Negation, hedges and intensifiers
//
// Clauses end at , ; : ( ) dashes ? ! and at subordinators ("but",
// "while", "that", "as", "which" ...). A negation (negation.txt: "not",
// "never", "no", "declined to", "refused to", "has not") negates a trigger
// when it stands before it in the same clause, at most 4 tokens away ("did
// not deny", "has not yet backed"). A hedge (hedges.txt: "reportedly",
// "allegedly", "is said to", "may", "could") anywhere from the start of the
// cue's clause to the end of the content lowers the strength by its
// multiplier and sets Hedged. An intensifier (intensifiers.txt: "firmly",
// "strongly") at most 4 tokens before the deciding trigger in its clause
// raises it by its multiplier.
//
// # Cost
//
// Score runs in time linear in the document's length. The lexicon tables
// are matched once, sentence by sentence (lexicon.AnnotateSentences); the
// clause boundaries are listed at most once per token, and only in the
// sentences a rule asks about (see clause.go); a clause
// reaches at most 200 tokens (maxClause) from the trigger or cue it
// scopes, and the owner of a denied claim is looked for among at most 32
// earlier attributions of each of the two sentences. These bounds only
// matter in text without punctuation; TestScoreCostLinear checks the
// growth on such inputs.
//
// # Score
//
// With w_k the weights of the triggers of the deciding trigger's polarity
// and negation status (a stance-class cue weighs its stance.tsv entry, or
// ClassWeights when there is none), i_m the intensifier multipliers (≥ 1)
// and h_m the hedge multipliers (in [0, 1]):
//
//	strength = min(1, prod_m i_m * (1 - prod_k (1 - |w_k|))) * prod_m h_m
//	score    = sign(label) * strength * (NegationFactor if negated, else 1)
//
// sign(label) is +1 for agree and support and -1 otherwise; NegationFactor
// is -0.5, so "did not deny" scores a weak positive. Scores are finite and
// lie in [-1, 1] for any lexicon weights. Every trigger, hedge,
// intensifier and negation that entered the score is listed as Evidence
// with its span, term, class and weight.
//
// These constants are set by hand: there is no training corpus of party
// relations. They were checked on the seed article, PLOVER and the gold
// dev data (see BENCHMARKS).
//
// # Pairs and the party matrix
//
// Aggregate groups a document's non-negated relations by (source, target):
// the mean score (gonum stat.Mean) and the counts by polarity. Matrix sums
// pairs over a corpus into gonum mat.Dense matrices indexed by a sorted
// party list.
//
// # Claim-level stance
//
// ClaimModel.Classify answers "does this text support the claim (for),
// deny it (against), report it without taking a side (observing), or is it
// not about it (unrelated)?" with a multinomial logistic regression:
//
//	P(y | x) = exp(W_y · x) / sum_k exp(W_k · x)
//
// over readable lexicon features x of the (claim, text) pair: a bias; the
// log(1+count) of the text's refuting terms (deny, reject, accuse,
// criticize classes), support terms, hedges, negations and report cues
// that are not also in the claim; one indicator per such term; whether
// the attribution pass finds an attribution (an "observing" signal);
// a question mark; the share of the claim's content stems found in the
// text's first 60 tokens and in the whole text, the share of the lede's
// stems found in the claim, and whether none is shared. Fit minimises the
// mean negative log-likelihood plus Lambda/2 times the squared weights
// (biases unpenalised) with L-BFGS (gonum/optimize). The unrelated class
// is learnt from synthetic pairs: each training text with the claim of
// another group. The embedded weights (data/claim-weights.json) were fitted
// on the Emergent training split only, with Lambda chosen by claim-grouped
// cross-validation.
//
// # Article bodies
//
// The regression is fitted on headlines. A text longer than its lede (an
// article body, as in FNC-1) is classified in two steps, both fitted on
// the same training split (Weights.Body):
//
//   - relatedness: the IDF-weighted share of the claim's content stems
//     found anywhere in the body,
//     related = sum_{s in C∩B} idf(s) / sum_{s in C} idf(s), with
//     idf(s) = 1 + log((N+1)/(df(s)+1)) and the document frequencies
//     counted on the training claims and headlines (N texts); then
//     P(related) = 1/(1+exp(-(Bias + Slope*related))). Bias and Slope are
//     a logistic regression on synthetic long pairs: the headlines of one
//     training claim mixed with those of three other claims (a pseudo-body
//     a quarter on topic), paired with its own claim and with a claim it
//     does not hold. The text is unrelated when P(related) < 0.5;
//   - stance: each body sentence that mentions the claim (holds two of its
//     content stems, or its only one) is classified like a headline; the
//     mean of their for/against/observing probabilities, renormalised over
//     those three, gives the label. With no such sentence the lede stands
//     in.
//
// Scores are then P(related) times that mean for the three stances and
// 1 − P(related) for unrelated; Score is the probability of the chosen
// label (which under the gate need not be the largest).
package stance
