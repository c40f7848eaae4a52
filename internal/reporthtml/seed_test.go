package reporthtml

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/store"
)

// writeReport writes to path the report of a SQLite store: seeded with a week of questions on two
// platforms in two languages, votes and unanswered text (one of them a script), or else empty.
func writeReport(t *testing.T, path string, seed bool) {
	t.Helper()
	ctx := t.Context()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "faqbot.db"), store.Options{KeepUnansweredText: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -6)
	if seed {
		if err := s.RecordEvents(ctx, week(start)); err != nil {
			t.Fatal(err)
		}
		vote(t, s, start)
	}
	d, err := s.Dashboard(ctx, start.AddDate(0, 0, -1), 10)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := Render(f, d, Options{}); err != nil {
		t.Fatal(err)
	}
}

// week is seven days of questions from start, more on some days than others.
func week(start time.Time) []store.Event {
	answers := []string{"what-to-wear", "session-duration", "pain", "fasting", "harvesting"}
	unanswered := []struct{ text, lang string }{
		{"how much does it cost?", "en"}, {"كم سعر الجلسة؟", "ar"}, {"<script>alert(1)</script>", "en"}, {"is there parking?", "en"},
	}
	var events []store.Event
	for day := range 7 {
		for i := range 6 + day*3%11 {
			e := store.Event{At: start.AddDate(0, 0, day).Add(time.Duration(9+i%9) * time.Hour),
				Platform: []string{"telegram", "web"}[i%3/2], Lang: []string{"en", "ar"}[(i+day)%3/2],
				Status: "answered", AnswerID: answers[(i+day)%len(answers)], Confidence: 0.9,
				Took: time.Duration(20+(i*37+day*11)%180) * time.Millisecond}
			switch q := unanswered[(i+day)%len(unanswered)]; i % 7 {
			case 3:
				e.Status, e.AnswerID, e.Reason, e.Text, e.Lang = "no_match", "", "out_of_scope", q.text, q.lang
			case 5:
				e.Status, e.AnswerID, e.Reason = "no_match", "", "greeting"
			case 6:
				e.Status, e.AnswerID, e.Reason, e.Text, e.Lang = "no_match", "", "unsure", unanswered[day%2].text, unanswered[day%2].lang
			}
			if day == 4 && i == 0 {
				e.Status, e.AnswerID, e.RedFlag = "urgent", "", "fever"
			}
			events = append(events, e)
		}
	}
	return events
}

// vote records patients' votes on answers given to them.
func vote(t *testing.T, s *store.Store, at time.Time) {
	t.Helper()
	for i, v := range []struct {
		id   string
		good int
		bad  int
	}{{"what-to-wear", 9, 1}, {"pain", 4, 3}, {"session-duration", 6, 0}, {"fasting", 1, 3}} {
		for n := range v.good + v.bad {
			user := fmt.Sprintf("user-%d-%d", i, n)
			if err := s.RecordGiven(t.Context(), store.Given{At: at, Platform: "telegram", User: user, AnswerID: v.id}); err != nil {
				t.Fatal(err)
			}
			f := store.Feedback{At: at, Platform: "telegram", Lang: "en", User: user, AnswerID: v.id, Helpful: n < v.good}
			if err := s.RecordFeedback(t.Context(), f); err != nil {
				t.Fatal(err)
			}
		}
	}
}
