// Package enginetest builds answer engines over the embedded knowledge for the tests of the packages
// that use one, the way httptest builds servers.
package enginetest

import (
	"context"
	"sync"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/internal/topicclass"
	"github.com/faqbot/faqbot/knowledge"
)

// defaultTopics reads the embedded knowledge's topic classifier once per test binary: it is the same for
// every engine over that knowledge, and reading it for each would slow every test.
var defaultTopics = sync.OnceValues(func() (*topicclass.Classifier, error) {
	bank, _, err := knowledge.Default()
	if err != nil {
		return nil, err
	}
	return topicclass.For(context.Background(), bank)
})

// Default builds an engine over the embedded knowledge, as serve does; its index is closed when the test
// ends.
func Default(tb testing.TB, opts bot.Options) *bot.Engine {
	tb.Helper()
	bank, _, err := knowledge.Default()
	if err != nil {
		tb.Fatal(err)
	}
	if opts.Topics == nil {
		if opts.Topics, err = defaultTopics(); err != nil {
			tb.Fatal(err)
		}
	}
	return Over(tb, bank, opts)
}

// Over builds an engine over a bank, with its topic classifier (topicclass.For) unless opts has one; its
// index is closed when the test ends.
func Over(tb testing.TB, bank *knowledge.Bank, opts bot.Options) *bot.Engine {
	tb.Helper()
	ix, err := index.Build(context.Background(), bank)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = ix.Close() })
	if opts.Topics == nil {
		if opts.Topics, err = topicclass.For(context.Background(), bank); err != nil {
			tb.Fatal(err)
		}
	}
	eng, err := bot.New(bank, ix, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return eng
}
