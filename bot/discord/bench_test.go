package discord

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkInteractionsHTTP sends signed /ask interactions (English, Arabic, urgent, unknown) to the
// HTTP endpoint over loopback from parallel clients and reports interactions/s and latency
// percentiles. Signing is done beforehand; verifying is part of what is measured.
func BenchmarkInteractionsHTTP(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	h := NewHandler(testEngine(b), nil, Options{Timeout: 5 * time.Second})
	in, err := NewInteractions(hex.EncodeToString(pub), h, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(in)
	defer srv.Close()
	questions := []string{"What should I wear to my session?", "is the harvesting painful", "كم تستغرق الجلسة؟",
		"هل يمكنني الاستحمام بعد الحقن", "I have a fever and the site is red", "how much does it cost", "can I drive home after", "متى أعود للعمل"}
	type signed struct{ body, ts, sig string }
	var reqs []signed
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	for i, q := range questions {
		body, _ := json.Marshal(map[string]any{"id": strconv.Itoa(i), "application_id": "2", "type": 2, "token": "t", "version": 1,
			"user": map[string]any{"id": "5"}, "data": map[string]any{"id": "3", "name": "ask", "type": 1, "options": []map[string]any{{"name": "question", "type": 3, "value": q}}}})
		reqs = append(reqs, signed{string(body), ts, hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...)))})
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	var mu sync.Mutex
	var latencies []time.Duration
	var n, failed atomic.Int64
	b.SetParallelism(4)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			r := reqs[n.Add(1)%int64(len(reqs))]
			req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(r.body))
			req.Header.Set("X-Signature-Ed25519", r.sig)
			req.Header.Set("X-Signature-Timestamp", r.ts)
			began := time.Now()
			resp, err := client.Do(req)
			if err != nil || resp.StatusCode != 200 {
				failed.Add(1)
			}
			if err == nil {
				resp.Body.Close()
			}
			mine = append(mine, time.Since(began))
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if failed.Load() > 0 {
		b.Fatalf("%d interactions failed", failed.Load())
	}
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "interactions/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
