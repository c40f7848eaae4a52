package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/internal/backoff"
)

// DefaultRetry bounds REST calls that fail with 429, 5xx or a network error: six tries in all; after a
// 5xx or network error a wait of 500 ms doubling up to 30 s, a fifth of it at random; after a 429 the
// wait Discord asks for, unless it is longer than 30 s (Max): then the call gives up. discordgo's own
// bucket limiter still paces every call before it is sent; this policy decides what happens after a
// failure.
func DefaultRetry() backoff.Policy {
	return backoff.Policy{MaxAttempts: 6, Base: 500 * time.Millisecond, Max: 30 * time.Second, Jitter: 0.2}
}

// withDefaults fills the unset bounds of a retry policy (tries, first wait, longest wait) from
// DefaultRetry; its jitter is left as given.
func withDefaults(p backoff.Policy) backoff.Policy {
	d := DefaultRetry()
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = d.MaxAttempts
	}
	if p.Base <= 0 {
		p.Base = d.Base
	}
	if p.Max <= 0 {
		p.Max = d.Max
	}
	return p
}

// REST sends the bot's replies through a discordgo session, retrying within bounds. Every error it
// returns is redacted: neither the bot token nor an interaction's token is in its text, whatever the
// API answered.
type REST struct {
	s       *discordgo.Session
	retry   backoff.Policy
	metrics *Metrics
}

// RESTOptions configure a REST. Zero fields mean: DefaultRetry's bounds, count nothing.
type RESTOptions struct {
	Retry   backoff.Policy // the tries of each call; its unset bounds are DefaultRetry's
	Metrics *Metrics
}

// NewREST wraps a session (from NewSession) for replies, retrying failed calls within o.Retry.
func NewREST(s *discordgo.Session, o RESTOptions) *REST {
	s.ShouldRetryOnRateLimit = false // 429s come back here, to be counted and bounded
	s.MaxRestRetries = 0
	return &REST{s: s, retry: withDefaults(o.Retry), metrics: o.Metrics}
}

// NewSession is a discordgo session for a bot token ("" for interaction webhooks only). A non-empty
// apiBase (e.g. "http://127.0.0.1:9000") sends every REST call there instead of discord.com: a proxy or a
// test double.
func NewSession(token, apiBase string) (*discordgo.Session, error) {
	auth := ""
	if token != "" {
		auth = "Bot " + token
	}
	s, err := discordgo.New(auth)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	s.StateEnabled = false
	s.Client = &http.Client{Timeout: 20 * time.Second}
	if apiBase != "" {
		base, err := url.Parse(apiBase)
		if err != nil || base.Host == "" {
			return nil, fmt.Errorf("discord api endpoint %q: want a URL such as http://127.0.0.1:9000", apiBase)
		}
		s.Client.Transport = redirect{base: base, next: http.DefaultTransport}
	}
	return s, nil
}

// redirect sends requests for discord.com to another host.
type redirect struct {
	base *url.URL
	next http.RoundTripper
}

func (r redirect) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = r.base.Scheme, r.base.Host
	req.Host = r.base.Host
	return r.next.RoundTrip(req)
}

// Respond sends the first response to an interaction received on the gateway. A response Discord
// already has (sent by an earlier try) counts as sent.
func (r *REST) Respond(ctx context.Context, in *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	err := r.do(ctx, func(opts ...discordgo.RequestOption) error { return r.s.InteractionRespond(in, resp, opts...) })
	if code(err) == discordgo.ErrCodeInteractionHasAlreadyBeenAcknowledged {
		return nil
	}
	return err
}

// EditResponse replaces the deferred response of an interaction with its answer.
func (r *REST) EditResponse(ctx context.Context, in *discordgo.Interaction, data *discordgo.InteractionResponseData) error {
	edit := &discordgo.WebhookEdit{Content: &data.Content, Embeds: &data.Embeds, Components: &data.Components,
		AllowedMentions: &discordgo.MessageAllowedMentions{}}
	return r.do(ctx, func(opts ...discordgo.RequestOption) error {
		_, err := r.s.InteractionResponseEdit(in, edit, opts...)
		return err
	})
}

// Send posts a message in a channel.
func (r *REST) Send(ctx context.Context, channelID string, m *discordgo.MessageSend) error {
	return r.do(ctx, func(opts ...discordgo.RequestOption) error {
		_, err := r.s.ChannelMessageSendComplex(channelID, m, opts...)
		return err
	})
}

// DirectChannel opens (or finds) the direct-message channel with a user.
func (r *REST) DirectChannel(ctx context.Context, userID string) (string, error) {
	var id string
	err := r.do(ctx, func(opts ...discordgo.RequestOption) error {
		ch, err := r.s.UserChannelCreate(userID, opts...)
		if err == nil {
			id = ch.ID
		}
		return err
	})
	return id, err
}

// ApplicationCommands lists the registered slash commands (see Register).
func (r *REST) ApplicationCommands(appID, guildID string, opts ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error) {
	cmds, err := r.s.ApplicationCommands(appID, guildID, opts...)
	return cmds, redact(err, r.s.Token)
}

// ApplicationCommandBulkOverwrite replaces the registered slash commands (see Register).
func (r *REST) ApplicationCommandBulkOverwrite(appID, guildID string, cmds []*discordgo.ApplicationCommand, opts ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error) {
	cmds, err := r.s.ApplicationCommandBulkOverwrite(appID, guildID, cmds, opts...)
	return cmds, redact(err, r.s.Token)
}

// do runs call until it succeeds, fails for good, or the retry policy or ctx ends it. A 429 waits what
// Discord asks (and does not lengthen the next backoff); a longer wait than the policy's Max gives up.
// The error it returns is redacted.
func (r *REST) do(ctx context.Context, call func(...discordgo.RequestOption) error) error {
	failures := 0 // 5xx and network failures so far: each doubles the next backoff
	for tries := 1; ; tries++ {
		err := call(discordgo.WithContext(ctx))
		if err == nil {
			return nil
		}
		retryAfter, reason := classify(err)
		wait := r.retry.Next(failures, retryAfter)
		if reason == "" || !r.retry.Allows(tries) || wait > r.retry.Max || ctx.Err() != nil {
			return redact(err, r.s.Token)
		}
		r.metrics.Retry(reason)
		if waitErr := backoff.Sleep(ctx, wait); waitErr != nil {
			return redact(fmt.Errorf("%w (gave up waiting: %w)", err, waitErr), r.s.Token)
		}
		if reason != "429" {
			failures++
		}
	}
}

// classify says why a call failed, and how long Discord asked to wait (a 429's retry_after); no reason
// means the error is final.
func classify(err error) (time.Duration, string) {
	var limited *discordgo.RateLimitError
	if errors.As(err, &limited) {
		return limited.RetryAfter, "429"
	}
	var rest *discordgo.RESTError
	if errors.As(err, &rest) {
		if rest.Response != nil && rest.Response.StatusCode >= 500 {
			return 0, "5xx"
		}
		return 0, ""
	}
	if strings.Contains(err.Error(), "Exceeded Max retries") { // discordgo's wording for a 502
		return 0, "5xx"
	}
	return 0, "network"
}
