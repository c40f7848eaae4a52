package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"golang.org/x/time/rate"

	"github.com/faqbot/faqbot/internal/backoff"
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

// DefaultRetry is how a failing request is tried again: after a 5xx answer, a timeout or a network error
// it waits 500 ms, doubling up to 15 s, the upper half of each wait drawn at random (after a 429, what
// Telegram says). Nine tries over 37 to 75 seconds of waits, the last try at least 30 s after the first,
// so that a reply outlives a half-minute outage of the Bot API.
func DefaultRetry() backoff.Policy {
	return backoff.Policy{MaxAttempts: 9, Base: 500 * time.Millisecond, Max: 15 * time.Second, Jitter: 0.5}
}

// ErrBlocked means the user stopped or blocked the bot (403): the reply is dropped, not retried.
var ErrBlocked = errors.New("telegram: the user blocked the bot")

// Sender sends requests within the rate limits, retrying what can succeed later.
type Sender struct {
	api     requester
	limits  Limits
	retry   backoff.Policy
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

// SenderOptions configure a Sender. Zero fields mean: no rate limits, DefaultRetry, log nothing, count
// nothing.
type SenderOptions struct {
	Limits  Limits
	Retry   backoff.Policy // the tries of each request
	Log     *slog.Logger
	Metrics *Metrics
}

// NewSender wraps a Bot API client.
func NewSender(api requester, o SenderOptions) *Sender {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Retry == (backoff.Policy{}) {
		o.Retry = DefaultRetry()
	}
	return &Sender{api: api, limits: o.Limits, retry: o.Retry, global: limiter(o.Limits.Global, 30),
		log: o.Log, sleep: backoff.Sleep, chats: map[int64]*chatLimiter{}, metrics: o.Metrics}
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
	for attempt := 0; s.retry.Allows(attempt); attempt++ {
		if err := s.global.Wait(ctx); err != nil {
			return err
		}
		_, err := s.api.Request(c)
		wait, retry, err := s.classify(err, attempt)
		if !retry {
			s.metrics.Reply(result(err))
			return err
		}
		s.metrics.Retry(reason(err))
		last = err
		s.log.Warn("telegram request failed; retrying", "attempt", attempt+1, "wait", wait, "err", err)
		if err := s.sleep(ctx, wait); err != nil {
			return err
		}
	}
	s.metrics.Reply("failed")
	return fmt.Errorf("telegram: giving up after %d attempts: %w", s.retry.MaxAttempts, last)
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
			return s.retry.Next(attempt, time.Duration(apiErr.RetryAfter)*time.Second), true, err
		case apiErr.Code == 403:
			return 0, false, fmt.Errorf("%w: %s", ErrBlocked, apiErr.Message)
		case apiErr.Code >= 500:
			return s.retry.Delay(attempt), true, err
		}
		return 0, false, fmt.Errorf("telegram: %d %s", apiErr.Code, apiErr.Message)
	}
	return s.retry.Delay(attempt), true, err // network error, timeout, or a non-JSON 5xx page
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
