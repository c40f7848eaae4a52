// Package textclass owns a small learned text classifier: a linear model over hashed character
// n-grams, words, word pairs and Arabic consonant skeletons of a message, its training (multinomial
// logistic regression) and its saved form. Character n-grams carry the spelling, dialect and Arabizi
// variation that lists of phrases miss.
package textclass

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// MaxBits bounds the size of a model: at most 1<<MaxBits hashed features per class.
const MaxBits = 22

// Model is a trained classifier. It is read-only once built, and safe for concurrent use.
type Model struct {
	Classes []string
	Bits    uint8     // features are hashed into 1<<Bits buckets
	Weights []float32 // bucket-major: Weights[bucket*len(Classes)+class]
	Bias    []float32
	// Negators are the words that negate the next few ("no", "لا", "mafeesh"): the words they govern
	// are read as negated features.
	Negators []string

	negators map[string]bool // Negators as a set, made by prepare
}

// Contribution is one feature's push toward a class, for explanations.
type Contribution struct {
	Feature string  `json:"feature"`
	Weight  float64 `json:"weight"`
}

func (m *Model) validate() error {
	c := len(m.Classes)
	switch {
	case c < 2:
		return fmt.Errorf("model has %d classes, want at least 2", c)
	case m.Bits == 0 || m.Bits > MaxBits:
		return fmt.Errorf("model has %d bits, want 1 to %d", m.Bits, MaxBits)
	case len(m.Weights) != c<<m.Bits:
		return fmt.Errorf("model has %d weights, want %d", len(m.Weights), c<<m.Bits)
	case len(m.Bias) != c:
		return fmt.Errorf("model has %d biases, want %d", len(m.Bias), c)
	}
	for _, w := range append(slices.Clip(m.Weights), m.Bias...) {
		if math.IsNaN(float64(w)) || math.IsInf(float64(w), 0) {
			return fmt.Errorf("model has a weight that is not a number")
		}
	}
	return nil
}

// prepare makes what reading a message needs from the saved fields.
func (m *Model) prepare() {
	m.negators = make(map[string]bool, len(m.Negators))
	for _, w := range m.Negators {
		m.negators[w] = true
	}
}

// Probabilities returns the probability of each class for text, in the order of m.Classes: the softmax
// of the sums of its features' weights, each scaled by featureScale.
func (m *Model) Probabilities(text string) []float64 {
	return m.ProbabilitiesNormalized(textnorm.Normalize(text))
}

// ProbabilitiesNormalized is Probabilities of a text already normalised by textnorm.Normalize, for a
// caller that has it.
func (m *Model) ProbabilitiesNormalized(norm string) []float64 {
	mask := uint64(1)<<m.Bits - 1
	sums := make([]float64, len(m.Classes))
	n := 0
	x := extractor{negators: m.negators, emit: func(h uint64) {
		m.add(sums, uint32(h&mask))
		n++
	}}
	x.each(norm)
	return m.softmaxOf(sums, n)
}

// add adds the weights of one hashed feature to each class's sum, four classes a step (each sum takes
// its features in the same order either way, so the sums are the same to the bit).
func (m *Model) add(sums []float64, bucket uint32) {
	c := len(sums)
	w := m.Weights[int(bucket)*c:][:c]
	k := 0
	for ; k+4 <= c; k += 4 {
		s, x := sums[k:k+4:k+4], w[k:k+4:k+4]
		s[0] += float64(x[0])
		s[1] += float64(x[1])
		s[2] += float64(x[2])
		s[3] += float64(x[3])
	}
	for ; k < c; k++ {
		sums[k] += float64(w[k])
	}
}

// buckets appends the hashed features of text to dst, for training.
func (m *Model) buckets(text string, dst []uint32) []uint32 {
	mask := uint64(1)<<m.Bits - 1
	x := extractor{negators: m.negators, emit: func(h uint64) { dst = append(dst, uint32(h&mask)) }}
	x.each(textnorm.Normalize(text))
	return dst
}

// probabilities is Probabilities of a message's hashed features.
func (m *Model) probabilities(buckets []uint32) []float64 {
	sums := make([]float64, len(m.Classes))
	for _, b := range buckets {
		m.add(sums, b)
	}
	return m.softmaxOf(sums, len(buckets))
}

// softmaxOf turns the weight sums of n features into probabilities, in place.
func (m *Model) softmaxOf(sums []float64, n int) []float64 {
	scale := featureScale(n)
	for k := range sums {
		sums[k] = float64(m.Bias[k]) + sums[k]*scale
	}
	softmax(sums)
	return sums
}

// minFeatures is the feature count below which a message's features are not scaled up any further: a
// word or two ("hi") is little evidence, and must not weigh like a sentence.
const minFeatures = 64

// featureScale is the weight of each of a message's n features: 1/sqrt(n), so that a long message is not
// more certain than a short one, but no more than 1/sqrt(minFeatures).
func featureScale(n int) float64 { return 1 / math.Sqrt(float64(max(n, minFeatures))) }

func softmax(p []float64) {
	top := slices.Max(p)
	sum := 0.0
	for k := range p {
		p[k] = math.Exp(p[k] - top)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
}

// Explain returns the n features of text that push it most toward class against the others, strongest
// first.
func (m *Model) Explain(text string, class, n int) []Contribution {
	c := len(m.Classes)
	if class < 0 || class >= c {
		return nil
	}
	mask := uint64(1)<<m.Bits - 1
	seen := map[string]float64{}
	x := extractor{negators: m.negators, names: func(h uint64, name string) {
		w := m.Weights[int(h&mask)*c : int(h&mask)*c+c]
		others := 0.0
		for k := range w {
			if k != class {
				others += float64(w[k]) / float64(c-1)
			}
		}
		seen[name[1:]] += float64(w[class]) - others
	}}
	x.each(textnorm.Normalize(text))
	out := make([]Contribution, 0, len(seen))
	for f, w := range seen {
		if w > 0 {
			out = append(out, Contribution{Feature: f, Weight: math.Round(w*1000) / 1000})
		}
	}
	slices.SortFunc(out, func(a, b Contribution) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(a.Feature, b.Feature))
	})
	return out[:min(n, len(out))]
}
