package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The statements of claims, prepared when the store opens.
const (
	claimUpdate = `INSERT INTO update_claims (adapter, update_id, at, done) VALUES (?, ?, ?, 0)
		ON CONFLICT (adapter, update_id) DO UPDATE SET at = excluded.at
		WHERE update_claims.done = 0 AND update_claims.at <= ?`
	completeUpdate = `UPDATE update_claims SET done = 1, at = ? WHERE adapter = ? AND update_id = ?`
	releaseUpdate  = `DELETE FROM update_claims WHERE adapter = ? AND update_id = ? AND done = 0`
)

// Claim is the outcome of claiming an update.
type Claim int

const (
	Claimed  Claim = iota // this process answers it
	Answered              // it was answered before
	Busy                  // another process claimed it less than a lease ago and has not finished
)

// Claim takes an update for answering, so that one update is answered once across restarts and
// replicas. The database decides (a primary key on adapter and update id), so two replicas that receive
// the same delivery at the same instant cannot both win. An unfinished claim older than lease can be
// taken over: its owner died or gave up. A lease of 0 takes over any unfinished claim (a single poller
// after a restart).
func (s *Store) Claim(ctx context.Context, adapter string, updateID int64, lease time.Duration) (Claim, error) {
	var claim Claim
	err := s.writes.do(ctx, func(ctx context.Context, tx *sql.Tx) error {
		now := time.Now()
		res, err := s.txExec(ctx, tx, claimUpdate, adapter, updateID, millis(now), millis(now.Add(-lease)))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			claim = Claimed
			return err
		}
		var done int
		err = tx.QueryRowContext(ctx, s.dialect.bind(`SELECT done FROM update_claims WHERE adapter = ? AND update_id = ?`), adapter, updateID).Scan(&done)
		if err != nil {
			return err
		}
		claim = Busy
		if done == 1 {
			claim = Answered
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("claim update: %w", err)
	}
	return claim, nil
}

// Complete records that a claimed update was answered.
func (s *Store) Complete(ctx context.Context, adapter string, updateID int64) error {
	err := s.writes.do(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.txExec(ctx, tx, completeUpdate, millis(time.Now()), adapter, updateID)
		return err
	})
	if err != nil {
		return fmt.Errorf("complete update: %w", err)
	}
	return nil
}

// Release gives back an unfinished claim, when answering failed, so that a redelivery is answered.
func (s *Store) Release(ctx context.Context, adapter string, updateID int64) error {
	err := s.writes.do(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.txExec(ctx, tx, releaseUpdate, adapter, updateID)
		return err
	})
	if err != nil {
		return fmt.Errorf("release update: %w", err)
	}
	return nil
}
