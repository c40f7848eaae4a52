package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/cli"
	"github.com/faqbot/faqbot/knowledge"
)

func newAskCmd(g *globals) *cobra.Command {
	var (
		asJSON  bool
		q       bot.Question
		explain bool
	)
	cmd := &cobra.Command{
		Use:   "ask [flags] [question]",
		Short: "Answer one question, or one question per stdin line as JSON lines",
		Long: "Answer one question and print a readable answer (--json: one JSON object).\n" +
			"With no question argument, read one question per line from stdin and write one JSON object per line, in order.",
		Example: `  faqbot ask "will I be asleep during the procedure?"
  faqbot ask --json --lang ar "كم تستغرق الجلسة؟"
  faqbot ask < questions.txt > answers.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkQuestionFlags(q); err != nil {
				return err
			}
			q.Explain = explain
			eng, closeIx, err := openEngine(cmd, g)
			if err != nil {
				return err
			}
			defer closeIx()
			if len(args) == 0 {
				return cli.Batch(cmd.Context(), eng, cmd.InOrStdin(), cmd.OutOrStdout(), q)
			}
			q.Text = strings.Join(args, " ")
			a, err := eng.Answer(cmd.Context(), q)
			if err != nil {
				return err
			}
			if asJSON {
				return cli.WriteJSON(cmd.OutOrStdout(), a)
			}
			return cli.WriteText(cmd.OutOrStdout(), a)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	f.StringVar(&q.Lang, "lang", "auto", "question language: auto, en or ar")
	f.IntVar(&q.Top, "top", bot.DefaultTop, "how many candidate matches to report")
	f.BoolVar(&explain, "explain", false, "show how the question was read and what each match matched")
	return cmd
}

func checkQuestionFlags(q bot.Question) error {
	if q.Lang != "auto" && !knowledge.Supported(q.Lang) {
		return usagef("--lang %q: want auto or one of %s", q.Lang, strings.Join(knowledge.Languages(), ", "))
	}
	if q.Top < 1 || q.Top > 20 {
		return usagef("--top %d: want 1 to 20", q.Top)
	}
	return nil
}
