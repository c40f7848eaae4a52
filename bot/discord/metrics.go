package discord

import (
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics counts the adapter's work. A nil *Metrics counts nothing. Labels never carry user, channel or
// guild ids.
type Metrics struct {
	received *prometheus.CounterVec
	replies  *prometheus.CounterVec
	retries  *prometheus.CounterVec
	latency  prometheus.Histogram
	inFlight prometheus.Gauge
}

// NewMetrics registers the adapter's metrics with reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		received: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_discord_received_total",
			Help: "Discord interactions and messages received, by type (ping, command, autocomplete, component, message, duplicate).",
		}, []string{"type"}),
		replies: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_discord_replies_total", Help: "Discord replies, by result (sent, deferred, failed, dm_closed).",
		}, []string{"result"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_discord_retries_total", Help: "Discord REST calls retried, by reason (429, 5xx, network).",
		}, []string{"reason"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "faqbot_discord_reply_seconds", Help: "Time from receiving an interaction or message to its first reply.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "faqbot_discord_in_flight", Help: "Discord interactions and messages being answered now.",
		}),
	}
	for _, c := range []prometheus.Collector{m.received, m.replies, m.retries, m.latency, m.inFlight} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// start counts a received event and returns the function that ends its timing.
func (m *Metrics) start(kind string) func() {
	if m == nil {
		return func() {}
	}
	m.received.WithLabelValues(kind).Inc()
	m.inFlight.Inc()
	began := time.Now()
	return func() {
		m.inFlight.Dec()
		m.latency.Observe(time.Since(began).Seconds())
	}
}

func (m *Metrics) seen(kind string) {
	if m != nil {
		m.received.WithLabelValues(kind).Inc()
	}
}

func (m *Metrics) reply(result string) {
	if m != nil {
		m.replies.WithLabelValues(result).Inc()
	}
}

func (m *Metrics) retried(reason string) {
	if m != nil {
		m.retries.WithLabelValues(reason).Inc()
	}
}

func interactionKind(t discordgo.InteractionType) string {
	switch t {
	case discordgo.InteractionPing:
		return "ping"
	case discordgo.InteractionApplicationCommand:
		return "command"
	case discordgo.InteractionApplicationCommandAutocomplete:
		return "autocomplete"
	case discordgo.InteractionMessageComponent:
		return "component"
	}
	return "other"
}
