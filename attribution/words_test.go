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
