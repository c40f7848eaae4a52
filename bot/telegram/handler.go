// Package telegram is the Telegram adapter: it turns Bot API updates (messages, commands, button taps,
// inline queries) into questions for the answer engine and renders the answers as Telegram messages with
// buttons, in the patient's language.
package telegram

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/textnorm"
)

// engine is what the adapter needs from the answer engine.
type engine interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
	Topics(lang string) []bot.Topic
	Topic(id, lang string) (bot.Answer, bool)
}

// Prefs remembers each chat's chosen language (/lang).
type Prefs interface {
	Lang(ctx context.Context, chatID int64) (string, error) // "" when none was chosen
	SetLang(ctx context.Context, chatID int64, lang string) error
}

// FeedbackFunc records a patient's verdict on an answer.
type FeedbackFunc func(ctx context.Context, answerID, lang string, helpful bool) error

// Handler decides what to send for each update. It sends nothing itself.
type Handler struct {
	eng      engine
	prefs    Prefs
	feedback FeedbackFunc
	username string // the bot's @username, to see mentions in groups
}

// NewHandler builds the update handler; username is the bot's own, without the @.
func NewHandler(eng engine, prefs Prefs, feedback FeedbackFunc, username string) *Handler {
	return &Handler{eng: eng, prefs: prefs, feedback: feedback, username: strings.ToLower(username)}
}

// Handle returns the requests that answer one update, in the order to send them. Updates it has nothing
// to say to (group chatter, unknown types, empty text) give none.
func (h *Handler) Handle(ctx context.Context, u tgbotapi.Update) ([]tgbotapi.Chattable, error) {
	switch {
	case u.Message != nil:
		return h.message(ctx, u.Message)
	case u.EditedMessage != nil:
		return h.message(ctx, u.EditedMessage)
	case u.CallbackQuery != nil:
		return h.callback(ctx, u.CallbackQuery)
	case u.InlineQuery != nil:
		return h.inline(ctx, u.InlineQuery)
	}
	return nil, nil
}

func (h *Handler) message(ctx context.Context, m *tgbotapi.Message) ([]tgbotapi.Chattable, error) {
	if m.Chat == nil {
		return nil, nil
	}
	private := m.Chat.IsPrivate()
	if m.IsCommand() {
		return h.command(ctx, m)
	}
	text, addressed := h.question(m)
	if !private && !addressed {
		return nil, nil
	}
	if m.Text == "" && m.Caption == "" {
		lang, err := h.uiLang(ctx, m, text)
		if err != nil {
			return nil, err
		}
		return []tgbotapi.Chattable{h.plain(m, texts(lang).TypeQuestion)}, nil
	}
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	return h.answer(ctx, m, text)
}

// question is the text a message asks, without the bot's @mention, and whether a group message is
// addressed to the bot (a mention, or a reply to one of its messages).
func (h *Handler) question(m *tgbotapi.Message) (string, bool) {
	text := m.Text
	if text == "" {
		text = m.Caption
	}
	addressed := m.ReplyToMessage != nil && m.ReplyToMessage.From != nil && m.ReplyToMessage.From.IsBot &&
		strings.EqualFold(m.ReplyToMessage.From.UserName, h.username)
	if h.username != "" {
		mention := "@" + h.username
		if i := strings.Index(strings.ToLower(text), mention); i >= 0 {
			addressed = true
			text = text[:i] + text[i+len(mention):]
		}
	}
	return text, addressed
}

func (h *Handler) command(ctx context.Context, m *tgbotapi.Message) ([]tgbotapi.Chattable, error) {
	if to := commandTarget(m); to != "" && !strings.EqualFold(to, h.username) {
		return nil, nil // "/help@otherbot" in a group is not for us
	}
	args := strings.TrimSpace(m.CommandArguments())
	lang, err := h.uiLang(ctx, m, args)
	if err != nil {
		return nil, err
	}
	t := texts(lang)
	switch m.Command() {
	case "start":
		if args != "" {
			if a, ok := h.eng.Topic(args, lang); ok {
				return h.reply(m, a), nil
			}
		}
		msg := h.plain(m, t.Greeting)
		kb := topicsKeyboard(h.eng.Topics(lang), lang, 0)
		msg.ReplyMarkup = kb
		return []tgbotapi.Chattable{msg}, nil
	case "help":
		return []tgbotapi.Chattable{h.plain(m, t.Help)}, nil
	case "topics":
		msg := h.plain(m, t.TopicsTitle)
		msg.ReplyMarkup = topicsKeyboard(h.eng.Topics(lang), lang, 0)
		return []tgbotapi.Chattable{msg}, nil
	case "lang":
		if args != "en" && args != "ar" {
			return []tgbotapi.Chattable{h.plain(m, t.Help)}, nil
		}
		if err := h.prefs.SetLang(ctx, m.Chat.ID, args); err != nil {
			return nil, fmt.Errorf("save language: %w", err)
		}
		return []tgbotapi.Chattable{h.plain(m, texts(args).LangSet)}, nil
	case "ask":
		if args == "" {
			return []tgbotapi.Chattable{h.plain(m, t.Help)}, nil
		}
		return h.answer(ctx, m, args)
	}
	if m.Chat.IsPrivate() {
		return []tgbotapi.Chattable{h.plain(m, t.Help)}, nil
	}
	return nil, nil
}

// commandTarget is the bot a command names ("/help@faqbot"), or "".
func commandTarget(m *tgbotapi.Message) string {
	_, to, _ := strings.Cut(m.CommandWithAt(), "@")
	return to
}

// answer asks the engine and renders its answer, in the chat's chosen language when there is one.
func (h *Handler) answer(ctx context.Context, m *tgbotapi.Message, text string) ([]tgbotapi.Chattable, error) {
	q := bot.Question{Text: text, Platform: "telegram"}
	a, err := h.eng.Answer(ctx, q)
	if err != nil {
		return nil, err
	}
	pref, err := h.prefs.Lang(ctx, m.Chat.ID)
	if err != nil {
		return nil, err
	}
	if pref != "" && pref != a.Lang {
		a, err = h.inLang(ctx, q, a, pref)
		if err != nil {
			return nil, err
		}
	}
	return h.reply(m, a), nil
}

// inLang gives an answer in another language: the same entry's translation, or the same decision with
// that language's texts.
func (h *Handler) inLang(ctx context.Context, q bot.Question, a bot.Answer, lang string) (bot.Answer, error) {
	if a.Status == bot.Answered {
		if t, ok := h.eng.Topic(a.ID, lang); ok && t.Lang == lang {
			t.Question, t.Matches = a.Question, a.Matches
			return t, nil
		}
		return a, nil
	}
	q.Lang = lang
	return h.eng.Answer(ctx, q)
}

// reply renders an answer as one or more messages; buttons go under the last one.
func (h *Handler) reply(m *tgbotapi.Message, a bot.Answer) []tgbotapi.Chattable {
	pieces := split(replyText(a))
	out := make([]tgbotapi.Chattable, 0, len(pieces))
	for i, p := range pieces {
		msg := h.html(m, p)
		if i == len(pieces)-1 {
			if kb := keyboard(a); kb != nil {
				msg.ReplyMarkup = *kb
			}
		}
		out = append(out, msg)
	}
	return out
}

func (h *Handler) plain(m *tgbotapi.Message, text string) tgbotapi.MessageConfig {
	return h.html(m, esc(text))
}

func (h *Handler) html(m *tgbotapi.Message, text string) tgbotapi.MessageConfig {
	msg := tgbotapi.NewMessage(m.Chat.ID, text)
	msg.ParseMode = tgbotapi.ModeHTML
	msg.DisableWebPagePreview = true
	if !m.Chat.IsPrivate() {
		msg.ReplyToMessageID = m.MessageID
	}
	return msg
}

// uiLang is the language to greet and guide in: the chat's choice, else Telegram's language_code, else
// the script of what was written.
func (h *Handler) uiLang(ctx context.Context, m *tgbotapi.Message, text string) (string, error) {
	pref, err := h.prefs.Lang(ctx, m.Chat.ID)
	if err != nil || pref != "" {
		return pref, err
	}
	if strings.TrimSpace(text) != "" {
		return textnorm.Detect(text), nil
	}
	if m.From != nil && strings.HasPrefix(m.From.LanguageCode, "ar") {
		return "ar", nil
	}
	return "en", nil
}

func (h *Handler) callback(ctx context.Context, c *tgbotapi.CallbackQuery) ([]tgbotapi.Chattable, error) {
	ack := tgbotapi.NewCallback(c.ID, "")
	parts := strings.SplitN(c.Data, ":", 3)
	if c.Message == nil || c.Message.Chat == nil || len(parts) < 3 {
		return []tgbotapi.Chattable{ack}, nil // malformed or stale: acknowledge, do nothing
	}
	kind, lang, rest := parts[0], parts[1], parts[2]
	switch {
	case kind == "f":
		return h.feedbackTap(ctx, c, lang, rest, ack)
	case lang != "en" && lang != "ar":
		return []tgbotapi.Chattable{ack}, nil
	case kind == "t":
		a, ok := h.eng.Topic(rest, lang)
		if !ok {
			ack.Text = texts(lang).Unknown
			return []tgbotapi.Chattable{ack}, nil
		}
		return append([]tgbotapi.Chattable{ack}, h.reply(c.Message, a)...), nil
	case kind == "p":
		page, err := strconv.Atoi(rest)
		if err != nil || page < 0 {
			return []tgbotapi.Chattable{ack}, nil
		}
		edit := tgbotapi.NewEditMessageReplyMarkup(c.Message.Chat.ID, c.Message.MessageID, topicsKeyboard(h.eng.Topics(lang), lang, page))
		return []tgbotapi.Chattable{ack, edit}, nil
	}
	return []tgbotapi.Chattable{ack}, nil
}

// feedbackTap records helpful / not helpful, thanks the patient, and removes the buttons so the verdict
// is given once.
// The data is "f:<1|0>:<lang>:<id>", split here as verdict and "<lang>:<id>".
func (h *Handler) feedbackTap(ctx context.Context, c *tgbotapi.CallbackQuery, verdict, rest string, ack tgbotapi.CallbackConfig) ([]tgbotapi.Chattable, error) {
	lang, id, _ := strings.Cut(rest, ":")
	if (verdict != "0" && verdict != "1") || (lang != "en" && lang != "ar") || id == "" {
		return []tgbotapi.Chattable{ack}, nil
	}
	if err := h.feedback(ctx, id, lang, verdict == "1"); err != nil {
		return nil, fmt.Errorf("record feedback: %w", err)
	}
	ack.Text = texts(lang).Thanks
	edit := tgbotapi.NewEditMessageReplyMarkup(c.Message.Chat.ID, c.Message.MessageID, withoutFeedback(c.Message.ReplyMarkup))
	return []tgbotapi.Chattable{ack, edit}, nil
}

// withoutFeedback keeps a message's topic buttons and drops its feedback row.
func withoutFeedback(kb *tgbotapi.InlineKeyboardMarkup) tgbotapi.InlineKeyboardMarkup {
	out := tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{}}
	if kb == nil {
		return out
	}
	for _, row := range kb.InlineKeyboard {
		if len(row) > 0 && row[0].CallbackData != nil && strings.HasPrefix(*row[0].CallbackData, "f:") {
			continue
		}
		out.InlineKeyboard = append(out.InlineKeyboard, row)
	}
	return out
}

// inline offers the top answers to "@bot question" typed in any chat, each with the disclaimer.
func (h *Handler) inline(ctx context.Context, q *tgbotapi.InlineQuery) ([]tgbotapi.Chattable, error) {
	resp := tgbotapi.InlineConfig{InlineQueryID: q.ID, CacheTime: 60, IsPersonal: false, Results: []interface{}{}}
	if strings.TrimSpace(q.Query) == "" {
		return []tgbotapi.Chattable{resp}, nil
	}
	a, err := h.eng.Answer(ctx, bot.Question{Text: q.Query, Platform: "telegram", Top: 3})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	add := func(ans bot.Answer) {
		if seen[ans.ID+ans.RedFlag] {
			return
		}
		seen[ans.ID+ans.RedFlag] = true
		title := ans.Title
		if title == "" {
			title = firstLine(ans.Reply)
		}
		art := tgbotapi.NewInlineQueryResultArticleHTML(strconv.Itoa(len(resp.Results)), title, replyText(ans))
		art.Description = firstLine(ans.Reply)
		resp.Results = append(resp.Results, art)
	}
	add(a)
	if a.Status != bot.Urgent {
		for _, m := range a.Matches {
			if t, ok := h.eng.Topic(m.ID, a.Lang); ok && m.Kind == "faq" && m.Confidence >= 0.3 {
				add(t)
			}
		}
	}
	return []tgbotapi.Chattable{resp}, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if r := []rune(s); len(r) > 90 {
		return string(r[:90]) + "…"
	}
	return s
}
