package store

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/faqbot/faqbot/bot"
)

// answerer is what Recorder wraps: the answer engine.
type answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

// Recorder answers through an engine and records each decision in the store. A store that fails to
// record never fails the answer: the patient gets the reply and the failure is logged.
type Recorder struct {
	next     answerer
	store    *Store
	log      *slog.Logger
	logText  bool
	feedback *prometheus.CounterVec
}

// RecorderOptions configure a Recorder.
type RecorderOptions struct {
	Log     *slog.Logger          // nil logs nothing
	LogText bool                  // log patients' question text with each decision (debug level)
	Metrics prometheus.Registerer // where feedback is counted; nil counts nothing
}

// NewRecorder wraps an engine.
func NewRecorder(next answerer, s *Store, opts RecorderOptions) (*Recorder, error) {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	r := &Recorder{next: next, store: s, log: opts.Log, logText: opts.LogText,
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_feedback_total", Help: "Feedback on answers, by platform and verdict (helpful, not_helpful).",
		}, []string{"platform", "verdict"})}
	if opts.Metrics != nil {
		if err := opts.Metrics.Register(r.feedback); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Answer answers q and records the decision (ids, language, status; text only for unanswered questions
// and only when the store keeps it).
func (r *Recorder) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	start := time.Now()
	a, err := r.next.Answer(ctx, q)
	if err != nil {
		return a, err
	}
	attrs := []any{"platform", q.Platform, "lang", a.Lang, "status", a.Status, "id", a.ID,
		"confidence", a.Confidence, "took", time.Since(start)}
	if r.logText {
		attrs = append(attrs, "text", q.Text)
	}
	r.log.Debug("answer", attrs...)
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
	verdict := "not_helpful"
	if f.Helpful {
		verdict = "helpful"
	}
	r.feedback.WithLabelValues(f.Platform, verdict).Inc()
	return r.store.RecordFeedback(ctx, f)
}
