package discord

import (
	"context"
	"errors"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/textnorm"
)

// message answers a direct message to the bot, or a server message that mentions it. Other messages,
// and those of bots, are ignored.
func (g *Gateway) message(ctx context.Context, m *discordgo.Message) {
	me := g.botID.Load()
	if m.Author == nil || m.Author.Bot || me == nil || m.Author.ID == *me || !snowflake(m.Author.ID) {
		return
	}
	direct := m.GuildID == ""
	if !direct && !mentions(m, *me) {
		return
	}
	if !g.once.claim(ctx, m.ID) {
		return
	}
	defer g.h.opts.Metrics.Start("message")()
	ctx, cancel := context.WithTimeout(ctx, g.h.opts.Timeout)
	defer cancel()
	err := g.h.opts.Panics.Call(platform, func() error { return g.reply(ctx, m, *me, direct) })
	switch {
	case errors.Is(err, guard.ErrPanic): // logged where it was recovered
		g.h.opts.Metrics.Reply("failed")
		apology := labels(textnorm.Detect(m.Content)).failed
		if err := g.rest.Send(ctx, m.ChannelID, noteMessage(apology, reference(m))); err != nil {
			g.h.log.Warn("discord: apology not delivered", "err", err)
		}
	case err != nil:
		g.h.log.Error("discord message", "direct", direct, "err", err)
		g.h.opts.Metrics.Reply("failed")
	default:
		g.h.opts.Metrics.Reply("sent")
	}
	g.once.settle(ctx, m.ID, err)
}

// reply answers in a DM, or in the channel when answers are public. Otherwise the answer goes to the
// asker's DMs with a short note in the channel; when the asker's DMs are closed the note says to use
// /ask, and an urgent reply is posted in the channel all the same.
func (g *Gateway) reply(ctx context.Context, m *discordgo.Message, me string, direct bool) error {
	text := strings.TrimSpace(stripMention(m.Content, me))
	ref := reference(m)
	if text == "" {
		note := labels(textnorm.Detect(m.Content)).typeQuestion
		return g.rest.Send(ctx, m.ChannelID, noteMessage(note, ref))
	}
	a, err := g.h.eng.Answer(ctx, bot.Question{Text: text, Platform: platform, User: userKey(m.Author.ID)})
	switch {
	case errors.Is(err, bot.ErrBusy):
		return g.rest.Send(ctx, m.ChannelID, noteMessage(busyReply(a), ref))
	case err != nil:
		return err
	}
	msg := &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{embed(a)}, Components: components(a),
		AllowedMentions: &discordgo.MessageAllowedMentions{}}
	if direct || g.h.opts.Public {
		msg.Reference = ref
		return g.rest.Send(ctx, m.ChannelID, msg)
	}
	t := labels(a.Lang)
	err = g.direct(ctx, m.Author.ID, msg)
	switch {
	case err == nil:
		note := t.sentPrivately
		if a.Status == bot.Urgent {
			note = t.emergency + "\n" + note
		}
		return g.rest.Send(ctx, m.ChannelID, noteMessage(note, ref))
	case code(err) == discordgo.ErrCodeCannotSendMessagesToThisUser:
		g.h.opts.Metrics.Reply("dm_closed")
		if a.Status == bot.Urgent {
			msg.Reference = ref
			return g.rest.Send(ctx, m.ChannelID, msg)
		}
		return g.rest.Send(ctx, m.ChannelID, noteMessage(t.cannotDM, ref))
	}
	return err
}

func (g *Gateway) direct(ctx context.Context, userID string, msg *discordgo.MessageSend) error {
	ch, err := g.rest.DirectChannel(ctx, userID)
	if err != nil {
		return err
	}
	return g.rest.Send(ctx, ch, msg)
}

func noteMessage(text string, ref *discordgo.MessageReference) *discordgo.MessageSend {
	return &discordgo.MessageSend{Content: escape(text), Reference: ref, AllowedMentions: &discordgo.MessageAllowedMentions{}}
}

// reference makes a reply point at the question, without failing when the question was deleted.
func reference(m *discordgo.Message) *discordgo.MessageReference {
	keep := false
	return &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &keep}
}

func mentions(m *discordgo.Message, me string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == me {
			return true
		}
	}
	return false
}

// stripMention removes the bot's mention (<@id> or <@!id>) from a message.
func stripMention(content, me string) string {
	return strings.NewReplacer("<@"+me+">", " ", "<@!"+me+">", " ").Replace(content)
}
