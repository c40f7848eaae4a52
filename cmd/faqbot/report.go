package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/reporthtml"
	"github.com/faqbot/faqbot/internal/store"
)

func newReportCmd(g *globals) *cobra.Command {
	var (
		since, format, dsn, out string
		limit                   int
	)
	cmd := &cobra.Command{
		Use:   "report",
		Short: "What patients asked: top answers, unhelpful answers, top unanswered questions",
		Long: "Summarise the store (FAQBOT_STORE, --store or the config file) so staff see what to add to the\n" +
			"knowledge: the most answered entries, answers marked not helpful, and unanswered questions\n" +
			"clustered by normalised text (their text only when store.keep_unanswered_text is on). The table\n" +
			"drops control characters from every value, CSV cells that would run as formulas start with a\n" +
			"single quote, JSON is exact. HTML is one self-contained page for clinic managers: questions per\n" +
			"day by platform and language, how the bot replied, helpful votes per topic, the largest groups of\n" +
			"unanswered questions and reply times, drawn as inline SVG charts that open offline; patient text\n" +
			"on it is escaped. --out writes the report to a file only its owner can read.",
		Example: "  faqbot report --since 7d\n  faqbot report --since 30d --format csv > report.csv\n" +
			"  faqbot report --since 30d --format html --out report.html",
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			window, err := parseSince(since)
			if err != nil {
				return usagef("--since %q: %v", since, err)
			}
			if !slices.Contains([]string{"table", "json", "csv", "html"}, format) {
				return usagef("--format %q: want table, json, csv or html", format)
			}
			st, _, _, err := openStore(cmd, g, dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			var buf bytes.Buffer
			if err := report(cmd.Context(), &buf, st, format, time.Now().Add(-window), limit); err != nil {
				return err
			}
			return writeOut(cmd.OutOrStdout(), out, buf.Bytes())
		},
	}
	f := cmd.Flags()
	f.StringVar(&dsn, "store", "", "store DSN (default: $FAQBOT_STORE, the config file, or faqbot.db)")
	f.StringVar(&since, "since", "7d", "how far back: a number of days (7d), a date (2026-11-01) or a duration (12h)")
	f.StringVar(&format, "format", "table", "table, json, csv or html")
	f.StringVar(&out, "out", "", "write the report to this file (mode 0600) instead of standard output")
	f.IntVar(&limit, "limit", 20, "rows per list")
	return cmd
}

// report writes the report of a store since a time in a format: the HTML page draws the dashboard,
// the others the report's lists.
func report(ctx context.Context, w io.Writer, st *store.Store, format string, since time.Time, limit int) error {
	if format == "html" {
		d, err := st.Dashboard(ctx, since, limit)
		if err != nil {
			return err
		}
		return reporthtml.Render(w, d, reporthtml.Options{})
	}
	r, err := st.Report(ctx, since, limit)
	if err != nil {
		return err
	}
	return writeReport(w, r, format)
}

// writeOut writes a finished report to stdout, or to the file at path readable by its owner only: it
// may hold patients' words.
func writeOut(stdout io.Writer, path string, report []byte) error {
	if path == "" {
		_, err := stdout.Write(report)
		return err
	}
	if err := os.WriteFile(path, report, 0o600); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// openStore reads the configuration and opens the store it names, which must exist.
func openStore(cmd *cobra.Command, g *globals, dsn string) (*store.Store, config.Config, string, error) {
	cfg, cfgPath, err := g.config(cmd, config.Overrides{Store: ifSet(cmd.Flags().Changed("store"), &dsn)})
	if err != nil {
		return nil, cfg, "", err
	}
	if err := storeExists(cfg.Store.DSN); err != nil {
		return nil, cfg, "", &exitError{code: 1, msg: err.Error()}
	}
	st, err := store.Open(cmd.Context(), cfg.Store.DSN, store.Options{KeepUnansweredText: cfg.Store.KeepUnansweredText})
	return st, cfg, cfgPath, err
}

// storeExists reports a SQLite store that is not there, rather than let a report create an empty one.
func storeExists(dsn string) error {
	if store.IsPostgres(dsn) {
		return nil
	}
	path := strings.TrimPrefix(strings.SplitN(dsn, "?", 2)[0], "file:")
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no store at %s: give the one serve writes with --store, FAQBOT_STORE or store.dsn", path)
	}
	return nil
}

// parseSince reads "7d" as seven days, a date ("2026-11-01", midnight UTC) as the time since it, or any
// Go duration ("12h").
func parseSince(s string) (time.Duration, error) {
	if day, err := time.Parse(time.DateOnly, s); err == nil {
		if d := time.Since(day); d > 0 {
			return d, nil
		}
		return 0, fmt.Errorf("the date is in the future")
	}
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("want a positive number of days")
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("want 7d, a date such as 2026-11-01, or a duration such as 12h")
	}
	return d, nil
}

// writeReport writes a report. Its values may come from patients (ids of forged feedback before it was
// refused, kept unanswered text): JSON carries them exactly, CSV neutralises cells a spreadsheet would
// run as formulas, and the table drops what a terminal would act on instead of showing.
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
			_ = cw.Write([]string{"answered", csvCell(c.ID), strconv.Itoa(c.Count), "", "", ""})
		}
		for _, h := range r.Unhelpful {
			_ = cw.Write([]string{"feedback", csvCell(h.ID), strconv.Itoa(h.Helpful + h.NotHelpful), strconv.Itoa(h.NotHelpful), "", ""})
		}
		for _, c := range r.Unanswered {
			_ = cw.Write([]string{"unanswered", csvCell(c.Hash), strconv.Itoa(c.Count), "", csvCell(c.Lang), csvCell(c.Example)})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "since %s: answered %d, no_match %d, urgent %d\n\n", r.Since.Format(time.DateTime),
		r.ByStatus["answered"], r.ByStatus["no_match"], r.ByStatus["urgent"])
	fmt.Fprintln(tw, "TOP ANSWERED\tCOUNT")
	for _, c := range r.Answered {
		fmt.Fprintf(tw, "%s\t%d\n", printable(c.ID), c.Count)
	}
	fmt.Fprintln(tw, "\nMARKED UNHELPFUL\tHELPFUL\tNOT HELPFUL")
	for _, h := range r.Unhelpful {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", printable(h.ID), h.Helpful, h.NotHelpful)
	}
	fmt.Fprintln(tw, "\nTOP UNANSWERED\tCOUNT\tLANG\tEXAMPLE")
	for _, c := range r.Unanswered {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", printable(c.Hash), c.Count, printable(c.Lang), printable(c.Example))
	}
	return tw.Flush()
}

// printable keeps a value to one line of plain text: line breaks, tabs and line or paragraph separators
// become spaces; the other C0 and C1 controls (escape sequences), DEL and bidirectional controls, which a
// terminal would act on instead of showing, are dropped; invalid UTF-8 becomes U+FFFD.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || unicode.In(r, unicode.Zl, unicode.Zp):
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// csvCell keeps a spreadsheet from running a cell as a formula: one that starts with =, +, -, @, a tab or
// a carriage return gets a leading single quote (OWASP, CSV injection).
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
