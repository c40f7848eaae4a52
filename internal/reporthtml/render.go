// Package reporthtml renders the store's dashboard as one self-contained HTML page for clinic staff:
// inline CSS, charts drawn as SVG on the server, no scripts, no fonts or other files to fetch.
package reporthtml

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/faqbot/faqbot/internal/store"
)

//go:embed page.tmpl
var pageTemplate string

// Options configure a page.
type Options struct {
	Title string    // the page's heading; empty means "Patient questions report"
	Now   time.Time // when the report was made, shown on the page; zero means now
}

// Render writes the page of a dashboard to w. Patient text and ids are escaped by html/template.
func Render(w io.Writer, d store.Dashboard, opts Options) error {
	t, err := template.New("page").Parse(pageTemplate)
	if err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	if err := t.Execute(w, newPage(d, opts)); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	return nil
}

// page is what the template shows.
type page struct {
	Title, Since, Generated string
	Empty                   bool // nothing recorded since Since
	Cards                   []card
	PerPlatform, PerLang    *barChart // nil without questions
	Outcomes                donut
	Shares                  []share
	Helpful                 *hbarChart // nil without votes
	Unanswered              []cluster
	Answered                []store.Count
	Latency                 []latencyRow // empty when no answer was timed
	Timed                   int
}

// card is one headline figure.
type card struct {
	Label, Value, Note string
}

// cluster is one group of unanswered questions.
type cluster struct {
	Count      int
	Lang, Hash string
	Example    string // empty when the store keeps no text
}

// latencyRow is one percentile of the answer time.
type latencyRow struct {
	Label, Value, Note string
}

// newPage lays out a dashboard: figures formatted, charts drawn, sections without data left empty.
func newPage(d store.Dashboard, opts Options) page {
	if opts.Title == "" {
		opts.Title = "Patient questions report"
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	p := page{Title: opts.Title, Since: d.Since.UTC().Format("2 Jan 2006 15:04 UTC"),
		Generated: opts.Now.UTC().Format("2 Jan 2006 15:04 UTC"),
		Empty:     d.Outcomes.Total() == 0 && len(d.Feedback) == 0, Answered: d.Answered}
	p.Shares = shares(d.Outcomes)
	p.Outcomes = ring("outcomes", "How the bot replied: "+describe(p.Shares), p.Shares)
	p.Cards = cards(d)
	if len(d.Days) > 0 {
		plat := stackedBars("per-day-platform", "Questions per day by platform", d.Days,
			seriesOf(d.Platforms, platformLabel, 0), func(day store.Day, k string) int { return day.ByPlatform[k] })
		lang := stackedBars("per-day-language", "Questions per day by language", d.Days,
			seriesOf(d.Langs, langLabel, len(d.Platforms)), func(day store.Day, k string) int { return day.ByLang[k] })
		p.PerPlatform, p.PerLang = &plat, &lang
	}
	if len(d.Feedback) > 0 {
		h := rates("helpful-rate", "Share of helpful votes per topic", d.Feedback)
		p.Helpful = &h
	}
	for _, c := range d.Unanswered {
		p.Unanswered = append(p.Unanswered, cluster{Count: c.Count, Lang: langLabel(c.Lang), Hash: c.Hash, Example: c.Example})
	}
	p.Latency, p.Timed = latencyRows(d.Latency), d.Latency.Count
	return p
}

// seriesOf gives each key a label and a colour, the colours starting at offset.
func seriesOf(keys []string, label func(string) string, offset int) []series {
	out := make([]series, len(keys))
	for i, k := range keys {
		out[i] = series{Key: k, Label: label(k), Color: fmt.Sprintf("c%d", (offset+i)%paletteSize)}
	}
	return out
}

// shares are the outcomes in the order of the donut, each with what it means.
func shares(o store.Outcomes) []share {
	total := o.Total()
	parts := []share{
		{Label: "Answered", Color: "answered", Count: o.Answered, Note: "a topic of the knowledge answered the question"},
		{Label: "Clarified", Color: "clarified", Count: o.Clarified, Note: "not sure: offered topics as “did you mean”"},
		{Label: "No match", Color: "nomatch", Count: o.NoMatch, Note: "the knowledge does not cover it yet"},
		{Label: "Conversation", Color: "conversation", Count: o.Conversation, Note: "greetings, thanks, asking for a person"},
		{Label: "Urgent", Color: "urgent", Count: o.Urgent, Note: "a red flag: told to seek care now"},
	}
	for i := range parts {
		parts[i].Percent = percent(parts[i].Count, total)
	}
	return parts
}

// describe puts shares in words, for the donut's accessible name.
func describe(parts []share) string {
	words := make([]string, len(parts))
	for i, p := range parts {
		words[i] = fmt.Sprintf("%s %s", p.Label, p.Percent)
	}
	return strings.Join(words, ", ")
}

// cards are the headline figures.
func cards(d store.Dashboard) []card {
	o := d.Outcomes
	total := o.Total()
	good, votes := 0, 0
	for _, h := range d.Feedback {
		good, votes = good+h.Helpful, votes+h.Helpful+h.NotHelpful
	}
	typical := "—"
	if d.Latency.Count > 0 {
		typical = duration(d.Latency.P50)
	}
	return []card{
		{Label: "Questions", Value: fmt.Sprint(total), Note: "messages the bot replied to"},
		{Label: "Answered", Value: percent(o.Answered, total), Note: fmt.Sprintf("%d questions", o.Answered)},
		{Label: "Not answered", Value: percent(o.NoMatch+o.Clarified, total), Note: fmt.Sprintf("%d no match, %d clarified", o.NoMatch, o.Clarified)},
		{Label: "Urgent", Value: fmt.Sprint(o.Urgent), Note: "red flags sent to care"},
		{Label: "Helpful", Value: percent(good, votes), Note: fmt.Sprintf("of %d votes", votes)},
		{Label: "Typical reply", Value: typical, Note: "median time to answer"},
	}
}

// latencyRows are the percentiles of the answer time, none when no answer was timed.
func latencyRows(l store.Latency) []latencyRow {
	if l.Count == 0 {
		return nil
	}
	return []latencyRow{
		{Label: "p50", Value: duration(l.P50), Note: "half of the answers came faster"},
		{Label: "p90", Value: duration(l.P90), Note: "nine in ten came faster"},
		{Label: "p99", Value: duration(l.P99), Note: "ninety-nine in a hundred came faster"},
	}
}
