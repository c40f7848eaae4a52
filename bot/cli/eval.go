package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/bot"
)

// Case is one labelled question of an evaluation set (one JSON object per line).
type Case struct {
	Q    string   `json:"q"`
	Lang string   `json:"lang"`
	Kind string   `json:"kind"` // answer, no_match or urgent
	IDs  []string `json:"ids"`
	Line int      `json:"-"`
}

// Case kinds.
const (
	KindAnswer  = "answer"
	KindNoMatch = "no_match"
	KindUrgent  = "urgent"
)

// ReadCases parses an evaluation set, reporting the line of the first malformed case.
func ReadCases(r io.Reader) ([]Case, error) {
	var out []Case
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := readLine(br)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		var c Case
		dec := json.NewDecoder(bytes.NewReader([]byte(line)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		c.Line = n
		if err := c.check(); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, c)
	}
	return out, nil
}

func (c Case) check() error {
	switch {
	case strings.TrimSpace(c.Q) == "":
		return fmt.Errorf("empty q")
	case c.Kind != KindAnswer && c.Kind != KindNoMatch && c.Kind != KindUrgent:
		return fmt.Errorf("kind %q: want answer, no_match or urgent", c.Kind)
	case c.Kind == KindAnswer && len(c.IDs) == 0:
		return fmt.Errorf("an answer case needs ids")
	}
	return nil
}

// Ratio is a count of successes out of a total.
type Ratio struct {
	Hit   int `json:"hit"`
	Total int `json:"total"`
}

// Rate is Hit/Total, or 1 when there was nothing to count.
func (r Ratio) Rate() float64 {
	if r.Total == 0 {
		return 1
	}
	return float64(r.Hit) / float64(r.Total)
}

func (r Ratio) String() string {
	return fmt.Sprintf("%5.1f%% (%d/%d)", 100*r.Rate(), r.Hit, r.Total)
}

func (r *Ratio) add(hit bool) {
	r.Total++
	if hit {
		r.Hit++
	}
}

// Failure is a case the engine got wrong.
type Failure struct {
	Case       Case
	Status     bot.Status
	ID         string
	Confidence float64
	Top        []string
}

// Report is the result of an evaluation.
type Report struct {
	Top1        map[string]*Ratio // per language: answered with a right id
	Top3        map[string]*Ratio // per language: a right id among the first three matches
	Abstain     Ratio             // no_match cases that got no_match
	Urgent      Ratio             // urgent cases flagged urgent
	FalseUrgent Ratio             // other cases flagged urgent
	Failures    []Failure
}

// Evaluate runs every case through the engine.
func Evaluate(ctx context.Context, eng answerer, cases []Case) (Report, error) {
	r := Report{Top1: map[string]*Ratio{}, Top3: map[string]*Ratio{}}
	for _, c := range cases {
		a, err := eng.Answer(ctx, bot.Question{Text: c.Q, Lang: c.Lang, Top: 3})
		if err != nil {
			return r, fmt.Errorf("line %d: %w", c.Line, err)
		}
		if ok := r.score(c, a); !ok {
			f := Failure{Case: c, Status: a.Status, ID: a.ID, Confidence: a.Confidence}
			for _, m := range a.Matches {
				f.Top = append(f.Top, fmt.Sprintf("%s:%.2f", m.ID, m.Confidence))
			}
			r.Failures = append(r.Failures, f)
		}
	}
	return r, nil
}

// score counts one case and reports whether the engine got it right.
func (r *Report) score(c Case, a bot.Answer) bool {
	if c.Kind != KindUrgent {
		r.FalseUrgent.add(a.Status == bot.Urgent)
	}
	switch c.Kind {
	case KindUrgent:
		r.Urgent.add(a.Status == bot.Urgent)
		return a.Status == bot.Urgent
	case KindNoMatch:
		r.Abstain.add(a.Status == bot.NoMatch)
		return a.Status == bot.NoMatch
	}
	lang := a.Lang
	if r.Top1[lang] == nil {
		r.Top1[lang], r.Top3[lang] = &Ratio{}, &Ratio{}
	}
	hit := a.Status == bot.Answered && slices.Contains(c.IDs, a.ID)
	r.Top1[lang].add(hit)
	in3 := false
	for i, m := range a.Matches {
		if i < 3 && slices.Contains(c.IDs, m.ID) {
			in3 = true
		}
	}
	r.Top3[lang].add(in3)
	return hit
}

// Floors are the minimum figures an evaluation must reach; zero values check nothing.
type Floors struct {
	Top1           map[string]float64
	Abstain        float64
	UrgentRecall   float64
	MaxFalseUrgent int
	CheckFalse     bool // whether MaxFalseUrgent applies
}

// Check lists every floor the report falls below.
func (r Report) Check(f Floors) []string {
	var out []string
	for _, lang := range slices.Sorted(maps.Keys(f.Top1)) {
		got := r.Top1[lang]
		if got == nil {
			out = append(out, fmt.Sprintf("top-1 %s: the set has no answer questions in that language", lang))
			continue
		}
		if got.Rate() < f.Top1[lang] {
			out = append(out, fmt.Sprintf("top-1 %s %.1f%% is below %.1f%%", lang, 100*got.Rate(), 100*f.Top1[lang]))
		}
	}
	if r.Abstain.Rate() < f.Abstain {
		out = append(out, fmt.Sprintf("no_match abstention %.1f%% is below %.1f%%", 100*r.Abstain.Rate(), 100*f.Abstain))
	}
	if r.Urgent.Rate() < f.UrgentRecall {
		out = append(out, fmt.Sprintf("urgent recall %.1f%% is below %.1f%%", 100*r.Urgent.Rate(), 100*f.UrgentRecall))
	}
	if f.CheckFalse && r.FalseUrgent.Hit > f.MaxFalseUrgent {
		out = append(out, fmt.Sprintf("%d questions falsely flagged urgent (at most %d allowed)", r.FalseUrgent.Hit, f.MaxFalseUrgent))
	}
	return out
}

// WriteReport prints the figures, then every failure.
func WriteReport(w io.Writer, r Report) error {
	var b strings.Builder
	for _, lang := range slices.Sorted(maps.Keys(r.Top1)) {
		fmt.Fprintf(&b, "%s  top-1 %s  top-3 %s\n", lang, r.Top1[lang], r.Top3[lang])
	}
	fmt.Fprintf(&b, "no_match abstention  %s\n", r.Abstain)
	fmt.Fprintf(&b, "urgent recall        %s\n", r.Urgent)
	fmt.Fprintf(&b, "false urgent         %s\n", r.FalseUrgent)
	if len(r.Failures) > 0 {
		fmt.Fprintf(&b, "\n%d failures:\n", len(r.Failures))
	}
	for _, f := range r.Failures {
		fmt.Fprintf(&b, "  line %d [%s %s want %s] got %s %s (%.2f) top=%s: %s\n", f.Case.Line, f.Case.Lang, f.Case.Kind,
			strings.Join(f.Case.IDs, ","), f.Status, orDash(f.ID), f.Confidence, strings.Join(f.Top, " "), f.Case.Q)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
