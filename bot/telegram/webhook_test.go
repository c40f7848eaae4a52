package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/telegramtest"
)

// update is update id from private chat id, asking what to wear, as Telegram posts it.
func update(id int) map[string]any { return telegramtest.Message(id, int64(id), "what should I wear?") }

func apiReplies(secret string, timeout time.Duration) WebhookOptions {
	return WebhookOptions{Secret: secret, Reply: ReplyThroughAPI, Timeout: timeout}
}

func TestWebhook(t *testing.T) {
	api := telegramtest.New(t, telegramtest.Options{})
	h, _, _ := newHandler(t)
	wh := NewWebhook(h, NewSender(botClient(t, api.URL, "123:abc"), SenderOptions{Retry: DefaultRetry()}), &memState{done: map[int]bool{}}, apiReplies("s3cret", 5*time.Second))
	body, _ := json.Marshal(update(42))
	post := func(secret, body string) int {
		req := httptest.NewRequest("POST", "/telegram/webhook", strings.NewReader(body))
		if secret != "" {
			req.Header.Set(SecretHeader, secret)
		}
		rec := httptest.NewRecorder()
		wh.ServeHTTP(rec, req)
		return rec.Code
	}
	for _, secret := range []string{"", "wrong", "s3cre", "s3cret2"} {
		if code := post(secret, string(body)); code != 401 {
			t.Errorf("secret %q: got %d, want 401", secret, code)
		}
	}
	if total, _ := answered(api); total != 0 {
		t.Fatalf("an unauthorised update was answered")
	}
	if code := post("s3cret", `{"update_id": 1, "message": {`); code != 400 {
		t.Errorf("malformed JSON: got %d", code)
	}
	for i := 0; i < 3; i++ { // Telegram retrying the same delivery
		if code := post("s3cret", string(body)); code != 200 {
			t.Errorf("delivery %d: got %d", i, code)
		}
	}
	if code := post("s3cret", `{"update_id": 43, "poll": {"id": "x"}}`); code != 200 {
		t.Errorf("unknown update type: got %d", code)
	}
	if total, twice := answered(api); total != 1 || len(twice) != 0 {
		t.Errorf("answered %d chats, twice %v: want update 42 answered once", total, twice)
	}
}

func TestBlockedUserIsRecordedNotRetried(t *testing.T) {
	api := telegramtest.New(t, telegramtest.Options{})
	api.FailEvery(telegramtest.Error(403, "Forbidden: bot was blocked by the user"), "sendMessage")
	h, _, _ := newHandler(t)
	state := &memState{done: map[int]bool{}}
	wh := NewWebhook(h, NewSender(botClient(t, api.URL, "123:abc"), SenderOptions{Retry: DefaultRetry()}), state, apiReplies("s", time.Second))
	body, _ := json.Marshal(update(7))
	req := httptest.NewRequest("POST", "/telegram/webhook", strings.NewReader(string(body)))
	req.Header.Set(SecretHeader, "s")
	rec := httptest.NewRecorder()
	wh.ServeHTTP(rec, req)
	if sends := len(api.Calls("sendMessage")); rec.Code != 200 || sends != 1 || len(state.blocked) != 1 || state.blocked[0] != 7 || !state.done[7] {
		t.Errorf("got %d, %d sends, blocked %v, done %v", rec.Code, sends, state.blocked, state.done[7])
	}
}

// failingPrefs cannot reach the store.
type failingPrefs struct{}

func (failingPrefs) Lang(context.Context, int64) (string, error)  { return "", errors.New("store down") }
func (failingPrefs) SetLang(context.Context, int64, string) error { return errors.New("store down") }

func TestWebhookAsksForRedeliveryWhenItCannotHandle(t *testing.T) {
	api := telegramtest.New(t, telegramtest.Options{})
	h, _, _ := newHandler(t)
	h.prefs = failingPrefs{}
	state := &memState{done: map[int]bool{}}
	wh := NewWebhook(h, NewSender(botClient(t, api.URL, "123:abc"), SenderOptions{Retry: DefaultRetry()}), state, apiReplies("s", time.Second))
	body := `{"update_id": 9, "message": {"message_id": 1, "date": 0, "text": "what should I wear?", "chat": {"id": 5, "type": "private"}}}`
	req := httptest.NewRequest("POST", "/telegram/webhook", strings.NewReader(body))
	req.Header.Set(SecretHeader, "s")
	rec := httptest.NewRecorder()
	wh.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || state.done[9] {
		t.Errorf("got %d, marked %v: want 503 and the update left for redelivery", rec.Code, state.done[9])
	}
}

// FuzzWebhook posts arbitrary bodies with the right secret: the update parser and every handler behind
// it see them; the answer is 200 (handled or ignored), 400 (not an update) or 503 (try again).
func FuzzWebhook(f *testing.F) {
	seed, _ := json.Marshal(update(42))
	for _, s := range []string{string(seed), `{"update_id":1}`, `{"update_id":2,"message":{"chat":{"id":1,"type":"group"},"text":"/ask@ClinicFAQBot"}}`,
		`{"update_id":3,"callback_query":{"id":"c","data":"f:1:en:pain","message":{"message_id":1,"chat":{"id":1,"type":"private"}}}}`,
		`{"update_id":4,"inline_query":{"id":"i","query":"pain","from":{"id":1}}}`, `{"update_id":5,"edited_message":{"text":"x"}}`,
		`{"update_id":6,"message":{"chat":{"id":1,"type":"private"},"photo":[{"file_id":"p"}]}}`, `[]`, `null`, `{"update_id":"x"}`} {
		f.Add(s)
	}
	api := telegramtest.New(f, telegramtest.Options{})
	h, _, _ := newHandler(f)
	wh := NewWebhook(h, NewSender(botClient(f, api.URL, "123:abc"), SenderOptions{Retry: backoff.Policy{MaxAttempts: 1, Base: time.Millisecond, Max: time.Millisecond}}), &memState{done: map[int]bool{}}, WebhookOptions{Secret: "s3cret", Timeout: 5 * time.Second})
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/telegram/webhook", strings.NewReader(body))
		req.Header.Set(SecretHeader, "s3cret")
		rec := httptest.NewRecorder()
		wh.ServeHTTP(rec, req)
		if c := rec.Code; c != 200 && c != 400 && c != 503 {
			t.Fatalf("status %d for %q", c, body)
		}
	})
}

func TestWebhookRepliesInResponse(t *testing.T) {
	api := telegramtest.New(t, telegramtest.Options{})
	called := func() string { // the methods called after getMe
		var methods []string
		for _, c := range api.Calls("")[1:] {
			methods = append(methods, c.Method)
		}
		return strings.Join(methods, " ")
	}
	h, _, _ := newHandler(t)
	state := &memState{done: map[int]bool{}}
	sender := NewSender(botClient(t, api.URL, "123:abc"), SenderOptions{Limits: Limits{Chat: 0.001}, Retry: DefaultRetry()})
	wh := NewWebhook(h, sender, state, WebhookOptions{Secret: "s", Reply: ReplyInResponse, Timeout: 200 * time.Millisecond})
	post := func(body string) (int, url.Values) {
		t.Helper()
		req := httptest.NewRequest("POST", "/telegram/webhook", strings.NewReader(body))
		req.Header.Set(SecretHeader, "s")
		rec := httptest.NewRecorder()
		wh.ServeHTTP(rec, req)
		if rec.Body.Len() == 0 || rec.Code != 200 {
			return rec.Code, nil
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
			t.Errorf("Content-Type %q", ct)
		}
		form, err := url.ParseQuery(rec.Body.String())
		if err != nil {
			t.Fatalf("response %q: %v", rec.Body, err)
		}
		return rec.Code, form
	}
	question, _ := json.Marshal(update(42))
	code, form := post(string(question))
	if code != 200 || form.Get("method") != "sendMessage" || form.Get("chat_id") != "42" || form.Get("parse_mode") != "HTML" ||
		!strings.Contains(form.Get("text"), "wear") || form.Get("reply_markup") == "" {
		t.Fatalf("question: %d %v", code, form)
	}
	if c := called(); c != "" {
		t.Errorf("Bot API called (%s) for a reply given in the response", c)
	}
	if code, form := post(string(question)); code != 200 || form != nil {
		t.Errorf("redelivery: %d %v, want 200 and nothing said again", code, form)
	}

	tap := `{"update_id": 43, "callback_query": {"id": "c1", "data": "t:en:what-to-wear", "from": {"id": 42, "is_bot": false, "first_name": "P"},
		"message": {"message_id": 7, "date": 0, "chat": {"id": 42, "type": "private"}}}}`
	code, form = post(tap)
	if code != 200 || form.Get("method") != "sendMessage" || called() != "answerCallbackQuery" {
		t.Errorf("topic tap: %d %v after calls %q; want the callback acknowledged through the API and the topic in the response", code, form, called())
	}

	// The chat has used its burst of three: the fourth reply cannot be paced within the deadline.
	again, _ := json.Marshal(map[string]any{"update_id": 44, "message": update(42)["message"]})
	post(string(again))
	late, _ := json.Marshal(map[string]any{"update_id": 45, "message": update(42)["message"]})
	if code, _ := post(string(late)); code != http.StatusServiceUnavailable || state.done[45] {
		t.Errorf("rate-limited reply: %d, done %v; want 503 and the update left for redelivery", code, state.done[45])
	}
}

// TestWebhookStoreOutage: while the store cannot take claims, deliveries are refused with 503 and
// Telegram delivers them again; once it can, each update is answered once, in the response.
func TestWebhookStoreOutage(t *testing.T) {
	h, _, _ := newHandler(t)
	state := &memState{done: map[int]bool{}, failClaims: 3}
	wh := NewWebhook(h, NewSender(nil, SenderOptions{Retry: DefaultRetry()}), state, WebhookOptions{Secret: "s", Reply: ReplyInResponse, Timeout: time.Second})
	body, _ := json.Marshal(update(8))
	var codes []int
	replies := 0
	for range 6 {
		req := httptest.NewRequest("POST", "/telegram/webhook", strings.NewReader(string(body)))
		req.Header.Set(SecretHeader, "s")
		rec := httptest.NewRecorder()
		wh.ServeHTTP(rec, req)
		codes = append(codes, rec.Code)
		if strings.Contains(rec.Body.String(), "method=sendMessage") {
			replies++
		}
	}
	if fmt.Sprint(codes) != "[503 503 503 200 200 200]" || replies != 1 {
		t.Errorf("codes %v, %d replies: want three refusals, then one reply and two empty acknowledgements", codes, replies)
	}
}
