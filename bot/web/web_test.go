package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/store"
)

// fakeEngine answers by the question's text; it remembers who asked.
type fakeEngine struct {
	mu    sync.Mutex
	users []string
}

func (f *fakeEngine) Answer(_ context.Context, q bot.Question) (bot.Answer, error) {
	f.mu.Lock()
	f.users = append(f.users, q.User)
	f.mu.Unlock()
	switch {
	case q.Lang == "fr":
		return bot.Answer{}, bot.ErrInvalid
	case q.Text == "boom":
		return bot.Answer{}, errors.New("index closed")
	case q.Text == "panic":
		panic("engine bug")
	case q.Text == "busy":
		return bot.Answer{Reply: "Many questions at once; please ask again in a minute."}, bot.ErrBusy
	}
	return bot.Answer{Question: q.Text, Lang: "en", Status: bot.Answered, ID: "pain", Matches: []bot.Candidate{}}, nil
}

// post sends a JSON request from a client address.
func post(h http.Handler, path, body, from string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = from
	h.ServeHTTP(rec, req)
	return rec
}

func TestAPI(t *testing.T) {
	var got []string
	h := New(&fakeEngine{}, func(_ context.Context, user, id, lang string, helpful bool) error {
		got = append(got, user+"/"+id+"/"+lang)
		switch id {
		case "down":
			return errors.New("store down")
		case "forged":
			return fmt.Errorf("vote: %w", store.ErrNotGiven)
		}
		return nil
	}, Options{Timeout: time.Second})
	tests := []struct {
		path, body string
		want       int
		contains   string
	}{
		{"/v1/ask", `{"question":"does it hurt?"}`, 200, `"id":"pain"`},
		{"/v1/ask", `{"question":"  "}`, 400, "non-empty"},
		{"/v1/ask", `{"question":"x","lang":"fr"}`, 400, "invalid"},
		{"/v1/ask", `{"question":"boom"}`, 503, "try again"},
		{"/v1/ask", `{"question":`, 400, "malformed JSON"},
		{"/v1/ask", `{"question":"x","extra":1}`, 400, "unknown field"},
		{"/v1/ask", `{"question":"` + strings.Repeat("x", 20000) + `"}`, 400, "16 KiB"},
		{"/v1/ask", `{"question":"x","user":"` + strings.Repeat("u", 300) + `"}`, 400, "user"},
		{"/v1/feedback", `{"id":"pain","lang":"en","helpful":false}`, 204, ""},
		{"/v1/feedback", `{"id":"pain","lang":"en"}`, 400, "helpful"},
		{"/v1/feedback", `{"id":"down","lang":"ar","helpful":true,"user":"s-1"}`, 503, "try again"},
		{"/v1/feedback", `{"id":"forged","lang":"en","helpful":true}`, 404, "not given"},
	}
	for _, tt := range tests {
		rec := post(h, tt.path, tt.body, "192.0.2.1:5555")
		if rec.Code != tt.want || !strings.Contains(rec.Body.String(), tt.contains) {
			t.Errorf("POST %s %.40s: got %d %s, want %d with %q", tt.path, tt.body, rec.Code, rec.Body.String(), tt.want, tt.contains)
		}
		if rec.Code == 200 {
			var a bot.Answer
			if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
				t.Errorf("answer is not JSON: %v", err)
			}
		}
	}
	if want := "ip:192.0.2.1/pain/en,id:s-1/down/ar,ip:192.0.2.1/forged/en"; strings.Join(got, ",") != want {
		t.Errorf("feedback recorded: got %v, want %s", got, want)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/ask", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET: got %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/v1/ask", strings.NewReader(`{"question":"`+strings.Repeat("x", 100)+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Body = http.MaxBytesReader(rec, req.Body, 10)
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversize body: got %d", rec.Code)
	}
}

// TestUser: a question carries the user the client names, or else the client's address, in separate
// namespaces so that a named user cannot pass for an address.
func TestUser(t *testing.T) {
	eng := &fakeEngine{}
	h := New(eng, nil, Options{Timeout: time.Second})
	for _, body := range []string{`{"question":"a"}`, `{"question":"a","user":"session-9"}`, `{"question":"a","user":"ip:192.0.2.7"}`} {
		if rec := post(h, "/v1/ask", body, "[2001:db8::1]:443"); rec.Code != 200 {
			t.Fatalf("%s: got %d", body, rec.Code)
		}
	}
	if want := "ip:2001:db8::1,id:session-9,id:ip:192.0.2.7"; strings.Join(eng.users, ",") != want {
		t.Errorf("users: got %v, want %s", eng.users, want)
	}
}

// TestOnlyJSON: a POST whose body is not declared JSON is refused, so that a cross-site form or a
// text/plain fetch cannot reach the API (issue 11, point 7).
func TestOnlyJSON(t *testing.T) {
	h := New(&fakeEngine{}, nil, Options{Timeout: time.Second})
	for _, tt := range []struct {
		contentType string
		want        int
	}{
		{"application/json", 200},
		{"application/json; charset=utf-8", 200},
		{"Application/JSON; charset=UTF-8", 200},
		{"", 415},
		{"text/plain", 415},
		{"text/plain; charset=utf-8", 415},
		{"application/x-www-form-urlencoded", 415},
		{"multipart/form-data; boundary=x", 415},
		{"application/json; charset=latin1", 415},
		{"application/json; boundary=x", 415},
		{"application/jsonx", 415},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/v1/ask", strings.NewReader(`{"question":"does it hurt?"}`))
		if tt.contentType != "" {
			req.Header.Set("Content-Type", tt.contentType)
		}
		h.ServeHTTP(rec, req)
		if rec.Code != tt.want {
			t.Errorf("Content-Type %q: got %d %s, want %d", tt.contentType, rec.Code, rec.Body.String(), tt.want)
		}
	}
}

// TestRateLimit: with a rate, each client address gets its burst and then 429 with Retry-After, while
// other clients are served (issue 11, point 7).
func TestRateLimit(t *testing.T) {
	h := New(&fakeEngine{}, func(context.Context, string, string, string, bool) error { return nil },
		Options{Timeout: time.Second, Rate: 0.5, Burst: 2, Clients: 2})
	for i := range 2 {
		if rec := post(h, "/v1/ask", `{"question":"a"}`, "192.0.2.1:1000"); rec.Code != 200 {
			t.Fatalf("request %d within the burst: got %d", i+1, rec.Code)
		}
	}
	rec := post(h, "/v1/feedback", `{"id":"pain","lang":"en","helpful":true}`, "192.0.2.1:1001")
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "2" {
		t.Errorf("over the limit: got %d Retry-After %q, want 429 and 2", rec.Code, rec.Header().Get("Retry-After"))
	}
	for _, from := range []string{"192.0.2.2:1", "192.0.2.3:1", "192.0.2.4:1"} { // more clients than remembered
		if rec := post(h, "/v1/ask", `{"question":"a"}`, from); rec.Code != 200 {
			t.Errorf("another client %s: got %d", from, rec.Code)
		}
	}
	off := New(&fakeEngine{}, nil, Options{Timeout: time.Second})
	for range 50 {
		if rec := post(off, "/v1/ask", `{"question":"a"}`, "192.0.2.1:1"); rec.Code != 200 {
			t.Fatalf("no rate set: got %d", rec.Code)
		}
	}
}

// TestPanicAndBusy: a panic while answering costs that request a 500 (counted, logged without the
// question), and the next request is served; a busy engine answers 503 with its reply (issue 11).
func TestPanicAndBusy(t *testing.T) {
	reg := prometheus.NewRegistry()
	panics, err := guard.New(guard.Options{Metrics: reg})
	if err != nil {
		t.Fatal(err)
	}
	h := New(&fakeEngine{}, nil, Options{Timeout: time.Second, Panics: panics})
	rec := post(h, "/v1/ask", `{"question":"panic"}`, "192.0.2.1:1")
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"error"`) || strings.Contains(rec.Body.String(), "panic") {
		t.Errorf("panicking engine: got %d %s, want 500 with a short JSON error", rec.Code, rec.Body.String())
	}
	if n, err := testutil.GatherAndCount(reg, "faqbot_panics_total"); err != nil || n != 1 {
		t.Errorf("panics counted: %d %v", n, err)
	}
	if rec := post(h, "/v1/ask", `{"question":"does it hurt?"}`, "192.0.2.1:1"); rec.Code != 200 {
		t.Errorf("the request after a panic: got %d", rec.Code)
	}
	rec = post(h, "/v1/ask", `{"question":"busy"}`, "192.0.2.1:1")
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "ask again in a minute") {
		t.Errorf("busy: got %d Retry-After %q %s, want 503 with the busy reply", rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
	}
}
