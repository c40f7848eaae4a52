package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// errClosed is returned for a write asked of a closed store.
var errClosed = errors.New("store closed")

// writer commits small writes in groups: a write waits for the transaction that carries it, and the
// writes that arrive while one transaction commits share the next. Idle, a write commits alone at once;
// under load, one commit (one WAL sync, one lock round) serves many writes. A write that fails rolls back
// its group, whose writes are then committed one by one so that only the failing one fails.
type writer struct {
	db   *sql.DB
	ops  chan *write
	quit chan struct{}
	done chan struct{}
	stop sync.Once
}

type write struct {
	run    func(ctx context.Context, tx *sql.Tx) error
	result chan error
}

const maxGroup = 256

func newWriter(db *sql.DB) *writer {
	w := &writer{db: db, ops: make(chan *write), quit: make(chan struct{}), done: make(chan struct{})}
	go w.loop()
	return w
}

// do runs one write in a group commit and returns its outcome. Once handed over, the write is carried
// out even if ctx ends, so that its caller's view and the database agree.
func (w *writer) do(ctx context.Context, run func(ctx context.Context, tx *sql.Tx) error) error {
	op := &write{run: run, result: make(chan error, 1)}
	select {
	case w.ops <- op:
	case <-w.quit:
		return errClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-op.result
}

func (w *writer) close() {
	w.stop.Do(func() { close(w.quit) })
	<-w.done
}

func (w *writer) loop() {
	defer close(w.done)
	for {
		var group []*write
		select {
		case op := <-w.ops:
			group = append(group, op)
		case <-w.quit:
			return
		}
	gather:
		for len(group) < maxGroup {
			select {
			case op := <-w.ops:
				group = append(group, op)
			default:
				break gather
			}
		}
		w.commit(group)
	}
}

// commit runs a group in one transaction; if that fails, each write alone.
func (w *writer) commit(group []*write) {
	ctx := context.Background()
	if err := w.transaction(ctx, group); err == nil || len(group) == 1 {
		for _, op := range group {
			op.result <- err
		}
		return
	}
	for _, op := range group {
		op.result <- w.transaction(ctx, []*write{op})
	}
}

func (w *writer) transaction(ctx context.Context, group []*write) error {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	for _, op := range group {
		if err := op.run(ctx, tx); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
