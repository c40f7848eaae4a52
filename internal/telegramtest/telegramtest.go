// Package telegramtest is a fake Telegram Bot API on loopback for tests: Telegram's wire format for the
// methods a bot calls (every call recorded), an update queue served by getUpdates with Telegram's offsets
// and long polling, and faults to inject (429 with retry_after, 5xx, hangs, outages).
package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Options shape a fake. The zero value is a bot with id 1 named ClinicFAQBot, offsets as Telegram
// treats them, and long polls held as long as they ask.
type Options struct {
	BotID    int64  // getMe's id; 0: 1
	Username string // getMe's username; "": ClinicFAQBot
	Offsets  Offsets
	// DuplicateEvery hands every update whose id is a multiple of it out twice in one getUpdates
	// answer, as Telegram may; 0: never.
	DuplicateEvery int
	// MaxLongPoll caps how long a getUpdates with a timeout waits for an update; 0: the timeout asked.
	// A bot shutting down waits for its long poll (tgbotapi's takes no context): cap it to stop fast.
	MaxLongPoll time.Duration
	// OnCall, when set, is told every call as it is answered (outside the fake's lock).
	OnCall func(Call)
}

// Fake is the Bot API on loopback. Give a bot Endpoint() (tgbotapi's format) or URL (faqbot's
// TELEGRAM_API_ENDPOINT).
type Fake struct {
	URL string // the base URL, as httptest.Server's; read only

	t       testing.TB
	srv     *httptest.Server
	opts    Options
	done    chan struct{} // closed when the fake stops: held and hanging calls end
	closing sync.Once

	mu        sync.Mutex
	calls     []Call
	rules     []*rule                 // faults to answer with, oldest first
	held      map[int64]chan struct{} // chats whose sendMessage waits until released
	webhook   string                  // set by setWebhook: getUpdates is refused meanwhile
	messageID int                     // the last message id handed out
	updates   queue
	changed   chan struct{} // signalled on every call and queued update
}

// Call is one request the bot made: the method, its parameters (form or JSON, objects as JSON text),
// and whether a fault answered it.
type Call struct {
	Method string
	Params url.Values
	Failed bool
}

// New starts a fake, stopped when the test ends.
func New(t testing.TB, opts Options) *Fake {
	if opts.BotID == 0 {
		opts.BotID = 1
	}
	if opts.Username == "" {
		opts.Username = "ClinicFAQBot"
	}
	f := &Fake{t: t, opts: opts, done: make(chan struct{}), held: map[int64]chan struct{}{},
		updates: newQueue(), changed: make(chan struct{}, 1)}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	f.URL = f.srv.URL
	t.Cleanup(f.Close)
	return f
}

// Close stops the fake, as the Bot API gone: every call is refused from then on. It is called when the
// test ends.
func (f *Fake) Close() {
	f.closing.Do(func() {
		close(f.done)
		f.srv.Close()
	})
}

// Endpoint is the fake's address in tgbotapi's format (the token, then the method).
func (f *Fake) Endpoint() string { return f.URL + "/bot%s/%s" }

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	call := Call{Method: r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:], Params: params(r)}
	if fault := f.fault(call.Method); fault != nil {
		call.Failed = true
		f.record(call)
		fault(w, r)
		return
	}
	result, refused := f.answer(r, call)
	f.record(call) // before the bot hears back, as Telegram has done it by then
	if refused != nil {
		writeError(w, refused.status, refused.description)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	body, _ := json.Marshal(map[string]any{"ok": true, "result": result})
	_, _ = w.Write(body)
}

// apiError is an answer with ok false (an unknown method, getUpdates while a webhook is set).
type apiError struct {
	status      int
	description string
}

func writeError(w http.ResponseWriter, status int, description string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	body, _ := json.Marshal(map[string]any{"ok": false, "error_code": status, "description": description})
	_, _ = w.Write(body)
}

// answer plays Telegram for one method.
func (f *Fake) answer(r *http.Request, c Call) (any, *apiError) {
	switch c.Method {
	case "getMe":
		return map[string]any{"id": f.opts.BotID, "is_bot": true, "first_name": "FAQ", "username": f.opts.Username}, nil
	case "getUpdates":
		return f.getUpdates(r, c.Params)
	case "sendMessage":
		return f.sendMessage(r, c.Params)
	case "editMessageText", "editMessageReplyMarkup":
		if c.Params.Get("inline_message_id") != "" {
			return true, nil
		}
		id, _ := strconv.Atoi(c.Params.Get("message_id"))
		return message(id, chatID(c.Params), c.Params.Get("text")), nil
	case "setWebhook", "deleteWebhook":
		f.mu.Lock()
		f.webhook = c.Params.Get("url")
		f.mu.Unlock()
		return true, nil
	case "getWebhookInfo":
		f.mu.Lock()
		defer f.mu.Unlock()
		return map[string]any{"url": f.webhook, "pending_update_count": len(f.updates.pending)}, nil
	case "answerCallbackQuery", "answerInlineQuery", "setMyCommands", "deleteMyCommands", "sendChatAction", "deleteMessage":
		return true, nil
	}
	return nil, &apiError{http.StatusNotFound, "Not Found"}
}

// sendMessage answers with the message sent, once the chat is released if it is held.
func (f *Fake) sendMessage(r *http.Request, p url.Values) (any, *apiError) {
	chat := chatID(p)
	f.mu.Lock()
	hold := f.held[chat]
	f.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-r.Context().Done():
		case <-f.done:
		}
	}
	f.mu.Lock()
	f.messageID++
	id := f.messageID
	f.mu.Unlock()
	return message(id, chat, p.Get("text")), nil
}

// message is a Message as Telegram describes one the bot sent.
func message(id int, chat int64, text string) map[string]any {
	return map[string]any{"message_id": id, "date": time.Now().Unix(), "text": text,
		"chat": map[string]any{"id": chat, "type": chatType(chat)}}
}

// chatType is private for a user's chat, group for a negative id, as Telegram numbers them.
func chatType(chat int64) string {
	if chat < 0 {
		return "group"
	}
	return "private"
}

func chatID(p url.Values) int64 {
	id, _ := strconv.ParseInt(p.Get("chat_id"), 10, 64)
	return id
}

// params reads a request's parameters as the Bot API takes them: query, form, or a JSON object.
func params(r *http.Request) url.Values {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		p := url.Values{}
		for k, v := range body {
			if s, ok := v.(string); ok {
				p.Set(k, s)
				continue
			}
			raw, _ := json.Marshal(v)
			p.Set(k, string(raw))
		}
		return p
	}
	_ = r.ParseMultipartForm(1 << 20)
	return r.Form
}

func (f *Fake) record(c Call) {
	f.mu.Lock()
	f.calls = append(f.calls, c)
	f.mu.Unlock()
	f.signal()
	if f.opts.OnCall != nil {
		f.opts.OnCall(c)
	}
}

func (f *Fake) signal() {
	select {
	case f.changed <- struct{}{}:
	default:
	}
}

// Calls are the calls of a method so far ("" for every method), in order.
func (f *Fake) Calls(method string) []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Call
	for _, c := range f.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Texts are the texts the bot sent to a chat so far (sendMessage calls answered without a fault).
func (f *Fake) Texts(chat int64) []string {
	var out []string
	for _, c := range f.Calls("sendMessage") {
		if !c.Failed && chatID(c.Params) == chat {
			out = append(out, c.Params.Get("text"))
		}
	}
	return out
}

// Replies counts the messages sent to each chat so far.
func (f *Fake) Replies() map[int64]int {
	out := map[int64]int{}
	for _, c := range f.Calls("sendMessage") {
		if !c.Failed {
			out[chatID(c.Params)]++
		}
	}
	return out
}

// Webhook is the URL the bot last gave setWebhook ("" when none, or deleted).
func (f *Fake) Webhook() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.webhook
}

// waitLimit bounds how long WaitFor waits: a bound on a test that has gone wrong, not a timing
// assertion; a whole serve starting under the race detector on a busy two-core machine has taken over
// ten seconds.
const waitLimit = 30 * time.Second

// WaitFor waits until cond holds, for at most waitLimit; then it fails the test, naming what.
func (f *Fake) WaitFor(what string, cond func() bool) {
	f.t.Helper()
	deadline := time.After(waitLimit)
	for !cond() {
		select {
		case <-f.changed:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			f.t.Fatalf("telegramtest: timed out waiting for %s", what)
		}
	}
}

// WaitTexts waits until the bot has sent n messages to chat, and returns their texts.
func (f *Fake) WaitTexts(chat int64, n int) []string {
	f.t.Helper()
	f.WaitFor(fmt.Sprintf("%d messages to chat %d", n, chat), func() bool { return len(f.Texts(chat)) >= n })
	return f.Texts(chat)
}
