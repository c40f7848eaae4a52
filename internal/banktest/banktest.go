// Package banktest generates large synthetic knowledge banks for benchmarks and load tests: entries of
// realistic length drawn from the default knowledge's own vocabulary, so that term statistics look like
// a clinic's FAQ rather than random strings.
package banktest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// Shape is the size of each generated entry, in words.
type Shape struct {
	QuestionWords, Alternates, AnswerWords int
}

// DefaultShape matches the default knowledge: a 9-word question, 6 alternates, a 55-word answer.
func DefaultShape() Shape { return Shape{QuestionWords: 9, Alternates: 6, AnswerWords: 55} }

// Generate returns a bank of n entries per language found in base, with words drawn from base's texts.
func Generate(base *knowledge.Bank, n int, shape Shape, seed uint64) *knowledge.Bank {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var entries []knowledge.Entry
	for _, lang := range base.Langs() {
		vocab := vocabulary(base, lang)
		for i := 0; i < n; i++ {
			e := knowledge.Entry{
				ID:       fmt.Sprintf("gen-%d", i),
				Lang:     lang,
				Kind:     knowledge.FAQ,
				Question: sentence(r, vocab, shape.QuestionWords) + "?",
				Answer:   sentence(r, vocab, shape.AnswerWords) + ".",
			}
			e.Title = sentence(r, vocab, 3)
			for k := 0; k < shape.Alternates; k++ {
				e.Alternates = append(e.Alternates, sentence(r, vocab, 4+r.IntN(shape.QuestionWords)))
			}
			entries = append(entries, e)
		}
	}
	return knowledge.NewBank(entries, base.Lexicons)
}

// Questions returns n questions in lang drawn from base's own alternates, the way patients would ask.
func Questions(base *knowledge.Bank, lang string, n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, seed+1))
	var pool []string
	for _, e := range base.Topics(lang) {
		pool = append(pool, e.Question)
		pool = append(pool, e.Alternates...)
	}
	out := make([]string, n)
	for i := range out {
		out[i] = pool[r.IntN(len(pool))]
	}
	return out
}

// vocabulary lists every word of one language's texts, with repeats, so common words stay common.
func vocabulary(b *knowledge.Bank, lang string) []string {
	var words []string
	for _, e := range b.Entries {
		if e.Lang != lang {
			continue
		}
		for _, t := range append([]string{e.Question, e.Answer}, e.Alternates...) {
			words = append(words, textnorm.Words(textnorm.Normalize(t))...)
		}
	}
	return words
}

func sentence(r *rand.Rand, vocab []string, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = vocab[r.IntN(len(vocab))]
	}
	return strings.Join(ws, " ")
}
