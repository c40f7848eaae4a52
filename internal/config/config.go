// Package config owns faqbot serve's settings: defaults, the YAML file, the environment (and a .env
// file), and command-line flags, in that order of precedence from lowest to highest, and their
// validation. Secrets come from the environment only and are never printed.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/joho/godotenv"
	"go.yaml.in/yaml/v3"

	"github.com/faqbot/faqbot/knowledge"
)

// Config is every setting of faqbot serve.
type Config struct {
	Knowledge string  `yaml:"knowledge"`
	Threshold float64 `yaml:"threshold"`
	// MaxInFlight bounds the questions searched at once; beyond it a fast "busy, try again" reply (503
	// on the JSON API), never unbounded memory. Urgent messages are always answered. FAQBOT_MAX_IN_FLIGHT.
	MaxInFlight int                `yaml:"max_in_flight"`
	HTTP        HTTP               `yaml:"http"`
	Store       Store              `yaml:"store"`
	Log         Log                `yaml:"log"`
	Reload      Reload             `yaml:"reload"`
	Messages    map[string]Message `yaml:"messages"`
	Clinic      map[string]Clinic  `yaml:"clinic"`
	Telegram    Telegram           `yaml:"telegram"`
	Discord     Discord            `yaml:"discord"`
	Index       Index              `yaml:"index"`
	Review      Review             `yaml:"review"`

	// AdminToken guards POST /admin/reload. Environment only (FAQBOT_ADMIN_TOKEN).
	AdminToken Secret `yaml:"-"`
}

// HTTP is the one listener for health, metrics, admin and webhook routes.
type HTTP struct {
	Addr        string        `yaml:"addr"`
	ReadTimeout time.Duration `yaml:"read_timeout"` // a whole request, body included: a stalled sender is cut then
	// ReadHeaderTimeout bounds reading a request's headers, under read_timeout.
	ReadHeaderTimeout time.Duration `yaml:"read_header_timeout"`
	WriteTimeout      time.Duration `yaml:"write_timeout"`
	IdleTimeout       time.Duration `yaml:"idle_timeout"`
	// MaxBodyBytes lowers every route's body limit (each route has its own, sized to what its sender
	// sends: see internal/server); above them it changes nothing.
	MaxBodyBytes int64 `yaml:"max_body_bytes"`
	// MaxConnections caps the connections open at once; further ones wait to be accepted.
	MaxConnections  int           `yaml:"max_connections"`
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
	API             bool          `yaml:"api"`            // serve POST /v1/ask and /v1/feedback
	AnswerTimeout   time.Duration `yaml:"answer_timeout"` // deadline of each question
	APIRate         float64       `yaml:"api_rate"`       // JSON API requests per second per client address; 0 = no limit
	APIBurst        int           `yaml:"api_burst"`      // requests a client may make at once under api_rate
}

// Store is where feedback, unanswered questions and adapter state are kept.
type Store struct {
	DSN                string    `yaml:"dsn"` // a SQLite file path, or postgres://...
	KeepUnansweredText bool      `yaml:"keep_unanswered_text"`
	Retention          Retention `yaml:"retention"`
}

// Retention is how long the store keeps each kind of record; 0 keeps it for ever.
type Retention struct {
	Events         time.Duration `yaml:"events"`          // questions' decisions; FAQBOT_RETENTION_EVENTS
	Feedback       time.Duration `yaml:"feedback"`        // votes; FAQBOT_RETENTION_FEEDBACK
	UnansweredText time.Duration `yaml:"unanswered_text"` // kept text of unanswered questions; FAQBOT_RETENTION_UNANSWERED_TEXT
	Claims         time.Duration `yaml:"claims"`          // claims of updates; FAQBOT_RETENTION_CLAIMS
	AnswersGiven   time.Duration `yaml:"answers_given"`   // which answers each user was given (feedback is taken this long); FAQBOT_RETENTION_ANSWERS_GIVEN
}

// Log configures log/slog.
type Log struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // text or json
	// Text logs patients' message text. Off by default: health data is sensitive.
	Text bool `yaml:"text"`
}

// Reload configures knowledge hot reload.
type Reload struct {
	Watch    bool          `yaml:"watch"`    // watch the knowledge path for changes
	Debounce time.Duration `yaml:"debounce"` // wait this long after the last change
}

// Review configures faqbot review: the evaluation sets every change to the knowledge must pass.
type Review struct {
	// EvalSets are JSONL evaluation sets (faqbot eval's format); a change that lowers any of their
	// figures is refused. FAQBOT_EVAL_SETS, separated by commas.
	EvalSets []string `yaml:"eval_sets"`
}

// Telegram configures the Telegram adapter; it is off without a token.
type Telegram struct {
	Token         Secret `yaml:"-"`           // TELEGRAM_BOT_TOKEN (environment only)
	Mode          string `yaml:"mode"`        // polling or webhook; TELEGRAM_MODE
	WebhookURL    string `yaml:"webhook_url"` // public https URL of /telegram/webhook; TELEGRAM_WEBHOOK_URL
	WebhookSecret Secret `yaml:"-"`           // TELEGRAM_WEBHOOK_SECRET (environment only)
	// WebhookReply is how webhook replies reach Telegram: "response" (in the HTTP response to the
	// delivery: once, even across a crash) or "api" (through the Bot API before acknowledging: delivery
	// errors seen and retried). TELEGRAM_WEBHOOK_REPLY.
	WebhookReply string `yaml:"webhook_reply"`
	// WebhookTimeout is the deadline to answer one delivery, under http.write_timeout; an unfinished
	// claim is taken over by a redelivery after twice this. TELEGRAM_WEBHOOK_TIMEOUT.
	WebhookTimeout time.Duration `yaml:"webhook_timeout"`
	// UpdateTimeout is the deadline of each store call and of answering one polled update (its delivery
	// retries through an API outage), so that a hung store or engine holds up no shutdown.
	// TELEGRAM_UPDATE_TIMEOUT.
	UpdateTimeout time.Duration `yaml:"update_timeout"`
	APIEndpoint   string        `yaml:"api_endpoint"` // base URL of a self-hosted Bot API server or an emulator; TELEGRAM_API_ENDPOINT
	GlobalRate    float64       `yaml:"global_rate"`  // messages per second overall; 0 = no limit; TELEGRAM_GLOBAL_RATE
	ChatRate      float64       `yaml:"chat_rate"`    // per private chat; TELEGRAM_CHAT_RATE
	GroupRate     float64       `yaml:"group_rate"`   // per group; TELEGRAM_GROUP_RATE
	Workers       int           `yaml:"workers"`      // chats answered at once
}

// Index says where built indexes are kept.
type Index struct {
	// Path is a folder for indexes on disk, reused at start when the knowledge has not changed and
	// rebuilt in the background when it has; empty builds the index in memory at every start.
	// FAQBOT_INDEX_PATH.
	Path string `yaml:"path"`
}

// Discord configures the Discord adapter: the HTTP interactions endpoint is on with a public key, the
// gateway session (and command registration) with a bot token.
type Discord struct {
	PublicKey      string `yaml:"public_key"`      // the application's Ed25519 public key (hex); DISCORD_PUBLIC_KEY
	PublicAnswers  bool   `yaml:"public_answers"`  // answers visible to the channel, not only the asker; DISCORD_PUBLIC_ANSWERS
	Token          Secret `yaml:"-"`               // DISCORD_BOT_TOKEN (environment only): gateway and command registration
	AppID          string `yaml:"app_id"`          // the application id; DISCORD_APP_ID
	GuildID        string `yaml:"guild_id"`        // register in one server (fast) instead of globally; DISCORD_GUILD_ID
	Gateway        bool   `yaml:"gateway"`         // with a token, connect to the gateway (DMs, mentions, interactions); DISCORD_GATEWAY
	MessageContent bool   `yaml:"message_content"` // ask for the privileged message-content intent; DISCORD_MESSAGE_CONTENT
	ShardID        int    `yaml:"shard_id"`        // this process's shard; DISCORD_SHARD_ID
	ShardCount     int    `yaml:"shard_count"`     // shards in all; DISCORD_SHARD_COUNT
	APIEndpoint    string `yaml:"api_endpoint"`    // send REST calls to this base URL instead of discord.com (a proxy or test double); DISCORD_API_ENDPOINT
}

// Message overrides the fixed texts of one language.
type Message struct {
	Disclaimer string `yaml:"disclaimer"`
	NoMatch    string `yaml:"no_match"`
	Urgent     string `yaml:"urgent"` // emergency-tier red flags
	Clinic     string `yaml:"clinic"` // clinic-tier red flags
	Contact    string `yaml:"contact"`
	Busy       string `yaml:"busy"`
}

// Clinic is how patients reach the clinic, in one language: worded by the knowledge's contact card
// under the urgent and fallback replies. FAQBOT_CLINIC_NAME, _PHONE, _HOURS, _ADDRESS and _BOOKING set a
// detail for every language.
type Clinic struct {
	Name    string `yaml:"name"`
	Phone   string `yaml:"phone"`
	Hours   string `yaml:"hours"`
	Address string `yaml:"address"`
	Booking string `yaml:"booking"` // an https link to book, move or cancel an appointment
}

// maxClinicDetail bounds one detail of the clinic, in bytes.
const maxClinicDetail = 300

func (c Clinic) validate(lang string) []string {
	var p []string
	for name, v := range map[string]string{"name": c.Name, "phone": c.Phone, "hours": c.Hours, "address": c.Address, "booking": c.Booking} {
		if len(v) > maxClinicDetail || strings.ContainsFunc(v, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }) || !utf8.ValidString(v) {
			p = append(p, fmt.Sprintf("clinic.%s.%s: want text of at most %d bytes, without control characters", lang, name, maxClinicDetail))
		}
	}
	if c.Phone != "" && strings.Trim(c.Phone, "+0123456789 -().") != "" {
		p = append(p, fmt.Sprintf("clinic.%s.phone %q: want digits, spaces and + - ( ) . only", lang, c.Phone))
	}
	if c.Booking != "" {
		if u, err := url.Parse(c.Booking); err != nil || u.Scheme != "https" || u.Host == "" {
			p = append(p, fmt.Sprintf("clinic.%s.booking %q: want an https:// link", lang, c.Booking))
		}
	}
	return p
}

// Secret is a value that never appears in output: it prints as "[set]" or "[unset]".
type Secret string

func (s Secret) String() string {
	if s == "" {
		return "[unset]"
	}
	return "[set]"
}

// LogValue keeps secrets out of slog records.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// day is a retention period's unit.
const day = 24 * time.Hour

// Default is the configuration with nothing set: the embedded knowledge, SQLite beside the process.
func Default() Config {
	return Config{
		Threshold: 0.675, MaxInFlight: 64,
		HTTP: HTTP{Addr: ":8080", ReadTimeout: 10 * time.Second, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 15 * time.Second,
			IdleTimeout: 60 * time.Second, MaxBodyBytes: 1 << 20, MaxConnections: 1024, ShutdownTimeout: 15 * time.Second,
			API: true, AnswerTimeout: 5 * time.Second},
		Store: Store{DSN: "faqbot.db", Retention: Retention{Events: 180 * day, Feedback: 180 * day, UnansweredText: 30 * day,
			Claims: 7 * day, AnswersGiven: 7 * day}},
		Log:      Log{Level: "info", Format: "text"},
		Reload:   Reload{Watch: true, Debounce: 500 * time.Millisecond},
		Telegram: Telegram{Mode: "polling", WebhookReply: "response", WebhookTimeout: 10 * time.Second, UpdateTimeout: 30 * time.Second, GlobalRate: 30, ChatRate: 1, GroupRate: 20.0 / 60, Workers: 16},
		Discord:  Discord{Gateway: true, ShardCount: 1},
	}
}

// Env reads one environment variable.
type Env func(key string) (string, bool)

// Overrides are the settings given as flags; nil fields were not given.
type Overrides struct {
	Knowledge *string
	Threshold *float64
	HTTPAddr  *string
	Store     *string
	LogLevel  *string
	LogFormat *string
}

// InvalidError lists every problem of a configuration, one per line.
type InvalidError struct{ Problems []string }

func (e *InvalidError) Error() string {
	return "invalid configuration:\n  " + strings.Join(e.Problems, "\n  ")
}

// Load builds the configuration: defaults, then the YAML file at path (when not empty), then the
// environment, then flags; and validates the result.
func Load(path string, env Env, flags Overrides) (Config, error) {
	c := Default()
	if path != "" {
		if err := c.readFile(path); err != nil {
			return Config{}, err
		}
	}
	var problems []string
	c.applyEnv(env, &problems)
	c.applyFlags(flags)
	problems = append(problems, c.validate()...)
	if len(problems) > 0 {
		return Config{}, &InvalidError{Problems: problems}
	}
	return c, nil
}

// LoadDotEnv adds the variables of a .env file to the process environment, without overriding any
// variable already set. A missing file is not an error.
func LoadDotEnv(path string) error {
	err := godotenv.Load(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("load %s: %w", path, err)
	}
	return nil
}

func (c *Config) readFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("config %s: %w", path, err)
	}
	return nil
}

func (c *Config) applyEnv(env Env, problems *[]string) {
	str := func(key string, dst *string) {
		if v, ok := env(key); ok {
			*dst = v
		}
	}
	str("FAQBOT_KNOWLEDGE", &c.Knowledge)
	if v, ok := env("FAQBOT_EVAL_SETS"); ok {
		c.Review.EvalSets = nil
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				c.Review.EvalSets = append(c.Review.EvalSets, p)
			}
		}
	}
	c.applyClinicEnv(env)
	str("FAQBOT_INDEX_PATH", &c.Index.Path)
	str("FAQBOT_HTTP_ADDR", &c.HTTP.Addr)
	str("FAQBOT_STORE", &c.Store.DSN)
	str("FAQBOT_LOG_LEVEL", &c.Log.Level)
	str("FAQBOT_LOG_FORMAT", &c.Log.Format)
	str("DISCORD_PUBLIC_KEY", &c.Discord.PublicKey)
	str("DISCORD_APP_ID", &c.Discord.AppID)
	str("DISCORD_GUILD_ID", &c.Discord.GuildID)
	str("DISCORD_API_ENDPOINT", &c.Discord.APIEndpoint)
	if v, ok := env("DISCORD_BOT_TOKEN"); ok {
		c.Discord.Token = Secret(v)
	}
	str("TELEGRAM_MODE", &c.Telegram.Mode)
	str("TELEGRAM_WEBHOOK_URL", &c.Telegram.WebhookURL)
	str("TELEGRAM_WEBHOOK_REPLY", &c.Telegram.WebhookReply)
	for key, dst := range map[string]*time.Duration{"TELEGRAM_WEBHOOK_TIMEOUT": &c.Telegram.WebhookTimeout, "TELEGRAM_UPDATE_TIMEOUT": &c.Telegram.UpdateTimeout} {
		if v, ok := env(key); ok {
			d, err := time.ParseDuration(v)
			if err != nil {
				*problems = append(*problems, fmt.Sprintf("%s=%q: want a duration such as 10s", key, v))
			}
			*dst = d
		}
	}
	str("TELEGRAM_API_ENDPOINT", &c.Telegram.APIEndpoint)
	if v, ok := env("TELEGRAM_BOT_TOKEN"); ok {
		c.Telegram.Token = Secret(v)
	}
	if v, ok := env("TELEGRAM_WEBHOOK_SECRET"); ok {
		c.Telegram.WebhookSecret = Secret(v)
	}
	for key, dst := range map[string]*float64{
		"FAQBOT_THRESHOLD": &c.Threshold, "FAQBOT_HTTP_API_RATE": &c.HTTP.APIRate, "TELEGRAM_GLOBAL_RATE": &c.Telegram.GlobalRate, "TELEGRAM_CHAT_RATE": &c.Telegram.ChatRate, "TELEGRAM_GROUP_RATE": &c.Telegram.GroupRate,
	} {
		if v, ok := env(key); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				*problems = append(*problems, fmt.Sprintf("%s=%q: not a number", key, v))
			}
			*dst = f
		}
	}
	c.applyStoreEnv(env, problems)
	for key, dst := range map[string]*int{"FAQBOT_MAX_IN_FLIGHT": &c.MaxInFlight, "DISCORD_SHARD_ID": &c.Discord.ShardID, "DISCORD_SHARD_COUNT": &c.Discord.ShardCount,
		"FAQBOT_HTTP_API_BURST": &c.HTTP.APIBurst} {
		if v, ok := env(key); ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				*problems = append(*problems, fmt.Sprintf("%s=%q: not a whole number", key, v))
			}
			*dst = n
		}
	}
	if v, ok := env("FAQBOT_ADMIN_TOKEN"); ok {
		c.AdminToken = Secret(v)
	}
	for key, dst := range map[string]*bool{
		"FAQBOT_LOG_TEXT": &c.Log.Text, "FAQBOT_KEEP_UNANSWERED_TEXT": &c.Store.KeepUnansweredText, "FAQBOT_RELOAD_WATCH": &c.Reload.Watch,
		"FAQBOT_HTTP_API": &c.HTTP.API, "DISCORD_PUBLIC_ANSWERS": &c.Discord.PublicAnswers,
		"DISCORD_GATEWAY": &c.Discord.Gateway, "DISCORD_MESSAGE_CONTENT": &c.Discord.MessageContent,
	} {
		if v, ok := env(key); ok {
			b, err := strconv.ParseBool(v)
			if err != nil {
				*problems = append(*problems, fmt.Sprintf("%s=%q: want true or false", key, v))
			}
			*dst = b
		}
	}
}

// applyStoreEnv reads the retention periods: a number of days (180d) or a duration (720h).
// applyClinicEnv sets each detail given in the environment for every language.
func (c *Config) applyClinicEnv(env Env) {
	for _, d := range []struct {
		key string
		set func(*Clinic, string)
	}{
		{"FAQBOT_CLINIC_NAME", func(cl *Clinic, v string) { cl.Name = v }},
		{"FAQBOT_CLINIC_PHONE", func(cl *Clinic, v string) { cl.Phone = v }},
		{"FAQBOT_CLINIC_HOURS", func(cl *Clinic, v string) { cl.Hours = v }},
		{"FAQBOT_CLINIC_ADDRESS", func(cl *Clinic, v string) { cl.Address = v }},
		{"FAQBOT_CLINIC_BOOKING", func(cl *Clinic, v string) { cl.Booking = v }},
	} {
		v, ok := env(d.key)
		if !ok {
			continue
		}
		if c.Clinic == nil {
			c.Clinic = map[string]Clinic{}
		}
		for _, lang := range knowledge.Languages() {
			cl := c.Clinic[lang]
			d.set(&cl, v)
			c.Clinic[lang] = cl
		}
	}
}

func (c *Config) applyStoreEnv(env Env, problems *[]string) {
	r := &c.Store.Retention
	for key, dst := range map[string]*time.Duration{
		"FAQBOT_RETENTION_EVENTS": &r.Events, "FAQBOT_RETENTION_FEEDBACK": &r.Feedback,
		"FAQBOT_RETENTION_UNANSWERED_TEXT": &r.UnansweredText, "FAQBOT_RETENTION_CLAIMS": &r.Claims,
		"FAQBOT_RETENTION_ANSWERS_GIVEN": &r.AnswersGiven,
	} {
		if v, ok := env(key); ok {
			d, err := parsePeriod(v)
			if err != nil {
				*problems = append(*problems, fmt.Sprintf("%s=%q: want a number of days such as 30d, or a duration such as 720h", key, v))
			}
			*dst = d
		}
	}
}

// parsePeriod reads "30d" as thirty days, or any Go duration.
func parsePeriod(v string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(v, "d"); ok {
		n, err := strconv.Atoi(days)
		return time.Duration(n) * day, err
	}
	return time.ParseDuration(v)
}

func (c *Config) applyFlags(f Overrides) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&c.Knowledge, f.Knowledge)
	set(&c.HTTP.Addr, f.HTTPAddr)
	set(&c.Store.DSN, f.Store)
	set(&c.Log.Level, f.LogLevel)
	set(&c.Log.Format, f.LogFormat)
	if f.Threshold != nil {
		c.Threshold = *f.Threshold
	}
}

func (c *Config) validate() []string {
	var p []string
	if c.Threshold <= 0 || c.Threshold > 1 {
		p = append(p, fmt.Sprintf("threshold %v: want a number in (0,1]", c.Threshold))
	}
	if _, _, err := net.SplitHostPort(c.HTTP.Addr); err != nil {
		p = append(p, fmt.Sprintf("http.addr %q: want host:port, such as :8080 (FAQBOT_HTTP_ADDR)", c.HTTP.Addr))
	}
	for name, d := range map[string]time.Duration{
		"http.read_timeout": c.HTTP.ReadTimeout, "http.read_header_timeout": c.HTTP.ReadHeaderTimeout, "http.write_timeout": c.HTTP.WriteTimeout,
		"http.idle_timeout": c.HTTP.IdleTimeout, "http.shutdown_timeout": c.HTTP.ShutdownTimeout,
		"http.answer_timeout": c.HTTP.AnswerTimeout,
	} {
		if d <= 0 {
			p = append(p, fmt.Sprintf("%s %v: want a positive duration such as 10s", name, d))
		}
	}
	if c.MaxInFlight <= 0 {
		p = append(p, fmt.Sprintf("max_in_flight %d: want a positive number of questions (FAQBOT_MAX_IN_FLIGHT)", c.MaxInFlight))
	}
	if c.HTTP.MaxBodyBytes <= 0 {
		p = append(p, fmt.Sprintf("http.max_body_bytes %d: want a positive size", c.HTTP.MaxBodyBytes))
	}
	if c.HTTP.MaxConnections < 1 {
		p = append(p, fmt.Sprintf("http.max_connections %d: want at least 1", c.HTTP.MaxConnections))
	}
	if strings.TrimSpace(c.Store.DSN) == "" {
		p = append(p, "store.dsn is empty: give a SQLite file path or a postgres:// URL (FAQBOT_STORE)")
	}
	p = append(p, c.Store.Retention.validate()...)
	if c.HTTP.APIRate < 0 || c.HTTP.APIBurst < 0 {
		p = append(p, fmt.Sprintf("http.api_rate %v, http.api_burst %d: want 0 (no limit) or positive numbers (FAQBOT_HTTP_API_RATE, FAQBOT_HTTP_API_BURST)", c.HTTP.APIRate, c.HTTP.APIBurst))
	}
	if _, err := c.Log.SlogLevel(); err != nil {
		p = append(p, err.Error())
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		p = append(p, fmt.Sprintf("log.format %q: want text or json (FAQBOT_LOG_FORMAT)", c.Log.Format))
	}
	p = append(p, c.Telegram.validate()...)
	if c.Telegram.Token != "" && c.Telegram.Mode == "webhook" && c.Telegram.WebhookTimeout >= c.HTTP.WriteTimeout {
		p = append(p, fmt.Sprintf("telegram.webhook_timeout %v: want less than http.write_timeout %v, or the reply is cut off", c.Telegram.WebhookTimeout, c.HTTP.WriteTimeout))
	}
	p = append(p, c.Discord.validate()...)
	for lang := range c.Messages {
		if !knowledge.Supported(lang) {
			p = append(p, fmt.Sprintf("messages.%s: unsupported language (use one of %v)", lang, knowledge.Languages()))
		}
	}
	for lang, cl := range c.Clinic {
		if !knowledge.Supported(lang) {
			p = append(p, fmt.Sprintf("clinic.%s: unsupported language (use one of %v)", lang, knowledge.Languages()))
		}
		p = append(p, cl.validate(lang)...)
	}
	slices.Sort(p)
	return p
}

func (r Retention) validate() []string {
	var p []string
	for name, d := range map[string]time.Duration{
		"events": r.Events, "feedback": r.Feedback, "unanswered_text": r.UnansweredText, "answers_given": r.AnswersGiven,
	} {
		if d < 0 {
			p = append(p, fmt.Sprintf("store.retention.%s %v: want 0 (keep for ever) or a positive period such as 720h", name, d))
		}
	}
	if r.Claims < 0 || (r.Claims > 0 && r.Claims < day) {
		p = append(p, fmt.Sprintf("store.retention.claims %v: want 0 (keep for ever) or at least 24h (Telegram redelivers an update for a day)", r.Claims))
	}
	return p
}

func (d Discord) validate() []string {
	var p []string
	if k := d.PublicKey; k != "" && len(k) != 64 {
		p = append(p, "DISCORD_PUBLIC_KEY: want the application's public key, 64 hexadecimal characters")
	}
	if d.Token != "" && d.AppID == "" {
		p = append(p, "DISCORD_APP_ID is empty: registering the slash commands needs the application id")
	}
	if d.ShardCount < 1 || d.ShardID < 0 || d.ShardID >= d.ShardCount {
		p = append(p, fmt.Sprintf("discord shard %d of %d: want 0 <= shard_id < shard_count (DISCORD_SHARD_ID, DISCORD_SHARD_COUNT)", d.ShardID, d.ShardCount))
	}
	if u, err := url.Parse(d.APIEndpoint); d.APIEndpoint != "" && (err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https")) {
		p = append(p, fmt.Sprintf("discord.api_endpoint %q: want an http(s) URL (DISCORD_API_ENDPOINT)", d.APIEndpoint))
	}
	return p
}

func (t Telegram) validate() []string {
	var p []string
	if t.Token == "" {
		return nil
	}
	switch t.Mode {
	case "polling":
	case "webhook":
		if !strings.HasPrefix(t.WebhookURL, "https://") {
			p = append(p, fmt.Sprintf("TELEGRAM_WEBHOOK_URL %q: webhook mode needs the public https URL of /telegram/webhook", t.WebhookURL))
		}
		if t.WebhookSecret == "" {
			p = append(p, "TELEGRAM_WEBHOOK_SECRET is empty: webhook mode needs a secret (letters, digits, _ and -)")
		}
		if t.WebhookReply != "response" && t.WebhookReply != "api" {
			p = append(p, fmt.Sprintf("telegram.webhook_reply %q: want response or api (TELEGRAM_WEBHOOK_REPLY)", t.WebhookReply))
		}
		if t.WebhookTimeout <= 0 {
			p = append(p, fmt.Sprintf("telegram.webhook_timeout %v: want a positive duration such as 10s (TELEGRAM_WEBHOOK_TIMEOUT)", t.WebhookTimeout))
		}
	default:
		p = append(p, fmt.Sprintf("TELEGRAM_MODE %q: want polling or webhook", t.Mode))
	}
	if t.UpdateTimeout <= 0 {
		p = append(p, fmt.Sprintf("telegram.update_timeout %v: want a positive duration such as 30s (TELEGRAM_UPDATE_TIMEOUT)", t.UpdateTimeout))
	}
	if t.APIEndpoint != "" && !strings.HasPrefix(t.APIEndpoint, "http://") && !strings.HasPrefix(t.APIEndpoint, "https://") {
		p = append(p, fmt.Sprintf("TELEGRAM_API_ENDPOINT %q: want a base URL such as http://127.0.0.1:8081", t.APIEndpoint))
	}
	if t.GlobalRate < 0 || t.ChatRate < 0 || t.GroupRate < 0 {
		p = append(p, "telegram rates: want 0 (no limit) or a positive number of messages per second")
	}
	if t.Workers < 1 {
		p = append(p, fmt.Sprintf("telegram.workers %d: want at least 1", t.Workers))
	}
	return p
}

// SlogLevel parses the log level.
func (l Log) SlogLevel() (slog.Level, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(l.Level)); err != nil {
		return 0, fmt.Errorf("log.level %q: want debug, info, warn or error (FAQBOT_LOG_LEVEL)", l.Level)
	}
	return lv, nil
}
