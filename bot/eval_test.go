package bot_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/eval"
)

// TestEvalFloors runs the labelled evaluation set and holds the engine to the project's floors. The set
// is where the search's confidence model was fitted and its alternates tuned: with the learned topic
// classifier its English top-1 went from 96.1% to 93.5% while every blind set gained (wrong answers
// 5.1 -> 1.5%, 8.1 -> 5.5%, 10.2 -> 6.2% on heldout 1-3, 8.6 -> 5.3% on the corpus's dev split), so its
// English floor is 93%.
// English 93% until session 7, when the corpus train split's questions became alternates: 92.9% (one
// question), while every blind set gained.
func TestEvalFloors(t *testing.T) {
	floors := eval.Floors{Top1: map[string]float64{"en": 0.925, "ar": 0.90}, Abstain: 0.90, UrgentRecall: 1}
	checkFloors(t, "../testdata/eval.jsonl", 300, floors)
}

// TestHeldOutSafety runs the held-out sets, written blind and never tuned on for answers, with the
// safety floors only: every red flag triaged, no mild symptom flagged (and, for the first, abstention).
// Their accuracy is reported in BENCHMARKS.md rather than held to a floor, so that they stay fair measures.
func TestHeldOutSafety(t *testing.T) {
	checkFloors(t, "../testdata/heldout.jsonl", 200, eval.Floors{Abstain: 0.90, UrgentRecall: 1})
	checkFloors(t, "../testdata/heldout2.jsonl", 120, eval.Floors{UrgentRecall: 1})
	checkFloors(t, "../testdata/heldout3.jsonl", 120, eval.Floors{UrgentRecall: 1})
}

// TestArabiziFloors holds Arabizi questions to their figures: the dev set (tuned on) and the fresh set
// at its first run (top-1 50.0%, abstention 83.3%; 1.0% top-1 before Arabizi was read in Arabic script).
// The learned blend on Arabizi read in Arabic script cost the dev set four answers (47.6% -> 45.3%) and
// saved three wrong ones there (19.0% -> 17.2% of answered) and four on the fresh set (11.5% -> 5.2%).
// The classifier's stable training order (session 7) moved them to 43.5% and 47.1%; the train split's
// questions as alternates to 48.8% and 54.9%.
func TestArabiziFloors(t *testing.T) {
	checkFloors(t, "../testdata/arabizi-dev.jsonl", 200, eval.Floors{Top1: map[string]float64{"ar": 0.488}, Abstain: 0.86})
	checkFloors(t, "../testdata/arabizi-fresh.jsonl", 120, eval.Floors{Top1: map[string]float64{"ar": 0.549}, Abstain: 0.83})
}

// TestCorpusFloors holds the engine to the figures of the blind receptionist corpus (testdata/corpus:
// 1,580 messages by six writers who saw only the guide and the topic list, split once by a hash of each
// message into train, dev and test; English registers, MSA, Gulf, Egyptian, Levantine, Maghrebi, Iraqi,
// Arabizi, mixed, long, two-question, acts and near misses) and of fresh4, 240 messages by a seventh
// writer, and fresh5, 240 by an eighth, written while the method changed and sealed until the end of
// session 6. The learned blend was fitted on train and its threshold chosen on dev; test, fresh4 and
// fresh5 were never tuned on. fresh4's first run (classifier and blend, before learned acts and two questions read
// apart) was top-1 ar 69.7% en 75.8%, abstention 86.7%, wrong 11.9%, acts 45.7%, both 44.0%, one tap
// 83.0%; learned acts, parts, the blend for Arabizi and declined words then moved it to the figures
// below. fresh5's first run was top-1 ar 71.3% en 90.6%, abstention 94.7%, wrong 7.1%, acts 68.6%, one tap
// 88.5%, both 60.0%. Session 7 trained the classifier in a stable order (a knowledge edit moves only
// its own examples, so teaching one question no longer reshuffles unrelated answers: 0 of eval.jsonl's
// 383 changed, 14 before), a different draw of the same model: the figures below are its own, and the
// old order's second seed scored as far below its first (test top-1 ar 74.5%, en 91.0%). Then the train
// split's plain single-topic questions (289) became alternates of their topics, and 31 of its near
// misses the engine answered or was unsure of became alternates of the out-of-scope entries they belong
// to, as a clinic's review would teach them: every other set gained (test top-1 ar 73.3% -> 79.5%, wrong
// 4.6% -> 3.4%; fresh5 abstention 92.0% -> 94.7%, wrong 6.4% -> 4.3%); train is in sample since. fresh6,
// 240 by a ninth writer, sealed until session 7's end: the session-start engine would have scored it top-1
// ar 68.2% en 90.3%, abstention 97.6%, wrong 8.2%, one tap 86.6%.
func TestCorpusFloors(t *testing.T) {
	for _, set := range []struct {
		name         string
		min          int
		ar, en, abst float64
		wrong, acts  float64
		oneTap, both float64
	}{
		{"train", 900, 0.858, 0.912, 0.953, 0.033, 0.733, 0.935, 0.696}, // its questions are alternates: in sample
		{"dev", 330, 0.838, 0.825, 0.929, 0.055, 0.814, 0.907, 0.595},
		{"test", 320, 0.795, 0.910, 0.966, 0.034, 0.762, 0.916, 0.500},
		{"fresh4", 240, 0.697, 0.894, 0.907, 0.079, 0.657, 0.867, 0.560},
		{"fresh5", 240, 0.733, 0.922, 0.947, 0.043, 0.686, 0.897, 0.600},
		{"fresh6", 240, 0.682, 0.889, 1.000, 0.054, 0.786, 0.860, 0.867}, // its first run (session 7's end)
	} {
		const tenth = 0.0005 // the figures are rounded to a tenth of a percent
		checkFloors(t, "../testdata/corpus/"+set.name+".jsonl", set.min, eval.Floors{Top1: map[string]float64{"ar": set.ar - tenth, "en": set.en - tenth},
			Abstain: set.abst - tenth, MaxWrong: set.wrong + tenth, Acts: set.acts - tenth, OneTap: set.oneTap - tenth, Both: set.both - tenth})
	}
}

// TestTriageFloors holds red-flag triage to the figures of each set of the blind triage corpus
// (testdata/triage): train, train-mild and train-negative, where the rules were tuned and the learned layer
// trained, and dev, where its policy was checked; the test split and the fresh sets, never tuned on, at
// their figures with the learned layer (fresh3 at its first run), so that a change that loses a red flag
// there fails here. A mild
// after-effect is never an emergency.
func TestTriageFloors(t *testing.T) {
	for _, set := range []struct {
		name         string
		min          int
		recall, mild float64
		negatives    float64
	}{
		{"train", 1800, 0.991, 1, 0.97},
		{"train-urgent", 660, 0.992, 0, 0},
		{"train-mild", 450, 0, 0.98, 0},
		{"train-negative", 450, 0, 0, 0.957},
		{"dev", 240, 0.975, 0.983, 0.933},
		{"test", 240, 0.958, 1, 0.933},
		{"fresh", 200, 0.988, 0.981, 0.981},
		// fresh2's first run was 90.0% / 98.2% / 92.7%; the layer retrained with train-urgent read four
		// more of its red flags and one more of its negatives as urgent.
		{"fresh2", 220, 0.963, 1, 0.909},
		{"fresh3", 200, 0.99, 1, 0.92}, // its first run: recall 97.0%, negatives 88.0%
		// fresh4 (session 7, a fifth writer): its first run was recall 91.4%, mild 95.0%, negatives
		// 90.0%; the model adding red flags over Arabizi set aside as negated, past or hypothetical
		// (over_skeleton_asides, chosen out of fold on train) read two more.
		{"fresh4", 200, 0.942, 0.95, 0.90},
	} {
		checkFloors(t, "../testdata/triage/"+set.name+".jsonl", set.min, eval.Floors{UrgentRecall: set.recall,
			MildNotUrgent: set.mild, NegativesNotUrgent: set.negatives, NoMildEmergency: true})
	}
}

func checkFloors(t *testing.T, path string, minCases int, floors eval.Floors) {
	t.Helper()
	cases := readCases(t, path)
	if len(cases) < minCases {
		t.Fatalf("%s has %d questions, want at least %d", path, len(cases), minCases)
	}
	eng := newEngine(t, bot.Options{})
	report, err := eval.Evaluate(context.Background(), eng, cases)
	if err != nil {
		t.Fatal(err)
	}
	failed := report.Check(floors)
	for _, fl := range report.Failures {
		if fl.Status == bot.Urgent && fl.Case.Kind == eval.KindAnswer && slices.Contains(fl.Case.IDs, "side-effects") {
			failed = append(failed, fmt.Sprintf("mild symptom flagged urgent (line %d)", fl.Case.Line))
		}
	}
	if len(failed) > 0 {
		for _, fl := range report.Failures {
			t.Logf("line %d [%s %s want %v %s] got %s %q: %s", fl.Case.Line, fl.Case.Lang, fl.Case.Kind, fl.Case.IDs, fl.Case.Urgency, fl.Status, fl.ID, fl.Case.Q)
		}
		t.Errorf("%s is below the floors: %v", path, failed)
	}
}

// readCases reads a labelled question set.
func readCases(t *testing.T, path string) []eval.Case {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := eval.ReadCases(f)
	if err != nil {
		t.Fatal(err)
	}
	return cases
}
