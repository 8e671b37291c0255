package lexicon

import (
	"io/fs"
	"strconv"
	"testing"
	"testing/fstest"
)

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func mapFS(name, data string) fstest.MapFS {
	return fstest.MapFS{name: {Data: []byte(data)}}
}

func mustSub(tb testing.TB) fs.FS {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		tb.Fatal(err)
	}
	return sub
}
