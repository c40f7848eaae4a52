package bot

import (
	"math"
	"sort"

	"github.com/faqbot/faqbot/knowledge"
)

// scored is a match with its calibrated confidence.
type scored struct {
	knowledge.Match
	rank       float64
	confidence float64
}

// Calibration weights. Evidence is how much of the question's weight (rare words weigh more, words the
// knowledge has never seen weigh most) an entry covers, its question side counting more than its answer
// text; the search engine's own score breaks near ties.
const (
	questionWeight   = 0.45
	similarityWeight = 0.25
	answerWeight     = 0.3
	scoreWeight      = 0.15
	// leadWeight is the share of confidence that depends on a clear lead over the next entry of the same
	// kind: a near tie means the question does not single out one answer.
	leadWeight = 0.25
	leadScale  = 3.0
)

// calibrate orders matches by evidence and gives each a confidence in [0,1].
func calibrate(ms []knowledge.Match) []scored {
	out := make([]scored, len(ms))
	maxScore := 0.0
	for _, m := range ms {
		maxScore = math.Max(maxScore, m.Score)
	}
	for i, m := range ms {
		evidence := questionWeight*m.QuestionCoverage + similarityWeight*m.Similarity + answerWeight*m.Coverage
		rel := 0.0
		if maxScore > 0 {
			rel = m.Score / maxScore
		}
		out[i] = scored{Match: m, rank: evidence + scoreWeight*rel, confidence: evidence}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].rank > out[j].rank })
	for i := range out {
		lead := 1.0
		if next, ok := nextOfKind(out, i); ok && out[i].rank > 0 {
			lead = math.Max(0, (out[i].rank-next.rank)/out[i].rank)
		}
		out[i].confidence = clamp01(out[i].confidence * (1 - leadWeight + leadWeight*math.Min(1, leadScale*lead)))
	}
	return out
}

func nextOfKind(ss []scored, i int) (scored, bool) {
	for j := i + 1; j < len(ss); j++ {
		if ss[j].Kind == ss[i].Kind {
			return ss[j], true
		}
	}
	return scored{}, false
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
