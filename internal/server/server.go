// Package server owns faqbot serve's one HTTP listener: liveness, readiness, Prometheus metrics, the
// admin reload route, and the routes that adapters mount (webhooks), with timeouts, a request body
// limit and graceful shutdown.
package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/http/pprof"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Options configure a Server.
type Options struct {
	ReadTimeout, WriteTimeout, IdleTimeout, ShutdownTimeout time.Duration
	MaxBodyBytes                                            int64
	Gatherer                                                prometheus.Gatherer // what /metrics serves
	AdminToken                                              string              // empty disables /admin routes
	Reload                                                  func(context.Context) error
	Log                                                     *slog.Logger
}

// Check is one readiness condition: nil when ready.
type Check func(ctx context.Context) error

// Server is the HTTP side of faqbot serve.
type Server struct {
	opts   Options
	mux    *http.ServeMux
	mu     sync.Mutex
	checks map[string]Check
}

// New builds a server with /healthz, /readyz, /metrics and, when an admin token is set, POST
// /admin/reload and the Go profiler under /debug/pprof/ (both need the token).
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{opts: opts, mux: http.NewServeMux(), checks: map[string]Check{}}
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.mux.HandleFunc("GET /readyz", s.readyz)
	if opts.Gatherer != nil {
		s.mux.Handle("GET /metrics", promhttp.HandlerFor(opts.Gatherer, promhttp.HandlerOpts{}))
	}
	if opts.AdminToken != "" && opts.Reload != nil {
		s.mux.HandleFunc("POST /admin/reload", s.admin(s.adminReload))
	}
	if opts.AdminToken != "" {
		s.mux.HandleFunc("GET /debug/pprof/", s.admin(pprof.Index))
		s.mux.HandleFunc("GET /debug/pprof/profile", s.admin(pprof.Profile))
		s.mux.HandleFunc("GET /debug/pprof/trace", s.admin(pprof.Trace))
	}
	return s
}

// admin lets through requests that carry the admin token (Authorization: Bearer ...).
func (s *Server) admin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		const prefix = "Bearer "
		got := r.Header.Get("Authorization")
		if len(got) <= len(prefix) || subtle.ConstantTimeCompare([]byte(got[len(prefix):]), []byte(s.opts.AdminToken)) != 1 {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
			return
		}
		next(w, r)
	}
}

// Handle mounts an adapter's route (a webhook) on the listener.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// AddCheck adds a readiness condition under a name (knowledge, store, an adapter).
func (s *Server) AddCheck(name string, c Check) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checks[name] = c
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	checks := maps.Clone(s.checks)
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	status, code := map[string]string{}, http.StatusOK
	for name, c := range checks {
		if err := c(ctx); err != nil {
			status[name], code = err.Error(), http.StatusServiceUnavailable
		} else {
			status[name] = "ok"
		}
	}
	writeJSON(w, code, status)
}

func (s *Server) adminReload(w http.ResponseWriter, r *http.Request) {
	if err := s.opts.Reload(r.Context()); err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "reloaded"})
}

// Serve answers on ln until ctx ends, then stops taking requests and waits, at most ShutdownTimeout,
// for those in flight.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:      http.MaxBytesHandler(s.mux, s.opts.MaxBodyBytes),
		ReadTimeout:  s.opts.ReadTimeout,
		WriteTimeout: s.opts.WriteTimeout,
		IdleTimeout:  s.opts.IdleTimeout,
		ErrorLog:     slog.NewLogLogger(s.opts.Log.Handler(), slog.LevelWarn),
		BaseContext:  func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.opts.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("http shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("http: %w", err)
	}
	return nil
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}
