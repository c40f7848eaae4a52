package telegram

import (
	"context"
	"fmt"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/internal/backoff"
)

// An offset belongs to one bot and to one history of update ids. Telegram deletes every update below an
// offset it was given (it confirms them), never hands out an unconfirmed update below it, and numbers a
// bot's updates upwards. Two things break that, and a saved offset then silences the bot while it looks
// healthy: another token on the same store (another bot's ids), and ids that start again (a Bot API
// server that lost its state, or Telegram choosing the next id at random after a week without updates).
// The poller sees the first from the bot id saved with the offset, and the second by probing.

// cursor is what the poller knows of where it stands. Only Run's goroutine touches it.
type cursor struct {
	saved     Cursor    // as last saved
	confirmed int       // the offset Telegram last confirmed; -1 until known
	probed    time.Time // the last probe
}

// resume reads the saved offset, retrying while the store cannot be read, and starts from it unless it
// is another bot's or its ids started again. It fails only when ctx ends.
func (p *Poller) resume(ctx context.Context) error {
	return p.retry.Do(ctx, func() error { return p.resumeOnce(ctx) }, func(err error, attempt int, _ time.Duration) {
		p.log.Error("reading the telegram offset", "attempt", attempt+1, "err", err)
	})
}

func (p *Poller) resumeOnce(ctx context.Context) error {
	saved, err := p.state.Offset(ctx)
	if err != nil {
		return err
	}
	p.cursor = cursor{saved: saved, confirmed: saved.Offset}
	p.next = saved.Offset
	switch {
	case p.bot != 0 && saved.Bot != 0 && saved.Bot != p.bot:
		p.log.Warn("the saved telegram offset is another bot's (a new token?): answering this bot's updates from its oldest")
		return p.restartFrom(ctx, 0)
	case saved.Bot == 0 && saved.Offset > 0:
		// Saved before bots were recorded, possibly past what Telegram confirmed: known after one poll.
		p.cursor.confirmed = -1
		return nil
	}
	p.probe(ctx)
	return nil
}

// received takes the updates a poll for offset brought: if their ids started again, polling restarts
// from them; else Telegram has confirmed every update before offset. It queues them, and returns how
// many were new.
func (p *Poller) received(ctx context.Context, updates []tgbotapi.Update, offset int) int {
	if oldest, again := startedAgain(updates, offset); again {
		p.restartIdle(ctx, offset, oldest)
	} else {
		p.confirmed(ctx, offset)
	}
	return p.enqueue(ctx, updates)
}

// confirmed records that Telegram has just confirmed every update before offset, and saves it.
func (p *Poller) confirmed(ctx context.Context, offset int) {
	p.cursor.confirmed = offset
	c := Cursor{Bot: p.bot, Offset: offset}
	if c == p.cursor.saved {
		return
	}
	if err := p.state.SaveOffset(context.WithoutCancel(ctx), c); err != nil {
		p.log.Error("saving the telegram offset", "err", err)
		return
	}
	p.cursor.saved = c
}

// probeIdle probes when polls come back empty with nothing in flight, at most every probeEvery.
func (p *Poller) probeIdle(ctx context.Context) {
	if time.Since(p.cursor.probed) < p.probeEvery || p.busy() {
		return
	}
	p.probe(ctx)
}

// busy reports whether fetched updates are still being answered.
func (p *Poller) busy() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.order) > 0
}

// probe asks for the oldest pending update without confirming any (no offset, one update, no wait). One
// below the confirmed offset means ids started again.
func (p *Poller) probe(ctx context.Context) {
	p.cursor.probed = time.Now()
	if p.cursor.confirmed <= 0 {
		return
	}
	oldest, err := p.api.GetUpdates(tgbotapi.UpdateConfig{Limit: 1})
	if err != nil {
		return
	}
	// Queued, not dropped: a server that hands each update out once (an emulator) will not again.
	if id, again := startedAgain(oldest, p.cursor.confirmed); again {
		p.restartIdle(ctx, p.cursor.confirmed, id)
	}
	p.enqueue(ctx, oldest)
}

// startedAgain reports whether updates, fetched for offset, are all below it (a Bot API server asked
// for an offset past its updates answers from its oldest, as tdlib's does), and the oldest of them.
func startedAgain(updates []tgbotapi.Update, offset int) (int, bool) {
	if len(updates) == 0 || offset <= 0 {
		return 0, false
	}
	oldest := updates[0].UpdateID
	for _, u := range updates {
		if u.UpdateID >= offset {
			return 0, false
		}
		oldest = min(oldest, u.UpdateID)
	}
	return oldest, true
}

// restartIdle restarts polling at update id oldest, found below the offset Telegram confirmed, once the
// updates in flight are answered.
func (p *Poller) restartIdle(ctx context.Context, confirmed, oldest int) {
	for p.busy() {
		if backoff.Sleep(ctx, emptyPollPause) != nil {
			return
		}
	}
	p.log.Warn("telegram update ids started again below the confirmed offset (a Bot API server that lost its state, or a week without updates): answering from the oldest pending update",
		"confirmed", confirmed, "oldest", oldest)
	if err := p.restartFrom(ctx, oldest); err != nil {
		p.log.Error("restarting the telegram offset; trying again later", "err", err)
	}
}

// restartFrom makes polling start again at update id from: the claims from there on are of other
// updates and are forgotten first, so that a crash in between leaves the old offset to be found wrong
// again. Nothing may be in flight.
func (p *Poller) restartFrom(ctx context.Context, from int) error {
	ctx = context.WithoutCancel(ctx)
	if err := p.state.ForgetClaims(ctx, from); err != nil {
		return fmt.Errorf("forget the claims from update %d: %w", from, err)
	}
	c := Cursor{Bot: p.bot, Offset: from}
	if err := p.state.SaveOffset(ctx, c); err != nil {
		return fmt.Errorf("save the offset: %w", err)
	}
	p.mu.Lock()
	p.next = from
	p.mu.Unlock()
	p.cursor.saved, p.cursor.confirmed = c, from
	return nil
}
