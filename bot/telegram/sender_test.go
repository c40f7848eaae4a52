package telegram

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// fakeAPI is an httptest server speaking the Bot API's wire format. fail decides, per sendMessage call
// (counted from 1), what goes wrong; nil answers normally.
type fakeAPI struct {
	srv   *httptest.Server
	calls atomic.Int64
	fail  func(call int64, w http.ResponseWriter) bool
	mu    sync.Mutex
	texts []string
}

func newFakeAPI(t *testing.T, fail func(call int64, w http.ResponseWriter) bool) *fakeAPI {
	f := &fakeAPI{fail: fail}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasSuffix(r.URL.Path, "/getMe"):
			_, _ = w.Write([]byte(`{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"FAQ","username":"ClinicFAQBot"}}`))
		case strings.HasSuffix(r.URL.Path, "/sendMessage"):
			n := f.calls.Add(1)
			if f.fail != nil && f.fail(n, w) {
				return
			}
			_ = r.ParseForm()
			f.mu.Lock()
			f.texts = append(f.texts, r.PostForm.Get("text"))
			f.mu.Unlock()
			_, _ = w.Write([]byte(`{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":7,"type":"private"}}}`))
		default:
			w.WriteHeader(404)
			_, _ = w.Write([]byte(`{"ok":false,"error_code":404,"description":"Not Found"}`))
		}
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) client(t *testing.T, timeout time.Duration) *Client {
	t.Helper()
	api, err := NewClient("123:abc", f.srv.URL+"/bot%s/%s", &http.Client{Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	return api
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

func newSender(t *testing.T, f *fakeAPI, timeout time.Duration) (*Sender, *sleeps) {
	s := NewSender(f.client(t, timeout), Limits{}, Retry{Attempts: 4, Base: 100 * time.Millisecond, Max: time.Second}, nil, nil)
	sl := &sleeps{}
	s.sleep = sl.sleep
	return s, sl
}

func TestSenderRetries(t *testing.T) {
	tests := []struct {
		name      string
		fail      func(n int64, w http.ResponseWriter) bool
		wantErr   error
		wantCalls int64
		check     func(t *testing.T, waits []time.Duration)
	}{
		{"429 honours retry_after", func(n int64, w http.ResponseWriter) bool {
			if n == 1 {
				w.WriteHeader(429)
				_, _ = w.Write([]byte(`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}`))
				return true
			}
			return false
		}, nil, 2, func(t *testing.T, waits []time.Duration) {
			if len(waits) != 1 || waits[0] != 7*time.Second {
				t.Errorf("waits %v, want [7s]", waits)
			}
		}},
		{"502 burst then success", func(n int64, w http.ResponseWriter) bool {
			if n <= 3 {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(502)
				_, _ = w.Write([]byte("<html>Bad Gateway</html>"))
				return true
			}
			return false
		}, nil, 4, func(t *testing.T, waits []time.Duration) {
			if len(waits) != 3 || waits[2] < waits[0] || waits[2] > time.Second {
				t.Errorf("backoff waits %v: want 3, growing, bounded by 1s", waits)
			}
		}},
		{"5xx forever gives up", func(n int64, w http.ResponseWriter) bool {
			w.WriteHeader(500)
			_, _ = w.Write([]byte(`{"ok":false,"error_code":500,"description":"Internal Server Error"}`))
			return true
		}, nil, 4, nil},
		{"403 blocked is not retried", func(n int64, w http.ResponseWriter) bool {
			w.WriteHeader(403)
			_, _ = w.Write([]byte(`{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}`))
			return true
		}, ErrBlocked, 1, nil},
		{"400 is not retried", func(n int64, w http.ResponseWriter) bool {
			w.WriteHeader(400)
			_, _ = w.Write([]byte(`{"ok":false,"error_code":400,"description":"Bad Request: message is too long"}`))
			return true
		}, nil, 1, nil},
		{"timeout then success", func(n int64, w http.ResponseWriter) bool {
			if n == 1 {
				time.Sleep(300 * time.Millisecond)
			}
			return false
		}, nil, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t, tt.fail)
			s, sl := newSender(t, f, 150*time.Millisecond)
			err := s.Send(context.Background(), 7, false, tgbotapi.NewMessage(7, "hello"))
			switch {
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Errorf("got %v, want %v", err, tt.wantErr)
			case tt.name == "5xx forever gives up" || tt.name == "400 is not retried":
				if err == nil {
					t.Errorf("got no error")
				}
			case tt.wantErr == nil && err != nil:
				t.Errorf("got %v", err)
			}
			if got := f.calls.Load(); got != tt.wantCalls {
				t.Errorf("sendMessage called %d times, want %d", got, tt.wantCalls)
			}
			if tt.check != nil {
				tt.check(t, sl.d)
			}
		})
	}
}

func TestSenderRateLimits(t *testing.T) {
	f := newFakeAPI(t, nil)
	s := NewSender(f.client(t, time.Second), Limits{Global: 1000, Chat: 20, Group: 0}, DefaultRetry(), nil, nil)
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
	f := newFakeAPI(t, func(n int64, w http.ResponseWriter) bool {
		if n == 1 {
			w.WriteHeader(429)
			_, _ = w.Write([]byte(`{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":1}}`))
			return true
		}
		return false
	})
	m, err := NewMetrics(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	s := NewSender(f.client(t, time.Second), Limits{}, DefaultRetry(), nil, m)
	s.sleep = (&sleeps{}).sleep
	if err := s.Send(context.Background(), 7, false, tgbotapi.NewMessage(7, "x")); err != nil {
		t.Fatal(err)
	}
	if got := testutil.ToFloat64(m.retries.WithLabelValues("429")); got != 1 {
		t.Errorf("429 retries counted: %v", got)
	}
	if got := testutil.ToFloat64(m.replies.WithLabelValues("sent")); got != 1 {
		t.Errorf("replies sent counted: %v", got)
	}
}
