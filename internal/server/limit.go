package server

import (
	"net"
	"net/http"
	"sync"
)

// OwnRouteBytes bounds the body of the server's own routes (health, readiness, metrics, admin,
// profiler), which read none. Handle takes a limit for every route, sized to what its sender sends, so
// that a connection holds at most that much of a body in memory while it is read: each adapter names its
// own (telegram.MaxUpdateBytes, discord.MaxInteractionBytes, web.MaxRequestBytes).
const OwnRouteBytes = 4 << 10

// maxHeaderBytes bounds a request's headers (net/http's default is 1 MiB): the senders' headers are a
// few hundred bytes, a signature or a secret token the longest of them.
const maxHeaderBytes = 16 << 10

// limitBody refuses a body over max before h runs when its length is declared, and makes reading fail
// past max when it is not (chunked).
func limitBody(max int64, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			w.Header().Set("Connection", "close") // the rest of the body is not read
			writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": "request body too large"})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max)
		h.ServeHTTP(w, r)
	})
}

// limitListener accepts at most n connections open at once; further ones wait in the kernel's accept
// queue until one closes.
func limitListener(ln net.Listener, n int) net.Listener {
	return &limitedListener{Listener: ln, slots: make(chan struct{}, n), closed: make(chan struct{})}
}

type limitedListener struct {
	net.Listener
	slots     chan struct{}
	closed    chan struct{}
	closeOnce sync.Once
}

func (l *limitedListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.closed:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitedConn{Conn: c, release: func() { <-l.slots }}, nil
}

func (l *limitedListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// limitedConn gives its slot back once, on its first Close.
type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

// CloseWrite lets net/http half-close the connection after refusing a body it did not read, so the
// sender reads the 413 before the connection ends.
func (c *limitedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
