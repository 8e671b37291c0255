// Package parleybeam runs the parley analyzer as an Apache Beam pipeline
// (Go SDK), so that a corpus too large for one machine can be analyzed on
// Dataflow, Flink or Spark, or locally on Beam's Prism runner.
//
// # Pipeline
//
// The pipeline built by [Build] is:
//
//	MatchFiles(--input) → ReadMatches → split into documents
//	  → Reshuffle → analyze (one *parley.Analyzer per worker, built in Setup)
//	  ├→ records, sorted by input position → one parley/v1 JSON Lines file
//	  └→ pairs → CombinePerKey(source, target) → sorted → JSON Lines or CSV
//
// A text file is one document whose id is its base name without extension;
// a JSON Lines file holds one document per non-blank line ({"id","text",...}),
// whose id is its "id" field or line-N (N = 1-based line number) when it has
// none, and whose other fields pass through as "meta". Input is read with
// the CLI's own reader and parser (internal/jsonl), so the pipeline does
// what `parley analyze` does with the same files.
//
// # Output order and bytes
//
// Beam collections are unordered. Every record therefore carries its input
// position (file path, line number), and the last step gathers all records
// on one worker (through a side input), sorts them by (path, line) in byte
// order, and writes a single file. Each line is json.Marshal of the record
// the library returns plus "\n", the CLI's byte contract, so the file equals
// the output of `parley analyze` run on the same files listed in sorted
// order. The cost is that the final write happens on one worker and holds
// the records in memory there, as Beam's textio.Write does.
//
// A document that cannot be analyzed (too large, binary, malformed JSON
// line) yields the spec's error record in its place, with the CLI's code
// and message; the run goes on.
//
// # Party matrix
//
// Each document's aggregate pairs (source, target, mean score, positive,
// negative, n) are combined per (source, target) over the corpus:
//
//	score = sum_d {score_d * n_d} / sum_d {n_d}
//
// positive, negative and n are summed. The CSV form is the bytes of
// `parley pairs --format csv`; the JSON Lines form has full precision. The
// sum of score*n is kept as exact
// partial sums (Shewchuk's algorithm, as Python's math.fsum) so that the
// result is correctly rounded and does not depend on the order in which the
// runner combines the documents: the matrix file is deterministic too.
package parleybeam
