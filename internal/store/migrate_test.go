package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestMigrationKeepsClaims opens, on each backend, a database of schema 5 holding claims (answered, in
// progress, abandoned): after migration 6 their table is update_claims, the claims are all there and
// read as before, and its primary key still decides between claimants.
func TestMigrationKeepsClaims(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, b := range []struct {
		name, driver string
		dialect      dialect
		dsn          func(t *testing.T) string
		source       func(dsn string) string
	}{
		{"sqlite", "sqlite", sqliteDialect, func(*testing.T) string { return filepath.Join(dir, "v5.db") }, sqliteDSN},
		{"postgres", "pgx", postgresDialect, func(t *testing.T) string { return postgresDSN(t) }, func(dsn string) string { return dsn }},
	} {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.dsn(t)
			db, err := sql.Open(b.driver, b.source(dsn))
			if err != nil {
				t.Fatal(err)
			}
			old := &Store{db: db, dialect: b.dialect}
			if err := old.migrateTo(ctx, 5); err != nil {
				t.Fatalf("migrations 1-5: %v", err)
			}
			now := time.Now()
			for _, c := range []struct {
				adapter string
				id      int64
				at      time.Time
				done    int
			}{
				{"telegram", 41, now, 1},                 // answered
				{"telegram", 42, now, 0},                 // being answered
				{"discord", 7, now.Add(-time.Hour), 0},   // its owner died
				{"telegram", 40, now.Add(-time.Hour), 1}, // answered long ago
			} {
				_, err := db.ExecContext(ctx, b.dialect.bind(`INSERT INTO processed_updates (adapter, update_id, at, done) VALUES (?, ?, ?, ?)`),
					c.adapter, c.id, millis(c.at), c.done)
				if err != nil {
					t.Fatal(err)
				}
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}

			s, err := Open(ctx, dsn, Options{})
			if err != nil {
				t.Fatalf("Open at schema 5: %v", err)
			}
			defer s.Close()
			if got, want := count(t, s, `SELECT MAX(version) FROM schema_migrations`), len(migrations(b.dialect)); got != want {
				t.Errorf("schema version: got %d, want %d", got, want)
			}
			if got := count(t, s, `SELECT COUNT(*) FROM update_claims`); got != 4 {
				t.Errorf("claims after the migration: got %d, want 4", got)
			}
			var n int
			if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM processed_updates`).Scan(&n); err == nil {
				t.Errorf("processed_updates still exists after migration 6, with %d rows", n)
			}
			for _, c := range []struct {
				adapter string
				id      int64
				want    Claim
			}{
				{"telegram", 41, Answered},
				{"telegram", 40, Answered},
				{"telegram", 42, Busy},
				{"discord", 7, Claimed},
				{"telegram", 43, Claimed},
				{"telegram", 43, Busy},
			} {
				if got, err := s.Claim(ctx, c.adapter, c.id, time.Minute); got != c.want || err != nil {
					t.Errorf("Claim(%s, %d): got %v %v, want %v", c.adapter, c.id, got, err, c.want)
				}
			}
			if b.dialect == postgresDialect {
				key := count(t, s, `SELECT COUNT(*) FROM pg_constraint WHERE conname = 'update_claims_pkey' AND contype = 'p'
					AND conrelid = 'update_claims'::regclass`)
				stale := count(t, s, `SELECT COUNT(*) FROM pg_class WHERE relname = 'claims_pkey'`)
				if key != 1 || stale != 0 {
					t.Errorf("primary key of update_claims: got %d named update_claims_pkey and %d claims_pkey, want 1 and 0", key, stale)
				}
			}
		})
	}
}
