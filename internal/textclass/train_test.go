package textclass

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"
)

// In a stable order, one more example changes the model by little: the other examples' probabilities
// stay where they were, where a shuffle of positions moves them all.
func TestStableOrderMovesLittle(t *testing.T) {
	var examples []Example
	for i := range 200 {
		examples = append(examples, Example{Text: fmt.Sprintf("question %d about topic %d and word%d", i, i%5, i%7), Class: i % 5})
	}
	classes := []string{"a", "b", "c", "d", "e"}
	drift := func(stable bool) float64 {
		o := TrainOptions{Bits: 10, Epochs: 3, Seed: 1, StableOrder: stable}
		m1, err := Train(context.Background(), classes, examples, o)
		if err != nil {
			t.Fatal(err)
		}
		more := append(slices.Clone(examples[:100]), append([]Example{{Text: "a new way to ask", Class: 2}}, examples[100:]...)...)
		m2, err := Train(context.Background(), classes, more, o)
		if err != nil {
			t.Fatal(err)
		}
		var d float64
		for _, e := range examples {
			p1, p2 := m1.Probabilities(e.Text), m2.Probabilities(e.Text)
			for k := range p1 {
				d = max(d, math.Abs(p1[k]-p2[k]))
			}
		}
		return d
	}
	stable, shuffled := drift(true), drift(false)
	if stable >= shuffled/2 {
		t.Errorf("largest change of a probability: stable order %.4f, shuffled %.4f", stable, shuffled)
	}
}

// An averaged model is the mean of the models of its seeds, weight for weight.
func TestAverageIsTheMeanOfItsSeeds(t *testing.T) {
	var examples []Example
	for i := range 60 {
		examples = append(examples, Example{Text: fmt.Sprintf("message %d of kind %d", i, i%3), Class: i % 3})
	}
	classes := []string{"a", "b", "c"}
	train := func(o TrainOptions) *Model {
		m, err := Train(context.Background(), classes, examples, o)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	o := TrainOptions{Bits: 8, Epochs: 2, Seed: 5, StableOrder: true}
	avg := o
	avg.Average = 3
	mean := train(avg)
	var seeds []*Model
	for k := range 3 {
		s := o
		s.Seed += uint64(k)
		seeds = append(seeds, train(s))
	}
	for i, w := range mean.Weights {
		want := (seeds[0].Weights[i] + seeds[1].Weights[i] + seeds[2].Weights[i]) / 3
		if math.Abs(float64(w-want)) > 1e-5 {
			t.Fatalf("weight %d: %v, want the mean of the seeds' %v", i, w, want)
		}
	}
}
