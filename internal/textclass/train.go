package textclass

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
)

// Example is one labelled text: Class indexes the classes given to Train.
type Example struct {
	Text  string
	Class int
}

// TrainOptions set how a model is trained. The zero value of a field takes its default.
type TrainOptions struct {
	Bits   uint8   // hashed feature buckets, 1<<Bits (default 18)
	Epochs int     // passes over the examples (default 20)
	Rate   float64 // AdaGrad learning rate (default 0.3)
	L2     float64 // weight decay per step (default 1e-6)
	Seed   uint64  // order of the examples in each pass: the same seed trains the same model
	// Balance weighs each class by the inverse of its frequency, so that a rare class is not drowned by
	// a common one; without it the classes keep the prior of the examples.
	Balance bool
	// Negators are words that negate the next few, in normalised form (textnorm.Normalize).
	Negators []string
	// MinGradient, when set, skips a step's update of a wrong class whose probability is below it: with
	// many classes most are near zero after the first passes, and training is that many times faster.
	MinGradient float64
	// StableOrder orders each pass by a hash of each example (with the seed and the pass), not by a
	// shuffle of positions: adding or removing an example moves only that one in every pass, so a small
	// change to the examples makes a small change to the model.
	StableOrder bool
	// Average, when above 1, trains this many models, with seeds Seed, Seed+1..., and keeps the mean of
	// their weights. A linear model's mean scores each text with the mean of their scores: the luck of
	// one training order (which borderline texts land on which side) averages out.
	Average int
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Bits == 0 {
		o.Bits = 18
	}
	if o.Epochs == 0 {
		o.Epochs = 20
	}
	if o.Rate == 0 {
		o.Rate = 0.3
	}
	if o.L2 == 0 {
		o.L2 = 1e-6
	}
	return o
}

// Train fits a multinomial logistic regression to examples with AdaGrad.
func Train(ctx context.Context, classes []string, examples []Example, o TrainOptions) (*Model, error) {
	o = o.withDefaults()
	c := len(classes)
	if o.Bits > MaxBits {
		return nil, fmt.Errorf("train: %d bits, at most %d", o.Bits, MaxBits)
	}
	count := make([]int, c)
	for i, e := range examples {
		if e.Class < 0 || e.Class >= c {
			return nil, fmt.Errorf("train: example %d has class %d of %d", i, e.Class, c)
		}
		count[e.Class]++
	}
	m := &Model{Classes: classes, Bits: o.Bits, Weights: make([]float32, c<<o.Bits), Bias: make([]float32, c), Negators: o.Negators}
	if err := m.validate(); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	m.prepare()
	classWeight := make([]float64, c)
	for k, n := range count {
		if n > 0 {
			classWeight[k] = float64(len(examples)) / float64(c*n)
		}
		if !o.Balance {
			classWeight[k] = 1
		}
	}
	feats := make([][]uint32, len(examples))
	for i, e := range examples {
		feats[i] = m.buckets(e.Text, nil)
	}
	// The averaged models are fitted side by side, each from its own seed into its own weights, and
	// summed in seed order: the same model as fitting them one after another.
	models := []*Model{m}
	for range o.Average - 1 {
		models = append(models, &Model{Classes: classes, Bits: o.Bits, Weights: make([]float32, len(m.Weights)), Bias: make([]float32, c), Negators: o.Negators})
	}
	errs := make([]error, len(models))
	var wg sync.WaitGroup
	for k, model := range models {
		seeded := o
		seeded.Seed += uint64(k)
		wg.Go(func() { errs[k] = fit(ctx, model, seeded, feats, examples, classWeight) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, next := range models[1:] {
		addInto(m.Weights, next.Weights)
		addInto(m.Bias, next.Bias)
	}
	if o.Average > 1 {
		scale(m.Weights, 1/float32(o.Average))
		scale(m.Bias, 1/float32(o.Average))
	}
	return m, nil
}

func addInto(dst, src []float32) {
	for i, v := range src {
		dst[i] += v
	}
}

func scale(xs []float32, f float32) {
	for i := range xs {
		xs[i] *= f
	}
}

// fit trains m's weights in place over the examples' features, in the order o.Seed shuffles them.
func fit(ctx context.Context, m *Model, o TrainOptions, feats [][]uint32, examples []Example, classWeight []float64) error {
	t := trainer{m: m, o: o, sq: make([]float64, len(m.Weights)), sqBias: make([]float64, len(m.Classes))}
	rng := rand.New(rand.NewPCG(o.Seed, 0x7472696167650a))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	for epoch := range o.Epochs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("train: %w", err)
		}
		if o.StableOrder {
			stableOrder(order, examples, o.Seed, epoch)
		} else {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		for _, i := range order {
			t.step(feats[i], examples[i].Class, classWeight[examples[i].Class])
		}
	}
	return nil
}

// stableOrder sorts positions by a hash of their example, the seed and the pass; equal examples keep
// their order.
func stableOrder(order []int, examples []Example, seed uint64, epoch int) {
	keys := make([]uint64, len(examples))
	for i, e := range examples {
		h := fnv.New64a()
		_ = binary.Write(h, binary.LittleEndian, [3]uint64{seed, uint64(epoch), uint64(e.Class)})
		h.Write([]byte(e.Text))
		keys[i] = h.Sum64()
	}
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
}

// trainer holds AdaGrad's sums of squared gradients.
type trainer struct {
	m      *Model
	o      TrainOptions
	sq     []float64
	sqBias []float64
}

func (t *trainer) step(buckets []uint32, class int, weight float64) {
	m, c := t.m, len(t.m.Classes)
	p := m.probabilities(buckets)
	scale := featureScale(len(buckets))
	for k := range c {
		g := p[k]
		if k == class {
			g--
		} else if g < t.o.MinGradient {
			continue
		}
		g *= weight
		t.sqBias[k] += g * g
		m.Bias[k] -= float32(t.o.Rate * g / math.Sqrt(t.sqBias[k]+1e-8))
		for _, b := range buckets {
			i := int(b)*c + k
			gw := g*scale + t.o.L2*float64(m.Weights[i])
			t.sq[i] += gw * gw
			m.Weights[i] -= float32(t.o.Rate * gw / math.Sqrt(t.sq[i]+1e-8))
		}
	}
}
