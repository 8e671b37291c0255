// Command mkcorpus writes a large JSON Lines corpus for throughput
// measurements by repeating the PolNeAR article texts in a fixed order,
// so that every run builds the same bytes.
//
// # Usage
//
//	go run ./scripts/mkcorpus -src ../shared/data/polnear -mb 200 -o /tmp/corpus.jsonl
//
// Each line is {"id":"<split>/<article>#<round>","text":"..."}; the output
// stops after the line that reaches the requested size. The corpus holds
// third-party text: write it outside the repository.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	src := flag.String("src", filepath.Join("..", "shared", "data", "polnear"), "PolNeAR directory (with <split>/text/*.txt)")
	mb := flag.Int64("mb", 200, "size of the corpus in MB (10^6 bytes)")
	out := flag.String("o", "", "output file (default: standard output)")
	flag.Parse()
	if err := run(*src, *mb*1_000_000, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkcorpus:", err)
		os.Exit(1)
	}
}

func run(src string, size int64, out string) (err error) {
	paths, err := filepath.Glob(filepath.Join(src, "*", "text", "*.txt"))
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("no %s/*/text/*.txt files", src)
	}
	sort.Strings(paths)
	type doc struct{ id, text string }
	docs := make([]doc, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		id := strings.TrimSuffix(strings.Replace(filepath.ToSlash(rel), "/text/", "/", 1), ".txt")
		docs[i] = doc{id: id, text: string(b)}
	}
	var w io.Writer = os.Stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, f.Close()) }()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var written int64
	for round := 0; written < size; round++ {
		for _, d := range docs {
			line := struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}{fmt.Sprintf("%s#%d", d.id, round), d.text}
			b, err := json.Marshal(line)
			if err != nil {
				return err
			}
			if _, err := bw.Write(append(b, '\n')); err != nil {
				return err
			}
			if written += int64(len(b)) + 1; written >= size {
				break
			}
		}
	}
	return bw.Flush()
}
