package main

import (
	"context"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/reload"
	"github.com/faqbot/faqbot/internal/store"
)

// liveEngine gives adapters recorded answers and the topics of the knowledge serving now.
type liveEngine struct {
	rec  *store.Recorder
	live *reload.Engine
}

func (e liveEngine) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	return e.rec.Answer(ctx, q)
}
func (e liveEngine) Topics(lang string) []bot.Topic           { return e.live.Topics(lang) }
func (e liveEngine) Topic(id, lang string) (bot.Answer, bool) { return e.live.Topic(id, lang) }
func (e liveEngine) feedback(platform string) func(ctx context.Context, id, lang string, helpful bool) error {
	return func(ctx context.Context, id, lang string, helpful bool) error {
		return e.rec.Feedback(ctx, store.Feedback{Platform: platform, Lang: lang, AnswerID: id, Helpful: helpful})
	}
}
