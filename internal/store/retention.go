package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Retention says how long each kind of record is kept; a zero period keeps it for ever. A flood of
// messages then costs the store at most a period's worth of rows.
type Retention struct {
	Events         time.Duration // answered, unanswered and urgent questions
	Feedback       time.Duration // votes on answers
	UnansweredText time.Duration // the kept text of questions for review, and of review actions (the rows stay)
	Claims         time.Duration // claims of updates (each update answered once)
	AnswersGiven   time.Duration // which answers each user was given: feedback is taken this long
	Every          time.Duration // between prunes; zero means an hour
}

func (r Retention) any() bool {
	return r.Events > 0 || r.Feedback > 0 || r.UnansweredText > 0 || r.Claims > 0 || r.AnswersGiven > 0
}

// Pruned counts what one prune removed.
type Pruned struct {
	Events, Feedback, UnansweredText, ActionText, Claims, AnswersGiven int64
}

// defaultPruneBatch bounds the rows one statement of a prune touches, so that writers wait at most
// that long for the database.
const defaultPruneBatch = 1000

// The statements of a prune, each over at most one batch of the oldest rows (through an index on their
// time). Claims have no such index, to keep a claim to one B-tree write: their keys are found by the
// readers and deleted by key.
const (
	pruneEvents   = `DELETE FROM events WHERE id IN (SELECT id FROM events WHERE at < ? ORDER BY at LIMIT ?)`
	pruneFeedback = `DELETE FROM feedback WHERE id IN (SELECT id FROM feedback WHERE at < ? ORDER BY at LIMIT ?)`
	pruneText     = `UPDATE events SET text = NULL WHERE id IN (SELECT id FROM events WHERE text IS NOT NULL AND at < ? ORDER BY at LIMIT ?)`
	pruneActText  = `UPDATE review_actions SET text = NULL WHERE id IN (SELECT id FROM review_actions WHERE text IS NOT NULL AND at < ? ORDER BY at LIMIT ?)`
	pruneGiven    = `DELETE FROM answers_given WHERE (platform, user_hash, answer_id) IN
		(SELECT platform, user_hash, answer_id FROM answers_given WHERE at < ? ORDER BY at LIMIT ?)`
	oldClaims  = `SELECT adapter, update_id FROM update_claims WHERE at < ? LIMIT ?`
	pruneClaim = `DELETE FROM update_claims WHERE adapter = ? AND update_id = ? AND at < ?`
)

// Prune removes what the retention periods no longer keep, as of now, in bounded batches.
func (s *Store) Prune(ctx context.Context, now time.Time) (Pruned, error) {
	var p Pruned
	r := s.retention
	for _, step := range []struct {
		period time.Duration
		query  string
		n      *int64
	}{
		{r.Events, pruneEvents, &p.Events},
		{r.UnansweredText, pruneText, &p.UnansweredText},
		{r.UnansweredText, pruneActText, &p.ActionText},
		{r.Feedback, pruneFeedback, &p.Feedback},
		{r.AnswersGiven, pruneGiven, &p.AnswersGiven},
	} {
		if step.period <= 0 {
			continue
		}
		n, err := s.pruneBatches(ctx, step.query, millis(now.Add(-step.period)))
		*step.n = n
		if err != nil {
			return p, fmt.Errorf("prune: %w", err)
		}
	}
	if r.Claims > 0 {
		n, err := s.pruneClaims(ctx, millis(now.Add(-r.Claims)))
		p.Claims = n
		if err != nil {
			return p, fmt.Errorf("prune claims: %w", err)
		}
	}
	return p, nil
}

// pruneBatches runs a bounded statement until it touches less than a batch.
func (s *Store) pruneBatches(ctx context.Context, query string, before int64) (int64, error) {
	var total int64
	for {
		res, err := s.exec(ctx, query, before, s.pruneBatch)
		if err != nil {
			return total, err
		}
		n, err := res.RowsAffected()
		total += n
		if err != nil || n < int64(s.pruneBatch) {
			return total, err
		}
	}
}

type claimKey struct {
	adapter string
	id      int64
}

// pruneClaims finds a batch of old claims with a reader (a scan that holds no write lock), deletes them by
// key in one transaction, and goes on until a batch comes back short.
func (s *Store) pruneClaims(ctx context.Context, before int64) (int64, error) {
	var total int64
	for {
		var keys []claimKey
		err := s.rowsOn(ctx, s.read, oldClaims, []any{before, s.pruneBatch}, func(scan func(...any) error) error {
			var k claimKey
			err := scan(&k.adapter, &k.id)
			keys = append(keys, k)
			return err
		})
		if err != nil || len(keys) == 0 {
			return total, err
		}
		n, err := s.deleteClaims(ctx, keys, before)
		total += n
		if err != nil || len(keys) < s.pruneBatch {
			return total, err
		}
	}
}

func (s *Store) deleteClaims(ctx context.Context, keys []claimKey, before int64) (int64, error) {
	var total int64
	err := s.writes.do(ctx, func(ctx context.Context, tx *sql.Tx) error {
		total = 0
		for _, k := range keys {
			res, err := s.txExec(ctx, tx, pruneClaim, k.adapter, k.id, before)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			total += n
		}
		return nil
	})
	return total, err
}

// pruneLoop prunes at once and then every period until ctx ends.
func (s *Store) pruneLoop(ctx context.Context, every time.Duration) {
	defer close(s.pruned)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if _, err := s.Prune(ctx, time.Now()); err != nil && ctx.Err() == nil {
			s.log.Error("pruning the store", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
