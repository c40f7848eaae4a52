// Package discordtest is a fake Discord on loopback for tests: the REST API a bot calls (every call
// recorded) and a websocket gateway speaking Discord's opcodes, so a real discordgo session runs against it.
package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/faqbot/faqbot/internal/httpfault"
)

// Fake is Discord on loopback: the REST API the bot calls (recording every call) and a websocket
// gateway speaking Discord's opcodes (hello, identify, resume, heartbeat, Dispatch), so the real
// discordgo session runs against it.
type Fake struct {
	t   testing.TB
	srv *httptest.Server

	mu         sync.Mutex
	calls      []Call
	failures   map[string][]http.HandlerFunc // path prefix -> failures to answer first
	commands   map[string]json.RawMessage
	closedDMs  map[string]bool // users whose DMs are closed
	conn       *websocket.Conn
	writeMu    sync.Mutex
	seq        int64
	last       []byte // the last Dispatch, replayed after a resume
	identifies []map[string]any
	resumes    int
	changed    chan struct{} // signalled on every call and gateway handshake
	done       chan struct{} // closed when the fake stops: hanging calls end
}

type Call struct {
	Method, Path string
	Body         map[string]any
}

var apiVersion = regexp.MustCompile(`^/api/v\d+`)

func New(t testing.TB) *Fake {
	f := &Fake{t: t, failures: map[string][]http.HandlerFunc{}, commands: map[string]json.RawMessage{},
		closedDMs: map[string]bool{}, changed: make(chan struct{}, 1000), done: make(chan struct{})}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.close)
	return f
}

func (f *Fake) close() {
	close(f.done)
	f.mu.Lock()
	if f.conn != nil {
		f.conn.Close()
	}
	f.mu.Unlock()
	f.srv.Close()
}

// FailNext makes the next calls under a path prefix answer these statuses: 429 with a retry_after of
// 50ms, any other with Discord's JSON error body.
func (f *Fake) FailNext(prefix string, statuses ...int) {
	for _, status := range statuses {
		f.FailNextWith(prefix, Status(status))
	}
}

// FailNextWith makes the next calls under a path prefix fail in these ways, one call each.
func (f *Fake) FailNextWith(prefix string, failures ...Failure) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, fail := range failures {
		f.failures[prefix] = append(f.failures[prefix], fail(f))
	}
}

// Failure is a way for the fake to fail one call.
type Failure func(f *Fake) http.HandlerFunc

// Status answers an HTTP status as Discord does: 429 with a retry_after of 50ms, any other with
// Discord's JSON error body.
func Status(status int) Failure {
	return func(*Fake) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			if status == http.StatusTooManyRequests {
				fmt.Fprint(w, `{"message":"You are being rate limited.","retry_after":0.05,"global":false}`)
				return
			}
			fmt.Fprintf(w, `{"message":"%s","code":0}`, http.StatusText(status))
		}
	}
}

// EchoHeaders answers a status whose body quotes the request's headers, Authorization included, as a
// careless proxy's error page might: what the bot must not repeat in its logs or errors.
func EchoHeaders(status int) Failure {
	return func(*Fake) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(status)
			fmt.Fprintf(w, "upstream failed for %s %s with headers %v", r.Method, r.URL, r.Header)
		}
	}
}

// Hang answers nothing until the client gives up (or the fake stops): a timeout.
func Hang() Failure {
	return func(f *Fake) http.HandlerFunc { return httpfault.Hang(f.done) }
}

// Disconnect closes the connection without an answer: the client reads EOF.
func Disconnect() Failure {
	return func(f *Fake) http.HandlerFunc { return httpfault.Disconnect(f.t.Errorf) }
}

// InvalidJSON answers 200 with a body that is not JSON.
func InvalidJSON() Failure {
	return func(*Fake) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"id": "9000", "channel_id": `)
		}
	}
}

func (f *Fake) signal() {
	select {
	case f.changed <- struct{}{}:
	default:
	}
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	if strings.TrimSuffix(r.URL.Path, "/") == "/ws" {
		f.gateway(w, r)
		return
	}
	path := apiVersion.ReplaceAllString(r.URL.Path, "")
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	_ = json.Unmarshal(raw, &body)
	f.mu.Lock()
	f.calls = append(f.calls, Call{r.Method, path, body})
	var fail http.HandlerFunc
	for prefix, queue := range f.failures {
		if strings.HasPrefix(path, prefix) && len(queue) > 0 {
			fail, f.failures[prefix] = queue[0], queue[1:]
			break
		}
	}
	f.mu.Unlock()
	defer f.signal()
	if fail != nil {
		fail(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	f.answer(w, r.Method, path, raw, body)
}

// answer plays Discord for the REST routes the bot uses.
func (f *Fake) answer(w http.ResponseWriter, method, path string, raw []byte, body map[string]any) {
	switch {
	case path == "/gateway":
		fmt.Fprintf(w, `{"url":"ws://%s/ws"}`, f.srv.Listener.Addr())
	case strings.HasSuffix(path, "/commands") && method == "GET":
		f.mu.Lock()
		list, ok := f.commands[path]
		f.mu.Unlock()
		if !ok {
			list = json.RawMessage("[]")
		}
		w.Write(list)
	case strings.HasSuffix(path, "/commands") && method == "PUT":
		f.mu.Lock()
		f.commands[path] = raw
		f.mu.Unlock()
		w.Write(raw)
	case strings.HasPrefix(path, "/interactions/") && strings.HasSuffix(path, "/callback"):
		w.WriteHeader(http.StatusNoContent)
	case path == "/users/@me/channels":
		fmt.Fprintf(w, `{"id":"dm-%v","type":1}`, body["recipient_id"])
	case strings.HasPrefix(path, "/channels/") && strings.HasSuffix(path, "/messages"):
		f.mu.Lock()
		closed := f.closedDMs[strings.TrimPrefix(strings.TrimSuffix(path, "/messages"), "/channels/dm-")]
		f.mu.Unlock()
		if closed {
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprint(w, `{"message":"Cannot send messages to this user","code":50007}`)
			return
		}
		fmt.Fprint(w, `{"id":"9000","channel_id":"x"}`)
	case strings.HasPrefix(path, "/webhooks/"):
		fmt.Fprint(w, `{"id":"9001","channel_id":"x"}`)
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"message":"Unknown route","code":0}`)
	}
}

// gateway speaks the gateway protocol: hello, then identify (READY) or resume (RESUMED, and the last
// event again, as Discord may replay), heartbeat acks, and whatever Dispatch sends.
func (f *Fake) gateway(w http.ResponseWriter, r *http.Request) {
	conn, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		return
	}
	f.write(conn, map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
	var first struct {
		Op int            `json:"op"`
		D  map[string]any `json:"d"`
	}
	if err := conn.ReadJSON(&first); err != nil {
		conn.Close()
		return
	}
	f.mu.Lock()
	f.conn = conn
	replay := f.last
	switch first.Op {
	case 2:
		f.identifies = append(f.identifies, first.D)
		f.seq++
		ready := map[string]any{"op": 0, "t": "READY", "s": f.seq, "d": map[string]any{"v": 10, "session_id": "session-1",
			"user": map[string]any{"id": "100", "username": "faqbot", "bot": true}, "guilds": []any{}, "application": map[string]any{"id": "200"}}}
		f.mu.Unlock()
		f.write(conn, ready)
	case 6:
		f.resumes++
		f.mu.Unlock()
		f.write(conn, map[string]any{"op": 0, "t": "RESUMED", "s": first.D["seq"], "d": map[string]any{}})
		if replay != nil {
			f.writeRaw(conn, replay)
		}
	default:
		f.mu.Unlock()
	}
	f.signal()
	for {
		var m struct {
			Op int `json:"op"`
		}
		if err := conn.ReadJSON(&m); err != nil {
			return
		}
		if m.Op == 1 {
			f.write(conn, map[string]any{"op": 11})
		}
	}
}

func (f *Fake) write(conn *websocket.Conn, v any) {
	b, _ := json.Marshal(v)
	f.writeRaw(conn, b)
}

func (f *Fake) writeRaw(conn *websocket.Conn, b []byte) {
	f.writeMu.Lock()
	defer f.writeMu.Unlock()
	_ = conn.WriteMessage(websocket.TextMessage, b)
}

// Dispatch sends an event to the connected bot.
func (f *Fake) Dispatch(event string, data any) {
	f.mu.Lock()
	f.seq++
	b, _ := json.Marshal(map[string]any{"op": 0, "t": event, "s": f.seq, "d": data})
	f.last = b
	conn := f.conn
	f.mu.Unlock()
	if conn == nil {
		f.t.Fatal("Dispatch: no gateway connection")
	}
	f.writeRaw(conn, b)
}

// Drop closes the gateway connection under the bot, as a network failure would.
func (f *Fake) Drop() {
	f.mu.Lock()
	conn := f.conn
	f.conn = nil
	f.mu.Unlock()
	conn.Close()
}

// waitLimit bounds how long WaitFor waits: a bound on a test that has gone wrong, not a timing
// assertion; a whole serve starting under the race detector on a busy two-core machine has taken over
// ten seconds.
const waitLimit = 30 * time.Second

// WaitFor waits until cond holds over the recorded calls.
func (f *Fake) WaitFor(what string, cond func(calls []Call) bool) []Call {
	f.t.Helper()
	deadline := time.After(waitLimit)
	for {
		f.mu.Lock()
		calls := append([]Call(nil), f.calls...)
		f.mu.Unlock()
		if cond(calls) {
			return calls
		}
		select {
		case <-f.changed:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			f.t.Fatalf("timed out waiting for %s; calls: %+v", what, calls)
		}
	}
}

func (f *Fake) Handshakes() (identifies, resumes int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.identifies), f.resumes
}

// Matching are the calls of a method whose path has this prefix and suffix.
func Matching(calls []Call, method, prefix, suffix string) []Call {
	var out []Call
	for _, c := range calls {
		if c.Method == method && strings.HasPrefix(c.Path, prefix) && strings.HasSuffix(c.Path, suffix) {
			out = append(out, c)
		}
	}
	return out
}

// URL is the base URL to give the bot as its API endpoint.
func (f *Fake) URL() string { return f.srv.URL }

// CloseDMs makes sending a direct message to the user fail as Discord does (50007).
func (f *Fake) CloseDMs(userID string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closedDMs[userID] = true
}

// Identifies are the identify payloads received, in order.
func (f *Fake) Identifies() []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.identifies...)
}
