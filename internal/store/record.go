package store

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/faqbot/faqbot/bot"
)

// answerer is what Recorder wraps: the answer engine.
type answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

// Recorder answers through an engine and records each decision in the store. A store that fails to
// record never fails the answer: the patient gets the reply and the failure is logged. Decisions are
// written in the background, in batches (one transaction each); when the queue is full the answer
// waits for its own write instead, so nothing is dropped. Close writes what is queued. An answer given
// to a named user (bot.Question.User, or a topic Shown) is recorded as given with its decision: feedback
// is taken on nothing else.
type Recorder struct {
	next    answerer
	store   *Store
	log     *slog.Logger // failed writes
	queue   chan record
	written chan struct{} // closed when the queue is drained after Close
	mu      sync.RWMutex  // Answer holds it shared while queueing; Close takes it to close the queue
	closed  bool

	pendingMu sync.Mutex
	pending   map[Given]int // answers given that are queued and not yet written, At left zero
}

// record is one queued write: a decision, an answer given to a user, or both.
type record struct {
	event    Event
	hasEvent bool
	given    Given // no AnswerID: none
}

// Event batches: at most this many in one transaction, waiting at most this long for more.
const (
	batchSize  = 256
	batchDelay = 20 * time.Millisecond
	queueSize  = 8192
)

// RecorderOptions configure a Recorder.
type RecorderOptions struct {
	Log *slog.Logger // where failed writes are logged; nil logs nothing
}

// NewRecorder wraps an engine.
func NewRecorder(next answerer, s *Store, opts RecorderOptions) *Recorder {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	r := &Recorder{next: next, store: s, log: opts.Log,
		queue: make(chan record, queueSize), written: make(chan struct{}), pending: map[Given]int{}}
	go r.write()
	return r
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
	batch := make([]record, 0, batchSize)
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

func (r *Recorder) save(batch []record) {
	var events []Event
	var given []Given
	for _, rec := range batch {
		if rec.hasEvent {
			events = append(events, rec.event)
		}
		if rec.given.AnswerID != "" {
			given = append(given, rec.given)
		}
	}
	if err := r.store.Record(context.Background(), events, given); err != nil {
		r.log.Error("recording answers", "count", len(batch), "err", err)
	}
	r.pendingMu.Lock()
	defer r.pendingMu.Unlock()
	for _, g := range given {
		g.At = time.Time{}
		if r.pending[g]--; r.pending[g] <= 0 {
			delete(r.pending, g)
		}
	}
}

// Answer answers q and records the decision (ids, language, status, confidence, reason; text only for
// questions kept for review, and only when the store keeps it).
func (r *Recorder) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	start := time.Now()
	a, err := r.next.Answer(ctx, q)
	if err != nil {
		return a, err
	}
	now := time.Now()
	rec := record{hasEvent: true,
		event: Event{At: now, Platform: q.Platform, Lang: a.Lang, Status: string(a.Status), AnswerID: a.ID, RedFlag: a.RedFlag,
			Text: q.Text, Confidence: a.Confidence, Reason: a.Reason, Took: now.Sub(start)}}
	if a.Status == bot.Answered && q.User != "" && a.ID != "" {
		rec.given = Given{At: now, Platform: q.Platform, User: q.User, AnswerID: a.ID}
	}
	r.put(rec)
	return a, nil
}

// Shown records that an answer was given to a user outside Answer (a topic chosen from a menu), so that
// feedback on it is taken.
func (r *Recorder) Shown(_ context.Context, platform, user string, a bot.Answer) {
	if user == "" || a.ID == "" {
		return
	}
	r.put(record{given: Given{At: time.Now(), Platform: platform, User: user, AnswerID: a.ID}})
}

// put queues a write, or makes it at once when the writer is behind or closed.
func (r *Recorder) put(rec record) {
	if rec.given.AnswerID != "" {
		key := rec.given
		key.At = time.Time{}
		r.pendingMu.Lock()
		r.pending[key]++
		r.pendingMu.Unlock()
	}
	if !r.enqueue(rec) {
		r.save([]record{rec}) // this answer waits for its own write
	}
}

func (r *Recorder) enqueue(rec record) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		return false
	}
	select {
	case r.queue <- rec:
		return true
	default:
		return false
	}
}

// queued reports whether an answer given to a user waits in the queue, not yet written.
func (r *Recorder) queued(platform, user, answerID string) bool {
	r.pendingMu.Lock()
	defer r.pendingMu.Unlock()
	return r.pending[Given{Platform: platform, User: user, AnswerID: answerID}] > 0
}

// Feedback records a user's verdict on an answer given to them, replacing their earlier verdict on it;
// on any other answer it returns an error wrapping ErrNotGiven. An answer given a moment ago, still in
// the queue, is written first.
func (r *Recorder) Feedback(ctx context.Context, f Feedback) error {
	if f.At.IsZero() {
		f.At = time.Now()
	}
	err := r.store.RecordFeedback(ctx, f)
	if errors.Is(err, ErrNotGiven) && r.queued(f.Platform, f.User, f.AnswerID) {
		if err = r.store.RecordGiven(ctx, Given{At: f.At, Platform: f.Platform, User: f.User, AnswerID: f.AnswerID}); err == nil {
			err = r.store.RecordFeedback(ctx, f)
		}
	}
	return err
}
