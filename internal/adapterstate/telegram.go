// Package adapterstate owns the platform adapters' state kept in the store, shared by every replica:
// Telegram's polling offset, claims of updates, blocked chats and chats' languages, and Discord's claims
// of events. It turns the store's keys and claims into each adapter's own types.
package adapterstate

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/faqbot/faqbot/bot/telegram"
	"github.com/faqbot/faqbot/internal/store"
)

// Telegram keeps the Telegram adapter's offset, claims of updates and blocked chats in the store.
// Lease is how long an unfinished claim holds off other replicas: a webhook replica's claim lasts past
// its answer deadline; the one poller takes over unfinished claims at once.
type Telegram struct {
	Store *store.Store
	Lease time.Duration
}

const telegramAdapter = "telegram"

// Offset reads where polling stands, saved as "<bot id>:<offset>", or as "<offset>" before bots were
// recorded.
func (s Telegram) Offset(ctx context.Context) (telegram.Cursor, error) {
	v, ok, err := s.Store.State(ctx, telegramAdapter, "offset")
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

// SaveOffset saves where polling stands, with its bot.
func (s Telegram) SaveOffset(ctx context.Context, c telegram.Cursor) error {
	return s.Store.SetState(ctx, telegramAdapter, "offset", strconv.FormatInt(c.Bot, 10)+":"+strconv.Itoa(c.Offset))
}

// ForgetClaims forgets the claims of updates from an id on (another bot's, or before a reset).
func (s Telegram) ForgetClaims(ctx context.Context, from int) error {
	return s.Store.ForgetClaims(ctx, telegramAdapter, int64(from))
}

// Claim takes an update before it is answered: won, answered already, or busy in another replica.
func (s Telegram) Claim(ctx context.Context, id int) (telegram.Claim, error) {
	c, err := s.Store.Claim(ctx, telegramAdapter, int64(id), s.Lease)
	switch c {
	case store.Claimed:
		return telegram.ClaimWon, err
	case store.Answered:
		return telegram.ClaimAnswered, err
	}
	return telegram.ClaimBusy, err
}

// Complete marks a claimed update answered.
func (s Telegram) Complete(ctx context.Context, id int) error {
	return s.Store.Complete(ctx, telegramAdapter, int64(id))
}

// Release gives a claimed update back, unanswered.
func (s Telegram) Release(ctx context.Context, id int) error {
	return s.Store.Release(ctx, telegramAdapter, int64(id))
}

// Blocked records that a chat blocked the bot.
func (s Telegram) Blocked(ctx context.Context, chat int64) error {
	return s.Store.SetState(ctx, telegramAdapter, "blocked:"+strconv.FormatInt(chat, 10), time.Now().UTC().Format(time.RFC3339))
}

// TelegramLangs keeps each chat's chosen language in the store, with the chats asked about lately in
// memory: every message needs its chat's choice, and most chats never make one. A choice made through
// this process is seen at once; one made through another replica sharing the store, within langTTL.
type TelegramLangs struct {
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

// NewTelegramLangs keeps chats' languages in st.
func NewTelegramLangs(st *store.Store) (*TelegramLangs, error) {
	cache, err := lru.New[int64, cachedLang](langCached)
	if err != nil {
		return nil, fmt.Errorf("language cache: %w", err)
	}
	return &TelegramLangs{st: st, cache: cache, now: time.Now}, nil
}

// Lang is a chat's chosen language, "" when it chose none.
func (p *TelegramLangs) Lang(ctx context.Context, chat int64) (string, error) {
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

// SetLang saves a chat's chosen language.
func (p *TelegramLangs) SetLang(ctx context.Context, chat int64, lang string) error {
	if err := p.st.SetState(ctx, telegramAdapter, langKey(chat), lang); err != nil {
		p.cache.Remove(chat)
		return err
	}
	p.cache.Add(chat, cachedLang{lang: lang, at: p.now()})
	return nil
}

func langKey(chat int64) string { return "lang:" + strconv.FormatInt(chat, 10) }
