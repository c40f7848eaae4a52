// Command trainflags trains the learned layer of red-flag triage (bot/redflags.model) and measures it.
// It learns from the triage corpus's training split and extra training files (testdata/triage), the
// augmented blind lexicons, the answer development set's questions, small talk and the default
// knowledge's questions; training is deterministic, so the same corpus gives the same model.
//
//	go run ./cmd/trainflags -out bot/redflags.model   # train and save
//	go run ./cmd/trainflags -cv                       # the shipped policy, out of fold on the training split
//	go run ./cmd/trainflags -report testdata/triage/dev.jsonl
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/eval"
	"github.com/faqbot/faqbot/internal/textclass"
)

func main() {
	out := flag.String("out", "", "file to write the model to")
	cv := flag.Bool("cv", false, "report the shipped policy with 5-fold out-of-fold models on the training split")
	report := flag.String("report", "", "comma-separated case files to report the model on, beside the rules alone")
	verbose := flag.Bool("v", false, "with -cv, print every case read wrong")
	flag.Parse()
	if err := run(context.Background(), *out, *cv, *verbose, *report); err != nil {
		fmt.Fprintln(os.Stderr, "trainflags:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out string, cv, verbose bool, report string) error {
	opts, err := bot.TriageTrainOptions()
	if err != nil {
		return err
	}
	ex, nTriage, err := corpus()
	if err != nil {
		return err
	}
	if cv {
		if err := crossValidate(ctx, ex, nTriage, opts, verbose); err != nil {
			return err
		}
	}
	if out == "" && report == "" {
		return nil
	}
	m, err := textclass.Train(ctx, bot.TriageClasses, ex, opts)
	if err != nil {
		return err
	}
	if report != "" {
		if err := reportOn(m, strings.Split(report, ",")); err != nil {
			return err
		}
	}
	if out != "" {
		return textclass.Save(out, m)
	}
	return nil
}

// reportOn prints the rules alone and the rules with m on each case file.
func reportOn(m *textclass.Model, files []string) error {
	tr, err := bot.NewTriage()
	if err != nil {
		return err
	}
	tm, err := tr.WithModel(m)
	if err != nil {
		return err
	}
	for _, f := range files {
		cs, err := eval.ReadFile(f)
		if err != nil {
			return err
		}
		var rules, joined tally
		for _, c := range cs {
			rules.add(c, tr.Rules(c.Q, "en"), false)
			v := tm.Check(c.Q, "en")
			joined.add(c, v, !v.Urgent() && tm.AfterEffects(c.Q) > 0)
		}
		fmt.Printf("%s\n  rules alone:  %s\n  with model:   %s\n", f, rules, joined)
	}
	return nil
}
