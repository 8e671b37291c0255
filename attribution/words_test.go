package attribution

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClassesOf(t *testing.T) {
	for w, c := range tokenClasses {
		assert.Equal(t, c, classesOf(w), w)
	}
	for _, w := range []string{"", "putin", "said", "Moscow", ",", "’"} {
		assert.Equal(t, tokenClasses[w], classesOf(w), w)
	}
	assert.Equal(t, cDeterminers|cSentenceFunction, classesOf("the")&(cDeterminers|cSentenceFunction))
}

func TestClassesOfLongNorm(t *testing.T) {
	// Norms of NUL bytes, whose keys are 0 like those of empty slots.
	assert.Equal(t, wordClass(0), classesOf(string(make([]byte, 3))))
	assert.Equal(t, wordClass(0), classesOf(string(make([]byte, 256))))
	assert.Equal(t, wordClass(0), classesOf(string(make([]byte, 512))))
}
