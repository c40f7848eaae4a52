package telegram

import (
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics counts the adapter's work. A nil *Metrics counts nothing. Labels never carry chat or user ids.
type Metrics struct {
	updates  *prometheus.CounterVec
	replies  *prometheus.CounterVec
	retries  *prometheus.CounterVec
	latency  prometheus.Histogram
	inFlight prometheus.Gauge
}

// NewMetrics registers the adapter's metrics with reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		updates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_telegram_updates_total", Help: "Telegram updates received, by type.",
		}, []string{"type"}),
		replies: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_telegram_replies_total", Help: "Telegram requests sent, by result (sent, failed, blocked; in_response: carried by a webhook response).",
		}, []string{"result"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_telegram_retries_total", Help: "Telegram requests retried, by reason (429, 5xx, network).",
		}, []string{"reason"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "faqbot_telegram_reply_seconds", Help: "Time from receiving an update to its replies sent.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 12),
		}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "faqbot_telegram_updates_in_flight", Help: "Telegram updates being answered now (the queue depth).",
		}),
	}
	for _, c := range []prometheus.Collector{m.updates, m.replies, m.retries, m.latency, m.inFlight} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *Metrics) update(u tgbotapi.Update) func() {
	if m == nil {
		return func() {}
	}
	m.updates.WithLabelValues(updateType(u)).Inc()
	m.inFlight.Inc()
	start := time.Now()
	return func() {
		m.inFlight.Dec()
		m.latency.Observe(time.Since(start).Seconds())
	}
}

func (m *Metrics) reply(result string) {
	if m != nil {
		m.replies.WithLabelValues(result).Inc()
	}
}

func (m *Metrics) retry(reason string) {
	if m != nil {
		m.retries.WithLabelValues(reason).Inc()
	}
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
