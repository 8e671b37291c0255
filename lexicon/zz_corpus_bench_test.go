package lexicon

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/parleylab/parley/segment"
)

func loadCorpusDocs(b *testing.B) ([]*segment.Doc, int) {
	f, err := os.Open("/tmp/p5/c2.jsonl")
	if err != nil {
		b.Skip()
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	var docs []*segment.Doc
	n := 0
	for sc.Scan() {
		var d struct {
			Text string `json:"text"`
		}
		json.Unmarshal(sc.Bytes(), &d)
		docs = append(docs, segment.Parse(d.Text))
		n += len(d.Text)
	}
	return docs, n
}

func BenchmarkCorpusAnnotate(b *testing.B) {
	l, _ := Default()
	docs, n := loadCorpusDocs(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			l.AnnotateSentences(d.Tokens, d.Sentences)
		}
	}
}
