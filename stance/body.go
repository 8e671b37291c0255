package stance

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/optimize"

	"github.com/parleylab/parley/lexicon"
	"github.com/parleylab/parley/segment"
)

// BodyWeights decide whether a long text (an article body, longer than
// its lede) is about a claim, and give the document frequencies the
// decision weighs the claim's words with.
//
// With C the content stems of the claim, B those of the whole body and
// idf(s) = 1 + log((Docs+1)/(DF[s]+1)) (a stem absent from DF has DF 0),
//
//	related = sum_{s in C∩B} idf(s) / sum_{s in C} idf(s)
//	P(related) = 1 / (1 + exp(-(Bias + Slope*related)))
type BodyWeights struct {
	Docs  int            `json:"docs"`  // texts the document frequencies were counted on
	DF    map[string]int `json:"df"`    // stem -> number of those texts holding it
	Bias  float64        `json:"bias"`  // intercept of P(related)
	Slope float64        `json:"slope"` // weight of the IDF-weighted coverage
}

// idf returns the inverse document frequency of stem s.
func (b *BodyWeights) idf(s string) float64 {
	return 1 + math.Log(float64(b.Docs+1)/float64(b.DF[s]+1))
}

// related returns the IDF-weighted share of the claim stems cs found in
// the body stems bs.
func (b *BodyWeights) related(cs, bs map[string]bool) float64 {
	in, all := 0.0, 0.0
	for s := range cs {
		w := b.idf(s)
		all += w
		if bs[s] {
			in += w
		}
	}
	if all == 0 {
		return 0
	}
	return in / all
}

// pRelated returns P(related) for the coverage r.
func (b *BodyWeights) pRelated(r float64) float64 {
	return 1 / (1 + math.Exp(-(b.Bias + b.Slope*r)))
}

// Pseudo-body construction for fitting BodyWeights: the headlines of one
// claim group mixed with those of bodyNoise other groups.
const bodyNoise = 3

// fitBody counts document frequencies on the claims and texts of items
// and fits P(related) by logistic regression on synthetic long pairs: for
// each claim group, a pseudo-body made of its texts and those of
// bodyNoise other random groups in random order (about the length of a
// news article, a quarter of it on topic), paired once with its own claim
// (related) and once with the claim of a group it does not hold
// (unrelated). With fewer than bodyNoise+2 groups it returns nil (no
// gate).
func fitBody(lex *lexicon.Lexicon, items []Example, seed uint64) (*BodyWeights, error) {
	b := &BodyWeights{DF: map[string]int{}}
	seen := map[string]bool{}
	texts := map[string][]string{}
	claims := map[string]string{}
	for _, it := range items {
		for _, s := range []string{it.Claim, it.Text} {
			if seen[s] {
				continue
			}
			seen[s] = true
			b.Docs++
			for st := range contentStems(lex, segment.Parse(s).Tokens) {
				b.DF[st]++
			}
		}
		texts[it.Group] = append(texts[it.Group], it.Text)
		claims[it.Group] = it.Claim
	}
	groups := slices.Sorted(maps.Keys(claims))
	if len(groups) < bodyNoise+2 {
		return nil, nil
	}
	rng := rand.New(rand.NewPCG(seed, 0xb0d1))
	var xs, ys []float64
	for _, g := range groups {
		in := map[string]bool{g: true}
		parts := slices.Clone(texts[g])
		for len(in) < bodyNoise+1 {
			o := groups[rng.IntN(len(groups))]
			if !in[o] {
				in[o] = true
				parts = append(parts, texts[o]...)
			}
		}
		rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		bs := contentStems(lex, segment.Parse(strings.Join(parts, ".\n")).Tokens)
		other := groups[rng.IntN(len(groups))]
		for in[other] {
			other = groups[rng.IntN(len(groups))]
		}
		for _, c := range []struct {
			g string
			y float64
		}{{g, 1}, {other, 0}} {
			xs = append(xs, b.related(contentStems(lex, segment.Parse(claims[c.g]).Tokens), bs))
			ys = append(ys, c.y)
		}
	}
	// Mean negative log-likelihood of the two-parameter logistic
	// regression; a tiny penalty on the slope keeps it finite when the
	// pairs are separable.
	n := float64(len(xs))
	obj := func(grad, w []float64) float64 {
		loss := 0.0
		if grad != nil {
			grad[0], grad[1] = 0, 0
		}
		for i, x := range xs {
			z := w[0] + w[1]*x
			p := 1 / (1 + math.Exp(-z))
			// log(1+exp(z)) - y*z, computed stably.
			loss += math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - ys[i]*z
			if grad != nil {
				grad[0] += (p - ys[i]) / n
				grad[1] += (p - ys[i]) * x / n
			}
		}
		const lambda = 1e-3
		if grad != nil {
			grad[1] += lambda * w[1]
		}
		return loss/n + lambda/2*w[1]*w[1]
	}
	res, err := optimize.Minimize(optimize.Problem{
		Func: func(w []float64) float64 { return obj(nil, w) },
		Grad: func(grad, w []float64) { obj(grad, w) },
	}, []float64{0, 0}, &optimize.Settings{GradientThreshold: 1e-8}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return nil, fmt.Errorf("stance: fitting the body gate: %w", err)
	}
	b.Bias, b.Slope = res.X[0], res.X[1]
	return b, nil
}

// ledeLen returns how many tokens of doc form its lede: whole sentences
// from the start, up to about ledeTokens tokens (at least one sentence).
func ledeLen(doc *segment.Doc) int {
	for i, st := range doc.Sentences {
		if i > 0 && st.Last > ledeTokens {
			return doc.Sentences[i-1].Last
		}
	}
	return len(doc.Tokens)
}

// classifyBody classifies a text longer than its lede: the body gate
// gives P(related); the stance among for, against and observing is the
// mean of the model's distributions over the sentences that mention the
// claim (see mentions), each classified like a headline, renormalised
// over those three labels. When no sentence mentions the claim the lede
// stands in for them.
func (m *ClaimModel) classifyBody(claim, text string, tdoc *segment.Doc) ClaimResult {
	b := m.w.Body
	cs := contentStems(m.lex, segment.Parse(claim).Tokens)
	pr := b.pRelated(b.related(cs, contentStems(m.lex, tdoc.Tokens)))
	var units []segment.Span
	for _, st := range tdoc.Sentences {
		if mentions(cs, contentStems(m.lex, tdoc.Tokens[st.First:st.Last])) {
			units = append(units, st.Span)
		}
	}
	if len(units) == 0 {
		nl := ledeLen(tdoc)
		units = append(units, segment.Span{Start: tdoc.Tokens[0].Start, End: tdoc.Tokens[nl-1].End})
	}
	var mean [3]float64
	var res ClaimResult
	for _, u := range units {
		r := m.classifyShort(claim, text[u.Start:u.End])
		sum := r.Scores[For] + r.Scores[Against] + r.Scores[Observing]
		for k := range mean {
			mean[k] += r.Scores[k] / sum / float64(len(units))
		}
		for _, e := range r.Evidence {
			e.Start += u.Start
			e.End += u.Start
			res.Evidence = append(res.Evidence, e)
		}
	}
	for k := range mean {
		res.Scores[k] = pr * mean[k]
		if mean[k] > mean[res.Label] {
			res.Label = ClaimLabel(k)
		}
	}
	res.Scores[Unrelated] = 1 - pr
	if pr < 0.5 {
		res.Label = Unrelated
	}
	res.Score = res.Scores[res.Label]
	return res
}

// mentions tells whether a sentence with content stems ss mentions the
// claim with content stems cs: it holds two of them, or the only one.
func mentions(cs, ss map[string]bool) bool {
	n := 0
	for s := range cs {
		if ss[s] {
			n++
		}
	}
	return n >= min(2, len(cs)) && n > 0
}
