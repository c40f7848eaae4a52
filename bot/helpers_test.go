package bot_test

import (
	"context"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/knowledge"
)

// newEngine builds an engine over the embedded knowledge.
func newEngine(tb testing.TB, opts bot.Options) *bot.Engine {
	tb.Helper()
	bank, _, err := knowledge.Default()
	if err != nil {
		tb.Fatal(err)
	}
	ix, err := index.Build(context.Background(), bank)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = ix.Close() })
	eng, err := bot.New(bank, ix, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return eng
}
