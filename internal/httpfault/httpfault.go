// Package httpfault owns the transport faults that the fake platform APIs of the tests inject: a request
// that hangs until the client gives up or the fake stops, and a connection closed without an answer.
package httpfault

import "net/http"

// Hang is a handler that answers nothing until the request ends (the client gave up) or stop is closed.
func Hang(stop <-chan struct{}) http.HandlerFunc {
	return func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}
}

// Disconnect is a handler that closes the connection without an answer: the client reads EOF. A server
// that cannot hand its connection over is reported through fail.
func Disconnect(fail func(format string, args ...any)) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			fail("cannot hijack a connection: %v", err)
			return
		}
		_ = conn.Close()
	}
}
