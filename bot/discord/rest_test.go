package discord

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/internal/backoff"
	"github.com/faqbot/faqbot/internal/discordtest"
)

// TestRESTRetries: 5xx answers are tried again within the policy's tries, a 429 waits what Discord asks
// (the fake asks 50 ms) unless that is longer than the policy's Max, and a 4xx is final.
func TestRESTRetries(t *testing.T) {
	t.Parallel()
	fast := backoff.Policy{MaxAttempts: 6, Base: time.Millisecond, Max: time.Second}
	tests := []struct {
		name      string
		retry     backoff.Policy
		statuses  []int // the first calls' answers; success after them
		wantErr   bool
		wantCalls int
		atLeast   time.Duration
	}{
		{"5xx then sent", fast, []int{500, 502, 503, 500, 500}, false, 6, 0},
		{"5xx past the tries", fast, []int{500, 500, 500, 500, 500, 500}, true, 6, 0},
		{"429 waits retry_after", fast, []int{429}, false, 2, 50 * time.Millisecond},
		{"429 longer than Max gives up", backoff.Policy{MaxAttempts: 6, Base: time.Millisecond, Max: 10 * time.Millisecond}, []int{429}, true, 1, 0},
		{"4xx is final", fast, []int{400}, true, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := discordtest.New(t)
			s, err := NewSession("test-token", f.URL())
			if err != nil {
				t.Fatal(err)
			}
			f.FailNext("/channels/c1/", tt.statuses...)
			start := time.Now()
			err = NewREST(s, RESTOptions{Retry: tt.retry}).Send(context.Background(), "c1", &discordgo.MessageSend{Content: "x"})
			if (err != nil) != tt.wantErr {
				t.Errorf("got %v, want an error: %v", err, tt.wantErr)
			}
			if took := time.Since(start); took < tt.atLeast {
				t.Errorf("took %v, want at least %v", took, tt.atLeast)
			}
			calls := discordtest.Matching(f.WaitFor("", func([]discordtest.Call) bool { return true }), "POST", "/channels/c1/", "/messages")
			if len(calls) != tt.wantCalls {
				t.Errorf("%d calls, want %d", len(calls), tt.wantCalls)
			}
		})
	}
}

// TestRESTStopsWaitingWithItsContext: a call waiting to try again ends when its context does, saying so.
func TestRESTStopsWaitingWithItsContext(t *testing.T) {
	t.Parallel()
	f := discordtest.New(t)
	s, err := NewSession("test-token", f.URL())
	if err != nil {
		t.Fatal(err)
	}
	f.FailNext("/channels/c1/", 500)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err = NewREST(s, RESTOptions{Retry: backoff.Policy{Base: time.Hour}}).Send(ctx, "c1", &discordgo.MessageSend{Content: "x"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the deadline", err)
	}
}

func TestDefaultRetryFillsUnsetBounds(t *testing.T) {
	got := withDefaults(backoff.Policy{Base: 10 * time.Millisecond})
	want := backoff.Policy{MaxAttempts: 6, Base: 10 * time.Millisecond, Max: 30 * time.Second}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
