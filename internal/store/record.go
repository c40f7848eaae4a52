package store

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/faqbot/faqbot/bot"
)

// answerer is what Recorder wraps: the answer engine.
type answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

// Recorder answers through an engine and records each decision in the store. A store that fails to
// record never fails the answer: the patient gets the reply and the failure is logged. Decisions are
// written in the background, in batches (one transaction each); when the queue is full the answer
// waits for its own write instead, so nothing is dropped. Close writes what is queued.
type Recorder struct {
	next     answerer
	store    *Store
	log      *slog.Logger
	logText  bool
	feedback *prometheus.CounterVec
	queue    chan Event
	written  chan struct{} // closed when the queue is drained after Close
	mu       sync.RWMutex  // Answer holds it shared while queueing; Close takes it to close the queue
	closed   bool
}

// Event batches: at most this many in one transaction, waiting at most this long for more.
const (
	batchSize  = 256
	batchDelay = 20 * time.Millisecond
	queueSize  = 8192
)

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
		queue: make(chan Event, queueSize), written: make(chan struct{}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_feedback_total", Help: "Feedback on answers, by platform and verdict (helpful, not_helpful).",
		}, []string{"platform", "verdict"})}
	if opts.Metrics != nil {
		if err := opts.Metrics.Register(r.feedback); err != nil {
			return nil, err
		}
	}
	go r.write()
	return r, nil
}

// Close writes the queued decisions and stops the background writer; later answers are written one by
// one.
func (r *Recorder) Close() {
	r.mu.Lock()
	if !r.closed {
		r.closed = true
		close(r.queue)
	}
	r.mu.Unlock()
	<-r.written
}

// write takes decisions off the queue and stores them in batches until the queue is closed.
func (r *Recorder) write() {
	defer close(r.written)
	batch := make([]Event, 0, batchSize)
	for e := range r.queue {
		batch = append(batch[:0], e)
		timeout := time.After(batchDelay)
	fill:
		for len(batch) < batchSize {
			select {
			case e, ok := <-r.queue:
				if !ok {
					break fill
				}
				batch = append(batch, e)
			case <-timeout:
				break fill
			}
		}
		r.save(batch)
	}
}

func (r *Recorder) save(batch []Event) {
	if err := r.store.RecordEvents(context.Background(), batch); err != nil {
		r.log.Error("recording answers", "count", len(batch), "err", err)
	}
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
	if !r.enqueue(e) {
		r.save([]Event{e}) // the writer is behind, or closed: this answer waits for its own write
	}
	return a, nil
}

func (r *Recorder) enqueue(e Event) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		return false
	}
	select {
	case r.queue <- e:
		return true
	default:
		return false
	}
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

// Shown records that an answer was given to a user outside Answer (a topic chosen from a menu), so that
// feedback on it is taken.
func (r *Recorder) Shown(ctx context.Context, platform, user string, a bot.Answer) {
}
