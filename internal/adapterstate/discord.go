package adapterstate

import (
	"context"
	"strconv"
	"time"

	"github.com/faqbot/faqbot/internal/store"
)

const discordAdapter = "discord"

// Discord keeps the claims of Discord events (snowflake ids) in the store.
type Discord struct{ Store *store.Store }

// discordLease outlasts an answer's deadline and the REST retries.
const discordLease = 2 * time.Minute

// Claim takes an event before it is answered; false: another replica has it.
func (c Discord) Claim(ctx context.Context, id string) (bool, error) {
	n, ok := snowflake(id)
	if !ok {
		return true, nil // nothing to tell it apart by: answer it
	}
	claim, err := c.Store.Claim(ctx, discordAdapter, n, discordLease)
	return claim == store.Claimed, err
}

// Complete marks a claimed event answered.
func (c Discord) Complete(ctx context.Context, id string) error {
	if n, ok := snowflake(id); ok {
		return c.Store.Complete(ctx, discordAdapter, n)
	}
	return nil
}

// Release gives a claimed event back, unanswered.
func (c Discord) Release(ctx context.Context, id string) error {
	if n, ok := snowflake(id); ok {
		return c.Store.Release(ctx, discordAdapter, n)
	}
	return nil
}

// snowflake reads a Discord id (a 63-bit number in decimal).
func snowflake(id string) (int64, bool) {
	n, err := strconv.ParseInt(id, 10, 64)
	return n, err == nil
}
