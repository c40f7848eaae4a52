package store

import (
	"context"
	"database/sql"
	"fmt"
)

// forgetClaims drops an adapter's claims of updates from an id on.
const forgetClaims = `DELETE FROM update_claims WHERE adapter = ? AND update_id >= ?`

// ForgetClaims drops an adapter's claims of updates whose id is at least from, answered or not. Update ids
// are handed out again when a Telegram bot's token changes or its Bot API server starts numbering again:
// a claim there is of another update, and would keep a new one from being answered.
func (s *Store) ForgetClaims(ctx context.Context, adapter string, from int64) error {
	err := s.writes.do(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.txExec(ctx, tx, forgetClaims, adapter, from)
		return err
	})
	if err != nil {
		return fmt.Errorf("forget the claims of %s from update %d: %w", adapter, from, err)
	}
	return nil
}
