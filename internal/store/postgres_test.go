package store

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/faqbot/faqbot/internal/pgtest"
)

// The PostgreSQL server of these tests, started on first use and stopped by TestMain.
var (
	pgOnce   sync.Once
	pgServer *pgtest.Server
	pgErr    error
)

// TestMain stops the server, and fails the tests when a goroutine outlives them.
func TestMain(m *testing.M) {
	code := m.Run()
	if pgServer != nil {
		pgServer.Stop()
	}
	if err := goleak.Find(goleak.IgnoreTopFunction("github.com/blevesearch/bleve_index_api.AnalysisWorker")); code == 0 && err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	os.Exit(code)
}

// postgresDSN returns a DSN of a fresh, empty database.
func postgresDSN(t testing.TB) string {
	t.Helper()
	pgtest.Skip(t)
	pgOnce.Do(func() { pgServer, pgErr = pgtest.Start() })
	if pgErr != nil {
		t.Fatalf("no PostgreSQL for the tests: %v\n%s", pgErr, pgtest.Hint)
	}
	return pgServer.Database(t)
}

// waitReady gives a fresh server a moment.
func waitReady(ctx context.Context, s *Store) error {
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if err := s.Ping(ctx); err == nil || time.Now().After(deadline) {
			return err
		}
	}
}
