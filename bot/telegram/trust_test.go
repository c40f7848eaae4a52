package telegram

import (
	"cmp"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/bot"
)

// tapOn handles a button tap with data on a private message of chat 7.
func tapOn(t testing.TB, h *Handler, data string) []tgbotapi.Chattable {
	t.Helper()
	msg := private("x").Message
	out, err := h.Handle(context.Background(), tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{ID: "c1", Data: data, Message: msg}})
	if err != nil {
		t.Fatalf("%q: %v", data, err)
	}
	return out
}

// quietAck reports whether out is only an acknowledgement of callback c1 that shows the patient nothing.
func quietAck(out []tgbotapi.Chattable) bool {
	if len(out) != 1 {
		return false
	}
	ack, ok := out[0].(tgbotapi.CallbackConfig)
	return ok && ack.CallbackQueryID == "c1" && ack.Text == "" && !ack.ShowAlert && ack.URL == ""
}

// TestForgedCallbacks: callback data is chosen by the client. A page number that overflows, a language
// or topic that does not exist, a verdict that is neither, data longer than Telegram allows or not UTF-8:
// each gets a quiet acknowledgement and nothing else (issue 11, point 1).
func TestForgedCallbacks(t *testing.T) {
	h, eng, _, got := newTestHandler(t)
	for _, data := range []string{
		"p:en:1152921504606846976", "p:en:9223372036854775807", "p:en:-1", "p:en:+1", "p:en:01", "p:en:1e3",
		"p:en:" + strconv.Itoa(len(eng.Topics("en"))), "p:en:", "p:xx:0", "p:en:0:0",
		"t:fr:fasting", "t:en:no-such-topic", "t:en:", "t::fasting", "t:EN:fasting",
		"f:2:en:pain", "f:1:xx:pain", "f:1:en:", "f:1:en:no-such-topic", "f:yes:en:pain", "f:1:en",
		"", "x", ":", "::", "z:en:0", "t:en:fasting\xff", "p:en:0\x00", strings.Repeat("z", 200),
		"t:en:" + strings.Repeat("a", 60), "f:1:en:pain" + strings.Repeat(" ", 60),
	} {
		if out := tapOn(t, h, data); !quietAck(out) {
			t.Errorf("forged %q: got %+v, want only a quiet acknowledgement", data, out)
		}
	}
	if v := got.all(); len(v) != 0 {
		t.Errorf("forged feedback recorded: %v", v)
	}
	if s := eng.topicsShown(); len(s) != 0 {
		t.Errorf("forged taps showed topics: %v", s)
	}
}

// TestEveryTopicsPageIsReachable: the pages the keyboard offers are exactly the pages a tap is honoured
// for, in each language.
func TestEveryTopicsPageIsReachable(t *testing.T) {
	h, eng, _, _ := newTestHandler(t)
	for _, lang := range []string{"en", "ar"} {
		pages := (len(eng.Topics(lang)) + topicsPageSize - 1) / topicsPageSize
		for page := 0; page < pages; page++ {
			out := tapOn(t, h, pageData(lang, page))
			if len(out) != 2 {
				t.Fatalf("page %d of %d in %s: got %+v", page, pages, lang, out)
			}
			kb := out[1].(tgbotapi.EditMessageReplyMarkupConfig).ReplyMarkup
			if len(kb.InlineKeyboard) == 0 {
				t.Fatalf("page %d of %d in %s is empty", page, pages, lang)
			}
			nav := kb.InlineKeyboard[len(kb.InlineKeyboard)-1]
			if back := page > 0; back != (len(nav) == 2) || (back && *nav[0].CallbackData != pageData(lang, page-1)) {
				t.Errorf("page %d of %d in %s: navigation %+v, want a Back button past the first page", page, pages, lang, nav)
			}
		}
	}
}

// TestFeedbackIsPerUser: feedback carries who gave it, a topic tapped is shown to that user, and a verdict
// the store refuses (never given to that user, say) is acknowledged quietly, not shown as an error.
func TestFeedbackIsPerUser(t *testing.T) {
	h, eng, _, got := newTestHandler(t)
	if out := tapOn(t, h, "t:en:fasting"); len(out) != 2 {
		t.Fatalf("topic tap: %+v", out)
	}
	if s := eng.topicsShown(); len(s) != 1 || s[0] != "tg:7 fasting en" {
		t.Errorf("topics shown: %v, want fasting to tg:7", s)
	}
	if out := tapOn(t, h, "f:1:en:fasting"); len(out) != 2 {
		t.Fatalf("feedback tap: %+v", out)
	}
	if v := got.all(); len(v) != 1 || v[0] != (verdict{"fasting", "en", true, "tg:7"}) {
		t.Errorf("feedback recorded: %v", v)
	}
	h.feedback = func(context.Context, string, string, string, bool) error { return errors.New("not given to this user") }
	if out := tapOn(t, h, "f:0:en:fasting"); !quietAck(out) {
		t.Errorf("refused feedback: got %+v, want a quiet acknowledgement", out)
	}
	onlyMessage(t, handle(t, h, private("/start fasting")))
	if s := eng.topicsShown(); len(s) != 2 || s[1] != "tg:7 fasting en" {
		t.Errorf("a /start deep link is not recorded as shown: %v", s)
	}
}

// TestQuestionsCarryTheUser: every question the adapter asks says who asked.
func TestQuestionsCarryTheUser(t *testing.T) {
	h, eng, _, _ := newTestHandler(t)
	handle(t, h, private("what should I wear?"))
	handle(t, h, group("@ClinicFAQBot is it painful?"))
	handle(t, h, tgbotapi.Update{InlineQuery: &tgbotapi.InlineQuery{ID: "q", Query: "pain", From: &tgbotapi.User{ID: 9}}})
	var users []string
	for _, q := range eng.questions() {
		users = append(users, q.User)
	}
	if strings.Join(users, " ") != "tg:7 tg:-100 tg:9" {
		t.Errorf("users of the questions: %q, want tg:7 tg:-100 tg:9", users)
	}
}

// busyEngine is at capacity: every question gets ErrBusy and the busy reply.
type busyEngine struct{ *testEngine }

func (e busyEngine) Answer(_ context.Context, q bot.Question) (bot.Answer, error) {
	lang := cmp.Or(q.ReplyLang, q.Lang, "en")
	return bot.Answer{Status: bot.NoMatch, Lang: lang, Reply: busyText[lang], Disclaimer: "d"}, bot.ErrBusy
}

// busyText is what a busy engine says, by language.
var busyText = map[string]string{"en": "I'm answering many questions right now. Please send yours again in a moment.", "ar": "أجيب عن أسئلة كثيرة في هذه اللحظة."}

// TestBusyEngineRepliesBusy: a question the engine is too busy for gets its "try again" reply, not
// silence and not a redelivery.
func TestBusyEngineRepliesBusy(t *testing.T) {
	h, eng, prefs, _ := newTestHandler(t)
	h.eng = busyEngine{eng}
	m := onlyMessage(t, handle(t, h, private("what should I wear?")))
	if !strings.Contains(m.Text, "Please send yours again in a moment") || len(buttons(m)) != 0 {
		t.Errorf("busy: %q %v", m.Text, buttons(m))
	}
	prefs.langs[7] = "ar"
	m = onlyMessage(t, handle(t, h, private("what should I wear?")))
	if !strings.Contains(m.Text, busyText["ar"]) {
		t.Errorf("busy for a chat that chose Arabic: %q", m.Text)
	}
	out := handle(t, h, tgbotapi.Update{InlineQuery: &tgbotapi.InlineQuery{ID: "q", Query: "pain", From: &tgbotapi.User{ID: 9}}})
	if len(out) != 1 || len(out[0].(tgbotapi.InlineConfig).Results) != 0 {
		t.Errorf("busy inline query: %+v", out)
	}
}

// TestMentionWhoseCaseFoldChangesLength: "Ⱥ" lower-cases to three bytes from two and "İ" to one, so an
// index found in the lower-cased text is not an index into the text: "Ⱥ@ClinicFAQBot" crashed the
// handler, and "İİ @ClinicFAQBot ..." cut the wrong bytes out of the question.
func TestMentionWhoseCaseFoldChangesLength(t *testing.T) {
	h, eng, _, _ := newTestHandler(t)
	for _, text := range []string{"Ⱥ@ClinicFAQBot", "ȺȺȺȺ what should I wear? @clinicfaqbot", "\xff@ClinicFAQBot"} {
		if out := handle(t, h, group(text)); len(out) != 1 {
			t.Errorf("%q in a group: got %d requests, want the answer", text, len(out))
		}
		handle(t, h, private(text))
	}
	handle(t, h, group("İİ @ClinicFAQBot what should I wear?"))
	handle(t, h, group("KK @CLINICFAQBOT what should I wear?"))
	q := eng.questions()
	if got := q[len(q)-2].Text; got != "İİ  what should I wear?" {
		t.Errorf("question after the mention: %q, want %q", got, "İİ  what should I wear?")
	}
	if got := q[len(q)-1].Text; got != "KK  what should I wear?" {
		t.Errorf("question after the mention: %q, want %q", got, "KK  what should I wear?")
	}
}

// TestForgedCommandEntity: a bot_command entity whose length lies about the text (possible only in a
// forged webhook body) is read as text, not sliced out of range.
func TestForgedCommandEntity(t *testing.T) {
	h, _, _, _ := newTestHandler(t)
	for _, n := range []int{0, 1, 50, -3} {
		u := private("/start")
		u.Message.Entities = []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: n}}
		handle(t, h, u)
		u.Message.Text = ""
		u.Message.Caption = "/help"
		handle(t, h, u)
	}
}

// FuzzCallback taps a button with arbitrary data. Whatever it is, the handler does not panic, the first
// request acknowledges the tap, and anything beyond a quiet acknowledgement is given only for data the
// bot itself could have put on a button.
func FuzzCallback(f *testing.F) {
	for _, s := range []string{"t:en:fasting", "f:1:en:pain", "f:0:ar:pain", "p:en:1", "p:ar:0", "p:en:1152921504606846976",
		"p:en:-1", "t:fr:x", "", "f:1:en:", "p:en:+1", "t:en:fasting\xff"} {
		f.Add(s)
	}
	h, eng, _, _ := newTestHandler(f)
	f.Fuzz(func(t *testing.T, data string) {
		out := tapOn(t, h, data)
		if len(out) == 0 {
			t.Fatalf("%q: nothing, want at least the acknowledgement", data)
		}
		if ack, ok := out[0].(tgbotapi.CallbackConfig); !ok || ack.CallbackQueryID != "c1" {
			t.Fatalf("%q: first request %+v, want the acknowledgement", data, out[0])
		}
		if !quietAck(out) && !botMade(eng, data) {
			t.Fatalf("%q is no button of the bot's, yet got %+v", data, out)
		}
	})
}

// botMade reports whether data is what the bot puts on one of its buttons: a page of the topic list, a
// known topic, or a verdict on one, in a supported language, within Telegram's 64 bytes.
func botMade(eng engine, data string) bool {
	if len(data) > maxCallback {
		return false
	}
	for _, lang := range []string{"en", "ar"} {
		for page := 0; page*topicsPageSize < len(eng.Topics(lang)); page++ {
			if data == pageData(lang, page) {
				return true
			}
		}
		for _, prefix := range []string{topicData("", lang), feedbackData("", lang, true), feedbackData("", lang, false)} {
			if id, ok := strings.CutPrefix(data, prefix); ok {
				_, known := eng.Topic(id, lang)
				return known
			}
		}
	}
	return false
}
