package telegram

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/bot"
)

type memPrefs struct {
	mu    sync.Mutex
	langs map[int64]string
}

func (p *memPrefs) Lang(_ context.Context, chat int64) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.langs[chat], nil
}

func (p *memPrefs) SetLang(_ context.Context, chat int64, lang string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.langs[chat] = lang
	return nil
}

type verdict struct {
	id, lang string
	helpful  bool
	user     string
}

// verdicts records feedback from the handler's goroutines.
type verdicts struct {
	mu   sync.Mutex
	list []verdict
}

func (v *verdicts) all() []verdict {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([]verdict(nil), v.list...)
}

func newHandler(t testing.TB) (*Handler, *memPrefs, *verdicts) {
	t.Helper()
	h, _, prefs, got := newTestHandler(t)
	return h, prefs, got
}

// newTestHandler is newHandler with its engine, which records what it is asked and shown.
func newTestHandler(t testing.TB) (*Handler, *testEngine, *memPrefs, *verdicts) {
	t.Helper()
	eng := &testEngine{Engine: sharedEngine(t)}
	prefs := &memPrefs{langs: map[int64]string{}}
	got := &verdicts{}
	fb := func(_ context.Context, user, id, lang string, ok bool) error {
		got.mu.Lock()
		defer got.mu.Unlock()
		got.list = append(got.list, verdict{id, lang, ok, user})
		return nil
	}
	return NewHandler(eng, prefs, fb, "ClinicFAQBot"), eng, prefs, got
}

// testEngine is the engine as cmd gives it to the adapter: topics shown to a user are recorded, and a
// question or topic id containing panicOn panics, as a bug in the engine would.
type testEngine struct {
	*bot.Engine
	panicOn string

	mu    sync.Mutex
	asked []bot.Question
	shown []string // "user id lang"
}

func (e *testEngine) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	e.mu.Lock()
	e.asked = append(e.asked, q)
	e.mu.Unlock()
	if e.panicOn != "" && strings.Contains(q.Text, e.panicOn) {
		panic("engine bug on " + q.Text)
	}
	return e.Engine.Answer(ctx, q)
}

func (e *testEngine) ShowTopic(_ context.Context, platform, user, id, lang string) (bot.Answer, bool) {
	if e.panicOn != "" && strings.Contains(id, e.panicOn) {
		panic("engine bug on topic " + id)
	}
	a, ok := e.Topic(id, lang)
	if ok && platform == "telegram" {
		e.mu.Lock()
		e.shown = append(e.shown, user+" "+id+" "+lang)
		e.mu.Unlock()
	}
	return a, ok
}

func (e *testEngine) questions() []bot.Question {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]bot.Question(nil), e.asked...)
}

func (e *testEngine) topicsShown() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.shown...)
}

func private(text string) tgbotapi.Update {
	return tgbotapi.Update{UpdateID: 1, Message: &tgbotapi.Message{MessageID: 10, Text: text,
		From: &tgbotapi.User{ID: 7, LanguageCode: "en"}, Chat: &tgbotapi.Chat{ID: 7, Type: "private"}, Entities: commandEntity(text)}}
}

func group(text string) tgbotapi.Update {
	u := private(text)
	u.Message.Chat = &tgbotapi.Chat{ID: -100, Type: "supergroup"}
	return u
}

func commandEntity(text string) []tgbotapi.MessageEntity {
	if !strings.HasPrefix(text, "/") {
		return nil
	}
	n, _, _ := strings.Cut(text, " ")
	return []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: utf8.RuneCountInString(n)}}
}

func handle(t *testing.T, h *Handler, u tgbotapi.Update) []tgbotapi.Chattable {
	t.Helper()
	out, err := h.Handle(context.Background(), u)
	if err != nil {
		t.Fatalf("Handle: %v", err)
	}
	return out
}

func onlyMessage(t *testing.T, out []tgbotapi.Chattable) tgbotapi.MessageConfig {
	t.Helper()
	if len(out) != 1 {
		t.Fatalf("got %d requests, want one message: %+v", len(out), out)
	}
	m, ok := out[0].(tgbotapi.MessageConfig)
	if !ok {
		t.Fatalf("got %T, want a message", out[0])
	}
	return m
}

func buttons(m tgbotapi.MessageConfig) []string {
	kb, ok := m.ReplyMarkup.(tgbotapi.InlineKeyboardMarkup)
	if !ok {
		return nil
	}
	var out []string
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			out = append(out, *b.CallbackData)
		}
	}
	return out
}

func TestAnswers(t *testing.T) {
	h, _, _ := newHandler(t)
	m := onlyMessage(t, handle(t, h, private("What should I wear to my session?")))
	if m.ParseMode != "HTML" || !strings.Contains(m.Text, "<b>What to wear</b>") || !strings.Contains(m.Text, "<i>This information is general") {
		t.Errorf("English answer:\n%s", m.Text)
	}
	b := buttons(m)
	if len(b) < 3 || b[len(b)-2] != "f:1:en:what-to-wear" || b[len(b)-1] != "f:0:en:what-to-wear" || !strings.HasPrefix(b[0], "t:en:") {
		t.Errorf("buttons: %v", b)
	}

	m = onlyMessage(t, handle(t, h, private("ماذا ألبس يوم الجلسة؟")))
	if !strings.HasPrefix(m.Text, rlm+"<b>") || !strings.Contains(m.Text, "<i>هذه معلومات عامة") {
		t.Errorf("Arabic answer:\n%q", m.Text)
	}

	m = onlyMessage(t, handle(t, h, private("I have a fever and chills since the injection")))
	if !strings.HasPrefix(m.Text, lrm+"<b>What you describe should be checked by the clinic today") || len(buttons(m)) != 0 {
		t.Errorf("urgent reply:\n%s\nbuttons %v", m.Text, buttons(m))
	}

	m = onlyMessage(t, handle(t, h, private("how much does it cost?")))
	if !strings.Contains(m.Text, "doesn't cover") || len(buttons(m)) == 0 || strings.Contains(strings.Join(buttons(m), " "), "f:") {
		t.Errorf("no_match reply:\n%s\nbuttons %v", m.Text, buttons(m))
	}
}

func TestCommandsAndLanguage(t *testing.T) {
	h, prefs, _ := newHandler(t)
	u := private("/start")
	u.Message.From.LanguageCode = "ar"
	m := onlyMessage(t, handle(t, h, u))
	if !strings.HasPrefix(m.Text, "مرحبًا") || len(buttons(m)) != topicsPageSize+1 || buttons(m)[topicsPageSize] != "p:ar:1" {
		t.Errorf("/start in Arabic: %q %v", m.Text, buttons(m))
	}
	m = onlyMessage(t, handle(t, h, private("/start harvesting")))
	if !strings.Contains(m.Text, "<b>Cell harvesting") && !strings.Contains(m.Text, "harvest") {
		t.Errorf("/start deep link: %s", m.Text)
	}
	m = onlyMessage(t, handle(t, h, private("/lang ar")))
	if lang, _ := prefs.Lang(context.Background(), 7); lang != "ar" || m.Text != "سأجيبك بالعربية." {
		t.Errorf("/lang ar: pref %q reply %q", lang, m.Text)
	}
	m = onlyMessage(t, handle(t, h, private("What should I wear?")))
	if !strings.Contains(m.Text, "هذه معلومات عامة") || !strings.Contains(strings.Join(buttons(m), " "), "f:1:ar:what-to-wear") {
		t.Errorf("answer after /lang ar is not in Arabic:\n%s", m.Text)
	}
	for _, cmd := range []string{"/help", "/topics", "/lang fr", "/unknown", "/ask"} {
		if out := handle(t, h, private(cmd)); len(out) != 1 {
			t.Errorf("%s: %d requests", cmd, len(out))
		}
	}
}

func TestGroups(t *testing.T) {
	h, _, _ := newHandler(t)
	if out := handle(t, h, group("what should I wear?")); len(out) != 0 {
		t.Errorf("group chatter answered: %+v", out)
	}
	m := onlyMessage(t, handle(t, h, group("@ClinicFAQBot what should I wear?")))
	if m.ReplyToMessageID != 10 || !strings.Contains(m.Text, "What to wear") {
		t.Errorf("mention: reply to %d:\n%s", m.ReplyToMessageID, m.Text)
	}
	u := group("is it painful?")
	u.Message.ReplyToMessage = &tgbotapi.Message{From: &tgbotapi.User{IsBot: true, UserName: "clinicfaqbot"}}
	if out := handle(t, h, u); len(out) != 1 {
		t.Errorf("reply to the bot: %d requests", len(out))
	}
	if out := handle(t, h, group("/ask will I be asleep?")); len(out) != 1 {
		t.Errorf("/ask in a group: %d requests", len(out))
	}
	if out := handle(t, h, group("/help@otherbot")); len(out) != 0 {
		t.Errorf("a command for another bot was answered")
	}
	if out := handle(t, h, group("photo")); len(out) != 0 {
		t.Errorf("group chatter answered")
	}
}

func TestOtherMessages(t *testing.T) {
	h, _, _ := newHandler(t)
	photo := private("")
	photo.Message.Photo = []tgbotapi.PhotoSize{{FileID: "x"}}
	if m := onlyMessage(t, handle(t, h, photo)); !strings.Contains(m.Text, "type your question") {
		t.Errorf("photo: %s", m.Text)
	}
	if out := handle(t, h, private("   \n ")); len(out) != 0 {
		t.Errorf("blank text answered: %+v", out)
	}
	edited := tgbotapi.Update{EditedMessage: private("what should I wear?").Message}
	if out := handle(t, h, edited); len(out) != 1 {
		t.Errorf("edited message: %d requests", len(out))
	}
	if out := handle(t, h, tgbotapi.Update{UpdateID: 5}); len(out) != 0 {
		t.Errorf("unknown update: %+v", out)
	}
	long := private(strings.Repeat("what should I wear to the session ", 300))
	if out := handle(t, h, long); len(out) == 0 {
		t.Errorf("10k-character text: no reply")
	}
}

func TestCallbacks(t *testing.T) {
	h, _, got := newHandler(t)
	msg := private("x").Message
	kb := tgbotapi.NewInlineKeyboardMarkup(
		tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("Fasting", "t:en:fasting")),
		tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("yes", "f:1:en:pain"), tgbotapi.NewInlineKeyboardButtonData("no", "f:0:en:pain")))
	msg.ReplyMarkup = &kb
	tap := func(data string) []tgbotapi.Chattable {
		return handle(t, h, tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{ID: "c1", Data: data, Message: msg}})
	}
	out := tap("t:en:fasting")
	if len(out) != 2 || !strings.Contains(out[1].(tgbotapi.MessageConfig).Text, "Fasting") {
		t.Errorf("topic button: %+v", out)
	}
	out = tap("f:0:en:pain")
	if len(out) != 2 || out[0].(tgbotapi.CallbackConfig).Text != "Thank you for your feedback!" {
		t.Fatalf("feedback: %+v", out)
	}
	edit := out[1].(tgbotapi.EditMessageReplyMarkupConfig)
	if n, v := len(edit.ReplyMarkup.InlineKeyboard), got.all(); n != 1 || len(v) != 1 || v[0] != (verdict{"pain", "en", false, "tg:7"}) {
		t.Errorf("feedback: %d rows left, recorded %v", n, v)
	}
	if out := tap("p:ar:1"); len(out) != 2 {
		t.Errorf("page: %+v", out)
	}
	for _, bad := range []string{"", "x", "t:fr:pain", "f:2:en:pain", "f:1:xx:pain", "p:en:-1", "p:en:a", "t:en:no-such-topic", strings.Repeat("z", 200)} {
		out := tap(bad)
		if len(out) != 1 {
			t.Errorf("malformed %q: %d requests, want only the acknowledgement", bad, len(out))
		}
	}
}

func TestInline(t *testing.T) {
	h, _, _ := newHandler(t)
	out := handle(t, h, tgbotapi.Update{InlineQuery: &tgbotapi.InlineQuery{ID: "q", Query: "will I be asleep during the procedure"}})
	resp := out[0].(tgbotapi.InlineConfig)
	if len(resp.Results) == 0 {
		t.Fatal("no inline results")
	}
	art := resp.Results[0].(tgbotapi.InlineQueryResultArticle)
	content := art.InputMessageContent.(tgbotapi.InputTextMessageContent)
	if !strings.Contains(content.Text, "<i>This information is general") {
		t.Errorf("inline result lacks the disclaimer: %s", content.Text)
	}
}

func TestSplitAndEscape(t *testing.T) {
	para := "<b>" + strings.Repeat("word ", 300) + "</b>"
	text := strings.Repeat(para+"\n\n", 12)
	pieces := split(text)
	if len(pieces) < 2 {
		t.Fatalf("not split: %d pieces", len(pieces))
	}
	for i, p := range pieces {
		if n := utf8.RuneCountInString(p); n > maxText {
			t.Errorf("piece %d has %d characters", i, n)
		}
		if strings.Count(p, "<b>") != strings.Count(p, "</b>") {
			t.Errorf("piece %d cuts a tag pair", i)
		}
	}
	got := replyText(bot.Answer{Status: bot.Answered, Title: "a<b>", Reply: "x & y", Disclaimer: "d", Lang: "en"})
	if !strings.Contains(got, "a&lt;b&gt;") || !strings.Contains(got, "x &amp; y") {
		t.Errorf("not escaped: %s", got)
	}
}

// TestAppLanguageHintsArabizi: a Latin message with slight signs of Arabizi is read as Arabic when the
// sender's app is in Arabic, and as English otherwise.
func TestAppLanguageHintsArabizi(t *testing.T) {
	h, _, _ := newHandler(t)
	for _, tt := range []struct {
		code   string
		arabic bool
	}{{"ar-EG", true}, {"en", false}, {"", false}, {strings.Repeat("ar", 500), false}} {
		u := private("min kam recovery?") // "min" is English too: no sign of its own
		u.Message.From.LanguageCode = tt.code
		m := onlyMessage(t, handle(t, h, u))
		if got := strings.ContainsFunc(m.Text, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }); got != tt.arabic {
			t.Errorf("language_code %.10q: reply %q, want Arabic %v", tt.code, m.Text, tt.arabic)
		}
	}
}

// TestGuideMarkdownRendersAsHTML: a guide section's Markdown reaches Telegram as HTML, no asterisks.
func TestGuideMarkdownRendersAsHTML(t *testing.T) {
	got := replyText(bot.Answer{Status: bot.Answered, Title: "Preparing", Lang: "en", Disclaimer: "d",
		Reply: "Most are outpatient.\n\n**Pre-treatment instructions:**\n\n- **Hydration:** drink water & rest\n### After\nan odd ** mark"})
	for _, want := range []string{"<b>Pre-treatment instructions:</b>", "• <b>Hydration:</b> drink water &amp; rest", "<b>After</b>", "an odd ** mark"} {
		if !strings.Contains(got, want) {
			t.Errorf("reply lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "**") != 1 {
		t.Errorf("asterisks left:\n%s", got)
	}
}

// TestOtherQuestionsAreAnsweredInTheReply: a message's second question's answer (Also) follows the first
// in the reply, under its own title, escaped.
func TestOtherQuestionsAreAnsweredInTheReply(t *testing.T) {
	got := replyText(bot.Answer{Status: bot.Answered, Title: "Session length", Reply: "About 1.5 to 3 hours.", Lang: "en",
		Disclaimer: "d", Also: []bot.Also{{ID: "pain", Title: "Pain & comfort", Answer: "Local **anesthesia** <numbs> it."}}})
	first, second := strings.Index(got, "About 1.5"), strings.Index(got, "<b>Pain &amp; comfort</b>\nLocal <b>anesthesia</b> &lt;numbs&gt; it.")
	if first < 0 || second < first || strings.Index(got, "<i>d</i>") < second {
		t.Errorf("reply does not give both answers, then the disclaimer:\n%s", got)
	}
}

// FuzzRichText: whatever Markdown an answer holds, the HTML has its bold tags paired and no other tag.
func FuzzRichText(f *testing.F) {
	for _, s := range []string{"**a** b", "- **x:** y\n### h", "<b>**", "** ** **", "#\n# \n- "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := richText(s)
		if strings.Count(got, "<b>") != strings.Count(got, "</b>") {
			t.Fatalf("richText(%q) = %q: unpaired bold", s, got)
		}
		if rest := strings.NewReplacer("<b>", "", "</b>", "").Replace(got); strings.ContainsAny(rest, "<>") {
			t.Fatalf("richText(%q) = %q: a tag of the input", s, got)
		}
	})
}
