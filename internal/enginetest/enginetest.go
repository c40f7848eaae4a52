// Package enginetest builds answer engines over the embedded knowledge for the tests of the packages
// that use one, the way httptest builds servers.
package enginetest

import (
	"context"
	"fmt"
	"os"
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

// shared is the engine over the embedded knowledge with no options, built once per test binary: an engine
// only reads once built (serve answers from one on many goroutines), and building one is most of what a
// short test costs, eightfold under the race detector.
var shared struct {
	once sync.Once
	ix   *index.Index
	eng  *bot.Engine
	err  error
}

// Shared returns the test binary's engine over the embedded knowledge with no options, built at the first
// call: the engine of every test that sets no option. Its index stays open until the binary exits, or
// until the tests end under ClosingShared.
func Shared(tb testing.TB) *bot.Engine {
	tb.Helper()
	shared.once.Do(func() { shared.ix, shared.eng, shared.err = buildShared(context.Background()) })
	if shared.err != nil {
		tb.Fatal(shared.err)
	}
	return shared.eng
}

func buildShared(ctx context.Context) (*index.Index, *bot.Engine, error) {
	bank, _, err := knowledge.Default()
	if err != nil {
		return nil, nil, err
	}
	topics, err := defaultTopics()
	if err != nil {
		return nil, nil, err
	}
	ix, err := index.Build(ctx, bank)
	if err != nil {
		return nil, nil, err
	}
	eng, err := bot.New(bank, ix, bot.Options{Topics: topics})
	if err != nil {
		_ = ix.Close()
		return nil, nil, err
	}
	return ix, eng, nil
}

// ClosingShared wraps a package's tests so that, once they have run, the shared engine's index is closed
// (if a test built it): for a TestMain that checks that no goroutine outlives the tests.
func ClosingShared(m *testing.M) interface{ Run() int } { return closingShared{m} }

type closingShared struct{ m *testing.M }

func (c closingShared) Run() int {
	code := c.m.Run()
	shared.once.Do(func() {}) // orders the read after a build
	if shared.ix != nil {
		if err := shared.ix.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "closing the shared engine's index:", err)
			return 1
		}
	}
	return code
}

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
