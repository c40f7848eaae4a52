package telegram

import (
	"context"
	"net/http"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// BenchmarkPollingFakeAPI is one update through polling against an httptest Bot API: fetched, answered
// by the engine, rendered and sent, its offset and mark saved.
func BenchmarkPollingFakeAPI(b *testing.B) {
	api := newBacklogAPI(b, b.N)
	h, _, _ := newHandler(b)
	client, err := tgbotapi.NewBotAPIWithClient("123:abc", api.srv.URL+"/bot%s/%s", &http.Client{Timeout: 5 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	p := NewPoller(client, h, NewSender(client, Limits{}, DefaultRetry(), nil, nil), &memState{done: map[int]bool{}}, 8, nil)
	p.wait = 0
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	b.ResetTimer()
	go func() { done <- p.Run(ctx) }()
	for {
		if total, _ := api.answered(); total >= b.N {
			break
		}
		time.Sleep(time.Millisecond)
	}
	b.StopTimer()
	cancel()
	<-done
}

// BenchmarkPollingEmulator is one patient message through the local Telegram emulator: sent by the
// simulated user, polled, answered and its reply stored by the emulator.
func BenchmarkPollingEmulator(b *testing.B) {
	e := startEmulator(b)
	h, _, _ := newHandler(b)
	client, err := tgbotapi.NewBotAPIWithClient(e.token, e.base+"/bot%s/%s", &http.Client{Timeout: 5 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	p := NewPoller(client, h, NewSender(client, Limits{}, DefaultRetry(), nil, nil), &memState{done: map[int]bool{}}, 8, nil)
	p.wait = 0
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	defer func() { cancel(); <-done }()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.say(b, "what should I wear?")
	}
	e.replies(b, b.N)
}
