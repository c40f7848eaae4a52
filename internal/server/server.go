// Package server owns faqbot serve's one HTTP listener: liveness, readiness, Prometheus metrics, the
// admin reload route, and the routes that adapters mount (webhooks), with timeouts, a body limit per
// route, a cap on open connections and graceful shutdown.
package server

import (
	"context"
	"crypto/sha256"
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
	// ReadTimeout bounds reading a whole request, body included, from its first byte: a sender that
	// stalls is cut then. ReadHeaderTimeout bounds the headers alone (zero: ReadTimeout).
	ReadTimeout, ReadHeaderTimeout             time.Duration
	WriteTimeout, IdleTimeout, ShutdownTimeout time.Duration
	MaxBodyBytes                               int64               // lowers every route's body limit; 0 keeps them
	MaxConnections                             int                 // connections open at once; more wait to be accepted; 0 is no cap
	Gatherer                                   prometheus.Gatherer // what /metrics serves
	AdminToken                                 string              // empty disables /admin routes
	Reload                                     func(context.Context) error
	Log                                        *slog.Logger
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
	s.Handle("GET /healthz", OwnRouteBytes, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	}))
	s.Handle("GET /readyz", OwnRouteBytes, http.HandlerFunc(s.readyz))
	if opts.Gatherer != nil {
		s.Handle("GET /metrics", OwnRouteBytes, promhttp.HandlerFor(opts.Gatherer, promhttp.HandlerOpts{}))
	}
	if opts.AdminToken != "" && opts.Reload != nil {
		s.Handle("POST /admin/reload", OwnRouteBytes, s.admin(s.adminReload))
	}
	if opts.AdminToken != "" {
		s.Handle("GET /debug/pprof/", OwnRouteBytes, s.admin(pprof.Index))
		s.Handle("GET /debug/pprof/profile", OwnRouteBytes, s.admin(pprof.Profile))
		s.Handle("GET /debug/pprof/trace", OwnRouteBytes, s.admin(pprof.Trace))
	}
	return s
}

// admin lets through requests whose Authorization header is exactly "Bearer " and the admin token,
// compared in constant time (of the token's length too: both sides are hashed first).
func (s *Server) admin(next http.HandlerFunc) http.HandlerFunc {
	want := sha256.Sum256([]byte("Bearer " + s.opts.AdminToken))
	return func(w http.ResponseWriter, r *http.Request) {
		got := sha256.Sum256([]byte(r.Header.Get("Authorization")))
		if len(r.Header.Values("Authorization")) != 1 || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
			return
		}
		next(w, r)
	}
}

// Handle mounts a route (an adapter's webhook or API) on the listener, with the largest request body
// it takes: a body over it is refused with 413 before the handler runs when its length is declared,
// and its reading fails past the limit when it is not. Options.MaxBodyBytes, when lower, wins.
func (s *Server) Handle(pattern string, maxBody int64, h http.Handler) {
	if s.opts.MaxBodyBytes > 0 {
		maxBody = min(maxBody, s.opts.MaxBodyBytes)
	}
	s.mux.Handle(pattern, limitBody(maxBody, h))
}

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
		Handler:           s.mux,
		ReadTimeout:       s.opts.ReadTimeout,
		ReadHeaderTimeout: s.opts.ReadHeaderTimeout,
		WriteTimeout:      s.opts.WriteTimeout,
		IdleTimeout:       s.opts.IdleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.opts.Log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if s.opts.MaxConnections > 0 {
		ln = limitListener(ln, s.opts.MaxConnections)
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
