package telegram

import (
	"testing"
	"time"
)

// BenchmarkPollingFakeAPI is one update through polling against an httptest Bot API: fetched, answered
// by the engine, rendered and sent, its offset and mark saved.
func BenchmarkPollingFakeAPI(b *testing.B) {
	api := newBacklog(b, b.N)
	h, _, _ := newHandler(b)
	client := botClient(b, api.URL, "123:abc")
	b.ResetTimer()
	stop := startPoller(client, h, &memState{done: map[int]bool{}}, 8)
	for {
		if total, _ := answered(api); total >= b.N {
			break
		}
		time.Sleep(time.Millisecond)
	}
	b.StopTimer()
	stop()
}

// BenchmarkPollingEmulator is one patient message through the local Telegram emulator: sent by the
// simulated user, polled, answered and its reply stored by the emulator.
func BenchmarkPollingEmulator(b *testing.B) {
	e := startEmulator(b)
	h, _, _ := newHandler(b)
	defer startPoller(botClient(b, e.base, e.token), h, &memState{done: map[int]bool{}}, 8)()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.say(b, "what should I wear?")
	}
	e.replies(b, b.N)
}
