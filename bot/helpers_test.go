package bot_test

import (
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/enginetest"
)

// newEngine builds an engine over the embedded knowledge.
func newEngine(tb testing.TB, opts bot.Options) *bot.Engine {
	tb.Helper()
	return enginetest.Default(tb, opts)
}
