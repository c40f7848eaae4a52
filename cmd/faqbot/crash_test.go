package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// backlog is a Bot API with n updates waiting (update i from private chat i, every tenth delivered
// twice, as Telegram may); it counts the replies per chat.
type backlog struct {
	srv     *httptest.Server
	n       int
	mu      sync.Mutex
	replies map[int64]int
}

func newBacklog(t *testing.T, n int) *backlog {
	b := &backlog{n: n, replies: map[int64]int{}}
	b.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasSuffix(r.URL.Path, "/getMe"):
			fmt.Fprint(w, `{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"FAQ","username":"ClinicFAQBot"}}`)
		case strings.HasSuffix(r.URL.Path, "/getUpdates"):
			offset, _ := strconv.Atoi(r.PostForm.Get("offset"))
			limit, _ := strconv.Atoi(r.PostForm.Get("limit"))
			var out []map[string]any
			for id := max(offset, 1); id <= b.n && len(out) < limit; id++ {
				u := map[string]any{"update_id": id, "message": map[string]any{"message_id": 1, "date": 0, "text": "what should I wear?",
					"from": map[string]any{"id": id, "is_bot": false, "first_name": "P"}, "chat": map[string]any{"id": id, "type": "private"}}}
				out = append(out, u)
				if id%10 == 0 && len(out) < limit {
					out = append(out, u)
				}
			}
			body, _ := json.Marshal(map[string]any{"ok": true, "result": out})
			w.Write(body)
		case strings.HasSuffix(r.URL.Path, "/sendMessage"):
			chat, _ := strconv.ParseInt(r.PostForm.Get("chat_id"), 10, 64)
			b.mu.Lock()
			b.replies[chat]++
			b.mu.Unlock()
			fmt.Fprintf(w, `{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":%d,"type":"private"}}}`, chat)
		default:
			fmt.Fprint(w, `{"ok":true,"result":true}`)
		}
	}))
	t.Cleanup(b.srv.Close)
	return b
}

// count returns how many chats got a reply, which chats got none, and which got more than one.
func (b *backlog) count() (answered int, lost, twice []int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for chat := int64(1); chat <= int64(b.n); chat++ {
		switch n := b.replies[chat]; {
		case n == 0:
			lost = append(lost, chat)
		case n > 1:
			twice = append(twice, chat)
		}
		if b.replies[chat] > 0 {
			answered++
		}
	}
	return answered, lost, twice
}

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

func (b *backlog) waitAnswered(t *testing.T, want int, within time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(within); ; time.Sleep(5 * time.Millisecond) {
		if n, _, _ := b.count(); n >= want {
			return
		}
		if time.Now().After(deadline) {
			n, _, _ := b.count()
			t.Fatalf("%d of %d updates answered after %v", n, want, within)
		}
	}
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
