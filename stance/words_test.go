package stance

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/parleylab/parley/segment"
)

func TestIsBoundary(t *testing.T) {
	for _, w := range boundaryWords {
		assert.True(t, isBoundary(&segment.Token{Norm: w, Kind: segment.Word}), w)
		assert.False(t, isBoundary(&segment.Token{Norm: w, Kind: segment.Punct}), w)
	}
	for _, w := range boundaryPuncts {
		assert.True(t, isBoundary(&segment.Token{Norm: w, Kind: segment.Punct}), w)
		assert.False(t, isBoundary(&segment.Token{Norm: w, Kind: segment.Word}), w)
	}
	for _, tc := range []struct {
		norm string
		kind segment.Kind
		want bool
	}{
		{",", segment.Punct, true},
		{"—", segment.Punct, true},
		{".", segment.Punct, false},
		{"that", segment.Punct, false},
		{",", segment.Word, false},
		{"", segment.Word, false},
		{"the", segment.Word, false},
		{"what", segment.Word, false},
		{"thatt", segment.Word, false},
		{"tht", segment.Word, false},
		{"whereas", segment.Word, true},
		{"said", segment.Word, false},
	} {
		assert.Equal(t, tc.want, isBoundary(&segment.Token{Norm: tc.norm, Kind: tc.kind}), tc.norm)
	}
}
