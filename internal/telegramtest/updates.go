package telegramtest

import (
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Offsets says how getUpdates treats the offset it is given. Below the end of the queue, each confirms
// (deletes) every update before it, as Telegram does.
type Offsets int

const (
	// PastEmpty is Telegram: an offset past the last update answers nothing and confirms nothing.
	PastEmpty Offsets = iota
	// PastFromOldest is tdlib's Bot API server: an offset past the last update answers from the oldest
	// pending one, confirming nothing.
	PastFromOldest
	// HandOutOnce is the emulator telegram-test-api: offsets are ignored and each update is handed out
	// once.
	HandOutOnce
)

func (o Offsets) String() string {
	switch o {
	case PastFromOldest:
		return "oldest past the end"
	case HandOutOnce:
		return "each update once"
	}
	return "empty past the end"
}

// queue is the pending updates, as Telegram keeps them for getUpdates. The fake's lock guards it.
type queue struct {
	next      int              // the next update id
	pending   []map[string]any // oldest first
	fetched   map[int]int      // update id -> times getUpdates returned it, in this history
	handedOut int              // the highest update id getUpdates returned
	arrived   chan struct{}    // closed (and replaced) when an update is queued
}

func newQueue() queue {
	return queue{next: 1, fetched: map[int]int{}, arrived: make(chan struct{})}
}

// Message is an update of a text message from a user in private chat `chat` (a group for a negative
// id), as Telegram sends it to getUpdates or a webhook.
func Message(updateID int, chat int64, text string) map[string]any {
	return map[string]any{"update_id": updateID, "message": map[string]any{
		"message_id": updateID, "date": 0, "text": text,
		"from": map[string]any{"id": chat, "is_bot": false, "first_name": "P"},
		"chat": map[string]any{"id": chat, "type": chatType(chat)}}}
}

// Callback is an update of a tap, with data, on a button of the bot's message in chat `chat`.
func Callback(updateID int, chat int64, data string) map[string]any {
	return map[string]any{"update_id": updateID, "callback_query": map[string]any{
		"id": "cb" + strconv.Itoa(updateID), "data": data, "from": map[string]any{"id": chat, "is_bot": false, "first_name": "P"},
		"message": map[string]any{"message_id": 1, "date": 0, "chat": map[string]any{"id": chat, "type": chatType(chat)}}}}
}

// Push queues an update under the next update id (its own "update_id" is replaced), and returns the id.
func (f *Fake) Push(update map[string]any) int {
	f.mu.Lock()
	q := &f.updates
	id := q.next
	q.next++
	u := make(map[string]any, len(update))
	for k, v := range update {
		u[k] = v
	}
	u["update_id"] = id
	q.pending = append(q.pending, u)
	close(q.arrived)
	q.arrived = make(chan struct{})
	f.mu.Unlock()
	f.signal()
	return id
}

// Say queues a text message from user `chat` in their private chat, and returns its update id.
func (f *Fake) Say(chat int64, text string) int { return f.Push(Message(0, chat, text)) }

// Tap queues a tap with data on a button in chat `chat`, and returns its update id.
func (f *Fake) Tap(chat int64, data string) int { return f.Push(Callback(0, chat, data)) }

// Restart loses every pending update and numbers them from 1 again, as a Bot API server that lost its
// state does.
func (f *Fake) Restart() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates.next, f.updates.pending, f.updates.fetched, f.updates.handedOut = 1, nil, map[int]int{}, 0
}

// Fetched is how many times getUpdates returned an update, in this history.
func (f *Fake) Fetched(updateID int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.updates.fetched[updateID]
}

// HandedOut is the highest update id getUpdates has returned.
func (f *Fake) HandedOut() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.updates.handedOut
}

// getUpdates answers as soon as there are updates for offset, or once the long poll's timeout (seconds,
// capped by MaxLongPoll) passes.
func (f *Fake) getUpdates(r *http.Request, p url.Values) (any, *apiError) {
	offset, _ := strconv.Atoi(p.Get("offset"))
	limit, _ := strconv.Atoi(p.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	seconds, _ := strconv.Atoi(p.Get("timeout"))
	hold := time.Duration(seconds) * time.Second
	if f.opts.MaxLongPoll > 0 {
		hold = min(hold, f.opts.MaxLongPoll)
	}
	timeout := time.NewTimer(hold)
	defer timeout.Stop()
	for {
		f.mu.Lock()
		if f.webhook != "" {
			f.mu.Unlock()
			return nil, &apiError{http.StatusConflict, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
		}
		out := f.updates.take(offset, limit, f.opts)
		arrived := f.updates.arrived
		f.mu.Unlock()
		if len(out) > 0 || hold <= 0 {
			return out, nil
		}
		select {
		case <-arrived:
		case <-timeout.C:
			hold = 0
		case <-r.Context().Done():
			return out, nil
		case <-f.done:
			return out, nil
		}
	}
}

// take confirms the updates before offset and returns up to limit of the rest, as opts say.
func (q *queue) take(offset, limit int, opts Options) []map[string]any {
	switch {
	case opts.Offsets == HandOutOnce:
		n := min(limit, len(q.pending))
		out := q.hand(q.pending[:n], limit, 0)
		q.pending = q.pending[n:]
		return out
	case offset < 0: // the last -offset updates; every earlier one is forgotten
		q.pending = q.pending[max(0, len(q.pending)+offset):]
	case offset > q.next && opts.Offsets == PastEmpty:
		return []map[string]any{}
	case offset > 0 && offset <= q.next:
		for len(q.pending) > 0 && q.pending[0]["update_id"].(int) < offset {
			q.pending = q.pending[1:] // confirmed
		}
	}
	return q.hand(q.pending, limit, opts.DuplicateEvery)
}

// hand returns up to limit of updates, each again after itself when its id is a multiple of dup, and
// counts them as fetched.
func (q *queue) hand(updates []map[string]any, limit, dup int) []map[string]any {
	out := []map[string]any{}
	for _, u := range updates {
		if len(out) >= limit {
			break
		}
		id := u["update_id"].(int)
		out = append(out, u)
		if dup > 0 && id%dup == 0 && len(out) < limit {
			out = append(out, u) // a duplicate delivery
		}
		q.fetched[id]++
		q.handedOut = max(q.handedOut, id)
	}
	return out
}
