package bot

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics counts the engine's decisions (questions by platform, language and status, and how long
// answers take) and patients' verdicts on them (feedback taken and refused). Labels never carry message
// text or user ids.
type Metrics struct {
	questions *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	feedback  *prometheus.CounterVec
	refused   *prometheus.CounterVec
}

// NewMetrics registers the engine's metrics with reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_questions_total",
			Help: "Questions answered, by platform, language and status (answered, no_match, urgent).",
		}, []string{"platform", "lang", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "faqbot_answer_seconds",
			Help:    "Time to decide an answer, by platform.",
			Buckets: []float64{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1},
		}, []string{"platform"}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_feedback_total", Help: "Feedback taken on answers, by platform and verdict (helpful, not_helpful).",
		}, []string{"platform", "verdict"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "faqbot_feedback_refused_total", Help: "Feedback refused: on an answer not given to that user, by platform.",
		}, []string{"platform"}),
	}
	for _, c := range []prometheus.Collector{m.questions, m.latency, m.feedback, m.refused} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// observe records one answer. A nil Metrics records nothing.
func (m *Metrics) observe(platform string, a Answer, took time.Duration) {
	if m == nil {
		return
	}
	if platform == "" {
		platform = "unknown"
	}
	m.questions.WithLabelValues(platform, a.Lang, string(a.Status)).Inc()
	m.latency.WithLabelValues(platform).Observe(took.Seconds())
}

// Feedback counts a patient's verdict on an answer: taken, or refused (on an answer not given to them).
// A nil Metrics counts nothing.
func (m *Metrics) Feedback(platform string, helpful, taken bool) {
	if m == nil {
		return
	}
	if !taken {
		m.refused.WithLabelValues(platform).Inc()
		return
	}
	verdict := "not_helpful"
	if helpful {
		verdict = "helpful"
	}
	m.feedback.WithLabelValues(platform, verdict).Inc()
}
