package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// serveWait bounds how long a test waits for a serve to start or to act: a bound on a test that has
// gone wrong, not a timing assertion (a serve starting under the race detector on a busy two-core
// machine has taken over ten seconds, and in CI, beside the other packages' tests, over fifteen).
const serveWait = 60 * time.Second

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestServeBadConfig(t *testing.T) {
	t.Setenv("FAQBOT_LOG_FORMAT", "xml")
	t.Setenv("FAQBOT_ADMIN_TOKEN", "hunter2")
	code, _, stderr := runCmd(t, "", "serve", "--threshold", "3", "--http-addr", "nowhere")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"threshold 3", `http.addr "nowhere"`, `log.format "xml"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "hunter2") {
		t.Errorf("stderr leaks the admin token:\n%s", stderr)
	}
}

func TestServeStartsAndStops(t *testing.T) {
	addr := freeAddr(t)
	dbPath := filepath.Join(t.TempDir(), "faqbot.db")
	ctx, cancel := context.WithCancel(context.Background())
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		args := []string{"serve", "--http-addr", addr, "--store", dbPath, "--log-format", "json"}
		done <- run(ctx, args, strings.NewReader(""), io.Discard, &stderr)
	}()
	var resp *http.Response
	var err error
	for deadline := time.Now().Add(serveWait); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if resp, err = http.Get("http://" + addr + "/readyz"); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("serve never answered: %v\n%s", err, stderr.String())
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("readyz: %d", resp.StatusCode)
	}
	if code, out, _ := runCmd(t, "", "healthcheck", "--addr", addr); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Errorf("healthcheck: exit %d %q", code, out)
	}
	for _, q := range []string{`{"question":"what should I wear?"}`, `{"question":"how much does it cost?"}`, `{"question":"عندي حرارة"}`} {
		resp, err := http.Post("http://"+addr+"/v1/ask", "application/json", strings.NewReader(q))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("ask %s: %v %v", q, err, resp)
		}
		resp.Body.Close()
	}
	resp, err = http.Post("http://"+addr+"/v1/feedback", "application/json", strings.NewReader(`{"id":"what-to-wear","lang":"en","helpful":false}`))
	if err != nil || resp.StatusCode != 204 {
		t.Fatalf("feedback: %v %v", err, resp)
	}
	resp.Body.Close()
	for _, forged := range []struct {
		contentType, body string
		want              int
	}{
		{"application/json", `{"id":"=HYPERLINK(\"x\")","lang":"en","helpful":false}`, 404}, // never given
		{"application/json", `{"id":"pain","lang":"en","helpful":false}`, 404},              // not given to this client
		{"text/plain", `{"id":"what-to-wear","lang":"en","helpful":true}`, 415},             // a cross-site post
	} {
		resp, err = http.Post("http://"+addr+"/v1/feedback", forged.contentType, strings.NewReader(forged.body))
		if err != nil || resp.StatusCode != forged.want {
			t.Fatalf("forged feedback %s: got %v %v, want %d", forged.body, err, resp, forged.want)
		}
		resp.Body.Close()
	}
	resp, err = http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`faqbot_feedback_total{platform="web",verdict="not_helpful"} 1`, `faqbot_feedback_refused_total{platform="web"} 2`,
		`faqbot_questions_total{lang="en",platform="web",status="answered"} 1`} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exit %d, want 0 after shutdown:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), `"msg":"faqbot serving"`) || !strings.Contains(stderr.String(), `"msg":"faqbot stopped"`) {
		t.Errorf("logs:\n%s", stderr.String())
	}
	if code, _, _ := runCmd(t, "", "healthcheck", "--addr", addr); code != 1 {
		t.Errorf("healthcheck on a stopped service: exit %d, want 1", code)
	}
	code, out, stderrOut := runCmd(t, "", "report", "--store", dbPath, "--format", "json")
	var r struct {
		ByStatus  map[string]int `json:"by_status"`
		Unhelpful []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil {
		t.Fatalf("report: exit %d %v\n%s%s", code, err, out, stderrOut)
	}
	if r.ByStatus["answered"] != 1 || r.ByStatus["no_match"] != 1 || r.ByStatus["urgent"] != 1 || len(r.Unhelpful) != 1 {
		t.Errorf("report after one question of each kind and one feedback: %s", out)
	}
	if code, out, _ := runCmd(t, "", "report", "--store", dbPath); code != 0 || !strings.Contains(out, "TOP ANSWERED") {
		t.Errorf("report table: exit %d\n%s", code, out)
	}
	if code, _, _ := runCmd(t, "", "report", "--since", "yesterday"); code != 2 {
		t.Errorf("bad --since: exit %d, want 2", code)
	}
}

func TestServeDiscordInteractions(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	t.Setenv("DISCORD_PUBLIC_KEY", hex.EncodeToString(pub))
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--http-addr", addr, "--store", filepath.Join(t.TempDir(), "f.db")}, strings.NewReader(""), io.Discard, io.Discard)
	}()
	defer func() { cancel(); <-done }()
	post := func(body string, sign bool) int {
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		sig := ed25519.Sign(priv, []byte(ts+body))
		if !sign {
			sig[0] ^= 1
		}
		req, _ := http.NewRequest("POST", "http://"+addr+"/discord/interactions", strings.NewReader(body))
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
		req.Header.Set("X-Signature-Timestamp", ts)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	var code int
	for deadline := time.Now().Add(serveWait); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if code = post(`{"type":1}`, true); code != 0 {
			break
		}
	}
	if code != 200 {
		t.Errorf("signed PING: %d", code)
	}
	if code := post(`{"type":1}`, false); code != 401 {
		t.Errorf("forged signature: %d", code)
	}
}
