package store

import (
	"context"
	"fmt"
	"time"
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
	now := time.Now()
	res, err := s.db.ExecContext(ctx, s.dialect.bind(
		`INSERT INTO processed_updates (adapter, update_id, at, done) VALUES (?, ?, ?, 0)
		ON CONFLICT (adapter, update_id) DO UPDATE SET at = excluded.at
		WHERE processed_updates.done = 0 AND processed_updates.at <= ?`),
		adapter, updateID, millis(now), millis(now.Add(-lease)))
	if err != nil {
		return 0, fmt.Errorf("claim update: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, fmt.Errorf("claim update: %w", err)
	} else if n == 1 {
		return Claimed, nil
	}
	var done int
	err = s.db.QueryRowContext(ctx, s.dialect.bind(`SELECT done FROM processed_updates WHERE adapter = ? AND update_id = ?`), adapter, updateID).Scan(&done)
	if err != nil {
		return 0, fmt.Errorf("claim update: %w", err)
	}
	if done == 1 {
		return Answered, nil
	}
	return Busy, nil
}

// Complete records that a claimed update was answered.
func (s *Store) Complete(ctx context.Context, adapter string, updateID int64) error {
	_, err := s.db.ExecContext(ctx, s.dialect.bind(`UPDATE processed_updates SET done = 1, at = ? WHERE adapter = ? AND update_id = ?`),
		millis(time.Now()), adapter, updateID)
	if err != nil {
		return fmt.Errorf("complete update: %w", err)
	}
	return nil
}

// Release gives back an unfinished claim, when answering failed, so that a redelivery is answered.
func (s *Store) Release(ctx context.Context, adapter string, updateID int64) error {
	_, err := s.db.ExecContext(ctx, s.dialect.bind(`DELETE FROM processed_updates WHERE adapter = ? AND update_id = ? AND done = 0`), adapter, updateID)
	if err != nil {
		return fmt.Errorf("release update: %w", err)
	}
	return nil
}
