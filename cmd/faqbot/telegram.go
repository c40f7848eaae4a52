package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/bot/telegram"
	"github.com/faqbot/faqbot/internal/adapterstate"
	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/server"
	"github.com/faqbot/faqbot/internal/store"
)

// telegramAdapter names the adapter in logs, checks and the store.
const telegramAdapter = "telegram"

// telegramDeps is what the Telegram adapter is built on.
type telegramDeps struct {
	eng     liveEngine
	store   *store.Store
	srv     *server.Server
	metrics *telegram.Metrics
	panics  *guard.Panics
	log     *slog.Logger
}

// startTelegram connects the Telegram adapter in the background (retrying until Telegram answers),
// then polls or serves the webhook. wg is done when its work in flight is finished.
func startTelegram(ctx context.Context, cfg config.Telegram, d telegramDeps, wg *sync.WaitGroup) {
	srv, eng, st, metrics, panics := d.srv, d.eng, d.store, d.metrics, d.panics
	log := d.log.With("adapter", telegramAdapter)
	var connected atomic.Bool
	var hook atomic.Pointer[telegram.Webhook]
	srv.AddCheck(telegramAdapter, func(context.Context) error {
		if !connected.Load() {
			return errors.New("not connected to Telegram yet")
		}
		return nil
	})
	if cfg.Mode == "webhook" {
		srv.Handle("POST /telegram/webhook", telegram.MaxUpdateBytes, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if h := hook.Load(); h != nil {
				h.ServeHTTP(w, r)
				return
			}
			http.Error(w, "not ready", http.StatusServiceUnavailable)
		}))
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		client, err := connectTelegram(ctx, cfg, log)
		if err != nil {
			return // ctx ended
		}
		prefs, err := adapterstate.NewTelegramLangs(st)
		if err != nil {
			log.Error("telegram adapter not started", "err", err)
			return
		}
		h := telegram.NewHandler(eng, prefs, eng.vote(telegramAdapter), client.Self().UserName)
		sender := telegram.NewSender(client, telegram.SenderOptions{Limits: telegram.Limits{Global: cfg.GlobalRate, Chat: cfg.ChatRate, Group: cfg.GroupRate}, Retry: telegram.DefaultRetry(), Log: log, Metrics: metrics})
		if cfg.Mode == "webhook" {
			reply := telegram.ReplyInResponse
			if cfg.WebhookReply == "api" {
				reply = telegram.ReplyThroughAPI
			}
			opts := telegram.WebhookOptions{Secret: string(cfg.WebhookSecret), Reply: reply, Timeout: cfg.WebhookTimeout, Panics: panics, Log: log}
			hook.Store(telegram.NewWebhook(h, sender, adapterstate.Telegram{Store: st, Lease: 2 * cfg.WebhookTimeout}, opts))
			if _, err := client.MakeRequest("setWebhook", tgbotapi.Params{"url": cfg.WebhookURL, "secret_token": string(cfg.WebhookSecret)}); err != nil {
				log.Error("telegram setWebhook failed", "err", err)
				return
			}
			connected.Store(true)
			log.Info("telegram connected", "mode", "webhook", "reply", cfg.WebhookReply, "bot", client.Self().UserName)
			return
		}
		if _, err := client.Request(tgbotapi.DeleteWebhookConfig{}); err != nil {
			log.Warn("telegram deleteWebhook failed", "err", err)
		}
		connected.Store(true)
		log.Info("telegram connected", "mode", "polling", "bot", client.Self().UserName)
		_ = telegram.NewPoller(client, h, sender, adapterstate.Telegram{Store: st},
			telegram.PollerOptions{Workers: cfg.Workers, Bot: client.Self().ID, UpdateTimeout: cfg.UpdateTimeout, Log: log, Panics: panics}).Run(ctx)
	}()
}

// connectTelegram asks Telegram who the bot is, retrying (backoff.Reconnect) until it answers or ctx
// ends. The client keeps the token out of every error it returns, so out of every log line.
func connectTelegram(ctx context.Context, cfg config.Telegram, log *slog.Logger) (*telegram.Client, error) {
	endpoint := tgbotapi.APIEndpoint
	if cfg.APIEndpoint != "" {
		endpoint = cfg.APIEndpoint + "/bot%s/%s"
	}
	// Replies go out from many goroutines at once: keep that many connections to the API open rather
	// than Go's default of two per host, which would open and close one per reply under load.
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 128
	httpClient := &http.Client{Timeout: 40 * time.Second, Transport: transport}
	var client *telegram.Client
	err := backoff.Reconnect().Do(ctx, func() (err error) {
		client, err = telegram.NewClient(string(cfg.Token), endpoint, httpClient)
		return err
	}, func(err error, _ int, wait time.Duration) {
		log.Error("telegram getMe failed; retrying", "wait", wait, "err", err)
	})
	return client, err
}
