package discord

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/knowledge"
)

// engine is what the adapter needs from the answer engine. ShowTopic gives a topic's answer to a user
// and records it as given, so that their feedback on it is taken.
type engine interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
	Topics(lang string) []bot.Topic
	ShowTopic(ctx context.Context, platform, user, id, lang string) (bot.Answer, bool)
}

// FeedbackFunc records a user's verdict on an answer given to them; it fails for an answer that was not.
type FeedbackFunc func(ctx context.Context, user, answerID, lang string, helpful bool) error

// platform names Discord to the engine, the store and the panic counter.
const platform = "discord"

// Options tune a Handler. Zero values take the defaults.
type Options struct {
	Public     bool          // answers visible to the channel, not only to the asker
	Timeout    time.Duration // deadline of one question (default 10s)
	DeferAfter time.Duration // answer later when not ready by then (default 2s; Discord allows 3s)
	Log        *slog.Logger
	Metrics    *Metrics
	Panics     *guard.Panics // recovers and counts a panic while handling one event; nil still recovers
}

// Handler turns interactions and messages into answers. The HTTP endpoint and the gateway share it.
type Handler struct {
	eng      engine
	feedback FeedbackFunc
	opts     Options
	log      *slog.Logger
	late     sync.WaitGroup // deferred answers still being written
}

// NewHandler builds the shared handler. A nil feedback records no verdict: clicks on the verdict
// buttons are acknowledged quietly.
func NewHandler(eng engine, feedback FeedbackFunc, opts Options) *Handler {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.DeferAfter <= 0 {
		opts.DeferAfter = 2 * time.Second
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Handler{eng: eng, feedback: feedback, opts: opts, log: log}
}

// Wait blocks until every deferred answer has been written or has failed.
func (h *Handler) Wait() { h.late.Wait() }

func (h *Handler) respond(ctx context.Context, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	switch in.Type {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, nil
	case discordgo.InteractionApplicationCommand:
		return h.command(ctx, in)
	case discordgo.InteractionApplicationCommandAutocomplete:
		return h.autocomplete(in), nil
	case discordgo.InteractionMessageComponent:
		return h.component(ctx, in), nil
	}
	return nil, errors.New("unknown interaction type")
}

// respondSafely is respond with a panic recovered (counted, logged without the input) and returned as
// an error wrapping guard.ErrPanic.
func (h *Handler) respondSafely(ctx context.Context, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	var resp *discordgo.InteractionResponse
	err := h.opts.Panics.Call(platform, func() error {
		var err error
		resp, err = h.respond(ctx, in)
		return err
	})
	return resp, err
}

// command answers /ask, /faq and /topics. A command out of shape (no user, an unknown name, an option
// that no Discord client sends) gets a short private "I can't read that".
func (h *Handler) command(ctx context.Context, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	lang := locale(in)
	data, ok := in.Data.(discordgo.ApplicationCommandInteractionData)
	user, known := asker(in)
	if !ok || !known {
		return h.notice(labels(lang).unreadable), nil
	}
	switch data.Name {
	case "ask":
		return h.ask(ctx, user, lang, option(data.Options, "question"))
	case "faq":
		return h.faq(ctx, user, lang, option(data.Options, "topic")), nil
	case "topics":
		return h.topics(lang), nil
	}
	return h.notice(labels(lang).unreadable), nil
}

// ask answers a question; at capacity, with the engine's short "busy, try again".
func (h *Handler) ask(ctx context.Context, user, lang, q string) (*discordgo.InteractionResponse, error) {
	if !readable(q, maxQuestionRunes) {
		return h.notice(labels(lang).unreadable), nil
	}
	if strings.TrimSpace(q) == "" {
		return h.notice("Type a question after /ask."), nil
	}
	a, err := h.eng.Answer(ctx, bot.Question{Text: q, Platform: platform, User: user})
	switch {
	case errors.Is(err, bot.ErrBusy):
		return h.notice(busyReply(a)), nil
	case err != nil:
		return nil, err
	}
	return h.answer(a), nil
}

// busyReply is the engine's "busy" reply, or the adapter's apology when it has none.
func busyReply(a bot.Answer) string {
	if a.Reply != "" {
		return a.Reply
	}
	return labels(a.Lang).failed
}

// faq answers one topic, chosen by its id (autocomplete offers ids as values).
func (h *Handler) faq(ctx context.Context, user, lang, id string) *discordgo.InteractionResponse {
	if !readable(id, maxTopicRunes) {
		return h.notice(labels(lang).unreadable)
	}
	if validID(id) {
		if a, ok := h.eng.ShowTopic(ctx, platform, user, id, lang); ok {
			return h.answer(a)
		}
	}
	return h.notice(labels(lang).unknown)
}

// locale is the language of the user's Discord client, when it is Arabic; else the default English.
func locale(in *discordgo.Interaction) string {
	if lang := knowledge.LangOfTag(string(in.Locale)); lang != "" {
		return lang
	}
	return knowledge.English
}

func option(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o != nil && o.Name == name {
			if s, ok := o.Value.(string); ok {
				return s
			}
		}
	}
	return ""
}

func (h *Handler) answer(a bot.Answer) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{embed(a)}, Components: components(a),
			Flags: h.flags(), AllowedMentions: &discordgo.MessageAllowedMentions{}}}
}

func (h *Handler) notice(text string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: escape(text), Flags: discordgo.MessageFlagsEphemeral,
			AllowedMentions: &discordgo.MessageAllowedMentions{}}}
}

// quiet acknowledges a click without changing anything (type 6): the answer to a click out of shape,
// or to feedback the store does not take.
func quiet() *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
}

// apology is the response to an interaction whose handling failed or panicked: a short private "sorry,
// try again", or for autocomplete an empty list.
func (h *Handler) apology(in *discordgo.Interaction) *discordgo.InteractionResponse {
	if in.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return noChoices()
	}
	return h.notice(labels(locale(in)).failed)
}

func (h *Handler) flags() discordgo.MessageFlags {
	if h.opts.Public {
		return 0
	}
	return discordgo.MessageFlagsEphemeral
}
