package bot

import (
	"cmp"
	"math"
	"slices"

	"github.com/faqbot/faqbot/internal/topicclass"
	"github.com/faqbot/faqbot/knowledge"
)

// Blend is a logistic model of the chance that a curated candidate is the right answer, from the
// search's calibrated confidence (Model) and the learned topic classifier's chance for the entry. The
// two fail differently: the search on words the knowledge never uses, the classifier on messages unlike
// any way of asking it learned; a candidate both favour is right far more often than one either does.
// Its coefficients are fitted with `go test ./bot -run TestFitBlend -fit`.
type Blend struct {
	Bias, Search, Learned, LogLearned, Best, Cross float64
}

// DefaultBlend was fitted on testdata/eval.jsonl and the corpus's train split with
// `go test ./bot -run TestFitBlend -fit`.
func DefaultBlend() Blend {
	return Blend{Bias: -0.10, Search: 2.35, Learned: 0.03, LogLearned: 0.80, Best: 0.19, Cross: 0.50}
}

// minLearned keeps the logarithm of a classifier chance finite.
const minLearned = 1e-4

// BlendFeatures are the evidence the blend weighs for one candidate.
type BlendFeatures struct {
	Confidence, Learned float64
	Best                bool // the classifier's likeliest entry
}

// Confidence is the blended chance that a candidate with these features is the right answer.
func (b Blend) Confidence(f BlendFeatures) float64 {
	best := 0.0
	if f.Best {
		best = 1
	}
	z := b.Bias + b.Search*f.Confidence + b.Learned*f.Learned + b.LogLearned*math.Log(f.Learned+minLearned) +
		b.Best*best + b.Cross*f.Confidence*f.Learned
	return 1 / (1 + math.Exp(-z))
}

// minWays is the fewest ways of asking per entry, on average, from which the classifier's reading of
// topics is blended in: learned from a question and a title alone it ranks worse than the search
// (StackFAQ without alternates, cmd/faqbench: P@1 68.5% against 74.2%). Its acts are read whatever the
// knowledge.
const minWays = 4

// learnedCandidates is how many of the classifier's likeliest entries join the search's candidates.
const learnedCandidates = 3

// learn re-weighs the curated candidates with the classifier's reading of the question: each gets the
// blended confidence, the classifier's likeliest entries the search missed join with none of the
// search's evidence, and all are ordered by confidence. Guide sections, which the classifier does not
// know, keep theirs. Without a classifier, or one that learned too few ways of asking, the candidates are
// unchanged.
func (e *Engine) learn(cands []scored, r topicclass.Reading, lang string) []scored {
	if e.topics == nil || e.topics.WaysPerEntry() < minWays {
		return cands
	}
	best, _ := r.Best()
	for _, id := range r.Ranked(learnedCandidates) {
		if slices.ContainsFunc(cands, func(c scored) bool { return c.ID == id }) {
			continue
		}
		if entry, ok := e.bank.Entry(id, lang); ok {
			cands = append(cands, scored{Match: knowledge.Match{ID: id, Lang: lang, Kind: entry.Kind}})
		}
	}
	for i := range cands {
		if cands[i].Kind == knowledge.Guide {
			continue
		}
		p := r.P(cands[i].ID)
		cands[i].learned = p
		cands[i].confidence = e.blend.Confidence(BlendFeatures{Confidence: cands[i].confidence, Learned: p, Best: cands[i].ID == best})
	}
	slices.SortStableFunc(cands, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.confidence, a.confidence), cmp.Compare(a.ID, b.ID))
	})
	return cands
}

// Learned acts: the classifier's chance for a conversation act ("thx alot", "مسا الخير", "wach nta
// robot?") that makes a message one when the phrases did not. An act is short; where the search found
// something the act must be surer, and surer still over an answer ("shokran gedan ya basha" is no
// question about pain); Arabizi, which the classifier knows only from act phrases, must be as sure as
// over an answer, but for a short request of the clinic or the bot where the search found nothing,
// which must be as sure as over plausible topics ("wesh tigdar tsawi enta?", what can you do?, is help;
// "3ayez alghy el ma3ad", I want to cancel the appointment, a handoff; 7 acts more on the sets). A
// longer one is as often a question the search missed, and a thanks or an ok in Arabizi a report ("mesh
// mrta7 awi bas mashi 7ali", not very comfortable but managing). Where the search found nothing the
// message gets no answer either way, and a longer one may be an act that asks something of its own
// ("what kind of questions can I ask you here?"); a longer thanks or greeting holds something else
// ("shokran ya basha, bas fi mot3ba3a ba3d kda?").
const (
	actShare      = 0.5 // nothing found
	actOverUnsure = 0.8 // plausible topics found
	actOverAnswer = 0.9 // an answer found, or in Arabizi anything
	actWords      = 6
	actWordsAlone = 12 // nothing found
	// actWordsArabizi is the most words of a request read in Arabizi over nothing found.
	actWordsArabizi = 8
	// actWordsRequest is the most words of a request read where the search and the questions read
	// apart found nothing (requestAct).
	actWordsRequest = 16
)

// learnedAct is the act the classifier reads in a message of n words, if it is sure enough. found says
// how sure the search was: 2 an answer, 1 plausible topics, 0 nothing; arabizi whether the message is
// Arabizi.
func learnedAct(r topicclass.Reading, found, n int, arabizi bool) (string, bool) {
	act, p := r.Act()
	if act == "" || n > actWordsAlone || n > actWords && (found > 0 || !asking(act)) {
		return "", false
	}
	need := [...]float64{actShare, actOverUnsure, actOverAnswer}[found]
	switch {
	case arabizi && found == 0 && asking(act) && n <= actWordsArabizi:
		need = actOverUnsure
	case arabizi:
		need = actOverAnswer
	}
	return act, p >= need
}

// asking reports whether an act asks something of the clinic or the bot (help, who answers, a person):
// such acts are told in longer sentences than a greeting or a thanks.
func asking(act string) bool {
	return act == knowledge.ActHelp || act == knowledge.ActIdentity || act == knowledge.ActHandoff
}
