package discord

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/discordtest"
)

// gatewayBot runs the real gateway session against a fake Discord.
type gatewayBot struct {
	fake     *discordtest.Fake
	verdicts chan bool
	cancel   context.CancelFunc
	done     chan error
}

func startGateway(t *testing.T, opts Options, gw GatewayOptions, eng engine) *gatewayBot {
	t.Helper()
	fake := discordtest.New(t)
	s, err := NewSession("test-token", fake.URL())
	if err != nil {
		t.Fatal(err)
	}
	b := &gatewayBot{fake: fake, verdicts: make(chan bool, 10), done: make(chan error, 1)}
	h := NewHandler(eng, func(_ context.Context, _, _, _ string, ok bool) error { b.verdicts <- ok; return nil }, opts)
	rest := NewREST(s, RESTOptions{Retry: backoff.Policy{Base: 10 * time.Millisecond}})
	g, err := NewGateway(s, h, rest, &memoryClaims{}, gw)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	go func() { b.done <- g.Run(ctx) }()
	t.Cleanup(b.stop)
	fake.WaitFor("identify", func([]discordtest.Call) bool { n, _ := fake.Handshakes(); return n == 1 })
	waitUntil(t, "ready", func() bool { return g.Ready(ctx) == nil && g.botID.Load() != nil })
	return b
}

func (b *gatewayBot) stop() {
	if b.cancel != nil {
		b.cancel()
		<-b.done
		b.cancel = nil
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func dm(id, user, text string) map[string]any {
	return map[string]any{"id": id, "channel_id": "dm1", "content": text, "author": map[string]any{"id": user, "username": "patient"}}
}

func mention(id, user, text string) map[string]any {
	m := dm(id, user, "<@100> "+text)
	m["guild_id"], m["channel_id"] = "g1", "c1"
	m["mentions"] = []any{map[string]any{"id": "100", "username": "faqbot", "bot": true}}
	return m
}

func interaction(id string, typ int, data map[string]any) map[string]any {
	return map[string]any{"id": id, "application_id": "200", "type": typ, "token": "tok" + id, "version": 1, "locale": "en-US",
		"guild_id": "g1", "channel_id": "c1", "member": map[string]any{"user": map[string]any{"id": "5"}}, "data": data}
}

func askData(q string) map[string]any {
	return map[string]any{"id": "3", "name": "ask", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": q}}}
}

func embedOf(c discordtest.Call) map[string]any {
	data := c.Body
	if d, ok := c.Body["data"].(map[string]any); ok {
		data = d
	}
	if list, ok := data["embeds"].([]any); ok && len(list) > 0 {
		return list[0].(map[string]any)
	}
	return nil
}

func TestGatewayIdentifyIntentsAndShard(t *testing.T) {
	t.Parallel()
	b := startGateway(t, Options{}, GatewayOptions{ShardID: 1, ShardCount: 2}, testEngine(t))
	id := b.fake.Identifies()[0]
	if got, want := int(id["intents"].(float64)), int(Intents(false)); got != want {
		t.Errorf("intents %d, want %d (no privileged intent)", got, want)
	}
	if shard, _ := id["shard"].([]any); len(shard) != 2 || shard[0].(float64) != 1 || shard[1].(float64) != 2 {
		t.Errorf("shard %v, want [1 2]", id["shard"])
	}
	if id["token"] != "Bot test-token" {
		t.Errorf("identify token %v", id["token"])
	}
	if Intents(true)&discordgo.IntentMessageContent == 0 {
		t.Error("message-content intent not asked for")
	}
	if _, err := NewGateway(&discordgo.Session{}, nil, nil, nil, GatewayOptions{ShardID: 2, ShardCount: 2}); err == nil {
		t.Error("shard 2 of 2 accepted")
	}
}

func TestGatewayMessages(t *testing.T) {
	t.Parallel()
	b := startGateway(t, Options{}, GatewayOptions{}, testEngine(t))
	f := b.fake
	f.Dispatch("MESSAGE_CREATE", dm("1001", "5", "What should I wear to my session?"))
	calls := f.WaitFor("DM answer", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/channels/dm1/", "/messages")) == 1
	})
	answer := discordtest.Matching(calls, "POST", "/channels/dm1/", "/messages")[0]
	if e := embedOf(answer); e == nil || e["title"] != "What to wear" || !strings.HasPrefix(e["footer"].(map[string]any)["text"].(string), "This information is general") {
		t.Errorf("DM answer: %+v", answer.Body)
	}
	if ref, _ := answer.Body["message_reference"].(map[string]any); ref["message_id"] != "1001" {
		t.Errorf("DM answer does not reply to the question: %v", answer.Body["message_reference"])
	}
	if am, ok := answer.Body["allowed_mentions"].(map[string]any); !ok || len(am) != 0 && am["parse"] != nil {
		t.Errorf("allowed_mentions %v: want none", answer.Body["allowed_mentions"])
	}

	// A mention in a server: the answer goes to the asker's DMs, a note to the channel.
	f.Dispatch("MESSAGE_CREATE", mention("1002", "6", "هل سحب الخلايا مؤلم؟"))
	calls = f.WaitFor("mention answer", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/channels/c1/", "/messages")) == 1
	})
	private := discordtest.Matching(calls, "POST", "/channels/dm-6/", "/messages")
	if len(private) != 1 || embedOf(private[0]) == nil || !strings.HasPrefix(embedOf(private[0])["footer"].(map[string]any)["text"].(string), "هذه معلومات عامة") {
		t.Fatalf("mention: private answer %+v", private)
	}
	if note := discordtest.Matching(calls, "POST", "/channels/c1/", "/messages")[0]; !strings.Contains(note.Body["content"].(string), "رسالة خاصة") || embedOf(note) != nil {
		t.Errorf("mention: channel note %+v", note.Body)
	}

	// Closed DMs: an urgent reply is posted in the channel all the same.
	f.CloseDMs("7")
	f.Dispatch("MESSAGE_CREATE", mention("1003", "7", "I have chest pain since the injection"))
	calls = f.WaitFor("urgent in channel", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/channels/c1/", "/messages")) == 2
	})
	if e := embedOf(discordtest.Matching(calls, "POST", "/channels/c1/", "/messages")[1]); e == nil || int(e["color"].(float64)) != colourUrgent {
		t.Errorf("urgent reply with closed DMs: %+v", e)
	}

	// Ignored: other bots, server messages without a mention. A bare mention gets a hint.
	f.Dispatch("MESSAGE_CREATE", map[string]any{"id": "1004", "channel_id": "dm1", "content": "hi", "author": map[string]any{"id": "8", "bot": true}})
	f.Dispatch("MESSAGE_CREATE", map[string]any{"id": "1005", "guild_id": "g1", "channel_id": "c1", "content": "is it painful?", "author": map[string]any{"id": "9"}})
	f.Dispatch("MESSAGE_CREATE", mention("1006", "9", ""))
	calls = f.WaitFor("hint", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/channels/c1/", "/messages")) == 3
	})
	if hint := discordtest.Matching(calls, "POST", "/channels/c1/", "/messages")[2]; !strings.Contains(hint.Body["content"].(string), "/ask") {
		t.Errorf("bare mention: %+v", hint.Body)
	}
	time.Sleep(100 * time.Millisecond)
	if n := len(discordtest.Matching(f.WaitFor("", func([]discordtest.Call) bool { return true }), "POST", "/channels/dm1/", "/messages")); n != 1 {
		t.Errorf("%d replies in dm1, want 1 (bot messages are ignored)", n)
	}
}

func TestGatewayInteractionsRetryAndResume(t *testing.T) {
	t.Parallel()
	b := startGateway(t, Options{}, GatewayOptions{}, testEngine(t))
	f := b.fake
	f.FailNext("/interactions/", 429, 500)
	f.Dispatch("INTERACTION_CREATE", interaction("2001", 2, askData("What should I wear to my session?")))
	calls := f.WaitFor("/ask answered", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/interactions/2001/", "/callback")) == 3
	})
	resp := discordtest.Matching(calls, "POST", "/interactions/2001/", "/callback")[2]
	data, _ := resp.Body["data"].(map[string]any)
	if resp.Body["type"].(float64) != 4 || data["flags"].(float64) != float64(discordgo.MessageFlagsEphemeral) || embedOf(resp)["title"] != "What to wear" {
		t.Errorf("/ask response after a 429 and a 500: %+v", resp.Body)
	}
	if len(data["components"].([]any)) != 2 {
		t.Errorf("/ask components: %v", data["components"])
	}

	f.Dispatch("INTERACTION_CREATE", interaction("2002", 4, map[string]any{"id": "3", "name": "faq", "type": 1,
		"options": []any{map[string]any{"name": "topic", "type": 3, "value": "harv", "focused": true}}}))
	calls = f.WaitFor("autocomplete", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/interactions/2002/", "/callback")) == 1
	})
	if ac := discordtest.Matching(calls, "POST", "/interactions/2002/", "/callback")[0]; ac.Body["type"].(float64) != 8 || len(ac.Body["data"].(map[string]any)["choices"].([]any)) == 0 {
		t.Errorf("autocomplete: %+v", ac.Body)
	}

	f.Dispatch("INTERACTION_CREATE", interaction("2003", 3, map[string]any{"custom_id": "f:1:en:pain", "component_type": 2}))
	f.WaitFor("button", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/interactions/2003/", "/callback")) == 1
	})
	if ok := <-b.verdicts; !ok {
		t.Error("helpful button recorded as not helpful")
	}

	// The connection drops; discordgo resumes and the fake replays the last event: it is not answered twice.
	f.Drop()
	f.WaitFor("resume", func([]discordtest.Call) bool { _, r := f.Handshakes(); return r == 1 })
	f.Dispatch("INTERACTION_CREATE", interaction("2004", 2, askData("is it painful?")))
	calls = f.WaitFor("answer after resume", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/interactions/2004/", "/callback")) == 1
	})
	if n := len(discordtest.Matching(calls, "POST", "/interactions/2003/", "/callback")); n != 1 {
		t.Errorf("replayed interaction answered %d times, want once", n)
	}
	if ids, _ := f.Handshakes(); ids != 1 {
		t.Errorf("%d identifies: the session was not resumed", ids)
	}
}

func TestGatewayGivesUpWithinBounds(t *testing.T) {
	t.Parallel()
	b := startGateway(t, Options{}, GatewayOptions{}, testEngine(t))
	f := b.fake
	f.FailNext("/interactions/", 503, 503, 503, 503, 503, 503, 503)
	f.Dispatch("INTERACTION_CREATE", interaction("3001", 2, askData("is it painful?")))
	f.WaitFor("six tries", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/interactions/3001/", "/callback")) == 6
	})
	time.Sleep(300 * time.Millisecond)
	f.Dispatch("INTERACTION_CREATE", interaction("3002", 2, askData("is it painful?")))
	calls := f.WaitFor("next interaction", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "POST", "/interactions/3002/", "/callback")) == 1
	})
	if n := len(discordtest.Matching(calls, "POST", "/interactions/3001/", "/callback")); n != 6 {
		t.Errorf("%d tries of a failing callback, want 6", n)
	}
}

// slowEngine answers after a delay, to pass Discord's deadline.
type slowEngine struct {
	engine
	delay time.Duration
}

func (s *slowEngine) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return bot.Answer{}, ctx.Err()
	}
	return s.engine.Answer(ctx, q)
}

func TestGatewayDefersSlowAnswers(t *testing.T) {
	t.Parallel()
	eng := &slowEngine{engine: testEngine(t), delay: 300 * time.Millisecond}
	b := startGateway(t, Options{DeferAfter: 50 * time.Millisecond}, GatewayOptions{}, eng)
	f := b.fake
	f.Dispatch("INTERACTION_CREATE", interaction("4001", 2, askData("What should I wear to my session?")))
	calls := f.WaitFor("edit", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "PATCH", "/webhooks/200/tok4001/", "@original")) == 1
	})
	first := discordtest.Matching(calls, "POST", "/interactions/4001/", "/callback")
	if len(first) != 1 || first[0].Body["type"].(float64) != 5 {
		t.Fatalf("first response %+v, want one deferred (type 5)", first)
	}
	if e := embedOf(discordtest.Matching(calls, "PATCH", "/webhooks/", "@original")[0]); e == nil || e["title"] != "What to wear" {
		t.Errorf("deferred answer: %+v", e)
	}
}

func TestRegisterAgainstDiscord(t *testing.T) {
	t.Parallel()
	f := discordtest.New(t)
	s, err := NewSession("test-token", f.URL())
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false} {
		changed, err := Register(context.Background(), NewREST(s, RESTOptions{Retry: DefaultRetry()}), "200", "g1")
		if err != nil || changed != want {
			t.Fatalf("registration %d: changed %v err %v, want %v", i+1, changed, err, want)
		}
	}
	calls := f.WaitFor("", func([]discordtest.Call) bool { return true })
	if puts := discordtest.Matching(calls, "PUT", "/applications/200/guilds/g1/", "/commands"); len(puts) != 1 {
		t.Errorf("%d writes of the guild's commands, want 1", len(puts))
	}
	if _, err := NewSession("", "not a url"); err == nil {
		t.Error("bad api endpoint accepted")
	}
}

func TestInteractionsEndpointDefersSlowAnswers(t *testing.T) {
	t.Parallel()
	f := discordtest.New(t)
	s, err := NewSession("", f.URL())
	if err != nil {
		t.Fatal(err)
	}
	eng := &slowEngine{engine: testEngine(t), delay: 300 * time.Millisecond}
	h := NewHandler(eng, nil, Options{DeferAfter: 50 * time.Millisecond})
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	in, err := NewInteractions(hex.EncodeToString(pub), h, NewREST(s, RESTOptions{Retry: DefaultRetry()}), nil)
	if err != nil {
		t.Fatal(err)
	}
	body := `{"id":"5001","application_id":"200","type":2,"token":"tok5001","version":1,"locale":"ar","user":{"id":"5"},` +
		`"data":{"id":"3","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"كم تستغرق الجلسة؟"}]}}`
	code, resp := call(t, in, priv, body, time.Now(), false)
	if code != 200 || resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || resp.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Fatalf("first response %d %+v, want a private deferred response", code, resp)
	}
	calls := f.WaitFor("edit", func(c []discordtest.Call) bool {
		return len(discordtest.Matching(c, "PATCH", "/webhooks/200/tok5001/", "@original")) == 1
	})
	edit := discordtest.Matching(calls, "PATCH", "/webhooks/", "@original")[0]
	if e := embedOf(edit); e == nil || !strings.HasPrefix(e["footer"].(map[string]any)["text"].(string), "هذه معلومات عامة") {
		t.Errorf("deferred Arabic answer: %+v", edit.Body)
	}
	h.Wait()
}
