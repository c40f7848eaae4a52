package telegram

import (
	"context"
	"errors"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// A panic while answering one update costs that update an apology, never the process, and never a
// redelivery: Telegram would deliver it again (webhook) or it would be fetched again at every start
// (polling), and it would panic again each time. guard logs the panic with its stack, without the
// update, and counts it.

// handle asks the handler for an update's replies; if it panics, the replies are an apology and the
// update is answered (completed) as usual.
func (p *responder) handle(ctx context.Context, u tgbotapi.Update) ([]tgbotapi.Chattable, error) {
	var reqs []tgbotapi.Chattable
	err := p.panics.Call(platform, func() error {
		var err error
		reqs, err = p.handler.Handle(ctx, u)
		return err
	})
	if !errors.Is(err, guard.ErrPanic) {
		return reqs, err
	}
	reqs = nil
	_ = p.panics.Call(platform, func() error { reqs = apology(u); return nil })
	return reqs, nil
}

// guarded is one, recovering a panic past the handler (while delivering, say): the update is then
// completed without a reply, so that it is not answered again.
func (p *responder) guarded(ctx context.Context, u tgbotapi.Update, deliver deliverFunc) error {
	err := p.panics.Call(platform, func() error { return p.one(ctx, u, deliver) })
	if !errors.Is(err, guard.ErrPanic) {
		return err
	}
	if err := p.state.Complete(context.WithoutCancel(ctx), u.UpdateID); err != nil {
		p.log.Error("completing a telegram update after a panic", "update", u.UpdateID, "err", err)
	}
	return err
}

// apology is what an update that could not be answered gets: a short apology in the chat it came from, in
// the language it was written in, or Telegram's language of the user; a tap is acknowledged as well, and
// an inline query gets no results.
func apology(u tgbotapi.Update) []tgbotapi.Chattable {
	var out []tgbotapi.Chattable
	m := u.Message
	switch {
	case u.EditedMessage != nil:
		m = u.EditedMessage
	case u.CallbackQuery != nil:
		out = append(out, tgbotapi.NewCallback(u.CallbackQuery.ID, ""))
		m = u.CallbackQuery.Message
	case u.InlineQuery != nil:
		return []tgbotapi.Chattable{tgbotapi.InlineConfig{InlineQueryID: u.InlineQuery.ID, Results: []interface{}{}}}
	}
	if m == nil || m.Chat == nil {
		return out
	}
	msg := tgbotapi.NewMessage(m.Chat.ID, texts(apologyLang(u, m)).Sorry)
	if !m.Chat.IsPrivate() && u.CallbackQuery == nil {
		msg.ReplyToMessageID = m.MessageID
	}
	return append(out, msg)
}

func apologyLang(u tgbotapi.Update, m *tgbotapi.Message) string {
	from := m.From
	if u.CallbackQuery != nil {
		from = u.CallbackQuery.From
	} else if text := m.Text + m.Caption; strings.TrimSpace(text) != "" {
		return textnorm.Detect(text)
	}
	return tagLang(from)
}

// tagLang is the language of a user's Telegram app when it is a supported one, else English.
func tagLang(from *tgbotapi.User) string {
	if from != nil {
		if lang := knowledge.LangOfTag(from.LanguageCode); lang != "" {
			return lang
		}
	}
	return knowledge.English
}
