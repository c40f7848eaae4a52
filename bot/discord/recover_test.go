package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/discordtest"
	"github.com/faqbot/faqbot/internal/guard"
)

// poisonQuestion is the question the panicking engine cannot take.
const poisonQuestion = "what about the poison pill?"

// panicky answers like the engine it wraps, but panics on poisonQuestion (after delay) and reports
// ErrBusy on "busy?". It remembers who asked last and to whom a topic was shown last.
type panicky struct {
	engine
	delay   time.Duration
	panics  atomic.Int64
	askedBy atomic.Pointer[string] // the User of the last question
	shownTo atomic.Pointer[string] // the user of the last topic shown
}

func (p *panicky) ShowTopic(ctx context.Context, platform, user, id, lang string) (bot.Answer, bool) {
	if platform != "discord" {
		panic("ShowTopic on platform " + platform)
	}
	p.shownTo.Store(&user)
	return p.engine.ShowTopic(ctx, platform, user, id, lang)
}

func load(p *atomic.Pointer[string]) string {
	if s := p.Load(); s != nil {
		return *s
	}
	return ""
}

func (p *panicky) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	p.askedBy.Store(&q.User)
	switch q.Text {
	case poisonQuestion:
		p.panics.Add(1)
		time.Sleep(p.delay)
		panic("engine bug on " + q.Text)
	case "busy?":
		return bot.Answer{Status: bot.NoMatch, Lang: "en", Reply: "Many people are asking right now; please try again in a minute."}, bot.ErrBusy
	}
	return p.engine.Answer(ctx, q)
}

func askBody(id, question string) string {
	return strings.Replace(command("ask", "question", question, "en-US"), `"id":"1"`, `"id":"`+id+`"`, 1)
}

// TestHTTPInteractionRecoversFromAPanic (issue 11, point 1): an engine that panics on one question costs
// that interaction a private apology; the next is answered, and a replay of the panicking one is
// acknowledged without asking the engine again.
func TestHTTPInteractionRecoversFromAPanic(t *testing.T) {
	eng := &panicky{engine: testEngine(t)}
	reg := prometheus.NewRegistry()
	var logs bytes.Buffer
	panics, err := guard.New(guard.Options{Metrics: reg, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	h := NewHandler(eng, nil, Options{Timeout: 2 * time.Second, Panics: panics, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	in, err := NewInteractions(hex.EncodeToString(pub), h, nil, &memoryClaims{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if n := panicCount(t, reg, "discord"); n != 1 {
			t.Errorf(`faqbot_panics_total{adapter="discord"} = %v, want 1`, n)
		}
		if strings.Contains(logs.String(), poisonQuestion) || !strings.Contains(logs.String(), "stack=") {
			t.Errorf("the panic's log quotes the question or has no stack:\n%s", logs.String())
		}
	}()
	now := time.Now()
	code, resp := call(t, in, priv, askBody("501", poisonQuestion), now, false)
	if code != 200 || resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data == nil ||
		resp.Data.Content != labels("en").failed || resp.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("panicking question: got %d %+v, want a private apology", code, resp)
	}
	if code, resp := call(t, in, priv, askBody("502", "is it painful?"), now, false); code != 200 || resp.Data == nil || len(resp.Data.Embeds) != 1 {
		t.Errorf("next question: got %d %+v, want an answer", code, resp)
	}
	code, resp = call(t, in, priv, askBody("501", poisonQuestion), now, false)
	if code != 200 || resp.Type != discordgo.InteractionResponseDeferredMessageUpdate || eng.panics.Load() != 1 {
		t.Errorf("replayed panicking question: got %d %+v and %d panics, want a quiet acknowledgement and 1 panic", code, resp, eng.panics.Load())
	}
}

// TestHTTPDeferredAnswerRecoversFromAPanic: a panic after the answer was deferred (in the goroutine that
// computes it) costs an apology written into the deferred response, never the process.
func TestHTTPDeferredAnswerRecoversFromAPanic(t *testing.T) {
	f := discordtest.New(t)
	s, err := NewSession("", f.URL())
	if err != nil {
		t.Fatal(err)
	}
	eng := &panicky{engine: testEngine(t), delay: 200 * time.Millisecond}
	h := NewHandler(eng, nil, Options{DeferAfter: 20 * time.Millisecond})
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	in, err := NewInteractions(hex.EncodeToString(pub), h, NewREST(s, RESTOptions{Retry: DefaultRetry()}), nil)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(askBody("601", poisonQuestion), `"application_id":"2"`, `"application_id":"200"`, 1)
	if code, resp := call(t, in, priv, body, time.Now(), false); code != 200 || resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("got %d %+v, want a deferred response", code, resp)
	}
	calls := f.WaitFor("apology", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "PATCH", "/webhooks/200/", "@original")) == 1
	})
	if edit := discordtest.Matching(calls, "PATCH", "/webhooks/200/", "@original")[0]; edit.Body["content"] != labels("en").failed {
		t.Errorf("deferred answer after a panic: got %v, want the apology", edit.Body)
	}
	h.Wait()
}

// TestHTTPBusyIsAnsweredWithTheBusyReply: ErrBusy from the engine is not a failure: its reply is sent,
// privately.
func TestHTTPBusyIsAnsweredWithTheBusyReply(t *testing.T) {
	eng := &panicky{engine: testEngine(t)}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	in, err := NewInteractions(hex.EncodeToString(pub), NewHandler(eng, nil, Options{}), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	code, resp := call(t, in, priv, askBody("701", "busy?"), time.Now(), false)
	if code != 200 || resp.Data == nil || !strings.HasPrefix(resp.Data.Content, "Many people are asking right now") || resp.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("busy: got %d %+v, want the busy reply, privately", code, resp)
	}
}

// TestGatewayRecoversFromAPanic (issue 11, point 1): over the gateway, a panicking question (a slash
// command or a DM) gets an apology, the next one is answered, and the panicking event replayed after a
// resume is not handled again.
func TestGatewayRecoversFromAPanic(t *testing.T) {
	t.Parallel()
	eng := &panicky{engine: testEngine(t)}
	b := startGateway(t, Options{}, GatewayOptions{}, eng)
	f := b.fake
	f.Dispatch("MESSAGE_CREATE", dm("8001", "5", poisonQuestion))
	calls := f.WaitFor("apology in the DM", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/channels/dm1/", "/messages")) == 1
	})
	if note := discordtest.Matching(calls, "POST", "/channels/dm1/", "/messages")[0]; note.Body["content"] != escape(labels("en").failed) {
		t.Errorf("DM that panicked: got %v, want the apology", note.Body)
	}
	if got := load(&eng.askedBy); got != "dc:5" {
		t.Errorf("a DM asked by %q, want dc:5", got)
	}
	f.Dispatch("INTERACTION_CREATE", interaction("8002", 2, askData(poisonQuestion)))
	calls = f.WaitFor("apology to /ask", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/interactions/8002/", "/callback")) == 1
	})
	resp := discordtest.Matching(calls, "POST", "/interactions/8002/", "/callback")[0]
	if data, _ := resp.Body["data"].(map[string]any); data["content"] != labels("en").failed || data["flags"] != float64(discordgo.MessageFlagsEphemeral) {
		t.Errorf("/ask that panicked: got %v, want a private apology", resp.Body)
	}
	f.Drop() // discordgo resumes; the fake replays the last event, the panicking /ask
	f.WaitFor("resume", func([]discordtest.Call) bool { _, r := f.Handshakes(); return r == 1 })
	f.Dispatch("INTERACTION_CREATE", interaction("8003", 2, askData("is it painful?")))
	calls = f.WaitFor("next /ask", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/interactions/8003/", "/callback")) == 1
	})
	if e := embedOf(discordtest.Matching(calls, "POST", "/interactions/8003/", "/callback")[0]); e == nil {
		t.Errorf("the question after the panics was not answered")
	}
	if got := load(&eng.askedBy); got != "dc:5" {
		t.Errorf("a server member's /ask asked by %q, want dc:5", got)
	}
	if n := len(discordtest.Matching(calls, "POST", "/interactions/8002/", "/callback")); n != 1 || eng.panics.Load() != 2 {
		t.Errorf("the replayed panicking /ask: %d responses and %d panics in all, want 1 and 2", n, eng.panics.Load())
	}
}

// panicCount reads faqbot_panics_total{adapter} back from a registry.
func panicCount(t *testing.T, reg *prometheus.Registry, adapter string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if f.GetName() == "faqbot_panics_total" && l.GetName() == "adapter" && l.GetValue() == adapter {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}
