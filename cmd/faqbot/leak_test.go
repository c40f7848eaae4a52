package main

import (
	"os"
	"testing"

	"go.uber.org/goleak"
)

// asMain, set in a child's environment, makes the test binary run as faqbot itself: the crash tests
// start it as a separate process to kill it.
const asMain = "FAQBOTTEST_AS_MAIN"

// TestMain fails the package's tests when a goroutine outlives them. Bleve's analysis workers are
// started once for the process by Bleve itself.
func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		main()
		return
	}
	goleak.VerifyTestMain(m, goleak.IgnoreTopFunction("github.com/blevesearch/bleve_index_api.AnalysisWorker"))
}
