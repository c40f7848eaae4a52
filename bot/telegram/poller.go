package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/guard"
)

// emptyPollPause is the pause after a poll that brought no update.
const emptyPollPause = 50 * time.Millisecond

// DefaultProbeEvery is how often idle polling checks that update ids did not start again (see probe).
const DefaultProbeEvery = time.Minute

// updatesAPI is what polling needs from the Bot API client.
type updatesAPI interface {
	GetUpdates(config tgbotapi.UpdateConfig) ([]tgbotapi.Update, error)
}

// Cursor is where polling stands: the offset Telegram last confirmed (every update before it is gone),
// and the bot whose updates it counts. Update ids belong to one bot and one Bot API server's history.
type Cursor struct {
	Bot    int64 // the bot's id (getMe); 0 when not known (saved before bots were recorded)
	Offset int
}

// State is what must survive a restart and be shared by replicas: where polling stands, and which
// updates are answered or being answered.
type State interface {
	Offset(ctx context.Context) (Cursor, error)
	SaveOffset(ctx context.Context, c Cursor) error
	// ForgetClaims drops the claims of updates from id `from` on: update ids are handed out again (another
	// bot, or a Bot API server that started numbering again), so a claim there is of another update.
	ForgetClaims(ctx context.Context, from int) error
	// Claim takes an update for answering; only ClaimWon may answer it.
	Claim(ctx context.Context, updateID int) (Claim, error)
	Complete(ctx context.Context, updateID int) error // the claimed update was answered
	Release(ctx context.Context, updateID int) error  // answering failed: a redelivery may claim it
	Blocked(ctx context.Context, chatID int64) error  // the user stopped or blocked the bot
}

// Claim is what claiming an update found.
type Claim int

const (
	ClaimWon      Claim = iota // answer it
	ClaimAnswered              // answered before: acknowledge it and do nothing
	ClaimBusy                  // another replica is answering it now: have it delivered again later
)

// errNotClaimed is returned for an update that cannot be claimed now (store unreachable, or another
// replica answering it): it must be delivered or tried again, not dropped.
var errNotClaimed = errors.New("update not claimed")

// Poller receives updates by long polling and answers them. Each chat has its own queue, answered in
// order by its own goroutine, and at most `workers` updates are handled or sent at once; a chat waiting
// on its own rate limit holds no slot, so a slow or failing chat holds up only itself. Telegram is told an update is handled (the offset moves past it) only once it
// and every update before it are answered; updates fetched again meanwhile are not queued twice, and a
// restart re-fetches what was not answered. At most one poll's worth (100) of updates waits in memory.
type Poller struct {
	*responder
	api        updatesAPI
	wait       time.Duration // long-poll timeout
	bot        int64         // whose updates these are; 0: not checked
	probeEvery time.Duration
	retry      backoff.Policy // waits after a failed poll, offset read or claim
	cursor     cursor         // touched by Run's goroutine only

	mu       sync.Mutex
	queues   map[int64][]tgbotapi.Update // per chat: fetched, not yet started
	running  map[int64]bool              // chats with a goroutine answering them
	inFlight map[int]bool                // fetched and not yet answered
	order    []int                       // fetched update ids, oldest first, until answered
	next     int                         // the offset past every fetched update
	drains   sync.WaitGroup
}

// responder answers one update at a time, for the poller and the webhook alike.
type responder struct {
	handler *Handler
	sender  *Sender
	state   State
	log     *slog.Logger
	panics  *guard.Panics
	slots   chan struct{} // bounds the updates being handled or sent at once; nil: no bound
	// step bounds each store call and the answer of one update (not its delivery, which retries through
	// an API outage); 0: no bound of its own (the webhook has one for the whole delivery).
	step time.Duration
}

func newResponder(h *Handler, s *Sender, st State, log *slog.Logger, panics *guard.Panics) *responder {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &responder{handler: h, sender: s, state: st, log: log, panics: panics}
}

// PollerOptions configure a poller.
type PollerOptions struct {
	Workers    int           // updates answered at once; at least 1
	Bot        int64         // the bot's id (getMe), to see a saved offset of another bot's; 0 checks none
	ProbeEvery time.Duration // how often idle polling checks update ids did not start again; 0: DefaultProbeEvery
	Log        *slog.Logger  // nil logs nothing
	Panics     *guard.Panics // recovers a panic while answering one update; nil still recovers
	// UpdateTimeout bounds each store call (claim, complete, release) and the answer of one update, so
	// that a hung store or engine holds up no shutdown; the delivery is not bounded by it (it retries
	// through an API outage, and ends with shutdown). 0: DefaultUpdateTimeout.
	UpdateTimeout time.Duration
	// Retry spaces the tries of a failed poll, offset read or claim; they go on until shutdown, whatever
	// its MaxAttempts. Zero: DefaultPollRetry. (Replies are retried by the Sender's policy.)
	Retry backoff.Policy
}

// DefaultPollRetry waits 1 s after a failed poll, offset read or claim, doubling up to 15 s, the upper
// half of each at random.
func DefaultPollRetry() backoff.Policy {
	return backoff.Policy{Base: time.Second, Max: 15 * time.Second, Jitter: 0.5}
}

// DefaultUpdateTimeout is the deadline of each store call and of answering one polled update.
const DefaultUpdateTimeout = 30 * time.Second

// NewPoller builds a poller.
func NewPoller(api updatesAPI, h *Handler, s *Sender, st State, opts PollerOptions) *Poller {
	r := newResponder(h, s, st, opts.Log, opts.Panics)
	r.slots = make(chan struct{}, max(1, opts.Workers))
	probe := opts.ProbeEvery
	if probe <= 0 {
		probe = DefaultProbeEvery
	}
	timeout := opts.UpdateTimeout
	if timeout <= 0 {
		timeout = DefaultUpdateTimeout
	}
	r.step = timeout
	retry := opts.Retry
	if retry == (backoff.Policy{}) {
		retry = DefaultPollRetry()
	}
	retry.MaxAttempts = 0
	return &Poller{responder: r, api: api, wait: 10 * time.Second, bot: opts.Bot, probeEvery: probe, retry: retry,
		queues: map[int64][]tgbotapi.Update{}, running: map[int64]bool{}, inFlight: map[int]bool{}}
}

// Run polls until ctx ends, then lets each chat finish the update it is answering (queued ones wait for
// the next start, still unconfirmed to Telegram). After each poll it saves the offset Telegram has just
// confirmed; updates fetched again after a restart were claimed, and are not answered twice.
func (p *Poller) Run(ctx context.Context) error {
	if err := p.resume(ctx); err != nil {
		return err
	}
	failures := 0
	for ctx.Err() == nil {
		offset := p.watermark()
		updates, err := p.api.GetUpdates(tgbotapi.UpdateConfig{Offset: offset, Limit: 100, Timeout: int(p.wait / time.Second)})
		if err != nil {
			failures++
			p.log.Warn("telegram getUpdates failed", "attempt", failures, "err", err)
			if p.retry.Wait(ctx, failures-1) != nil {
				break
			}
			continue
		}
		failures = 0
		if p.received(ctx, updates, offset) == 0 {
			p.probeIdle(ctx)
			// Nothing new: Telegram answers so only after the long-poll timeout, or while updates are
			// still being answered; either way, do not ask again in a tight loop.
			_ = backoff.Sleep(ctx, emptyPollPause)
		}
	}
	p.drains.Wait()
	return nil
}

// watermark is the offset to confirm: the oldest update not yet answered, or past every fetched one.
func (p *Poller) watermark() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.order) > 0 {
		return p.order[0]
	}
	return p.next
}

// enqueue queues the updates not already queued or answering, and starts a goroutine for each chat that
// has none. It returns how many were new.
func (p *Poller) enqueue(ctx context.Context, updates []tgbotapi.Update) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	fresh := 0
	for _, u := range updates {
		if p.inFlight[u.UpdateID] || u.UpdateID < p.next {
			continue // queued or being answered, or answered already: Telegram sends again until confirmed
		}
		fresh++
		p.inFlight[u.UpdateID] = true
		p.order = append(p.order, u.UpdateID)
		p.next = max(p.next, u.UpdateID+1)
		chat := chatOf(u)
		p.queues[chat] = append(p.queues[chat], u)
		if !p.running[chat] {
			p.running[chat] = true
			p.drains.Add(1)
			go p.drain(ctx, chat)
		}
	}
	return fresh
}

// drain answers one chat's queue in order until it is empty or ctx ends.
func (p *Poller) drain(ctx context.Context, chat int64) {
	defer p.drains.Done()
	for {
		p.mu.Lock()
		q := p.queues[chat]
		if len(q) == 0 || ctx.Err() != nil {
			delete(p.queues, chat)
			delete(p.running, chat)
			p.mu.Unlock()
			return
		}
		u := q[0]
		p.queues[chat] = q[1:]
		p.mu.Unlock()

		if !p.oneRetrying(ctx, u) {
			return // shutting down with u unanswered: the offset stays before it
		}
		p.answered(u.UpdateID)
	}
}

// oneRetrying answers an update, trying again while it cannot be claimed (the store briefly
// unreachable, or hung past the step timeout) until ctx ends; other failures are logged and polling
// moves on rather than stall the chat. It reports false when ctx ended first.
func (p *Poller) oneRetrying(ctx context.Context, u tgbotapi.Update) bool {
	err := p.retry.Do(ctx, func() error {
		if err := p.guarded(context.WithoutCancel(ctx), u, p.sendAll); errors.Is(err, errNotClaimed) {
			return err
		}
		return nil
	}, nil)
	if err == nil {
		return true
	}
	p.mu.Lock()
	delete(p.queues, chatOf(u))
	delete(p.running, chatOf(u))
	p.mu.Unlock()
	return false
}

// answered retires an update and moves the watermark past every answered one at the front.
func (p *Poller) answered(id int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.inFlight, id)
	for len(p.order) > 0 && !p.inFlight[p.order[0]] {
		p.order = p.order[1:]
	}
}

// deliverFunc gets an update's replies to Telegram; an error leaves the update to be delivered again.
type deliverFunc func(ctx context.Context, u tgbotapi.Update, reqs []tgbotapi.Chattable) error

// one claims an update, answers it, delivers the answer and completes the claim. An update answered
// before is skipped; one that cannot be claimed returns errNotClaimed; one that cannot be handled (the
// engine failing) or delivered gives its claim back and returns the error: a webhook then asks Telegram
// to deliver it again.
func (p *responder) one(ctx context.Context, u tgbotapi.Update, deliver deliverFunc) error {
	defer p.sender.metrics.Start(updateType(u))()
	claim, err := withStep(ctx, p.step, func(ctx context.Context) (Claim, error) { return p.state.Claim(ctx, u.UpdateID) })
	switch {
	case err != nil:
		p.log.Error("claiming a telegram update", "update", u.UpdateID, "err", err)
		return fmt.Errorf("%w: %w", errNotClaimed, err)
	case claim == ClaimAnswered:
		return nil
	case claim == ClaimBusy:
		return errNotClaimed
	}
	release := p.acquire()
	reqs, err := withStep(ctx, p.step, func(ctx context.Context) ([]tgbotapi.Chattable, error) { return p.handle(ctx, u) })
	release()
	if err == nil {
		err = deliver(ctx, u, reqs)
	}
	if err != nil {
		p.log.Error("answering a telegram update", "update", u.UpdateID, "err", err)
		if _, err := withStep(context.WithoutCancel(ctx), p.step, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, p.state.Release(ctx, u.UpdateID)
		}); err != nil {
			p.log.Error("releasing a telegram update", "update", u.UpdateID, "err", err)
		}
		return err
	}
	if _, err := withStep(context.WithoutCancel(ctx), p.step, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, p.state.Complete(ctx, u.UpdateID)
	}); err != nil {
		p.log.Error("completing a telegram update", "update", u.UpdateID, "err", err)
	}
	return nil
}

// withStep runs f under ctx, bounded by step when it is positive.
func withStep[T any](ctx context.Context, step time.Duration, f func(context.Context) (T, error)) (T, error) {
	if step <= 0 {
		return f(ctx)
	}
	ctx, cancel := context.WithTimeout(ctx, step)
	defer cancel()
	return f(ctx)
}

// sendAll sends an update's replies through the Bot API in order, each when the chat's rate limit
// allows. A reply that fails after its retries is logged and the next is sent: it is not worth sending
// the others again. It returns an error only when ctx ends first.
func (p *responder) sendAll(ctx context.Context, u tgbotapi.Update, reqs []tgbotapi.Chattable) error {
	chat, group := chatOf(u), isGroup(u)
	for _, r := range reqs {
		if err := p.sender.WaitChat(ctx, chat, group); err != nil {
			return err
		}
		release := p.acquire()
		err := p.sender.send(ctx, r)
		release()
		if err == nil {
			continue
		}
		if errors.Is(err, ErrBlocked) {
			p.log.Info("telegram user blocked the bot; reply dropped", "update", u.UpdateID)
			if err := p.state.Blocked(ctx, chat); err != nil {
				p.log.Error("recording a blocked chat", "err", err)
			}
			return nil
		}
		p.log.Error("sending a telegram reply", "update", u.UpdateID, "err", err)
	}
	return nil
}

// acquire takes a slot, when slots are bounded, and returns its release.
func (p *responder) acquire() func() {
	if p.slots == nil {
		return func() {}
	}
	p.slots <- struct{}{}
	return func() { <-p.slots }
}

// chatOf is the chat an update belongs to (0 for inline queries, which have none).
func chatOf(u tgbotapi.Update) int64 {
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		return u.Message.Chat.ID
	case u.EditedMessage != nil && u.EditedMessage.Chat != nil:
		return u.EditedMessage.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil && u.CallbackQuery.Message.Chat != nil:
		return u.CallbackQuery.Message.Chat.ID
	}
	return 0
}

func isGroup(u tgbotapi.Update) bool {
	for _, m := range []*tgbotapi.Message{u.Message, u.EditedMessage} {
		if m != nil && m.Chat != nil {
			return !m.Chat.IsPrivate()
		}
	}
	if c := u.CallbackQuery; c != nil && c.Message != nil && c.Message.Chat != nil {
		return !c.Message.Chat.IsPrivate()
	}
	return false
}
