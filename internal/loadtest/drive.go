package loadtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Load is how hard and how long to drive.
type Load struct {
	Rate          float64       // requests per second, sent on schedule whatever the answers' pace
	Duration      time.Duration // how long; the run stops by itself
	Workers       int           // requests in flight at most; one due while all are busy is counted as not sent
	TelegramShare float64       // the share of Telegram updates; the rest are Discord interactions
	FirstID       int64         // the first update and interaction id (distinct runs use distinct ids)
}

// Measured is what a drive saw.
type Measured struct {
	Elapsed   time.Duration
	Latencies map[string][]time.Duration // by platform, sorted
	Errors    map[string]int             // by platform
	NotSent   int                        // due while every worker was busy
	Replies   int                        // Telegram replies carried by webhook responses
	Examples  []string                   // the first few errors
	Windows   []Window                   // the run in tenths, by when requests were due
	all       []time.Duration            // every platform's latencies together, sorted
}

// Window is one stretch of a run.
type Window struct {
	From  time.Duration `json:"from_ns"`
	Count int           `json:"count"`
	P99   time.Duration `json:"p99_ns"`
}

// Sent is the number of requests that got an answer or an error.
func (m Measured) Sent() int {
	n := 0
	for _, l := range m.Latencies {
		n += len(l)
	}
	return n
}

// Failed is the number of requests that failed.
func (m Measured) Failed() int {
	n := 0
	for _, e := range m.Errors {
		n += e
	}
	return n
}

// Percentile is the latency under which p (0..1) of a platform's requests ("" for all) were answered.
func (m Measured) Percentile(platform string, p float64) time.Duration {
	all := m.all
	if platform != "" {
		all = m.Latencies[platform]
	}
	if len(all) == 0 {
		return 0
	}
	return all[int(p*float64(len(all)-1))]
}

// Drive sends load.Rate requests per second to t for load.Duration and returns what happened. Latency
// is measured from each request's scheduled time, so a server that falls behind shows it. Requests
// still unanswered 30 seconds after the end are abandoned.
func Drive(ctx context.Context, client *http.Client, t Target, load Load) Measured {
	ctx, cancel := context.WithTimeout(ctx, load.Duration+30*time.Second)
	defer cancel()
	m := Measured{Latencies: map[string][]time.Duration{}, Errors: map[string]int{}}
	var mu sync.Mutex
	tenths := make([][]time.Duration, 10)
	jobs := make(chan int64)
	tr := newTraffic(t, load)
	start := time.Now()
	var wg sync.WaitGroup
	for range max(1, load.Workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				due := start.Add(time.Duration(float64(n) / load.Rate * float64(time.Second)))
				platform, replied, err := send(ctx, client, tr, n)
				took := time.Since(due)
				tenth := min(9, int(10*due.Sub(start)/max(load.Duration, 1)))
				mu.Lock()
				if replied {
					m.Replies++
				}
				m.Latencies[platform] = append(m.Latencies[platform], took)
				tenths[tenth] = append(tenths[tenth], took)
				if err != nil {
					m.Errors[platform]++
					if len(m.Examples) < 5 {
						m.Examples = append(m.Examples, err.Error())
					}
				}
				mu.Unlock()
			}
		}()
	}
	m.NotSent = schedule(ctx, jobs, start, load)
	close(jobs)
	wg.Wait()
	m.Elapsed = time.Since(start)
	for _, l := range m.Latencies {
		slices.Sort(l)
		m.all = append(m.all, l...)
	}
	slices.Sort(m.all)
	for i, l := range tenths {
		slices.Sort(l)
		w := Window{From: load.Duration * time.Duration(i) / 10, Count: len(l)}
		if len(l) > 0 {
			w.P99 = l[int(0.99*float64(len(l)-1))]
		}
		m.Windows = append(m.Windows, w)
	}
	return m
}

// schedule hands out request numbers at load.Rate until load.Duration has passed; it returns how many
// were due while every worker was busy.
func schedule(ctx context.Context, jobs chan<- int64, start time.Time, load Load) int {
	total := int64(load.Rate * load.Duration.Seconds())
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	notSent := 0
	for n := int64(0); n < total; {
		select {
		case <-ctx.Done():
			return notSent
		case now := <-tick.C:
			due := min(total, int64(now.Sub(start).Seconds()*load.Rate)+1)
			for ; n < due; n++ {
				select {
				case jobs <- n:
				default:
					notSent++
				}
			}
		}
	}
	return notSent
}

// send posts the n-th request and reports its platform, whether the answer carries a Telegram reply
// (a webhook answering with sendMessage), and whether it was answered with 200.
func send(ctx context.Context, client *http.Client, tr *traffic, n int64) (string, bool, error) {
	req, platform, err := tr.request(n)
	if err != nil {
		return platform, false, err
	}
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return platform, false, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	switch {
	case err != nil:
		return platform, false, fmt.Errorf("%s: read the answer: %w", platform, err)
	case resp.StatusCode != http.StatusOK:
		return platform, false, fmt.Errorf("%s: HTTP %d", platform, resp.StatusCode)
	}
	return platform, platform == "telegram" && bytes.Contains(body, []byte("method=sendMessage")), nil
}
