package lexicon

import (
	"strconv"
	"testing/fstest"
)

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func mapFS(name, data string) fstest.MapFS {
	return fstest.MapFS{name: {Data: []byte(data)}}
}
