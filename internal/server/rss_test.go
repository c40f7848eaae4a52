//go:build rss

package server

import (
	"bufio"
	"context"
	"flag"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The measurement behind RELIABILITY.md's stalled-sender rows: a real faqbot serve, with the Discord
// interactions endpoint on, against many stalled senders on loopback. Build the binary first:
//
//	go build -o /tmp/faqbot ./cmd/faqbot
//	go test -tags rss ./internal/server -run TestServeRSS -v -args -faqbot /tmp/faqbot -senders 1000 -declared 1048576 -sent 1048000
var (
	faqbotBin   = flag.String("faqbot", "/tmp/faqbot", "the faqbot binary to measure")
	rssSenders  = flag.Int("senders", 1000, "stalled senders")
	rssDeclared = flag.Int("declared", 1<<20, "Content-Length each sender declares")
	rssSent     = flag.Int("sent", 1<<20-1024, "body bytes each sender sends before stalling")
	rssPad      = flag.Int("pad", 0, "bytes of an extra header each sender sends")
)

func TestServeRSS(t *testing.T) {
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, *faqbotBin, "serve", "--http-addr", addr, "--store", t.TempDir()+"/faqbot.db", "--log-level", "warn")
	cmd.Env = append(os.Environ(), "DISCORD_PUBLIC_KEY="+strings.Repeat("ab", 32), "FAQBOT_RELOAD_WATCH=false")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); _ = cmd.Wait() }()
	waitHealthy(t, addr)
	before := procStatus(t, cmd.Process.Pid, "VmRSS")
	wait := stalled{path: "/discord/interactions", pad: *rssPad, declared: *rssDeclared, sent: *rssSent}.open(t, addr, *rssSenders)
	start := time.Now()
	client := &http.Client{Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	resp, err := client.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Errorf("a normal request during the stall: %v", err)
	} else {
		resp.Body.Close()
		t.Logf("a normal request during the stall: %d after %v", resp.StatusCode, time.Since(start).Round(time.Millisecond))
	}
	cut := wait()
	t.Logf("%d of %d stalled senders cut or refused by the server after %v", cut, *rssSenders, time.Since(start).Round(time.Millisecond))
	t.Logf("RSS %d MiB before, peak %d MiB", before>>10, procStatus(t, cmd.Process.Pid, "VmHWM")>>10)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitHealthy(t *testing.T, addr string) {
	t.Helper()
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	for range 100 {
		if resp, err := client.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("faqbot serve did not become healthy")
}

// procStatus reads one kB figure of /proc/PID/status.
func procStatus(t *testing.T, pid int, field string) int {
	t.Helper()
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	t.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}
