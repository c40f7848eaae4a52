package telegram

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// emulator is the npm package telegram-test-api, run locally (testdata/telegram-emulator; the README's
// test command installs it). Without it the test is skipped, unless FAQBOT_REQUIRE_EMULATOR=1.
type emulator struct {
	base, token string
}

func startEmulator(t testing.TB) *emulator {
	t.Helper()
	dir, _ := filepath.Abs("../../testdata/telegram-emulator")
	node, err := exec.LookPath("node")
	if _, statErr := os.Stat(filepath.Join(dir, "node_modules", "telegram-test-api")); err != nil || statErr != nil {
		if os.Getenv("FAQBOT_REQUIRE_EMULATOR") == "1" {
			t.Fatalf("the Telegram emulator is not installed: run ./scripts/test (npm ci in %s)", dir)
		}
		t.Skipf("the Telegram emulator is not installed (run ./scripts/test); skipping")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(node, "start.js")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), fmt.Sprintf("PORT=%d", port))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	e := &emulator{base: fmt.Sprintf("http://127.0.0.1:%d", port), token: "123:emulated"}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Post(e.base+"/bot"+e.token+"/getMe", "application/json", nil); err == nil {
			resp.Body.Close()
			return e
		}
		if time.Now().After(deadline) {
			t.Fatal("the Telegram emulator did not start")
		}
	}
}

// post sends a simulated user's action to the emulator's client API.
func (e *emulator) post(t testing.TB, path string, v map[string]any) {
	t.Helper()
	v["botToken"] = e.token
	v["date"] = time.Now().Unix()
	body, _ := json.Marshal(v)
	resp, err := http.Post(e.base+path, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

var patient = map[string]any{"id": 5, "first_name": "Patient", "is_bot": false, "language_code": "en"}
var patientChat = map[string]any{"id": 5, "first_name": "Patient", "type": "private"}

func (e *emulator) say(t testing.TB, text string) {
	msg := map[string]any{"from": patient, "chat": patientChat, "text": text}
	path := "/sendMessage"
	if strings.HasPrefix(text, "/") {
		n, _, _ := strings.Cut(text, " ")
		msg["entities"] = []map[string]any{{"offset": 0, "length": len(n), "type": "bot_command"}}
		path = "/sendCommand"
	}
	e.post(t, path, msg)
}

func (e *emulator) tap(t testing.TB, data string) {
	e.post(t, "/sendCallback", map[string]any{"from": patient, "data": data,
		"message": map[string]any{"message_id": 1, "chat": patientChat, "from": patient}})
}

// botMessage is a message the bot sent, as the emulator stored it.
type botMessage struct {
	Text        string `json:"text"`
	ReplyMarkup struct {
		InlineKeyboard [][]struct {
			Text         string `json:"text"`
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	} `json:"reply_markup"`
}

// replies waits for the bot's next n messages to the patient.
func (e *emulator) replies(t testing.TB, n int) []botMessage {
	t.Helper()
	var out []botMessage
	for deadline := time.Now().Add(10 * time.Second); len(out) < n && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		body, _ := json.Marshal(map[string]any{"token": e.token, "chatId": 5})
		resp, err := http.Post(e.base+"/getUpdates", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Result []struct {
				Message botMessage `json:"message"`
			} `json:"result"`
		}
		_ = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		for _, r := range got.Result {
			out = append(out, r.Message)
		}
	}
	if len(out) != n {
		t.Fatalf("got %d replies, want %d: %+v", len(out), n, out)
	}
	return out
}

func (m botMessage) buttons() []string {
	var out []string
	for _, row := range m.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			out = append(out, b.CallbackData)
		}
	}
	return out
}

func TestEmulatorConversation(t *testing.T) {
	for _, mode := range []string{"polling", "webhook", "webhook-api"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel() // each with its own emulator
			e := startEmulator(t)
			h, _, got := newHandler(t)
			client := botClient(t, e.base, e.token)
			state := &memState{done: map[int]bool{}}
			if mode == "polling" {
				defer startPoller(client, h, state, 4)()
			} else {
				opts := WebhookOptions{Secret: "hook-secret", Reply: ReplyInResponse, Timeout: 5 * time.Second}
				if mode == "webhook-api" {
					opts.Reply = ReplyThroughAPI
				}
				wh := NewWebhook(h, NewSender(client, SenderOptions{Retry: DefaultRetry()}), state, opts)
				front := httptest.NewServer(telegramFront(t, client, wh))
				defer front.Close()
				if _, err := client.MakeRequest("setWebhook", tgbotapi.Params{"url": front.URL, "secret_token": "hook-secret"}); err != nil {
					t.Fatal(err)
				}
			}
			conversation(t, e, got)
		})
	}
}

// telegramFront does for the emulator what Telegram does and it does not: it sends the secret given to
// setWebhook, and carries out the request a webhook answers with.
func telegramFront(t *testing.T, client *Client, wh http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set(SecretHeader, "hook-secret")
		rec := httptest.NewRecorder()
		wh.ServeHTTP(rec, r)
		w.WriteHeader(rec.Code)
		if rec.Body.Len() == 0 {
			return
		}
		form, err := url.ParseQuery(rec.Body.String())
		if err != nil {
			t.Errorf("webhook response %q: %v", rec.Body, err)
			return
		}
		params := tgbotapi.Params{}
		for k := range form {
			params[k] = form.Get(k)
		}
		method := params["method"]
		delete(params, "method")
		if _, err := client.MakeRequest(method, params); err != nil {
			t.Errorf("%s from the webhook response: %v", method, err)
		}
	})
}

// conversation is a patient's session: /start, questions in English and Arabic, an urgent message, a
// photo, a related-topic tap and a feedback tap.
func conversation(t *testing.T, e *emulator, got *verdicts) {
	e.say(t, "/start")
	m := e.replies(t, 1)[0]
	if !strings.HasPrefix(m.Text, "Hello! I answer questions") || len(m.buttons()) != topicsPageSize+1 {
		t.Errorf("/start: %q %v", m.Text, m.buttons())
	}

	e.say(t, "What should I wear to my session?")
	m = e.replies(t, 1)[0]
	b := m.buttons()
	if !strings.Contains(m.Text, "<b>What to wear</b>") || !strings.Contains(m.Text, "<i>This information is general and does not replace medical advice.") ||
		len(b) < 3 || b[len(b)-2] != "f:1:en:what-to-wear" || b[len(b)-1] != "f:0:en:what-to-wear" {
		t.Errorf("English answer: %q %v", m.Text, b)
	}
	related := b[0]

	e.say(t, "كم تستغرق جلسة العلاج كاملة؟")
	m = e.replies(t, 1)[0]
	if !strings.HasPrefix(m.Text, rlm+"<b>") || !strings.Contains(m.Text, "<i>هذه معلومات عامة ولا تغني عن الاستشارة الطبية.") || !strings.Contains(strings.Join(m.buttons(), " "), "f:1:ar:session-duration") {
		t.Errorf("Arabic answer: %q %v", m.Text, m.buttons())
	}

	e.say(t, "my knee is hot and the redness is spreading and I have a fever")
	m = e.replies(t, 1)[0]
	if !strings.HasPrefix(m.Text, lrm+"<b>What you describe should be checked by the clinic today. Please call the clinic now") || len(m.buttons()) != 0 {
		t.Errorf("urgent reply: %q %v", m.Text, m.buttons())
	}

	e.post(t, "/sendMessage", map[string]any{"from": patient, "chat": patientChat, "photo": []map[string]any{{"file_id": "x", "width": 1, "height": 1}}})
	if m = e.replies(t, 1)[0]; m.Text != "Please type your question as text: I can't read photos, voice messages or files." {
		t.Errorf("photo: %q", m.Text)
	}

	e.tap(t, related)
	if m = e.replies(t, 1)[0]; !strings.Contains(m.Text, "<b>") || !strings.Contains(m.Text, "<i>This information is general") {
		t.Errorf("related topic %s: %q", related, m.Text)
	}

	e.tap(t, "f:0:en:what-to-wear")
	for deadline := time.Now().Add(5 * time.Second); len(got.all()) == 0 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
	}
	if v := got.all(); len(v) != 1 || v[0] != (verdict{"what-to-wear", "en", false, "tg:5"}) {
		t.Errorf("feedback recorded: %v", v)
	}
}
