package store

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// count returns the rows of a query that counts.
func count(t *testing.T, s *Store, query string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestPrune: each kind of record is pruned after its own period, counted from an explicit now, in
// batches smaller than what is pruned (issue 11, point 7).
func TestPrune(t *testing.T) {
	ctx := context.Background()
	day := 24 * time.Hour
	ret := Retention{Events: 180 * day, Feedback: 180 * day, UnansweredText: 30 * day, Claims: 7 * day, AnswersGiven: 7 * day}
	for name, s := range backends(t, Options{KeepUnansweredText: true}) {
		t.Run(name, func(t *testing.T) {
			now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
			s.retention, s.pruneBatch = ret, 3 // no prune loop: this test prunes as of its own now
			ages := []time.Duration{0, 8 * day, 40 * day, 200 * day, 400 * day}
			for i, age := range ages {
				at := now.Add(-age)
				for j := range 4 { // more rows of each age than one batch
					user := string(rune('a'+i)) + string(rune('a'+j))
					err := s.Record(ctx, []Event{{At: at, Platform: "cli", Lang: "en", Status: "no_match", Text: "parking?"}},
						[]Given{{At: at, Platform: "web", User: user, AnswerID: "pain"}})
					if err != nil {
						t.Fatal(err)
					}
					if err := s.RecordFeedback(ctx, Feedback{At: at, Platform: "web", User: user, Lang: "en", AnswerID: "pain"}); err != nil {
						t.Fatal(err)
					}
					if _, err := s.db.ExecContext(ctx, s.dialect.bind(`INSERT INTO update_claims (adapter, update_id, at, done) VALUES ('telegram', ?, ?, 1)`), i*10+j, millis(at)); err != nil {
						t.Fatal(err)
					}
				}
			}
			p, err := s.Prune(ctx, now)
			if err != nil {
				t.Fatal(err)
			}
			want := Pruned{Events: 8, Feedback: 8, UnansweredText: 4, Claims: 16, AnswersGiven: 16}
			if p != want {
				t.Errorf("pruned: got %+v, want %+v", p, want)
			}
			for _, c := range []struct {
				query string
				want  int
			}{
				{`SELECT COUNT(*) FROM events`, 12},
				{`SELECT COUNT(*) FROM events WHERE text IS NOT NULL`, 8},
				{`SELECT COUNT(*) FROM feedback`, 12},
				{`SELECT COUNT(*) FROM answers_given`, 4},
				{`SELECT COUNT(*) FROM update_claims`, 4},
			} {
				if got := count(t, s, c.query); got != c.want {
					t.Errorf("%s: got %d, want %d", c.query, got, c.want)
				}
			}
			if p, err := s.Prune(ctx, now); err != nil || p != (Pruned{}) {
				t.Errorf("second prune: got %+v %v, want nothing", p, err)
			}
		})
	}
}

// TestPruneLoop: the store prunes at start and then periodically, and its loop ends with Close (the
// package's TestMain fails on a leaked goroutine).
func TestPruneLoop(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "faqbot.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour)
	if err := s.RecordEvent(ctx, Event{At: old, Platform: "cli", Lang: "en", Status: "urgent", RedFlag: "fever"}); err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	s, err = Open(ctx, path, Options{Retention: Retention{Events: time.Hour, Every: 10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	waitCount := func(want int) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); count(t, s, `SELECT COUNT(*) FROM events`) != want; time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("events never pruned to %d", want)
			}
		}
	}
	waitCount(0) // pruned at start
	if err := s.RecordEvent(ctx, Event{At: old, Platform: "cli", Lang: "en", Status: "urgent", RedFlag: "fever"}); err != nil {
		t.Fatal(err)
	}
	waitCount(0) // and again later
}

// TestSQLiteFilesArePrivate: the database and its -wal and -shm files are readable by their owner only,
// whatever the umask (issue 11, point 7).
func TestSQLiteFilesArePrivate(t *testing.T) {
	ctx := context.Background()
	defer syscall.Umask(syscall.Umask(0))
	path := filepath.Join(t.TempDir(), "faqbot.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.RecordEvent(ctx, Event{Platform: "cli", Lang: "en", Status: "urgent", RedFlag: "fever"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Report(ctx, time.Now().Add(-time.Hour), 1); err != nil { // opens a reader too
		t.Fatal(err)
	}
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s: got mode %v, want -rw-------", filepath.Base(f), perm)
		}
	}
}
