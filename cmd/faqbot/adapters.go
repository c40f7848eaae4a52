package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/reload"
	"github.com/faqbot/faqbot/internal/store"
)

// liveEngine gives adapters recorded answers and the topics of the knowledge serving now, and takes
// patients' feedback.
type liveEngine struct {
	rec     *store.Recorder
	live    *reload.Engine
	metrics *bot.Metrics
}

func (e liveEngine) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	return e.rec.Answer(ctx, q)
}
func (e liveEngine) Topics(lang string) []bot.Topic           { return e.live.Topics(lang) }
func (e liveEngine) Topic(id, lang string) (bot.Answer, bool) { return e.live.Topic(id, lang) }

// ShowTopic gives the answer of one topic to a user, recorded as given so that feedback on it is taken.
func (e liveEngine) ShowTopic(ctx context.Context, platform, user, id, lang string) (bot.Answer, bool) {
	a, ok := e.live.Topic(id, lang)
	if ok {
		e.rec.Shown(ctx, platform, user, a)
	}
	return a, ok
}

// vote records a user's verdict on an answer given to them, and counts it taken or refused.
func (e liveEngine) vote(platform string) func(ctx context.Context, user, id, lang string, helpful bool) error {
	return func(ctx context.Context, user, id, lang string, helpful bool) error {
		err := e.rec.Feedback(ctx, store.Feedback{Platform: platform, User: user, Lang: lang, AnswerID: id, Helpful: helpful})
		if refused := errors.Is(err, store.ErrNotGiven); err == nil || refused {
			e.metrics.Feedback(platform, helpful, !refused)
		}
		return err
	}
}

// storeOptions are the store's settings from the configuration.
func storeOptions(c config.Store, log *slog.Logger) store.Options {
	r := c.Retention
	return store.Options{KeepUnansweredText: c.KeepUnansweredText, Log: log, Retention: store.Retention{Events: r.Events,
		Feedback: r.Feedback, UnansweredText: r.UnansweredText, Claims: r.Claims, AnswersGiven: r.AnswersGiven}}
}
