package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot/bot/telegram"
	"github.com/faqbot/faqbot/internal/store"
)

// TestServeWithTelegram runs serve against a fake Bot API: it connects, polls, answers a patient's
// question and records it.
func TestServeWithTelegram(t *testing.T) {
	api := newBacklog(t, 1)
	t.Setenv("TELEGRAM_BOT_TOKEN", "123:secret-token")
	t.Setenv("TELEGRAM_API_ENDPOINT", api.srv.URL)
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var logs strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--http-addr", addr, "--store", filepath.Join(t.TempDir(), "f.db")}, strings.NewReader(""), io.Discard, &lockedWriter{w: &logs})
	}()
	api.waitAnswered(t, 1, 15*time.Second)
	resp, err := http.Get("http://" + addr + "/readyz")
	if err == nil {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), `"telegram":"ok"`) {
			t.Errorf("readyz: %d %s", resp.StatusCode, body)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exit %d", code)
	}
	if sent := api.sent(); len(sent) != 1 || !strings.Contains(sent[0], "What to wear") {
		t.Errorf("replies sent: %q", sent)
	}
	if strings.Contains(logs.String(), "secret-token") {
		t.Errorf("the bot token reached the logs:\n%s", logs.String())
	}
}

// TestTelegramStateOffsetIsPerBot: the offset is saved with its bot, an offset saved before that is read
// as of no bot, and claims from an update id on can be forgotten (issue 11: the offset belongs to one
// bot).
func TestTelegramStateOffsetIsPerBot(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "state.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := telegramState{st: st}
	if c, err := s.Offset(ctx); err != nil || c != (telegram.Cursor{}) {
		t.Errorf("empty store: %+v %v", c, err)
	}
	if err := st.SetState(ctx, telegramAdapter, "offset", "123"); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Offset(ctx); err != nil || c != (telegram.Cursor{Offset: 123}) {
		t.Errorf("offset saved before bots were recorded: %+v %v", c, err)
	}
	if err := s.SaveOffset(ctx, telegram.Cursor{Bot: 7, Offset: 456}); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Offset(ctx); err != nil || c != (telegram.Cursor{Bot: 7, Offset: 456}) {
		t.Errorf("saved with its bot: %+v %v", c, err)
	}
	for _, id := range []int{2, 5} {
		if _, err := s.Claim(ctx, id); err != nil {
			t.Fatal(err)
		}
		if err := s.Complete(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ForgetClaims(ctx, 3); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int]telegram.Claim{2: telegram.ClaimAnswered, 5: telegram.ClaimWon} {
		if c, err := s.Claim(ctx, id); err != nil || c != want {
			t.Errorf("update %d after forgetting the claims from 3: %v %v, want %v", id, c, err, want)
		}
	}
}

// TestServeWithTelegramOnAnotherBotsStore: the store holds another bot's offset, far past this bot's
// updates (a new token on an old store). serve answers this bot's update.
func TestServeWithTelegramOnAnotherBotsStore(t *testing.T) {
	api := newBacklog(t, 1)
	dbPath := filepath.Join(t.TempDir(), "f.db")
	st, err := store.Open(context.Background(), dbPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetState(context.Background(), telegramAdapter, "offset", "999:5000"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", "123:secret-token")
	t.Setenv("TELEGRAM_API_ENDPOINT", api.srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--http-addr", freeAddr(t), "--store", dbPath}, strings.NewReader(""), io.Discard, io.Discard)
	}()
	api.waitAnswered(t, 1, 15*time.Second)
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exit %d", code)
	}
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.(interface{ String() string }).String()
}
