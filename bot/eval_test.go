package bot_test

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/cli"
)

// TestEvalFloors runs the labelled evaluation set and holds the engine to the project's floors.
func TestEvalFloors(t *testing.T) {
	f, err := os.Open("../testdata/eval.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := cli.ReadCases(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 300 {
		t.Fatalf("evaluation set has %d questions, want at least 300", len(cases))
	}
	eng := newEngine(t, bot.Options{})
	report, err := cli.Evaluate(context.Background(), eng, cases)
	if err != nil {
		t.Fatal(err)
	}
	floors := cli.Floors{Top1: map[string]float64{"en": 0.95, "ar": 0.90}, Abstain: 0.90, UrgentRecall: 1}
	failed := report.Check(floors)
	mild := 0
	for _, fl := range report.Failures {
		if fl.Status == bot.Urgent && fl.Case.Kind == cli.KindAnswer && slices.Contains(fl.Case.IDs, "side-effects") {
			mild++
		}
	}
	if mild > 0 {
		failed = append(failed, "mild symptoms flagged urgent")
	}
	if len(failed) > 0 {
		var buf writerFunc = func(p []byte) (int, error) { t.Log(string(p)); return len(p), nil }
		_ = cli.WriteReport(buf, report)
		t.Errorf("below the floors: %v", failed)
	}
}

type writerFunc func([]byte) (int, error)

func (w writerFunc) Write(p []byte) (int, error) { return w(p) }
