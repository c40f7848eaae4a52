package store

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// ErrNotGiven refuses feedback on an answer the store has no record of giving to that user on that
// platform: a forged or replayed vote, an id that is not in the knowledge, or a record already pruned.
var ErrNotGiven = errors.New("feedback refused: no such answer was given to this user")

// Given is an answer given to a user: which entry, to whom (stored as a keyed hash), where and when;
// never the text.
type Given struct {
	At       time.Time
	Platform string
	User     string // bot.Question.User
	AnswerID string
}

// secretKey names the per-install secret in the settings table.
const secretKey = "hmac_key"

// loadSecret reads the per-install secret of keyed hashes, creating it on the first open. Replicas on one
// database race to insert theirs; the first wins and all read it back.
func (s *Store) loadSecret(ctx context.Context) error {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return fmt.Errorf("secret: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, s.dialect.bind(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`),
		secretKey, hex.EncodeToString(fresh)); err != nil {
		return fmt.Errorf("secret: %w", err)
	}
	var v string
	if err := s.db.QueryRowContext(ctx, s.dialect.bind(`SELECT value FROM settings WHERE key = ?`), secretKey).Scan(&v); err != nil {
		return fmt.Errorf("secret: %w", err)
	}
	key, err := hex.DecodeString(v)
	if err != nil || len(key) < 16 {
		return fmt.Errorf("secret: the settings table holds a malformed %s", secretKey)
	}
	s.secret = key
	return nil
}

// keyed is the hex HMAC-SHA256, under the install's secret, of a kind of value and the value, cut to
// size bytes.
func (s *Store) keyed(kind, value string, size int) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return hex.EncodeToString(m.Sum(nil)[:size])
}

// TextHash identifies a question's normalised text without keeping it: questions that differ only in
// case, spacing or Arabic spelling variants share a hash. It is keyed with the install's secret, so the
// hash of a short question cannot be found by hashing guesses.
func (s *Store) TextHash(text string) string {
	return s.keyed("question", strings.Join(textnorm.Words(textnorm.Normalize(text)), " "), 12)
}

// userHash is what the store keeps of a user: a keyed hash.
func (s *Store) userHash(platform, user string) string {
	return s.keyed("user:"+platform, user, 16)
}

const upsertGiven = `INSERT INTO answers_given (platform, user_hash, answer_id, at) VALUES (?, ?, ?, ?)
	ON CONFLICT (platform, user_hash, answer_id) DO UPDATE SET at = excluded.at`

// RecordGiven stores that an answer was given to a user, so that their feedback on it is taken.
func (s *Store) RecordGiven(ctx context.Context, g Given) error {
	if err := s.Record(ctx, nil, []Given{g}); err != nil {
		return fmt.Errorf("record answer given: %w", err)
	}
	return nil
}

// upsertFeedback stores a vote only when the answer was given to the voter (one indexed lookup), and
// replaces the voter's earlier vote on the same answer.
const upsertFeedback = `INSERT INTO feedback (at, platform, lang, answer_id, helpful, user_hash)
	SELECT CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BOOLEAN), CAST(? AS TEXT)
	WHERE EXISTS (SELECT 1 FROM answers_given WHERE platform = ? AND user_hash = ? AND answer_id = ?)
	ON CONFLICT (platform, user_hash, answer_id) DO UPDATE SET at = excluded.at, lang = excluded.lang, helpful = excluded.helpful`

// RecordFeedback stores a user's verdict on an answer given to them, replacing their earlier verdict on
// it. Feedback on any other answer is refused with ErrNotGiven.
func (s *Store) RecordFeedback(ctx context.Context, f Feedback) error {
	if f.User == "" || f.AnswerID == "" {
		return ErrNotGiven
	}
	user := s.userHash(f.Platform, f.User)
	res, err := s.exec(ctx, upsertFeedback, millis(f.At), f.Platform, f.Lang, f.AnswerID, f.Helpful, user, f.Platform, user, f.AnswerID)
	if err != nil {
		return fmt.Errorf("record feedback: %w", err)
	}
	n, err := res.RowsAffected()
	switch {
	case err != nil:
		return fmt.Errorf("record feedback: %w", err) // a fault of the store, not a vote refused
	case n == 0:
		return ErrNotGiven
	}
	return nil
}

// Record stores answered questions and answers given in one transaction.
func (s *Store) Record(ctx context.Context, events []Event, given []Given) error {
	// Prepared before the transaction: SQLite's only connection is the transaction's.
	events1, err := s.prepared(ctx, s.db, insertEvent)
	if err != nil {
		return err
	}
	given1, err := s.prepared(ctx, s.db, upsertGiven)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.insertEvents(ctx, tx.StmtContext(ctx, events1), events); err != nil {
		return err
	}
	if err := s.insertGiven(ctx, tx.StmtContext(ctx, given1), given); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) insertEvents(ctx context.Context, ins *sql.Stmt, events []Event) error {
	for _, e := range events {
		var text sql.NullString
		var hash string
		if Reviewable(e) {
			hash = s.TextHash(e.Text)
			if s.keepText {
				text = sql.NullString{String: textnorm.Clean(e.Text), Valid: true}
			}
		}
		if _, err := ins.ExecContext(ctx, millis(e.At), e.Platform, e.Lang, e.Status, e.AnswerID, e.RedFlag, hash, text,
			e.Confidence, e.Reason, e.Took.Microseconds()); err != nil {
			return fmt.Errorf("record event: %w", err)
		}
	}
	return nil
}

func (s *Store) insertGiven(ctx context.Context, ins *sql.Stmt, given []Given) error {
	for _, g := range given {
		if g.User == "" || g.AnswerID == "" {
			continue
		}
		if _, err := ins.ExecContext(ctx, g.Platform, s.userHash(g.Platform, g.User), g.AnswerID, millis(g.At)); err != nil {
			return fmt.Errorf("record answer given: %w", err)
		}
	}
	return nil
}
