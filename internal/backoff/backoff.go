// Package backoff owns how faqbot waits before trying again: one Policy (a first delay growing to a cap,
// partly at random, for a bounded number of tries) for every retry loop, and the wait itself.
package backoff

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"time"
)

// Policy says how long to wait after each failed try and how many tries to make. Attempts count the
// failures so far from 0: Delay(0) is the wait after the first failed try. The zero Policy waits
// nothing and never gives up. A Policy is a plain value, safe to copy and to use from many goroutines:
// its randomness comes from math/rand/v2's top-level functions.
type Policy struct {
	Base time.Duration // the wait after the first failure
	Max  time.Duration // the longest wait; 0: no cap but the longest Duration
	// Factor multiplies the wait after each failure; 0 means 2 (doubling), 1 a constant wait.
	Factor float64
	// Linear makes the wait grow by Base after each failure (Base, 2·Base, 3·Base…) instead of by Factor.
	Linear bool
	// Jitter is the share of each wait drawn at random, from 0 to 1: a wait d becomes one between
	// d·(1-Jitter) and d, so that clients failing together do not all try again together.
	Jitter float64
	// MaxAttempts is the number of tries in all, the first included; 0: no limit.
	MaxAttempts int
}

// Reconnect is the policy of a loop that connects to a platform until it answers (at start, or after
// losing it): 1 s, doubling to a minute, a fifth of it at random; it never gives up.
func Reconnect() Policy {
	return Policy{Base: time.Second, Max: time.Minute, Jitter: 0.2}
}

// Delay is the wait after failure number attempt (from 0), at most Max, with its jitter drawn. It never
// overflows, however large attempt is.
func (p Policy) Delay(attempt int) time.Duration {
	return p.jitter(p.ceiling(attempt))
}

// ceiling is the wait after failure number attempt before jitter: Base grown attempt times, capped.
func (p Policy) ceiling(attempt int) time.Duration {
	limit := p.Max
	if limit <= 0 {
		limit = math.MaxInt64
	}
	if p.Base <= 0 {
		return 0
	}
	attempt = max(attempt, 0)
	if p.Linear {
		if int64(attempt) >= int64(limit/p.Base) {
			return limit
		}
		return min(p.Base*time.Duration(attempt+1), limit)
	}
	factor := p.Factor
	if factor <= 0 {
		factor = 2
	}
	d := float64(p.Base) * math.Pow(factor, float64(attempt))
	if math.IsNaN(d) || d >= float64(limit) {
		return limit
	}
	return time.Duration(d)
}

// jitter draws a wait between d·(1-Jitter) and d, both included.
func (p Policy) jitter(d time.Duration) time.Duration {
	share := min(max(p.Jitter, 0), 1)
	span := d // share 1: float64(d) may round past the largest Duration
	if share < 1 {
		span = time.Duration(float64(d) * share)
	}
	if span <= 0 {
		return d
	}
	if span == math.MaxInt64 {
		return d - span + time.Duration(rand.Int64N(int64(span)))
	}
	return d - span + time.Duration(rand.Int64N(int64(span)+1))
}

// Next is the wait after failure number attempt when the server may have said how long to wait:
// exactly retryAfter when it did (retryAfter > 0: Telegram's retry_after, Discord's Retry-After, which
// must be obeyed as given), else Delay(attempt).
func (p Policy) Next(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return retryAfter
	}
	return p.Delay(attempt)
}

// Allows reports whether another try may follow tries tries, within MaxAttempts.
func (p Policy) Allows(tries int) bool {
	return p.MaxAttempts <= 0 || tries < p.MaxAttempts
}

// Wait waits Delay(attempt), or until ctx ends: then it returns ctx.Err().
func (p Policy) Wait(ctx context.Context, attempt int) error {
	return Sleep(ctx, p.Delay(attempt))
}

// Do calls try until it succeeds, fails with a Permanent error, has failed MaxAttempts times, or ctx
// ends while it waits. Before each wait it tells failed (when not nil) the error, the attempt (from 0)
// and the wait. It returns nil, the last error (a Permanent one unwrapped), or ctx.Err().
func (p Policy) Do(ctx context.Context, try func() error, failed func(err error, attempt int, wait time.Duration)) error {
	for attempt := 0; ; attempt++ {
		err := try()
		var final *permanent
		switch {
		case err == nil:
			return nil
		case errors.As(err, &final):
			return final.err
		case !p.Allows(attempt + 1):
			return err
		}
		wait := p.Delay(attempt)
		if failed != nil {
			failed(err, attempt, wait)
		}
		if err := Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// Permanent marks an error that trying again cannot cure: Do returns it (unwrapped) at once.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanent{err: err}
}

type permanent struct{ err error }

func (p *permanent) Error() string { return p.err.Error() }
func (p *permanent) Unwrap() error { return p.err }

// Sleep waits d, or until ctx ends: then it returns ctx.Err(). A wait of 0 or less returns at once
// (with ctx.Err() when ctx has ended).
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
