// Package guard recovers panics at the boundaries where outside input enters faqbot (a Telegram update,
// a Discord event, an HTTP request, a line of a batch), so that one bad input costs one reply, never the
// process. A recovered panic is logged with its stack, never with the input, and counted.
package guard

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/prometheus/client_golang/prometheus"
)

// ErrPanic marks the error Call returns when the function it ran panicked.
var ErrPanic = errors.New("panic while handling input")

// Panics recovers and counts panics by adapter. A nil *Panics still recovers; it logs and counts nothing.
type Panics struct {
	count *prometheus.CounterVec
	log   *slog.Logger
}

// Options configure Panics. Nil fields mean: count nothing, log nothing.
type Options struct {
	Metrics prometheus.Registerer
	Log     *slog.Logger
}

// New makes a Panics that counts in faqbot_panics_total{adapter} of opts.Metrics, registering it there
// once: every Panics made on one registry shares the counter.
func New(opts Options) (*Panics, error) {
	p := &Panics{log: opts.Log}
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	if opts.Metrics != nil {
		p.count = prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_panics_total",
			Help: "Panics recovered while handling one input, by adapter (telegram, discord, web, cli).",
		}, []string{"adapter"})
		if err := opts.Metrics.Register(p.count); err != nil {
			var dup prometheus.AlreadyRegisteredError
			if !errors.As(err, &dup) {
				return nil, fmt.Errorf("panic metrics: %w", err)
			}
			p.count = dup.ExistingCollector.(*prometheus.CounterVec) // one counter shared by every adapter
		}
	}
	return p, nil
}

// Call runs fn and returns its error; if fn panics, Call recovers, logs the panic value's type and the
// stack (never the input that caused it), counts it under adapter, and returns an error wrapping
// ErrPanic. The panic value itself is not logged: it may quote the input.
func (p *Panics) Call(adapter string, fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			p.record(adapter, v)
			err = fmt.Errorf("%s: %w (%T)", adapter, ErrPanic, v)
		}
	}()
	return fn()
}

// Go runs fn like Call, for work that returns nothing (a goroutine's body, an event handler).
func (p *Panics) Go(adapter string, fn func()) {
	_ = p.Call(adapter, func() error { fn(); return nil })
}

func (p *Panics) record(adapter string, v any) {
	if p == nil {
		return
	}
	if p.count != nil {
		p.count.WithLabelValues(adapter).Inc()
	}
	p.log.Error("recovered a panic while handling one input; the input was dropped",
		"adapter", adapter, "panic_type", fmt.Sprintf("%T", v), "stack", string(debug.Stack()))
}
