package loadtest

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// FakeBotAPI is the Telegram Bot API on loopback: it accepts what a webhook-mode bot calls and counts
// the replies.
type FakeBotAPI struct {
	srv     *httptest.Server
	replies atomic.Int64
}

// NewFakeBotAPI starts the fake on a loopback port.
func NewFakeBotAPI() *FakeBotAPI {
	f := &FakeBotAPI{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasSuffix(r.URL.Path, "/getMe"):
			fmt.Fprint(w, `{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"FAQ","username":"LoadTestBot"}}`)
		case strings.HasSuffix(r.URL.Path, "/sendMessage"):
			f.replies.Add(1)
			fmt.Fprint(w, `{"ok":true,"result":{"message_id":2,"date":0,"chat":{"id":1,"type":"private"}}}`)
		default:
			fmt.Fprint(w, `{"ok":true,"result":true}`)
		}
	}))
	return f
}

// URL is the fake's base URL (TELEGRAM_API_ENDPOINT).
func (f *FakeBotAPI) URL() string { return f.srv.URL }

// Replies is the number of messages the bot has sent.
func (f *FakeBotAPI) Replies() int64 { return f.replies.Load() }

// Close stops the fake.
func (f *FakeBotAPI) Close() { f.srv.Close() }

// ServeOptions say how to start the faqbot serve under test.
type ServeOptions struct {
	Command   []string // the serve command line, e.g. {"/usr/local/bin/faqbot", "serve"}
	Knowledge string   // FAQBOT_KNOWLEDGE; "" for the embedded knowledge
	Threshold float64  // FAQBOT_THRESHOLD; 0 for the default
	Reply     string   // TELEGRAM_WEBHOOK_REPLY: response or api; "" for the default
	Store     string   // FAQBOT_STORE; "" for a fresh SQLite file in Dir
	Dir       string   // working folder: the child's log (serve.log) and default store
}

// Server is a faqbot serve started for a load test, configured for the Telegram webhook (replies to a
// FakeBotAPI) and the Discord interactions endpoint (a fresh key), listening on loopback only.
type Server struct {
	Target
	admin string // FAQBOT_ADMIN_TOKEN of the child, for its profiler
	API   *FakeBotAPI
	Log   string // the child's log file
	cmd   *exec.Cmd
	exit  chan error
}

// platformVars are inherited variables the child must not see: a real token would reach a real platform.
var platformVars = []string{"TELEGRAM_", "DISCORD_", "FAQBOT_"}

// StartServer starts faqbot serve and waits until it is ready.
func StartServer(ctx context.Context, o ServeOptions) (*Server, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	secret, admin := make([]byte, 16), make([]byte, 16)
	_, _ = rand.Read(secret)
	_, _ = rand.Read(admin)
	addr, err := freeLoopback()
	if err != nil {
		return nil, err
	}
	store := o.Store
	if store == "" {
		store = filepath.Join(o.Dir, "loadtest.db")
	}
	api := NewFakeBotAPI()
	s := &Server{Target: Target{Base: "http://" + addr, TelegramSecret: hex.EncodeToString(secret), DiscordKey: priv},
		admin: hex.EncodeToString(admin), API: api, Log: filepath.Join(o.Dir, "serve.log"), exit: make(chan error, 1)}
	env := []string{"FAQBOT_HTTP_ADDR=" + addr, "FAQBOT_STORE=" + store, "FAQBOT_LOG_LEVEL=warn", "FAQBOT_KNOWLEDGE=" + o.Knowledge,
		"TELEGRAM_BOT_TOKEN=1:loadtest", "TELEGRAM_MODE=webhook", "TELEGRAM_WEBHOOK_URL=https://loadtest.invalid/telegram/webhook",
		"TELEGRAM_WEBHOOK_SECRET=" + s.TelegramSecret, "TELEGRAM_API_ENDPOINT=" + api.URL(),
		"TELEGRAM_GLOBAL_RATE=0", "TELEGRAM_CHAT_RATE=0", "TELEGRAM_GROUP_RATE=0", "DISCORD_PUBLIC_KEY=" + hex.EncodeToString(pub),
		"FAQBOT_ADMIN_TOKEN=" + s.admin}
	if o.Reply != "" {
		env = append(env, "TELEGRAM_WEBHOOK_REPLY="+o.Reply)
	}
	if o.Threshold > 0 {
		env = append(env, "FAQBOT_THRESHOLD="+strconv.FormatFloat(o.Threshold, 'g', -1, 64))
	}
	logFile, err := os.Create(s.Log)
	if err != nil {
		api.Close()
		return nil, fmt.Errorf("loadtest log: %w", err)
	}
	s.cmd = exec.Command(o.Command[0], o.Command[1:]...)
	s.cmd.Dir = o.Dir // no .env of the caller's folder
	s.cmd.Env = append(inherited(), env...)
	s.cmd.Stdout, s.cmd.Stderr = logFile, logFile
	if err := s.cmd.Start(); err != nil {
		api.Close()
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", o.Command[0], err)
	}
	go func() { s.exit <- s.cmd.Wait(); logFile.Close() }()
	if err := s.waitReady(ctx); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

func inherited() []string {
	var out []string
	for _, kv := range os.Environ() {
		keep := true
		for _, prefix := range platformVars {
			keep = keep && !strings.HasPrefix(kv, prefix)
		}
		if keep {
			out = append(out, kv)
		}
	}
	return out
}

// waitReady polls /readyz until the Telegram adapter is connected (to the fake).
func (s *Server) waitReady(ctx context.Context) error {
	client := &http.Client{Timeout: time.Second}
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); {
		select {
		case err := <-s.exit:
			s.exit <- err
			return fmt.Errorf("faqbot serve exited before it was ready (%v); see %s", err, s.Log)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		resp, err := client.Get(s.Base + "/readyz")
		if err != nil {
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK && strings.Contains(string(body), `"telegram":"ok"`) {
			return nil
		}
	}
	return fmt.Errorf("faqbot serve not ready after 60s; see %s", s.Log)
}

// PID is the server's process id.
func (s *Server) PID() int { return s.cmd.Process.Pid }

// Stop asks the server to stop (SIGTERM), and kills it if it has not within 20 seconds.
func (s *Server) Stop() error {
	defer s.API.Close()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.exit:
		return err
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		return errors.Join(errors.New("faqbot serve did not stop within 20s; killed"), <-s.exit)
	}
}

// Profile writes a CPU profile of the server over the next d to w.
func (s *Server) Profile(ctx context.Context, d time.Duration, w io.Writer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", s.Base, int(d.Seconds())), nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.admin)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("profile: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("profile: %s", resp.Status)
	}
	_, err = io.Copy(w, resp.Body)
	return err
}

// Memory is the server's memory and goroutines at one moment.
type Memory struct {
	At         time.Duration // since the load started
	RSS        int64         // bytes resident
	HeapInUse  int64         // bytes, from the Go runtime's metrics
	Goroutines int64
}

// Memory reads the server's resident size from /proc and its heap and goroutines from /metrics.
func (s *Server) Memory() (Memory, error) {
	var m Memory
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.PID()))
	if err != nil {
		return m, fmt.Errorf("read the server's RSS: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if kb, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")), 10, 64)
			m.RSS = n * 1024
		}
	}
	resp, err := http.Get(s.Base + "/metrics")
	if err != nil {
		return m, fmt.Errorf("read the server's metrics: %w", err)
	}
	defer resp.Body.Close()
	sc = bufio.NewScanner(resp.Body)
	for sc.Scan() {
		name, value, _ := strings.Cut(sc.Text(), " ")
		v, _ := strconv.ParseFloat(value, 64)
		switch name {
		case "go_goroutines":
			m.Goroutines = int64(v)
		case "go_memstats_heap_inuse_bytes":
			m.HeapInUse = int64(v)
		}
	}
	return m, sc.Err()
}

// CPU is the processor time the server has used so far (user and system), from /proc.
func (s *Server) CPU() (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.PID()))
	if err != nil {
		return 0, fmt.Errorf("read the server's CPU time: %w", err)
	}
	// Fields after the command name (which may hold spaces, so cut at its closing parenthesis): utime is
	// the 12th and stime the 13th, in clock ticks (100 a second on Linux).
	_, rest, _ := strings.Cut(string(b), ") ")
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0, fmt.Errorf("read the server's CPU time: short /proc stat")
	}
	user, _ := strconv.ParseInt(f[11], 10, 64)
	sys, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(user+sys) * 10 * time.Millisecond, nil
}

func freeLoopback() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
