package discord

import (
	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/faqbot/faqbot/internal/adaptermetrics"
)

// Metrics counts the adapter's work. A nil *Metrics counts nothing. Labels never carry user, channel or
// guild ids.
type Metrics = adaptermetrics.Metrics

// NewMetrics registers the adapter's metrics with reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	return adaptermetrics.New(reg, adaptermetrics.Names{
		Received: adaptermetrics.Metric{Name: "faqbot_discord_received_total",
			Help: "Discord interactions and messages received, by type (ping, command, autocomplete, component, message, duplicate)."},
		Replies:  adaptermetrics.Metric{Name: "faqbot_discord_replies_total", Help: "Discord replies, by result (sent, deferred, failed, dm_closed)."},
		Retries:  adaptermetrics.Metric{Name: "faqbot_discord_retries_total", Help: "Discord REST calls retried, by reason (429, 5xx, network)."},
		Latency:  adaptermetrics.Metric{Name: "faqbot_discord_reply_seconds", Help: "Time from receiving an interaction or message to its first reply."},
		InFlight: adaptermetrics.Metric{Name: "faqbot_discord_in_flight", Help: "Discord interactions and messages being answered now."},
		Buckets:  prometheus.ExponentialBuckets(0.001, 2, 14),
	})
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
