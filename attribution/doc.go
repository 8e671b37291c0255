// Package attribution finds who said what: for each claim in a segmented
// news text, its cue ("said", "according to", "reiterated support for"),
// its source ("Kremlin adviser Yuri Ushakov") and its content, and
// resolves each source to party codes ("the Kremlin" → RUS).
//
// # Offsets
//
// Every span is a byte span into the original text of the segment.Doc
// (segment.Span, end exclusive). The parley/v1 record converts them to code
// points once, at the JSON boundary.
//
// # Constructions
//
// Extract reads one sentence at a time, starting from the cues the
// lexicon finds in it, and recognises:
//
//	X said (that) P              indirect; content after the cue, without "that"
//	P, X said / P, said X        content before the source or cue
//	“Q,” X said / X said: “Q”    direct; content inside the marks, without the
//	                             comma or full stop before the closing mark
//	“A,” said X, “B.”            split quote: two attributions, one cue
//	according to X, P / P, according to X
//	X told reporters P / X said in a statement P (multi-word cues)
//	..., with X saying P / X, speaking in Geneva, said P / X, a doctor, said P
//	X was quoted as saying P
//	X accused Y of P / X denied P / allegations Y denies (content "allegations")
//	X reiterated support for P / X called for P
//	S reported that X said P     nested: the inner attribution's parent is the outer
//	R, citing officials, reported that P   the cited source nests in R's attribution
//	he said / she added          pronoun sources, resolved to the last named speaker
//	officials familiar with the matter said   anonymous sources
//	it is said that P            no source in the text (Source nil)
//	“Q” ― Name                   a dash standing for the verb
//	X: “Q”                       a colon cue
//
// Indirect content runs to the end of the sentence, but stops before a
// conjunction that opens another attributed clause ("... and urged ...",
// ", while China pledged ..."), before ", according to", and before an
// apposed cue noun (", allegations China denies"). Content holding a closed
// quotation is Mixed.
//
// No attribution is made for negated speech ("did not deny", "declined to
// comment"), joint actions ("X and Y agreed to expand trade"), passives
// without an agent ("was accused of"), infinitives ("to reaffirm"), and a
// cue word used as a noun ("the report").
//
// # Nesting
//
// An attribution whose cue lies inside another's content in the same
// sentence gets that attribution as its Parent (the smallest such content);
// ids and parents are strings ("a7"), so the record serialises without
// pointers.
//
// # Sources and parties
//
// A source is the whole noun phrase as written, with determiner, title and
// apposition. Its parties come from the gazetteer names inside it (country,
// capital, seat of government, demonym, state media, organisation), from the
// document's memory of names (once "Yuri Ushakov" is tied to RUS, a later
// "Ushakov" is too, with Resolved "Yuri Ushakov"), from the antecedent of a
// pronoun, and for "both leaders" or "the two countries" from the last two
// differently aligned people named. A compound source lists every party. A
// person with no party in the text gets the upper-cased surname, a body its
// upper-cased name, as the parley/v1 spec says.
//
// # Confidence
//
// Confidence is fixed per construction, from 0.9 for a named source with a
// reporting verb down to 0.5 for a bare quotation attributed to the speaker
// of the quotation before it.
package attribution
