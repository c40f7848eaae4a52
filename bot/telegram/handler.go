// Package telegram is the Telegram adapter: it turns Bot API updates (messages, commands, button taps,
// inline queries) into questions for the answer engine and renders the answers as Telegram messages with
// buttons, in the patient's language.
package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// platform names Telegram to the engine and the store.
const platform = "telegram"

// userKey is who asked, for the engine and the store: the chat, as answers are given to a chat.
func userKey(chatID int64) string { return "tg:" + strconv.FormatInt(chatID, 10) }

// engine is what the adapter needs from the answer engine.
type engine interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
	Topics(lang string) []bot.Topic
	Topic(id, lang string) (bot.Answer, bool)
	// ShowTopic is Topic for an answer given to user, recorded so that their feedback on it is taken.
	ShowTopic(ctx context.Context, platform, user, id, lang string) (bot.Answer, bool)
}

// Prefs remembers each chat's chosen language (/lang).
type Prefs interface {
	Lang(ctx context.Context, chatID int64) (string, error) // "" when none was chosen
	SetLang(ctx context.Context, chatID int64, lang string) error
}

// FeedbackFunc records a user's verdict on an answer given to them; it fails for an answer that was not.
type FeedbackFunc func(ctx context.Context, user, answerID, lang string, helpful bool) error

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
	if isCommand(m) {
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

// isCommand reports whether a message starts with a command whose entity fits its text. tgbotapi slices
// the text by the entity's length without checking it, so a forged one must not reach it.
func isCommand(m *tgbotapi.Message) bool {
	if !m.IsCommand() {
		return false
	}
	n := m.Entities[0].Length
	return n >= 1 && n <= len(m.Text) && isASCII(m.Text[:n]) // lengths count UTF-16 units: equal to bytes only in ASCII
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
		if i, n := indexFold(text, "@"+h.username); i >= 0 {
			addressed = true
			text = text[:i] + text[i+n:]
		}
	}
	return text, addressed
}

// indexFold finds the first match of sub in s ignoring case, and returns its byte offset and length in s
// (both -1, 0 for none). Offsets found in a lower-cased copy are not offsets in s: a letter's lower case
// can be longer or shorter than itself.
func indexFold(s, sub string) (int, int) {
	n := utf8.RuneCountInString(sub)
	for i := range s {
		end := i
		for k := 0; k < n && end < len(s); k++ {
			_, size := utf8.DecodeRuneInString(s[end:])
			end += size
		}
		if strings.EqualFold(s[i:end], sub) {
			return i, end - i
		}
	}
	return -1, 0
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
			if a, ok := h.eng.ShowTopic(ctx, platform, userKey(m.Chat.ID), args, lang); ok {
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
		if !knowledge.Supported(args) {
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
	pref, err := h.prefs.Lang(ctx, m.Chat.ID)
	if err != nil {
		return nil, err
	}
	q := bot.Question{Text: text, ReplyLang: pref, LangHint: appLang(m.From), Platform: platform, User: userKey(m.Chat.ID)}
	a, err := h.ask(ctx, q)
	if err != nil {
		return nil, err
	}
	return h.reply(m, a), nil
}

// appLang is the language of the sender's Telegram app, or "" for a message with no sender (a channel
// post). The engine reads it as an untrusted hint.
func appLang(u *tgbotapi.User) string {
	if u == nil {
		return ""
	}
	return u.LanguageCode
}

// ask asks the engine. An engine too busy to search says so in an answer of its own, which is the reply.
func (h *Handler) ask(ctx context.Context, q bot.Question) (bot.Answer, error) {
	a, err := h.eng.Answer(ctx, q)
	if errors.Is(err, bot.ErrBusy) {
		return a, nil
	}
	return a, err
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
	return tagLang(m.From), nil
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
