package eval

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
)

// answerFunc is an answerer made of a function.
type answerFunc func(ctx context.Context, q bot.Question) (bot.Answer, error)

func (f answerFunc) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) { return f(ctx, q) }

// fixed answers each question text with its answer in m, and no_match to any other.
func fixed(m map[string]bot.Answer) answerFunc {
	return func(_ context.Context, q bot.Question) (bot.Answer, error) {
		if a, ok := m[q.Text]; ok {
			return a, nil
		}
		return bot.Answer{Status: bot.NoMatch}, nil
	}
}

func TestCompare(t *testing.T) {
	answered := func(id string) bot.Answer { return bot.Answer{Status: bot.Answered, ID: id, Confidence: 0.9} }
	tests := []struct {
		name          string
		before, after bot.Answer
		changed       bool
	}{
		{"same answer", answered("a"), answered("a"), false},
		{"same answer, other confidence and text", answered("a"), bot.Answer{Status: bot.Answered, ID: "a", Confidence: 0.5, Answer: "new"}, false},
		{"another entry", answered("a"), answered("b"), true},
		{"no longer answered", answered("a"), bot.Answer{Status: bot.NoMatch, Reason: bot.ReasonUnsure}, true},
		{"newly answered", bot.Answer{Status: bot.NoMatch}, answered("a"), true},
		{"another reason", bot.Answer{Status: bot.NoMatch, Reason: bot.ReasonUnsure}, bot.Answer{Status: bot.NoMatch, Reason: bot.ReasonOutOfScope}, true},
		{"another tier", bot.Answer{Status: bot.Urgent, Urgency: "clinic"}, bot.Answer{Status: bot.Urgent, Urgency: "emergency"}, true},
		{"same tier", bot.Answer{Status: bot.Urgent, Urgency: "clinic"}, bot.Answer{Status: bot.Urgent, Urgency: "clinic", RedFlag: "other"}, false},
	}
	var cases []Case
	before, after := map[string]bot.Answer{}, map[string]bot.Answer{}
	var want []Change
	for i, tt := range tests {
		c := Case{Q: tt.name, Kind: KindAnswer, IDs: []string{"a"}, Line: i + 1}
		cases = append(cases, c)
		before[tt.name], after[tt.name] = tt.before, tt.after
		if tt.changed {
			want = append(want, Change{Case: c, Before: OutcomeOf(tt.before), After: OutcomeOf(tt.after)})
		}
		t.Run(tt.name, func(t *testing.T) {
			got, err := Compare(context.Background(), fixed(before), fixed(after), []Case{c})
			if err != nil {
				t.Fatal(err)
			}
			if changed := len(got) == 1; changed != tt.changed {
				t.Errorf("got changed %v (%+v), want %v", changed, got, tt.changed)
			}
		})
	}
	got, err := Compare(context.Background(), fixed(before), fixed(after), cases)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("all cases at once: got %+v, want %+v in the order of the cases", got, want)
	}
}

func TestCompareErrors(t *testing.T) {
	fail := answerFunc(func(context.Context, bot.Question) (bot.Answer, error) {
		return bot.Answer{}, errors.New("index closed")
	})
	ok := fixed(nil)
	cases := []Case{{Q: "q", Kind: KindNoMatch, Line: 7}}
	if _, err := Compare(context.Background(), ok, fail, cases); err == nil || err.Error() != "line 7: after: index closed" {
		t.Errorf("got %v, want line 7: after: index closed", err)
	}
	if _, err := Compare(context.Background(), fail, ok, cases); err == nil || !strings.HasPrefix(err.Error(), "line 7: before:") {
		t.Errorf("got %v, want line 7: before: ...", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compare(ctx, ok, ok, cases); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestOutcomeString(t *testing.T) {
	for _, tt := range []struct {
		o    Outcome
		want string
	}{
		{Outcome{Status: bot.Answered, ID: "harvesting"}, "answered harvesting"},
		{Outcome{Status: bot.NoMatch, Reason: bot.ReasonOutOfScope}, "no_match (out_of_scope)"},
		{Outcome{Status: bot.Urgent, Urgency: "emergency"}, "urgent (emergency)"},
	} {
		if got := tt.o.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
