package web

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

// defaultClients bounds the client addresses whose rate is remembered; the least recently seen is
// forgotten first, so a flood from many addresses costs memory in proportion to this, not to the flood.
const defaultClients = 10000

// limiter limits each client address to a rate with a burst.
type limiter struct {
	rate    rate.Limit
	burst   int
	mu      sync.Mutex
	clients *lru.Cache[string, *rate.Limiter]
}

func newLimiter(perSecond float64, burst, clients int) *limiter {
	if burst < 1 {
		burst = max(1, int(math.Ceil(perSecond)))
	}
	if clients < 1 {
		clients = defaultClients
	}
	cache, _ := lru.New[string, *rate.Limiter](clients) // only a size below 1 is an error
	return &limiter{rate: rate.Limit(perSecond), burst: burst, clients: cache}
}

// allow takes one request of a client from its budget, or answers 429 with Retry-After itself.
func (l *limiter) allow(w http.ResponseWriter, client string) bool {
	now := time.Now()
	res := l.of(client).ReserveN(now, 1)
	delay := res.DelayFrom(now)
	if delay == 0 {
		return true
	}
	res.CancelAt(now)
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(delay.Seconds()))))
	fail(w, http.StatusTooManyRequests, "too many requests; try again later")
	return false
}

func (l *limiter) of(client string) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim, ok := l.clients.Get(client)
	if !ok {
		lim = rate.NewLimiter(l.rate, l.burst)
		l.clients.Add(client, lim)
	}
	return lim
}
