package parleybeam

import (
	"bufio"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/parleylab/parley"
)

// writeRecordsFn writes all records, sorted by input position, to one file.
type writeRecordsFn struct {
	Path string `json:"path"`
}

// ProcessElement runs once (on the impulse) with every record as a side input.
func (fn *writeRecordsFn) ProcessElement(ctx context.Context, _ []byte, records func(*Record) bool) error {
	var all []Record
	var r Record
	for records(&r) {
		all = append(all, r)
	}
	sortRecords(all)
	return writeFile(ctx, fn.Path, func(w io.Writer) error { return writeRecords(w, all) })
}

// sortRecords sorts records by input position: path (byte order), then line.
func sortRecords(rs []Record) {
	slices.SortStableFunc(rs, func(a, b Record) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
}

// writeRecords writes each record's JSON followed by "\n".
func writeRecords(w io.Writer, rs []Record) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	for _, r := range rs {
		if _, err := bw.WriteString(r.JSON); err != nil {
			return err
		}
		if err := bw.WriteByte('\n'); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// writePairsFn writes the combined pairs, sorted by source and target.
type writePairsFn struct {
	Path   string `json:"path"`
	Format string `json:"format"`
}

// ProcessElement runs once (on the impulse) with every combined pair as a
// side input.
func (fn *writePairsFn) ProcessElement(ctx context.Context, _ []byte, sums func(*string, *PairSum) bool) error {
	var pairs []parley.Pair
	var key string
	var sum PairSum
	for sums(&key, &sum) {
		src, tgt := SplitPairKey(key)
		pairs = append(pairs, sum.Pair(src, tgt))
	}
	sortPairs(pairs)
	return writeFile(ctx, fn.Path, func(w io.Writer) error { return writePairs(w, pairs, fn.Format) })
}

// sortPairs sorts pairs by source, then target.
func sortPairs(ps []parley.Pair) {
	slices.SortFunc(ps, func(a, b parley.Pair) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
}

// writePairs writes pairs as JSON Lines (PairsJSONL: json.Marshal of each
// parley.Pair, full precision) or CSV (PairsCSV: the bytes of
// `parley pairs --format csv`, a header line then
// source,target,n,positive,negative,mean with the mean to 4 decimals).
// Pairs with n = 0 are left out.
func writePairs(w io.Writer, ps []parley.Pair, format string) error {
	switch format {
	case PairsJSONL:
		bw := bufio.NewWriter(w)
		for _, p := range ps {
			if p.N == 0 {
				continue
			}
			b, err := json.Marshal(p)
			if err != nil {
				return err
			}
			if _, err := bw.Write(append(b, '\n')); err != nil {
				return err
			}
		}
		return bw.Flush()
	case PairsCSV:
		cw := csv.NewWriter(w)
		if err := cw.Write([]string{"source", "target", "n", "positive", "negative", "mean"}); err != nil {
			return err
		}
		for _, p := range ps {
			if p.N == 0 {
				continue
			}
			row := []string{p.Source, p.Target, strconv.Itoa(p.N), strconv.Itoa(p.Positive),
				strconv.Itoa(p.Negative), strconv.FormatFloat(p.Score, 'f', 4, 64)}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	return fmt.Errorf("%w: pairs format %q", ErrOptions, format)
}

// writeFile writes a file through Beam's filesystems. Where the filesystem
// can rename (local files), it writes a temporary file beside p and renames
// it, so that a failed run leaves no half-written output.
func writeFile(ctx context.Context, p string, write func(io.Writer) error) (err error) {
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return fmt.Errorf("parleybeam: %s: %w", p, err)
	}
	defer func() {
		if cerr := fs.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("parleybeam: %s: %w", p, cerr)
		}
	}()
	renamer, canRename := fs.(filesystem.Renamer)
	target := p
	if canRename {
		target = p + ".tmp-parleybeam"
	}
	wc, err := fs.OpenWrite(ctx, target)
	if err != nil {
		return fmt.Errorf("parleybeam: %s: %w", p, err)
	}
	werr := write(wc)
	cerr := wc.Close()
	if werr == nil {
		werr = cerr
	}
	if werr != nil {
		if rm, ok := fs.(filesystem.Remover); ok && canRename {
			werr = errors.Join(werr, rm.Remove(ctx, target))
		}
		return fmt.Errorf("parleybeam: write %s: %w", p, werr)
	}
	if canRename {
		if err := renamer.Rename(ctx, target, p); err != nil {
			return fmt.Errorf("parleybeam: rename %s: %w", target, err)
		}
	}
	return nil
}
