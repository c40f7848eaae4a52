package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
)

// TestReplyLanguage: a question is read in its own language and answered in the reply language chosen
// (a Telegram chat's /lang), in one call: the same entry, red flag or reason, worded in that language.
func TestReplyLanguage(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		text, reply   string
		status        bot.Status
		id, reason    string
		replyContains string
	}{
		{"what should I wear to my session?", "ar", bot.Answered, "what-to-wear", "", ""},
		{"ماذا ألبس يوم الجلسة؟", "en", bot.Answered, "what-to-wear", "", "clothes"},
		{"I can't breathe", "ar", bot.Urgent, "", "", "الطوارئ"},
		{"thanks!", "ar", bot.NoMatch, "", "thanks", "العفو"},
		{"how much does the treatment cost?", "ar", bot.NoMatch, "", "out_of_scope", ""},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text, ReplyLang: tt.reply})
		if err != nil {
			t.Fatal(err)
		}
		if a.Lang != tt.reply || a.Status != tt.status || a.ID != tt.id || a.Reason != tt.reason {
			t.Errorf("%q in %s: got %s %s %q reason %q", tt.text, tt.reply, a.Lang, a.Status, a.ID, a.Reason)
		}
		if tt.replyContains != "" && !strings.Contains(strings.ToLower(a.Reply), tt.replyContains) {
			t.Errorf("%q in %s: reply %q, want %q in it", tt.text, tt.reply, a.Reply, tt.replyContains)
		}
		for _, s := range a.Suggestions {
			if s.Title == "" {
				t.Errorf("%q in %s: suggestion %q has no title", tt.text, tt.reply, s.ID)
			}
		}
		checkShape(t, a)
	}
}
