package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/telegramtest"
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

// newBacklog is a Bot API with n updates pending: update i comes from private chat i, asking what to
// wear; every tenth is delivered twice, as Telegram may.
func newBacklog(t testing.TB, n int) *telegramtest.Fake {
	api := telegramtest.New(t, telegramtest.Options{DuplicateEvery: 10})
	for chat := int64(1); chat <= int64(n); chat++ {
		api.Say(chat, "what should I wear?")
	}
	return api
}

// answered counts the chats the bot replied to, and lists those it replied to more than once.
func answered(api *telegramtest.Fake) (total int, twice []int64) {
	for chat, n := range api.Replies() {
		total++
		if n != 1 {
			twice = append(twice, chat)
		}
	}
	return total, twice
}

// scaled is a retry policy with its waits divided by `by`: the same tries and shape, faster.
func scaled(p backoff.Policy, by time.Duration) backoff.Policy {
	p.Base /= by
	p.Max /= by
	return p
}

// fastRetry and fastPollRetry are the sender's and the poller's default policies a hundred times
// faster: a test of a failure they outlast takes milliseconds, not seconds.
func fastRetry() backoff.Policy     { return scaled(DefaultRetry(), 100) }
func fastPollRetry() backoff.Policy { return scaled(DefaultPollRetry(), 100) }

func TestRestartInBacklogAnswersEachUpdateOnce(t *testing.T) {
	const n = 1000
	api := newBacklog(t, n)
	h, _, _ := newHandler(t)
	state := &memState{done: map[int]bool{}}
	run := func(stopAfter int) {
		stop := startPoller(botClient(t, api.URL, "123:abc"), h, state, 8)
		api.WaitFor(fmt.Sprintf("%d chats answered", stopAfter), func() bool { total, _ := answered(api); return total >= stopAfter })
		stop() // a restart in the middle of the backlog
	}
	start := time.Now()
	run(n / 3)
	if total, _ := answered(api); total >= n {
		t.Fatalf("the first run answered the whole backlog (%d); the restart was not in the middle", total)
	}
	run(n)
	total, twice := answered(api)
	if total != n || len(twice) != 0 {
		t.Errorf("answered %d of %d updates; answered more than once: %v", total, n, twice)
	}
	t.Logf("%d updates (with %d duplicate deliveries) answered once each across a restart, in %v", n, n/10, time.Since(start).Round(time.Millisecond))
}

func TestStoreOutageLosesNoUpdate(t *testing.T) {
	const n = 200
	api := newBacklog(t, n)
	h, _, _ := newHandler(t)
	state := &memState{done: map[int]bool{}, failClaims: 100}
	stop := startPoller(botClient(t, api.URL, "123:abc"), h, state, 8)
	defer stop()
	api.WaitFor("the backlog answered", func() bool { total, _ := answered(api); return total >= n })
	total, twice := answered(api)
	if total != n || len(twice) != 0 {
		t.Errorf("after 100 failed claims: answered %d of %d updates; more than once: %v", total, n, twice)
	}
}

// TestDefaultRetryOutlivesHalfAMinute: a reply's last try comes at least 30 s after its first, the
// jitter drawn at its lowest, so a half-minute outage of the Bot API loses no reply.
func TestDefaultRetryOutlivesHalfAMinute(t *testing.T) {
	if got := shortestRetrySpan(DefaultRetry()); got < 30*time.Second {
		t.Errorf("the last try can come %v after the first, want at least 30s", got)
	}
}

// shortestRetrySpan is the least time between a request's first and last try under p: the sum of the
// waits before each try after the first, each at its lowest.
func shortestRetrySpan(p backoff.Policy) time.Duration {
	lowest := p
	lowest.Jitter = 0
	var span time.Duration
	for attempt := 0; p.Allows(attempt + 1); attempt++ {
		d := lowest.Delay(attempt)
		span += d - time.Duration(float64(d)*p.Jitter)
	}
	return span
}

// TestAPIDownLosesNoUpdate takes the Bot API down in the middle of a backlog for as long as the sender's
// retries last at the least: every update is answered once after it comes back, and no more than one
// poll's worth of updates waits in memory meanwhile. The policies are the defaults a hundred times
// faster (TestDefaultRetryOutlivesHalfAMinute: at full speed, an outage of half a minute).
func TestAPIDownLosesNoUpdate(t *testing.T) {
	const n = 300
	api := newBacklog(t, n)
	h, _, _ := newHandler(t)
	stop := startPoller(botClient(t, api.URL, "123:abc"), h, &memState{done: map[int]bool{}}, 8)
	defer stop()
	api.WaitFor("50 chats answered", func() bool { total, _ := answered(api); return total >= 50 })
	outage := shortestRetrySpan(fastRetry())
	api.DownFor(outage)
	back := time.Now().Add(outage)
	waiting := 0
	api.WaitFor("the backlog answered after the outage", func() bool {
		total, _ := answered(api)
		waiting = max(waiting, api.HandedOut()-total)
		return total >= n
	})
	total, twice := answered(api)
	if total != n || len(twice) != 0 {
		t.Errorf("after a %v outage: answered %d of %d updates; more than once: %v", outage, total, n, twice)
	}
	if waiting > 100+n/10 { // one poll of 100, and the duplicate deliveries among them
		t.Errorf("%d updates waited in memory at once, want at most one poll's worth", waiting)
	}
	t.Logf("all %d answered %v after a %v outage ended; at most %d waited at once", n, time.Since(back).Round(time.Millisecond), outage, waiting)
}

// TestSlowChatDoesNotBlockOthers: one chat's reply hangs; every other chat is answered meanwhile, and a
// shutdown waits for the reply in flight.
func TestSlowChatDoesNotBlockOthers(t *testing.T) {
	api := newBacklog(t, 40)
	release := api.HoldChat(1)
	defer release()
	h, _, _ := newHandler(t)
	stop := startPoller(botClient(t, api.URL, "123:abc"), h, &memState{done: map[int]bool{}}, 4)
	api.WaitFor("the 39 other chats answered", func() bool { total, _ := answered(api); return total >= 39 })
	if n := len(api.Texts(1)); n != 0 {
		t.Fatalf("the held chat got %d replies before its release", n)
	}
	stopped := make(chan struct{})
	go func() { stop(); close(stopped) }()
	select {
	case <-stopped:
		t.Error("shutdown did not wait for the slow chat's reply in flight")
	case <-time.After(50 * time.Millisecond):
	}
	release()
	<-stopped
	if total, twice := answered(api); total != 40 || len(twice) != 0 {
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

// startPoller polls client, with the default policies made fast, until the returned stop is called;
// stop returns once the replies in flight are finished.
func startPoller(client *Client, h *Handler, state State, workers int) (stop func()) {
	p := NewPoller(client, h, NewSender(client, SenderOptions{Retry: fastRetry()}), state, PollerOptions{Workers: workers, Retry: fastPollRetry()})
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
	api := newBacklog(t, 3)
	h, _, _ := newHandler(t)
	client := botClient(t, api.URL, "123:abc")
	p := NewPoller(client, h, NewSender(client, SenderOptions{Retry: DefaultRetry()}), &hungState{memState{done: map[int]bool{}}},
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
	if total, _ := answered(api); total != 0 {
		t.Errorf("%d updates answered without a claim", total)
	}
}
