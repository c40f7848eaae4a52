package telegram

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// emptyPollPause is the pause after a poll that brought no update.
const emptyPollPause = 50 * time.Millisecond

// updatesAPI is what polling needs from the Bot API client.
type updatesAPI interface {
	GetUpdates(config tgbotapi.UpdateConfig) ([]tgbotapi.Update, error)
}

// State is what must survive a restart: the next update to ask for, and which updates were answered.
type State interface {
	Offset(ctx context.Context) (int, error)
	SaveOffset(ctx context.Context, offset int) error
	Processed(ctx context.Context, updateID int) (bool, error)
	MarkProcessed(ctx context.Context, updateID int) error
}

// Poller receives updates by long polling and answers them. Updates of one chat are answered in order;
// chats are answered concurrently, so a slow chat does not hold up the others in its batch. The offset
// is saved only after a batch's replies are sent, and each update is marked once answered, so a restart
// neither loses an update nor answers one twice.
type Poller struct {
	*responder
	api     updatesAPI
	workers int
	wait    time.Duration // long-poll timeout
}

// responder answers one update at a time, for the poller and the webhook alike.
type responder struct {
	handler *Handler
	sender  *Sender
	state   State
	log     *slog.Logger
}

func newResponder(h *Handler, s *Sender, st State, log *slog.Logger) *responder {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &responder{handler: h, sender: s, state: st, log: log}
}

// NewPoller builds a poller; workers bounds the chats answered at once.
func NewPoller(api updatesAPI, h *Handler, s *Sender, st State, workers int, log *slog.Logger) *Poller {
	return &Poller{responder: newResponder(h, s, st, log), api: api, workers: max(1, workers), wait: 10 * time.Second}
}

// Run polls until ctx ends. A batch being answered when ctx ends is finished first.
func (p *Poller) Run(ctx context.Context) error {
	offset, err := p.state.Offset(ctx)
	if err != nil {
		return err
	}
	failures := 0
	for ctx.Err() == nil {
		updates, err := p.api.GetUpdates(tgbotapi.UpdateConfig{Offset: offset, Limit: 100, Timeout: int(p.wait / time.Second)})
		if err != nil {
			failures++
			p.log.Warn("telegram getUpdates failed", "attempt", failures, "err", err)
			if sleepCtx(ctx, p.sender.backoff(min(failures, 6))) != nil {
				break
			}
			continue
		}
		failures = 0
		if len(updates) == 0 {
			// Telegram answers an empty poll only after the long-poll timeout; a server that answers at
			// once (an emulator, a proxy) is not asked again in a tight loop.
			_ = sleepCtx(ctx, emptyPollPause)
			continue
		}
		p.answer(context.WithoutCancel(ctx), updates)
		offset = updates[len(updates)-1].UpdateID + 1
		if err := p.state.SaveOffset(context.WithoutCancel(ctx), offset); err != nil {
			p.log.Error("saving the telegram offset", "err", err)
		}
	}
	return nil
}

// answer answers a batch: per chat in order, chats concurrently, at most p.workers at once.
func (p *Poller) answer(ctx context.Context, updates []tgbotapi.Update) {
	byChat := map[int64][]tgbotapi.Update{}
	var order []int64
	for _, u := range updates {
		id := chatOf(u)
		if _, ok := byChat[id]; !ok {
			order = append(order, id)
		}
		byChat[id] = append(byChat[id], u)
	}
	sem := make(chan struct{}, p.workers)
	var wg sync.WaitGroup
	for _, id := range order {
		wg.Add(1)
		sem <- struct{}{}
		go func(us []tgbotapi.Update) {
			defer wg.Done()
			defer func() { <-sem }()
			for _, u := range us {
				p.one(ctx, u)
			}
		}(byChat[id])
	}
	wg.Wait()
}

// one answers an update unless it was answered before, then marks it.
func (p *responder) one(ctx context.Context, u tgbotapi.Update) {
	defer p.sender.metrics.update(u)()
	done, err := p.state.Processed(ctx, u.UpdateID)
	if err != nil {
		p.log.Error("reading processed updates", "update", u.UpdateID, "err", err)
	}
	if done {
		return
	}
	reqs, err := p.handler.Handle(ctx, u)
	if err != nil {
		p.log.Error("handling a telegram update", "update", u.UpdateID, "err", err)
	}
	chat, group := chatOf(u), isGroup(u)
	for _, r := range reqs {
		if err := p.sender.Send(ctx, chat, group, r); err != nil {
			if errors.Is(err, ErrBlocked) {
				p.log.Info("telegram user blocked the bot; reply dropped", "update", u.UpdateID)
				break
			}
			p.log.Error("sending a telegram reply", "update", u.UpdateID, "err", err)
		}
	}
	if err := p.state.MarkProcessed(ctx, u.UpdateID); err != nil {
		p.log.Error("marking a telegram update", "update", u.UpdateID, "err", err)
	}
}

// chatOf is the chat an update belongs to (0 for inline queries, which have none).
func chatOf(u tgbotapi.Update) int64 {
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		return u.Message.Chat.ID
	case u.EditedMessage != nil && u.EditedMessage.Chat != nil:
		return u.EditedMessage.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil && u.CallbackQuery.Message.Chat != nil:
		return u.CallbackQuery.Message.Chat.ID
	}
	return 0
}

func isGroup(u tgbotapi.Update) bool {
	for _, m := range []*tgbotapi.Message{u.Message, u.EditedMessage} {
		if m != nil && m.Chat != nil {
			return !m.Chat.IsPrivate()
		}
	}
	if c := u.CallbackQuery; c != nil && c.Message != nil && c.Message.Chat != nil {
		return !c.Message.Chat.IsPrivate()
	}
	return false
}
