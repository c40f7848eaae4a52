package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// startServe runs this test binary as `faqbot serve` in its own process, polling the backlog.
func startServe(t *testing.T, api, store string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "serve", "--http-addr", freeAddr(t), "--store", store, "--log-level", "warn")
	cmd.Env = append(os.Environ(), asMain+"=1", "TELEGRAM_BOT_TOKEN=123:crash", "TELEGRAM_API_ENDPOINT="+api,
		"TELEGRAM_GLOBAL_RATE=0", "TELEGRAM_CHAT_RATE=0", "TELEGRAM_GROUP_RATE=0", "FAQBOT_RELOAD_WATCH=false")
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
	first := startServe(t, b.srv.URL, store)
	b.waitAnswered(t, n/3, 60*time.Second)
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	killedAt, _, _ := b.count()
	second := startServe(t, b.srv.URL, store)
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
