package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot/bot/telegram"
	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/telegramtest"
)

// backlog is the Bot API for serve's tests (a telegramtest fake): n updates waiting for getUpdates
// (update i from private chat i asking what to wear, every tenth delivered twice, as Telegram may), and
// every reply the bot sends, through the API or (deliver) in a webhook's response, kept and counted per
// chat. Long polls are held 50 ms at most, so that serve stops at once.
type backlog struct {
	srv     *telegramtest.Fake
	n       int
	mu      sync.Mutex
	replies map[int64]int
	texts   []string
}

func newBacklog(t *testing.T, n int) *backlog {
	b := &backlog{n: n, replies: map[int64]int{}}
	b.srv = telegramtest.New(t, telegramtest.Options{DuplicateEvery: 10, MaxLongPoll: 50 * time.Millisecond, OnCall: b.called})
	for chat := int64(1); chat <= int64(n); chat++ {
		b.srv.Say(chat, "what should I wear?")
	}
	return b
}

// called counts a message the bot sent through the API.
func (b *backlog) called(c telegramtest.Call) {
	if c.Method == "sendMessage" && !c.Failed {
		b.reply(c.Params)
	}
}

// reply counts a sendMessage's text for its chat.
func (b *backlog) reply(params neturl.Values) {
	chat, _ := strconv.ParseInt(params.Get("chat_id"), 10, 64)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.replies[chat]++
	b.texts = append(b.texts, params.Get("text"))
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
				for !b.post(ctx, url, id) && backoff.Sleep(ctx, 20*time.Millisecond) == nil {
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
		b.reply(form)
	}
	return accepted
}

// updateJSON is update id as Telegram posts it: private chat id asking what to wear.
func updateJSON(id int) string {
	body, _ := json.Marshal(telegramtest.Message(id, int64(id), "what should I wear?"))
	return string(body)
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
