package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/internal/atomicfile"
	"github.com/parleylab/parley/internal/jsonl"
	"github.com/parleylab/parley/internal/pipeline"
	"github.com/parleylab/parley/internal/recenc"
)

// Exit statuses of the CLI (documented in README.md).
const (
	exitOK          = 0   // success, including documents written as error records
	exitFatal       = 1   // unreadable input, unwritable output, broken lexicon
	exitUsage       = 2   // bad flag or argument
	exitDocFailed   = 3   // a document could not be analyzed under --on-error=fail
	exitInterrupted = 130 // SIGINT or SIGTERM
)

// analyzeFlags are the flags of 'parley analyze'.
type analyzeFlags struct {
	input    string
	out      string
	text     bool
	pretty   bool
	quiet    bool
	lexicon  string
	workers  int
	maxBytes int
	onError  string
	cpuProf  string
	memProf  string
}

func parseAnalyzeFlags(args []string, stderr io.Writer) (analyzeFlags, []string, error) {
	var f analyzeFlags
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.input, "input", "auto", "input format: auto (by extension: .jsonl/.ndjson are JSON Lines; standard input: JSON Lines if it starts with '{'), jsonl or text")
	fs.StringVar(&f.out, "o", "", "write to this file (atomically: it appears only when the run succeeds) instead of standard output")
	fs.BoolVar(&f.text, "text", false, "echo the (repaired) document text in each record")
	fs.BoolVar(&f.pretty, "pretty", false, "indent the records for people (the output is then not JSON Lines)")
	fs.BoolVar(&f.quiet, "q", false, "no summary line on standard error")
	fs.StringVar(&f.lexicon, "lexicon", "", "directory of user lexicon files extending the embedded ones")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "documents analyzed in parallel")
	fs.IntVar(&f.maxBytes, "max-bytes", parley.DefaultMaxBytes, "largest document in bytes; larger ones become error records (too_large)")
	fs.StringVar(&f.onError, "on-error", "skip", "a document that cannot be analyzed: skip (write an error record, exit 0) or fail (stop, exit 3)")
	fs.StringVar(&f.cpuProf, "cpuprofile", "", "write a CPU profile (go tool pprof) of the run to this file")
	fs.StringVar(&f.memProf, "memprofile", "", "write an allocation profile (go tool pprof -sample_index=alloc_space) of the run to this file")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: parley analyze [flags] [FILE ...]

Writes one parley/v1 JSON line per input document, in input order. A FILE is
a text file (one document, id = base name without extension) or JSON Lines of
{"id","text",...} (.jsonl); no FILE or "-" reads standard input.

`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return f, nil, err
	}
	switch {
	case f.input != "auto" && f.input != "jsonl" && f.input != "text":
		return f, nil, fmt.Errorf("--input %q: want auto, jsonl or text", f.input)
	case f.onError != "skip" && f.onError != "fail":
		return f, nil, fmt.Errorf("--on-error %q: want skip or fail", f.onError)
	case f.workers < 1:
		return f, nil, fmt.Errorf("--workers %d: want at least 1", f.workers)
	case f.maxBytes < 1:
		return f, nil, fmt.Errorf("--max-bytes %d: want at least 1", f.maxBytes)
	}
	return f, fs.Args(), nil
}

func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f, paths, err := parseAnalyzeFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "parley analyze:", err)
		return exitUsage
	}
	if err := checkInputs(paths); err != nil {
		fmt.Fprintln(stderr, "parley analyze:", err)
		return exitFatal
	}
	if f.lexicon != "" {
		if err := checkDir(f.lexicon); err != nil {
			fmt.Fprintln(stderr, "parley analyze: --lexicon:", err)
			return exitFatal
		}
	}
	cfg := parley.Config{LexiconDir: f.lexicon, MaxBytes: f.maxBytes, Text: f.text}
	an, err := parley.New(cfg)
	if err != nil {
		printLexiconErrors(stderr, "parley analyze: --lexicon", f.lexicon, err)
		return exitFatal
	}
	if f.cpuProf != "" {
		stopProf, err := startCPUProfile(f.cpuProf)
		if err != nil {
			fmt.Fprintln(stderr, "parley analyze:", err)
			return exitFatal
		}
		defer func() {
			if err := stopProf(); err != nil {
				fmt.Fprintln(stderr, "parley analyze:", err)
			}
		}()
	}
	if f.memProf != "" {
		defer func() {
			if err := writeAllocProfile(f.memProf); err != nil {
				fmt.Fprintln(stderr, "parley analyze:", err)
			}
		}()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var out io.Writer = stdout
	var file *atomicfile.File
	if f.out != "" {
		if file, err = atomicfile.Create(f.out, 0o644); err != nil {
			fmt.Fprintln(stderr, "parley analyze:", err)
			return exitFatal
		}
		defer file.Abort() //nolint:errcheck // after Commit it does nothing; otherwise the temporary file goes
		out = file
	}
	w := bufio.NewWriterSize(out, 256<<10)
	b := &batch{an: an, flags: f, out: w, stderr: stderr, seed: maphash.MakeSeed(),
		seen: map[uint64]docPlace{}}
	src := newDocSource(paths, stdin, f.input, f.maxBytes)
	start := time.Now()
	opt := pipeline.Options[inputDoc]{Workers: f.workers}
	if f.workers > 1 {
		opt.Window, opt.Batch, opt.BatchSize = 2*f.workers, batchDocs, batchBytes
		opt.Size = func(d inputDoc) int { return len(d.raw) + len(d.text) }
		opt.Ready = src.ready
	}
	err = pipeline.Run(ctx, opt, src.next, b.work, b.emit)
	code := exitOK
	switch {
	case errors.Is(err, errDocFailed):
		code = exitDocFailed
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "parley analyze: interrupted")
		code = exitInterrupted
	case err != nil:
		fmt.Fprintln(stderr, "parley analyze:", err)
		code = exitFatal
	}
	src.close()
	// Under --on-error=fail the records before the failed document are
	// delivered on standard output; a file is written whole or not at all.
	if code == exitOK || file == nil {
		if err := w.Flush(); err != nil && code == exitOK {
			fmt.Fprintln(stderr, "parley analyze:", err)
			code = exitFatal
		}
	}
	if code == exitOK && file != nil {
		if err := file.Commit(); err != nil {
			fmt.Fprintln(stderr, "parley analyze:", err)
			code = exitFatal
		}
	}
	if !f.quiet {
		b.summary(stderr, time.Since(start))
	}
	return code
}

// With more than one worker, documents go to the workers in batches of at
// most batchDocs documents and about batchBytes bytes (a batch is handed
// on once it reaches that size, or as soon as no whole line is waiting in
// the input), within a window of two batches a worker: each hand-off
// between the reading, working and writing goroutines can wake a thread
// and move work between cores, and batches make them rarer. On two cores
// (scripts/throughput.sh, 200 MB), batches of 8 documents and 64 KiB
// took the first version from 1.77x to 1.85x the one-core figure. Once a
// document took a third less time, batches of 16 and 128 KiB gave 56.2-58.7
// MB/s against 53.7-57.7 (four alternating runs), with a peak RSS of 88 MB
// streaming 1 GB against 77; 32 and 256 KiB gave 58.2-58.7 MB/s but 102
// MB. One worker gains nothing from batches.
const (
	batchDocs  = 16
	batchBytes = 128 << 10
)

// startCPUProfile starts a CPU profile written to path and returns the
// function that stops it and closes the file.
func startCPUProfile(path string) (func() error, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		return nil, errors.Join(err, f.Close())
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}

// writeAllocProfile writes the allocations of the run so far (the "allocs"
// profile) to path. The profile is as of the last garbage collection, so
// one is run first.
func writeAllocProfile(path string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	return errors.Join(pprof.Lookup("allocs").WriteTo(f, 0), f.Close())
}

// errDocFailed stops a run under --on-error=fail.
var errDocFailed = errors.New("a document could not be analyzed (--on-error=fail)")

// docPlace is where an id was first seen: an index into batch.files and a line.
type docPlace struct{ file, line uint32 }

// batch is the state of one 'parley analyze' run. work runs on many
// goroutines and only reads it; emit runs on one and owns the rest.
type batch struct {
	an     *parley.Analyzer
	flags  analyzeFlags
	out    io.Writer
	stderr io.Writer

	// Duplicate ids are found by a 64-bit hash of each id, so memory grows
	// by a few bytes per document, not by the ids' length.
	seed  maphash.Seed
	seen  map[uint64]docPlace
	files []string

	docs, failed, warnings int
	bytes                  int64
}

// result is one document's output line and what to tell the user about it.
type result struct {
	in       inputDoc
	id       string
	record   []byte
	buf      *[]byte // record's buffer, from recordBufs
	code     string  // error-record code; "" when the document was analyzed
	message  string
	warnings []string
}

// work analyzes one document and encodes its record.
func (b *batch) work(in inputDoc) (res result) {
	res = result{in: in, id: in.id}
	defer func() {
		// The library does not panic on input; if a bug makes it, the run
		// goes on and the document gets an error record.
		if r := recover(); r != nil {
			b.fail(&res, "internal", fmt.Sprintf("internal error: %v", r))
		}
	}()
	if in.errCode != "" {
		b.fail(&res, in.errCode, in.errMessage)
		return res
	}
	text := in.text
	var meta map[string]json.RawMessage
	if in.json {
		d, err := jsonl.Parse(in.raw)
		if d.HasID {
			res.id = d.ID
		}
		if err != nil {
			b.fail(&res, jsonl.Code(err), err.Error())
			return res
		}
		if d.Repaired {
			res.warnings = append(res.warnings, "invalid UTF-8 replaced by U+FFFD")
		}
		text, meta = d.Text, d.Meta
	}
	// The record is encoded at once, so its memory serves the next one.
	var rec []byte
	encoded := false
	err := b.an.AnalyzeFunc(res.id, text, func(doc *parley.Document) error {
		doc.Meta = meta
		res.warnings = append(res.warnings, doc.Warnings...)
		var err error
		rec, err = recenc.AppendDocument(res.buffer(), doc)
		encoded = true
		return err
	})
	switch {
	case !encoded:
		b.fail(&res, parley.ErrorCode(err), err.Error())
		return res
	case err == nil:
		err = b.finish(&res, rec)
	}
	if err != nil {
		b.fail(&res, "internal", err.Error())
	}
	return res
}

// fail turns res into an error record.
func (b *batch) fail(res *result, code, message string) {
	res.code, res.message = code, message
	rec := recenc.AppendErrorRecord(res.buffer(), &parley.ErrorRecord{Schema: parley.Schema,
		ID: res.id, Line: res.in.line, Error: parley.RecordError{Code: code, Message: message}})
	if err := b.finish(res, rec); err != nil {
		// An ErrorRecord holds only strings and an int: it is always valid JSON.
		panic(err)
	}
}

// recordBufs recycles record buffers: work takes one (result.buffer), emit
// gives it back once the record is written. Buffers larger than
// maxPooledRecord are left to the garbage collector, so that one huge
// document does not pin its memory for the rest of the run.
var recordBufs = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledRecord = 1 << 20

// buffer returns res's record buffer, emptied, taking one from recordBufs
// the first time.
func (res *result) buffer() []byte {
	if res.buf == nil {
		res.buf = recordBufs.Get().(*[]byte)
	}
	return (*res.buf)[:0]
}

// finish makes rec, the JSON encoding of res's record (exactly
// json.Marshal's bytes, see internal/recenc), its output line: rec and
// "\n", or indented JSON under --pretty (exactly json.MarshalIndent's
// bytes, which are json.Marshal's indented).
func (b *batch) finish(res *result, rec []byte) error {
	if b.flags.pretty {
		var ind bytes.Buffer
		if err := json.Indent(&ind, rec, "", "  "); err != nil {
			return err
		}
		rec = append(rec[:0], ind.Bytes()...)
	}
	rec = append(rec, '\n')
	*res.buf = rec
	res.record = rec
	return nil
}

// emit writes one result, in input order, and reports on standard error.
func (b *batch) emit(res result) error {
	b.docs++
	b.bytes += res.in.size
	b.checkDuplicate(res)
	for _, w := range res.warnings {
		b.warnings++
		fmt.Fprintf(b.stderr, "parley analyze: warning: %s: %s\n", res.in.where(res.id), w)
	}
	if res.code != "" {
		b.failed++
		fmt.Fprintf(b.stderr, "parley analyze: %s: %s: %s\n", res.in.where(res.id), res.code, res.message)
		if b.flags.onError == "fail" {
			return errDocFailed
		}
	}
	_, err := b.out.Write(res.record)
	if res.buf != nil && cap(res.record) <= maxPooledRecord {
		recordBufs.Put(res.buf)
	}
	return err
}

// checkDuplicate warns when res's id was seen before.
func (b *batch) checkDuplicate(res result) {
	if len(b.files) == 0 || b.files[len(b.files)-1] != res.in.file {
		b.files = append(b.files, res.in.file)
	}
	h := maphash.String(b.seed, res.id)
	place := docPlace{file: uint32(len(b.files) - 1), line: uint32(res.in.line)}
	first, dup := b.seen[h]
	if !dup {
		b.seen[h] = place
		return
	}
	b.warnings++
	at := b.files[first.file]
	if res.in.json {
		at += ":" + strconv.Itoa(int(first.line))
	}
	fmt.Fprintf(b.stderr, "parley analyze: warning: %s: duplicate id (first at %s)\n", res.in.where(res.id), at)
}

// summary writes the run's one-line summary.
func (b *batch) summary(w io.Writer, elapsed time.Duration) {
	secs := elapsed.Seconds()
	fmt.Fprintf(w, "parley analyze: %d documents, %d errors, %d warnings, %.2f s, %.2f MB/s\n",
		b.docs, b.failed, b.warnings, secs, float64(b.bytes)/1e6/max(secs, 1e-9))
}
