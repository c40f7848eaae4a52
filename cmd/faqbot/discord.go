package main

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/bot/discord"
	"github.com/faqbot/faqbot/internal/config"
)

// registerDiscord installs the slash commands in the background, retrying until Discord answers or ctx
// ends; commands are rewritten only when they changed. The token stays out of every log line.
func registerDiscord(ctx context.Context, cfg config.Discord, log *slog.Logger, wg *sync.WaitGroup) {
	log = log.With("adapter", "discord")
	wg.Add(1)
	go func() {
		defer wg.Done()
		s, err := discordgo.New("Bot " + string(cfg.Token))
		if err != nil {
			log.Error("discord session", "err", redact(err, string(cfg.Token)))
			return
		}
		s.Client.Timeout = 20 * time.Second
		for wait := time.Second; ; wait = min(2*wait, time.Minute) {
			changed, err := discord.Register(s, cfg.AppID, cfg.GuildID)
			if err == nil {
				log.Info("discord commands ready", "changed", changed, "scope", scope(cfg.GuildID))
				return
			}
			log.Error("discord command registration failed; retrying", "wait", wait, "err", redact(err, string(cfg.Token)))
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
		}
	}()
}

func scope(guildID string) string {
	if strings.TrimSpace(guildID) == "" {
		return "global"
	}
	return "guild"
}
