package bot_test

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/banktest"
	"github.com/faqbot/faqbot/internal/enginetest"
	"github.com/faqbot/faqbot/knowledge"
)

// BenchmarkAnswerDefault answers patients' questions (English and Arabic) on the embedded knowledge.
func BenchmarkAnswerDefault(b *testing.B) {
	base, _, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	benchAnswers(b, enginetest.Over(b, base, bot.Options{}), mixedQuestions(base))
}

// BenchmarkAnswer10k answers on a generated bank of 10,000 entries (5,000 per language, question and
// answer text both indexed, lengths like the default knowledge's).
func BenchmarkAnswer10k(b *testing.B) {
	base, _, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	bank := banktest.Generate(base, 5000, banktest.DefaultShape(), 1)
	benchAnswers(b, enginetest.Over(b, bank, bot.Options{}), mixedQuestions(base))
}

// BenchmarkAnswer100k is BenchmarkAnswer10k on 100,000 entries (the build takes about 40 s and 3 GB).
func BenchmarkAnswer100k(b *testing.B) {
	base, _, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	bank := banktest.Generate(base, 50000, banktest.DefaultShape(), 1)
	benchAnswers(b, enginetest.Over(b, bank, bot.Options{}), mixedQuestions(base))
}

func mixedQuestions(base *knowledge.Bank) []string {
	return append(banktest.Questions(base, "en", 500, 7), banktest.Questions(base, "ar", 500, 8)...)
}

// benchAnswers times each answer and reports the median and 99th percentile beside the mean.
func benchAnswers(b *testing.B, eng *bot.Engine, questions []string) {
	ctx := context.Background()
	durs := make([]time.Duration, 0, 1<<16)
	runtime.GC() // the build's garbage is not the answers' cost
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if _, err := eng.Answer(ctx, bot.Question{Text: questions[i%len(questions)]}); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(durs)
	at := func(p float64) float64 { return float64(durs[int(p*float64(len(durs)-1))].Nanoseconds()) }
	b.ReportMetric(at(0.50), "p50-ns")
	b.ReportMetric(at(0.99), "p99-ns")
}
