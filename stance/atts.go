package stance

import (
	"slices"
	"sort"

	"github.com/parleylab/parley/attribution"
	"github.com/parleylab/parley/lexicon"
)

// maxOwnerScan bounds how many earlier attributions of one sentence
// ownerPairs looks at, so that a sentence with thousands of attributions
// costs linear time.
const maxOwnerScan = 32

// attIndex answers the questions the relation rules ask about the other
// attributions of a document (is there one inside this content? which one
// made the claim this denial disputes?) in logarithmic time.
type attIndex struct {
	atts []attribution.Attribution
	// parents holds the IDs that are the Parent of another attribution;
	// most attributions have none, Parent "", which is noted in
	// emptyParent instead, so that the map is small or nil.
	parents     map[string]bool
	emptyParent bool
	// cues lists the attributions with a non-empty cue, sorted by cue
	// start; min1 and min2 hold, for each suffix cues[k:], the attribution
	// whose cue ends first and the one that ends first among those with
	// another ID (-1: none).
	cues       []int32
	min1, min2 []int32
	// owners lists the attributions that can own a disputed claim (a
	// source with parties, an accusing, asserting, reporting, criticising
	// or believing cue), sorted by sentence, cue start, then descending
	// position in atts.
	owners []int32
}

func newAttIndex(atts []attribution.Attribution) *attIndex {
	// One allocation for the index lists: cues and owners hold at most
	// len(atts) entries, min1 and min2 one more.
	n := len(atts)
	buf := make([]int32, 4*n+2)
	ix := &attIndex{atts: atts, cues: buf[:0:n], owners: buf[n : n : 2*n]}
	for i := range atts {
		b := &atts[i]
		switch {
		case b.Parent == b.ID:
		case b.Parent == "":
			ix.emptyParent = true
		default:
			if ix.parents == nil {
				ix.parents = make(map[string]bool)
			}
			ix.parents[b.Parent] = true
		}
		if b.Cue.Span.Len() > 0 {
			ix.cues = append(ix.cues, int32(i))
		}
		if b.Source != nil && len(b.Source.Parties) > 0 {
			switch b.Cue.Class {
			case lexicon.Accuse, lexicon.Assert, lexicon.Report, lexicon.Criticize, lexicon.Belief:
				ix.owners = append(ix.owners, int32(i))
			}
		}
	}
	slices.SortStableFunc(ix.cues, func(i, j int32) int { return atts[i].Cue.Start - atts[j].Cue.Start })
	ix.min1 = buf[2*n : 2*n+len(ix.cues)+1]
	ix.min2 = buf[3*n+1 : 3*n+1+len(ix.cues)+1]
	m1, m2 := int32(-1), int32(-1)
	ix.min1[len(ix.cues)], ix.min2[len(ix.cues)] = -1, -1
	for k := len(ix.cues) - 1; k >= 0; k-- {
		e := ix.cues[k]
		switch {
		case m1 < 0 || atts[e].Cue.End < atts[m1].Cue.End:
			if m1 >= 0 && atts[m1].ID != atts[e].ID {
				m2 = m1
			}
			m1 = e
		case atts[e].ID != atts[m1].ID && (m2 < 0 || atts[e].Cue.End < atts[m2].Cue.End):
			m2 = e
		}
		ix.min1[k], ix.min2[k] = m1, m2
	}
	slices.SortFunc(ix.owners, func(i, j int32) int {
		a, b := &atts[i], &atts[j]
		if a.Sentence != b.Sentence {
			return a.Sentence - b.Sentence
		}
		if a.Cue.Start != b.Cue.Start {
			return a.Cue.Start - b.Cue.Start
		}
		return int(j - i)
	})
	return ix
}

// nested reports whether another attribution sits inside a's content
// ("state media reported that Xi said ..."): the inner speaker's stance is
// the one stated, so the outer report yields none of its own.
func (ix *attIndex) nested(a *attribution.Attribution) bool {
	if a.Cue.Class != lexicon.Report && a.Cue.Class != lexicon.Assert && a.Cue.Class != lexicon.Belief {
		return false
	}
	if a.ID == "" && ix.emptyParent || ix.parents[a.ID] {
		return true
	}
	// The cue inside the content that ends first, among those of other
	// attributions that start in it.
	k := sort.Search(len(ix.cues), func(k int) bool { return ix.atts[ix.cues[k]].Cue.Start >= a.Content.Start })
	b := ix.min1[k]
	if b >= 0 && ix.atts[b].ID == a.ID {
		b = ix.min2[k]
	}
	return b >= 0 && ix.atts[b].Cue.End <= a.Content.End
}

// ownerPairs finds the owner of the claim a denial disputes: the source of
// the closest earlier accusation or assertion in the same or the previous
// sentence whose parties are not the denier's ("Ukraine and the EU have
// accused Beijing ..., allegations China denies"). Ties go to the
// attribution listed first. At most maxOwnerScan attributions of each
// sentence are looked at.
func (ix *attIndex) ownerPairs(a *attribution.Attribution) [][2]string {
	best := int32(-1)
	for _, s := range [2]int{a.Sentence, a.Sentence - 1} {
		// The owners of sentence s with an earlier cue, walked from the
		// closest back.
		k := sort.Search(len(ix.owners), func(k int) bool {
			b := &ix.atts[ix.owners[k]]
			return b.Sentence > s || (b.Sentence == s && b.Cue.Start >= a.Cue.Start)
		})
		for n := 0; k > 0 && n < maxOwnerScan; n++ {
			k--
			i := ix.owners[k]
			b := &ix.atts[i]
			if b.Sentence != s {
				break
			}
			if b.ID == a.ID || !disjoint(b.Source.Parties, a.Source.Parties) {
				continue
			}
			if best < 0 || b.Cue.Start > ix.atts[best].Cue.Start || (b.Cue.Start == ix.atts[best].Cue.Start && i < best) {
				best = i
			}
			break
		}
	}
	if best < 0 {
		return nil
	}
	var out [][2]string
	for _, s := range a.Source.Parties {
		for _, t := range ix.atts[best].Source.Parties {
			out = append(out, [2]string{s, t})
		}
	}
	return out
}

func disjoint(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return false
		}
	}
	return true
}
