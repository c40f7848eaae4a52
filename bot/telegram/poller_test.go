package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// memState is State in memory, shared by the pollers of a restart test as a store would be.
type memState struct {
	mu      sync.Mutex
	offset  Cursor
	done    map[int]bool
	blocked []int64
	forgot  []int // ForgetClaims calls

	failClaims int // the next claims fail, as with a store briefly unreachable
}

func (m *memState) Blocked(_ context.Context, chat int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.blocked = append(m.blocked, chat)
	return nil
}

func (m *memState) Offset(context.Context) (Cursor, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.offset, nil
}

func (m *memState) SaveOffset(_ context.Context, c Cursor) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.offset = c
	return nil
}

func (m *memState) ForgetClaims(_ context.Context, from int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.forgot = append(m.forgot, from)
	for id := range m.done {
		if id >= from {
			delete(m.done, id)
		}
	}
	return nil
}

// Claim takes over unfinished claims at once, as the single poller does.
func (m *memState) Claim(_ context.Context, id int) (Claim, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failClaims > 0 {
		m.failClaims--
		return 0, errors.New("store unavailable")
	}
	if m.done[id] {
		return ClaimAnswered, nil
	}
	return ClaimWon, nil
}

func (m *memState) Complete(_ context.Context, id int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.done[id] = true
	return nil
}

func (m *memState) Release(context.Context, int) error { return nil }

// backlogAPI serves n pending updates (update i comes from private chat i) through getUpdates, honouring
// offset and limit, and delivers every tenth update twice, as Telegram may; as Telegram does, an update
// below an offset asked for is confirmed, and not served again. It counts the replies per chat.
type backlogAPI struct {
	srv     *httptest.Server
	n       int
	mu      sync.Mutex
	replies map[int64]int
	slow    int64 // a chat whose sendMessage takes three seconds

	downUntil time.Time // every method answers 502 until then
	handedOut int       // the highest update id getUpdates has returned
	confirmed int       // the highest offset asked for
}

func newBacklogAPI(t testing.TB, n int) *backlogAPI {
	b := &backlogAPI{n: n, replies: map[int64]int{}}
	b.srv = httptest.NewServer(http.HandlerFunc(b.serve))
	t.Cleanup(b.srv.Close)
	return b
}

func (b *backlogAPI) serve(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	b.mu.Lock()
	down := time.Now().Before(b.downUntil)
	b.mu.Unlock()
	if down {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html>502 Bad Gateway</html>"))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch {
	case strings.HasSuffix(r.URL.Path, "/getMe"):
		_, _ = w.Write([]byte(`{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"FAQ","username":"ClinicFAQBot"}}`))
	case strings.HasSuffix(r.URL.Path, "/getUpdates"):
		offset, _ := strconv.Atoi(r.PostForm.Get("offset"))
		limit, _ := strconv.Atoi(r.PostForm.Get("limit"))
		b.mu.Lock()
		b.confirmed = max(b.confirmed, offset)
		offset = b.confirmed
		b.mu.Unlock()
		var out []map[string]any
		for id := max(offset, 1); id <= b.n && len(out) < limit; id++ {
			out = append(out, update(id))
			if id%10 == 0 && len(out) < limit {
				out = append(out, update(id)) // a duplicate delivery
			}
		}
		if len(out) > 0 {
			b.mu.Lock()
			b.handedOut = max(b.handedOut, out[len(out)-1]["update_id"].(int))
			b.mu.Unlock()
		}
		body, _ := json.Marshal(map[string]any{"ok": true, "result": out})
		_, _ = w.Write(body)
	case strings.HasSuffix(r.URL.Path, "/sendMessage"):
		chat, _ := strconv.ParseInt(r.PostForm.Get("chat_id"), 10, 64)
		if chat == b.slow {
			time.Sleep(3 * time.Second)
		}
		b.mu.Lock()
		b.replies[chat]++
		b.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":%d,"type":"private"}}}`, chat)
	default:
		_, _ = w.Write([]byte(`{"ok":true,"result":true}`))
	}
}

func update(id int) map[string]any {
	return map[string]any{"update_id": id, "message": map[string]any{
		"message_id": 1, "date": 0, "text": "what should I wear?",
		"from": map[string]any{"id": id, "is_bot": false, "first_name": "P"},
		"chat": map[string]any{"id": id, "type": "private"}}}
}

func (b *backlogAPI) answered() (total int, twice []int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for chat, n := range b.replies {
		total++
		if n != 1 {
			twice = append(twice, chat)
		}
	}
	return total, twice
}

func TestRestartInBacklogAnswersEachUpdateOnce(t *testing.T) {
	const n = 1000
	api := newBacklogAPI(t, n)
	h, _, _ := newHandler(t)
	state := &memState{done: map[int]bool{}}
	run := func(stopAfter int) {
		stop := startPoller(botClient(t, api.srv.URL, "123:abc"), h, state, 8)
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			if total, _ := api.answered(); total >= stopAfter {
				break
			}
		}
		stop() // a restart in the middle of the backlog
	}
	start := time.Now()
	run(n / 3)
	if total, _ := api.answered(); total >= n {
		t.Fatalf("the first run answered the whole backlog (%d); the restart was not in the middle", total)
	}
	run(n)
	total, twice := api.answered()
	if total != n || len(twice) != 0 {
		t.Errorf("answered %d of %d updates; answered more than once: %v", total, n, twice)
	}
	t.Logf("%d updates (with %d duplicate deliveries) answered once each across a restart, in %v", n, n/10, time.Since(start).Round(time.Millisecond))
}

func TestStoreOutageLosesNoUpdate(t *testing.T) {
	const n = 200
	api := newBacklogAPI(t, n)
	h, _, _ := newHandler(t)
	state := &memState{done: map[int]bool{}, failClaims: 100}
	stop := startPoller(botClient(t, api.srv.URL, "123:abc"), h, state, 8)
	defer stop()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if total, _ := api.answered(); total >= n {
			break
		}
	}
	total, twice := api.answered()
	if total != n || len(twice) != 0 {
		t.Errorf("after 100 failed claims: answered %d of %d updates; more than once: %v", total, n, twice)
	}
}

// TestAPIDownForHalfAMinute takes the Bot API down for 30 seconds in the middle of a backlog: every
// update is answered once after it comes back, within the sender's retry bounds, and no more than one
// poll's worth of updates waits in memory meanwhile.
func TestAPIDownForHalfAMinute(t *testing.T) {
	t.Parallel()
	const n = 300
	api := newBacklogAPI(t, n)
	h, _, _ := newHandler(t)
	stop := startPoller(botClient(t, api.srv.URL, "123:abc"), h, &memState{done: map[int]bool{}}, 8)
	defer stop()
	for total, _ := api.answered(); total < 50; total, _ = api.answered() {
		time.Sleep(time.Millisecond)
	}
	api.mu.Lock()
	back := time.Now().Add(30 * time.Second)
	api.downUntil = back
	api.mu.Unlock()
	waiting := 0
	for deadline := back.Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		total, _ := api.answered()
		api.mu.Lock()
		waiting = max(waiting, api.handedOut-total)
		api.mu.Unlock()
		if total >= n {
			break
		}
	}
	total, twice := api.answered()
	if total != n || len(twice) != 0 {
		t.Errorf("after a 30 s outage: answered %d of %d updates; more than once: %v", total, n, twice)
	}
	if waiting > 100+n/10 { // one poll of 100, and the duplicate deliveries among them
		t.Errorf("%d updates waited in memory at once, want at most one poll's worth", waiting)
	}
	t.Logf("all %d answered %v after the API came back; at most %d waited at once", n, time.Since(back).Round(time.Second), waiting)
}

func TestSlowChatDoesNotBlockOthers(t *testing.T) {
	api := newBacklogAPI(t, 40)
	api.slow = 1
	h, _, _ := newHandler(t)
	stop := startPoller(botClient(t, api.srv.URL, "123:abc"), h, &memState{done: map[int]bool{}}, 4)
	deadline := time.Now().Add(2500 * time.Millisecond)
	for time.Now().Before(deadline) {
		if total, _ := api.answered(); total >= 39 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	api.mu.Lock()
	others, slowDone := len(api.replies), api.replies[1]
	api.mu.Unlock()
	if slowDone != 0 || others < 39 {
		t.Errorf("while chat 1 was still being answered, %d other chats were answered; want all 39", others)
	}
	stop()
	if total, twice := api.answered(); total != 40 || len(twice) != 0 {
		t.Errorf("after shutdown: %d chats answered, twice %v; the slow chat's reply in flight must finish", total, twice)
	}
}

// botClient connects to a Bot API server under test.
func botClient(t testing.TB, base, token string) *Client {
	t.Helper()
	client, err := NewClient(token, base+"/bot%s/%s", &http.Client{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// startPoller polls client until the returned stop is called; stop returns once the replies in flight
// are finished.
func startPoller(client *Client, h *Handler, state State, workers int) (stop func()) {
	p := NewPoller(client, h, NewSender(client, Limits{}, DefaultRetry(), nil, nil), state, PollerOptions{Workers: workers})
	p.wait = 0
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	return func() { cancel(); <-done }
}

// hungState is a store that never answers a claim: every call waits for its context to end.
type hungState struct{ memState }

func (h *hungState) Claim(ctx context.Context, _ int) (Claim, error) {
	<-ctx.Done()
	return 0, ctx.Err()
}

// TestHungStoreDoesNotHoldUpShutdown: each polled update is answered within its deadline, so a store
// that hangs delays that chat but lets the poller stop.
func TestHungStoreDoesNotHoldUpShutdown(t *testing.T) {
	api := newBacklogAPI(t, 3)
	h, _, _ := newHandler(t)
	client := botClient(t, api.srv.URL, "123:abc")
	p := NewPoller(client, h, NewSender(client, Limits{}, DefaultRetry(), nil, nil), &hungState{memState{done: map[int]bool{}}},
		PollerOptions{Workers: 2, UpdateTimeout: 50 * time.Millisecond})
	p.wait = 0
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	time.Sleep(200 * time.Millisecond)
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the poller did not stop within 5 s of shutdown with a hung store")
	}
	if total, _ := api.answered(); total != 0 {
		t.Errorf("%d updates answered without a claim", total)
	}
}
