package store

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// TestDashboard: questions per UTC day (gaps included) by platform and language, outcomes, votes per
// topic and latency percentiles, on each backend; nothing from before since.
func TestDashboard(t *testing.T) {
	ctx := context.Background()
	day1 := time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC)
	day3 := time.Date(2026, 3, 3, 0, 15, 0, 0, time.UTC)
	ms := time.Millisecond
	events := []Event{
		{At: day1, Platform: "telegram", Lang: "en", Status: "answered", AnswerID: "pain", Confidence: 0.9, Took: 10 * ms},
		{At: day1, Platform: "telegram", Lang: "ar", Status: "answered", AnswerID: "pain", Confidence: 0.9, Took: 20 * ms},
		{At: day1, Platform: "discord", Lang: "en", Status: "urgent", RedFlag: "fever", Took: 30 * ms},
		{At: day1, Platform: "telegram", Lang: "en", Status: "no_match", Reason: "greeting", Took: 40 * ms},
		{At: day3, Platform: "discord", Lang: "ar", Status: "no_match", Reason: "unsure", Text: "عندي سؤال", Took: 50 * ms},
		{At: day3, Platform: "telegram", Lang: "en", Status: "no_match", Reason: "out_of_scope", Text: "parking?", Took: 60 * ms},
		{At: day3, Platform: "telegram", Lang: "en", Status: "no_match", Reason: "out_of_scope", Text: "Parking ?", Took: 70 * ms},
		{At: day3, Platform: "telegram", Lang: "en", Status: "no_match", Reason: "empty", Took: 80 * ms},
		{At: day3, Platform: "web", Lang: "en", Status: "no_match", Reason: "thanks", Took: 90 * ms},
		{At: day3, Platform: "web", Lang: "en", Status: "answered", AnswerID: "harvesting", Confidence: 0.9}, // no time measured
		{At: day1.AddDate(0, 0, -10), Platform: "cli", Lang: "en", Status: "answered", AnswerID: "old", Took: time.Hour},
	}
	votes := []Feedback{
		{At: day3, Platform: "telegram", User: "1", Lang: "en", AnswerID: "pain", Helpful: true},
		{At: day3, Platform: "telegram", User: "2", Lang: "en", AnswerID: "pain", Helpful: false},
		{At: day3, Platform: "telegram", User: "3", Lang: "ar", AnswerID: "pain", Helpful: true},
		{At: day3, Platform: "web", User: "4", Lang: "en", AnswerID: "harvesting", Helpful: false},
		{At: day1.AddDate(0, 0, -10), Platform: "cli", User: "5", Lang: "en", AnswerID: "old", Helpful: false},
	}
	for name, s := range backends(t, Options{KeepUnansweredText: true}) {
		t.Run(name, func(t *testing.T) {
			seedDashboard(t, s, events, votes)
			d, err := s.Dashboard(ctx, day1.Add(-48*time.Hour), 10)
			if err != nil {
				t.Fatal(err)
			}
			checkDays(t, d.Days)
			if want := []string{"telegram", "discord", "web"}; !reflect.DeepEqual(d.Platforms, want) {
				t.Errorf("platforms: got %v, want %v", d.Platforms, want)
			}
			if want := []string{"en", "ar"}; !reflect.DeepEqual(d.Langs, want) {
				t.Errorf("langs: got %v, want %v", d.Langs, want)
			}
			if want := (Outcomes{Answered: 3, Clarified: 1, NoMatch: 3, Conversation: 2, Urgent: 1}); d.Outcomes != want {
				t.Errorf("outcomes: got %+v, want %+v", d.Outcomes, want)
			}
			if want := []Helpfulness{{"pain", 2, 1}, {"harvesting", 0, 1}}; !reflect.DeepEqual(d.Feedback, want) {
				t.Errorf("feedback: got %+v, want %+v", d.Feedback, want)
			}
			if want := (Latency{Count: 9, P50: 50 * ms, P90: 90 * ms, P99: 90 * ms}); d.Latency != want {
				t.Errorf("latency: got %+v, want %+v", d.Latency, want)
			}
			if len(d.Unanswered) != 2 || d.Unanswered[0].Count != 2 || d.Unanswered[0].Example == "" {
				t.Errorf("unanswered groups: got %+v, want parking twice first, then the Arabic one", d.Unanswered)
			}
		})
	}
}

// checkDays checks the days of TestDashboard: two with questions and the empty one between them.
func checkDays(t *testing.T, days []Day) {
	t.Helper()
	want := []Day{
		{Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Total: 4,
			ByPlatform: map[string]int{"telegram": 3, "discord": 1}, ByLang: map[string]int{"en": 3, "ar": 1}},
		{Date: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), ByPlatform: map[string]int{}, ByLang: map[string]int{}},
		{Date: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), Total: 6,
			ByPlatform: map[string]int{"telegram": 3, "discord": 1, "web": 2}, ByLang: map[string]int{"en": 5, "ar": 1}},
	}
	if !reflect.DeepEqual(days, want) {
		t.Errorf("days:\ngot  %+v\nwant %+v", days, want)
	}
}

// seedDashboard records events, and votes on answers given to their voters.
func seedDashboard(t *testing.T, s *Store, events []Event, votes []Feedback) {
	t.Helper()
	ctx := context.Background()
	if err := s.RecordEvents(ctx, events); err != nil {
		t.Fatal(err)
	}
	for _, f := range votes {
		if err := s.RecordGiven(ctx, Given{At: f.At, Platform: f.Platform, User: f.User, AnswerID: f.AnswerID}); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDashboardEmpty: a store without records gives an empty dashboard, not an error.
func TestDashboardEmpty(t *testing.T) {
	for name, s := range backends(t, Options{}) {
		t.Run(name, func(t *testing.T) {
			d, err := s.Dashboard(context.Background(), time.Now().Add(-7*24*time.Hour), 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Days) != 0 || d.Outcomes.Total() != 0 || len(d.Feedback) != 0 || d.Latency != (Latency{}) || len(d.Unanswered) != 0 {
				t.Errorf("got %+v, want an empty dashboard", d)
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	hundred := make([]int64, 100)
	for i := range hundred {
		hundred[i] = int64(i + 1)
	}
	tests := []struct {
		name   string
		sorted []int64
		p      int
		want   time.Duration
	}{
		{"none", nil, 50, 0},
		{"one", []int64{7}, 99, 7 * time.Microsecond},
		{"median of two", []int64{1, 2}, 50, time.Microsecond},
		{"p50 of 100", hundred, 50, 50 * time.Microsecond},
		{"p90 of 100", hundred, 90, 90 * time.Microsecond},
		{"p99 of 100", hundred, 99, 99 * time.Microsecond},
		{"p99 of 10", hundred[:10], 99, 10 * time.Microsecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHelpfulnessRate(t *testing.T) {
	for _, tt := range []struct {
		h    Helpfulness
		want float64
	}{
		{Helpfulness{}, 0},
		{Helpfulness{Helpful: 3, NotHelpful: 1}, 0.75},
		{Helpfulness{NotHelpful: 2}, 0},
	} {
		if got := tt.h.Rate(); got != tt.want {
			t.Errorf("%+v: got %v, want %v", tt.h, got, tt.want)
		}
	}
}
