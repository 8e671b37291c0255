package pooled

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReuse(t *testing.T) {
	buf := make([]int, 3, 8)
	for _, c := range []struct {
		name string
		s    []int
		n    int
		same bool // the result is over s's array
		cap  int
	}{
		{"room", buf, 8, true, 8},
		{"less needed", buf, 2, true, 8},
		{"too small", buf, 9, false, 9},
		{"nil", nil, 4, false, 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Reuse(c.s, c.n)
			assert.Empty(t, got)
			assert.Equal(t, c.cap, cap(got))
			assert.Equal(t, c.same, cap(c.s) > 0 && &got[:1][0] == &c.s[:1][0])
		})
	}
}
