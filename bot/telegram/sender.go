package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"golang.org/x/time/rate"
)

// requester is what the sender needs from the Bot API client: *tgbotapi.BotAPI, or a fake in tests.
type requester interface {
	Request(c tgbotapi.Chattable) (*tgbotapi.APIResponse, error)
}

// Limits are the send rates, per second; zero means no limit (a self-hosted Bot API server, a test
// server). Telegram's own limits are about 30 messages/s overall, 1/s per private chat and 20/min per group.
type Limits struct {
	Global, Chat, Group float64
}

// DefaultLimits stay under Telegram's documented limits.
func DefaultLimits() Limits { return Limits{Global: 30, Chat: 1, Group: 20.0 / 60} }

// Retry bounds how a failing request is tried again: 5xx answers, timeouts and network errors wait
// Base, doubling up to Max with jitter, for at most Attempts tries; a 429 waits what Telegram says.
type Retry struct {
	Attempts  int
	Base, Max time.Duration
}

// DefaultRetry tries nine times over 37 to 75 seconds (jitter included), so that a reply outlives a
// half-minute outage of the Bot API.
func DefaultRetry() Retry {
	return Retry{Attempts: 9, Base: 500 * time.Millisecond, Max: 15 * time.Second}
}

// ErrBlocked means the user stopped or blocked the bot (403): the reply is dropped, not retried.
var ErrBlocked = errors.New("telegram: the user blocked the bot")

// Sender sends requests within the rate limits, retrying what can succeed later.
type Sender struct {
	api     requester
	limits  Limits
	retry   Retry
	global  *rate.Limiter
	log     *slog.Logger
	sleep   func(ctx context.Context, d time.Duration) error
	metrics *Metrics

	mu    sync.Mutex
	chats map[int64]*chatLimiter
}

type chatLimiter struct {
	lim  *rate.Limiter
	used time.Time
}

// maxChatLimiters bounds the per-chat limiters kept; the least recently used are dropped beyond it.
const maxChatLimiters = 10000

// NewSender wraps a Bot API client. A nil logger logs nothing; nil metrics count nothing.
func NewSender(api requester, limits Limits, retry Retry, log *slog.Logger, metrics *Metrics) *Sender {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Sender{api: api, limits: limits, retry: retry, global: limiter(limits.Global, 30),
		log: log, sleep: sleepCtx, chats: map[int64]*chatLimiter{}, metrics: metrics}
}

func limiter(perSecond float64, burst int) *rate.Limiter {
	if perSecond <= 0 {
		return rate.NewLimiter(rate.Inf, 0)
	}
	return rate.NewLimiter(rate.Limit(perSecond), burst)
}

// Send sends one request to a chat (group or private), waiting for the rate limits, and retries 429s,
// 5xx answers and network errors within the retry bounds. It returns ErrBlocked for a 403.
func (s *Sender) Send(ctx context.Context, chatID int64, group bool, c tgbotapi.Chattable) error {
	if err := s.WaitChat(ctx, chatID, group); err != nil {
		return err
	}
	return s.send(ctx, c)
}

// WaitChat waits until a chat may be sent to. Callers that bound their concurrency wait here before
// taking a slot, so a chat held back by its own limit does not hold a slot others could use.
func (s *Sender) WaitChat(ctx context.Context, chatID int64, group bool) error {
	return s.chat(chatID, group).Wait(ctx)
}

// pace waits for both the chat's and the global rate limit, for a reply sent by other means than send.
func (s *Sender) pace(ctx context.Context, chatID int64, group bool) error {
	if err := s.WaitChat(ctx, chatID, group); err != nil {
		return err
	}
	return s.global.Wait(ctx)
}

// send sends within the global limit, retrying what can succeed later.
func (s *Sender) send(ctx context.Context, c tgbotapi.Chattable) error {
	var last error
	for attempt := 0; attempt < s.retry.Attempts; attempt++ {
		if err := s.global.Wait(ctx); err != nil {
			return err
		}
		_, err := s.api.Request(c)
		wait, retry, err := s.classify(err, attempt)
		if !retry {
			s.metrics.reply(result(err))
			return err
		}
		s.metrics.retry(reason(err))
		last = err
		s.log.Warn("telegram request failed; retrying", "attempt", attempt+1, "wait", wait, "err", err)
		if err := s.sleep(ctx, wait); err != nil {
			return err
		}
	}
	s.metrics.reply("failed")
	return fmt.Errorf("telegram: giving up after %d attempts: %w", s.retry.Attempts, last)
}

func result(err error) string {
	switch {
	case err == nil:
		return "sent"
	case errors.Is(err, ErrBlocked):
		return "blocked"
	}
	return "failed"
}

func reason(err error) string {
	var apiErr *tgbotapi.Error
	switch {
	case errors.As(err, &apiErr) && apiErr.Code == 429:
		return "429"
	case errors.As(err, &apiErr):
		return "5xx"
	}
	return "network"
}

// classify says whether a request's error is worth another try, and after how long.
func (s *Sender) classify(err error, attempt int) (time.Duration, bool, error) {
	if err == nil {
		return 0, false, nil
	}
	var apiErr *tgbotapi.Error
	if errors.As(err, &apiErr) {
		switch {
		case apiErr.Code == 429:
			wait := time.Duration(apiErr.RetryAfter) * time.Second
			if wait <= 0 {
				wait = s.backoff(attempt)
			}
			return wait, true, err
		case apiErr.Code == 403:
			return 0, false, fmt.Errorf("%w: %s", ErrBlocked, apiErr.Message)
		case apiErr.Code >= 500:
			return s.backoff(attempt), true, err
		}
		return 0, false, fmt.Errorf("telegram: %d %s", apiErr.Code, apiErr.Message)
	}
	return s.backoff(attempt), true, err // network error, timeout, or a non-JSON 5xx page
}

// backoff is the wait before retry attempt+1: exponential with full jitter, at most Max.
func (s *Sender) backoff(attempt int) time.Duration {
	d := s.retry.Base << attempt
	if d <= 0 || d > s.retry.Max {
		d = s.retry.Max
	}
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// chat returns the limiter of one chat, creating it on first use.
func (s *Sender) chat(id int64, group bool) *rate.Limiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.chats[id]; ok {
		c.used = time.Now()
		return c.lim
	}
	if len(s.chats) >= maxChatLimiters {
		s.evictOldest()
	}
	perSecond, burst := s.limits.Chat, 3
	if group {
		perSecond, burst = s.limits.Group, 3
	}
	c := &chatLimiter{lim: limiter(perSecond, burst), used: time.Now()}
	s.chats[id] = c
	return c.lim
}

func (s *Sender) evictOldest() {
	var oldest int64
	var when time.Time
	for id, c := range s.chats {
		if when.IsZero() || c.used.Before(when) {
			oldest, when = id, c.used
		}
	}
	delete(s.chats, oldest)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
