package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/review"
	"github.com/faqbot/faqbot/knowledge"
)

// Reviewing is what the review view acts through: the groups to review and the actions on them.
type Reviewing interface {
	Groups(ctx context.Context) ([]review.Group, error)
	Teach(ctx context.Context, g review.Group, topic, lang string) (review.Change, error)
	OutOfScope(ctx context.Context, g review.Group, id, lang, title string) (review.Change, error)
	Clinical(ctx context.Context, g review.Group) error
	Dismiss(ctx context.Context, g review.Group) error
	Entries(lang string) []knowledge.Entry
}

const reviewHelp = `Commands (N is a group's number):
  show N                 the group: its questions, what it was and is answered, the likeliest topics
  teach N TOPIC [LANG]   add the question to TOPIC's alternates (checked against every evaluation set first)
  oos N ID [TITLE]       add it to the out-of-scope entry ID (created, titled TITLE, when there is none)
  clinical N             put it on the list of the people who own the red-flag rules
  dismiss N              take it off the review until it is asked again
  topics [WORD]          the topics' ids and titles; out [WORD] the out-of-scope entries'
  list                   the groups again;  quit`

// Review runs the interactive review: it lists the groups, then reads commands until quit or the end of
// the input. A failed action is reported and the review goes on.
func Review(ctx context.Context, r Reviewing, in io.Reader, out io.Writer) error {
	lines, w, restore := openLines(in, out)
	defer restore()
	groups, err := r.Groups(ctx)
	if err != nil {
		return err
	}
	WriteGroups(w, groups)
	fmt.Fprintln(w, reviewHelp)
	for ctx.Err() == nil {
		line, err := lines.ReadLine()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("review: %w", err)
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if fields[0] == "quit" || fields[0] == "exit" {
			return nil
		}
		var panics *guard.Panics // a panic must not leave the terminal raw
		if err := panics.Call("review", func() error { return reviewCommand(ctx, r, w, &groups, fields) }); err != nil {
			fmt.Fprintf(w, "error: %v\n", err)
		}
	}
	return nil
}

// reviewCommand runs one command of the review.
func reviewCommand(ctx context.Context, r Reviewing, w io.Writer, groups *[]review.Group, f []string) error {
	switch f[0] {
	case "list":
		fresh, err := r.Groups(ctx)
		if err != nil {
			return err
		}
		*groups = fresh
		WriteGroups(w, fresh)
		return nil
	case "topics", "out":
		writeEntries(w, r, f[0] == "out", strings.Join(f[1:], " "))
		return nil
	}
	if len(f) < 2 {
		fmt.Fprintln(w, reviewHelp)
		return nil
	}
	g, err := pick(*groups, f[1])
	if err != nil {
		return err
	}
	switch {
	case f[0] == "show":
		WriteGroup(w, 0, g, true)
	case f[0] == "teach" && len(f) >= 3:
		c, err := r.Teach(ctx, g, f[2], langOf(g, f[3:]))
		WriteChange(w, c)
		return err
	case f[0] == "oos" && len(f) >= 3:
		c, err := r.OutOfScope(ctx, g, f[2], langOf(g, nil), strings.Join(f[3:], " "))
		WriteChange(w, c)
		return err
	case f[0] == "clinical":
		if err := r.Clinical(ctx, g); err != nil {
			return err
		}
		fmt.Fprintln(w, "On the clinical review list.")
	case f[0] == "dismiss":
		if err := r.Dismiss(ctx, g); err != nil {
			return err
		}
		fmt.Fprintln(w, "Dismissed.")
	default:
		fmt.Fprintln(w, reviewHelp)
	}
	return nil
}

// pick is the group numbered n in the list.
func pick(groups []review.Group, n string) (review.Group, error) {
	i, err := strconv.Atoi(n)
	if err != nil || i < 1 || i > len(groups) {
		return review.Group{}, fmt.Errorf("no group %q: give a number from 1 to %d", clip(n, 12), len(groups))
	}
	return groups[i-1], nil
}

// langOf is the language given, or else the group's.
func langOf(g review.Group, given []string) string {
	if len(given) > 0 {
		return given[0]
	}
	return GroupLang(g)
}

// GroupLang is the language a group was asked in when it was one, or else what its text reads as now.
func GroupLang(g review.Group) string {
	switch {
	case len(g.Langs) == 1:
		return g.Langs[0]
	case g.Now != nil && g.Now.Lang != "":
		return g.Now.Lang
	}
	return knowledge.English
}

// WriteGroups lists groups, most asked first.
func WriteGroups(w io.Writer, groups []review.Group) {
	if len(groups) == 0 {
		fmt.Fprintln(w, "Nothing to review: every question since then was answered with confidence, or was reviewed.")
		return
	}
	for i, g := range groups {
		WriteGroup(w, i+1, g, false)
	}
}

// WriteGroup writes one group; in full, with its other questions and the likeliest topics.
func WriteGroup(w io.Writer, n int, g review.Group, full bool) {
	if n > 0 {
		fmt.Fprintf(w, "%3d. ", n)
	}
	if g.Kind == review.KindNotHelpful {
		fmt.Fprintf(w, "answer %s marked not helpful ×%d (helpful ×%d), last %s: read it again; clinical or dismiss\n",
			g.Topic, g.Count, g.Helpful, g.Last.Format(time.DateOnly))
		return
	}
	text := "(text not kept: hash " + g.Key + ")"
	if g.Text != "" {
		text = strconv.Quote(clip(g.Text, 120))
	}
	fmt.Fprintf(w, "×%d %s  [%s · %s · %s – %s]\n", g.Count, text, strings.Join(g.Langs, ","), strings.Join(g.Platforms, ","),
		g.First.Format(time.DateOnly), g.Last.Format(time.DateOnly))
	fmt.Fprintf(w, "     was: %s", outcomes(g.Outcomes))
	if g.Now != nil {
		fmt.Fprintf(w, " · now: %s", nowText(g.Now))
	}
	fmt.Fprintln(w)
	if !full {
		return
	}
	for _, v := range g.Variants {
		fmt.Fprintf(w, "     also: %q\n", clip(v, 120))
	}
	if g.Now != nil && len(g.Now.Candidates) > 0 {
		fmt.Fprintf(w, "     likeliest topics: %s\n", strings.Join(g.Now.Candidates, ", "))
	}
}

func outcomes(m map[string]int) string {
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	})
	slices.SortStableFunc(keys, func(a, b string) int { return m[b] - m[a] })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s ×%d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func nowText(n *review.Now) string {
	s := string(n.Status)
	switch {
	case n.ID != "":
		s += fmt.Sprintf(" %s (%.2f)", n.ID, n.Confidence)
	case n.Reason != "":
		s += " (" + n.Reason + ")"
	}
	return s
}

// WriteChange says what a change to the knowledge did: written or refused, and the answers it changes.
func WriteChange(w io.Writer, c review.Change) {
	if c.File == "" {
		return
	}
	if c.Before != nil && c.After != nil {
		fmt.Fprintf(w, "This question: %s → %s\n", nowText(c.Before), nowText(c.After))
	}
	if c.Before != nil && c.Before.ReadAs != "" {
		fmt.Fprintf(w, "The bot reads it in Arabic script: %q\n", clip(c.Before.ReadAs, 120))
	}
	for _, d := range c.Changed {
		fmt.Fprintf(w, "  %s:%d %q: %s → %s\n", d.Set, d.Case.Line, clip(d.Case.Q, 80), d.Before, d.After)
	}
	switch {
	case len(c.Refused) > 0:
		fmt.Fprintf(w, "Refused, %s not changed: %s\n", c.File, strings.Join(c.Refused, "; "))
	case c.Written:
		fmt.Fprintf(w, "Written to %s (%s, %s); a running serve reloads it.\n", c.File, c.Topic, c.Lang)
	}
}

// writeEntries lists the topics (or the out-of-scope entries) holding word in their id or title.
func writeEntries(w io.Writer, r Reviewing, outOfScope bool, word string) {
	word = strings.ToLower(word)
	for _, lang := range knowledge.Languages() {
		for _, e := range r.Entries(lang) {
			if (e.Kind == knowledge.OutOfScope) != outOfScope {
				continue
			}
			if word != "" && !strings.Contains(strings.ToLower(e.ID+" "+e.Title), word) {
				continue
			}
			fmt.Fprintf(w, "  %-28s %s  %s\n", e.ID, e.Lang, clip(e.Title, 60))
		}
	}
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
