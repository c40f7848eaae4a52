package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/telegram"
	"github.com/faqbot/faqbot/bot/web"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/reload"
	"github.com/faqbot/faqbot/internal/server"
	"github.com/faqbot/faqbot/internal/store"
)

// Main is the service serve runs: the configuration, its logger and metrics, the engine over the
// knowledge (reloaded when it changes), the store, the HTTP server and the platform adapters. Open
// builds it and listens, Run serves until its context ends, Close releases what Open built. Tests run
// it on ":0" and ask Addr where it listens.
type Main struct {
	cfg    config.Config
	stderr io.Writer

	log      *slog.Logger
	reg      *prometheus.Registry
	metrics  *bot.Metrics
	live     *reload.Engine
	store    *store.Store
	answers  *store.Recorder
	srv      *server.Server
	ln       net.Listener
	served   bool           // Run served ln, which closes it
	adapters sync.WaitGroup // the adapters' work in flight
	status   []any          // what serves, for the "faqbot serving" line
	closers  []func()       // what Open built, closed last first
	wait     func()         // waits for the Discord adapter's deferred answers
}

// NewMain is a service of cfg, logging to stderr; nothing runs before Open.
func NewMain(cfg config.Config, stderr io.Writer) *Main {
	return &Main{cfg: cfg, stderr: stderr, wait: func() {}}
}

// Open builds the service and listens on its address; the adapters start on ctx and stop with it.
func (m *Main) Open(ctx context.Context) error {
	if err := m.openCore(ctx); err != nil {
		return err
	}
	if err := m.openServer(ctx); err != nil {
		return err
	}
	if err := watchKnowledge(ctx, m.cfg, m.live, m.log); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", m.cfg.HTTP.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", m.cfg.HTTP.Addr, err)
	}
	m.ln = ln
	return m.startAdapters(ctx)
}

// openCore builds the logger, the metrics, the engine, the store and the recorder of answers.
func (m *Main) openCore(ctx context.Context) error {
	var err error
	if m.log, err = newLogger(m.cfg.Log, m.stderr); err != nil {
		return err
	}
	if m.cfg.Log.Text {
		m.log.Warn("log.text is on: patients' message text will be written to the logs")
	}
	m.reg = prometheus.NewRegistry()
	m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if m.metrics, err = bot.NewMetrics(m.reg); err != nil {
		return err
	}
	builder, err := engineBuilder(m.cfg, m.metrics, m.log)
	if err != nil {
		return err
	}
	if m.live, err = reload.New(ctx, builder, reload.Options{Metrics: m.reg, Log: m.log}); err != nil {
		return err
	}
	m.closers = append(m.closers, func() { _ = m.live.Close() })
	if m.store, err = store.Open(ctx, m.cfg.Store.DSN, storeOptions(m.cfg.Store, m.log)); err != nil {
		return err
	}
	m.closers = append(m.closers, func() { _ = m.store.Close() })
	m.answers = store.NewRecorder(m.live, m.store, store.RecorderOptions{Log: m.log})
	m.closers = append(m.closers, m.answers.Close) // before the store closes: writes the queued decisions
	return nil
}

// openServer builds the HTTP server: health, readiness, metrics, admin reload and the JSON API.
func (m *Main) openServer(context.Context) error {
	c := m.cfg.HTTP
	m.srv = server.New(server.Options{
		ReadTimeout: c.ReadTimeout, ReadHeaderTimeout: c.ReadHeaderTimeout, WriteTimeout: c.WriteTimeout,
		IdleTimeout: c.IdleTimeout, ShutdownTimeout: c.ShutdownTimeout, MaxBodyBytes: c.MaxBodyBytes, MaxConnections: c.MaxConnections,
		Gatherer: m.reg, AdminToken: string(m.cfg.AdminToken), Reload: m.live.Reload, Log: m.log,
	})
	m.srv.AddCheck("knowledge", func(context.Context) error {
		if m.live.Entries() == 0 {
			return errors.New("no knowledge entries")
		}
		return nil
	})
	m.srv.AddCheck("store", m.store.Ping)
	return nil
}

// startAdapters starts Telegram, the JSON API and Discord, as configured.
func (m *Main) startAdapters(ctx context.Context) error {
	panics, err := guard.New(guard.Options{Metrics: m.reg, Log: m.log}) // one per registry, shared by the adapters
	if err != nil {
		return err
	}
	eng := liveEngine{rec: m.answers, live: m.live, metrics: m.metrics}
	telegramStatus := "off: not configured"
	if m.cfg.Telegram.Token != "" {
		tm, err := telegram.NewMetrics(m.reg)
		if err != nil {
			return err
		}
		startTelegram(ctx, m.cfg.Telegram, telegramDeps{eng: eng, store: m.store, srv: m.srv, metrics: tm, panics: panics, log: m.log}, &m.adapters)
		telegramStatus = m.cfg.Telegram.Mode
	}
	if m.cfg.HTTP.API {
		api := web.New(m.answers, eng.vote("web"), web.Options{Timeout: m.cfg.HTTP.AnswerTimeout,
			Rate: m.cfg.HTTP.APIRate, Burst: m.cfg.HTTP.APIBurst, Panics: panics})
		for _, route := range api.Routes() {
			m.srv.Handle(route, web.MaxRequestBytes, api)
		}
	}
	discordStatus, wait, err := startDiscord(ctx, m.cfg.Discord, discordDeps{eng: eng, store: m.store, srv: m.srv, reg: m.reg,
		timeout: m.cfg.HTTP.AnswerTimeout, log: m.log, panics: panics}, &m.adapters)
	if err != nil {
		return err
	}
	m.wait = wait
	m.status = []any{"telegram", telegramStatus, "discord", discordStatus}
	return nil
}

// Addr is where the service listens, once Open has returned.
func (m *Main) Addr() string { return m.ln.Addr().String() }

// Run serves until ctx ends, then shuts the server down and waits for the adapters' replies in flight.
func (m *Main) Run(ctx context.Context) error {
	m.log.Info("faqbot serving", append([]any{"addr", m.Addr(), "entries", m.live.Entries(),
		"knowledge", knowledgeName(m.cfg.Knowledge), "store", storeKind(m.cfg.Store.DSN), "api", m.cfg.HTTP.API,
		"admin_reload", m.cfg.AdminToken != ""}, m.status...)...)
	m.served = true
	err := m.srv.Serve(ctx, m.ln)
	m.adapters.Wait() // replies in flight finish before the store closes
	m.wait()
	m.log.Info("faqbot stopped")
	return err
}

// Close releases what Open built, the last built first; a listener Run never served is closed.
func (m *Main) Close() {
	if m.ln != nil && !m.served {
		_ = m.ln.Close()
	}
	for i := len(m.closers) - 1; i >= 0; i-- {
		m.closers[i]()
	}
	m.closers = nil
}
