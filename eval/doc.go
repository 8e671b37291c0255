// Package eval scores parley's output against gold data: parley/v1 gold
// files, PolNeAR (attribution), Emergent and FNC-1 (claim-level stance),
// the PLOVER gold standard records (stance between parties) and the
// peer-tool unit tests of peer-cases.jsonl. It reads documents and never
// reaches back into the analyzer's passes: predictions come from a file
// or from functions the caller supplies (Systems).
//
// # Offsets
//
// All offsets are Unicode code points of the document text, end exclusive,
// as in the parley/v1 record and in brat. A span is a list of fragments
// (Frag); only PolNeAR has spans of more than one fragment.
//
// # Readers
//
// Every reader validates its input and returns an error wrapping
// ErrFormat that names the file and the line; none panics on input.
//
//   - ReadGold: parley/v1 JSON Lines (spec/output-v1.md, "Gold files");
//     optional defaults to false. ReadPredictions reads analyzer output.
//   - ReadPolNeAR: a split folder (text/, attributions/). An article may
//     have several annotators' files; the FIRST annotator listed for it
//     in metadata.tsv is scored (the next listed if that file is absent).
//     Each E-line is one attribution: Source, Cue and Content roles, and
//     Content2 (any role with a numeric suffix) adds fragments to its
//     role; an "Attribution-no-source" anchor has no source; when an
//     E-line has no Cue its anchor span is the cue. Fragments are kept in
//     the document's Meta (MetaFragments).
//   - ReadEmergent, ReadFNC: ClaimItem. FNC-1 stances map agree→for,
//     disagree→against, discuss→observing, unrelated→unrelated (Orig keeps
//     the original).
//   - ReadPlover: PloverItem. Codes JAP→JPN and ITL→ITA; generic IGO, NGO
//     and IMG actors are resolved from their actorText ("United Nations",
//     "U.N." → UN, "NATO" → NATO, "European Community" → EU, ...), else
//     the upper-cased actor text. Polarity: +1 for AGREE, SUPPORT,
//     COOPERATE, CONSULT, AID, CONCEDE, RETREAT; -1 for REJECT, DISAPPROVE,
//     DEMAND, THREATEN, PROTEST, SANCTION, COERCE, ASSAULT, FIGHT,
//     MOBILIZE; 0 (left out) for INVESTIGATE and DOCUMENT. A reciprocal
//     ("SRC/TAR") item holds in both directions between all its actors.
//   - ReadPeerCases: the English kind=="unit_test" cases of
//     peer-cases.jsonl with their expected speakers.
//
// # Span metrics (CofeNet protocol)
//
// Each span type (source, cue, content) is scored on its own, per
// document, over the distinct spans of that type. Predicted and gold
// spans are matched one to one, greedily by descending token Jaccard
// (ties: gold order, then predicted order), under one of three modes:
//
//	Exact       identical offsets
//	FirstToken  the same first word token
//	Overlap     Jaccard(tokens(g), tokens(p)) >= θ   (θ = 0.5 by default)
//
// Tokens are the word tokens of the text: maximal runs of letters, digits
// and marks; whitespace and punctuation only separate them. A span's
// tokens are those it overlaps. Two spans without word tokens have
// Jaccard 1 when they overlap, else 0. Counts add up over documents
// (micro average):
//
//	P = TP / pred    R = TP / gold    F1 = 2·TP / (pred + gold)
//
// P, R or F1 is NaN (null in JSON, "–" in tables) when its denominator
// is 0.
//
// # Linked attributions (Citron protocol)
//
// A predicted attribution matches a gold one when their cues overlap by
// at least one code point (one to one, by descending overlap). The cue
// line counts matched attributions; source and content count the matched
// pairs whose source (content) matches under the mode, over the
// attributions that have a source (content):
//
//	P_source = matched pairs with matching sources / predicted attributions with a source
//	R_source = matched pairs with matching sources / gold attributions with a source
//
// The triple line counts matched pairs whose content matches and whose
// sources match or are both absent, over all attributions.
//
// Source party accuracy is the share of linked pairs whose gold source
// names parties for which the predicted source has exactly the same
// (sorted) party set; it is reported as P = R = F1.
//
// # Optional gold
//
// Optional gold attributions are neither rewarded nor penalised: they do
// not count as gold, and a predicted span (attribution) left unmatched by
// the required gold that overlaps an optional gold span (cue) is removed
// from the predictions.
//
// # PolNeAR normalisation
//
// PolNeAR draws spans by its own guidelines (spec/annotation.md). With
// Options.PolNeAR both sides are normalised alike, never the analyzer:
//
//   - outer whitespace, punctuation, symbols and quote marks are trimmed
//     from every fragment;
//   - a leading "that" is dropped from a content's first fragment;
//   - leading auxiliaries and adverbs (has, was, will, also, then, any
//     word in -ly, ...) are dropped from each cue fragment while another
//     word follows ("has said" → "said", "also said" → "said");
//   - at span level each fragment of a discontinuous span is a span of its
//     own; linked scoring compares fragment lists;
//   - only outermost predicted attributions (parent null) are compared,
//     since PolNeAR annotates no nested attribution.
//
// # Relations between parties
//
// A document's relations are the set of (source, target, polarity) of
// its non-negated stances, polarity +1 for agree and support and -1 for
// the other labels, self-relations left out. Sets are compared per
// document and the counts summed (P, R, F1 as above); Pairs does the same
// ignoring polarity. On PLOVER each sentence with a non-zero polarity is
// a document whose gold relations come from its actors.
//
// # Claim-level stance
//
// Accuracy; per-class P, R, F1 taking each label in turn as positive;
// macro-F1, the unweighted mean of the per-class F1 over the labels found
// in the gold; the confusion matrix (rows gold, columns predicted). The
// FNC-1 weighted score gives each pair 0.25 when gold and prediction are
// both unrelated or both related, and 0.75 more when a related gold label
// is predicted exactly; it is reported raw and as a percentage of its
// maximum (0.25 per unrelated and 1 per related pair).
//
// # Uncertainty
//
// Bootstrap gives 95 % percentile intervals by resampling documents (or
// claim items) with replacement, from an explicit random source; the CLI
// uses rand.NewPCG(seed, seed) afresh for every metric, so the intervals
// depend on the seed only. Compare tests two prediction files on the same
// gold: a paired bootstrap interval of the difference and an approximate
// randomization p-value (swap the two systems' results per document with
// probability 1/2; p = (count(|Δ*| ≥ |Δ|) + 1) / (trials + 1)).
//
// # Peer cases
//
// For each English unit test of peer-cases.jsonl that names a speaker
// (quotes[].speaker_tokens, quotes[].speaker, speaker_tokens_flat,
// speaker or canonical_speaker, speakers, first.speaker,
// canonical_speaker_mention.text), the case passes when every expected
// speaker shares a word (case-insensitively) with the text or resolved
// name of some predicted source. A case whose expected quotes list is
// empty, or whose statement is null, passes when no predicted
// attribution is direct. Tests that list quotes without speakers are
// skipped and counted.
//
// # Suite files
//
// 'parley eval run SUITE.json' (RunSuite) scores a declared list of
// datasets and writes a report folder: metrics.json (a SuiteReport),
// report.md (the tables) and confusion-NAME.md for each claim-level
// dataset; progress goes to stderr. The output is the same for the same
// suite, data and systems. A suite file is a JSON object:
//
//	root      folder the paths are relative to, itself relative to the
//	          suite file's folder ("" = that folder); bench/suite.json
//	          uses ".." so paths read from the repository root
//	seed      bootstrap seed (uint64)
//	boot      bootstrap resamples (0: no intervals)
//	theta     Jaccard threshold of the overlap match (default 0.5)
//	datasets  list of objects:
//	  name      unique name, used in the report and file names
//	  format    parley | polnear | emergent | fnc1 | plover | peer
//	  gold      the gold file; polnear: the corpus folder (with split) or
//	            a split folder; fnc1: the stances CSV
//	  bodies    fnc1: the bodies CSV
//	  metadata  polnear: metadata.tsv (default: in the corpus folder)
//	  split     polnear: the split folder (dev, test); otherwise a label
//	  weights   emergent, fnc1: claim-model weights from 'parley fit'
//	            (default: the embedded weights)
//	  pred      a prediction file (parley/v1 JSON Lines; for emergent and
//	            fnc1 claim records or CSV); absent: run parley itself
//	  compare   a second prediction file, compared with pred (paired)
//
// Unknown fields are an error.
package eval
