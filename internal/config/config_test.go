package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func envOf(m map[string]string) Env {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "faqbot.yaml")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPrecedence(t *testing.T) {
	file := writeFile(t, "threshold: 0.7\nhttp:\n  addr: \":9000\"\n  read_timeout: 3s\nstore:\n  dsn: file.db\nlog:\n  level: warn\n")
	env := envOf(map[string]string{"FAQBOT_HTTP_ADDR": ":9100", "FAQBOT_STORE": "env.db", "FAQBOT_ADMIN_TOKEN": "s3cret"})
	addr := "127.0.0.1:9200"
	c, err := Load(file, env, Overrides{HTTPAddr: &addr})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, got, want string }{
		{"flag beats env", c.HTTP.Addr, "127.0.0.1:9200"},
		{"env beats file", c.Store.DSN, "env.db"},
		{"file beats default", c.Log.Level, "warn"},
		{"default stays", c.Log.Format, "text"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if c.Threshold != 0.7 || c.HTTP.ReadTimeout != 3*time.Second || c.HTTP.WriteTimeout != Default().HTTP.WriteTimeout {
		t.Errorf("got threshold %v read %v write %v", c.Threshold, c.HTTP.ReadTimeout, c.HTTP.WriteTimeout)
	}
	if c.AdminToken != "s3cret" || c.AdminToken.String() != "[set]" {
		t.Errorf("admin token not read from the environment, or printed: %q", c.AdminToken.String())
	}
}

func TestBadConfigListsEveryProblem(t *testing.T) {
	file := writeFile(t, "threshold: 2\nhttp:\n  addr: nowhere\n  read_timeout: -1s\nlog:\n  format: xml\n")
	_, err := Load(file, envOf(map[string]string{"FAQBOT_LOG_LEVEL": "loud", "FAQBOT_LOG_TEXT": "maybe", "FAQBOT_ADMIN_TOKEN": "hunter2"}), Overrides{})
	var inv *InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("got %v, want *InvalidError", err)
	}
	msg := err.Error()
	for _, want := range []string{"threshold 2", `http.addr "nowhere"`, "http.read_timeout -1s", `log.format "xml"`, `log.level "loud"`, `FAQBOT_LOG_TEXT="maybe"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "hunter2") {
		t.Errorf("error leaks a secret:\n%s", msg)
	}
}

func TestFileErrors(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml"), envOf(nil), Overrides{}); err == nil {
		t.Error("missing file: got no error")
	}
	if _, err := Load(writeFile(t, "thresold: 0.5\n"), envOf(nil), Overrides{}); err == nil || !strings.Contains(err.Error(), "thresold") {
		t.Errorf("unknown key: got %v", err)
	}
	if _, err := Load(writeFile(t, ""), envOf(nil), Overrides{}); err != nil {
		t.Errorf("empty file: got %v, want the defaults", err)
	}
}

func TestDotEnvDoesNotOverride(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".env")
	if err := os.WriteFile(p, []byte("FAQBOT_TEST_A=from-file\nFAQBOT_TEST_B=from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("FAQBOT_TEST_A", "from-env")
	if err := LoadDotEnv(p); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Unsetenv("FAQBOT_TEST_B") })
	if os.Getenv("FAQBOT_TEST_A") != "from-env" || os.Getenv("FAQBOT_TEST_B") != "from-file" {
		t.Errorf("got A=%q B=%q", os.Getenv("FAQBOT_TEST_A"), os.Getenv("FAQBOT_TEST_B"))
	}
	if err := LoadDotEnv(filepath.Join(t.TempDir(), "none")); err != nil {
		t.Errorf("missing .env: got %v", err)
	}
}

func TestExampleFileLoads(t *testing.T) {
	c, err := Load("../../configs/faqbot.example.yaml", envOf(nil), Overrides{})
	if err != nil {
		t.Fatalf("the example configuration does not load: %v", err)
	}
	if !c.Discord.Gateway || c.Discord.ShardCount != 1 {
		t.Errorf("example discord settings: %+v", c.Discord)
	}
}

func TestDiscordSettings(t *testing.T) {
	c, err := Load("", envOf(map[string]string{"DISCORD_SHARD_ID": "1", "DISCORD_SHARD_COUNT": "4", "DISCORD_GATEWAY": "false",
		"DISCORD_MESSAGE_CONTENT": "true", "DISCORD_API_ENDPOINT": "http://127.0.0.1:9000"}), Overrides{})
	if err != nil || c.Discord.ShardID != 1 || c.Discord.ShardCount != 4 || c.Discord.Gateway || !c.Discord.MessageContent {
		t.Fatalf("got %+v, %v", c.Discord, err)
	}
	_, err = Load("", envOf(map[string]string{"DISCORD_SHARD_ID": "4", "DISCORD_SHARD_COUNT": "x", "DISCORD_API_ENDPOINT": "ftp:/x"}), Overrides{})
	for _, want := range []string{`DISCORD_SHARD_COUNT="x"`, "discord shard 4 of 0", `discord.api_endpoint "ftp:/x"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}

func TestRetentionAndAPIRate(t *testing.T) {
	d := Default().Store.Retention
	if d.Events != 180*24*time.Hour || d.UnansweredText != 30*24*time.Hour || d.Claims != 7*24*time.Hour || d.AnswersGiven != 7*24*time.Hour {
		t.Errorf("default retention: %+v", d)
	}
	file := writeFile(t, "store:\n  retention:\n    events: 720h\nhttp:\n  api_rate: 2\n")
	c, err := Load(file, envOf(map[string]string{"FAQBOT_RETENTION_FEEDBACK": "0", "FAQBOT_RETENTION_UNANSWERED_TEXT": "14d", "FAQBOT_HTTP_API_BURST": "5"}), Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Store.Retention; r.Events != 720*time.Hour || r.Feedback != 0 || r.UnansweredText != 14*24*time.Hour || r.Claims != d.Claims {
		t.Errorf("retention: %+v", r)
	}
	if c.HTTP.APIRate != 2 || c.HTTP.APIBurst != 5 {
		t.Errorf("api rate %v burst %d", c.HTTP.APIRate, c.HTTP.APIBurst)
	}
	_, err = Load("", envOf(map[string]string{"FAQBOT_RETENTION_CLAIMS": "1h", "FAQBOT_RETENTION_EVENTS": "soon", "FAQBOT_HTTP_API_RATE": "-1"}), Overrides{})
	for _, want := range []string{"store.retention.claims 1h0m0s", `FAQBOT_RETENTION_EVENTS="soon"`, "http.api_rate -1"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}

func TestHTTPConnectionCapAndHeaderTimeout(t *testing.T) {
	c, err := Load(writeFile(t, "http:\n  max_connections: 50\n  read_header_timeout: 2s\n"), envOf(nil), Overrides{})
	if err != nil || c.HTTP.MaxConnections != 50 || c.HTTP.ReadHeaderTimeout != 2*time.Second {
		t.Fatalf("got %v, %d, %v; want 50 connections, 2s", err, c.HTTP.MaxConnections, c.HTTP.ReadHeaderTimeout)
	}
	if d := Default().HTTP; d.MaxConnections != 1024 || d.ReadHeaderTimeout <= 0 || d.ReadHeaderTimeout > d.ReadTimeout {
		t.Errorf("defaults: %d connections, header timeout %v (read %v)", d.MaxConnections, d.ReadHeaderTimeout, d.ReadTimeout)
	}
	_, err = Load(writeFile(t, "http:\n  max_connections: 0\n  read_header_timeout: 0s\n"), envOf(nil), Overrides{})
	for _, want := range []string{"http.max_connections 0", "http.read_header_timeout 0s"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want a problem %q", err, want)
		}
	}
}

func TestClinicDetails(t *testing.T) {
	path := writeFile(t, "clinic:\n  en:\n    name: Riverside Clinic\n    hours: Sun-Thu 9-17\n  ar:\n    name: عيادة النهر\n")
	c, err := Load(path, envOf(map[string]string{"FAQBOT_CLINIC_PHONE": "+1 555 0100", "FAQBOT_CLINIC_BOOKING": "https://book.example/x"}), Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	en, ar := c.Clinic["en"], c.Clinic["ar"]
	if en.Name != "Riverside Clinic" || en.Hours != "Sun-Thu 9-17" || en.Phone != "+1 555 0100" || ar.Name != "عيادة النهر" || ar.Booking != "https://book.example/x" {
		t.Errorf("clinic = %+v", c.Clinic)
	}
	for _, bad := range []struct{ yaml, want string }{
		{"clinic:\n  fr:\n    name: x\n", "clinic.fr: unsupported language"},
		{"clinic:\n  en:\n    phone: call me maybe\n", "clinic.en.phone"},
		{"clinic:\n  en:\n    booking: http://book.example\n", "clinic.en.booking"},
		{"clinic:\n  en:\n    booking: javascript:alert(1)\n", "clinic.en.booking"},
		{"clinic:\n  en:\n    name: \"a\\u0000b\"\n", "clinic.en.name"},
	} {
		_, err := Load(writeFile(t, bad.yaml), envOf(nil), Overrides{})
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: error %v, want %q", bad.yaml, err, bad.want)
		}
	}
}

func TestReviewEvalSets(t *testing.T) {
	file := writeFile(t, "review:\n  eval_sets: [a.jsonl, b.jsonl]\n")
	c, err := Load(file, envOf(nil), Overrides{})
	if err != nil || strings.Join(c.Review.EvalSets, ",") != "a.jsonl,b.jsonl" {
		t.Fatalf("from the file: %v %v", c.Review.EvalSets, err)
	}
	c, err = Load(file, envOf(map[string]string{"FAQBOT_EVAL_SETS": " x.jsonl, ,y.jsonl "}), Overrides{})
	if err != nil || strings.Join(c.Review.EvalSets, ",") != "x.jsonl,y.jsonl" {
		t.Fatalf("from the environment: %v %v", c.Review.EvalSets, err)
	}
}
