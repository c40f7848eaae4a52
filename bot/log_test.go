package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
)

// TestDecisionLog: each decision is logged at debug level without the patient's words, unless LogText.
func TestDecisionLog(t *testing.T) {
	for _, withText := range []bool{false, true} {
		var logs bytes.Buffer
		log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		eng := newEngine(t, bot.Options{Log: log, LogText: withText})
		if _, err := eng.Answer(context.Background(), bot.Question{Text: "Jane Doe here, what should I wear?", Platform: "web"}); err != nil {
			t.Fatal(err)
		}
		got := logs.String()
		if !strings.Contains(got, "msg=answer") || !strings.Contains(got, "status=answered") || !strings.Contains(got, "id=what-to-wear") {
			t.Errorf("the decision is not logged:\n%s", got)
		}
		if strings.Contains(got, "Jane") != withText {
			t.Errorf("LogText %v, but the text logged is %v:\n%s", withText, strings.Contains(got, "Jane"), got)
		}
	}
}
