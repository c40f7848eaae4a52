package telegram

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/internal/guard"
)

// SecretHeader carries the secret Telegram was given with setWebhook.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// MaxUpdateBytes bounds a webhook delivery: one Update. A message's text or caption is at most 4,096
// characters (24 KiB with Telegram's \uXXXX escapes), and an update may carry the message it replies to
// and their entities besides. The webhook checks its secret header before reading the body, so only
// Telegram can make it read this much. The server applies it before the handler reads.
const MaxUpdateBytes = 128 << 10

// WebhookReply says how the webhook's replies reach Telegram.
type WebhookReply int

const (
	// ReplyInResponse puts an update's last reply in the HTTP response to Telegram's delivery (the Bot
	// API's "making requests when getting updates"); replies before it, rare, go through the Bot API
	// first. The reply and the acknowledgement are one exchange: a process killed at any moment has
	// either answered the update (Telegram got the response) or not (Telegram delivers it again), so a
	// crash neither loses nor repeats it. Telegram does not report whether such a request succeeded.
	ReplyInResponse WebhookReply = iota
	// ReplyThroughAPI sends every reply through the Bot API, retrying failures, before acknowledging:
	// delivery errors are seen and retried, but a process killed between sending and acknowledging
	// sends the reply again when Telegram redelivers.
	ReplyThroughAPI
)

// WebhookOptions configure a webhook.
type WebhookOptions struct {
	Secret  string        // what Telegram must send in SecretHeader
	Reply   WebhookReply  // how replies reach Telegram
	Timeout time.Duration // the deadline to answer one delivery
	Panics  *guard.Panics // recovers a panic while answering one update; nil still recovers
	Log     *slog.Logger  // nil logs nothing
}

// Webhook receives updates that Telegram posts. It answers each before (or while) acknowledging it, so
// an update whose reply was not sent is delivered again by Telegram, and a delivery seen before is not
// answered twice.
type Webhook struct {
	*responder
	secret  []byte
	reply   WebhookReply
	timeout time.Duration
}

// NewWebhook builds the webhook handler.
func NewWebhook(h *Handler, s *Sender, st State, opts WebhookOptions) *Webhook {
	return &Webhook{responder: newResponder(h, s, st, opts.Log, opts.Panics), secret: []byte(opts.Secret), reply: opts.Reply, timeout: opts.Timeout}
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
	deliver := wh.sendAll
	responded := false
	if wh.reply == ReplyInResponse {
		deliver = func(ctx context.Context, u tgbotapi.Update, reqs []tgbotapi.Chattable) error {
			responded = true
			return wh.respond(ctx, w, u, reqs)
		}
	}
	if err := wh.guarded(ctx, u, deliver); err != nil && !errors.Is(err, guard.ErrPanic) {
		if !responded {
			http.Error(w, "try again", http.StatusServiceUnavailable) // Telegram delivers it again later
		}
		return
	}
	if !responded {
		w.WriteHeader(http.StatusOK)
	}
}

// respond sends all but the last reply through the Bot API, then writes the last one as the response,
// within the rate limits. It writes a 503 for an error before the response (Telegram delivers the update
// again); an error while writing means Telegram did not get the reply either.
func (wh *Webhook) respond(ctx context.Context, w http.ResponseWriter, u tgbotapi.Update, reqs []tgbotapi.Chattable) error {
	if len(reqs) == 0 {
		w.WriteHeader(http.StatusOK)
		return nil
	}
	last := len(reqs) - 1
	var reply encodedReply
	err := tgbotapi.WriteToHTTPResponse(&reply, reqs[last])
	if err == nil {
		err = wh.sendAll(ctx, u, reqs[:last])
	}
	if err == nil {
		err = wh.sender.pace(ctx, chatOf(u), isGroup(u))
	}
	if err != nil {
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return err
	}
	w.Header().Set("Content-Type", reply.header.Get("Content-Type"))
	w.Header().Set("Content-Length", strconv.Itoa(reply.body.Len()))
	if _, err := w.Write(reply.body.Bytes()); err != nil {
		return fmt.Errorf("write the reply: %w", err)
	}
	// Out of the server's buffer before the claim is completed: a crash between the two must leave
	// the reply on its way, or the update unanswered and claimable, never answered on record only.
	if err := http.NewResponseController(w).Flush(); err != nil {
		return fmt.Errorf("send the reply: %w", err)
	}
	wh.sender.metrics.Reply("in_response")
	return nil
}

// encodedReply holds a request encoded as a webhook response, so that an encoding error is known before
// anything is written.
type encodedReply struct {
	header http.Header
	body   bytes.Buffer
}

func (r *encodedReply) Header() http.Header {
	if r.header == nil {
		r.header = http.Header{}
	}
	return r.header
}

func (r *encodedReply) Write(p []byte) (int, error) { return r.body.Write(p) }

func (r *encodedReply) WriteHeader(int) {}
