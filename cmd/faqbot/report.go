package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/store"
)

func newReportCmd() *cobra.Command {
	var (
		cfgPath, since, format, dsn string
		limit                       int
	)
	cmd := &cobra.Command{
		Use:   "report",
		Short: "What patients asked: top answers, unhelpful answers, top unanswered questions",
		Long: "Summarise the store (FAQBOT_STORE, --store or the config file) so staff see what to add to the\n" +
			"knowledge: the most answered entries, answers marked not helpful, and unanswered questions\n" +
			"clustered by normalised text (their text only when store.keep_unanswered_text is on).",
		Example: "  faqbot report --since 7d\n  faqbot report --since 30d --format csv > report.csv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			window, err := parseSince(since)
			if err != nil {
				return usagef("--since %q: %v", since, err)
			}
			if format != "table" && format != "json" && format != "csv" {
				return usagef("--format %q: want table, json or csv", format)
			}
			if err := config.LoadDotEnv(".env"); err != nil {
				return err
			}
			if cfgPath == "" {
				cfgPath = os.Getenv("FAQBOT_CONFIG")
			}
			cfg, err := config.Load(cfgPath, os.LookupEnv, config.Overrides{Store: ifSet(cmd.Flags().Changed("store"), &dsn)})
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			st, err := store.Open(cmd.Context(), cfg.Store.DSN, store.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			r, err := st.Report(cmd.Context(), time.Now().Add(-window), limit)
			if err != nil {
				return err
			}
			return writeReport(cmd.OutOrStdout(), r, format)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfgPath, "config", "", "YAML configuration file (default: $FAQBOT_CONFIG)")
	f.StringVar(&dsn, "store", "", "store DSN (default: $FAQBOT_STORE, the config file, or faqbot.db)")
	f.StringVar(&since, "since", "7d", "how far back: a number of days (7d) or a duration (12h)")
	f.StringVar(&format, "format", "table", "table, json or csv")
	f.IntVar(&limit, "limit", 20, "rows per list")
	return cmd
}

// parseSince reads "7d" as seven days, or any Go duration ("12h").
func parseSince(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("want a positive number of days")
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("want 7d or a duration such as 12h")
	}
	return d, nil
}

func writeReport(w io.Writer, r store.Report, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"section", "id_or_hash", "count", "not_helpful", "lang", "example"})
		for _, c := range r.Answered {
			_ = cw.Write([]string{"answered", c.ID, strconv.Itoa(c.Count), "", "", ""})
		}
		for _, h := range r.Unhelpful {
			_ = cw.Write([]string{"feedback", h.ID, strconv.Itoa(h.Helpful + h.NotHelpful), strconv.Itoa(h.NotHelpful), "", ""})
		}
		for _, c := range r.Unanswered {
			_ = cw.Write([]string{"unanswered", c.Hash, strconv.Itoa(c.Count), "", c.Lang, c.Example})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "since %s: answered %d, no_match %d, urgent %d\n\n", r.Since.Format(time.DateTime),
		r.ByStatus["answered"], r.ByStatus["no_match"], r.ByStatus["urgent"])
	fmt.Fprintln(tw, "TOP ANSWERED\tCOUNT")
	for _, c := range r.Answered {
		fmt.Fprintf(tw, "%s\t%d\n", c.ID, c.Count)
	}
	fmt.Fprintln(tw, "\nMARKED UNHELPFUL\tHELPFUL\tNOT HELPFUL")
	for _, h := range r.Unhelpful {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", h.ID, h.Helpful, h.NotHelpful)
	}
	fmt.Fprintln(tw, "\nTOP UNANSWERED\tCOUNT\tLANG\tEXAMPLE")
	for _, c := range r.Unanswered {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", c.Hash, c.Count, c.Lang, c.Example)
	}
	return tw.Flush()
}
