package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// backends opens a fresh store of each kind.
func backends(t *testing.T, opts Options) map[string]*Store {
	t.Helper()
	ctx := context.Background()
	out := map[string]*Store{}
	dir := t.TempDir()
	for name, dsn := range map[string]func(t *testing.T) string{
		"sqlite":   func(*testing.T) string { return filepath.Join(dir, "faqbot.db") },
		"postgres": func(sub *testing.T) string { return postgresDSN(sub) },
	} {
		t.Run("open "+name, func(t *testing.T) {
			s, err := Open(ctx, dsn(t), opts)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if err := waitReady(ctx, s); err != nil {
				t.Fatal(err)
			}
			out[name] = s
		})
	}
	t.Cleanup(func() {
		for _, s := range out {
			_ = s.Close()
		}
	})
	return out
}

func TestReportAndState(t *testing.T) {
	ctx := context.Background()
	for name, s := range backends(t, Options{KeepUnansweredText: true}) {
		t.Run(name, func(t *testing.T) {
			now := time.Now()
			old := now.Add(-30 * 24 * time.Hour)
			events := []Event{
				{At: now, Platform: "telegram", Lang: "en", Status: "answered", AnswerID: "pain"},
				{At: now, Platform: "telegram", Lang: "en", Status: "answered", AnswerID: "pain"},
				{At: now, Platform: "discord", Lang: "ar", Status: "answered", AnswerID: "harvesting"},
				{At: old, Platform: "discord", Lang: "en", Status: "answered", AnswerID: "fasting"},
				{At: now, Platform: "cli", Lang: "en", Status: "no_match", Text: "How much does it COST?"},
				{At: now, Platform: "cli", Lang: "en", Status: "no_match", Text: "how much does it cost"},
				{At: now, Platform: "cli", Lang: "en", Status: "no_match", Text: "parking?"},
				{At: now, Platform: "cli", Lang: "en", Status: "urgent", RedFlag: "fever"},
			}
			for _, e := range events {
				if err := s.RecordEvent(ctx, e); err != nil {
					t.Fatal(err)
				}
			}
			for _, f := range []Feedback{
				{At: now, Platform: "telegram", User: "1", Lang: "en", AnswerID: "pain", Helpful: false},
				{At: now, Platform: "telegram", User: "2", Lang: "en", AnswerID: "pain", Helpful: true},
				{At: now, Platform: "telegram", User: "1", Lang: "en", AnswerID: "harvesting", Helpful: true},
			} {
				if err := s.RecordGiven(ctx, Given{At: now, Platform: f.Platform, User: f.User, AnswerID: f.AnswerID}); err != nil {
					t.Fatal(err)
				}
				if err := s.RecordFeedback(ctx, f); err != nil {
					t.Fatal(err)
				}
			}
			r, err := s.Report(ctx, now.Add(-7*24*time.Hour), 10)
			if err != nil {
				t.Fatal(err)
			}
			if r.ByStatus["answered"] != 3 || r.ByStatus["no_match"] != 3 || r.ByStatus["urgent"] != 1 {
				t.Errorf("by status: %v", r.ByStatus)
			}
			if len(r.Answered) != 2 || r.Answered[0] != (Count{"pain", 2}) {
				t.Errorf("top answered: %+v", r.Answered)
			}
			if len(r.Unhelpful) != 1 || r.Unhelpful[0] != (Helpfulness{"pain", 1, 1}) {
				t.Errorf("unhelpful: %+v", r.Unhelpful)
			}
			if len(r.Unanswered) != 2 || r.Unanswered[0].Count != 2 || r.Unanswered[0].Example == "" {
				t.Errorf("unanswered clusters: %+v", r.Unanswered)
			}

			if _, ok, err := s.State(ctx, "telegram", "offset"); ok || err != nil {
				t.Errorf("unset state: %v %v", ok, err)
			}
			for _, v := range []string{"41", "42"} {
				if err := s.SetState(ctx, "telegram", "offset", v); err != nil {
					t.Fatal(err)
				}
			}
			if v, ok, err := s.State(ctx, "telegram", "offset"); v != "42" || !ok || err != nil {
				t.Errorf("state: got %q %v %v, want 42", v, ok, err)
			}
			claims := []struct {
				name  string
				lease time.Duration
				want  Claim
			}{
				{"first claim", time.Hour, Claimed},
				{"claimed and unfinished", time.Hour, Busy},
				{"taken over after its lease", 0, Claimed},
			}
			for _, c := range claims {
				if got, err := s.Claim(ctx, "telegram", 99, c.lease); got != c.want || err != nil {
					t.Errorf("%s: got %v %v, want %v", c.name, got, err, c.want)
				}
			}
			if err := s.Release(ctx, "telegram", 99); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.Claim(ctx, "telegram", 99, time.Hour); got != Claimed {
				t.Errorf("claim after release: got %v, want Claimed", got)
			}
			if err := s.Complete(ctx, "telegram", 99); err != nil {
				t.Fatal(err)
			}
			_ = s.Release(ctx, "telegram", 99) // a completed claim is kept
			if got, _ := s.Claim(ctx, "telegram", 99, 0); got != Answered {
				t.Errorf("claim after complete: got %v, want Answered", got)
			}
			if got, _ := s.Claim(ctx, "discord", 99, time.Hour); got != Claimed {
				t.Errorf("same id, other adapter: got %v, want Claimed", got)
			}
		})
	}
}

func TestUnansweredTextIsHashedByDefault(t *testing.T) {
	ctx := context.Background()
	for name, s := range backends(t, Options{}) {
		t.Run(name, func(t *testing.T) {
			if err := s.RecordEvent(ctx, Event{Platform: "cli", Lang: "en", Status: "no_match", Text: "my name is Jane, is it covered by insurance?"}); err != nil {
				t.Fatal(err)
			}
			r, err := s.Report(ctx, time.Now().Add(-time.Hour), 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Unanswered) != 1 || r.Unanswered[0].Example != "" || len(r.Unanswered[0].Hash) != 24 {
				t.Errorf("got %+v, want a hash and no text", r.Unanswered)
			}
		})
	}
}

func TestMigrationsAreIdempotentAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "faqbot.db"), "postgres": postgresDSN(t)}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			var wg sync.WaitGroup
			errs := make(chan error, 3)
			for i := 0; i < 3; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					s, err := Open(ctx, dsn, Options{})
					if err == nil {
						err = s.RecordEvent(ctx, Event{Platform: "cli", Lang: "en", Status: "urgent", RedFlag: "fever"})
						_ = s.Close()
					}
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Errorf("replica: %v", err)
				}
			}
		})
	}
}

func TestBind(t *testing.T) {
	if got := postgresDialect.bind("a = ? AND b = ?"); got != "a = $1 AND b = $2" {
		t.Errorf("got %q", got)
	}
	if got := sqliteDialect.bind("a = ?"); got != "a = ?" {
		t.Errorf("got %q", got)
	}
}

func TestTextHash(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "faqbot.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.TextHash("How much does it COST?") != s.TextHash("how much  does it cost") {
		t.Error("case, spacing and punctuation change the hash")
	}
	if s.TextHash("كم التكلفة؟") != s.TextHash("كم التكلفه") {
		t.Error("Arabic spelling variants change the hash")
	}
	if s.TextHash("cost") == s.TextHash("price") {
		t.Error("different questions share a hash")
	}
}

// TestClaimsAcrossReplicas opens two stores on one database, as two replicas would, and delivers each
// update to both at the same instant: exactly one claim wins.
func TestClaimsAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	for name, dsn := range map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "shared.db") },
		"postgres": func(t *testing.T) string { return postgresDSN(t) },
	} {
		t.Run(name, func(t *testing.T) {
			d := dsn(t)
			var replicas [2]*Store
			for i := range replicas {
				s, err := Open(ctx, d, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if err := waitReady(ctx, s); err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				replicas[i] = s
			}
			const updates = 200
			var won [updates]atomic.Int32
			var wg sync.WaitGroup
			for i := range replicas {
				for g := 0; g < 4; g++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for id := range updates {
							c, err := replicas[i].Claim(ctx, "telegram", int64(id), time.Minute)
							if err != nil {
								t.Error(err)
								return
							}
							if c == Claimed {
								won[id].Add(1)
							}
						}
					}()
				}
			}
			wg.Wait()
			for id := range won {
				if n := won[id].Load(); n != 1 {
					t.Fatalf("update %d claimed %d times by 8 claimants on 2 replicas, want once", id, n)
				}
			}
		})
	}
}

// TestMigrationKeepsAnsweredUpdates opens a database left by the previous schema (version 2), whose
// answered updates must stay answered.
func TestMigrationKeepsAnsweredUpdates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", sqliteDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	old := migrations(sqliteDialect)[:2]
	stmts := append(strings.Split(old[0], ";"), old[1],
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (1, 0), (2, 0)`,
		`INSERT INTO processed_updates (adapter, update_id, at) VALUES ('telegram', 41, 0)`)
	for _, stmt := range stmts {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if c, err := s.Claim(ctx, "telegram", 41, 0); c != Answered || err != nil {
		t.Errorf("update answered before the migration: got %v %v, want Answered", c, err)
	}
}

// TestMigrationToVotesPerUser opens a database of schema 3: its votes (several on one answer, from
// before votes had users) stay counted, and the unkeyed hashes of unanswered questions are cleared.
func TestMigrationToVotesPerUser(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", sqliteDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	old := migrations(sqliteDialect)[:3]
	stmts := append(strings.Split(old[0], ";"), old[1])
	stmts = append(stmts, strings.Split(old[2], ";")...)
	now := time.Now().UnixMilli()
	stmts = append(stmts,
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (1, 0), (2, 0), (3, 0)`,
		fmt.Sprintf(`INSERT INTO feedback (at, platform, lang, answer_id, helpful) VALUES (%d, 'web', 'en', 'pain', 0), (%d, 'web', 'en', 'pain', 0)`, now, now),
		fmt.Sprintf(`INSERT INTO events (at, platform, lang, status, text_hash) VALUES (%d, 'cli', 'en', 'no_match', 'a1b2c3')`, now))
	for _, stmt := range stmts {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Report(ctx, time.Now().Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Unhelpful) != 1 || r.Unhelpful[0] != (Helpfulness{"pain", 0, 2}) {
		t.Errorf("votes from before the migration: got %+v, want pain 0/2", r.Unhelpful)
	}
	if r.ByStatus["no_match"] != 1 || len(r.Unanswered) != 0 {
		t.Errorf("unanswered: got %v %+v, want counted, its unkeyed hash gone", r.ByStatus, r.Unanswered)
	}
}
