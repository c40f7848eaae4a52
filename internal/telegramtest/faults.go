package telegramtest

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/faqbot/faqbot/internal/httpfault"
)

// Fault is a way for the fake to fail one call.
type Fault func(f *Fake) http.HandlerFunc

// rule answers matching calls with a fault: count of them (<0: every one), until a time (zero: always).
type rule struct {
	methods []string // none: every method
	count   int
	until   time.Time
	answer  http.HandlerFunc
}

// FailNext makes the next calls of a method ("" for any method) fail in these ways, one call each.
func (f *Fake) FailNext(method string, faults ...Fault) {
	var methods []string
	if method != "" {
		methods = []string{method}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, fault := range faults {
		f.rules = append(f.rules, &rule{methods: methods, count: 1, answer: fault(f)})
	}
}

// FailEvery makes every call of these methods (of every method, when none is named) fail this way.
func (f *Fake) FailEvery(fault Fault, methods ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = append(f.rules, &rule{methods: methods, count: -1, answer: fault(f)})
}

// Down makes the next n calls, of any method, answer a proxy's 502 page: the Bot API down for n requests.
func (f *Fake) Down(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = append(f.rules, &rule{count: n, answer: BadGateway()(f)})
}

// DownFor makes every call answer a proxy's 502 page for d from now: the Bot API down for a while.
func (f *Fake) DownFor(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = append(f.rules, &rule{count: -1, until: time.Now().Add(d), answer: BadGateway()(f)})
}

// HoldChat makes sending to a chat wait until release is called (or the bot gives up on the request):
// a slow chat. The message counts as sent once it is answered.
func (f *Fake) HoldChat(chat int64) (release func()) {
	ch := make(chan struct{})
	f.mu.Lock()
	f.held[chat] = ch
	f.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			f.mu.Lock()
			delete(f.held, chat)
			f.mu.Unlock()
			close(ch)
		})
	}
}

// fault takes the answer of the first rule that matches a call of method, if any; spent and expired
// rules are dropped.
func (f *Fake) fault(method string) http.HandlerFunc {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := time.Now()
	f.rules = slices.DeleteFunc(f.rules, func(r *rule) bool { return r.count == 0 || (!r.until.IsZero() && now.After(r.until)) })
	for _, r := range f.rules {
		if len(r.methods) == 0 || slices.Contains(r.methods, method) {
			if r.count > 0 {
				r.count--
			}
			return r.answer
		}
	}
	return nil
}

// TooManyRequests answers 429 as Telegram does, asking the bot to wait retryAfter seconds.
func TooManyRequests(retryAfter int) Fault {
	return func(*Fake) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprintf(w, `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after %d","parameters":{"retry_after":%d}}`,
				retryAfter, retryAfter)
		}
	}
}

// Error answers a status with Telegram's JSON error body: Error(403, "Forbidden: bot was blocked by
// the user"), Error(500, "Internal Server Error").
func Error(status int, description string) Fault {
	return func(*Fake) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) { writeError(w, status, description) }
	}
}

// EchoError answers a status with a JSON error whose description quotes the request's path, the bot's
// token included, as a careless server might: what the bot must not repeat in its logs or errors.
func EchoError(status int) Fault {
	return func(*Fake) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			writeError(w, status, http.StatusText(status)+" at "+r.URL.Path)
		}
	}
}

// BadGateway answers 502 with the HTML page of a proxy in front of the Bot API, which quotes the
// request's path (the token included).
func BadGateway() Fault {
	return func(*Fake) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprintf(w, "<html>502 Bad Gateway for %s</html>", r.URL.Path)
		}
	}
}

// Hang answers nothing until the client gives up (or the fake stops): a timeout.
func Hang() Fault {
	return func(f *Fake) http.HandlerFunc { return httpfault.Hang(f.done) }
}

// Disconnect closes the connection without an answer: the client reads EOF.
func Disconnect() Fault {
	return func(f *Fake) http.HandlerFunc { return httpfault.Disconnect(f.t.Errorf) }
}

// InvalidJSON answers 200 with a body that is not JSON.
func InvalidJSON() Fault {
	return func(*Fake) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"ok":tru`)
		}
	}
}
