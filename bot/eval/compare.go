package eval

import (
	"context"
	"fmt"

	"github.com/faqbot/faqbot/bot"
)

// Outcome is what a patient gets for a question, as far as an edit of the knowledge can change it: the
// status, the id answered, the reason of a no_match and the tier of an urgent answer.
type Outcome struct {
	Status  bot.Status `json:"status"`
	ID      string     `json:"id,omitempty"`
	Reason  string     `json:"reason,omitempty"`
	Urgency string     `json:"urgency,omitempty"`
}

// OutcomeOf is the outcome of an answer.
func OutcomeOf(a bot.Answer) Outcome {
	return Outcome{Status: a.Status, ID: a.ID, Reason: a.Reason, Urgency: a.Urgency}
}

// String reads as "answered harvesting", "no_match (out_of_scope)" or "urgent (emergency)".
func (o Outcome) String() string {
	s := string(o.Status)
	if o.ID != "" {
		s += " " + o.ID
	}
	for _, detail := range []string{o.Reason, o.Urgency} {
		if detail != "" {
			s += " (" + detail + ")"
		}
	}
	return s
}

// Change is a case whose outcome differs between two engines.
type Change struct {
	Case   Case    `json:"case"`
	Before Outcome `json:"before"`
	After  Outcome `json:"after"`
}

// Compare asks both engines every case, as Evaluate asks one, and returns the cases whose outcome
// differs, in the order of cases: what an edit of the knowledge changes when before runs on the
// knowledge as it is and after on the edited one.
func Compare(ctx context.Context, before, after answerer, cases []Case) ([]Change, error) {
	var out []Change
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := outcome(ctx, before, c)
		if err != nil {
			return nil, fmt.Errorf("line %d: before: %w", c.Line, err)
		}
		a, err := outcome(ctx, after, c)
		if err != nil {
			return nil, fmt.Errorf("line %d: after: %w", c.Line, err)
		}
		if a != b {
			out = append(out, Change{Case: c, Before: b, After: a})
		}
	}
	return out, nil
}

// outcome asks eng one case, with the question Evaluate asks.
func outcome(ctx context.Context, eng answerer, c Case) (Outcome, error) {
	a, err := eng.Answer(ctx, bot.Question{Text: c.Q, Top: 3})
	if err != nil {
		return Outcome{}, err
	}
	return OutcomeOf(a), nil
}
