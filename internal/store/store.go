// Package store owns what faqbot remembers: answer events (ids, language, status; no text unless asked),
// the answers given to each user and their feedback on them (users only as keyed hashes), unanswered
// questions (a keyed hash of their normalised text, or the text when configured), urgent events, and
// adapters' state that must survive a restart; each kept for its retention period. SQLite is the
// single-machine default; PostgreSQL serves several replicas. Both speak the same SQL through
// database/sql.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"modernc.org/sqlite"               // registers the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/faqbot/faqbot/internal/backoff"
)

// Event is one answered question, without its text unless the store keeps unanswered text.
type Event struct {
	At       time.Time
	Platform string
	Lang     string
	Status   string // answered, no_match, urgent
	AnswerID string // the entry answered, when answered
	RedFlag  string // the red flag, when urgent
	Text     string // the question; kept only when it is for review (Reviewable) and KeepUnansweredText is on
	// Confidence is the answer's confidence; Reason a no_match's reason (an act, out_of_scope, unsure).
	Confidence float64
	Reason     string
	Took       time.Duration // how long the answer took
}

// Feedback is a patient's verdict on one answer.
type Feedback struct {
	At       time.Time
	Platform string
	Lang     string
	AnswerID string
	Helpful  bool
	User     string // who gave it (bot.Question.User); stored only as a keyed hash
}

// Store is a database of events, feedback and adapter state.
type Store struct {
	db       *sql.DB // writes (one connection for SQLite, which has one writer anyway)
	read     *sql.DB // reads: for SQLite a pool of read-only connections, which WAL lets run beside the writer
	dialect  dialect
	keepText bool
	stmts    sync.Map // query -> *sql.Stmt, prepared once: hot statements skip parsing
	writes   *writer  // group commits of claims
	secret   []byte   // the per-install key of hashed users and questions
	log      *slog.Logger

	retention  Retention
	pruneBatch int
	stopPrune  context.CancelFunc
	pruned     chan struct{} // closed when the prune loop has ended; nil without one
}

// Options configure a store.
type Options struct {
	KeepUnansweredText bool         // keep the text of no_match questions; otherwise only a hash
	Retention          Retention    // how long records are kept; zero periods keep them for ever
	Log                *slog.Logger // where failed prunes are logged; nil logs nothing
}

// Open connects to dsn: a postgres:// (or postgresql://) URL, or else a SQLite file path (created on
// first use, in WAL mode). It applies pending schema migrations.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	d := sqliteDialect
	driver, source := "sqlite", sqliteDSN(dsn)
	if IsPostgres(dsn) {
		d, driver, source = postgresDialect, "pgx", dsn
	}
	if d == sqliteDialect {
		if err := createPrivate(dsn); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	s := &Store{db: db, read: db, dialect: d, keepText: opts.KeepUnansweredText, writes: newWriter(db),
		log: opts.Log, retention: opts.Retention, pruneBatch: defaultPruneBatch}
	if d == sqliteDialect {
		db.SetMaxOpenConns(1) // one writer: SQLite serialises writes anyway, and this avoids SQLITE_BUSY
	}
	if err := s.migrateRetrying(ctx); err != nil {
		s.writes.close()
		_ = db.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	if err := s.loadSecret(ctx); err != nil {
		s.writes.close()
		_ = db.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	if d == sqliteDialect {
		if s.read, err = sql.Open(driver, source+"&_pragma=query_only(1)"); err != nil {
			s.writes.close()
			_ = db.Close()
			return nil, fmt.Errorf("open store: %w", err)
		}
		s.read.SetMaxOpenConns(4)
	}
	for _, q := range []string{claimUpdate, completeUpdate, releaseUpdate} {
		if _, err := s.prepared(ctx, db, q); err != nil {
			_ = s.Close()
			return nil, fmt.Errorf("open store: prepare: %w", err)
		}
	}
	s.startPruning()
	return s, nil
}

// startPruning starts the loop that prunes what the retention periods no longer keep; Close stops it.
func (s *Store) startPruning() {
	if !s.retention.any() {
		return
	}
	every := s.retention.Every
	if every <= 0 {
		every = time.Hour
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stopPrune, s.pruned = cancel, make(chan struct{})
	go s.pruneLoop(ctx, every)
}

// createPrivate creates a SQLite database file readable by its owner only, before SQLite does, so that
// the -wal and -shm files SQLite creates beside it take the same mode. An existing file is left as it is.
func createPrivate(dsn string) error {
	path, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:"), "?")
	if path == "" || path == ":memory:" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err := f.Chmod(0o600); err != nil { // whatever the umask
		_ = f.Close()
		return fmt.Errorf("create %s: %w", path, err)
	}
	return f.Close()
}

// txExec runs a write in a transaction, through the statement prepared at Open when there is one. It
// never asks the pool for another connection: SQLite's only one is the transaction's.
func (s *Store) txExec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if st, ok := s.stmts.Load(stmtKey{s.db, query}); ok {
		return tx.StmtContext(ctx, st.(*sql.Stmt)).ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, s.dialect.bind(query), args...)
}

// exec runs a write through a statement prepared once.
func (s *Store) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := s.prepared(ctx, s.db, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow runs a read of one row through a statement prepared once.
func (s *Store) queryRow(ctx context.Context, query string, args ...any) (*sql.Row, error) {
	st, err := s.prepared(ctx, s.read, query)
	if err != nil {
		return nil, err
	}
	return st.QueryRowContext(ctx, args...), nil
}

// stmtKey names a prepared statement: the pool it was prepared on, and its query.
type stmtKey struct {
	db    *sql.DB
	query string
}

func (s *Store) prepared(ctx context.Context, db *sql.DB, query string) (*sql.Stmt, error) {
	k := stmtKey{db, query}
	if st, ok := s.stmts.Load(k); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := db.PrepareContext(ctx, s.dialect.bind(query))
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(k, st); loaded {
		_ = st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// migrateRetrying migrates, trying again while another process holds a SQLite file it is opening too:
// SQLite answers some of those lock waits (switching to WAL) with SQLITE_BUSY at once. It tries 20 times,
// waiting 10 ms more after each failure (10, 20… 190 ms, a fifth of each at random, so that processes
// opening the file together do not try again together).
func (s *Store) migrateRetrying(ctx context.Context) error {
	retry := backoff.Policy{Base: 10 * time.Millisecond, Linear: true, Jitter: 0.2, MaxAttempts: 20}
	return retry.Do(ctx, func() error {
		err := s.migrate(ctx)
		var busy *sqlite.Error
		if err != nil && (!errors.As(err, &busy) || busy.Code()&0xff != sqlite3.SQLITE_BUSY) {
			return backoff.Permanent(err)
		}
		return err
	}, nil)
}

// IsPostgres reports whether a DSN names a PostgreSQL server (a URL or key=value settings with a host).
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") || strings.Contains(dsn, "host=")
}

// sqliteDSN opens SQLite (busy timeout first, so that even switching to WAL waits for another process
// instead of failing) in WAL mode with synchronous=NORMAL (a crash of the process loses nothing
// committed; a power cut may lose the last transactions but never corrupts the file), waits on a busy
// database instead of failing, and starts transactions as writers so migrations by several processes
// take turns.
func sqliteDSN(path string) string {
	path = strings.TrimPrefix(path, "sqlite:")
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return "file:" + path + sep + "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate"
}

// Close closes the database.
func (s *Store) Close() error {
	if s.stopPrune != nil {
		s.stopPrune()
		<-s.pruned
	}
	s.writes.close()
	s.stmts.Range(func(_, st any) bool { _ = st.(*sql.Stmt).Close(); return true })
	if s.read != s.db {
		_ = s.read.Close()
	}
	return s.db.Close()
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// RecordEvent stores one answered question.
func (s *Store) RecordEvent(ctx context.Context, e Event) error {
	return s.RecordEvents(ctx, []Event{e})
}

const insertEvent = `INSERT INTO events (at, platform, lang, status, answer_id, red_flag, text_hash, text, confidence, reason, latency_us)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// RecordEvents stores answered questions in one transaction.
func (s *Store) RecordEvents(ctx context.Context, events []Event) error {
	if err := s.Record(ctx, events, nil); err != nil {
		return fmt.Errorf("record events: %w", err)
	}
	return nil
}

// State returns a value an adapter saved (a Telegram update offset, say).
func (s *Store) State(ctx context.Context, adapter, key string) (string, bool, error) {
	var v string
	row, err := s.queryRow(ctx, `SELECT value FROM adapter_state WHERE adapter = ? AND key = ?`, adapter, key)
	if err == nil {
		err = row.Scan(&v)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read state %s/%s: %w", adapter, key, err)
	}
	return v, true, nil
}

// SetState saves a value for an adapter, replacing the previous one.
func (s *Store) SetState(ctx context.Context, adapter, key, value string) error {
	_, err := s.exec(ctx, `INSERT INTO adapter_state (adapter, key, value, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (adapter, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		adapter, key, value, millis(time.Now()))
	if err != nil {
		return fmt.Errorf("save state %s/%s: %w", adapter, key, err)
	}
	return nil
}

func millis(t time.Time) int64 {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UnixMilli()
}
