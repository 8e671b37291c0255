package stance

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// Aggregate returns one Pair per (source, target) over the non-negated
// relations, sorted by source, then target. A pair's score is the mean of
// its relations' scores (stat.Mean, unweighted).
func Aggregate(rels []Relation) []Pair {
	type key struct{ s, t string }
	scores := map[key][]float64{}
	for _, r := range rels {
		if r.Negated {
			continue
		}
		k := key{r.Source, r.Target}
		scores[k] = append(scores[k], r.Score)
	}
	out := make([]Pair, 0, len(scores))
	for k, xs := range scores {
		p := Pair{Source: k.s, Target: k.t, Score: stat.Mean(xs, nil), N: len(xs)}
		for _, v := range xs {
			switch {
			case v > 0:
				p.Positive++
			case v < 0:
				p.Negative++
			}
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Pair) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return out
}

// Matrix is a party-by-party aggregate over many documents. Cell (i, j)
// of Sum holds the summed scores, of Count the number of relations, and of
// Positive and Negative the counts by polarity, from the party of row i to
// the party of column j, both indexed by Parties (sorted).
type Matrix struct {
	Parties                        []string
	Sum, Count, Positive, Negative *mat.Dense
	index                          map[string]int
}

// NewMatrix returns an all-zero matrix over the given parties (sorted and
// deduplicated; the argument is not modified). With no parties, the
// matrices are nil and Add fails for every pair.
func NewMatrix(parties []string) *Matrix {
	ps := slices.Clone(parties)
	slices.Sort(ps)
	ps = slices.Compact(ps)
	m := &Matrix{Parties: ps, index: make(map[string]int, len(ps))}
	for i, p := range ps {
		m.index[p] = i
	}
	if n := len(ps); n > 0 {
		m.Sum = mat.NewDense(n, n, nil)
		m.Count = mat.NewDense(n, n, nil)
		m.Positive = mat.NewDense(n, n, nil)
		m.Negative = mat.NewDense(n, n, nil)
	}
	return m
}

// ErrUnknownParty is returned by Add for a party not in the matrix.
var ErrUnknownParty = errors.New("stance: party not in the matrix")

// Add adds a document's pair: its mean score times its count to Sum, and
// its counts.
func (m *Matrix) Add(p Pair) error {
	i, ok := m.index[p.Source]
	j, ok2 := m.index[p.Target]
	if !ok || !ok2 {
		return fmt.Errorf("%w: %s -> %s", ErrUnknownParty, p.Source, p.Target)
	}
	inc := func(d *mat.Dense, v float64) { d.Set(i, j, d.At(i, j)+v) }
	inc(m.Sum, p.Score*float64(p.N))
	inc(m.Count, float64(p.N))
	inc(m.Positive, float64(p.Positive))
	inc(m.Negative, float64(p.Negative))
	return nil
}

// AddRelation adds one relation; a negated relation is left out, as in
// Aggregate.
func (m *Matrix) AddRelation(r Relation) error {
	if r.Negated {
		return nil
	}
	return m.Add(Aggregate([]Relation{r})[0])
}

// Mean returns the mean score from the party of row i to the party of
// column j, and false when no relation was added there.
func (m *Matrix) Mean(i, j int) (float64, bool) {
	n := m.Count.At(i, j)
	if n == 0 {
		return 0, false
	}
	return m.Sum.At(i, j) / n, true
}

// Index returns the row and column index of party p, or -1.
func (m *Matrix) Index(p string) int {
	i, ok := m.index[p]
	if !ok {
		return -1
	}
	return i
}
