// Package reload owns hot reload of the knowledge: it builds a new answer engine beside the one
// serving, swaps it in atomically, and retires the old one once its questions in flight are answered.
// A knowledge change that does not load keeps the old engine serving.
package reload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/faqbot/faqbot/bot"
)

// Built is one generation of the engine and what must be closed when it retires.
type Built struct {
	Engine  *bot.Engine
	Closer  io.Closer
	Entries int
	// Stale marks an engine over knowledge older than what is on disk (a saved index served while the
	// current one is built): New serves it and reloads at once, in the background.
	Stale bool
}

// Builder loads the knowledge and builds an engine over it.
type Builder func(ctx context.Context) (Built, error)

// generation is an engine in service. Questions hold its read lock while they are answered; retiring
// takes the write lock, so it waits for them.
type generation struct {
	Built
	mu      sync.RWMutex
	retired bool
}

// Engine answers with the newest engine that loaded.
type Engine struct {
	build   Builder
	log     *slog.Logger
	current atomic.Pointer[generation]
	mu      sync.Mutex // one reload at a time
	metrics *metrics
}

type metrics struct {
	reloads  *prometheus.CounterVec
	entries  prometheus.Gauge
	duration prometheus.Histogram
}

// Options configure an Engine. Zero fields mean: keep no metrics, log nothing.
type Options struct {
	Metrics prometheus.Registerer
	Log     *slog.Logger
}

// New builds the first engine; when it is stale, New returns with it and a reload builds the current one
// in the background, until ctx ends.
func New(ctx context.Context, build Builder, o Options) (*Engine, error) {
	reg, log := o.Metrics, o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &Engine{build: build, log: log}
	if reg != nil {
		m, err := newMetrics(reg)
		if err != nil {
			return nil, err
		}
		e.metrics = m
	}
	b, err := build(ctx)
	if err != nil {
		return nil, fmt.Errorf("load knowledge: %w", err)
	}
	e.install(b)
	if b.Stale {
		e.log.Info("serving the index saved before; building the current knowledge's index in the background")
		go func() { _ = e.Reload(ctx) }()
	}
	return e, nil
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_knowledge_reloads_total", Help: "Knowledge reloads, by result (ok, failed).",
		}, []string{"result"}),
		entries: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "faqbot_knowledge_entries", Help: "Knowledge entries serving now, all languages.",
		}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "faqbot_knowledge_reload_seconds", Help: "Time to load and index the knowledge.",
			Buckets: prometheus.ExponentialBuckets(0.01, 2, 12),
		}),
	}
	for _, c := range []prometheus.Collector{m.reloads, m.entries, m.duration} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Answer answers with the current engine. A question never fails because a reload swapped engines
// while it was being answered: it finishes on the engine it started with.
func (e *Engine) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	for {
		g := e.current.Load()
		g.mu.RLock()
		if g.retired {
			g.mu.RUnlock()
			continue // swapped and retired between Load and RLock: take the new one
		}
		a, err := g.Engine.Answer(ctx, q)
		g.mu.RUnlock()
		return a, err
	}
}

// Topics lists the topics of the knowledge serving now.
func (e *Engine) Topics(lang string) []bot.Topic { return e.current.Load().Engine.Topics(lang) }

// Topic answers with one entry of the knowledge serving now, by id.
func (e *Engine) Topic(id, lang string) (bot.Answer, bool) {
	return e.current.Load().Engine.Topic(id, lang)
}

// Entries is the number of entries of the knowledge serving now.
func (e *Engine) Entries() int { return e.current.Load().Entries }

// Reload builds a new engine and swaps it in. On failure the old engine keeps serving and the error
// says why.
func (e *Engine) Reload(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	b, err := e.build(ctx)
	took := time.Since(start)
	if e.metrics != nil {
		e.metrics.duration.Observe(took.Seconds())
	}
	if err != nil {
		e.count("failed")
		e.log.Error("knowledge reload failed; the previous knowledge keeps serving", "err", err)
		return fmt.Errorf("reload: %w", err)
	}
	old := e.install(b)
	e.count("ok")
	e.log.Info("knowledge reloaded", "entries", b.Entries, "took", took.Round(time.Millisecond))
	go e.retire(old)
	return nil
}

func (e *Engine) install(b Built) *generation {
	old := e.current.Swap(&generation{Built: b})
	if e.metrics != nil {
		e.metrics.entries.Set(float64(b.Entries))
	}
	return old
}

func (e *Engine) count(result string) {
	if e.metrics != nil {
		e.metrics.reloads.WithLabelValues(result).Inc()
	}
}

// retire waits for the questions a generation is answering, then closes it.
func (e *Engine) retire(g *generation) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.retired = true
	if g.Closer != nil {
		if err := g.Closer.Close(); err != nil {
			e.log.Warn("closing retired knowledge", "err", err)
		}
	}
}

// Close retires the current engine; no question may be asked after.
func (e *Engine) Close() error {
	e.mu.Lock() // a reload in progress finishes (or fails on its cancelled context) first
	defer e.mu.Unlock()
	g := e.current.Load()
	if g == nil {
		return errors.New("reload: not started")
	}
	e.retire(g)
	return nil
}
