package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// ClaimScore is one claim item's gold and predicted label.
type ClaimScore struct {
	ID   string
	Gold string
	Pred string
}

// Predictor returns the claim-level label (for, against, observing or
// unrelated) of text towards claim.
type Predictor func(claim, text string) (label string, err error)

// PredictClaims runs pred over the items with a pool of workers (0 or
// less: one per CPU) and returns the scores in item order. The first
// error stops the run; an item on which pred panics (a bug of the
// predictor) is scored with the label PredictionError.
func PredictClaims(items []ClaimItem, pred Predictor, workers int) ([]ClaimScore, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]ClaimScore, len(items))
	errs := make([]error, len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(len(items), 1)) {
		wg.Go(func() {
			for i := range next {
				l, err := predictOne(pred, items[i])
				if err != nil {
					errs[i] = fmt.Errorf("eval: item %s (line %d): %w", items[i].ID, items[i].Line, err)
					continue
				}
				if norm, ok := ClaimLabel(l); ok {
					l = norm
				}
				out[i] = ClaimScore{ID: items[i].ID, Gold: items[i].Label, Pred: l}
			}
		})
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PredictionError is the predicted label of an item on which the
// predictor panicked: it counts as a wrong prediction and shows as its
// own column of the confusion matrix.
const PredictionError = "error"

// predictOne runs pred on one item, turning a panic into PredictionError.
func predictOne(pred Predictor, it ClaimItem) (l string, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = PredictionError, nil
		}
	}()
	return pred(it.Claim, it.Text)
}

// ReadClaimPredictions reads claim-level predictions: JSON Lines of
// parley/v1-claim records ({"id", "label", ...}) or a CSV file with a
// header naming an id column (id, articleId or Body ID) and a label column
// (label, predicted or Stance). It returns the label by id; FNC-1 labels
// are mapped to claim labels.
func ReadClaimPredictions(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	out := map[string]string{}
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 1<<16), maxLine)
		for line := 1; sc.Scan(); line++ {
			b := bytes.TrimSpace(sc.Bytes())
			if len(b) == 0 {
				continue
			}
			var rec struct {
				ID    *string `json:"id"`
				Label string  `json:"label"`
			}
			if err := json.Unmarshal(b, &rec); err != nil {
				return nil, fmt.Errorf("eval: %s:%d: %w: %w", path, line, ErrFormat, err)
			}
			if rec.ID == nil {
				return nil, fmt.Errorf("eval: %s:%d: no id: %w", path, line, ErrFormat)
			}
			l, ok := ClaimLabel(rec.Label)
			if !ok {
				return nil, fmt.Errorf("eval: %s:%d: unknown label %q: %w", path, line, rec.Label, ErrFormat)
			}
			out[*rec.ID] = l
		}
		return out, sc.Err()
	}
	f, err := parseCSV(path, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	idCol := firstColumn(f, "id", "articleId", "Body ID")
	labelCol := firstColumn(f, "label", "predicted", "Stance")
	if idCol == "" || labelCol == "" {
		return nil, fmt.Errorf("eval: %s:1: need an id column (id, articleId) and a label column (label, predicted): %w", path, ErrFormat)
	}
	for i := range f.rows {
		l, ok := ClaimLabel(f.get(i, labelCol))
		if !ok {
			return nil, fmt.Errorf("eval: %s:%d: unknown label %q: %w", path, f.lines[i], f.get(i, labelCol), ErrFormat)
		}
		out[f.get(i, idCol)] = l
	}
	return out, nil
}

func firstColumn(f *csvFile, names ...string) string {
	for _, n := range names {
		if _, ok := f.header[n]; ok {
			return n
		}
	}
	return ""
}

// JoinClaims pairs each gold item with its prediction, looked up by the
// item's ID and then by its Article (Emergent articleId). An item without
// a prediction is an error.
func JoinClaims(items []ClaimItem, preds map[string]string) ([]ClaimScore, error) {
	out := make([]ClaimScore, len(items))
	for i, it := range items {
		l, ok := preds[it.ID]
		if !ok && it.Article != "" {
			l, ok = preds[it.Article]
		}
		if !ok {
			return nil, fmt.Errorf("eval: no prediction for item %s (gold line %d)", it.ID, it.Line)
		}
		out[i] = ClaimScore{ID: it.ID, Gold: it.Label, Pred: l}
	}
	return out, nil
}

// Accuracy returns the share of scores whose prediction equals the gold
// label (NaN for none).
func Accuracy(scores []ClaimScore) float64 {
	n := 0
	for _, s := range scores {
		if s.Gold == s.Pred {
			n++
		}
	}
	return ratio(n, len(scores))
}

// ClassCounts returns the counts of one label taken as the positive class.
func ClassCounts(scores []ClaimScore, label string) Counts {
	var c Counts
	for _, s := range scores {
		if s.Pred == label {
			c.Pred++
		}
		if s.Gold == label {
			c.Gold++
			if s.Pred == label {
				c.TP++
			}
		}
	}
	return c
}

// MacroF1 returns the unweighted mean over labels of each label's F1; a
// label with neither gold nor predicted items counts as F1 0.
func MacroF1(scores []ClaimScore, labels []string) float64 {
	if len(labels) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, l := range labels {
		if f := ClassCounts(scores, l).F1(); !math.IsNaN(f) {
			sum += f
		}
	}
	return sum / float64(len(labels))
}

// FNCScore returns the FNC-1 weighted score and its maximum: per item,
// 0.25 when gold and prediction are both unrelated or both related (for,
// against, observing), and 0.75 more when a related gold label is
// predicted exactly; the maximum is 0.25 per unrelated and 1 per related
// gold item.
func FNCScore(scores []ClaimScore) (score, maximum float64) {
	for _, s := range scores {
		gRel, pRel := s.Gold != LabelUnrelated, s.Pred != LabelUnrelated
		if gRel {
			maximum++
		} else {
			maximum += 0.25
		}
		if gRel == pRel {
			score += 0.25
		}
		if gRel && s.Gold == s.Pred {
			score += 0.75
		}
	}
	return score, maximum
}

// FNCPercent returns FNCScore as a percentage of its maximum.
func FNCPercent(scores []ClaimScore) float64 {
	s, m := FNCScore(scores)
	if m == 0 {
		return math.NaN()
	}
	return 100 * s / m
}

// Confusion returns the confusion matrix of the scores: rows are gold
// labels, columns predicted labels, both in the order of labels followed
// by any other predicted label in sorted order (returned).
func Confusion(scores []ClaimScore, labels []string) ([]string, [][]int) {
	all := slices.Clone(labels)
	var extra []string
	for _, s := range scores {
		for _, l := range []string{s.Gold, s.Pred} {
			if !slices.Contains(all, l) && !slices.Contains(extra, l) {
				extra = append(extra, l)
			}
		}
	}
	slices.Sort(extra)
	all = append(all, extra...)
	m := make([][]int, len(all))
	for i := range m {
		m[i] = make([]int, len(all))
	}
	for _, s := range scores {
		m[slices.Index(all, s.Gold)][slices.Index(all, s.Pred)]++
	}
	return all, m
}

// GoldLabels returns the gold labels of the scores in the order for,
// against, observing, unrelated (those present only).
func GoldLabels(scores []ClaimScore) []string {
	var out []string
	for _, l := range []string{LabelFor, LabelAgainst, LabelObserving, LabelUnrelated} {
		if slices.ContainsFunc(scores, func(s ClaimScore) bool { return s.Gold == l }) {
			out = append(out, l)
		}
	}
	return out
}

// formatConfusion writes a confusion matrix as a Markdown table.
func formatConfusion(labels []string, m [][]int) string {
	var b strings.Builder
	b.WriteString("| gold \\ predicted |")
	for _, l := range labels {
		b.WriteString(" " + l + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(labels)) + "\n")
	for i, l := range labels {
		b.WriteString("| " + l + " |")
		for _, v := range m[i] {
			fmt.Fprintf(&b, " %d |", v)
		}
		b.WriteString("\n")
	}
	return b.String()
}
