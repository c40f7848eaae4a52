package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// startServe runs this test binary as `faqbot serve` on addr in its own process, polling the backlog
// unless env says otherwise.
func startServe(t *testing.T, addr, api, store string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "serve", "--http-addr", addr, "--store", store, "--log-level", "warn")
	cmd.Env = append(os.Environ(), asMain+"=1", "TELEGRAM_BOT_TOKEN=123:crash", "TELEGRAM_API_ENDPOINT="+api,
		"TELEGRAM_GLOBAL_RATE=0", "TELEGRAM_CHAT_RATE=0", "TELEGRAM_GROUP_RATE=0", "FAQBOT_RELOAD_WATCH=false")
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// sent is the texts of every reply so far.
func (b *backlog) sent() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.texts...)
}

// TestKillNineInBacklog kills faqbot serve with SIGKILL in the middle of a backlog and starts it again
// on the same store: no update is lost, and only replies that were in flight at the kill (sent, their
// completion not yet written: the last few milliseconds) can be repeated. Telegram has no idempotency
// key, so no bot can rule that out; claims keep it to what one poll (100 updates) can hold.
func TestKillNineInBacklog(t *testing.T) {
	if testing.Short() {
		t.Skip("starts faqbot processes")
	}
	const n, inFlight = 1000, 100 // at most one poll's updates are fetched and not yet completed
	b := newBacklog(t, n)
	store := filepath.Join(t.TempDir(), "crash.db")
	first := startServe(t, freeAddr(t), b.srv.URL, store)
	b.waitAnswered(t, n/3, 60*time.Second)
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	killedAt, _, _ := b.count()
	second := startServe(t, freeAddr(t), b.srv.URL, store)
	b.waitAnswered(t, n, 60*time.Second)
	_ = second.Process.Signal(syscall.SIGTERM)
	_ = second.Wait()
	answered, lost, twice := b.count()
	if answered != n || len(lost) != 0 {
		t.Errorf("lost %d updates across a kill -9: %v", len(lost), lost)
	}
	if len(twice) > inFlight {
		t.Errorf("%d updates answered twice, more than the %d that can be in flight: %v", len(twice), inFlight, twice)
	}
	t.Logf("killed with %d of %d answered; after the restart all %d answered, %d of them twice", killedAt, n, answered, len(twice))
}

// TestKillNineInWebhookBacklog kills faqbot serve in webhook mode with SIGKILL while Telegram (the
// backlog) delivers 1,000 updates over 40 connections, and starts it again on the same address and
// store: every update is answered exactly once, because each reply travels in the response that
// acknowledges its update. The updates in flight at the kill are claimed by the dead process; the
// restarted one takes them over when their lease (twice the webhook timeout) ends.
func TestKillNineInWebhookBacklog(t *testing.T) {
	if testing.Short() {
		t.Skip("starts faqbot processes")
	}
	const n = 1000
	b := newBacklog(t, n) // delivered to the webhook: getUpdates is not called in webhook mode
	addr, store := freeAddr(t), filepath.Join(t.TempDir(), "crash.db")
	env := []string{"TELEGRAM_MODE=webhook", "TELEGRAM_WEBHOOK_URL=https://bot.example/telegram/webhook",
		"TELEGRAM_WEBHOOK_SECRET=hook-secret", "TELEGRAM_WEBHOOK_TIMEOUT=1s"}
	first := startServe(t, addr, b.srv.URL, store, env...)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	delivered := make(chan struct{})
	go func() {
		defer close(delivered)
		b.deliver(ctx, "http://"+addr+"/telegram/webhook", 40)
	}()
	b.waitAnswered(t, n/3, 60*time.Second)
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	killedAt, _, _ := b.count()
	second := startServe(t, addr, b.srv.URL, store, env...)
	<-delivered
	_ = second.Process.Signal(syscall.SIGTERM)
	_ = second.Wait()
	answered, lost, twice := b.count()
	if answered != n || len(lost) != 0 || len(twice) != 0 {
		t.Errorf("after a kill -9 at %d of %d: %d answered, %d lost %v, %d answered twice %v", killedAt, n, answered, len(lost), lost, len(twice), twice)
	}
	t.Logf("killed with %d of %d answered; after the restart all %d answered, %d twice", killedAt, n, answered, len(twice))
}
