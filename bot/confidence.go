package bot

import (
	"cmp"
	"math"
	"slices"

	"github.com/faqbot/faqbot/knowledge"
)

// scored is a match with its rank and calibrated confidence.
type scored struct {
	knowledge.Match
	rank       float64
	lead       float64
	learned    float64 // the learned topic classifier's chance, when there is one
	confidence float64
	excluded   bool // the question names what the entry's answer does not cover (its unless)
}

// Ranking weights: the entry's closest way of asking (similarity both ways, and coverage of the
// question), what the entry holds anywhere, and the search engine's own relevance score, relative to the
// best hit.
const (
	rankSimilarity = 0.6
	rankQuestion   = 0.2
	rankCoverage   = 0.1
	rankScore      = 0.2
)

// Model is a logistic model of the chance that the top entry is the right answer, from evidence the
// search reports. Its coefficients are fitted on a labelled evaluation set (see Fit).
type Model struct {
	Bias, Similarity, Question, Coverage, Lead, Unknown, Missing float64
}

// DefaultModel was fitted on testdata/eval.jsonl with `go test ./bot -run TestFitModel -fit`.
func DefaultModel() Model {
	return Model{Bias: -1.17, Similarity: 2.14, Question: -0.68, Coverage: 2.68, Lead: 3.88, Unknown: 0.49, Missing: -0.32}
}

// Features are the evidence the model weighs for one candidate.
type Features struct {
	Similarity, Question, Coverage, Lead, Unknown, Missing float64
}

// Confidence is the modelled chance that a candidate with these features is the right answer.
func (m Model) Confidence(f Features) float64 {
	z := m.Bias + m.Similarity*f.Similarity + m.Question*f.Question + m.Coverage*f.Coverage +
		m.Lead*f.Lead + m.Unknown*f.Unknown + m.Missing*f.Missing
	return 1 / (1 + math.Exp(-z))
}

// calibrate orders matches by evidence and gives each a confidence in [0,1]. unknown is the share of the
// question's weight in words the knowledge has never seen.
func calibrate(model Model, ms []knowledge.Match, unknown float64) []scored {
	out := make([]scored, len(ms))
	maxScore := 0.0
	for _, m := range ms {
		maxScore = math.Max(maxScore, m.Score)
	}
	for i, m := range ms {
		rel := 0.0
		if maxScore > 0 {
			rel = m.Score / maxScore
		}
		out[i] = scored{Match: m, rank: rankSimilarity*m.Similarity + rankQuestion*m.QuestionCoverage +
			rankCoverage*m.Coverage + rankScore*rel}
	}
	// Ties, which Bleve returns in no fixed order, go by id: the same question always reads the same.
	slices.SortFunc(out, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.rank, a.rank), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Lang, b.Lang))
	})
	for i := range out {
		out[i].lead = leadOf(out, i)
		out[i].confidence = model.Confidence(out[i].features(unknown))
	}
	return out
}

func (s scored) features(unknown float64) Features {
	return Features{Similarity: s.Similarity, Question: s.QuestionCoverage, Coverage: s.Coverage, Lead: s.lead, Unknown: unknown, Missing: s.Missing}
}

// leadOf is how far a candidate's rank stands above the best other candidate of its group (guide
// sections, or curated entries); negative when another one ranks higher. A near tie means the question
// does not single out one answer.
func leadOf(ss []scored, i int) float64 {
	other := 0.0
	guide := ss[i].Kind == knowledge.Guide
	for j := range ss {
		if j != i && (ss[j].Kind == knowledge.Guide) == guide {
			other = math.Max(other, ss[j].rank)
		}
	}
	return ss[i].rank - other
}

// unknownShare is the share of the question's weight in terms the knowledge does not contain.
func unknownShare(terms []knowledge.QueryTerm) float64 {
	var total, unknown float64
	for _, t := range terms {
		total += t.Weight
		if !t.Known {
			unknown += t.Weight
		}
	}
	if total == 0 {
		return 1
	}
	return unknown / total
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
