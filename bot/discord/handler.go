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
	"github.com/faqbot/faqbot/internal/textnorm"
)

// engine is what the adapter needs from the answer engine.
type engine interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
	Topics(lang string) []bot.Topic
	Topic(id, lang string) (bot.Answer, bool)
}

// FeedbackFunc records a verdict on an answer.
type FeedbackFunc func(ctx context.Context, answerID, lang string, helpful bool) error

// Options tune a Handler. Zero values take the defaults.
type Options struct {
	Public     bool          // answers visible to the channel, not only to the asker
	Timeout    time.Duration // deadline of one question (default 10s)
	DeferAfter time.Duration // answer later when not ready by then (default 2s; Discord allows 3s)
	Log        *slog.Logger
	Metrics    *Metrics
}

// Handler turns interactions and messages into answers. The HTTP endpoint and the gateway share it.
type Handler struct {
	eng      engine
	feedback FeedbackFunc
	opts     Options
	log      *slog.Logger
	late     sync.WaitGroup // deferred answers still being written
}

// NewHandler builds the shared handler.
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
		return h.component(ctx, in)
	}
	return nil, errors.New("unknown interaction type")
}

func (h *Handler) command(ctx context.Context, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	data := in.ApplicationCommandData()
	lang := locale(in)
	switch data.Name {
	case "ask":
		q := option(data.Options, "question")
		if strings.TrimSpace(q) == "" {
			return h.notice("Type a question after /ask."), nil
		}
		a, err := h.eng.Answer(ctx, bot.Question{Text: q, Platform: "discord"})
		if err != nil {
			return nil, err
		}
		return h.answer(a), nil
	case "faq":
		if a, ok := h.eng.Topic(option(data.Options, "topic"), lang); ok {
			return h.answer(a), nil
		}
		return h.notice(labels(lang).unknown), nil
	case "topics":
		return h.topics(lang), nil
	}
	return nil, errors.New("unknown command " + data.Name)
}

// locale is the language of the user's Discord client, when it is Arabic; else the default English.
func locale(in *discordgo.Interaction) string {
	if strings.HasPrefix(string(in.Locale), "ar") {
		return "ar"
	}
	return "en"
}

func option(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o.Name == name {
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

func (h *Handler) flags() discordgo.MessageFlags {
	if h.opts.Public {
		return 0
	}
	return discordgo.MessageFlagsEphemeral
}

// topics is a select menu of every topic (Discord shows up to 25 options).
func (h *Handler) topics(lang string) *discordgo.InteractionResponse {
	var opts []discordgo.SelectMenuOption
	for _, t := range h.eng.Topics(lang) {
		if len(opts) == 25 {
			break
		}
		if id := topicID(t.ID, lang); len(id) <= maxCustomID {
			opts = append(opts, discordgo.SelectMenuOption{Label: cut(t.Title, maxLabel), Value: id})
		}
	}
	menu := discordgo.SelectMenu{CustomID: "topics", Placeholder: "…", Options: opts}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{menu}}},
			Flags: discordgo.MessageFlagsEphemeral}}
}

// autocomplete offers the topic titles matching what the user has typed so far.
func (h *Handler) autocomplete(in *discordgo.Interaction) *discordgo.InteractionResponse {
	data := in.ApplicationCommandData()
	typed := ""
	for _, o := range data.Options {
		if o.Focused {
			typed, _ = o.Value.(string)
		}
	}
	lang := locale(in)
	if strings.TrimSpace(typed) != "" {
		lang = textnorm.Detect(typed)
	}
	want := textnorm.Normalize(typed)
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, t := range h.eng.Topics(lang) {
		if len(choices) == 25 {
			break
		}
		if strings.Contains(textnorm.Normalize(t.Title), want) || strings.Contains(t.ID, want) {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: cut(t.Title, 100), Value: t.ID})
		}
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices}}
}

// component handles a button or the topics menu.
func (h *Handler) component(ctx context.Context, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	data := in.MessageComponentData()
	id := data.CustomID
	if id == "topics" && len(data.Values) == 1 {
		id = data.Values[0]
	}
	kind, rest, _ := strings.Cut(id, ":")
	switch kind {
	case "t":
		lang, topic, _ := strings.Cut(rest, ":")
		if a, ok := h.eng.Topic(topic, lang); ok {
			return h.answer(a), nil
		}
		return h.notice(labels("en").unknown), nil
	case "f":
		parts := strings.SplitN(rest, ":", 3)
		if len(parts) != 3 || (parts[0] != "0" && parts[0] != "1") || (parts[1] != "en" && parts[1] != "ar") {
			return h.notice(labels("en").unknown), nil
		}
		if err := h.feedback(ctx, parts[2], parts[1], parts[0] == "1"); err != nil {
			return nil, err
		}
		return h.notice(labels(parts[1]).thanks), nil
	}
	return h.notice(labels("en").unknown), nil
}
