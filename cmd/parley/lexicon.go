package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/lexicon"
)

// version is the tool version; release builds set it with
// -ldflags "-X main.version=v1.2.3". Otherwise the module version from the
// build information is used.
var version = ""

func runLexicon(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lexicon", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parley lexicon check DIR\n\nValidates the lexicon files in DIR as 'parley analyze --lexicon DIR' would read them;\nevery problem is printed as FILE:LINE: message, and the exit status is 1 when there is one.")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() != 2 || fs.Arg(0) != "check" {
		fs.Usage()
		return exitUsage
	}
	dir := fs.Arg(1)
	if err := checkDir(dir); err != nil {
		fmt.Fprintln(stderr, "parley lexicon:", err)
		return exitFatal
	}
	if err := lexicon.Check(os.DirFS(dir)); err != nil {
		n := printLexiconErrors(stderr, "parley lexicon", dir, err)
		fmt.Fprintf(stderr, "parley lexicon: %s: %d problems\n", dir, n)
		return exitFatal
	}
	fmt.Fprintf(stdout, "%s: ok\n", dir)
	return exitOK
}

// printLexiconErrors prints each error joined in err on its own line,
// a lexicon.FileError as DIR/FILE:LINE: message, and returns their number.
func printLexiconErrors(w io.Writer, prefix, dir string, err error) int {
	errs := flattenErrors(err)
	for _, e := range errs {
		if fe, ok := errors.AsType[*lexicon.FileError](e); ok {
			loc := filepath.Join(dir, fe.File)
			if fe.Line > 0 {
				loc = fmt.Sprintf("%s:%d", loc, fe.Line)
			}
			fmt.Fprintf(w, "%s: %s: %s\n", prefix, loc, fe.Msg)
			continue
		}
		fmt.Fprintf(w, "%s: %v\n", prefix, e)
	}
	return len(errs)
}

// flattenErrors returns the leaves of a tree of errors.Join errors.
func flattenErrors(err error) []error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, flattenErrors(e)...)
	}
	return out
}

func runVersion(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: parley version")
		return exitUsage
	}
	fmt.Fprintf(stdout, "parley %s\nschema %s\nlexicon %s\n%s\n", toolVersion(), parley.Schema, lexicon.DataVersion, runtime.Version())
	return exitOK
}

// toolVersion returns the version set at link time (-ldflags "-X
// main.version=..."), or parley.Version followed by the main module's
// version from the build information ("0.1.0 (devel)" for a build from a
// clone).
func toolVersion() string {
	if version != "" {
		return version
	}
	v := parley.Version
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v += " " + bi.Main.Version
	}
	return v
}
