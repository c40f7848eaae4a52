package telegram

import (
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/faqbot/faqbot/internal/adaptermetrics"
)

// Metrics counts the adapter's work. A nil *Metrics counts nothing. Labels never carry chat or user ids.
type Metrics = adaptermetrics.Metrics

// NewMetrics registers the adapter's metrics with reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	return adaptermetrics.New(reg, adaptermetrics.Names{
		Received: adaptermetrics.Metric{Name: "faqbot_telegram_updates_total", Help: "Telegram updates received, by type."},
		Replies: adaptermetrics.Metric{Name: "faqbot_telegram_replies_total",
			Help: "Telegram requests sent, by result (sent, failed, blocked; in_response: carried by a webhook response)."},
		Retries:  adaptermetrics.Metric{Name: "faqbot_telegram_retries_total", Help: "Telegram requests retried, by reason (429, 5xx, network)."},
		Latency:  adaptermetrics.Metric{Name: "faqbot_telegram_reply_seconds", Help: "Time from receiving an update to its replies sent."},
		InFlight: adaptermetrics.Metric{Name: "faqbot_telegram_updates_in_flight", Help: "Telegram updates being answered now (the queue depth)."},
		Buckets:  prometheus.ExponentialBuckets(0.005, 2, 12),
	})
}

func updateType(u tgbotapi.Update) string {
	switch {
	case u.Message != nil && (u.Message.Text != "" || u.Message.Caption != ""):
		return "message"
	case u.Message != nil:
		return "non_text"
	case u.EditedMessage != nil:
		return "edited_message"
	case u.CallbackQuery != nil:
		return "callback_query"
	case u.InlineQuery != nil:
		return "inline_query"
	}
	return "other"
}
