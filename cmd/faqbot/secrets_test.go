package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeNeverPrintsSecrets runs serve with all three secrets set while everything around it fails:
// the Bot API and Discord's API refuse connections, the admin route is tried with forged headers, and a
// reload meets broken knowledge. No log line, response or metric holds any of the secrets (issue 11).
func TestServeNeverPrintsSecrets(t *testing.T) {
	closed := closedURL(t)
	secrets := map[string]string{
		"TELEGRAM_BOT_TOKEN": "123456:tg-secret-Zq81", "DISCORD_BOT_TOKEN": "discord-secret-Pw47",
		"FAQBOT_ADMIN_TOKEN": "admin-secret-Kd93", "TELEGRAM_WEBHOOK_SECRET": "hook-secret-Vb20",
	}
	for k, v := range secrets {
		t.Setenv(k, v)
	}
	t.Setenv("TELEGRAM_API_ENDPOINT", closed)
	t.Setenv("DISCORD_API_ENDPOINT", closed)
	t.Setenv("DISCORD_APP_ID", "1")
	t.Setenv("FAQBOT_RELOAD_WATCH", "false")
	t.Setenv("FAQBOT_LOG_LEVEL", "debug")
	knowledgeDir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "testdata", "good", "faq.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(knowledgeDir, "faq.yaml"), good, 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	logs := &lockedWriter{w: &strings.Builder{}}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--knowledge", knowledgeDir, "--http-addr", addr, "--store", filepath.Join(t.TempDir(), "f.db")}, strings.NewReader(""), io.Discard, logs)
	}()
	waitHealthy(t, addr)

	var seen strings.Builder
	admin := func(auth string) {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/admin/reload", nil)
		req.Header.Set("Authorization", auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		seen.Write(body)
	}
	for _, auth := range []string{"Bearer wrong", "XXXXXXX" + secrets["FAQBOT_ADMIN_TOKEN"], "bearer " + secrets["FAQBOT_ADMIN_TOKEN"]} {
		admin(auth)
	}
	if err := os.WriteFile(filepath.Join(knowledgeDir, "faq.yaml"), []byte("lang: en\nentries: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	admin("Bearer " + secrets["FAQBOT_ADMIN_TOKEN"])
	time.Sleep(time.Second) // let the adapters retry and log their failures
	for _, path := range []string{"/metrics", "/readyz"} {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		seen.Write(body)
	}
	cancel()
	<-done
	out := logs.String() + seen.String()
	if !strings.Contains(out, "knowledge") || !strings.Contains(out, "faqbot_knowledge_reloads_total") {
		t.Fatalf("the test saw too little to judge:\n%s", out)
	}
	for name, secret := range secrets {
		_, tail, _ := strings.Cut(secret, ":") // a Telegram token's secret part alone is a leak too
		if strings.Contains(out, secret) || (tail != "" && strings.Contains(out, tail)) {
			t.Errorf("%s appears in the logs or responses:\n%s", name, out)
		}
	}
}

// closedURL is the address of a port nothing listens on: connections to it are refused.
func closedURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr
}

// waitHealthy waits until serve answers /healthz (it is not ready: its adapters cannot connect).
func waitHealthy(t *testing.T, addr string) {
	t.Helper()
	for deadline := time.Now().Add(serveWait); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			return
		}
	}
	t.Fatalf("%s never answered /healthz", addr)
}
