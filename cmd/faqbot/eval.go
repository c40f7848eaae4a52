package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/cli"
	"github.com/faqbot/faqbot/bot/eval"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/knowledge"
)

// floorFlags are the flags of eval that set a floor; they do not apply with --compare.
func floorFlags() []string {
	return []string{"min-top1-en", "min-top1-ar", "min-abstain", "min-urgent", "max-false-urgent"}
}

func newEvalCmd(g *globals) *cobra.Command {
	var (
		top1EN, top1AR, abstain, urgent float64
		maxFalse                        int
		compare                         string
		failOnChange                    bool
	)
	cmd := &cobra.Command{
		Use:   "eval FILE.jsonl...",
		Short: "Measure answers against a labelled set: top-1/top-3 per language, abstention, urgent recall",
		Long: "Each line of FILE is {\"q\",\"lang\",\"kind\":\"answer|no_match|urgent\",\"ids\":[...]}. Prints the figures\n" +
			"and every failure; exits 1 when a figure is below a floor given by the flags.\n\n" +
			"With --compare OTHER (a knowledge folder or file), asks every question of one or more sets twice, of\n" +
			"the knowledge as configured (before) and of OTHER (after), with the same settings, and prints the\n" +
			"questions whose outcome changes (status, entry answered, reason, urgency tier) and how many: the\n" +
			"check for a knowledge edit. It exits 0 whatever changed, unless --fail-on-change.",
		Example: "  faqbot eval testdata/eval.jsonl --min-top1-en 0.95 --min-top1-ar 0.90 --min-abstain 0.90 --min-urgent 1 --max-false-urgent 0\n" +
			"  faqbot eval --compare ./edited-knowledge testdata/eval.jsonl testdata/heldout.jsonl --fail-on-change",
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkEvalFlags(cmd, compare, len(args)); err != nil {
				return err
			}
			if compare != "" {
				return runCompare(cmd, g, compare, args, failOnChange)
			}
			floors := eval.Floors{Top1: map[string]float64{}, Abstain: abstain, UrgentRecall: urgent,
				MaxFalseUrgent: maxFalse, CheckFalse: maxFalse >= 0}
			if top1EN > 0 {
				floors.Top1[knowledge.English] = top1EN
			}
			if top1AR > 0 {
				floors.Top1[knowledge.Arabic] = top1AR
			}
			return runEval(cmd, g, args[0], floors)
		},
	}
	f := cmd.Flags()
	f.Float64Var(&top1EN, "min-top1-en", 0, "fail when English top-1 accuracy is below this (0-1)")
	f.Float64Var(&top1AR, "min-top1-ar", 0, "fail when Arabic top-1 accuracy is below this (0-1)")
	f.Float64Var(&abstain, "min-abstain", 0, "fail when no_match abstention is below this (0-1)")
	f.Float64Var(&urgent, "min-urgent", 0, "fail when urgent recall is below this (0-1)")
	f.IntVar(&maxFalse, "max-false-urgent", -1, "fail when more questions than this are falsely flagged urgent (-1: no limit)")
	f.StringVar(&compare, "compare", "", "knowledge folder or file to compare with: print the questions whose outcome changes")
	f.BoolVar(&failOnChange, "fail-on-change", false, "with --compare: exit 1 when an outcome changes")
	return cmd
}

// checkEvalFlags refuses the flags that do not go together: floors measure one knowledge, --compare
// lists changes between two (of several sets at once).
func checkEvalFlags(cmd *cobra.Command, compare string, sets int) error {
	if compare == "" {
		if cmd.Flags().Changed("fail-on-change") {
			return usagef("--fail-on-change goes with --compare")
		}
		if sets > 1 {
			return usagef("eval takes one FILE (several with --compare)")
		}
		return nil
	}
	for _, name := range floorFlags() {
		if cmd.Flags().Changed(name) {
			return usagef("--%s: floors do not apply with --compare, which lists changed answers", name)
		}
	}
	return nil
}

// runEval evaluates one set and checks it against the floors.
func runEval(cmd *cobra.Command, g *globals, path string, floors eval.Floors) error {
	cases, err := eval.ReadFile(path)
	if err != nil {
		return err
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
	if failed := report.Check(floors); len(failed) > 0 {
		return &exitError{code: 1, msg: "below the floors: " + strings.Join(failed, "; ")}
	}
	return nil
}

// evalSetChange is a changed outcome and the set its question is from.
type evalSetChange struct {
	set string
	eval.Change
}

// runCompare asks every question of the sets of the configured knowledge and of the knowledge at other,
// and prints the questions whose outcome changes.
func runCompare(cmd *cobra.Command, g *globals, other string, paths []string, failOnChange bool) error {
	sets := make([][]eval.Case, len(paths))
	asked := 0
	for i, p := range paths { // every set is read before anything is indexed: a typo fails at once
		cases, err := eval.ReadFile(p)
		if err != nil {
			return err
		}
		sets[i], asked = cases, asked+len(cases)
	}
	before, closeBefore, err := openEngine(cmd, g)
	if err != nil {
		return err
	}
	defer closeBefore()
	after, closeAfter, err := openCompareEngine(cmd, g, other)
	if err != nil {
		return err
	}
	defer closeAfter()
	var changes []evalSetChange
	for i, cases := range sets {
		cs, err := eval.Compare(cmd.Context(), before, after, cases)
		if err != nil {
			return fmt.Errorf("%s: %w", paths[i], err)
		}
		for _, c := range cs {
			changes = append(changes, evalSetChange{set: paths[i], Change: c})
		}
	}
	if err := writeChanges(cmd.OutOrStdout(), changes, asked); err != nil {
		return err
	}
	if failOnChange && len(changes) > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d answers change with %s", len(changes), asked, other)}
	}
	return nil
}

// openCompareEngine builds the engine of --compare as openEngine builds the configured one: the same
// configuration and settings, the knowledge at path. close releases the index.
func openCompareEngine(cmd *cobra.Command, g *globals, path string) (eng *bot.Engine, close func() error, err error) {
	cfg, cfgPath, err := g.config(cmd, config.Overrides{})
	if err != nil {
		return nil, nil, err
	}
	bank, _, err := loadBank(path)
	if err != nil {
		return nil, nil, fmt.Errorf("--compare: %w (run faqbot validate %s for every problem)", err, path)
	}
	cfg.Knowledge = path
	announce(cmd.ErrOrStderr(), cfg, cfgPath, bank)
	eng, ix, err := buildEngine(cmd.Context(), bank, engineOptions(cfg))
	if err != nil {
		return nil, nil, err
	}
	return eng, ix.Close, nil
}

// maxQuestionRunes is how much of a question the table of changes shows.
const maxQuestionRunes = 60

// writeChanges prints the changed outcomes as a table, then how many of the questions asked changed.
// Questions and sets are shown as one line of plain text (printable), long questions clipped.
func writeChanges(w io.Writer, changes []evalSetChange, asked int) error {
	if len(changes) == 0 {
		_, err := fmt.Fprintf(w, "no answer changes (%d questions)\n", asked)
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SET\tLINE\tQUESTION\tBEFORE → AFTER")
	for _, c := range changes {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s → %s\n", printable(c.set), c.Case.Line, clipQuestion(printable(c.Case.Q), maxQuestionRunes),
			printable(c.Before.String()), printable(c.After.String()))
	}
	fmt.Fprintf(tw, "\n%d of %d answers change\n", len(changes), asked)
	return tw.Flush()
}

// clipQuestion keeps at most max runes of s, the last an ellipsis where it was cut.
func clipQuestion(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max-1]) + "…"
}
