package discord

import (
	"context"
	"sync"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/enginetest"
)

// memoryClaims is the store's claims in memory.
type memoryClaims struct {
	mu    sync.Mutex
	state map[string]string // id -> "claimed" or "done"
}

func (m *memoryClaims) Claim(_ context.Context, id string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.state == nil {
		m.state = map[string]string{}
	}
	if m.state[id] != "" {
		return false, nil
	}
	m.state[id] = "claimed"
	return true, nil
}

func (m *memoryClaims) Complete(_ context.Context, id string) error { return m.set(id, "done") }
func (m *memoryClaims) Release(_ context.Context, id string) error  { return m.set(id, "") }

func (m *memoryClaims) set(id, state string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if state == "" {
		delete(m.state, id)
	} else {
		m.state[id] = state
	}
	return nil
}

// topicEngine is an engine over the embedded knowledge with the ShowTopic the adapter needs; what the
// store records of a topic shown is tested with the store.
type topicEngine struct{ *bot.Engine }

func (e topicEngine) ShowTopic(_ context.Context, _, _, id, lang string) (bot.Answer, bool) {
	return e.Topic(id, lang)
}

// testEngine is an engine over the embedded knowledge, as the adapter sees it.
func testEngine(t testing.TB) engine {
	t.Helper()
	return topicEngine{enginetest.Shared(t)}
}
