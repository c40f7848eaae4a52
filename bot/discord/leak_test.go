package discord

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/faqbot/faqbot/internal/enginetest"
)

// TestMain runs the package's tests, closes the engine they share, and fails them when a goroutine
// outlives them. Bleve's analysis workers are started once for the process by Bleve itself.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(enginetest.ClosingShared(m), goleak.IgnoreTopFunction("github.com/blevesearch/bleve_index_api.AnalysisWorker"))
}
