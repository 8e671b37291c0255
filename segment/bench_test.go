package segment

import (
	"os"
	"strings"
	"testing"
)

func seedArticle(b *testing.B) string {
	b.Helper()
	data, err := os.ReadFile("testdata/xi-putin-call.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// largeText repeats the seed article to about 1 MiB.
func largeText(b *testing.B) string {
	a := seedArticle(b)
	return strings.Repeat(a+"\n\n", (1<<20)/len(a)+1)
}

func benchTokenize(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text)
	}
}

func benchParse(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(text)
	}
}

func BenchmarkTokenize(b *testing.B) {
	b.Run("seed", func(b *testing.B) { benchTokenize(b, seedArticle(b)) })
	b.Run("1MiB", func(b *testing.B) { benchTokenize(b, largeText(b)) })
}

func BenchmarkParse(b *testing.B) {
	b.Run("seed", func(b *testing.B) { benchParse(b, seedArticle(b)) })
	b.Run("1MiB", func(b *testing.B) { benchParse(b, largeText(b)) })
}
