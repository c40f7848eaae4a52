package loadtest

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/bot/discord"
)

// TestDriveSpeaksThePlatformsWireFormats drives a server that checks every request as faqbot does: the
// webhook secret and a Telegram update, or a valid Ed25519 signature and a Discord interaction.
func TestDriveSpeaksThePlatformsWireFormats(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	var telegram, interactions, bad atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch r.URL.Path {
		case "/telegram/webhook":
			var u tgbotapi.Update
			if r.Header.Get("X-Telegram-Bot-Api-Secret-Token") != "s3cret" || json.Unmarshal(body, &u) != nil || u.Message == nil || u.Message.Text == "" {
				bad.Add(1)
				http.Error(w, "bad update", 400)
				return
			}
			telegram.Add(1)
		case "/discord/interactions":
			var in discordgo.Interaction
			if !discord.Verify(pub, r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp"), body, time.Now()) ||
				json.Unmarshal(body, &in) != nil || in.Type != discordgo.InteractionApplicationCommand || in.ApplicationCommandData().Name != "ask" {
				bad.Add(1)
				http.Error(w, "bad interaction", http.StatusUnauthorized)
				return
			}
			interactions.Add(1)
		}
	}))
	defer srv.Close()
	m := Drive(context.Background(), srv.Client(), Target{Base: srv.URL, TelegramSecret: "s3cret", DiscordKey: priv},
		Load{Rate: 400, Duration: 500 * time.Millisecond, Workers: 64, TelegramShare: 0.25})
	if m.Failed() != 0 || bad.Load() != 0 {
		t.Fatalf("%d failed, %d rejected: %v", m.Failed(), bad.Load(), m.Examples)
	}
	// How many requests a busy machine gets out on schedule is the load's measure, not this test's: every
	// request due is either sent or counted as not sent, and every one sent was accepted.
	if m.Sent()+m.NotSent != 200 || int64(m.Sent()) != telegram.Load()+interactions.Load() {
		t.Errorf("sent %d (telegram %d, discord %d) and %d not sent, want 200 in all, each sent one accepted", m.Sent(), telegram.Load(), interactions.Load(), m.NotSent)
	}
	if p := m.Percentile("", 0.99); m.Sent() > 0 && (p <= 0 || p > 5*time.Second) {
		t.Errorf("p99 %v", p)
	}
}

// TestTrafficSpreadsPlatformsByShare checks the mix on the request builder itself, where no timing can
// drop a request: a quarter of 200 requests are Telegram updates, and no two neighbours both are.
func TestTrafficSpreadsPlatformsByShare(t *testing.T) {
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	tr := newTraffic(Target{Base: "http://faqbot.test", TelegramSecret: "s3cret", DiscordKey: priv}, Load{TelegramShare: 0.25})
	counts := map[string]int{}
	last := ""
	for n := range int64(200) {
		_, platform, err := tr.request(n)
		if err != nil {
			t.Fatalf("request %d: %v", n, err)
		}
		if platform == "telegram" && last == "telegram" {
			t.Errorf("requests %d and %d are both Telegram updates: the share is not spread", n-1, n)
		}
		counts[platform]++
		last = platform
	}
	if counts["telegram"] != 50 || counts["discord"] != 150 {
		t.Errorf("got %v, want telegram 50 and discord 150", counts)
	}
}

func TestDriveCountsErrorsAndOverload(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(50 * time.Millisecond)
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	m := Drive(context.Background(), srv.Client(), Target{Base: srv.URL, DiscordKey: priv},
		Load{Rate: 200, Duration: 300 * time.Millisecond, Workers: 2, TelegramShare: 0.5})
	if m.Failed() == 0 || m.NotSent == 0 || !strings.Contains(strings.Join(m.Examples, " "), "HTTP 503") {
		t.Errorf("failed %d, not sent %d, examples %v: want failures and requests not sent", m.Failed(), m.NotSent, m.Examples)
	}
}
