package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// start serves s on a loopback port until the returned stop is called; stop returns Serve's error.
func start(t *testing.T, s *Server) (base string, stop func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), func() error { cancel(); return <-done }
}

func opts() Options {
	return Options{ReadTimeout: time.Second, WriteTimeout: 5 * time.Second, IdleTimeout: time.Second,
		ShutdownTimeout: 5 * time.Second, MaxBodyBytes: 64}
}

func get(t *testing.T, method, url, auth, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestHealthReadinessMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "faqbot_test_total", Help: "test"})
	reg.MustRegister(c)
	c.Inc()
	o := opts()
	o.Gatherer = reg
	s := New(o)
	storeDown := true
	s.AddCheck("knowledge", func(context.Context) error { return nil })
	s.AddCheck("store", func(context.Context) error {
		if storeDown {
			return errors.New("store unreachable")
		}
		return nil
	})
	base, stop := start(t, s)
	defer stop()
	if code, body := get(t, "GET", base+"/healthz", "", ""); code != 200 || !strings.Contains(body, "ok") {
		t.Errorf("healthz: %d %s", code, body)
	}
	if code, body := get(t, "GET", base+"/readyz", "", ""); code != 503 || !strings.Contains(body, "store unreachable") {
		t.Errorf("readyz with the store down: %d %s", code, body)
	}
	storeDown = false
	if code, _ := get(t, "GET", base+"/readyz", "", ""); code != 200 {
		t.Errorf("readyz: %d", code)
	}
	if code, body := get(t, "GET", base+"/metrics", "", ""); code != 200 || !strings.Contains(body, "faqbot_test_total 1") {
		t.Errorf("metrics: %d %s", code, body)
	}
	if code, _ := get(t, "POST", base+"/admin/reload", "Bearer x", ""); code != 404 && code != 405 {
		t.Errorf("admin reload without a token configured: %d, want not found", code)
	}
}

func TestAdminReload(t *testing.T) {
	o := opts()
	o.AdminToken = "s3cret"
	var fail error
	o.Reload = func(context.Context) error { return fail }
	base, stop := start(t, New(o))
	defer stop()
	for _, auth := range []string{"", "Bearer ", "Bearer wrong", "s3cret", "Basic s3cret"} {
		if code, _ := get(t, "POST", base+"/admin/reload", auth, ""); code != 401 {
			t.Errorf("auth %q: got %d, want 401", auth, code)
		}
	}
	if code, _ := get(t, "POST", base+"/admin/reload", "Bearer s3cret", ""); code != 200 {
		t.Errorf("good token: got %d", code)
	}
	fail = errors.New("broken.yaml:1: invalid YAML")
	if code, body := get(t, "POST", base+"/admin/reload", "Bearer s3cret", ""); code != 422 || !strings.Contains(body, "broken.yaml:1") {
		t.Errorf("failed reload: got %d %s", code, body)
	}
	if code, _ := get(t, "GET", base+"/admin/reload", "Bearer s3cret", ""); code != 405 {
		t.Errorf("GET: got %d, want 405", code)
	}
}

func TestBodyLimit(t *testing.T) {
	s := New(opts())
	s.Handle("POST /hook", 64, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	base, stop := start(t, s)
	defer stop()
	if code, _ := get(t, "POST", base+"/hook", "", strings.Repeat("x", 10)); code != 204 {
		t.Errorf("small body: %d", code)
	}
	if code, _ := get(t, "POST", base+"/hook", "", strings.Repeat("x", 1000)); code != 413 {
		t.Errorf("large body: %d, want 413", code)
	}
}

func TestShutdownFinishesRequestsInFlight(t *testing.T) {
	s := New(opts())
	started := make(chan struct{})
	s.Handle("GET /slow", OwnRouteBytes, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		_, _ = io.WriteString(w, "done")
	}))
	base, stop := start(t, s)
	result := make(chan string, 1)
	go func() {
		resp, err := http.Get(base + "/slow")
		if err != nil {
			result <- err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		result <- string(b)
	}()
	<-started
	if err := stop(); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if got := <-result; got != "done" {
		t.Errorf("reply in flight: got %q, want done", got)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the server still takes requests after shutdown")
	}
}
