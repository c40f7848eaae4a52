package index

import (
	"context"
	"testing"

	"github.com/faqbot/faqbot/internal/banktest"
	"github.com/faqbot/faqbot/knowledge"
)

func defaultBank(b *testing.B) *knowledge.Bank {
	b.Helper()
	bank, _, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	return bank
}

// BenchmarkBuild10k indexes a generated bank of 10,000 entries (5,000 per language).
func BenchmarkBuild10k(b *testing.B) {
	bank := banktest.Generate(defaultBank(b), 5000, banktest.DefaultShape(), 1)
	b.ResetTimer()
	for b.Loop() {
		ix, err := Build(context.Background(), bank)
		if err != nil {
			b.Fatal(err)
		}
		_ = ix.Close()
	}
	b.ReportMetric(float64(len(bank.Entries)), "entries")
}
