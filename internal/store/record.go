package store

import (
	"context"
	"log/slog"
	"time"

	"github.com/faqbot/faqbot/bot"
)

// answerer is what Recorder wraps: the answer engine.
type answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

// Recorder answers through an engine and records each decision in the store. A store that fails to
// record never fails the answer: the patient gets the reply and the failure is logged.
type Recorder struct {
	next  answerer
	store *Store
	log   *slog.Logger
}

// NewRecorder wraps an engine. A nil logger logs nothing.
func NewRecorder(next answerer, s *Store, log *slog.Logger) *Recorder {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Recorder{next: next, store: s, log: log}
}

// Answer answers q and records the decision (ids, language, status; text only for unanswered questions
// and only when the store keeps it).
func (r *Recorder) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	a, err := r.next.Answer(ctx, q)
	if err != nil {
		return a, err
	}
	e := Event{At: time.Now(), Platform: q.Platform, Lang: a.Lang, Status: string(a.Status), AnswerID: a.ID, RedFlag: a.RedFlag, Text: q.Text}
	if err := r.store.RecordEvent(context.WithoutCancel(ctx), e); err != nil {
		r.log.Error("recording an answer", "status", e.Status, "id", e.AnswerID, "err", err)
	}
	return a, nil
}

// Feedback records a patient's verdict on an answer.
func (r *Recorder) Feedback(ctx context.Context, f Feedback) error {
	if f.At.IsZero() {
		f.At = time.Now()
	}
	return r.store.RecordFeedback(ctx, f)
}
