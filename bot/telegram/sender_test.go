package telegram

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/telegramtest"
)

// senderClient is a client of api whose requests time out after timeout.
func senderClient(t *testing.T, api *telegramtest.Fake, timeout time.Duration) *Client {
	t.Helper()
	client, err := NewClient("123:abc", api.Endpoint(), &http.Client{Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// sleeps records the waits a sender asks for instead of waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(_ context.Context, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.d = append(s.d, d)
	return nil
}

func newSender(t *testing.T, api *telegramtest.Fake, timeout time.Duration) (*Sender, *sleeps) {
	retry := backoff.Policy{MaxAttempts: 4, Base: 100 * time.Millisecond, Max: time.Second, Jitter: 0.5}
	s := NewSender(senderClient(t, api, timeout), SenderOptions{Retry: retry})
	sl := &sleeps{}
	s.sleep = sl.sleep
	return s, sl
}

func TestSenderRetries(t *testing.T) {
	tests := []struct {
		name      string
		inject    func(api *telegramtest.Fake)
		wantErr   bool
		wantIs    error
		wantCalls int
		check     func(t *testing.T, waits []time.Duration)
	}{
		{"429 honours retry_after", func(api *telegramtest.Fake) {
			api.FailNext("sendMessage", telegramtest.TooManyRequests(7))
		}, false, nil, 2, func(t *testing.T, waits []time.Duration) {
			if len(waits) != 1 || waits[0] != 7*time.Second {
				t.Errorf("waits %v, want [7s]", waits)
			}
		}},
		{"502 burst then success", func(api *telegramtest.Fake) {
			api.FailNext("sendMessage", telegramtest.BadGateway(), telegramtest.BadGateway(), telegramtest.BadGateway())
		}, false, nil, 4, func(t *testing.T, waits []time.Duration) {
			want := [][2]time.Duration{{50 * time.Millisecond, 100 * time.Millisecond}, {100 * time.Millisecond, 200 * time.Millisecond},
				{200 * time.Millisecond, 400 * time.Millisecond}}
			if len(waits) != len(want) {
				t.Fatalf("backoff waits %v, want %d", waits, len(want))
			}
			for i, w := range waits {
				if w < want[i][0] || w > want[i][1] {
					t.Errorf("wait %d: got %v, want between %v and %v", i, w, want[i][0], want[i][1])
				}
			}
		}},
		{"5xx forever gives up", func(api *telegramtest.Fake) {
			api.FailEvery(telegramtest.Error(500, "Internal Server Error"), "sendMessage")
		}, true, nil, 4, nil},
		{"403 blocked is not retried", func(api *telegramtest.Fake) {
			api.FailEvery(telegramtest.Error(403, "Forbidden: bot was blocked by the user"), "sendMessage")
		}, true, ErrBlocked, 1, nil},
		{"400 is not retried", func(api *telegramtest.Fake) {
			api.FailEvery(telegramtest.Error(400, "Bad Request: message is too long"), "sendMessage")
		}, true, nil, 1, nil},
		{"timeout then success", func(api *telegramtest.Fake) {
			api.FailNext("sendMessage", telegramtest.Hang())
		}, false, nil, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := telegramtest.New(t, telegramtest.Options{})
			tt.inject(api)
			s, sl := newSender(t, api, 100*time.Millisecond)
			err := s.Send(context.Background(), 7, false, tgbotapi.NewMessage(7, "hello"))
			if (err != nil) != tt.wantErr || (tt.wantIs != nil && !errors.Is(err, tt.wantIs)) {
				t.Errorf("got %v, want an error %v (%v)", err, tt.wantErr, tt.wantIs)
			}
			if got := len(api.Calls("sendMessage")); got != tt.wantCalls {
				t.Errorf("sendMessage called %d times, want %d", got, tt.wantCalls)
			}
			if tt.check != nil {
				tt.check(t, sl.d)
			}
		})
	}
}

func TestSenderRateLimits(t *testing.T) {
	api := telegramtest.New(t, telegramtest.Options{})
	s := NewSender(senderClient(t, api, time.Second), SenderOptions{Limits: Limits{Global: 1000, Chat: 20, Group: 0}, Retry: DefaultRetry()})
	start := time.Now()
	for i := 0; i < 8; i++ { // burst of 3, then 20/s: the last 5 take about 250 ms
		if err := s.Send(context.Background(), 7, false, tgbotapi.NewMessage(7, "x")); err != nil {
			t.Fatal(err)
		}
	}
	if took := time.Since(start); took < 200*time.Millisecond {
		t.Errorf("8 messages to one chat in %v: the per-chat limit was not applied", took)
	}
	start = time.Now()
	for i := int64(0); i < 50; i++ { // different chats do not wait for each other
		if err := s.Send(context.Background(), 1000+i, false, tgbotapi.NewMessage(1000+i, "x")); err != nil {
			t.Fatal(err)
		}
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("50 chats took %v: one chat's limit slowed the others", took)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Send(ctx, 7, false, tgbotapi.NewMessage(7, "x")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

func TestSenderMetrics(t *testing.T) {
	api := telegramtest.New(t, telegramtest.Options{})
	api.FailNext("sendMessage", telegramtest.TooManyRequests(1))
	reg := prometheus.NewRegistry()
	m, err := NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSender(senderClient(t, api, time.Second), SenderOptions{Retry: DefaultRetry(), Metrics: m})
	s.sleep = (&sleeps{}).sleep
	if err := s.Send(context.Background(), 7, false, tgbotapi.NewMessage(7, "x")); err != nil {
		t.Fatal(err)
	}
	want := `
		# HELP faqbot_telegram_retries_total Telegram requests retried, by reason (429, 5xx, network).
		# TYPE faqbot_telegram_retries_total counter
		faqbot_telegram_retries_total{reason="429"} 1
	`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "faqbot_telegram_retries_total"); err != nil {
		t.Error(err)
	}
	if n, err := testutil.GatherAndCount(reg, "faqbot_telegram_replies_total"); err != nil || n != 1 {
		t.Errorf("replies counted: %d series, %v", n, err)
	}
}
