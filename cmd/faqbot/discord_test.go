package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/discordtest"
)

// TestServeWithDiscordGateway runs serve with a bot token against a fake Discord: the commands are
// registered, the gateway session identifies, a DM is answered, readiness says so, the token stays out
// of the logs.
func TestServeWithDiscordGateway(t *testing.T) {
	f := discordtest.New(t)
	t.Setenv("DISCORD_BOT_TOKEN", "discord-secret-token")
	t.Setenv("DISCORD_APP_ID", "200")
	t.Setenv("DISCORD_API_ENDPOINT", f.URL())
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var logs strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--http-addr", addr, "--store", filepath.Join(t.TempDir(), "f.db")}, strings.NewReader(""), io.Discard, &lockedWriter{w: &logs})
	}()
	f.WaitFor("commands registered", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "PUT", "/applications/200/", "/commands")) == 1
	})
	f.WaitFor("identify", func([]discordtest.Call) bool { n, _ := f.Handshakes(); return n == 1 })
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(body), `"discord":"ok"`) {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve never ready with the Discord gateway: %v", err)
		}
	}
	f.Dispatch("MESSAGE_CREATE", map[string]any{"id": "77", "channel_id": "dm1", "content": "what should I wear?",
		"author": map[string]any{"id": "5", "username": "patient"}})
	calls := f.WaitFor("DM answered", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/channels/dm1/", "/messages")) == 1
	})
	if body := discordtest.Matching(calls, "POST", "/channels/dm1/", "/messages")[0].Body; !strings.Contains(toJSON(body), "What to wear") {
		t.Errorf("DM answer: %v", body)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exit %d", code)
	}
	if strings.Contains(logs.String(), "discord-secret-token") {
		t.Errorf("the bot token reached the logs:\n%s", logs.String())
	}
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
