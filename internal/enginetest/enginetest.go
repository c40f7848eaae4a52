// Package enginetest builds answer engines over the embedded knowledge for the tests of the packages
// that use one, the way httptest builds servers.
package enginetest

import (
	"context"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/knowledge"
)

// Default builds an engine over the embedded knowledge; its index is closed when the test ends.
func Default(tb testing.TB, opts bot.Options) *bot.Engine {
	tb.Helper()
	bank, _, err := knowledge.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return Over(tb, bank, opts)
}

// Over builds an engine over a bank; its index is closed when the test ends.
func Over(tb testing.TB, bank *knowledge.Bank, opts bot.Options) *bot.Engine {
	tb.Helper()
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
