package telegram

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/enginetest"
)

// TestMain runs the package's tests, closes the engine they share, and fails them when a goroutine
// outlives them. Bleve's analysis workers are started once for the process by Bleve itself.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(enginetest.ClosingShared(m), goleak.IgnoreTopFunction("github.com/blevesearch/bleve_index_api.AnalysisWorker"))
}

// sharedEngine is the answer engine over the embedded knowledge that every test of the package asks
// (each through a testEngine of its own): it keeps nothing between questions, and building one per test
// (an index of the whole knowledge) took most of the package's test time.
func sharedEngine(t testing.TB) *bot.Engine {
	t.Helper()
	return enginetest.Shared(t)
}
