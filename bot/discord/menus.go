package discord

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

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

// autocomplete offers the topic titles matching what the user has typed so far; nothing when what was
// typed is not text a Discord client sends.
func (h *Handler) autocomplete(in *discordgo.Interaction) *discordgo.InteractionResponse {
	typed, ok := focused(in)
	if !ok || !readable(typed, maxTopicRunes) {
		return noChoices()
	}
	lang := locale(in)
	if strings.TrimSpace(typed) != "" {
		lang = textnorm.Detect(typed)
	}
	if !knowledge.Supported(lang) {
		return noChoices()
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

// focused is the text of the option being typed; false when there is none, or it is not text.
func focused(in *discordgo.Interaction) (string, bool) {
	data, ok := in.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return "", false
	}
	for _, o := range data.Options {
		if o != nil && o.Focused {
			s, ok := o.Value.(string)
			return s, ok
		}
	}
	return "", true
}

func noChoices() *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{}}
}

// component handles a button or the topics menu. A click out of shape (no user, a custom id or value
// that is not one the bot renders) is acknowledged quietly and changes nothing; so is feedback the
// store refuses (on an answer never given to this user).
func (h *Handler) component(ctx context.Context, in *discordgo.Interaction) *discordgo.InteractionResponse {
	data, ok := in.Data.(discordgo.MessageComponentInteractionData)
	user, known := asker(in)
	if !ok || !known {
		return quiet()
	}
	id := data.CustomID
	if id == "topics" {
		if len(data.Values) != 1 {
			return quiet()
		}
		id = data.Values[0]
	}
	act, ok := parseCustomID(id)
	switch {
	case !ok:
		return quiet()
	case !act.feedback:
		if a, ok := h.eng.ShowTopic(ctx, platform, user, act.id, act.lang); ok {
			return h.answer(a)
		}
		return h.notice(labels(act.lang).unknown)
	case h.feedback == nil:
		return quiet()
	}
	if err := h.feedback(ctx, user, act.id, act.lang, act.helpful); err != nil {
		// Mostly a forged or stale tap, which anyone can make and the store counts: not worth a warning.
		h.log.Debug("discord: feedback not recorded", "err", err)
		return quiet()
	}
	return h.notice(labels(act.lang).thanks)
}
