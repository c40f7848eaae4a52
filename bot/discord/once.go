package discord

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/faqbot/faqbot/internal/guard"
)

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
		o.h.opts.Metrics.Seen("duplicate")
	}
	return won
}

// settle completes the claim of an answered event, or releases it when answering failed so that a
// redelivery is answered. An event whose handling panicked is completed: a redelivery would panic again.
func (o onceGuard) settle(ctx context.Context, id string, err error) {
	if o.seen == nil {
		return
	}
	ctx = context.WithoutCancel(ctx)
	settle, verb := o.seen.Complete, "complete"
	if err != nil && !errors.Is(err, guard.ErrPanic) {
		settle, verb = o.seen.Release, "release"
	}
	if err := settle(ctx, id); err != nil {
		o.h.log.Warn("discord: cannot "+verb+" an event's claim", "err", err)
	}
}

// maxPoisoned bounds the interactions remembered by poisoned; past it the oldest are forgotten first.
const maxPoisoned = 1024

// poisoned remembers the interactions posted to the endpoint whose handling panicked, for as long as
// a replay's signature may stay valid (a timestamp up to maxSkew ahead, then maxSkew old), so that a replay of one is acknowledged without handling it
// again. Questions are not claimed in the store (a replayed question is answered again, as the same
// question asked anew would be): this is what keeps a panicking one from being handled twice.
type poisoned struct {
	mu    sync.Mutex
	at    map[string]time.Time
	order []string // ids, oldest first
}

func (p *poisoned) add(id string, now time.Time) {
	if id == "" {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expire(now)
	if p.at == nil {
		p.at = map[string]time.Time{}
	}
	if len(p.order) == maxPoisoned {
		delete(p.at, p.order[0])
		p.order = p.order[1:]
	}
	p.at[id] = now
	p.order = append(p.order, id)
}

func (p *poisoned) has(id string, now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expire(now)
	_, ok := p.at[id]
	return ok
}

// expire forgets the interactions whose replays the signature check refuses by now.
func (p *poisoned) expire(now time.Time) {
	for len(p.order) > 0 && now.Sub(p.at[p.order[0]]) > 2*maxSkew {
		delete(p.at, p.order[0])
		p.order = p.order[1:]
	}
}
