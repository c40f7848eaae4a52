package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/bot/telegram"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/server"
	"github.com/faqbot/faqbot/internal/store"
)

// telegramState keeps the Telegram adapter's offset, answered updates and chat languages in the store.
// lease is how long an unfinished claim holds off other replicas: a webhook replica's claim lasts past
// its answer deadline; the one poller takes over unfinished claims at once.
type telegramState struct {
	st    *store.Store
	lease time.Duration
}

const telegramAdapter = "telegram"

func (s telegramState) Offset(ctx context.Context) (int, error) {
	v, ok, err := s.st.State(ctx, telegramAdapter, "offset")
	if err != nil || !ok {
		return 0, err
	}
	return strconv.Atoi(v)
}

func (s telegramState) SaveOffset(ctx context.Context, offset int) error {
	return s.st.SetState(ctx, telegramAdapter, "offset", strconv.Itoa(offset))
}

func (s telegramState) Claim(ctx context.Context, id int) (telegram.Claim, error) {
	c, err := s.st.Claim(ctx, telegramAdapter, int64(id), s.lease)
	return [...]telegram.Claim{store.Claimed: telegram.ClaimWon, store.Answered: telegram.ClaimAnswered, store.Busy: telegram.ClaimBusy}[c], err
}

func (s telegramState) Complete(ctx context.Context, id int) error {
	return s.st.Complete(ctx, telegramAdapter, int64(id))
}

func (s telegramState) Release(ctx context.Context, id int) error {
	return s.st.Release(ctx, telegramAdapter, int64(id))
}

func (s telegramState) Blocked(ctx context.Context, chat int64) error {
	return s.st.SetState(ctx, telegramAdapter, "blocked:"+strconv.FormatInt(chat, 10), time.Now().UTC().Format(time.RFC3339))
}

func (s telegramState) Lang(ctx context.Context, chat int64) (string, error) {
	v, _, err := s.st.State(ctx, telegramAdapter, "lang:"+strconv.FormatInt(chat, 10))
	return v, err
}

func (s telegramState) SetLang(ctx context.Context, chat int64, lang string) error {
	return s.st.SetState(ctx, telegramAdapter, "lang:"+strconv.FormatInt(chat, 10), lang)
}

// startTelegram connects the Telegram adapter in the background (retrying until Telegram answers),
// then polls or serves the webhook. wg is done when its work in flight is finished.
func startTelegram(ctx context.Context, cfg config.Telegram, srv *server.Server, eng liveEngine, st *store.Store,
	metrics *telegram.Metrics, log *slog.Logger, wg *sync.WaitGroup) {
	log = log.With("adapter", telegramAdapter)
	var connected atomic.Bool
	var hook atomic.Pointer[telegram.Webhook]
	srv.AddCheck(telegramAdapter, func(context.Context) error {
		if !connected.Load() {
			return errors.New("not connected to Telegram yet")
		}
		return nil
	})
	if cfg.Mode == "webhook" {
		srv.Handle("POST /telegram/webhook", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
		h := telegram.NewHandler(eng, telegramState{st: st}, eng.feedback(telegramAdapter), client.Self.UserName)
		sender := telegram.NewSender(client, telegram.Limits{Global: cfg.GlobalRate, Chat: cfg.ChatRate, Group: cfg.GroupRate}, telegram.DefaultRetry(), log, metrics)
		if cfg.Mode == "webhook" {
			reply := telegram.ReplyInResponse
			if cfg.WebhookReply == "api" {
				reply = telegram.ReplyThroughAPI
			}
			opts := telegram.WebhookOptions{Secret: string(cfg.WebhookSecret), Reply: reply, Timeout: cfg.WebhookTimeout}
			hook.Store(telegram.NewWebhook(h, sender, telegramState{st: st, lease: 2 * cfg.WebhookTimeout}, opts, log))
			if _, err := client.MakeRequest("setWebhook", tgbotapi.Params{"url": cfg.WebhookURL, "secret_token": string(cfg.WebhookSecret)}); err != nil {
				log.Error("telegram setWebhook failed", "err", err)
				return
			}
			connected.Store(true)
			log.Info("telegram connected", "mode", "webhook", "reply", cfg.WebhookReply, "bot", client.Self.UserName)
			return
		}
		if _, err := client.Request(tgbotapi.DeleteWebhookConfig{}); err != nil {
			log.Warn("telegram deleteWebhook failed", "err", err)
		}
		connected.Store(true)
		log.Info("telegram connected", "mode", "polling", "bot", client.Self.UserName)
		_ = telegram.NewPoller(client, h, sender, telegramState{st: st}, cfg.Workers, log).Run(ctx)
	}()
}

// connectTelegram asks Telegram who the bot is, retrying with backoff until it answers or ctx ends. The
// token stays out of every log line and error.
func connectTelegram(ctx context.Context, cfg config.Telegram, log *slog.Logger) (*tgbotapi.BotAPI, error) {
	endpoint := tgbotapi.APIEndpoint
	if cfg.APIEndpoint != "" {
		endpoint = cfg.APIEndpoint + "/bot%s/%s"
	}
	// Replies go out from many goroutines at once: keep that many connections to the API open rather
	// than Go's default of two per host, which would open and close one per reply under load.
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 128
	httpClient := &http.Client{Timeout: 40 * time.Second, Transport: transport}
	wait := time.Second
	for {
		client, err := tgbotapi.NewBotAPIWithClient(string(cfg.Token), endpoint, httpClient)
		if err == nil {
			return client, nil
		}
		log.Error("telegram getMe failed; retrying", "wait", wait, "err", redact(err, string(cfg.Token)))
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Minute)
	}
}

// redact removes a secret from an error's text (a URL in a network error can hold the bot token).
func redact(err error, secret string) string {
	if secret == "" {
		return err.Error()
	}
	return strings.ReplaceAll(err.Error(), secret, "[token]")
}
