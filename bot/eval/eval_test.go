package eval

import (
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
)

func TestReadCases(t *testing.T) {
	good := `{"q":"a","lang":"en","kind":"answer","ids":["x"]}` + "\n\n" + `{"q":"b","kind":"urgent"}`
	cases, err := ReadCases(strings.NewReader(good))
	if err != nil || len(cases) != 2 || cases[1].Line != 3 {
		t.Fatalf("got %+v, %v", cases, err)
	}
	for _, tt := range []struct{ in, want string }{
		{`{"q":"a","kind":"answer"}`, "line 1: an answer case needs ids"},
		{`{"q":"","kind":"urgent"}`, "line 1: empty q"},
		{"\n" + `{"q":"a","kind":"maybe"}`, `line 2: kind "maybe"`},
		{`{"q":"a","kind":"urgent","extra":1}`, `line 1: json: unknown field "extra"`},
		{`not json`, "line 1: invalid character"},
	} {
		if _, err := ReadCases(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadCases(%q): got %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestReportScoring(t *testing.T) {
	r := Report{Top1: map[string]*Ratio{}, Top3: map[string]*Ratio{}}
	cases := []struct {
		c  Case
		a  bot.Answer
		ok bool
	}{
		{Case{Kind: KindAnswer, IDs: []string{"x"}}, bot.Answer{Lang: "en", Status: bot.Answered, ID: "x"}, true},
		{Case{Kind: KindAnswer, IDs: []string{"x"}}, bot.Answer{Lang: "en", Status: bot.NoMatch, Matches: []bot.Candidate{{ID: "x"}}}, false},
		{Case{Kind: KindNoMatch}, bot.Answer{Lang: "en", Status: bot.NoMatch}, true},
		{Case{Kind: KindUrgent}, bot.Answer{Lang: "en", Status: bot.Urgent}, true},
		{Case{Kind: KindAnswer, IDs: []string{"y"}}, bot.Answer{Lang: "ar", Status: bot.Urgent}, false},
	}
	for i, tt := range cases {
		if got := r.score(tt.c, tt.a); got != tt.ok {
			t.Errorf("case %d: got %v, want %v", i, got, tt.ok)
		}
	}
	if r.Top1["en"].String() != " 50.0% (1/2)" || r.Top3["en"].Hit != 1 || r.FalseUrgent.Hit != 1 || r.Urgent.Rate() != 1 {
		t.Errorf("got top1 %s top3 %+v false urgent %+v", r.Top1["en"], r.Top3["en"], r.FalseUrgent)
	}
	failed := r.Check(Floors{Top1: map[string]float64{"en": 0.9, "fr": 0.5}, CheckFalse: true})
	if len(failed) != 3 {
		t.Errorf("Check: got %v, want en and fr top-1 and false urgent", failed)
	}
}

func TestTalkScoring(t *testing.T) {
	var r Report
	cases := []struct {
		c  Case
		a  bot.Answer
		ok bool
	}{
		{Case{Kind: KindNoMatch, Lang: "en", Reason: "greeting"}, bot.Answer{Lang: "en", Status: bot.NoMatch, Reason: "greeting"}, true},
		{Case{Kind: KindNoMatch, Lang: "en", Reason: "thanks"}, bot.Answer{Lang: "en", Status: bot.NoMatch, Reason: "unsure"}, false},
		{Case{Kind: KindAnswer, Lang: "ar", IDs: []string{"x"}, Also: []string{"y"}},
			bot.Answer{Lang: "ar", Status: bot.Answered, ID: "y", Also: []bot.Also{{ID: "x"}}}, true},
		{Case{Kind: KindAnswer, Lang: "ar", IDs: []string{"x"}, Also: []string{"y"}}, bot.Answer{Lang: "ar", Status: bot.Answered, ID: "x"}, false},
		// the second question's topic offered, not answered: both in one tap, not both answered
		{Case{Kind: KindAnswer, Lang: "ar", IDs: []string{"x"}, Also: []string{"y"}},
			bot.Answer{Lang: "ar", Status: bot.Answered, ID: "x", AlsoAsked: []bot.Topic{{ID: "y"}}}, false},
		{Case{Kind: KindAnswer, Lang: "ar", IDs: []string{"x"}},
			bot.Answer{Lang: "ar", Status: bot.NoMatch, Reason: "unsure", Suggestions: []bot.Topic{{ID: "z"}, {ID: "x"}}}, false},
		{Case{Kind: KindNoMatch, Lang: "en", Reason: "out_of_scope"}, bot.Answer{Lang: "en", Status: bot.Answered, ID: "z"}, false},
		{Case{Kind: KindUrgent, Lang: "ar"}, bot.Answer{Lang: "en", Status: bot.Urgent}, false}, // urgent, in the wrong language
		// the question answered, and a second answer to a question not asked: a failure to read
		{Case{Kind: KindAnswer, Lang: "en", IDs: []string{"x"}}, bot.Answer{Lang: "en", Status: bot.Answered, ID: "x", Also: []bot.Also{{ID: "w"}}}, false},
	}
	for i, tt := range cases {
		if got := r.score(tt.c, tt.a); got != tt.ok {
			t.Errorf("case %d: got %v, want %v", i, got, tt.ok)
		}
	}
	want := TalkReport{Wrong: Ratio{1, 5}, AlsoWrong: Ratio{1, 2}, OneTap: Ratio{5, 5}, Both: Ratio{1, 3}, BothTap: Ratio{2, 3}, Acts: Ratio{1, 2}, Lang: Ratio{8, 9}}
	r.Talk.ByVariety = nil
	if r.Talk.Wrong != want.Wrong || r.Talk.AlsoWrong != want.AlsoWrong || r.Talk.OneTap != want.OneTap || r.Talk.Both != want.Both || r.Talk.BothTap != want.BothTap || r.Talk.Acts != want.Acts || r.Talk.Lang != want.Lang {
		t.Errorf("got %+v, want %+v", r.Talk, want)
	}
	if r.Urgent != (Ratio{1, 1}) {
		t.Errorf("urgent %+v: a reply in the wrong language is still urgent", r.Urgent)
	}
}
