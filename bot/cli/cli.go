// Package cli owns how clinic staff see the answer engine on a terminal: one question, a batch of
// questions as JSON lines, an interactive chat, and the evaluation report.
package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/guard"
)

// answerer is what the CLI needs from the engine.
type answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

var _ answerer = (*bot.Engine)(nil)

// maxLine bounds one line of batch input: longer lines are answered from their first part.
const maxLine = 1 << 20

// WriteJSON prints one answer as a single JSON object on one line.
func WriteJSON(w io.Writer, a bot.Answer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

// WriteText prints one answer for a person: the reply, its source, the answers to the message's other
// questions and the topics they may be about, related topics or suggestions,
// the disclaimer, then the id, confidence and runner-up matches staff need to judge it.
func WriteText(w io.Writer, a bot.Answer) error {
	var b strings.Builder
	switch a.Status {
	case bot.Urgent:
		fmt.Fprintf(&b, "URGENT (%s)\n%s\n", strings.Trim(a.RedFlag+", "+a.Urgency, ", "), a.Reply)
	case bot.Answered:
		fmt.Fprintf(&b, "%s\n\n%s\n", a.Title, a.Reply)
		if a.Source != "" {
			fmt.Fprintf(&b, "\nSource: %s\n", a.Source)
		}
		for _, x := range a.Also {
			fmt.Fprintf(&b, "\nYou also asked: %s\n%s\n", x.Title, x.Answer)
		}
		writeTopics(&b, "Your other question may be about", a.AlsoAsked)
		writeTopics(&b, "Related", relatedOnly(a))
	default:
		fmt.Fprintf(&b, "%s\n", a.Reply)
		writeTopics(&b, "Topics", a.Suggestions)
	}
	fmt.Fprintf(&b, "\n%s\n", a.Disclaimer)
	fmt.Fprintf(&b, "\n[status=%s id=%s lang=%s confidence=%.2f]\n", a.Status, orDash(a.ID), a.Lang, a.Confidence)
	for i, m := range a.Matches {
		fmt.Fprintf(&b, "  %d. %-28s confidence=%.2f score=%.3f %s\n", i+1, m.ID, m.Confidence, m.Score, m.Title)
	}
	if a.Explanation != nil {
		writeExplanation(&b, a.Explanation)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// relatedOnly are an answer's related topics that answer or may answer none of its message's other
// questions, which are listed above them.
func relatedOnly(a bot.Answer) []bot.Topic {
	var out []bot.Topic
	for _, r := range a.Related {
		asked := slices.ContainsFunc(a.Also, func(x bot.Also) bool { return x.ID == r.ID }) ||
			slices.ContainsFunc(a.AlsoAsked, func(t bot.Topic) bool { return t.ID == r.ID })
		if !asked {
			out = append(out, r)
		}
	}
	return out
}

func writeTopics(b *strings.Builder, label string, ts []bot.Topic) {
	if len(ts) == 0 {
		return
	}
	fmt.Fprintf(b, "%s:\n", label)
	for _, t := range ts {
		fmt.Fprintf(b, "  - %s (%s)\n", t.Title, t.ID)
	}
}

func writeExplanation(b *strings.Builder, ex *bot.Explanation) {
	writeTriage(b, ex.Triage)
	if ex.Terms == nil {
		return // urgent: triage decided before any search
	}
	b.WriteString("Read as:")
	for _, t := range ex.Terms {
		note := ""
		switch {
		case t.Corrected:
			note = " (corrected from " + t.From + ")"
		case t.From != "":
			note = " (from " + t.From + ")"
		case !t.Known:
			note = " (unknown)"
		}
		fmt.Fprintf(b, " %s[w=%.2f]%s", t.Text, t.Weight, note)
	}
	b.WriteString("\n")
	for _, m := range ex.Matches {
		fmt.Fprintf(b, "  %s: question=%v answer=%v coverage=%.2f/%.2f learned=%.2f\n", m.ID, m.Matched["question"], m.Matched["answer"], m.QuestionCoverage, m.Coverage, m.Learned)
	}
	if ex.Act.Act != "" {
		fmt.Fprintf(b, "Learned act: %s %.2f\n", ex.Act.Act, ex.Act.Chance)
	}
}

// writeTriage says what triage read: the red flag and its tier, and what it set aside and why.
func writeTriage(b *strings.Builder, v bot.Verdict) {
	b.WriteString("Triage: ")
	if v.Urgent() {
		fmt.Fprintf(b, "%s (%s)", v.Flag, v.Tier)
	} else {
		b.WriteString("no red flag")
	}
	for i, s := range v.SetAside {
		sep := ", "
		if i == 0 {
			sep = "; set aside: "
		}
		fmt.Fprintf(b, "%s%s (%s)", sep, s.Flag, s.Reason)
	}
	if l := v.Learned; l != nil {
		fmt.Fprintf(b, "; learned layer: red flag %.2f, emergency %.2f, after-effects %.2f", l.Urgent, l.Emergency, l.AfterEffects)
		for i, c := range l.Evidence {
			sep := ", "
			if i == 0 {
				sep = "; evidence: "
			}
			fmt.Fprintf(b, "%s%q %+.2f", sep, c.Feature, c.Weight)
		}
	}
	b.WriteString("\n")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Batch answers one question per input line and writes one JSON object per line, in order. Blank lines
// are answered too (as no_match), so output line n always belongs to input line n; a line longer than
// maxLine is answered from its first maxLine bytes. A line whose answer panics gets
// {"line": n, "error": "..."} (without its text) and the batch goes on; Batch then returns an error
// counting the failed lines.
func Batch(ctx context.Context, eng answerer, r io.Reader, w io.Writer, tmpl bot.Question) error {
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriter(w)
	var panics *guard.Panics
	failed, n := 0, 0
	for {
		line, err := readLine(br)
		if err == io.EOF {
			break
		}
		n++
		if err != nil {
			return fmt.Errorf("read question %d: %w", n, err)
		}
		q := tmpl
		q.Text = line
		var a bot.Answer
		err = panics.Call("cli", func() (err error) { a, err = eng.Answer(ctx, q); return err })
		switch {
		case errors.Is(err, guard.ErrPanic):
			failed++
			err = json.NewEncoder(bw).Encode(lineError{Line: n, Error: "internal error while answering this question"})
		case err != nil:
			return fmt.Errorf("question %d: %w", n, err)
		default:
			err = WriteJSON(bw, a)
		}
		if err != nil {
			return fmt.Errorf("question %d: %w", n, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("batch: %d of %d questions failed with an internal error", failed, n)
	}
	return nil
}

// lineError stands in the output for a question that could not be answered.
type lineError struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// readLine returns the next line without its line ending, keeping at most maxLine bytes of it.
func readLine(br *bufio.Reader) (string, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf) < maxLine {
			buf = append(buf, chunk[:min(len(chunk), maxLine-len(buf))]...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(buf) > 0:
			return strings.TrimRight(string(buf), "\r\n"), nil
		case err != nil:
			return "", err
		}
		return strings.TrimRight(string(buf), "\r\n"), nil
	}
}
