package backoff

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"
)

func TestDelay(t *testing.T) {
	const ms = time.Millisecond
	tests := []struct {
		name     string
		p        Policy
		attempt  int
		min, max time.Duration
	}{
		{"zero policy waits nothing", Policy{}, 3, 0, 0},
		{"first wait is Base", Policy{Base: 100 * ms}, 0, 100 * ms, 100 * ms},
		{"doubles by default", Policy{Base: 100 * ms}, 3, 800 * ms, 800 * ms},
		{"factor", Policy{Base: 100 * ms, Factor: 3}, 2, 900 * ms, 900 * ms},
		{"factor 1 is constant", Policy{Base: 100 * ms, Factor: 1}, 40, 100 * ms, 100 * ms},
		{"linear", Policy{Base: 10 * ms, Linear: true}, 4, 50 * ms, 50 * ms},
		{"linear capped", Policy{Base: 10 * ms, Max: 35 * ms, Linear: true}, 4, 35 * ms, 35 * ms},
		{"capped at Max", Policy{Base: 500 * ms, Max: 15 * time.Second}, 7, 15 * time.Second, 15 * time.Second},
		{"negative attempt is the first", Policy{Base: 100 * ms}, -5, 100 * ms, 100 * ms},
		{"jitter stays within its share", Policy{Base: time.Second, Jitter: 0.2}, 1, 1600 * ms, 2 * time.Second},
		{"half jitter", Policy{Base: 500 * ms, Max: 15 * time.Second, Jitter: 0.5}, 9, 7500 * ms, 15 * time.Second},
		{"jitter above 1 is 1", Policy{Base: time.Second, Jitter: 7}, 0, 0, time.Second},
		{"negative jitter is none", Policy{Base: time.Second, Jitter: -1}, 0, time.Second, time.Second},
		{"huge attempt does not overflow", Policy{Base: time.Second, Max: time.Minute}, math.MaxInt, time.Minute, time.Minute},
		{"huge attempt without Max", Policy{Base: time.Second}, 1 << 20, math.MaxInt64, math.MaxInt64},
		{"huge linear attempt", Policy{Base: time.Hour, Linear: true}, math.MaxInt, math.MaxInt64, math.MaxInt64},
		{"huge attempt, full jitter", Policy{Base: time.Second, Jitter: 1}, 1 << 20, 0, math.MaxInt64},
		{"huge factor", Policy{Base: time.Second, Max: time.Hour, Factor: math.MaxFloat64}, 2, time.Hour, time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 200 { // the jitter is drawn each time
				if got := tt.p.Delay(tt.attempt); got < tt.min || got > tt.max {
					t.Fatalf("Delay(%d) = %v, want between %v and %v", tt.attempt, got, tt.min, tt.max)
				}
			}
		})
	}
}

// TestJitterSpreads: jittered waits are not all the same, and reach both ends of their range.
func TestJitterSpreads(t *testing.T) {
	p := Policy{Base: 4, Jitter: 0.5} // 4 ns: a wait of 2, 3 or 4 ns
	seen := map[time.Duration]bool{}
	for range 1000 {
		seen[p.Delay(0)] = true
	}
	if len(seen) != 3 || !seen[2] || !seen[4] {
		t.Errorf("waits drawn %v, want 2, 3 and 4 ns", seen)
	}
}

func TestNextObeysRetryAfter(t *testing.T) {
	p := Policy{Base: time.Second, Max: 15 * time.Second, Jitter: 0.5}
	tests := []struct {
		name       string
		attempt    int
		retryAfter time.Duration
		min, max   time.Duration
	}{
		{"server's wait, exactly", 0, 7 * time.Second, 7 * time.Second, 7 * time.Second},
		{"server's wait below the backoff", 6, time.Second, time.Second, time.Second},
		{"server's wait above Max", 0, time.Minute, time.Minute, time.Minute},
		{"none given: the backoff", 2, 0, 2 * time.Second, 4 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Next(tt.attempt, tt.retryAfter); got < tt.min || got > tt.max {
				t.Errorf("Next(%d, %v) = %v, want between %v and %v", tt.attempt, tt.retryAfter, got, tt.min, tt.max)
			}
		})
	}
}

func TestAllows(t *testing.T) {
	tests := []struct {
		max, tries int
		want       bool
	}{{0, 1000, true}, {3, 2, true}, {3, 3, false}, {1, 1, false}, {1, 0, true}}
	for _, tt := range tests {
		if got := (Policy{MaxAttempts: tt.max}).Allows(tt.tries); got != tt.want {
			t.Errorf("MaxAttempts %d, Allows(%d) = %v, want %v", tt.max, tt.tries, got, tt.want)
		}
	}
}

func TestWait(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		p       Policy
		want    error
		longest time.Duration
	}{
		{"waits the delay", context.Background(), Policy{Base: time.Millisecond}, nil, time.Second},
		{"a zero wait returns at once", context.Background(), Policy{}, nil, time.Second},
		{"cancelled before", cancelled, Policy{Base: time.Hour}, context.Canceled, time.Second},
		{"cancelled with a zero wait", cancelled, Policy{}, context.Canceled, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			if err := tt.p.Wait(tt.ctx, 0); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
			if took := time.Since(start); took > tt.longest {
				t.Errorf("took %v, want under %v", took, tt.longest)
			}
		})
	}
}

func TestWaitEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := (Policy{Base: time.Hour}).Wait(ctx, 0); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want %v", err, context.DeadlineExceeded)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("an hour's wait cancelled after 20ms took %v", took)
	}
}

func TestDo(t *testing.T) {
	errBusy, errBad := errors.New("busy"), errors.New("bad")
	tests := []struct {
		name      string
		p         Policy
		fails     []error // what the tries return, in order; nil after them
		want      error
		wantTries int
		wantWaits []time.Duration
	}{
		{"first try", Policy{Base: time.Millisecond}, nil, nil, 1, nil},
		{"after failures", Policy{Base: time.Microsecond}, []error{errBusy, errBusy}, nil, 3, []time.Duration{time.Microsecond, 2 * time.Microsecond}},
		{"gives up after MaxAttempts", Policy{Base: time.Microsecond, MaxAttempts: 3}, []error{errBusy, errBusy, errBusy, errBusy}, errBusy, 3,
			[]time.Duration{time.Microsecond, 2 * time.Microsecond}},
		{"permanent at once", Policy{Base: time.Microsecond}, []error{errBusy, Permanent(errBad)}, errBad, 2, []time.Duration{time.Microsecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tries := 0
			var waits []time.Duration
			err := tt.p.Do(context.Background(), func() error {
				tries++
				if tries <= len(tt.fails) {
					return tt.fails[tries-1]
				}
				return nil
			}, func(_ error, attempt int, wait time.Duration) {
				if attempt != len(waits) {
					t.Errorf("attempt %d told after %d waits", attempt, len(waits))
				}
				waits = append(waits, wait)
			})
			if err != tt.want { // a Permanent error comes back unwrapped
				t.Errorf("got %v, want %v", err, tt.want)
			}
			if tries != tt.wantTries || len(waits) != len(tt.wantWaits) {
				t.Fatalf("%d tries, waits %v; want %d tries, waits %v", tries, waits, tt.wantTries, tt.wantWaits)
			}
			for i := range waits {
				if waits[i] != tt.wantWaits[i] {
					t.Errorf("waits %v, want %v", waits, tt.wantWaits)
				}
			}
		})
	}
}

func TestDoStopsWhenItsContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	tries := 0
	err := Policy{Base: time.Hour}.Do(ctx, func() error {
		tries++
		cancel()
		return errors.New("down")
	}, nil)
	if !errors.Is(err, context.Canceled) || tries != 1 {
		t.Errorf("got %v after %d tries, want %v after 1", err, tries, context.Canceled)
	}
}

func TestPermanentOfNilIsNil(t *testing.T) {
	if err := Permanent(nil); err != nil {
		t.Errorf("got %v, want nil", err)
	}
}
