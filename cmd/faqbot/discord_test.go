package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
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
	for deadline := time.Now().Add(serveWait); ; time.Sleep(20 * time.Millisecond) {
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

// TestServeDiscordFeedbackOnlyOnAnswersGiven (issue 11, point 4) runs serve with the interactions
// endpoint and the real store: a verdict on an answer given to that user (an /ask answer, a topic from
// /faq) is thanked and recorded; the same tap by another user, and forged custom ids, are acknowledged
// quietly (type 6) and recorded nowhere.
func TestServeDiscordFeedbackOnlyOnAnswersGiven(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	t.Setenv("DISCORD_PUBLIC_KEY", hex.EncodeToString(pub))
	addr, dbPath := freeAddr(t), filepath.Join(t.TempDir(), "f.db")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--http-addr", addr, "--store", dbPath}, strings.NewReader(""), io.Discard, io.Discard)
	}()
	id := 9000
	post := func(user string, typ int, data map[string]any) (int, map[string]any) {
		id++
		body, _ := json.Marshal(map[string]any{"id": strconv.Itoa(id), "application_id": "200", "type": typ, "token": "tok", "version": 1,
			"locale": "en-US", "member": map[string]any{"user": map[string]any{"id": user}}, "data": data})
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ := http.NewRequest("POST", "http://"+addr+"/discord/interactions", bytes.NewReader(body))
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...))))
		req.Header.Set("X-Signature-Timestamp", ts)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, nil
		}
		defer resp.Body.Close()
		var out map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	command := func(name, option, value string) map[string]any {
		return map[string]any{"id": "3", "name": name, "type": 1, "options": []any{map[string]any{"name": option, "type": 3, "value": value}}}
	}
	click := func(customID string) map[string]any {
		return map[string]any{"custom_id": customID, "component_type": 2}
	}
	for deadline := time.Now().Add(serveWait); ; time.Sleep(50 * time.Millisecond) {
		if code, _ := post("5", 1, nil); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("serve never answered a PING")
		}
	}
	if _, resp := post("5", 2, command("ask", "question", "what should I wear?")); !strings.Contains(toJSON(resp), "f:0:en:what-to-wear") {
		t.Fatalf("/ask: %v, want feedback buttons on what-to-wear", resp)
	}
	if _, resp := post("7", 2, command("faq", "topic", "pain")); !strings.Contains(toJSON(resp), "f:0:en:pain") {
		t.Fatalf("/faq pain: %v, want feedback buttons on pain", resp)
	}
	taps := []struct {
		user, customID string
		thanked        bool
	}{
		{"5", "f:0:en:what-to-wear", true},
		{"7", "f:0:en:pain", true},
		{"6", "f:0:en:what-to-wear", false}, // never given to user 6
		{"5", "f:0:en:pain", false},         // pain was shown to 7, not 5
		{"5", "f:0:en:=HYPERLINK(\"x\")", false},
		{"5", "f:0:en:what-to-wear\nx", false},
		{"5", "f:0:en:no-such-answer", false},
	}
	for _, tap := range taps {
		code, resp := post(tap.user, 3, click(tap.customID))
		thanked := strings.Contains(toJSON(resp), "Thank you")
		if code != 200 || thanked != tap.thanked || !thanked && resp["type"] != float64(6) {
			t.Errorf("user %s taps %q: got %d %v, want thanked %v (else type 6)", tap.user, tap.customID, code, resp, tap.thanked)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("serve exit %d", code)
	}
	code, out, _ := runCmd(t, "", "report", "--store", dbPath, "--format", "json")
	var r struct {
		Unhelpful []struct {
			ID         string `json:"id"`
			NotHelpful int    `json:"not_helpful"`
		} `json:"unhelpful"`
	}
	if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil {
		t.Fatalf("report: exit %d %v\n%s", code, err, out)
	}
	got := map[string]int{}
	for _, u := range r.Unhelpful {
		got[u.ID] = u.NotHelpful
	}
	if len(got) != 2 || got["what-to-wear"] != 1 || got["pain"] != 1 {
		t.Errorf("verdicts recorded %v, want one on what-to-wear and one on pain", got)
	}
}
