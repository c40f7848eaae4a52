package adaptermetrics_test

import (
	"slices"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/faqbot/faqbot/bot/discord"
	"github.com/faqbot/faqbot/bot/telegram"
	"github.com/faqbot/faqbot/internal/adaptermetrics"
)

// TestAdaptersKeepTheirMetricNames: dashboards read these names; both adapters register side by side.
func TestAdaptersKeepTheirMetricNames(t *testing.T) {
	reg := prometheus.NewRegistry()
	tm, err := telegram.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	dm, err := discord.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []*adaptermetrics.Metrics{tm, dm} {
		m.Start("message")()
		m.Seen("duplicate")
		m.Reply("sent")
		m.Retry("429")
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range families {
		got = append(got, f.GetName())
	}
	want := []string{"faqbot_discord_in_flight", "faqbot_discord_received_total", "faqbot_discord_replies_total",
		"faqbot_discord_reply_seconds", "faqbot_discord_retries_total", "faqbot_telegram_replies_total",
		"faqbot_telegram_reply_seconds", "faqbot_telegram_retries_total", "faqbot_telegram_updates_in_flight",
		"faqbot_telegram_updates_total"}
	if !slices.Equal(got, want) {
		t.Errorf("metrics %v, want %v", got, want)
	}
}

func TestNilCountsNothing(t *testing.T) {
	var m *adaptermetrics.Metrics
	m.Start("x")()
	m.Seen("x")
	m.Reply("x")
	m.Retry("x")
}
