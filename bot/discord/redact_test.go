package discord

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/discordtest"
)

// refusedURL is a loopback address where nothing listens.
func refusedURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr
}

// TestTokensNeverInErrorsOrLogs (issue 11, point 3): whatever way Discord's API fails (connection
// refused, EOF, timeout, a 5xx whose body quotes the request's headers, 429, invalid JSON), neither the
// bot token nor an interaction's token appears in an error the REST client returns, in the adapter's
// logs, or in discordgo's own log lines.
func TestTokensNeverInErrorsOrLogs(t *testing.T) {
	const token, interactionToken = "MTA5.bot-secret-token", "aW50ZXJhY3Rpb24.interaction-secret"
	modes := []struct {
		name string
		fail discordtest.Failure // nil: connection refused
	}{
		{"connection refused", nil},
		{"EOF", discordtest.Disconnect()},
		{"timeout", discordtest.Hang()},
		{"5xx quoting the headers", discordtest.EchoHeaders(502)},
		{"500 quoting the headers", discordtest.EchoHeaders(500)},
		{"401 quoting the headers", discordtest.EchoHeaders(401)},
		{"429", discordtest.Status(429)},
		{"invalid JSON", discordtest.InvalidJSON()},
	}
	var stdlog bytes.Buffer // discordgo logs through the standard logger
	was := log.Writer()
	log.SetOutput(&stdlog)
	t.Cleanup(func() { log.SetOutput(was) })
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			stdlog.Reset()
			var logs bytes.Buffer
			base := refusedURL(t)
			if mode.fail != nil {
				f := discordtest.New(t)
				for range 100 {
					f.FailNextWith("/", mode.fail)
				}
				base = f.URL()
			}
			out := failEveryCall(t, base, token, interactionToken, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
			out += logs.String() + stdlog.String()
			for _, line := range strings.Split(out, "\n") {
				if strings.Contains(line, token) || strings.Contains(line, interactionToken) {
					t.Errorf("a token reached the errors or logs: %s", line)
				}
			}
		})
	}
}

// failEveryCall makes each REST call the adapter uses, and a gateway connection, against an API that
// fails; it returns the text of every error (as %v and %+v) and logs each one as the adapter's callers do.
func failEveryCall(t *testing.T, base, token, interactionToken string, logger *slog.Logger) string {
	t.Helper()
	s, err := NewSession(token, base)
	if err != nil {
		t.Fatal(err)
	}
	s.Client.Timeout = time.Second // discordgo's Open takes no context
	rest := NewREST(s, RESTOptions{Retry: backoff.Policy{MaxAttempts: 2, Base: time.Millisecond}})
	in := &discordgo.Interaction{ID: "42", AppID: "200", Token: interactionToken, Type: discordgo.InteractionApplicationCommand}
	calls := map[string]func(ctx context.Context) error{
		"respond": func(ctx context.Context) error {
			return rest.Respond(ctx, in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "x"}})
		},
		"edit": func(ctx context.Context) error {
			return rest.EditResponse(ctx, in, &discordgo.InteractionResponseData{Content: "x"})
		},
		"send": func(ctx context.Context) error {
			return rest.Send(ctx, "c1", &discordgo.MessageSend{Content: "x"})
		},
		"direct channel": func(ctx context.Context) error {
			_, err := rest.DirectChannel(ctx, "5")
			return err
		},
		"register": func(ctx context.Context) error {
			_, err := Register(ctx, rest, "200", "g1")
			return err
		},
	}
	var out strings.Builder
	for name, call := range calls {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		err := call(ctx)
		cancel()
		if err == nil { // a call that reads no body takes invalid JSON for a success
			continue
		}
		logger.Error("discord call failed", "call", name, "err", err)
		fmt.Fprintf(&out, "%s: %v | %+v\n", name, err, err)
	}
	h := NewHandler(testEngine(t), nil, Options{Log: logger})
	g, err := NewGateway(s, h, rest, nil, GatewayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := g.Run(ctx); err != nil {
		logger.Error("discord gateway closed", "err", err)
	}
	return out.String()
}
