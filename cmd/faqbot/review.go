package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/bot/cli"
	"github.com/faqbot/faqbot/bot/eval"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/review"
	"github.com/faqbot/faqbot/internal/store"
	"github.com/faqbot/faqbot/knowledge"
)

// reviewFlags are the flags of review and its subcommands.
type reviewFlags struct {
	since, dsn, by, lang, title string
	sets                        []string
	limit                       int
	asJSON, all                 bool
}

func newReviewCmd(g *globals) *cobra.Command {
	var f reviewFlags
	cmd := &cobra.Command{
		Use:   "review",
		Short: "Improve the answers from what patients asked: teach, mark out of scope, send to clinical review, dismiss",
		Long: "Lists what patients asked that was not answered, offered as \"did you mean\", or answered with low\n" +
			"confidence (near-duplicates grouped: count, first and last seen, platforms, languages), each with what\n" +
			"the engine answers now, then takes commands. Texts are shown only when the store keeps them\n" +
			"(store.keep_unanswered_text); without them groups are listed by hash.\n\n" +
			"teach and out-of-scope edit the knowledge file in place, only after validate and every evaluation set\n" +
			"(review.eval_sets, FAQBOT_EVAL_SETS or --set) pass on the changed knowledge: a change that lowers any\n" +
			"figure is refused and the answers it changes are shown. A running serve reloads an accepted change.\n" +
			"Every action leaves an audit row (who: --by or the user name; when; what) in the store.",
		Example: "  faqbot review --since 30d --knowledge ./knowledge --set testdata/eval.jsonl\n" +
			"  faqbot review --json\n  faqbot review teach 3fa9c2 harvesting --by nurse.amal\n  faqbot review clinical-list",
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := openReview(cmd, g, f)
			if err != nil {
				return err
			}
			defer s.close()
			if f.asJSON {
				groups, err := s.Groups(cmd.Context())
				if err != nil {
					return err
				}
				return writeJSON(cmd.OutOrStdout(), groups)
			}
			return cli.Review(cmd.Context(), s, cmd.InOrStdin(), cmd.OutOrStdout())
		},
	}
	fl := cmd.PersistentFlags()
	fl.StringVar(&f.dsn, "store", "", "store DSN (default: $FAQBOT_STORE, the config file, or faqbot.db)")
	fl.StringVar(&f.since, "since", "30d", "how far back: a number of days (30d), a date (2026-11-01) or a duration (12h)")
	fl.StringVar(&f.by, "by", "", "who reviews, for the audit rows (default: the user name)")
	fl.StringArrayVar(&f.sets, "set", nil, "an evaluation set every change must pass (repeat; default: review.eval_sets)")
	fl.IntVar(&f.limit, "limit", 50, "groups listed at most")
	fl.BoolVar(&f.all, "all", false, "also list the groups the engine now answers with confidence")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON (the groups, a change, the clinical list) instead of text, and exit")
	cmd.AddCommand(newReviewActionCmd(g, &f, "teach GROUP TOPIC", "Add a group's question to a topic's alternates", 2),
		newReviewActionCmd(g, &f, "out-of-scope GROUP ID", "Add a group's question to an out-of-scope entry (created when missing)", 2),
		newReviewActionCmd(g, &f, "clinical GROUP", "Put a group on the clinical review list", 1),
		newReviewActionCmd(g, &f, "dismiss GROUP", "Take a group off the review until it is asked again", 1),
		newClinicalListCmd(g, &f))
	return cmd
}

// newReviewActionCmd is a subcommand taking one action on the group whose key starts with GROUP.
func newReviewActionCmd(g *globals, f *reviewFlags, use, short string, args int) *cobra.Command {
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  usageArgs(cobra.ExactArgs(args)),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := openReview(cmd, g, *f)
			if err != nil {
				return err
			}
			defer s.close()
			return s.act(cmd.Context(), cmd.OutOrStdout(), cmd.Name(), args, *f)
		},
	}
	if args == 2 {
		cmd.Flags().StringVar(&f.lang, "lang", "", "the language of the entry (default: the question's)")
		cmd.Flags().StringVar(&f.title, "title", "", "the title of a new out-of-scope entry")
	}
	return cmd
}

func newClinicalListCmd(g *globals, f *reviewFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "clinical-list",
		Short: "The questions put on the clinical review list, newest first",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, _, _, err := openStore(cmd, g, f.dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			window, err := parseSince(f.since)
			if err != nil {
				return usagef("--since %q: %v", f.since, err)
			}
			list, err := st.Actions(cmd.Context(), store.ActionClinical, time.Now().Add(-window))
			if err != nil {
				return err
			}
			if f.asJSON {
				return writeJSON(cmd.OutOrStdout(), list)
			}
			for _, a := range list {
				if a.Text == "" {
					continue // the group's other hashes
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s  %-12s %q  (by %s)\n", a.At.Format(time.DateTime), a.Group, a.Text, a.By)
			}
			return nil
		},
	}
}

// reviewSession is a review over one store and one knowledge, with the engine serve would build on it.
type reviewSession struct {
	store    *store.Store
	engine   review.Answerer
	closeIx  func() error
	bank     *knowledge.Bank
	reviewer *review.Reviewer
	since    time.Time
	opts     review.Options
}

func openReview(cmd *cobra.Command, g *globals, f reviewFlags) (*reviewSession, error) {
	window, err := parseSince(f.since)
	if err != nil {
		return nil, usagef("--since %q: %v", f.since, err)
	}
	st, cfg, cfgPath, err := openStore(cmd, g, f.dsn)
	if err != nil {
		return nil, err
	}
	s := &reviewSession{store: st, since: time.Now().Add(-window), opts: review.Options{Limit: f.limit, All: f.all}}
	if err := s.open(cmd, cfg, cfgPath, f); err != nil {
		_ = st.Close()
		return nil, err
	}
	return s, nil
}

// open builds the engine and the reviewer on the configuration's knowledge and evaluation sets.
func (s *reviewSession) open(cmd *cobra.Command, cfg config.Config, cfgPath string, f reviewFlags) error {
	paths := cfg.Review.EvalSets
	if cmd.Flags().Changed("set") {
		paths = f.sets
	}
	sets, err := readSets(paths)
	if err != nil {
		return err
	}
	if s.bank, _, err = loadBank(cfg.Knowledge); err != nil {
		return fmt.Errorf("%w (run faqbot validate for every problem)", err)
	}
	announce(cmd.ErrOrStderr(), cfg, cfgPath, s.bank)
	opts := engineOptions(cfg)
	eng, ix, err := buildEngine(cmd.Context(), s.bank, opts)
	if err != nil {
		return err
	}
	s.engine, s.closeIx = eng, ix.Close
	by := f.by
	if by == "" {
		by = userName()
	}
	s.reviewer = &review.Reviewer{Store: s.store, Knowledge: cfg.Knowledge, Sets: sets, By: by,
		Build: func(ctx context.Context, bank *knowledge.Bank) (review.Answerer, io.Closer, error) {
			eng, ix, err := buildEngine(ctx, bank, opts)
			return eng, ix, err
		}}
	if len(sets) == 0 {
		fmt.Fprintln(cmd.ErrOrStderr(), "faqbot: no evaluation sets (review.eval_sets, FAQBOT_EVAL_SETS or --set): changes are checked by validate only")
	}
	return nil
}

func (s *reviewSession) close() {
	_ = s.closeIx()
	_ = s.store.Close()
}

// readSets reads evaluation sets.
func readSets(paths []string) ([]review.Set, error) {
	var sets []review.Set
	for _, p := range paths {
		cases, err := eval.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("evaluation set: %w", err)
		}
		sets = append(sets, review.Set{Name: p, Cases: cases})
	}
	return sets, nil
}

func userName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "unknown"
}

func (s *reviewSession) Groups(ctx context.Context) ([]review.Group, error) {
	asked, err := s.store.Asked(ctx, s.since)
	if err != nil {
		return nil, err
	}
	unhelpful, err := s.store.NotHelpful(ctx, s.since)
	if err != nil {
		return nil, err
	}
	return review.Groups(ctx, asked, unhelpful, s.engine, s.opts)
}

func (s *reviewSession) Teach(ctx context.Context, g review.Group, topic, lang string) (review.Change, error) {
	return s.reviewer.Teach(ctx, g, topic, lang)
}

func (s *reviewSession) OutOfScope(ctx context.Context, g review.Group, id, lang, title string) (review.Change, error) {
	return s.reviewer.OutOfScope(ctx, g, id, lang, title)
}

func (s *reviewSession) Clinical(ctx context.Context, g review.Group) error {
	return s.reviewer.Clinical(ctx, g)
}

func (s *reviewSession) Dismiss(ctx context.Context, g review.Group) error {
	return s.reviewer.Dismiss(ctx, g)
}

func (s *reviewSession) Entries(lang string) []knowledge.Entry {
	var out []knowledge.Entry
	for _, e := range s.bank.Entries {
		if e.Lang == lang {
			out = append(out, e)
		}
	}
	return out
}

// act takes one subcommand's action on the group whose key (or a member's hash) starts with args[0].
func (s *reviewSession) act(ctx context.Context, w io.Writer, action string, args []string, f reviewFlags) error {
	groups, err := s.Groups(ctx)
	if err != nil {
		return err
	}
	g, err := findGroup(groups, args[0])
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	lang := f.lang
	if lang == "" {
		lang = cli.GroupLang(g)
	}
	var c review.Change
	switch action {
	case "teach":
		c, err = s.Teach(ctx, g, args[1], lang)
	case "out-of-scope":
		c, err = s.OutOfScope(ctx, g, args[1], lang, f.title)
	case "clinical":
		err = s.Clinical(ctx, g)
	case "dismiss":
		err = s.Dismiss(ctx, g)
	}
	if f.asJSON && c.File != "" {
		if jerr := writeJSON(w, c); jerr != nil {
			return jerr
		}
	} else {
		cli.WriteChange(w, c)
	}
	if err != nil {
		return err
	}
	if len(c.Refused) > 0 {
		return &exitError{code: 1, msg: "refused: " + strings.Join(c.Refused, "; ")}
	}
	return nil
}

// findGroup is the one group whose key or a member's hash starts with prefix (6 characters at least).
func findGroup(groups []review.Group, prefix string) (review.Group, error) {
	if len(prefix) < 6 {
		return review.Group{}, fmt.Errorf("group %q: give at least 6 characters of its key (faqbot review --json lists them)", prefix)
	}
	var found []review.Group
	for _, g := range groups {
		for _, h := range g.Hashes {
			if strings.HasPrefix(h, prefix) {
				found = append(found, g)
				break
			}
		}
	}
	switch len(found) {
	case 0:
		return review.Group{}, fmt.Errorf("no group %q to review (it may have been acted on, or asked before --since)", prefix)
	case 1:
		return found[0], nil
	}
	return review.Group{}, errors.New("more than one group starts with " + prefix + ": give more of the key")
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
