package main

import (
	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/cli"
)

func newChatCmd(g *globals) *cobra.Command {
	var q bot.Question
	cmd := &cobra.Command{
		Use:   "chat",
		Short: "Ask questions interactively (line editing and history on a terminal)",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkQuestionFlags(q); err != nil {
				return err
			}
			eng, closeIx, err := openEngine(cmd, g)
			if err != nil {
				return err
			}
			defer closeIx()
			return cli.Chat(cmd.Context(), eng, cmd.InOrStdin(), cmd.OutOrStdout(), q)
		},
	}
	cmd.Flags().StringVar(&q.Lang, "lang", "auto", "question language: auto, en or ar")
	cmd.Flags().IntVar(&q.Top, "top", bot.DefaultTop, "how many candidate matches to show")
	return cmd
}
