package telegram

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/knowledge"
)

// tap is a button's callback data, read and checked. Telegram lets the client choose the data of a
// callback, so nothing in it is trusted: each field is validated before it is used, and data that fails
// gets a quiet acknowledgement.
type tap struct {
	kind    byte   // 't' open a topic, 'f' feedback, 'p' page the topic list
	lang    string // a supported language
	id      string // the topic or answer, for 't' and 'f'
	helpful bool   // the verdict, for 'f'
	page    int    // for 'p': at least 0, not checked against the list's length here
}

// maxPageDigits bounds a page number's digits, far beyond any topic list, so it cannot overflow.
const maxPageDigits = 6

// parseTap reads callback data in the forms the bot puts on its buttons (see topicData, feedbackData,
// pageData): at most Telegram's 64 bytes, valid UTF-8, a supported language, a verdict of 0 or 1, a
// non-empty id, a page written as the bot writes it.
func parseTap(data string) (tap, bool) {
	if len(data) > maxCallback || !utf8.ValidString(data) {
		return tap{}, false
	}
	kind, rest, _ := strings.Cut(data, ":")
	t := tap{}
	switch kind {
	case "t":
		t.kind = 't'
		t.lang, t.id, _ = strings.Cut(rest, ":")
	case "f":
		verdict, rest, _ := strings.Cut(rest, ":")
		if verdict != "0" && verdict != "1" {
			return tap{}, false
		}
		t.kind, t.helpful = 'f', verdict == "1"
		t.lang, t.id, _ = strings.Cut(rest, ":")
	case "p":
		var n string
		t.kind = 'p'
		t.lang, n, _ = strings.Cut(rest, ":")
		page, err := strconv.Atoi(n)
		if err != nil || len(n) > maxPageDigits || page < 0 || strconv.Itoa(page) != n {
			return tap{}, false
		}
		t.page = page
		return t, knowledge.Supported(t.lang)
	default:
		return tap{}, false
	}
	return t, knowledge.Supported(t.lang) && t.id != ""
}

// callback answers a button tap. Every tap is acknowledged first, so the client stops its spinner; a
// tap that is malformed, stale or forged gets that quiet acknowledgement and nothing else.
func (h *Handler) callback(ctx context.Context, c *tgbotapi.CallbackQuery) ([]tgbotapi.Chattable, error) {
	ack := tgbotapi.NewCallback(c.ID, "")
	quiet := []tgbotapi.Chattable{ack}
	t, ok := parseTap(c.Data)
	if !ok || c.Message == nil || c.Message.Chat == nil {
		return quiet, nil
	}
	chat := c.Message.Chat.ID
	switch t.kind {
	case 't':
		a, ok := h.eng.ShowTopic(ctx, platform, userKey(chat), t.id, t.lang)
		if !ok {
			return quiet, nil
		}
		return append(quiet, h.reply(c.Message, a)...), nil
	case 'f':
		return h.feedbackTap(ctx, c, t, ack), nil
	}
	topics := h.eng.Topics(t.lang)
	if t.page >= pages(len(topics)) {
		return quiet, nil
	}
	edit := tgbotapi.NewEditMessageReplyMarkup(chat, c.Message.MessageID, topicsKeyboard(topics, t.lang, t.page))
	return append(quiet, edit), nil
}

// pages is how many pages of the topic list there are: one, empty, for no topics.
func pages(topics int) int {
	return max(1, (topics+topicsPageSize-1)/topicsPageSize)
}

// feedbackTap records helpful / not helpful, thanks the patient, and removes the buttons so the verdict
// is given once. A verdict on an unknown answer, or one the store refuses (an answer never given to this
// chat, a store that cannot take it now), is acknowledged quietly: a vote is not worth an error shown
// to a patient, nor a redelivery.
func (h *Handler) feedbackTap(ctx context.Context, c *tgbotapi.CallbackQuery, t tap, ack tgbotapi.CallbackConfig) []tgbotapi.Chattable {
	if _, known := h.eng.Topic(t.id, t.lang); !known {
		return []tgbotapi.Chattable{ack}
	}
	if err := h.feedback(ctx, userKey(c.Message.Chat.ID), t.id, t.lang, t.helpful); err != nil {
		return []tgbotapi.Chattable{ack}
	}
	ack.Text = texts(t.lang).Thanks
	edit := tgbotapi.NewEditMessageReplyMarkup(c.Message.Chat.ID, c.Message.MessageID, withoutFeedback(c.Message.ReplyMarkup))
	return []tgbotapi.Chattable{ack, edit}
}
