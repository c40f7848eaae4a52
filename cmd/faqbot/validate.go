package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/knowledge"
)

func newValidateCmd(g *globals) *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate [PATH]",
		Short: "Check knowledge files: schema, duplicate ids, missing translations, empty answers, related ids",
		Long: "Check the knowledge at PATH (a folder or a file; default: --knowledge, $FAQBOT_KNOWLEDGE or the\n" +
			"configuration's, else the embedded knowledge) and print every problem with file:line. Exits 1 when\n" +
			"there are errors (with --strict, warnings too).",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, cfgPath, err := g.config(cmd, config.Overrides{})
			if err != nil {
				return err
			}
			if len(args) == 1 {
				cfg.Knowledge = args[0]
			}
			bank, problems, err := loadBank(cfg.Knowledge)
			var invalid *knowledge.InvalidError
			if err != nil && !errors.As(err, &invalid) {
				return err
			}
			out := cmd.OutOrStdout()
			for _, p := range problems {
				fmt.Fprintln(out, p)
			}
			if n := problems.Errors(strict); n > 0 {
				return &exitError{code: 1, msg: fmt.Sprintf("%d problems (%d errors, %d warnings)", len(problems), problems.Errors(false), len(problems)-problems.Errors(false))}
			}
			announce(cmd.ErrOrStderr(), cfg, cfgPath, bank)
			fmt.Fprintf(out, "ok: %s, %d warnings\n", summary(bank), len(problems))
			return nil
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings (such as a missing translation) as errors")
	return cmd
}

func summary(b *knowledge.Bank) string {
	counts := map[string]int{}
	for _, e := range b.Entries {
		counts[e.Lang+" "+string(e.Kind)]++
	}
	var parts []string
	for _, l := range b.Langs() {
		parts = append(parts, fmt.Sprintf("%s: %d faq, %d guide sections, %d out of scope", l, counts[l+" faq"], counts[l+" guide"], counts[l+" out_of_scope"]))
	}
	return fmt.Sprintf("%d entries (%s)", len(b.Entries), strings.Join(parts, "; "))
}
