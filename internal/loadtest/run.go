package loadtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sync"
	"syscall"
	"time"
)

// Options are a whole run: the server to start and the load to drive it with.
type Options struct {
	Serve  ServeOptions
	Load   Load
	Warmup time.Duration // the same load for this long first, not measured: connections opened, caches warm
	// Profile, when set, receives a CPU profile of the server over the middle of the load.
	Profile io.Writer
}

// Report is a run's outcome.
type Report struct {
	Load       Load               `json:"load"`
	CPUs       int                `json:"cpus"`
	Elapsed    time.Duration      `json:"elapsed_ns"`
	Sent       int                `json:"sent"`
	Failed     int                `json:"failed"`
	NotSent    int                `json:"not_sent"`
	Throughput float64            `json:"answered_per_second"`
	Latency    Latency            `json:"latency"`
	ByPlatform map[string]Latency `json:"by_platform"`
	Windows    []Window           `json:"windows"` // p99 by tenth of the run
	Errors     []string           `json:"error_examples,omitempty"`
	TelegramOK int                `json:"telegram_ok"`
	Replies    int64              `json:"telegram_replies"` // received by the fake Bot API or in webhook responses
	Memory     []Memory           `json:"memory"`           // before the load, every 10% of it, and after it settled
	ServerCPU  float64            `json:"server_cores"`     // processor time the server used during the load, in cores
	DriverCPU  float64            `json:"driver_cores"`     // the same for this process: the load generator and the fake Bot API
}

// Latency is a latency distribution.
type Latency struct {
	Count         int           `json:"count"`
	P50, P99, Max time.Duration `json:"-"`
	P50ms         float64       `json:"p50_ms"`
	P99ms         float64       `json:"p99_ms"`
	MaxMs         float64       `json:"max_ms"`
}

func latency(m Measured, platform string) Latency {
	l := Latency{P50: m.Percentile(platform, 0.5), P99: m.Percentile(platform, 0.99), Max: m.Percentile(platform, 1)}
	if platform == "" {
		l.Count = m.Sent()
	} else {
		l.Count = len(m.Latencies[platform])
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	l.P50ms, l.P99ms, l.MaxMs = ms(l.P50), ms(l.P99), ms(l.Max)
	return l
}

// Run starts faqbot serve, warms it up, drives it, samples its memory, stops it and reports.
func Run(ctx context.Context, o Options) (Report, error) {
	s, err := StartServer(ctx, o.Serve)
	if err != nil {
		return Report{}, err
	}
	defer s.Stop()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: o.Load.Workers, MaxIdleConnsPerHost: o.Load.Workers}, Timeout: 30 * time.Second}
	if o.Warmup > 0 {
		warm := o.Load
		warm.Duration, warm.FirstID = o.Warmup, o.Load.FirstID+1e9
		Drive(ctx, client, s.Target, warm)
	}
	repliesBefore := s.API.Replies()
	var memory []Memory
	var mu sync.Mutex
	sample := func(at time.Duration) {
		m, err := s.Memory()
		if err == nil {
			m.At = at
			mu.Lock()
			memory = append(memory, m)
			mu.Unlock()
		}
	}
	sample(0)
	serverBefore, _ := s.CPU()
	driverBefore := selfCPU()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		start := time.Now()
		for {
			select {
			case <-stop:
				return
			case <-time.After(o.Load.Duration / 10):
				sample(time.Since(start))
			}
		}
	}()
	profiled := make(chan error, 1)
	if o.Profile != nil {
		go func() {
			time.Sleep(o.Load.Duration / 4)
			profiled <- s.Profile(ctx, max(time.Second, min(10*time.Second, o.Load.Duration/2)), o.Profile)
		}()
	} else {
		profiled <- nil
	}
	m := Drive(ctx, client, s.Target, o.Load)
	serverAfter, _ := s.CPU()
	driverAfter := selfCPU()
	close(stop)
	<-done
	if err := <-profiled; err != nil {
		return Report{}, err
	}
	time.Sleep(2 * time.Second) // let the server settle before the last sample
	sample(m.Elapsed + 2*time.Second)
	r := Report{Load: o.Load, CPUs: runtime.NumCPU(), Elapsed: m.Elapsed, Sent: m.Sent(), Failed: m.Failed(), NotSent: m.NotSent,
		Latency: latency(m, ""), ByPlatform: map[string]Latency{}, Errors: m.Examples, Memory: memory, Windows: m.Windows,
		TelegramOK: len(m.Latencies["telegram"]) - m.Errors["telegram"], Replies: s.API.Replies() - repliesBefore + int64(m.Replies)}
	r.Throughput = float64(r.Sent-r.Failed) / m.Elapsed.Seconds()
	r.ServerCPU = (serverAfter - serverBefore).Seconds() / m.Elapsed.Seconds()
	r.DriverCPU = (driverAfter - driverBefore).Seconds() / m.Elapsed.Seconds()
	for p := range m.Latencies {
		r.ByPlatform[p] = latency(m, p)
	}
	return r, nil
}

// selfCPU is the processor time this process has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// WriteJSON writes the report as one JSON object.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report for a person.
func (r Report) WriteText(w io.Writer) {
	fmt.Fprintf(w, "load: %.0f requests/s for %v (%.0f%% Telegram webhook, the rest Discord interactions), %d workers, %d CPUs\n",
		r.Load.Rate, r.Load.Duration, r.Load.TelegramShare*100, r.Load.Workers, r.CPUs)
	fmt.Fprintf(w, "sent %d, failed %d, not sent (every worker busy) %d; answered %.1f/s\n", r.Sent, r.Failed, r.NotSent, r.Throughput)
	rd := func(d time.Duration) time.Duration { return d.Round(10 * time.Microsecond) }
	fmt.Fprintf(w, "latency from scheduled send: p50 %v, p99 %v, max %v\n", rd(r.Latency.P50), rd(r.Latency.P99), rd(r.Latency.Max))
	for _, p := range []string{"telegram", "discord"} {
		if l, ok := r.ByPlatform[p]; ok {
			fmt.Fprintf(w, "  %-8s %6d requests: p50 %v, p99 %v, max %v\n", p, l.Count, rd(l.P50), rd(l.P99), rd(l.Max))
		}
	}
	fmt.Fprint(w, "p99 by tenth of the run:")
	for _, win := range r.Windows {
		fmt.Fprintf(w, " %v", rd(win.P99))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "processor use: server %.2f cores, load generator and fake API %.2f cores\n", r.ServerCPU, r.DriverCPU)
	fmt.Fprintf(w, "telegram replies received (webhook responses and fake Bot API): %d for %d accepted updates\n", r.Replies, r.TelegramOK)
	for _, e := range r.Errors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
	fmt.Fprintln(w, "server memory (at: RSS, heap in use, goroutines):")
	for _, m := range r.Memory {
		fmt.Fprintf(w, "  %6.1fs: %6.1f MiB, %6.1f MiB, %d\n", m.At.Seconds(), float64(m.RSS)/(1<<20), float64(m.HeapInUse)/(1<<20), m.Goroutines)
	}
}
