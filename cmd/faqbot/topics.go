package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/knowledge"
)

func newTopicsCmd(g *globals) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "topics",
		Short: "List the topics patients can ask about",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if lang != "" && !knowledge.Supported(lang) {
				return usagef("--lang %q: want en or ar", lang)
			}
			cfg, cfgPath, err := g.config(cmd, config.Overrides{})
			if err != nil {
				return err
			}
			bank, _, err := loadBank(cfg.Knowledge)
			if err != nil {
				return err
			}
			announce(cmd.ErrOrStderr(), cfg, cfgPath, bank)
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, l := range bank.Langs() {
				if lang != "" && l != lang {
					continue
				}
				for _, e := range bank.Topics(l) {
					fmt.Fprintf(tw, "%s\t%s\t%s\n", l, e.ID, e.Title)
				}
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "only this language (en or ar)")
	return cmd
}
