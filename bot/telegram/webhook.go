package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// SecretHeader carries the secret Telegram was given with setWebhook.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// Webhook receives updates that Telegram posts. It answers each before acknowledging it, so an update
// whose reply was not sent is delivered again by Telegram, and a delivery seen before is not answered twice.
type Webhook struct {
	*responder
	secret  []byte
	timeout time.Duration
}

// NewWebhook builds the webhook handler; requests must carry secret in SecretHeader.
func NewWebhook(h *Handler, s *Sender, st State, secret string, timeout time.Duration, log *slog.Logger) *Webhook {
	return &Webhook{responder: newResponder(h, s, st, log), secret: []byte(secret), timeout: timeout}
}

func (wh *Webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if subtle.ConstantTimeCompare([]byte(r.Header.Get(SecretHeader)), wh.secret) != 1 || len(wh.secret) == 0 {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var u tgbotapi.Update
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		http.Error(w, "malformed update", http.StatusBadRequest)
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), wh.timeout)
	defer cancel()
	if err := wh.one(ctx, u); err != nil {
		http.Error(w, "try again", http.StatusServiceUnavailable) // Telegram delivers it again later
		return
	}
	w.WriteHeader(http.StatusOK)
}
