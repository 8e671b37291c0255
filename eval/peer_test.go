package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parleylab/parley"
)

func TestReadPeerCases(t *testing.T) {
	p := write(t, "peer.jsonl", `{"source_repo":"r","kind":"unit_test","lang":"en","test":"t1","text":"Burton said, \"I love cats!\"","expected":{"quotes":[{"speaker_tokens":["Burton"],"cue_tokens":["said"],"content":"\"I love cats!\""}]}}
{"source_repo":"r","kind":"unit_test","lang":"es","test":"t2","text":"Burtón dijo","expected":{"quotes":[]}}
{"source_repo":"r","kind":"issue_report","lang":"en","test":"t3","text":"x","expected":{"speaker":"X"}}
{"source_repo":"r","kind":"unit_test","lang":"en","test":"t4","text":"Burton thinks that cats are \"cuties\".","expected":{"quotes":[]}}
{"source_repo":"r","kind":"unit_test","lang":"en","test":"t5","text":"He said \"pizza.\"","expected":{"n_quotes":1,"speaker":"He","canonical_speaker":"Joe Smith"}}
{"source_repo":"r","kind":"unit_test","lang":"en","test":"t6","text":"\"Hello,\" he said","expected":{"quotes":["\"Hello,\""]}}
{"source_repo":"r","kind":"unit_test","lang":"en","test":"t7","text":"Paul Martin said so. Paul Martin said more.","expected":{"speaker_tokens_flat":["Paul","Martin","Paul","Martin"]}}
`)
	cases, skipped, err := ReadPeerCases(p)
	require.NoError(t, err)
	assert.Equal(t, 1, skipped, "t6 names no speaker")
	require.Len(t, cases, 4)
	assert.Equal(t, [][]string{{"Burton"}}, cases[0].Speakers)
	assert.True(t, cases[1].NoQuote)
	assert.Equal(t, [][]string{{"He", "Joe Smith"}}, cases[2].Speakers)
	assert.Equal(t, [][]string{{"Paul Martin"}}, cases[3].Speakers)
	assert.Equal(t, 7, cases[3].Line)
}

func TestCheckPeerCase(t *testing.T) {
	src := func(text, resolved string) *parley.Source {
		return &parley.Source{Span: parley.Span{Text: text}, Resolved: resolved}
	}
	doc := func(atts ...parley.Attribution) *parley.Document { return &parley.Document{Attributions: atts} }
	speaker := PeerCase{ID: "s", Speakers: [][]string{{"He", "Joe Smith"}}}
	cases := []struct {
		name   string
		c      PeerCase
		doc    *parley.Document
		pass   bool
		reason string
	}{
		{"pronoun matches case-insensitively", speaker, doc(parley.Attribution{Type: "direct", Source: src("he", "")}), true, ""},
		{"canonical name via resolved", speaker, doc(parley.Attribution{Type: "direct", Source: src("the man", "Joe Smith")}), true, ""},
		{"wrong speaker", speaker, doc(parley.Attribution{Type: "direct", Source: src("Jacob", "")}), false, "no predicted source overlaps"},
		{"nothing found", speaker, doc(), false, "no attribution found"},
		{"no quote expected, indirect found", PeerCase{NoQuote: true}, doc(parley.Attribution{Type: "indirect", Source: src("Burton", "")}), true, ""},
		{"no quote expected, direct found", PeerCase{NoQuote: true}, doc(parley.Attribution{Type: "direct"}), false, "expected no direct quotation"},
	}
	for _, tc := range cases {
		o := CheckPeerCase(tc.c, tc.doc)
		assert.Equal(t, tc.pass, o.Pass, tc.name)
		if tc.reason != "" {
			assert.Contains(t, o.Reason, tc.reason, tc.name)
		}
	}
}
