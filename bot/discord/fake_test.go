package discord

import (
	"context"
	"sync"
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
