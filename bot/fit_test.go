package bot_test

import (
	"context"
	"flag"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/eval"
)

var fit = flag.Bool("fit", false, "fit the confidence model on testdata/eval.jsonl and print it")

// sample is the evidence for the top FAQ candidate of one labelled question, and whether it was right.
type sample struct {
	f     bot.Features
	right bool
}

// TestFitModel refits DefaultModel: a logistic regression of "the top entry is a right answer" on the
// evidence, over the non-urgent questions of the evaluation set. Run with -fit.
func TestFitModel(t *testing.T) {
	if !*fit {
		t.Skip("run with -fit to refit the confidence model")
	}
	eng := sharedEngine(t)
	cases := readCases(t, "../testdata/eval.jsonl")
	var samples []sample
	for _, c := range cases {
		if c.Kind == eval.KindUrgent {
			continue
		}
		a, err := eng.Answer(context.Background(), bot.Question{Text: c.Q, Lang: c.Lang, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Explanation.Matches {
			if m.Kind == "out_of_scope" {
				break
			}
			if m.Kind == "faq" {
				fs := bot.Features{Similarity: m.Similarity, Question: m.QuestionCoverage, Coverage: m.Coverage, Lead: m.Lead, Unknown: a.Explanation.Unknown, Missing: m.Missing}
				samples = append(samples, sample{f: fs, right: c.Kind == eval.KindAnswer && slices.Contains(c.IDs, m.ID)})
				break
			}
		}
	}
	m := logistic(samples, 0.3, 30)
	fmt.Printf("fitted on %d questions:\n\treturn Model{Bias: %.2f, Similarity: %.2f, Question: %.2f, Coverage: %.2f, Lead: %.2f, Unknown: %.2f, Missing: %.2f}\n",
		len(samples), m.Bias, m.Similarity, m.Question, m.Coverage, m.Lead, m.Unknown, m.Missing)
}

// logistic fits a model by Newton's method on the mean log loss with a small L2 penalty.
func logistic(samples []sample, l2 float64, steps int) bot.Model {
	const n = 7
	vec := func(f bot.Features) [n]float64 {
		return [n]float64{1, f.Similarity, f.Question, f.Coverage, f.Lead, f.Unknown, f.Missing}
	}
	var w [n]float64
	for step := 0; step < steps; step++ {
		var grad [n]float64
		var hess [n][n]float64
		for _, s := range samples {
			x := vec(s.f)
			z := 0.0
			for i := range w {
				z += w[i] * x[i]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if s.right {
				y = 1
			}
			for i := range w {
				grad[i] += (p - y) * x[i]
				for j := range w {
					hess[i][j] += p * (1 - p) * x[i] * x[j]
				}
			}
		}
		for i := 1; i < n; i++ {
			grad[i] += l2 * w[i]
			hess[i][i] += l2
		}
		d := solve(hess, grad)
		for i := range w {
			w[i] -= d[i]
		}
	}
	return bot.Model{Bias: w[0], Similarity: w[1], Question: w[2], Coverage: w[3], Lead: w[4], Unknown: w[5], Missing: w[6]}
}

// solve returns x with a·x = b, by Gaussian elimination with partial pivoting.
func solve[A ~[7][7]float64, B ~[7]float64](a A, b B) [7]float64 {
	const n = 7
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := 0; r < n; r++ {
			if r == c || a[c][c] == 0 {
				continue
			}
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	var x [7]float64
	for i := range x {
		if a[i][i] != 0 {
			x[i] = b[i] / a[i][i]
		}
	}
	return x
}
