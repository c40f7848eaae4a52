package telegram

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/telegramtest"
)

// runPoller polls api with opts (no long-poll wait, probing every 20 ms, the default retry policies made
// fast) until the returned stop.
func runPoller(t testing.TB, api *telegramtest.Fake, h *Handler, state State, opts PollerOptions) (stop func()) {
	t.Helper()
	client := botClient(t, api.URL, "77:offset-token")
	if opts.Workers == 0 {
		opts.Workers = 4
	}
	if opts.ProbeEvery == 0 {
		opts.ProbeEvery = 20 * time.Millisecond
	}
	if opts.Retry == (backoff.Policy{}) {
		opts.Retry = fastPollRetry()
	}
	p := NewPoller(client, h, NewSender(client, SenderOptions{Retry: fastRetry()}), state, opts)
	p.wait = 0
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	return func() { cancel(); <-done }
}

// TestBotAPIStartsIDsAgain: a Bot API server that lost its state numbers updates from 1 again, far below
// the offset it confirmed. The bot must see it and answer again, whether the server answers a poll past
// its updates with nothing (the probe finds them), with its oldest ones (tdlib's server), or hands each
// update out once whatever the offset (the emulator, where this was seen), while running and across a
// restart of the bot (issue 11: the offset belongs to one bot).
func TestBotAPIStartsIDsAgain(t *testing.T) {
	for _, mode := range []telegramtest.Offsets{telegramtest.PastEmpty, telegramtest.PastFromOldest, telegramtest.HandOutOnce} {
		t.Run(mode.String(), func(t *testing.T) {
			api := telegramtest.New(t, telegramtest.Options{BotID: 1, Offsets: mode})
			h, _, _ := newHandler(t)
			state := &memState{done: map[int]bool{}}
			var logs bytes.Buffer
			log := slog.New(slog.NewTextHandler(&syncWriter{w: &logs}, nil))
			stop := runPoller(t, api, h, state, PollerOptions{Bot: 1, Log: log})
			for chat := int64(101); chat <= 103; chat++ {
				api.Say(chat, "what should I wear?")
				api.WaitTexts(chat, 1)
			}
			state.waitConfirmed(t, 4)

			api.Restart() // while the bot runs
			api.Say(98765, "what should I wear?")
			if r := api.WaitTexts(98765, 1); !strings.Contains(r[0], "What to wear") {
				t.Errorf("after the Bot API started ids again: %q", r)
			}
			state.waitConfirmed(t, 2) // an id answered and not yet confirmed cannot be told from a new one
			stop()

			api.Restart() // while the bot is stopped
			api.Say(98766, "what should I wear?")
			stop = runPoller(t, api, h, state, PollerOptions{Bot: 1, Log: log})
			defer stop()
			api.WaitTexts(98766, 1)
			if !strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), "started again") {
				t.Errorf("not logged as a warning:\n%s", logs.String())
			}
			if strings.Contains(logs.String(), "98765") || strings.Contains(logs.String(), "wear") {
				t.Errorf("the log names a chat or quotes a message:\n%s", logs.String())
			}
		})
	}
}

// waitConfirmed waits until the offset saved is at least offset.
func (m *memState) waitConfirmed(t testing.TB, offset int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(2 * time.Millisecond) {
		m.mu.Lock()
		saved := m.offset.Offset
		m.mu.Unlock()
		if saved >= offset {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("offset saved %d, want at least %d", saved, offset)
		}
	}
}

// TestNewTokenOnOldStore: the store holds another bot's offset, far past this bot's updates, and claims of
// its update ids. The bot starts from its own oldest update and answers it.
func TestNewTokenOnOldStore(t *testing.T) {
	api := telegramtest.New(t, telegramtest.Options{BotID: 2})
	h, _, _ := newHandler(t)
	state := &memState{offset: Cursor{Bot: 1, Offset: 5000}, done: map[int]bool{1: true, 2: true}}
	api.Say(201, "what should I wear?")
	api.Say(202, "is it painful?")
	stop := runPoller(t, api, h, state, PollerOptions{Bot: 2})
	defer stop()
	api.WaitTexts(201, 1)
	api.WaitTexts(202, 1)
	state.waitConfirmed(t, 3)
	state.mu.Lock()
	defer state.mu.Unlock()
	if state.offset.Bot != 2 || state.offset.Offset != 3 {
		t.Errorf("saved offset %+v, want bot 2's, past its two updates", state.offset)
	}
}

// TestOffsetWithoutBotIsAdopted: an offset saved before bots were recorded is this bot's: polling goes on
// from it, and the next save records the bot.
func TestOffsetWithoutBotIsAdopted(t *testing.T) {
	api := telegramtest.New(t, telegramtest.Options{BotID: 3})
	h, _, _ := newHandler(t)
	api.Say(301, "answered before the upgrade")
	api.Say(302, "what should I wear?")
	state := &memState{offset: Cursor{Offset: 2}, done: map[int]bool{1: true}}
	stop := runPoller(t, api, h, state, PollerOptions{Bot: 3})
	defer stop()
	api.WaitTexts(302, 1)
	state.waitConfirmed(t, 3)
	state.mu.Lock()
	defer state.mu.Unlock()
	if len(api.Texts(301)) != 0 || state.offset != (Cursor{Bot: 3, Offset: 3}) || len(state.forgot) != 0 {
		t.Errorf("replies to 301: %d; saved %+v; claims forgotten %v", len(api.Texts(301)), state.offset, state.forgot)
	}
}
