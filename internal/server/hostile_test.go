package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// interactionBytes is the body limit the Discord endpoint is served with (discord.MaxInteractionBytes).
const interactionBytes = 64 << 10

func TestAdminTokenMustBeExactlyBearerToken(t *testing.T) {
	o := opts()
	o.AdminToken = "s3cret"
	o.Reload = func(context.Context) error { return nil }
	base, stop := start(t, New(o))
	defer stop()
	for _, auth := range []string{"XXXXXXXs3cret", "Bearer  s3cret", "bearer s3cret", "bearers3cret", "Token  s3cret",
		"Bearer s3cretX", "Bearer s3cre", "Bearer\ts3cret", "Bearer s3cret, Bearer s3cret"} {
		if code, _ := get(t, "POST", base+"/admin/reload", auth, ""); code != 401 {
			t.Errorf("auth %q: got %d, want 401", auth, code)
		}
	}
	if code, _ := get(t, "POST", base+"/admin/reload", "Bearer s3cret", ""); code != 200 {
		t.Errorf("auth %q: got %d, want 200", "Bearer s3cret", code)
	}
}

func TestRouteBodyLimitAppliesBeforeTheHandlerReads(t *testing.T) {
	o := opts()
	o.MaxBodyBytes = 0 // the route's own limit
	s := New(o)
	var read atomic.Int64
	s.Handle("POST /hook", 1000, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := io.Copy(io.Discard, r.Body)
		read.Add(n)
		if err != nil {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	base, stop := start(t, s)
	defer stop()
	if code, _ := get(t, "POST", base+"/hook", "", strings.Repeat("x", 1000)); code != 204 {
		t.Errorf("a body at the limit: got %d, want 204", code)
	}
	read.Store(0)
	if code, _ := get(t, "POST", base+"/hook", "", strings.Repeat("x", 1001)); code != 413 || read.Load() != 0 {
		t.Errorf("a body over the limit by its length: got %d after the handler read %d bytes, want 413 unread", code, read.Load())
	}
	req, _ := http.NewRequest("POST", base+"/hook", io.MultiReader(strings.NewReader(strings.Repeat("x", 5000))))
	req.ContentLength = -1 // chunked: the length is not known before reading
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 || read.Load() > 1000 {
		t.Errorf("a chunked body over the limit: got %d after the handler read %d bytes, want 413 after at most 1000", resp.StatusCode, read.Load())
	}
}

// stalled is one kind of stalled sender: a request to path declaring a body of declared bytes, with a
// header of pad bytes, that sends the first sent bytes of the body and stalls.
type stalled struct {
	path                string
	pad, declared, sent int
}

// open opens n connections of senders of this kind; wait returns when the server has closed each of
// them, with how many it closed (a sender that waited 30 s in vain is not counted).
func (k stalled) open(t *testing.T, addr string, n int) (wait func() int) {
	t.Helper()
	body := make([]byte, k.sent)
	head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: faqbot\r\nX-Pad: %s\r\nContent-Length: %d\r\n\r\n", k.path, strings.Repeat("p", k.pad), k.declared)
	var wg sync.WaitGroup
	var cut atomic.Int64
	for range n {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("dial: %v", err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			_ = c.SetDeadline(time.Now().Add(30 * time.Second))
			_, _ = io.WriteString(c, head)
			_, _ = c.Write(body)
			// stalled: read until the server answers and closes, or cuts the connection
			_, err := io.Copy(io.Discard, c)
			if ne, ok := err.(net.Error); !ok || !ne.Timeout() {
				cut.Add(1)
			}
		}()
	}
	return func() int { wg.Wait(); return int(cut.Load()) }
}

// liveHeap is the heap the last collection found live: what the process keeps, not the garbage a
// collector starved of CPU on a busy machine has yet to take back.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// heapPeak samples the live heap until stop is closed and returns the highest value seen.
func heapPeak(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		var peak uint64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, liveHeap())
			select {
			case <-stop:
				out <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return out
}

// TestStalledSendersAreCutAndMemoryStaysBounded opens 500 connections to the Discord interactions route
// (whose handler must read the whole body to check its signature), each sending part of a large body and
// stalling: the server refuses or cuts them all, its heap grows by a bounded number of bytes, and a
// normal request still gets through.
func TestStalledSendersAreCutAndMemoryStaysBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 500 connections")
	}
	o := opts()
	o.ReadTimeout, o.ReadHeaderTimeout, o.MaxBodyBytes, o.MaxConnections = 2*time.Second, time.Second, 1<<20, 64
	s := New(o)
	s.Handle("POST /discord/interactions", interactionBytes, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil { // as a signature check must
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
	}))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() { cancel(); <-done }()

	// The bound is on what the server keeps, not on how late the collector runs on a busy machine: a
	// low GC target keeps garbage to a tenth of the live heap while the senders stall.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	before := liveHeap()
	stopSampling := make(chan struct{})
	peak := heapPeak(stopSampling)
	addr := ln.Addr().String()
	kinds := []struct {
		stalled
		n int
	}{
		// the senders: a body of 1 MiB declared, half of it sent
		{stalled{path: "/discord/interactions", declared: 1 << 20, sent: 512 << 10}, 300},
		// senders that stay under the route's limit and stall: the body is read, then cut
		{stalled{path: "/discord/interactions", declared: interactionBytes, sent: interactionBytes - 1}, 100},
		// senders of 512 KiB of headers
		{stalled{path: "/discord/interactions", pad: 512 << 10, declared: 10, sent: 0}, 100},
	}
	senders := 0
	var waits []func() int
	for _, k := range kinds {
		waits = append(waits, k.open(t, addr, k.n))
		senders += k.n
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatalf("a normal request during the attack: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("a normal request during the attack: got %d, want 200", resp.StatusCode)
	}
	cut := 0
	for _, wait := range waits {
		cut += wait()
	}
	close(stopSampling)
	grown := int64(<-peak) - int64(before)
	if cut != senders {
		t.Errorf("%d of %d stalled senders were cut or refused by the server, want all", cut, senders)
	}
	const bound = 48 << 20
	t.Logf("heap grew by %.1f MiB at most with %d stalled senders", float64(grown)/(1<<20), senders)
	if grown > bound {
		t.Errorf("heap grew by %d bytes with %d stalled senders, want at most %d", grown, senders, bound)
	}
}

func TestLimitListenerHoldsConnectionsPastTheCap(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := limitListener(inner, 2)
	accepted := make(chan net.Conn, 4)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				close(accepted)
				return
			}
			accepted <- c
		}
	}()
	for range 4 {
		c, err := net.Dial("tcp", inner.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	first, second := <-accepted, <-accepted
	select {
	case <-accepted:
		t.Fatal("a third connection was accepted while two were open, want it to wait")
	case <-time.After(100 * time.Millisecond):
	}
	_ = first.Close()
	_ = first.Close() // a second Close gives no second slot back
	third := <-accepted
	select {
	case c := <-accepted:
		t.Fatalf("accepted %v past the cap: a second Close gave a second slot back", c.RemoteAddr())
	case <-time.After(50 * time.Millisecond):
	}
	_ = ln.Close()
	if _, ok := <-accepted; ok {
		t.Error("Accept went on after Close")
	}
	_, _ = second.Close(), third.Close()
}
