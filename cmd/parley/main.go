// Command parley reads news text and reports who said what and who agrees
// with or denies whom, as parley/v1 JSON Lines.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC sets the garbage collector for streaming many small documents,
// unless the user set GOGC or GOMEMLIMIT: the live heap is a few MB, so
// the default GOGC=100 collects very often (measured on a PolNeAR corpus:
// 10.4 MB/s at GOGC=100, 12.6 MB/s at 400 on one core; 13.3 and 20.4 on
// two). A soft memory limit of 1 GiB makes the collector work harder
// only when a very large document approaches it.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}

// command is one subcommand: it gets the arguments after its name and
// returns the process exit status.
type command struct {
	name, summary string
	run           func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"analyze", "analyze documents and write parley/v1 JSON Lines", runAnalyze},
		{"claim", "claim-level stance: does each text support, deny or report a claim", runClaim},
		{"fit", "fit the claim-level stance weights on a training set", runFit},
		{"pairs", "aggregate analyzed documents into a party-by-party matrix", runPairs},
		{"eval", "score predictions (or the analyzer) against gold data", runEval},
		{"lexicon", "lexicon tools: 'lexicon check DIR'", runLexicon},
		{"version", "print the tool, schema and lexicon versions", runVersion},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: parley <command> [flags] [args]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'parley <command> -h' for a command's flags.")
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "parley: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}
