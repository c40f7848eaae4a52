package main

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/faqbot/faqbot/internal/textclass"
)

// TestShippedModelIsTrainedFromTheCorpus retrains the learned layer from the corpus and compares it with
// bot/redflags.model: the shipped weights are what this command makes of the committed data, so a
// change to the corpus, the features or the options without a retrain fails here.
func TestShippedModelIsTrainedFromTheCorpus(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("trains five models: run without -short and -race (.ci/run does)")
	}
	t.Chdir("../..")
	path := filepath.Join(t.TempDir(), "redflags.model")
	if err := run(context.Background(), path, false, false, ""); err != nil {
		t.Fatal(err)
	}
	got, want := readModel(t, path), readModel(t, "bot/redflags.model")
	if len(got.Weights) != len(want.Weights) {
		t.Fatalf("retrained model has %d weights, shipped %d", len(got.Weights), len(want.Weights))
	}
	for i := range got.Weights {
		// Training is deterministic; the tolerance allows for a platform that fuses multiply-adds.
		if d := math.Abs(float64(got.Weights[i] - want.Weights[i])); d > 1e-3 {
			t.Fatalf("weight %d: retrained %v, shipped %v: run go run ./cmd/trainflags -out bot/redflags.model", i, got.Weights[i], want.Weights[i])
		}
	}
}

func readModel(t *testing.T, path string) *textclass.Model {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := textclass.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
