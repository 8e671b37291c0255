package parley_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleylab/parley"
	"github.com/parleylab/parley/internal/recenc"
)

// benchArticle returns the seed article and an analyzer for it.
func benchArticle(b *testing.B) (string, *parley.Analyzer) {
	b.Helper()
	text, err := os.ReadFile(filepath.Join("testdata", "seed", "xi-putin-call.txt"))
	if err != nil {
		b.Fatal(err)
	}
	a, err := parley.New(parley.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	return string(text), a
}

// BenchmarkAnalyze measures the whole per-document path of 'parley
// analyze': all passes and the JSON encoding of the record into a reused
// buffer, as the CLI does.
func BenchmarkAnalyze(b *testing.B) {
	text, a := benchArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []byte
	for b.Loop() {
		doc, err := a.Analyze("xi-putin-call", text)
		if err != nil {
			b.Fatal(err)
		}
		if buf, err = recenc.AppendDocument(buf[:0], doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzeParallel is BenchmarkAnalyze on all GOMAXPROCS cores
// sharing one Analyzer, as the CLI's workers do.
func BenchmarkAnalyzeParallel(b *testing.B) {
	text, a := benchArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var buf []byte
		for pb.Next() {
			doc, err := a.Analyze("xi-putin-call", text)
			if err != nil {
				b.Error(err)
				return
			}
			if buf, err = recenc.AppendDocument(buf[:0], doc); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkMarshalRecord measures the JSON encoding of the article's record
// alone, by json.Marshal and by internal/recenc (the CLI's encoder, same
// bytes) into a reused buffer; bytes are those of the encoded record.
func BenchmarkMarshalRecord(b *testing.B) {
	text, a := benchArticle(b)
	doc, err := a.Analyze("xi-putin-call", text)
	if err != nil {
		b.Fatal(err)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json", func(b *testing.B) {
		b.SetBytes(int64(len(out)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("recenc", func(b *testing.B) {
		b.SetBytes(int64(len(out)))
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			if buf, err = recenc.AppendDocument(buf[:0], doc); err != nil {
				b.Fatal(err)
			}
		}
		if string(buf) != string(out) {
			b.Fatal("recenc.AppendDocument differs from json.Marshal")
		}
	})
}

// BenchmarkRecord measures the conversion of the article's analysis to its
// record (code-point offsets, the record's slices and pointers) alone.
func BenchmarkRecord(b *testing.B) {
	text, a := benchArticle(b)
	res, err := a.Run(text)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		res.Record("xi-putin-call", "v")
	}
}
