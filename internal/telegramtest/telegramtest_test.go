package telegramtest

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// client is tgbotapi's client of the fake: it calls getMe first.
func client(t *testing.T, f *Fake, timeout time.Duration) *tgbotapi.BotAPI {
	t.Helper()
	bot, err := tgbotapi.NewBotAPIWithClient("123:abc", f.Endpoint(), &http.Client{Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	return bot
}

func ids(updates []tgbotapi.Update) []int {
	var out []int
	for _, u := range updates {
		out = append(out, u.UpdateID)
	}
	return out
}

func TestSendAndRecord(t *testing.T) {
	f := New(t, Options{BotID: 9, Username: "TestBot"})
	bot := client(t, f, time.Second)
	if bot.Self.ID != 9 || bot.Self.UserName != "TestBot" {
		t.Errorf("getMe: got %+v, want bot 9 TestBot", bot.Self)
	}
	sent, err := bot.Send(tgbotapi.NewMessage(42, "hello"))
	if err != nil || sent.Chat.ID != 42 || sent.Text != "hello" || sent.MessageID == 0 {
		t.Fatalf("sendMessage: got %+v %v", sent, err)
	}
	if _, err := bot.Request(tgbotapi.NewCallback("cb1", "thanks")); err != nil {
		t.Errorf("answerCallbackQuery: %v", err)
	}
	if _, err := bot.Send(tgbotapi.NewEditMessageText(42, sent.MessageID, "edited")); err != nil {
		t.Errorf("editMessageText: %v", err)
	}
	if _, err := bot.MakeRequest("noSuchMethod", nil); err == nil {
		t.Error("an unknown method succeeded, want 404")
	}
	if got := f.Texts(42); !slices.Equal(got, []string{"hello"}) {
		t.Errorf("texts to 42: got %q, want [hello]", got)
	}
	var methods []string
	for _, c := range f.Calls("") {
		methods = append(methods, c.Method)
	}
	if got := fmt.Sprint(methods); got != "[getMe sendMessage answerCallbackQuery editMessageText noSuchMethod]" {
		t.Errorf("calls: got %s", got)
	}
}

func TestGetUpdatesOffsets(t *testing.T) {
	tests := []struct {
		offsets Offsets
		dup     int
		polls   []int // offsets asked for, in order
		want    string
	}{
		{PastEmpty, 0, []int{0, 2, 0, 9}, "[[1 2 3] [2 3] [2 3] []]"},
		{PastFromOldest, 0, []int{3, 9, 4}, "[[3] [3] []]"},
		{HandOutOnce, 0, []int{0, 0}, "[[1 2 3] []]"},
		{PastEmpty, 2, []int{0}, "[[1 2 2 3]]"},
		{PastEmpty, 0, []int{-1, 0}, "[[3] [3]]"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.offsets, tt.dup, tt.polls), func(t *testing.T) {
			f := New(t, Options{Offsets: tt.offsets, DuplicateEvery: tt.dup})
			bot := client(t, f, time.Second)
			for chat := int64(1); chat <= 3; chat++ {
				f.Say(chat, "hi")
			}
			var got [][]int
			for _, offset := range tt.polls {
				updates, err := bot.GetUpdates(tgbotapi.UpdateConfig{Offset: offset})
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, ids(updates))
			}
			if s := fmt.Sprint(got); s != tt.want {
				t.Errorf("polls %v: got %s, want %s", tt.polls, s, tt.want)
			}
		})
	}
}

func TestRestartNumbersAgain(t *testing.T) {
	f := New(t, Options{})
	bot := client(t, f, time.Second)
	f.Say(1, "a")
	f.Say(1, "b")
	if _, err := bot.GetUpdates(tgbotapi.UpdateConfig{Offset: 3}); err != nil {
		t.Fatal(err)
	}
	f.Restart()
	if id := f.Tap(5, "t:en:pain"); id != 1 {
		t.Errorf("first update after a restart: id %d, want 1", id)
	}
	updates, err := bot.GetUpdates(tgbotapi.UpdateConfig{})
	if err != nil || len(updates) != 1 || updates[0].CallbackQuery == nil || updates[0].CallbackQuery.Data != "t:en:pain" {
		t.Errorf("got %+v %v, want the tap", updates, err)
	}
}

func TestLongPoll(t *testing.T) {
	f := New(t, Options{})
	bot := client(t, f, 10*time.Second)
	go func() {
		time.Sleep(50 * time.Millisecond)
		f.Say(7, "late")
	}()
	start := time.Now()
	updates, err := bot.GetUpdates(tgbotapi.UpdateConfig{Timeout: 5})
	if err != nil || len(updates) != 1 {
		t.Fatalf("got %v %v, want the update said while polling", ids(updates), err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("the long poll answered after %v, want as soon as the update came", took)
	}

	capped := New(t, Options{MaxLongPoll: 20 * time.Millisecond})
	start = time.Now()
	if updates, err := client(t, capped, 10*time.Second).GetUpdates(tgbotapi.UpdateConfig{Timeout: 5}); err != nil || len(updates) != 0 {
		t.Errorf("got %v %v, want nothing", ids(updates), err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("a long poll capped at 20ms took %v", took)
	}
}

func TestGetUpdatesRefusedWhileWebhookSet(t *testing.T) {
	f := New(t, Options{})
	bot := client(t, f, time.Second)
	if _, err := bot.MakeRequest("setWebhook", tgbotapi.Params{"url": "https://bot.example/hook"}); err != nil {
		t.Fatal(err)
	}
	var apiErr *tgbotapi.Error
	if _, err := bot.GetUpdates(tgbotapi.UpdateConfig{}); !errors.As(err, &apiErr) || apiErr.Code != http.StatusConflict {
		t.Errorf("getUpdates with a webhook: got %v, want 409", err)
	}
	if _, err := bot.Request(tgbotapi.DeleteWebhookConfig{}); err != nil || f.Webhook() != "" {
		t.Fatalf("deleteWebhook: %v, webhook %q", err, f.Webhook())
	}
	if _, err := bot.GetUpdates(tgbotapi.UpdateConfig{}); err != nil {
		t.Errorf("getUpdates after deleteWebhook: %v", err)
	}
}

func TestFaults(t *testing.T) {
	tests := []struct {
		name   string
		inject func(f *Fake)
		check  func(err error) bool
	}{
		{"429", func(f *Fake) { f.FailNext("sendMessage", TooManyRequests(7)) }, func(err error) bool {
			var e *tgbotapi.Error
			return errors.As(err, &e) && e.Code == 429 && e.RetryAfter == 7
		}},
		{"403", func(f *Fake) { f.FailNext("", Error(403, "Forbidden: bot was blocked by the user")) }, func(err error) bool {
			var e *tgbotapi.Error
			return errors.As(err, &e) && e.Code == 403 && e.Message == "Forbidden: bot was blocked by the user"
		}},
		{"500 quoting the path", func(f *Fake) { f.FailEvery(EchoError(500), "sendMessage") }, func(err error) bool {
			var e *tgbotapi.Error
			return errors.As(err, &e) && e.Code == 500 && e.Message == "Internal Server Error at /bot123:abc/sendMessage"
		}},
		{"502 page", func(f *Fake) { f.Down(1) }, func(err error) bool {
			var e *tgbotapi.Error
			return err != nil && !errors.As(err, &e)
		}},
		{"down for a while", func(f *Fake) { f.DownFor(time.Hour) }, func(err error) bool { return err != nil }},
		{"hang", func(f *Fake) { f.FailNext("sendMessage", Hang()) }, func(err error) bool { return err != nil }},
		{"disconnect", func(f *Fake) { f.FailNext("sendMessage", Disconnect()) }, func(err error) bool { return err != nil }},
		{"invalid JSON", func(f *Fake) { f.FailNext("sendMessage", InvalidJSON()) }, func(err error) bool { return err != nil }},
		{"another method's fault", func(f *Fake) { f.FailEvery(Hang(), "getUpdates") }, func(err error) bool { return err == nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(t, Options{})
			bot := client(t, f, 200*time.Millisecond)
			tt.inject(f)
			_, err := bot.Send(tgbotapi.NewMessage(5, "x"))
			if !tt.check(err) {
				t.Errorf("got %v", err)
			}
			calls := f.Calls("sendMessage")
			if len(calls) != 1 || calls[0].Failed != (err != nil) {
				t.Errorf("recorded %+v, want one call, failed %v", calls, err != nil)
			}
		})
	}
}

func TestFaultsRunOut(t *testing.T) {
	f := New(t, Options{})
	bot := client(t, f, time.Second)
	f.Down(2)
	f.FailNext("sendMessage", TooManyRequests(1))
	var got []bool
	for range 5 {
		_, err := bot.Send(tgbotapi.NewMessage(5, "x"))
		got = append(got, err == nil)
	}
	if fmt.Sprint(got) != "[false false false true true]" {
		t.Errorf("sent: got %v, want two 502s, a 429, then sent", got)
	}

	const outage = 200 * time.Millisecond
	down := time.Now()
	f.DownFor(outage)
	if _, err := bot.Send(tgbotapi.NewMessage(5, "x")); err == nil {
		t.Error("sent while down")
	}
	for _, err := bot.Send(tgbotapi.NewMessage(5, "x")); err != nil; _, err = bot.Send(tgbotapi.NewMessage(5, "x")) {
		if time.Since(down) > 5*time.Second {
			t.Fatalf("still down 5s into a %v outage: %v", outage, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if up := time.Since(down); up < outage {
		t.Errorf("sent %v into a %v outage", up, outage)
	}
}

func TestHoldChat(t *testing.T) {
	f := New(t, Options{})
	bot := client(t, f, 5*time.Second)
	release := f.HoldChat(1)
	done := make(chan error, 1)
	go func() {
		_, err := bot.Send(tgbotapi.NewMessage(1, "slow"))
		done <- err
	}()
	if _, err := bot.Send(tgbotapi.NewMessage(2, "fast")); err != nil {
		t.Fatal(err)
	}
	if n := len(f.Texts(1)); n != 0 {
		t.Errorf("%d messages to the held chat before its release, want 0", n)
	}
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := f.WaitTexts(1, 1); got[0] != "slow" {
		t.Errorf("got %q", got)
	}
}
