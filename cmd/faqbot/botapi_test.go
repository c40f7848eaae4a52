package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot/bot/telegram"
)

// backlog is the Bot API for serve's tests: getMe, n updates waiting for getUpdates (update i from
// private chat i asking what to wear, every tenth delivered twice, as Telegram may; an update below an
// offset asked for confirmed, as Telegram does), and sendMessage, whose texts it keeps and counts per
// chat. Other methods succeed.
type backlog struct {
	srv       *httptest.Server
	n         int
	mu        sync.Mutex
	replies   map[int64]int
	texts     []string
	confirmed int // the highest offset asked for
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
			b.mu.Lock()
			b.confirmed = max(b.confirmed, offset)
			offset = b.confirmed
			b.mu.Unlock()
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
			b.texts = append(b.texts, r.PostForm.Get("text"))
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

// deliver plays Telegram's part in webhook mode: it posts the backlog's updates to url, at most
// connections at once, each again after a failure (an error, a non-200 answer, a cut response) until
// it is accepted, and never again after that. A request the webhook answers with is carried out: a
// sendMessage counts as a reply to its chat. It returns when every update is accepted or ctx ends.
func (b *backlog) deliver(ctx context.Context, url string, connections int) {
	ids := make(chan int)
	var wg sync.WaitGroup
	for range connections {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range ids {
				for !b.post(ctx, url, id) && sleepCtx(ctx, 20*time.Millisecond) {
				}
			}
		}()
	}
	for id := 1; id <= b.n && ctx.Err() == nil; id++ {
		ids <- id
	}
	close(ids)
	wg.Wait()
}

// post delivers update id once and reports whether it was accepted, counting the reply it carried.
func (b *backlog) post(ctx context.Context, url string, id int) bool {
	form, accepted, _ := postUpdate(ctx, url, updateJSON(id))
	if form.Get("method") == "sendMessage" {
		chat, _ := strconv.ParseInt(form.Get("chat_id"), 10, 64)
		b.mu.Lock()
		b.replies[chat]++
		b.texts = append(b.texts, form.Get("text"))
		b.mu.Unlock()
	}
	return accepted
}

// updateJSON is update id as Telegram posts it: private chat id asking what to wear.
func updateJSON(id int) string {
	return fmt.Sprintf(`{"update_id":%d,"message":{"message_id":1,"date":0,"text":"what should I wear?","from":{"id":%d,"is_bot":false,"first_name":"P"},"chat":{"id":%d,"type":"private"}}}`, id, id, id)
}

// postUpdate posts an update to a webhook as Telegram does, with the secret the tests configure. It
// reports whether the update was accepted (a 200, read whole) and the request the webhook answered
// with (empty for none).
func postUpdate(ctx context.Context, url, body string) (neturl.Values, bool, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", url, strings.NewReader(body))
	if err != nil {
		return nil, false, err
	}
	req.Header.Set(telegram.SecretHeader, "hook-secret")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, false, err
	}
	reply, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		return nil, false, err
	}
	form, err := neturl.ParseQuery(string(reply))
	if err != nil {
		return nil, true, fmt.Errorf("webhook response %q: %w", reply, err)
	}
	return form, true, nil
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}
