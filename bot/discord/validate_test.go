package discord

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// votes records the verdicts a handler writes.
type votes struct{ got []verdict }

func (v *votes) record(_ context.Context, user, id, lang string, ok bool) error {
	v.got = append(v.got, verdict{user, id, lang, ok})
	return nil
}

func validationHandler(t testing.TB) (*Handler, *votes) {
	t.Helper()
	v := &votes{}
	return NewHandler(testEngine(t), v.record, Options{Timeout: 2 * time.Second}), v
}

// clickOf is a button click (or, with values, a choice in the topics menu) by user 5.
func clickOf(customID string, values ...string) *discordgo.Interaction {
	return &discordgo.Interaction{ID: "9", Type: discordgo.InteractionMessageComponent, Locale: "en-US",
		Member: &discordgo.Member{User: &discordgo.User{ID: "5"}},
		Data:   discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent, Values: values}}
}

func commandOf(typ discordgo.InteractionType, name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{ID: "9", Type: typ, Locale: "en-US", User: &discordgo.User{ID: "5"},
		Data: discordgo.ApplicationCommandInteractionData{ID: "3", Name: name, Options: opts}}
}

func opt(name string, value any, focused bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value, Focused: focused}
}

// TestBadCustomIDsAreAcknowledgedQuietly (issue 11, point 4): a click whose custom id (or menu value) is
// out of shape gets a quiet acknowledgement (type 6) and writes nothing: no control characters,
// newlines or a leading '=' reach the feedback table, whatever the id's length.
func TestBadCustomIDsAreAcknowledgedQuietly(t *testing.T) {
	h, v := validationHandler(t)
	bad := map[string]*discordgo.Interaction{
		"newline in the answer id":      clickOf("f:1:en:pain\nhelpful=1"),
		"control character":             clickOf("f:1:en:pa\x00in"),
		"escape sequence":               clickOf("f:0:en:\x1b[31mpain"),
		"leading =":                     clickOf("f:1:en:=HYPERLINK(\"x\")"),
		"64 bytes of spaces":            clickOf("f:1:en:" + strings.Repeat(" ", 64)),
		"answer id over 64 characters":  clickOf("f:1:en:" + strings.Repeat("a", 65)),
		"custom id over 100 bytes":      clickOf("t:en:" + strings.Repeat("a", 96)),
		"invalid UTF-8":                 clickOf("f:1:en:pain\xff"),
		"unknown verdict":               clickOf("f:2:en:pain"),
		"unsupported language":          clickOf("f:1:fr:pain"),
		"empty answer id":               clickOf("f:1:en:"),
		"no fields":                     clickOf("f"),
		"unknown kind":                  clickOf("x:en:pain"),
		"empty":                         clickOf(""),
		"topic with a newline":          clickOf("t:en:pain\n"),
		"menu with no choice":           clickOf("topics"),
		"menu with two choices":         clickOf("topics", "t:en:pain", "t:en:fasting"),
		"menu choice with a control":    clickOf("topics", "f:1:en:pain\r"),
		"no user":                       {ID: "9", Type: discordgo.InteractionMessageComponent, Data: discordgo.MessageComponentInteractionData{CustomID: "f:1:en:pain"}},
		"user id that is not an id":     {ID: "9", Type: discordgo.InteractionMessageComponent, User: &discordgo.User{ID: "5\n"}, Data: discordgo.MessageComponentInteractionData{CustomID: "f:1:en:pain"}},
		"command data on a click event": {ID: "9", Type: discordgo.InteractionMessageComponent, User: &discordgo.User{ID: "5"}, Data: discordgo.ApplicationCommandInteractionData{Name: "ask"}},
		"no data":                       {ID: "9", Type: discordgo.InteractionMessageComponent, User: &discordgo.User{ID: "5"}},
	}
	for name, in := range bad {
		t.Run(name, func(t *testing.T) {
			resp, err := h.respond(context.Background(), in)
			if err != nil || resp == nil || resp.Type != discordgo.InteractionResponseDeferredMessageUpdate {
				t.Errorf("got %+v, %v; want a quiet acknowledgement (type 6)", resp, err)
			}
		})
	}
	if len(v.got) != 0 {
		t.Errorf("got %d feedback writes %v from bad custom ids, want none", len(v.got), v.got)
	}
	for _, good := range []*discordgo.Interaction{clickOf("f:1:en:pain"), clickOf("f:0:ar:fasting")} {
		if resp, err := h.respond(context.Background(), good); err != nil || resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
			t.Errorf("valid feedback: got %+v, %v", resp, err)
		}
	}
	if len(v.got) != 2 {
		t.Errorf("got %d feedback writes from two valid clicks, want 2", len(v.got))
	}
}

// TestBadCommandOptionsAreRefusedQuietly: /ask and /faq options out of shape get a short private "I
// can't read that", autocomplete input out of shape an empty list; none reaches the engine.
func TestBadCommandOptionsAreRefusedQuietly(t *testing.T) {
	h, _ := validationHandler(t)
	long := strings.Repeat("is it painful ", 100)
	unreadable := map[string]*discordgo.Interaction{
		"/ask with a control character": commandOf(discordgo.InteractionApplicationCommand, "ask", opt("question", "is it painful?\x00", false)),
		"/ask with a newline":           commandOf(discordgo.InteractionApplicationCommand, "ask", opt("question", "is it\npainful?", false)),
		"/ask over 1000 characters":     commandOf(discordgo.InteractionApplicationCommand, "ask", opt("question", long, false)),
		"/ask with invalid UTF-8":       commandOf(discordgo.InteractionApplicationCommand, "ask", opt("question", "is it painful\xff", false)),
		"/faq with a control character": commandOf(discordgo.InteractionApplicationCommand, "faq", opt("topic", "pain\x1b", false)),
		"/faq over 100 characters":      commandOf(discordgo.InteractionApplicationCommand, "faq", opt("topic", strings.Repeat("p", 101), false)),
		"unknown command":               commandOf(discordgo.InteractionApplicationCommand, "rm"),
		"no user":                       {ID: "9", Type: discordgo.InteractionApplicationCommand, Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{opt("question", "is it painful?", false)}}},
		"no data":                       {ID: "9", Type: discordgo.InteractionApplicationCommand, User: &discordgo.User{ID: "5"}},
	}
	for name, in := range unreadable {
		t.Run(name, func(t *testing.T) {
			resp, err := h.respond(context.Background(), in)
			if err != nil || resp == nil || resp.Data == nil || resp.Data.Content != labels("en").unreadable ||
				resp.Data.Flags != discordgo.MessageFlagsEphemeral || len(resp.Data.Embeds) != 0 {
				t.Errorf("got %+v, %v; want a private %q", resp, err, labels("en").unreadable)
			}
		})
	}
	empty := map[string]*discordgo.Interaction{
		"control character": commandOf(discordgo.InteractionApplicationCommandAutocomplete, "faq", opt("topic", "pa\x07", true)),
		"over 100":          commandOf(discordgo.InteractionApplicationCommandAutocomplete, "faq", opt("topic", strings.Repeat("p", 101), true)),
		"not text":          commandOf(discordgo.InteractionApplicationCommandAutocomplete, "faq", opt("topic", 7.0, true)),
		"invalid UTF-8":     commandOf(discordgo.InteractionApplicationCommandAutocomplete, "faq", opt("topic", "p\xffa", true)),
		"no data":           {ID: "9", Type: discordgo.InteractionApplicationCommandAutocomplete},
	}
	for name, in := range empty {
		t.Run("autocomplete "+name, func(t *testing.T) {
			resp, err := h.respond(context.Background(), in)
			if err != nil || resp == nil || resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult || resp.Data == nil || len(resp.Data.Choices) != 0 {
				t.Errorf("got %+v, %v; want an empty autocomplete result", resp, err)
			}
		})
	}
}

// knowledgeID is the shape of a knowledge id (knowledge.Validate): what a feedback write may carry.
var knowledgeID = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,63}$`)

// FuzzCustomID clicks buttons and menu options with arbitrary custom ids and values. Properties: no
// panic; a feedback write happens only for a custom id that is exactly what the bot itself renders for
// a knowledge id in a supported language; validID agrees with knowledge's id pattern.
func FuzzCustomID(f *testing.F) {
	for _, seed := range []string{"f:1:en:pain", "f:0:ar:fasting", "t:en:pain", "t:ar:fasting", "topics", "f:1:en:pain\n",
		"f:1:en:=1+1", "f:1:fr:pain", "f:2:en:pain", "f:1:en:", "f:1:en:a:b", "t:en:", "x", "", "f:1:en:\xff"} {
		f.Add(seed, "")
		f.Add("topics", seed)
	}
	h, v := validationHandler(f)
	f.Fuzz(func(t *testing.T, customID, value string) {
		var values []string
		if value != "" {
			values = []string{value}
		}
		before := len(v.got)
		resp, err := h.respond(context.Background(), clickOf(customID, values...))
		if err != nil || resp == nil {
			t.Fatalf("click %q %q: got %+v, %v", customID, value, resp, err)
		}
		if validID(customID) != knowledgeID.MatchString(customID) {
			t.Fatalf("validID(%q) = %v, knowledge's id pattern says otherwise", customID, validID(customID))
		}
		id := customID
		if customID == "topics" {
			id = value
		}
		if len(v.got) == before {
			return
		}
		w := v.got[len(v.got)-1]
		if len(v.got) != before+1 || w.user != "dc:5" || !knowledgeID.MatchString(w.id) || (w.lang != "en" && w.lang != "ar") || id != feedbackID(w.id, w.lang, w.ok) {
			t.Fatalf("click %q %q wrote %d verdicts, the last %+v", customID, value, len(v.got)-before, w)
		}
	})
}

// TestQuestionsCarryTheAsker (issue 11, point 4): every question, topic shown and verdict names who
// asked ("dc:" and the Discord user id, of a server member or of a DM), so that the store takes feedback
// only on answers given to that user.
func TestQuestionsCarryTheAsker(t *testing.T) {
	eng := &panicky{engine: testEngine(t)}
	v := &votes{}
	h := NewHandler(eng, v.record, Options{})
	ctx := context.Background()
	ask := commandOf(discordgo.InteractionApplicationCommand, "ask", opt("question", "is it painful?", false))
	if _, err := h.respond(ctx, ask); err != nil || load(&eng.askedBy) != "dc:5" {
		t.Errorf("/ask in a DM: asked by %q (%v), want dc:5", load(&eng.askedBy), err)
	}
	ask.User, ask.Member = nil, &discordgo.Member{User: &discordgo.User{ID: "6"}}
	if _, err := h.respond(ctx, ask); err != nil || load(&eng.askedBy) != "dc:6" {
		t.Errorf("/ask in a server: asked by %q (%v), want dc:6", load(&eng.askedBy), err)
	}
	if _, err := h.respond(ctx, commandOf(discordgo.InteractionApplicationCommand, "faq", opt("topic", "pain", false))); err != nil || load(&eng.shownTo) != "dc:5" {
		t.Errorf("/faq: shown to %q (%v), want dc:5", load(&eng.shownTo), err)
	}
	eng.shownTo.Store(nil)
	if resp, _ := h.respond(ctx, clickOf("topics", "t:ar:fasting")); load(&eng.shownTo) != "dc:5" || len(resp.Data.Embeds) != 1 {
		t.Errorf("topics menu: shown to %q, want dc:5", load(&eng.shownTo))
	}
	if _, err := h.respond(ctx, clickOf("f:1:en:pain")); err != nil || len(v.got) != 1 || v.got[0] != (verdict{"dc:5", "pain", "en", true}) {
		t.Errorf("feedback: got %v (%v), want one verdict by dc:5", v.got, err)
	}
}

// TestRefusedFeedbackIsAcknowledgedQuietly: feedback the store refuses (on an answer never given to
// this user) is acknowledged without a word: no error, no thanks.
func TestRefusedFeedbackIsAcknowledgedQuietly(t *testing.T) {
	h := NewHandler(testEngine(t), func(context.Context, string, string, string, bool) error {
		return errors.New("feedback on an answer not given")
	}, Options{})
	resp, err := h.respond(context.Background(), clickOf("f:1:en:pain"))
	if err != nil || resp.Type != discordgo.InteractionResponseDeferredMessageUpdate {
		t.Errorf("refused feedback: got %+v, %v; want a quiet acknowledgement", resp, err)
	}
}
