package telegram

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/telegramtest"
)

// newGuard counts panics in a registry of the test's, and logs them to logs.
func newGuard(t testing.TB, logs *bytes.Buffer) (*guard.Panics, *prometheus.Registry) {
	t.Helper()
	reg := prometheus.NewRegistry()
	p, err := guard.New(guard.Options{Metrics: reg, Log: slog.New(slog.NewTextHandler(&syncWriter{w: logs}, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return p, reg
}

// panicsCounted is faqbot_panics_total{adapter="telegram"} in reg.
func panicsCounted(t testing.TB, reg *prometheus.Registry) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "adapter" && l.GetValue() == "telegram" {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}

// asked counts the questions containing s that reached the engine.
func asked(eng *testEngine, s string) int {
	n := 0
	for _, q := range eng.questions() {
		if strings.Contains(q.Text, s) {
			n++
		}
	}
	return n
}

// TestPollingSurvivesAPanic: the engine panics on one question and on one tap. Polling goes on to the
// next update, the patient who asked gets an apology, the panic is counted and logged without the message, and the update
// is confirmed: a restarted poller does not fetch it again (issue 11, point 1).
func TestPollingSurvivesAPanic(t *testing.T) {
	api := telegramtest.New(t, telegramtest.Options{})
	h, eng, _, _ := newTestHandler(t)
	eng.panicOn = "boom"
	var logs bytes.Buffer
	panics, reg := newGuard(t, &logs)
	state := &memState{done: map[int]bool{}}
	bad := api.Say(11, "boom: what should I wear?")
	api.Say(12, "what should I wear?")
	api.Tap(13, "t:en:boom")
	stop := runPoller(t, api, h, state, PollerOptions{Bot: 1, Panics: panics})
	if r := api.WaitTexts(12, 1); !strings.Contains(r[0], "What to wear") {
		t.Errorf("the next update: %q", r)
	}
	if r := api.WaitTexts(11, 1); r[0] != texts("en").Sorry {
		t.Errorf("the update that panicked: %q, want the apology", r)
	}
	if r := api.WaitTexts(13, 1); r[0] != texts("en").Sorry {
		t.Errorf("the tap that panicked: %q, want the apology", r)
	}
	state.waitConfirmed(t, 4)
	stop()
	fetched := func() int { return api.Fetched(bad) }
	before := fetched()

	stop = runPoller(t, api, h, state, PollerOptions{Bot: 1, Panics: panics})
	api.Say(14, "what should I wear?")
	api.WaitTexts(14, 1)
	stop()
	if n, again := asked(eng, "boom"), fetched()-before; n != 1 || again != 0 || len(api.Texts(11)) != 1 {
		t.Errorf("the update that panicked was asked %d times, fetched %d times after a restart, answered %d times; want once, never, once", n, again, len(api.Texts(11)))
	}
	if got := panicsCounted(t, reg); got != 2 {
		t.Errorf("faqbot_panics_total{adapter=telegram} = %v, want 2", got)
	}
	if strings.Contains(logs.String(), "boom") || !strings.Contains(logs.String(), "stack=") {
		t.Errorf("the panic log quotes the message or lacks the stack:\n%s", logs.String())
	}
}

// TestWebhookSurvivesAPanic: the engine panics on one question posted to the webhook. The delivery gets
// 200 with the apology, the claim is completed, and Telegram's redelivery is acknowledged without asking
// the engine again; the next update is answered (issue 11, point 1).
func TestWebhookSurvivesAPanic(t *testing.T) {
	for _, reply := range []WebhookReply{ReplyInResponse, ReplyThroughAPI} {
		t.Run(fmt.Sprint(reply), func(t *testing.T) {
			api := telegramtest.New(t, telegramtest.Options{})
			h, eng, _, _ := newTestHandler(t)
			eng.panicOn = "boom"
			var logs bytes.Buffer
			panics, reg := newGuard(t, &logs)
			state := &memState{done: map[int]bool{}}
			wh := NewWebhook(h, NewSender(botClient(t, api.URL, "77:hook"), SenderOptions{Retry: DefaultRetry()}), state, WebhookOptions{Secret: "s", Reply: reply, Timeout: time.Second, Panics: panics})
			boom := `{"update_id": 42, "message": {"message_id": 1, "date": 0, "text": "boom: what should I wear?", "chat": {"id": 11, "type": "private"}}}`
			for i := range 3 { // the delivery, then Telegram trying again
				code, text := postWebhook(t, wh, boom)
				if code != http.StatusOK {
					t.Fatalf("delivery %d: got %d, want 200", i, code)
				}
				if i == 0 && text+strings.Join(api.Texts(11), "") != texts("en").Sorry {
					t.Errorf("the update that panicked: %q, want the apology", text+strings.Join(api.Texts(11), ""))
				}
			}
			if n := asked(eng, "boom"); n != 1 || !state.done[42] {
				t.Errorf("asked %d times, completed %v: want once, completed", n, state.done[42])
			}
			next := `{"update_id": 43, "message": {"message_id": 2, "date": 0, "text": "what should I wear?", "chat": {"id": 12, "type": "private"}}}`
			if code, text := postWebhook(t, wh, next); code != 200 || !strings.Contains(text+strings.Join(api.Texts(12), ""), "What to wear") {
				t.Errorf("the next update: %d %q", code, text)
			}
			if got := panicsCounted(t, reg); got != 1 {
				t.Errorf("faqbot_panics_total{adapter=telegram} = %v, want 1", got)
			}
		})
	}
}

// postWebhook delivers body to the webhook and returns the status and the text of a sendMessage in the
// response. A panic out of the webhook fails the test instead of ending it.
func postWebhook(t *testing.T, wh http.Handler, body string) (code int, text string) {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			t.Fatalf("the webhook panicked: %v", v)
		}
	}()
	req := httptest.NewRequest("POST", "/telegram/webhook", strings.NewReader(body))
	req.Header.Set(SecretHeader, "s")
	rec := httptest.NewRecorder()
	wh.ServeHTTP(rec, req)
	form, _ := url.ParseQuery(rec.Body.String())
	if form.Get("method") == "sendMessage" {
		text = form.Get("text")
	}
	return rec.Code, text
}
