package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/faqbot/faqbot/bot/telegram"
	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/server"
	"github.com/faqbot/faqbot/internal/store"
)

// telegramState keeps the Telegram adapter's offset, claims of updates and blocked chats in the store.
// lease is how long an unfinished claim holds off other replicas: a webhook replica's claim lasts past
// its answer deadline; the one poller takes over unfinished claims at once.
type telegramState struct {
	st    *store.Store
	lease time.Duration
}

const telegramAdapter = "telegram"

// Offset reads where polling stands, saved as "<bot id>:<offset>", or as "<offset>" before bots were
// recorded.
func (s telegramState) Offset(ctx context.Context) (telegram.Cursor, error) {
	v, ok, err := s.st.State(ctx, telegramAdapter, "offset")
	if err != nil || !ok {
		return telegram.Cursor{}, err
	}
	var c telegram.Cursor
	bot, offset, found := strings.Cut(v, ":")
	if !found {
		bot, offset = "0", v
	}
	if c.Bot, err = strconv.ParseInt(bot, 10, 64); err == nil {
		c.Offset, err = strconv.Atoi(offset)
	}
	if err != nil {
		return telegram.Cursor{}, fmt.Errorf("telegram offset %q: %w", v, err)
	}
	return c, nil
}

func (s telegramState) SaveOffset(ctx context.Context, c telegram.Cursor) error {
	return s.st.SetState(ctx, telegramAdapter, "offset", strconv.FormatInt(c.Bot, 10)+":"+strconv.Itoa(c.Offset))
}

func (s telegramState) ForgetClaims(ctx context.Context, from int) error {
	return s.st.ForgetClaims(ctx, telegramAdapter, int64(from))
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

// telegramPrefs keeps each chat's chosen language in the store, with the chats asked about lately in
// memory: every message needs its chat's choice, and most chats never make one. A choice made through
// this process is seen at once; one made through another replica sharing the store, within langTTL.
type telegramPrefs struct {
	st    *store.Store
	cache *lru.Cache[int64, cachedLang]
	now   func() time.Time
}

type cachedLang struct {
	lang string
	at   time.Time
}

// langTTL bounds how long a chat's language is trusted from memory; langCached bounds the chats kept.
const (
	langTTL    = 30 * time.Second
	langCached = 10000
)

func newTelegramPrefs(st *store.Store) (*telegramPrefs, error) {
	cache, err := lru.New[int64, cachedLang](langCached)
	if err != nil {
		return nil, fmt.Errorf("language cache: %w", err)
	}
	return &telegramPrefs{st: st, cache: cache, now: time.Now}, nil
}

func (p *telegramPrefs) Lang(ctx context.Context, chat int64) (string, error) {
	if c, ok := p.cache.Get(chat); ok && p.now().Sub(c.at) < langTTL {
		return c.lang, nil
	}
	v, _, err := p.st.State(ctx, telegramAdapter, langKey(chat))
	if err != nil {
		return "", err
	}
	p.cache.Add(chat, cachedLang{lang: v, at: p.now()})
	return v, nil
}

func (p *telegramPrefs) SetLang(ctx context.Context, chat int64, lang string) error {
	if err := p.st.SetState(ctx, telegramAdapter, langKey(chat), lang); err != nil {
		p.cache.Remove(chat)
		return err
	}
	p.cache.Add(chat, cachedLang{lang: lang, at: p.now()})
	return nil
}

func langKey(chat int64) string { return "lang:" + strconv.FormatInt(chat, 10) }

// startTelegram connects the Telegram adapter in the background (retrying until Telegram answers),
// then polls or serves the webhook. wg is done when its work in flight is finished.
func startTelegram(ctx context.Context, cfg config.Telegram, srv *server.Server, eng liveEngine, st *store.Store,
	metrics *telegram.Metrics, panics *guard.Panics, log *slog.Logger, wg *sync.WaitGroup) {
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
		prefs, err := newTelegramPrefs(st)
		if err != nil {
			log.Error("telegram adapter not started", "err", err)
			return
		}
		h := telegram.NewHandler(eng, prefs, eng.vote(telegramAdapter), client.Self().UserName)
		sender := telegram.NewSender(client, telegram.Limits{Global: cfg.GlobalRate, Chat: cfg.ChatRate, Group: cfg.GroupRate}, telegram.DefaultRetry(), log, metrics)
		if cfg.Mode == "webhook" {
			reply := telegram.ReplyInResponse
			if cfg.WebhookReply == "api" {
				reply = telegram.ReplyThroughAPI
			}
			opts := telegram.WebhookOptions{Secret: string(cfg.WebhookSecret), Reply: reply, Timeout: cfg.WebhookTimeout, Panics: panics}
			hook.Store(telegram.NewWebhook(h, sender, telegramState{st: st, lease: 2 * cfg.WebhookTimeout}, opts, log))
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
		_ = telegram.NewPoller(client, h, sender, telegramState{st: st},
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
