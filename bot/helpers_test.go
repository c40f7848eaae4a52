package bot_test

import (
	"context"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/enginetest"
)

// sharedEngine is the test binary's engine over the embedded knowledge with no options (enginetest.Shared).
func sharedEngine(tb testing.TB) *bot.Engine {
	tb.Helper()
	return enginetest.Shared(tb)
}

// newEngine builds an engine over the embedded knowledge with opts.
func newEngine(tb testing.TB, opts bot.Options) *bot.Engine {
	tb.Helper()
	return enginetest.Default(tb, opts)
}

// checkStatuses asks eng each question and checks the status of its answer.
func checkStatuses(t *testing.T, eng *bot.Engine, want map[string]bot.Status) {
	t.Helper()
	for q, status := range want {
		a, err := eng.Answer(context.Background(), bot.Question{Text: q})
		if err != nil || a.Status != status {
			t.Errorf("%q: got %s %q (%v), want %s", q, a.Status, a.ID, err, status)
		}
	}
}
