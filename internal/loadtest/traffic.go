// Package loadtest drives a running faqbot serve through its real HTTP entry points (Telegram webhook
// updates and signed Discord interactions) at a fixed rate for a bounded time, with a fake Telegram Bot
// API receiving the replies, and measures throughput, latency, errors and the server's memory.
package loadtest

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// questions are what the simulated patients ask: answerable ones in both languages, red flags and
// questions the knowledge does not cover, so every path of the engine is under load.
var questions = []string{
	"What should I wear to my session?", "is the harvesting painful", "how long does the whole session take",
	"can I eat before the procedure", "when can I go back to work", "can I shower after the injection",
	"is it safe", "how many sessions will I need", "I have a fever and the injection site is red",
	"how much does the treatment cost", "can I drive home afterwards", "what are the side effects",
	"كم تستغرق الجلسة؟", "هل سحب الخلايا مؤلم", "ماذا ألبس يوم العلاج", "متى أعود للعمل",
	"هل يمكنني الاستحمام بعد الحقن", "عندي حرارة واحمرار يزداد حول مكان الحقن", "هل يغطي التأمين العلاج", "هل أصوم قبل الجلسة",
}

// Target is a faqbot serve to drive: its base URL and the secrets its adapters were configured with.
type Target struct {
	Base           string             // e.g. http://127.0.0.1:8080
	TelegramSecret string             // TELEGRAM_WEBHOOK_SECRET of the target
	DiscordKey     ed25519.PrivateKey // the private half of the target's DISCORD_PUBLIC_KEY
}

// traffic builds requests cheaply, so that the load generator leaves the processor to the server:
// Telegram updates from a template (each with its own update id), Discord interactions from a pool
// signed once a minute (a signature stays valid for five).
type traffic struct {
	t     Target
	share float64
	first int64

	mu       sync.Mutex
	signedAt time.Time
	signed   []signedInteraction
}

type signedInteraction struct{ body, timestamp, signature string }

func newTraffic(t Target, load Load) *traffic {
	return &traffic{t: t, share: load.TelegramShare, first: load.FirstID}
}

// request builds the n-th request: a Telegram update or a Discord interaction, spread evenly by share.
func (tr *traffic) request(n int64) (*http.Request, string, error) {
	if int64(float64(n+1)*tr.share) > int64(float64(n)*tr.share) {
		return tr.telegram(tr.first+n, n%10000+1, questions[n%int64(len(questions))]), "telegram", nil
	}
	req, err := tr.discord(n)
	return req, "discord", err
}

// telegram is an update as Telegram posts it to the webhook.
func (tr *traffic) telegram(updateID, chatID int64, text string) *http.Request {
	quoted, _ := json.Marshal(text)
	b := make([]byte, 0, 320)
	b = append(b, `{"update_id":`...)
	b = strconv.AppendInt(b, updateID, 10)
	b = append(b, `,"message":{"message_id":1,"date":`...)
	b = strconv.AppendInt(b, time.Now().Unix(), 10)
	b = append(b, `,"text":`...)
	b = append(b, quoted...)
	b = append(b, `,"from":{"id":`...)
	b = strconv.AppendInt(b, chatID, 10)
	b = append(b, `,"is_bot":false,"first_name":"Patient","language_code":"en"},"chat":{"id":`...)
	b = strconv.AppendInt(b, chatID, 10)
	b = append(b, `,"type":"private"}}}`...)
	req, _ := http.NewRequest(http.MethodPost, tr.t.Base+"/telegram/webhook", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", tr.t.TelegramSecret)
	return req
}

// discord is an /ask interaction as Discord posts it, signed over timestamp+body.
func (tr *traffic) discord(n int64) (*http.Request, error) {
	pool, err := tr.pool()
	if err != nil {
		return nil, err
	}
	in := pool[n%int64(len(pool))]
	req, err := http.NewRequest(http.MethodPost, tr.t.Base+"/discord/interactions", strings.NewReader(in.body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Ed25519", in.signature)
	req.Header.Set("X-Signature-Timestamp", in.timestamp)
	return req, nil
}

// pool returns the signed interactions, signing them again when they are a minute old.
func (tr *traffic) pool() ([]signedInteraction, error) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if time.Since(tr.signedAt) < time.Minute {
		return tr.signed, nil
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	var pool []signedInteraction
	for i := range 4 * len(questions) {
		id := tr.first + int64(i)
		body, err := json.Marshal(map[string]any{"id": strconv.FormatInt(id, 10), "application_id": "1", "type": 2,
			"token": fmt.Sprintf("loadtest-%d", id), "version": 1, "locale": "en-US", "channel_id": "2", "guild_id": "3",
			"member": map[string]any{"user": map[string]any{"id": "4", "username": "patient"}},
			"data":   map[string]any{"id": "5", "name": "ask", "type": 1, "options": []map[string]any{{"name": "question", "type": 3, "value": questions[i%len(questions)]}}}})
		if err != nil {
			return nil, err
		}
		sig := ed25519.Sign(tr.t.DiscordKey, append([]byte(ts), body...))
		pool = append(pool, signedInteraction{string(body), ts, hex.EncodeToString(sig)})
	}
	tr.signed, tr.signedAt = pool, time.Now()
	return pool, nil
}
