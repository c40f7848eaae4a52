// Package adaptermetrics owns the metrics every platform adapter reports, each under its own names:
// events received by type, replies by result, retries by reason, the time from an event to its reply,
// and the events being answered. Labels never carry user, chat or message ids.
package adaptermetrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metric names one metric and says what it counts.
type Metric struct{ Name, Help string }

// Names are an adapter's metrics, and the buckets of its reply time in seconds.
type Names struct {
	Received, Replies, Retries, Latency, InFlight Metric
	Buckets                                       []float64
}

// Metrics counts one adapter's work. A nil *Metrics counts nothing.
type Metrics struct {
	received *prometheus.CounterVec
	replies  *prometheus.CounterVec
	retries  *prometheus.CounterVec
	latency  prometheus.Histogram
	inFlight prometheus.Gauge
}

// New registers an adapter's metrics, under its names, with reg.
func New(reg prometheus.Registerer, n Names) (*Metrics, error) {
	m := &Metrics{
		received: prometheus.NewCounterVec(prometheus.CounterOpts{Name: n.Received.Name, Help: n.Received.Help}, []string{"type"}),
		replies:  prometheus.NewCounterVec(prometheus.CounterOpts{Name: n.Replies.Name, Help: n.Replies.Help}, []string{"result"}),
		retries:  prometheus.NewCounterVec(prometheus.CounterOpts{Name: n.Retries.Name, Help: n.Retries.Help}, []string{"reason"}),
		latency:  prometheus.NewHistogram(prometheus.HistogramOpts{Name: n.Latency.Name, Help: n.Latency.Help, Buckets: n.Buckets}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: n.InFlight.Name, Help: n.InFlight.Help}),
	}
	for _, c := range []prometheus.Collector{m.received, m.replies, m.retries, m.latency, m.inFlight} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Start counts an event received and being answered, and returns the function that ends its timing.
func (m *Metrics) Start(kind string) func() {
	if m == nil {
		return func() {}
	}
	m.received.WithLabelValues(kind).Inc()
	m.inFlight.Inc()
	began := time.Now()
	return func() {
		m.inFlight.Dec()
		m.latency.Observe(time.Since(began).Seconds())
	}
}

// Seen counts an event received and not answered (a duplicate).
func (m *Metrics) Seen(kind string) {
	if m != nil {
		m.received.WithLabelValues(kind).Inc()
	}
}

// Reply counts a reply by its result.
func (m *Metrics) Reply(result string) {
	if m != nil {
		m.replies.WithLabelValues(result).Inc()
	}
}

// Retry counts a request retried, by why.
func (m *Metrics) Retry(reason string) {
	if m != nil {
		m.retries.WithLabelValues(reason).Inc()
	}
}
