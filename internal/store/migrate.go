package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// migrations are the schema, version by version. Never edit one that has shipped: add the next.
func migrations(d dialect) []string {
	return []string{
		// 1: events, feedback, adapter state
		`CREATE TABLE events (
			id ` + d.autoID() + `,
			at BIGINT NOT NULL,
			platform TEXT NOT NULL,
			lang TEXT NOT NULL,
			status TEXT NOT NULL,
			answer_id TEXT NOT NULL DEFAULT '',
			red_flag TEXT NOT NULL DEFAULT '',
			text_hash TEXT NOT NULL DEFAULT '',
			text TEXT
		);
		CREATE INDEX events_at ON events (at);
		CREATE TABLE feedback (
			id ` + d.autoID() + `,
			at BIGINT NOT NULL,
			platform TEXT NOT NULL,
			lang TEXT NOT NULL,
			answer_id TEXT NOT NULL,
			helpful BOOLEAN NOT NULL
		);
		CREATE INDEX feedback_at ON feedback (at);
		CREATE TABLE adapter_state (
			adapter TEXT NOT NULL,
			key TEXT NOT NULL,
			value TEXT NOT NULL,
			updated_at BIGINT NOT NULL,
			PRIMARY KEY (adapter, key)
		)`,
		// 2: updates an adapter has handled, so none is answered twice
		`CREATE TABLE processed_updates (
			adapter TEXT NOT NULL,
			update_id BIGINT NOT NULL,
			at BIGINT NOT NULL,
			PRIMARY KEY (adapter, update_id)
		)`,
		// 3: a claim is taken before answering and completed after (done); an unfinished one can be
		// taken over. One B-tree per row in SQLite (without rowid): a claim writes one page, not two.
		`CREATE TABLE claims (
			adapter TEXT NOT NULL,
			update_id BIGINT NOT NULL,
			at BIGINT NOT NULL,
			done INTEGER NOT NULL DEFAULT 1,
			PRIMARY KEY (adapter, update_id)
		)` + d.withoutRowID() + `;
		INSERT INTO claims (adapter, update_id, at, done) SELECT adapter, update_id, at, 1 FROM processed_updates;
		DROP TABLE processed_updates;
		ALTER TABLE claims RENAME TO processed_updates`,
		// 4: the per-install secret of keyed hashes; the answers given to each user (a keyed hash, never
		// the text), without which no feedback is taken; one vote per user and answer (votes from before
		// keep a key of their own); the unkeyed hashes of unanswered questions are cleared (a short
		// question could be found from them); kept text is pruned by its age.
		`CREATE TABLE settings (
			key TEXT PRIMARY KEY,
			value TEXT NOT NULL
		);
		CREATE TABLE answers_given (
			platform TEXT NOT NULL,
			user_hash TEXT NOT NULL,
			answer_id TEXT NOT NULL,
			at BIGINT NOT NULL,
			PRIMARY KEY (platform, user_hash, answer_id)
		)` + d.withoutRowID() + `;
		CREATE INDEX answers_given_at ON answers_given (at);
		ALTER TABLE feedback ADD COLUMN user_hash TEXT NOT NULL DEFAULT '';
		UPDATE feedback SET user_hash = 'before-v4:' || CAST(id AS TEXT);
		CREATE UNIQUE INDEX feedback_vote ON feedback (platform, user_hash, answer_id);
		UPDATE events SET text_hash = '' WHERE text_hash <> '';
		CREATE INDEX events_text_at ON events (at) WHERE text IS NOT NULL`,
		// 5: what staff review: each decision's confidence, its reason (a no_match's act, out_of_scope,
		// unsure) and how long it took; the actions taken on groups of questions, with who took them.
		`ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
		ALTER TABLE events ADD COLUMN reason TEXT NOT NULL DEFAULT '';
		ALTER TABLE events ADD COLUMN latency_us BIGINT NOT NULL DEFAULT 0;
		CREATE INDEX events_hash ON events (text_hash) WHERE text_hash <> '';
		CREATE TABLE review_actions (
			id ` + d.autoID() + `,
			at BIGINT NOT NULL,
			by_whom TEXT NOT NULL,
			action TEXT NOT NULL,
			group_hash TEXT NOT NULL,
			topic TEXT NOT NULL DEFAULT '',
			file TEXT NOT NULL DEFAULT '',
			text TEXT
		);
		CREATE INDEX review_actions_group ON review_actions (group_hash)`,
		// 6: the claims table is named for what it holds. On PostgreSQL its primary key keeps the name
		// migration 3 gave it (claims_pkey, from the table renamed then): renamed too, as a table made
		// update_claims would name it.
		`ALTER TABLE processed_updates RENAME TO update_claims` + renameClaimsKey(d),
	}
}

// renameClaimsKey renames the primary key of update_claims on PostgreSQL, where it is a constraint (and
// an index) of its own name; SQLite names a table's keys after the table.
func renameClaimsKey(d dialect) string {
	if d != postgresDialect {
		return ""
	}
	return `;
		ALTER TABLE update_claims RENAME CONSTRAINT claims_pkey TO update_claims_pkey`
}

// migrate applies the migrations the database has not seen, each in its own transaction, on one
// connection. Replicas that start together take turns: PostgreSQL through an advisory lock, SQLite
// through immediate transactions and its busy timeout.
func (s *Store) migrate(ctx context.Context) error {
	return s.migrateTo(ctx, len(migrations(s.dialect)))
}

// migrateTo is migrate up to a version: a database as an older release left it, for tests.
func (s *Store) migrateTo(ctx context.Context, version int) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if s.dialect == postgresDialect {
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(727274)`); err != nil {
			return fmt.Errorf("migration lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(727274)`)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	for i, m := range migrations(s.dialect)[:version] {
		if err := s.apply(ctx, conn, i+1, m); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}

func (s *Store) apply(ctx context.Context, conn *sql.Conn, version int, script string) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, s.dialect.bind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	for _, stmt := range strings.Split(script, ";") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, s.dialect.bind(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), version, millis(time.Now())); err != nil {
		return err
	}
	return tx.Commit()
}
