// Package discord is the Discord adapter: slash commands (/ask, /faq, /topics), buttons and autocomplete,
// received on the HTTP interactions endpoint (Ed25519-signed) and answered with embeds, privately unless
// the server wants answers public.
package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
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

// maxSkew is how far an interaction's timestamp may be from now.
const maxSkew = 5 * time.Minute

// Interactions serves Discord's HTTP interactions endpoint.
type Interactions struct {
	key      ed25519.PublicKey
	eng      engine
	feedback FeedbackFunc
	public   bool // answers visible to the channel, not only to the asker
	timeout  time.Duration
	now      func() time.Time
	log      *slog.Logger
}

// NewInteractions builds the endpoint for the application's public key (hex, from the developer portal).
func NewInteractions(publicKeyHex string, eng engine, feedback FeedbackFunc, public bool, timeout time.Duration, log *slog.Logger) (*Interactions, error) {
	key, err := hex.DecodeString(publicKeyHex)
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil, errors.New("discord public key: want 64 hexadecimal characters")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Interactions{key: key, eng: eng, feedback: feedback, public: public, timeout: timeout, now: time.Now, log: log}, nil
}

func (h *Interactions) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if !h.verify(r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp"), body) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	var in discordgo.Interaction
	if err := json.Unmarshal(body, &in); err != nil {
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
	defer cancel()
	resp, err := h.respond(ctx, &in)
	if err != nil {
		h.log.Error("discord interaction", "type", int(in.Type), "err", err)
		http.Error(w, "could not answer", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}

// verify checks the Ed25519 signature of timestamp+body and that the timestamp is recent.
func (h *Interactions) verify(sigHex, timestamp string, body []byte) bool {
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return false
	}
	secs, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	if skew := h.now().Sub(time.Unix(secs, 0)); skew > maxSkew || skew < -maxSkew {
		return false
	}
	return ed25519.Verify(h.key, append([]byte(timestamp), body...), sig)
}

func (h *Interactions) respond(ctx context.Context, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
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

func (h *Interactions) command(ctx context.Context, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
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

func (h *Interactions) answer(a bot.Answer) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{embed(a)}, Components: components(a),
			Flags: h.flags(), AllowedMentions: &discordgo.MessageAllowedMentions{}}}
}

func (h *Interactions) notice(text string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: escape(text), Flags: discordgo.MessageFlagsEphemeral,
			AllowedMentions: &discordgo.MessageAllowedMentions{}}}
}

func (h *Interactions) flags() discordgo.MessageFlags {
	if h.public {
		return 0
	}
	return discordgo.MessageFlagsEphemeral
}

// topics is a select menu of every topic (Discord shows up to 25 options).
func (h *Interactions) topics(lang string) *discordgo.InteractionResponse {
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
func (h *Interactions) autocomplete(in *discordgo.Interaction) *discordgo.InteractionResponse {
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
func (h *Interactions) component(ctx context.Context, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
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
