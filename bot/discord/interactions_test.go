package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/bot"
)

type verdict struct {
	user, id, lang string
	ok             bool
}

func setup(t testing.TB, public bool) (*Interactions, ed25519.PrivateKey, *[]verdict) {
	t.Helper()
	return setupWith(t, public, nil)
}

func setupWith(t testing.TB, public bool, seen Claims) (*Interactions, ed25519.PrivateKey, *[]verdict) {
	t.Helper()
	eng := testEngine(t)
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	var got []verdict
	h, err := NewInteractions(hex.EncodeToString(pub), NewHandler(eng, func(_ context.Context, user, id, lang string, ok bool) error {
		got = append(got, verdict{user, id, lang, ok})
		return nil
	}, Options{Public: public, Timeout: 2 * time.Second}), nil, seen)
	if err != nil {
		t.Fatal(err)
	}
	return h, priv, &got
}

// wire is an interaction response as Discord reads it.
type wire struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data *struct {
		Content string                 `json:"content"`
		Flags   discordgo.MessageFlags `json:"flags"`
		Embeds  []struct {
			Title, Description string
			Color              int
			Footer             struct{ Text string }
		} `json:"embeds"`
		Components []struct {
			Type       int `json:"type"`
			Components []struct {
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	} `json:"data"`
}

// call posts a signed interaction; tamper breaks the signature.
func call(t testing.TB, h *Interactions, key ed25519.PrivateKey, body string, at time.Time, tamper bool) (int, wire) {
	t.Helper()
	ts := strconv.FormatInt(at.Unix(), 10)
	sig := ed25519.Sign(key, []byte(ts+body))
	if tamper {
		sig[0] ^= 1
	}
	req := httptest.NewRequest("POST", "/discord/interactions", strings.NewReader(body))
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	req.Header.Set("X-Signature-Timestamp", ts)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp wire
	if rec.Code == 200 {
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("response is not an interaction response: %v\n%s", err, rec.Body.String())
		}
	}
	return rec.Code, resp
}

func command(name, option, value, locale string) string {
	b, _ := json.Marshal(map[string]any{"id": "1", "application_id": "2", "type": 2, "token": "t", "version": 1, "locale": locale,
		"user": map[string]any{"id": "5"}, "data": map[string]any{"id": "3", "name": name, "type": 1, "options": []map[string]any{{"name": option, "type": 3, "value": value}}}})
	return string(b)
}

func component(customID string, values ...string) string {
	b, _ := json.Marshal(map[string]any{"id": "1", "application_id": "2", "type": 3, "token": "t", "version": 1,
		"member": map[string]any{"user": map[string]any{"id": "5"}}, "data": map[string]any{"custom_id": customID, "component_type": 2, "values": values}})
	return string(b)
}

func TestSignatureAndPing(t *testing.T) {
	h, key, _ := setup(t, false)
	now := time.Now()
	if code, resp := call(t, h, key, `{"type":1}`, now, false); code != 200 || resp.Type != discordgo.InteractionResponsePong {
		t.Errorf("PING: %d %+v", code, resp)
	}
	if code, _ := call(t, h, key, `{"type":1}`, now, true); code != 401 {
		t.Errorf("bad signature: %d", code)
	}
	if code, _ := call(t, h, key, `{"type":1}`, now.Add(-6*time.Minute), false); code != 401 {
		t.Errorf("stale timestamp: %d", code)
	}
	if code, _ := call(t, h, key, `{"type":`, now, false); code != 400 {
		t.Errorf("malformed JSON: %d", code)
	}
	req := httptest.NewRequest("POST", "/discord/interactions", strings.NewReader(`{"type":1}`))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 401 {
		t.Errorf("missing signature: %d", rec.Code)
	}
	big := httptest.NewRequest("POST", "/discord/interactions", bytes.NewReader(make([]byte, 100)))
	big.Body = http.MaxBytesReader(httptest.NewRecorder(), big.Body, 10)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, big)
	if rec.Code != 413 {
		t.Errorf("oversize body: %d", rec.Code)
	}
	if _, err := NewInteractions("zz", nil, nil, nil); err == nil {
		t.Error("bad public key accepted")
	}
}

func TestAsk(t *testing.T) {
	h, key, _ := setup(t, false)
	now := time.Now()
	code, resp := call(t, h, key, command("ask", "question", "What should I wear to my session?", "en-US"), now, false)
	if code != 200 || resp.Data == nil || len(resp.Data.Embeds) != 1 {
		t.Fatalf("ask: %d %+v", code, resp)
	}
	e := resp.Data.Embeds[0]
	if e.Title != "What to wear" || e.Color != colourAnswer || !strings.HasPrefix(e.Footer.Text, "This information is general") ||
		resp.Data.Flags != discordgo.MessageFlagsEphemeral || len(resp.Data.Components) != 2 {
		t.Errorf("English answer: %+v flags %v components %d", e, resp.Data.Flags, len(resp.Data.Components))
	}
	_, resp = call(t, h, key, command("ask", "question", "كم تستغرق جلسة العلاج؟", "ar"), now, false)
	if e := resp.Data.Embeds[0]; !strings.HasPrefix(e.Footer.Text, "هذه معلومات عامة") {
		t.Errorf("Arabic answer footer: %q", e.Footer.Text)
	}
	_, resp = call(t, h, key, command("ask", "question", "I have chest pain @everyone", "en-US"), now, false)
	if e := resp.Data.Embeds[0]; e.Color != colourUrgent || !strings.Contains(e.Description, "urgent medical attention") || len(resp.Data.Components) != 0 {
		t.Errorf("urgent: %+v", e)
	}
	public, key2, _ := setup(t, true)
	if _, resp := call(t, public, key2, command("ask", "question", "is it painful?", "en-US"), now, false); resp.Data.Flags != 0 {
		t.Errorf("public answers: flags %v", resp.Data.Flags)
	}
}

func TestAutocompleteTopicsAndButtons(t *testing.T) {
	h, key, got := setup(t, false)
	now := time.Now()
	ac, _ := json.Marshal(map[string]any{"id": "1", "application_id": "2", "type": 4, "token": "t", "version": 1,
		"data": map[string]any{"id": "3", "name": "faq", "type": 1, "options": []map[string]any{{"name": "topic", "type": 3, "value": "harv", "focused": true}}}})
	_, resp := call(t, h, key, string(ac), now, false)
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(resp.Data.Choices) == 0 || resp.Data.Choices[0].Value != "harvesting" {
		t.Errorf("autocomplete: %+v", resp.Data)
	}
	if _, resp := call(t, h, key, command("faq", "topic", "fasting", "en-US"), now, false); resp.Data.Embeds[0].Title == "" {
		t.Errorf("/faq: %+v", resp.Data)
	}
	if _, resp := call(t, h, key, command("topics", "x", "", "ar"), now, false); len(resp.Data.Components) != 1 {
		t.Errorf("/topics: %+v", resp.Data)
	}
	if _, resp := call(t, h, key, component("t:en:pain"), now, false); len(resp.Data.Embeds) != 1 {
		t.Errorf("topic button: %+v", resp.Data)
	}
	if _, resp := call(t, h, key, component("topics", "t:ar:fasting"), now, false); len(resp.Data.Embeds) != 1 {
		t.Errorf("topics menu: %+v", resp.Data)
	}
	if _, resp := call(t, h, key, component("f:0:en:pain"), now, false); resp.Data.Content != "Thank you for your feedback!" || len(*got) != 1 {
		t.Errorf("feedback: %+v %v", resp.Data, *got)
	}
	for _, bad := range []string{"", "x", "f:2:en:pain", "f:1:xx:pain", "f:1:en:pain\n", strings.Repeat("z", 300)} {
		if code, resp := call(t, h, key, component(bad), now, false); code != 200 || resp.Type != discordgo.InteractionResponseDeferredMessageUpdate {
			t.Errorf("malformed custom id %q: got %d %+v, want a quiet acknowledgement", bad, code, resp)
		}
	}
	if len(*got) != 1 {
		t.Errorf("got %d verdicts recorded, want 1 (malformed custom ids record none)", len(*got))
	}
	if _, resp := call(t, h, key, component("t:en:nope"), now, false); resp.Data == nil || resp.Data.Content != labels("en").unknown {
		t.Errorf("unknown topic: got %+v, want %q", resp.Data, labels("en").unknown)
	}
}

// TestReplayedClickActsOnce: a signed feedback click posted again (Discord posts each interaction once,
// so this is a replay) is acknowledged without recording the verdict twice; a replayed question is
// answered again, as anyone may ask it.
func TestReplayedClickActsOnce(t *testing.T) {
	h, key, got := setupWith(t, false, &memoryClaims{})
	now := time.Now()
	click := strings.Replace(component("f:1:en:pain"), `"id":"1"`, `"id":"77"`, 1)
	if _, resp := call(t, h, key, click, now, false); resp.Data == nil || resp.Data.Content != "Thank you for your feedback!" {
		t.Fatalf("first click: %+v", resp)
	}
	code, resp := call(t, h, key, click, now, false)
	if code != 200 || resp.Type != discordgo.InteractionResponseDeferredMessageUpdate || len(*got) != 1 {
		t.Errorf("replayed click: %d %+v, verdicts %v; want type 6 and one verdict", code, resp, *got)
	}
	ask := command("ask", "question", "is it painful?", "en-US")
	for i := range 2 {
		if _, resp := call(t, h, key, ask, now, false); resp.Data == nil || len(resp.Data.Embeds) != 1 {
			t.Errorf("question, delivery %d: %+v", i+1, resp)
		}
	}
}

func TestEscape(t *testing.T) {
	if got := escape("**bold** @everyone _x_"); strings.Contains(got, "@everyone") || strings.Contains(got, "**") {
		t.Errorf("not escaped: %q", got)
	}
}

// FuzzInteractions signs whatever body it is given, so the JSON parser and every handler behind it see
// arbitrary input; a second, unsigned call checks that a forged signature never gets through.
func FuzzInteractions(f *testing.F) {
	for _, seed := range []string{`{"type":1}`, command("ask", "question", "is it painful?", "en-US"), command("faq", "topic", "x", "ar"),
		component("f:1:en:pain"), component("topics", "t:ar:fasting"), `{"type":4,"data":{"options":[{"focused":true,"value":7}]}}`,
		`{"type":2,"data":{"name":"ask","options":[{"name":"question","value":null}]}}`, `{"type":3,"data":{"custom_id":"t:`, `[]`, `null`, `{"type":2}`, `{"type":3}`, `{"type":4}`, `{"type":5}`} {
		f.Add(seed, false)
	}
	h, key, _ := setup(f, false)
	f.Fuzz(func(t *testing.T, body string, forge bool) {
		code, _ := call(t, h, key, body, time.Now(), forge)
		switch {
		case forge && code != 401:
			t.Fatalf("forged signature: status %d", code)
		case !forge && code != 200 && code != 400 && code != 500:
			t.Fatalf("status %d for %q", code, body)
		}
	})
}

func TestEmbedLimits(t *testing.T) {
	a := bot.Answer{Status: bot.Answered, Title: strings.Repeat("T", 400), Reply: strings.Repeat("word ", 2000),
		Source: "guide", Disclaimer: strings.Repeat("d", 3000), Lang: "en", ID: strings.Repeat("x", 120)}
	e := embed(a)
	n := func(s string) int { return len([]rune(s)) }
	if n(e.Title) > maxTitle || n(e.Description) > maxDescription || n(e.Footer.Text) > maxFooter || n(e.Title)+n(e.Description)+n(e.Footer.Text) > maxEmbedTotal {
		t.Errorf("embed over Discord's limits: title %d, description %d, footer %d", n(e.Title), n(e.Description), n(e.Footer.Text))
	}
	for _, row := range components(a) {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if b := c.(discordgo.Button); len(b.CustomID) > maxCustomID {
				t.Errorf("custom id of %d bytes", len(b.CustomID))
			}
		}
	}
}

// TestEmbedGivesOtherQuestionsAnswers: a message's second question's answer (Also) follows the first in
// the embed, under its own title, escaped.
func TestEmbedGivesOtherQuestionsAnswers(t *testing.T) {
	e := embed(bot.Answer{Status: bot.Answered, Title: "Session length", Reply: "About 1.5 to 3 hours.", Lang: "en",
		Disclaimer: "d", Also: []bot.Also{{ID: "pain", Title: "Pain_comfort", Answer: "Local *anesthesia* numbs it."}}})
	first, second := strings.Index(e.Description, "About 1.5"), strings.Index(e.Description, "**Pain\\_comfort**\nLocal \\*anesthesia\\* numbs it.")
	if first < 0 || second < first {
		t.Errorf("embed does not give both answers:\n%s", e.Description)
	}
}

// FuzzVerify checks the signature check on arbitrary signatures, timestamps and bodies: it never panics,
// and accepts only what the key signed, within five minutes.
func FuzzVerify(f *testing.F) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	now := time.Unix(1_800_000_000, 0)
	ts := strconv.FormatInt(now.Unix(), 10)
	good := hex.EncodeToString(ed25519.Sign(priv, []byte(ts+`{"type":1}`)))
	f.Add(good, ts, []byte(`{"type":1}`))
	f.Add(good, ts+"0", []byte(`{"type":1}`))
	f.Add(strings.ToUpper(good), ts, []byte(`{"type":1}`))
	f.Add("", "", []byte{})
	f.Add("zz", "-1", []byte("\xff"))
	f.Fuzz(func(t *testing.T, sig, timestamp string, body []byte) {
		ok := Verify(pub, sig, timestamp, body, now)
		signed := ed25519.Verify(pub, append([]byte(timestamp), body...), mustHex(sig))
		secs, err := strconv.ParseInt(timestamp, 10, 64)
		fresh := err == nil && now.Sub(time.Unix(secs, 0)).Abs() <= maxSkew
		if ok != (signed && fresh) {
			t.Fatalf("Verify(%q, %q, %q) = %v; signed %v, fresh %v", sig, timestamp, body, ok, signed, fresh)
		}
	})
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != ed25519.SignatureSize {
		return make([]byte, ed25519.SignatureSize)
	}
	return b
}

// countingReader is a body of spaces, max bytes long, that counts what was read of it.
type countingReader struct{ n, max int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n >= c.max {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), c.max-c.n)]
	for i := range p {
		p[i] = ' '
	}
	c.n += int64(len(p))
	return len(p), nil
}

// TestBodyLimit (issue 11, point 6): a body over MaxInteractionBytes is refused with 413 before the
// signature is checked, having read no more than the limit; a signed body at the limit is read whole.
func TestBodyLimit(t *testing.T) {
	h, key, _ := setup(t, false)
	body := &countingReader{max: 8 << 20}
	req := httptest.NewRequest("POST", "/discord/interactions", body)
	req.Header.Set("X-Signature-Ed25519", strings.Repeat("00", ed25519.SignatureSize))
	req.Header.Set("X-Signature-Timestamp", strconv.FormatInt(time.Now().Unix(), 10))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || body.n > MaxInteractionBytes+64<<10 {
		t.Errorf("unsigned body of 8 MiB: got %d after reading %d bytes, want 413 within %d bytes", rec.Code, body.n, MaxInteractionBytes)
	}
	ping := `{"type":1}`
	padded := ping + strings.Repeat(" ", MaxInteractionBytes-len(ping))
	if code, resp := call(t, h, key, padded, time.Now(), false); code != 200 || resp.Type != discordgo.InteractionResponsePong {
		t.Errorf("signed PING of exactly %d bytes: got %d", len(padded), code)
	}
	if code, _ := call(t, h, key, padded+" ", time.Now(), false); code != http.StatusRequestEntityTooLarge {
		t.Errorf("signed PING of %d bytes: got %d, want 413", len(padded)+1, code)
	}
}
