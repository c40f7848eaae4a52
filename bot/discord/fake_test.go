package discord

import (
	"context"
	"sync"
)

// memoryDedupe is the store's processed-updates table in memory.
type memoryDedupe struct {
	mu   sync.Mutex
	seen map[int64]bool
}

func (m *memoryDedupe) MarkProcessed(_ context.Context, _ string, id int64) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen == nil {
		m.seen = map[int64]bool{}
	}
	if m.seen[id] {
		return false, nil
	}
	m.seen[id] = true
	return true, nil
}

func (m *memoryDedupe) Unmark(_ context.Context, _ string, id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.seen, id)
	return nil
}
