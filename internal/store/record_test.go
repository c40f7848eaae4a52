package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot/bot"
)

type fixedEngine struct {
	a   bot.Answer
	err error
}

func (f fixedEngine) Answer(context.Context, bot.Question) (bot.Answer, error) { return f.a, f.err }

func TestRecorder(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "faqbot.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	r := NewRecorder(fixedEngine{a: bot.Answer{Lang: "en", Status: bot.NoMatch}}, s, RecorderOptions{Log: log})
	if _, err := r.Answer(ctx, bot.Question{Text: "Jane Doe here, is it covered by insurance?", Platform: "web"}); err != nil {
		t.Fatal(err)
	}
	r.Shown(ctx, "web", "u1", bot.Answer{ID: "pain"})
	if err := r.Feedback(ctx, Feedback{Platform: "web", User: "u1", Lang: "en", AnswerID: "pain", Helpful: false}); err != nil {
		t.Fatal(err)
	}
	r.Close() // writes the queued decision
	rep, err := s.Report(ctx, time.Now().Add(-time.Hour), 5)
	if err != nil {
		t.Fatal(err)
	}
	if rep.ByStatus["no_match"] != 1 || len(rep.Unhelpful) != 1 {
		t.Errorf("report: %+v", rep)
	}
	failing := &Recorder{next: fixedEngine{err: errors.New("boom")}, store: s, log: log}
	if _, err := failing.Answer(ctx, bot.Question{Text: "x"}); err == nil {
		t.Error("engine error: got none")
	}
	_ = s.Close()
	broken := NewRecorder(fixedEngine{a: bot.Answer{Lang: "en", Status: bot.Answered}}, s, RecorderOptions{Log: log})
	if _, err := broken.Answer(ctx, bot.Question{Text: "x"}); err != nil {
		t.Errorf("a store that cannot record must not fail the answer: %v", err)
	}
	broken.Close()
	if !strings.Contains(logs.String(), "recording answers") {
		t.Errorf("a failed write is not logged:\n%s", logs.String())
	}
}

func TestRecorderWritesEveryDecisionUnderLoad(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "faqbot.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := NewRecorder(fixedEngine{a: bot.Answer{Lang: "en", Status: bot.Answered, ID: "pain"}}, s, RecorderOptions{})
	const n = 20000 // more than the queue holds: some answers write their own
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n / 8 {
				if _, err := r.Answer(ctx, bot.Question{Text: "q", Platform: fmt.Sprint("p", g)}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	r.Close()
	rep, err := s.Report(ctx, time.Now().Add(-time.Hour), 5)
	if err != nil || rep.ByStatus["answered"] != n {
		t.Errorf("recorded %d of %d decisions (%v)", rep.ByStatus["answered"], n, err)
	}
}

// TestRecorderTakesFeedbackOnlyOnAnswersGiven: an answer given to a user (even one still queued) takes
// their vote; anything else is refused (issue 11, point 4).
func TestRecorderTakesFeedbackOnlyOnAnswersGiven(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "faqbot.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := NewRecorder(fixedEngine{a: bot.Answer{Lang: "en", Status: bot.Answered, ID: "pain"}}, s, RecorderOptions{})
	defer r.Close()
	if _, err := r.Answer(ctx, bot.Question{Text: "does it hurt?", Platform: "telegram", User: "42"}); err != nil {
		t.Fatal(err)
	}
	vote := func(user, id string, helpful bool) error {
		return r.Feedback(ctx, Feedback{Platform: "telegram", User: user, Lang: "en", AnswerID: id, Helpful: helpful})
	}
	if err := vote("42", "pain", false); err != nil { // at once: the answer given may still be queued
		t.Fatalf("vote on the answer just given: %v", err)
	}
	for _, v := range []struct{ user, id string }{{"43", "pain"}, {"42", "fasting"}, {"42", "=1+1"}} {
		if err := vote(v.user, v.id, false); !errors.Is(err, ErrNotGiven) {
			t.Errorf("vote of %s on %s: got %v, want ErrNotGiven", v.user, v.id, err)
		}
	}
	r.Shown(ctx, "discord", "7", bot.Answer{ID: "fasting"})
	if err := r.Feedback(ctx, Feedback{Platform: "discord", User: "7", Lang: "en", AnswerID: "fasting"}); err != nil {
		t.Errorf("vote on a topic shown: %v", err)
	}
}
