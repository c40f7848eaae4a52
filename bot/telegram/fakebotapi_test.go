package telegram

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// telegramAPI is a fake Bot API with Telegram's update queue: an update waits until a getUpdates with a
// higher offset confirms (deletes) it; without an offset, getUpdates answers from the oldest update and
// confirms nothing; ids count up. restart starts the ids again from 1, as a Bot API server that lost its
// state does. Asked for an offset past its last update, it answers with nothing (mode pastEmpty) or from
// its oldest update like tdlib's server (pastFromHead), confirming nothing either way; or it ignores
// offsets and hands each update out once, like the emulator telegram-test-api (handOutOnce). It keeps
// what the bot sent.
type telegramAPI struct {
	srv  *httptest.Server
	bot  int64 // getMe's id
	mode string

	mu      sync.Mutex
	next    int                // the next update id
	queue   []map[string]any   // pending updates, oldest first
	fetched map[int]int        // update id -> times getUpdates returned it, in this history
	sent    map[int64][]string // chat -> texts of sendMessage
	acks    []string           // texts of answerCallbackQuery
}

// The ways a fake Bot API answers an offset past its updates.
const (
	pastEmpty    = "empty past the end"
	pastFromHead = "oldest past the end"
	handOutOnce  = "each update once"
)

func newTelegramAPI(t testing.TB, bot int64, mode string) *telegramAPI {
	a := &telegramAPI{bot: bot, mode: mode, next: 1, fetched: map[int]int{}, sent: map[int64][]string{}}
	a.srv = httptest.NewServer(http.HandlerFunc(a.serve))
	t.Cleanup(a.srv.Close)
	return a
}

// say queues a message from private chat `chat` and returns its update id.
func (a *telegramAPI) say(chat int64, text string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	id := a.next
	a.next++
	a.queue = append(a.queue, map[string]any{"update_id": id, "message": map[string]any{
		"message_id": id, "date": 0, "text": text,
		"from": map[string]any{"id": chat, "is_bot": false, "first_name": "P"},
		"chat": map[string]any{"id": chat, "type": "private"}}})
	return id
}

// tap queues a button tap with data on a message of private chat `chat`.
func (a *telegramAPI) tap(chat int64, data string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	id := a.next
	a.next++
	a.queue = append(a.queue, map[string]any{"update_id": id, "callback_query": map[string]any{
		"id": "cb" + strconv.Itoa(id), "data": data, "from": map[string]any{"id": chat, "is_bot": false, "first_name": "P"},
		"message": map[string]any{"message_id": 1, "date": 0, "chat": map[string]any{"id": chat, "type": "private"}}}})
	return id
}

// restart loses every pending update and starts the ids again from 1.
func (a *telegramAPI) restart() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.next, a.queue, a.fetched = 1, nil, map[int]int{}
}

func (a *telegramAPI) serve(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	w.Header().Set("Content-Type", "application/json")
	method := r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
	a.mu.Lock()
	defer a.mu.Unlock()
	switch method {
	case "getMe":
		fmt.Fprintf(w, `{"ok":true,"result":{"id":%d,"is_bot":true,"first_name":"FAQ","username":"ClinicFAQBot"}}`, a.bot)
	case "getUpdates":
		offset, _ := strconv.Atoi(r.PostForm.Get("offset"))
		limit, _ := strconv.Atoi(r.PostForm.Get("limit"))
		body, _ := json.Marshal(map[string]any{"ok": true, "result": a.updates(offset, limit)})
		_, _ = w.Write(body)
	case "sendMessage":
		chat, _ := strconv.ParseInt(r.PostForm.Get("chat_id"), 10, 64)
		a.sent[chat] = append(a.sent[chat], r.PostForm.Get("text"))
		fmt.Fprintf(w, `{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":%d,"type":"private"}}}`, chat)
	case "answerCallbackQuery":
		a.acks = append(a.acks, r.PostForm.Get("text"))
		fmt.Fprint(w, `{"ok":true,"result":true}`)
	default:
		fmt.Fprint(w, `{"ok":true,"result":true}`)
	}
}

// updates is getUpdates' answer; a.mu is held.
func (a *telegramAPI) updates(offset, limit int) []map[string]any {
	switch {
	case a.mode == handOutOnce:
		out := a.queue
		a.queue = nil
		for _, u := range out {
			a.fetched[u["update_id"].(int)]++
		}
		return append([]map[string]any{}, out...)
	case offset > a.next && a.mode == pastEmpty:
		return []map[string]any{}
	case offset > 0 && offset <= a.next:
		for len(a.queue) > 0 && a.queue[0]["update_id"].(int) < offset {
			a.queue = a.queue[1:] // confirmed
		}
	}
	out := []map[string]any{}
	for _, u := range a.queue {
		if limit > 0 && len(out) == limit {
			break
		}
		out = append(out, u)
		a.fetched[u["update_id"].(int)]++
	}
	return out
}

// replies is what the bot sent to chat so far.
func (a *telegramAPI) replies(chat int64) []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.sent[chat]...)
}

// waitReplies waits until chat has n replies, for at most five seconds.
func (a *telegramAPI) waitReplies(t testing.TB, chat int64, n int) []string {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if r := a.replies(chat); len(r) >= n {
			return r
		}
	}
	r := a.replies(chat)
	t.Fatalf("chat %d got %d replies, want %d: %q", chat, len(r), n, r)
	return nil
}
