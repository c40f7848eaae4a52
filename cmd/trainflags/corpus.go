package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/eval"
	"github.com/faqbot/faqbot/internal/textclass"
)

// The training data, relative to the module's root.
const (
	trainSplit = "testdata/triage/train.jsonl"
	smallTalk  = "testdata/triage/smalltalk.txt"
	ordinary   = "testdata/triage/ordinary.txt" // the knowledge's questions, frozen: a knowledge edit does not retrain triage
)

// extraTraining are labelled messages written blind for training only (never dev, test or fresh).
var extraTraining = []string{"testdata/triage/train-urgent.jsonl", "testdata/triage/train-mild.jsonl", "testdata/triage/train-negative.jsonl", "testdata/eval.jsonl", "testdata/triage/train-arabizi.jsonl", "testdata/triage/train-dialect.jsonl", "testdata/triage/train-hard.jsonl", "testdata/triage/train-more.jsonl", "testdata/triage/train-hard2.jsonl", "testdata/triage/train-dialect3.jsonl", "testdata/triage/train-arabizi2.jsonl", "testdata/triage/train-arabizi3.jsonl", "testdata/triage/train-dialect4.jsonl", "testdata/triage/train-arabizi4.jsonl", "testdata/triage/train-dialect5.jsonl", "testdata/corpus/train.jsonl", "testdata/corpus/train-arabizi.jsonl", "testdata/corpus/ways-arabizi.jsonl", "testdata/corpus/acts-train.jsonl"}

// class is a case's class among bot.TriageClasses: its tier for an urgent case (-1 with no tier),
// after-effects for a mild one, none for any other.
func class(c eval.Case) int {
	switch c.Kind {
	case eval.KindUrgent:
		return slices.Index(bot.TriageClasses, c.Urgency)
	case eval.KindMild:
		return slices.Index(bot.TriageClasses, bot.AfterEffects)
	}
	return 0
}

// corpus returns the training examples, the triage training split's first and in its order, and how
// many those are.
func corpus() ([]textclass.Example, int, error) {
	var ex []textclass.Example
	nTriage := 0
	for i, f := range append([]string{trainSplit}, extraTraining...) {
		cs, err := eval.ReadFile(f)
		if err != nil {
			return nil, 0, err
		}
		for _, c := range cs {
			if k := class(c); k > 0 || (k == 0 && c.Kind != eval.KindUrgent) {
				ex = append(ex, textclass.Example{Text: c.Q, Class: k})
			}
		}
		if i == 0 {
			nTriage = len(ex)
		}
	}
	tr, err := bot.NewTriage()
	if err != nil {
		return nil, 0, err
	}
	aug, err := augment(tr)
	if err != nil {
		return nil, 0, err
	}
	ex = append(ex, aug...)
	small, err := lines(smallTalk)
	if err != nil {
		return nil, 0, err
	}
	for _, l := range small {
		ex = append(ex, textclass.Example{Text: l, Class: 0})
	}
	questions, err := lines(ordinary)
	if err != nil {
		return nil, 0, err
	}
	for _, q := range questions {
		ex = append(ex, textclass.Example{Text: q, Class: 0})
	}
	return ex, nTriage, nil
}

// lines reads a text file's lines, without blank lines and # comments.
func lines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, nil
}
