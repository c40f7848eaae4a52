package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/faqbot/faqbot/bot/discord"
	"github.com/faqbot/faqbot/internal/adapterstate"
	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/server"
	"github.com/faqbot/faqbot/internal/store"
)

// discordDeps are what the Discord adapter is built from.
type discordDeps struct {
	eng     liveEngine
	store   *store.Store
	srv     *server.Server
	reg     prometheus.Registerer
	timeout time.Duration
	log     *slog.Logger
	panics  *guard.Panics // recovers panics while handling one event; nil still recovers
}

// startDiscord mounts the HTTP interactions endpoint (with a public key) and starts the gateway session
// and command registration (with a bot token). It reports what it started; wait returns once every
// deferred answer has been written.
func startDiscord(ctx context.Context, cfg config.Discord, d discordDeps, adapters *sync.WaitGroup) (status string, wait func(), err error) {
	if cfg.PublicKey == "" && cfg.Token == "" {
		return "off: not configured", func() {}, nil
	}
	log := d.log.With("adapter", "discord")
	m, err := discord.NewMetrics(d.reg)
	if err != nil {
		return "", nil, err
	}
	h := discord.NewHandler(d.eng, d.eng.vote("discord"), discord.Options{Public: cfg.PublicAnswers, Timeout: d.timeout, Log: log,
		Metrics: m, Panics: d.panics})
	sess, err := discord.NewSession(string(cfg.Token), cfg.APIEndpoint)
	if err != nil {
		return "", nil, err
	}
	rest := discord.NewREST(sess, discord.RESTOptions{Retry: discord.DefaultRetry(), Metrics: m})
	var modes []string
	if cfg.PublicKey != "" {
		in, err := discord.NewInteractions(cfg.PublicKey, h, rest, adapterstate.Discord{Store: d.store})
		if err != nil {
			return "", nil, err
		}
		d.srv.Handle("POST /discord/interactions", discord.MaxInteractionBytes, in)
		modes = append(modes, "interactions endpoint")
	}
	if cfg.Token != "" {
		registerDiscord(ctx, rest, cfg, log, adapters)
	}
	if cfg.Token != "" && cfg.Gateway {
		gw, err := discord.NewGateway(sess, h, rest, adapterstate.Discord{Store: d.store}, discord.GatewayOptions{ShardID: cfg.ShardID, ShardCount: cfg.ShardCount, MessageContent: cfg.MessageContent})
		if err != nil {
			return "", nil, err
		}
		d.srv.AddCheck("discord", gw.Ready)
		adapters.Add(1)
		go func() {
			defer adapters.Done()
			if err := gw.Run(ctx); err != nil {
				log.Warn("discord gateway closed", "err", err)
			}
		}()
		modes = append(modes, fmt.Sprintf("gateway shard %d/%d", cfg.ShardID, cfg.ShardCount))
		if cfg.MessageContent {
			log.Info("discord: asking for the message-content intent; enable it under Bot > Privileged Gateway Intents or Discord refuses the session (close code 4014)")
		} else {
			log.Info("discord: message-content intent off: slash commands, DMs and mentions are answered (Discord sends their text); other server messages are not read")
		}
	}
	return strings.Join(modes, " + "), h.Wait, nil
}

// registerDiscord installs the slash commands in the background, retrying (backoff.Reconnect) until
// Discord answers or ctx ends; commands are rewritten only when they changed. rest's errors carry no
// token.
func registerDiscord(ctx context.Context, rest *discord.REST, cfg config.Discord, log *slog.Logger, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		var changed bool
		err := backoff.Reconnect().Do(ctx, func() (err error) {
			changed, err = discord.Register(ctx, rest, cfg.AppID, cfg.GuildID)
			return err
		}, func(err error, _ int, wait time.Duration) {
			log.Error("discord command registration failed; retrying", "wait", wait, "err", err)
		})
		if err == nil {
			log.Info("discord commands ready", "changed", changed, "scope", scope(cfg.GuildID))
		}
	}()
}

func scope(guildID string) string {
	if strings.TrimSpace(guildID) == "" {
		return "global"
	}
	return "guild"
}
