package cli

import (
	"context"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/banktest"
	"github.com/faqbot/faqbot/internal/enginetest"
	"github.com/faqbot/faqbot/knowledge"
)

// BenchmarkBatch10k is `faqbot ask` in batch mode on a 10,000-entry bank: one op is one question read
// from a line, answered and written as JSON.
func BenchmarkBatch10k(b *testing.B) {
	base, _, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	bank := banktest.Generate(base, 5000, banktest.DefaultShape(), 1)
	eng := enginetest.Over(b, bank, bot.Options{})
	questions := append(banktest.Questions(base, "en", 500, 7), banktest.Questions(base, "ar", 500, 8)...)
	var in strings.Builder
	for i := 0; i < b.N; i++ {
		in.WriteString(questions[i%len(questions)] + "\n")
	}
	runtime.GC() // the build's garbage is not the answers' cost
	b.ReportAllocs()
	b.ResetTimer()
	if err := Batch(context.Background(), eng, strings.NewReader(in.String()), io.Discard, bot.Question{Lang: "auto", Top: 3}); err != nil {
		b.Fatal(err)
	}
}
