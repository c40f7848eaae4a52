package discord

import "context"

// onceGuard answers each event once through Claims: the gateway's events replayed after a resume or
// seen by two processes, and interactions posted to the endpoint again. With no Claims it lets all
// through.
type onceGuard struct {
	seen Claims
	h    *Handler
}

// claim reports whether this process should answer the event with this id: false when it was answered
// before or is being answered by another replica. A store failure answers anyway: a reply twice is
// better than none.
func (o onceGuard) claim(ctx context.Context, id string) bool {
	if o.seen == nil {
		return true
	}
	won, err := o.seen.Claim(ctx, id)
	if err != nil {
		o.h.log.Warn("discord: cannot check for a duplicate event; answering", "err", err)
		return true
	}
	if !won {
		o.h.opts.Metrics.seen("duplicate")
	}
	return won
}

// settle completes the claim of an answered event, or releases it when answering failed so that a
// redelivery is answered.
func (o onceGuard) settle(ctx context.Context, id string, err error) {
	if o.seen == nil {
		return
	}
	ctx = context.WithoutCancel(ctx)
	settle, verb := o.seen.Complete, "complete"
	if err != nil {
		settle, verb = o.seen.Release, "release"
	}
	if err := settle(ctx, id); err != nil {
		o.h.log.Warn("discord: cannot "+verb+" an event's claim", "err", err)
	}
}
