package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/bot/cli"
	"github.com/faqbot/faqbot/bot/eval"
)

func newEvalCmd(g *globals) *cobra.Command {
	var (
		top1EN, top1AR, abstain, urgent float64
		maxFalse                        int
	)
	cmd := &cobra.Command{
		Use:   "eval FILE.jsonl",
		Short: "Measure answers against a labelled set: top-1/top-3 per language, abstention, urgent recall",
		Long: "Each line of FILE is {\"q\",\"lang\",\"kind\":\"answer|no_match|urgent\",\"ids\":[...]}. Prints the figures\n" +
			"and every failure; exits 1 when a figure is below a floor given by the flags.",
		Example: "  faqbot eval testdata/eval.jsonl --min-top1-en 0.95 --min-top1-ar 0.90 --min-abstain 0.90 --min-urgent 1 --max-false-urgent 0",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			cases, err := eval.ReadCases(f)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			eng, closeIx, err := openEngine(cmd, g)
			if err != nil {
				return err
			}
			defer closeIx()
			report, err := eval.Evaluate(cmd.Context(), eng, cases)
			if err != nil {
				return err
			}
			if err := cli.WriteReport(cmd.OutOrStdout(), report); err != nil {
				return err
			}
			floors := eval.Floors{Top1: map[string]float64{}, Abstain: abstain, UrgentRecall: urgent,
				MaxFalseUrgent: maxFalse, CheckFalse: maxFalse >= 0}
			if top1EN > 0 {
				floors.Top1["en"] = top1EN
			}
			if top1AR > 0 {
				floors.Top1["ar"] = top1AR
			}
			if failed := report.Check(floors); len(failed) > 0 {
				return &exitError{code: 1, msg: "below the floors: " + strings.Join(failed, "; ")}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.Float64Var(&top1EN, "min-top1-en", 0, "fail when English top-1 accuracy is below this (0-1)")
	f.Float64Var(&top1AR, "min-top1-ar", 0, "fail when Arabic top-1 accuracy is below this (0-1)")
	f.Float64Var(&abstain, "min-abstain", 0, "fail when no_match abstention is below this (0-1)")
	f.Float64Var(&urgent, "min-urgent", 0, "fail when urgent recall is below this (0-1)")
	f.IntVar(&maxFalse, "max-false-urgent", -1, "fail when more questions than this are falsely flagged urgent (-1: no limit)")
	return cmd
}
