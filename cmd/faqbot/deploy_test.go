package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/faqbot/faqbot/internal/config"
)

// TestComposeReplicasAreWhatServeReads: the compose file's replicas are configured with settings serve
// reads and accepts: the shared PostgreSQL store, Telegram in webhook mode with its secret, the JSON API
// off; and there are two of them.
func TestComposeReplicasAreWhatServeReads(t *testing.T) {
	data, err := os.ReadFile("../../deploy/compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var compose struct {
		Faqbot struct {
			Environment map[string]string `yaml:"environment"`
		} `yaml:"x-faqbot"`
		Services map[string]struct {
			Environment map[string]string `yaml:"environment"`
		} `yaml:"services"`
	}
	if err := yaml.Unmarshal(data, &compose); err != nil {
		t.Fatal(err)
	}
	if _, ok := compose.Services["faqbot-1"]; !ok || len(compose.Services["faqbot-2"].Environment) == 0 {
		t.Fatalf("want two replicas sharing one environment, got %v", compose.Services)
	}
	given := map[string]string{"POSTGRES_PASSWORD": "pw", "TELEGRAM_BOT_TOKEN": "123:abc", "FAQBOT_DOMAIN": "bot.example.org", "TELEGRAM_WEBHOOK_SECRET": "s3cret"}
	ref := regexp.MustCompile(`\$\{(\w+)(:[-?][^}]*)?\}`)
	env := map[string]string{}
	for k, v := range compose.Faqbot.Environment {
		env[k] = ref.ReplaceAllStringFunc(v, func(m string) string { return given[ref.FindStringSubmatch(m)[1]] })
	}
	cfg, err := config.Load("", func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok && v != ""
	}, config.Overrides{})
	if err != nil {
		t.Fatalf("serve refuses the compose file's settings: %v", err)
	}
	if !strings.HasPrefix(cfg.Store.DSN, "postgres://") || cfg.Telegram.Mode != "webhook" || cfg.HTTP.API ||
		cfg.Telegram.WebhookURL != "https://bot.example.org/telegram/webhook" {
		t.Errorf("store %q, telegram %q %q, api %v", cfg.Store.DSN, cfg.Telegram.Mode, cfg.Telegram.WebhookURL, cfg.HTTP.API)
	}
}
