package telegram

import (
	"context"
	"errors"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/bot"
)

// inline offers the top answers to "@bot question" typed in any chat, each with the disclaimer.
func (h *Handler) inline(ctx context.Context, q *tgbotapi.InlineQuery) ([]tgbotapi.Chattable, error) {
	resp := tgbotapi.InlineConfig{InlineQueryID: q.ID, CacheTime: 60, IsPersonal: false, Results: []interface{}{}}
	if strings.TrimSpace(q.Query) == "" {
		return []tgbotapi.Chattable{resp}, nil
	}
	question := bot.Question{Text: q.Query, Platform: platform, Top: 3}
	if q.From != nil {
		question.User = userKey(q.From.ID) // a user's private chat has the user's id
	}
	a, err := h.eng.Answer(ctx, question)
	switch {
	case errors.Is(err, bot.ErrBusy):
		resp.CacheTime = 0 // nothing to offer now; ask again soon
		return []tgbotapi.Chattable{resp}, nil
	case err != nil:
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
