package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"

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
	api.waitAnswered(t, 1, serveWait)
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
	api.waitAnswered(t, 1, serveWait)
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
