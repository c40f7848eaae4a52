package discord

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/guard"
)

// Claims make one event answered once across resumes, restarts and replicas: Claim takes an event id
// (false when it is answered or being answered elsewhere), Complete records the answer, Release gives
// the claim back when answering failed.
type Claims interface {
	Claim(ctx context.Context, id string) (bool, error)
	Complete(ctx context.Context, id string) error
	Release(ctx context.Context, id string) error
}

// GatewayOptions configure the gateway session.
type GatewayOptions struct {
	ShardID, ShardCount int  // this process's shard of the bot's guilds (0 of 1 unless sharded)
	MessageContent      bool // request the privileged message-content intent (message text outside DMs and mentions)
}

// Gateway receives interactions, direct messages and mentions over Discord's websocket gateway.
type Gateway struct {
	s     *discordgo.Session
	h     *Handler
	rest  *REST
	once  onceGuard
	botID atomic.Pointer[string]
	up    atomic.Bool

	mu     sync.RWMutex // handlers hold it shared; shutdown takes it to wait for them
	closed bool
}

// NewGateway prepares a session (from NewSession) for the gateway: minimal intents, shard, reconnects.
func NewGateway(s *discordgo.Session, h *Handler, rest *REST, seen Claims, opts GatewayOptions) (*Gateway, error) {
	if opts.ShardCount <= 0 {
		opts.ShardCount = 1
	}
	if opts.ShardID < 0 || opts.ShardID >= opts.ShardCount {
		return nil, errors.New("discord shard id must be at least 0 and below the shard count")
	}
	s.ShardID, s.ShardCount = opts.ShardID, opts.ShardCount
	s.Identify.Intents = Intents(opts.MessageContent)
	s.ShouldReconnectOnError = true
	return &Gateway{s: s, h: h, rest: rest, once: onceGuard{seen: seen, h: h}}, nil
}

// Intents are the gateway intents the bot asks for: messages in servers (to see mentions) and in
// DMs, and message content only when asked for (it is privileged; Discord still sends the text of DMs
// and of messages that mention the bot without it).
func Intents(messageContent bool) discordgo.Intent {
	i := discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if messageContent {
		i |= discordgo.IntentMessageContent
	}
	return i
}

// Run connects, retrying until Discord answers (backoff.Reconnect), and serves until ctx ends; then it
// closes the session and waits for the answers in flight. discordgo resumes the session after a dropped
// connection.
func (g *Gateway) Run(ctx context.Context) error {
	defer g.s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		if r.User != nil {
			g.botID.Store(&r.User.ID)
		}
	})()
	defer g.s.AddHandler(func(*discordgo.Session, *discordgo.Connect) { g.up.Store(true) })()
	defer g.s.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) { g.up.Store(false) })()
	defer g.s.AddHandler(func(_ *discordgo.Session, e *discordgo.InteractionCreate) {
		g.handle(func() { g.interaction(ctx, e.Interaction) })
	})()
	defer g.s.AddHandler(func(_ *discordgo.Session, e *discordgo.MessageCreate) { g.handle(func() { g.message(ctx, e.Message) }) })()
	if err := backoff.Reconnect().Do(ctx, g.s.Open, func(err error, _ int, wait time.Duration) {
		g.h.log.Error("discord gateway: connect failed; retrying", "wait", wait, "err", redact(err, g.s.Token))
	}); err != nil {
		return nil // ctx ended before Discord answered
	}
	<-ctx.Done()
	// A heartbeat that fails on the closing connection would make discordgo reconnect, forever, to a
	// gateway it has left (bwmarrin/discordgo#406): reconnecting ends first, under the session's lock,
	// which the failed heartbeat's Close takes before its reconnect reads the flag.
	g.s.Lock()
	g.s.ShouldReconnectOnError = false
	g.s.Unlock()
	err := g.s.Close()
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
	g.h.Wait()
	return redact(err, g.s.Token)
}

// Ready reports whether the gateway session is connected.
func (g *Gateway) Ready(context.Context) error {
	if !g.up.Load() {
		return errors.New("not connected to the Discord gateway")
	}
	return nil
}

// handle runs an event handler unless the gateway is shutting down; shutdown waits for it. discordgo
// runs each handler in a goroutine of its own, where a panic would end the process: it is recovered here.
func (g *Gateway) handle(event func()) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	if !g.closed {
		g.h.opts.Panics.Go(platform, event)
	}
}

// interaction answers a slash command, autocomplete or component received on the gateway. One whose
// handling panicked gets an apology, and its claim is completed so that a replay is not handled again.
func (g *Gateway) interaction(ctx context.Context, in *discordgo.Interaction) {
	if !g.once.claim(ctx, in.ID) {
		return
	}
	defer g.h.opts.Metrics.Start(interactionKind(in.Type))()
	ctx, cancel := context.WithTimeout(ctx, g.h.opts.Timeout)
	defer cancel()
	sent := false
	err := g.h.opts.Panics.Call(platform, func() error {
		return g.h.deliver(ctx, in, func(resp *discordgo.InteractionResponse) error {
			sent = true
			return g.rest.Respond(ctx, in, resp)
		}, g.rest)
	})
	switch {
	case errors.Is(err, guard.ErrPanic):
		g.h.opts.Metrics.Reply("failed")
		if !sent {
			g.apologise(ctx, in)
		}
	case err != nil:
		g.h.log.Error("discord interaction", "type", int(in.Type), "err", err)
		g.h.opts.Metrics.Reply("failed")
	}
	g.once.settle(ctx, in.ID, err)
}

func (g *Gateway) apologise(ctx context.Context, in *discordgo.Interaction) {
	if err := g.rest.Respond(ctx, in, g.h.apology(in)); err != nil {
		g.h.log.Warn("discord: apology not delivered", "err", err)
	}
}
