package telegram

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"go.uber.org/goleak"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/internal/topicclass"
	"github.com/faqbot/faqbot/knowledge"
)

// TestMain runs the package's tests, closes the engine they share, and fails them when a goroutine
// outlives them. Bleve's analysis workers are started once for the process by Bleve itself.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(closingEngine{m}, goleak.IgnoreTopFunction("github.com/blevesearch/bleve_index_api.AnalysisWorker"))
}

// closingEngine runs the tests, then closes the shared engine's index (if a test built it).
type closingEngine struct{ m *testing.M }

func (c closingEngine) Run() int {
	code := c.m.Run()
	if ix := sharedIndex(); ix != nil {
		if err := ix.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "closing the shared index:", err)
			return 1
		}
	}
	return code
}

// shared is the answer engine over the embedded knowledge that every test of the package asks (each
// through a testEngine of its own): it keeps nothing between questions, and building one per test (an
// index of the whole knowledge) took most of the package's test time.
var shared struct {
	once sync.Once
	ix   *index.Index
	eng  *bot.Engine
	err  error
}

// sharedEngine builds the shared engine on first use, as enginetest.Default builds one.
func sharedEngine(t testing.TB) *bot.Engine {
	t.Helper()
	shared.once.Do(func() { shared.ix, shared.eng, shared.err = buildEngine(context.Background()) })
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.eng
}

// sharedIndex is the shared engine's index, nil when no test built it.
func sharedIndex() *index.Index {
	shared.once.Do(func() {}) // orders the read after a build
	return shared.ix
}

func buildEngine(ctx context.Context) (*index.Index, *bot.Engine, error) {
	bank, _, err := knowledge.Default()
	if err != nil {
		return nil, nil, err
	}
	topics, err := topicclass.For(ctx, bank)
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
