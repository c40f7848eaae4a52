package telegram

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/telegramtest"
)

const leakyToken = "4242:AAsecret-token_never-logged"

// failingAPI is a Bot API whose every method fails one way; getMe too when failGetMe is set. The 5xx
// answers quote the request's path, token included, as careless servers and proxies do. "refused"
// fails nothing until the test closes the fake.
func failingAPI(t *testing.T, mode string, failGetMe bool) *telegramtest.Fake {
	api := telegramtest.New(t, telegramtest.Options{BotID: 42})
	fault, ok := map[string]telegramtest.Fault{"eof": telegramtest.Disconnect(), "timeout": telegramtest.Hang(),
		"5xx": telegramtest.BadGateway(), "5xx-json": telegramtest.EchoError(500), "429": telegramtest.TooManyRequests(1),
		"badjson": telegramtest.InvalidJSON()}[mode]
	switch {
	case !ok:
	case failGetMe:
		api.FailEvery(fault)
	default:
		api.FailEvery(fault, "getUpdates", "sendMessage", "setWebhook")
	}
	return api
}

// TestTokenNeverLeaves makes getMe, getUpdates and sendMessage fail every way a network and a Bot API
// can (connection refused, EOF, timeout, 5xx, 429, invalid JSON) and searches every log line and every
// error the adapter returns for the token, which is part of every request's URL (issue 11, point 3).
func TestTokenNeverLeaves(t *testing.T) {
	for _, mode := range []string{"refused", "eof", "timeout", "5xx", "5xx-json", "429", "badjson"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			var logs bytes.Buffer
			log := slog.New(slog.NewTextHandler(&syncWriter{w: &logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
			hc := &http.Client{Timeout: 100 * time.Millisecond}
			var errs []error

			down := failingAPI(t, mode, true)
			if mode == "refused" {
				down.Close()
			}
			if _, err := NewClient(leakyToken, down.URL+"/bot%s/%s", hc); err == nil {
				t.Fatal("getMe: no error")
			} else {
				errs = append(errs, err)
			}

			srv := failingAPI(t, mode, false)
			client, err := NewClient(leakyToken, srv.URL+"/bot%s/%s", hc)
			if err != nil {
				t.Fatal(err)
			}
			if mode == "refused" {
				srv.Close()
			}
			sender := NewSender(client, SenderOptions{Retry: backoff.Policy{MaxAttempts: 2, Base: time.Millisecond, Max: 2 * time.Millisecond}, Log: log})
			sender.sleep = (&sleeps{}).sleep
			errs = append(errs, sender.Send(context.Background(), 7, false, tgbotapi.NewMessage(7, "hello")))
			_, err = client.MakeRequest("setWebhook", tgbotapi.Params{"url": "https://bot.example/hook"})
			errs = append(errs, err)
			_, err = client.GetUpdates(tgbotapi.UpdateConfig{Limit: 1})
			errs = append(errs, err)

			p := NewPoller(client, nil, sender, &memState{done: map[int]bool{}}, PollerOptions{Workers: 1, Log: log, Retry: fastPollRetry()})
			p.wait = 0
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			_ = p.Run(ctx)

			if !strings.Contains(logs.String(), "getUpdates failed") || !strings.Contains(logs.String(), "telegram request failed") {
				t.Errorf("the failures were not logged:\n%s", logs.String())
			}
			for _, secret := range []string{leakyToken, url.QueryEscape(leakyToken), "AAsecret"} {
				if strings.Contains(logs.String(), secret) {
					t.Errorf("the token is in the logs:\n%s", logs.String())
				}
				for _, err := range errs {
					if leaks(err, secret) {
						t.Errorf("the token is in an error: %v", err)
					}
				}
			}
		})
	}
}

// leaks reports whether err, or any error it wraps, shows secret, or holds it in a URL.
func leaks(err error, secret string) bool {
	if err == nil {
		return false
	}
	if strings.Contains(err.Error(), secret) || strings.Contains(fmt.Sprintf("%+v %#v", err, err), secret) {
		return true
	}
	var ue *url.Error
	if errors.As(err, &ue) && strings.Contains(ue.URL, secret) {
		return true
	}
	switch e := err.(type) {
	case interface{ Unwrap() []error }:
		for _, w := range e.Unwrap() {
			if leaks(w, secret) {
				return true
			}
		}
	case interface{ Unwrap() error }:
		return leaks(e.Unwrap(), secret)
	}
	return false
}

// syncWriter serialises writes from the poller's goroutines.
type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// TestRedactedErrorsKeepTheirContextCause: a redacted network error still says it was a cancellation
// or a deadline, for callers that retry or stop on those.
func TestRedactedErrorsKeepTheirContextCause(t *testing.T) {
	const token = "123:secret"
	for _, cause := range []error{context.Canceled, context.DeadlineExceeded} {
		err := redactToken(&url.Error{Op: "Post", URL: "https://api.telegram.org/bot" + token + "/getUpdates", Err: cause}, token)
		if !errors.Is(err, cause) || strings.Contains(err.Error(), token) {
			t.Errorf("got %v, want it to unwrap to %v without the token", err, cause)
		}
	}
}
