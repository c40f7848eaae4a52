package index

import (
	"context"
	"testing"

	"github.com/faqbot/faqbot/internal/banktest"
	"github.com/faqbot/faqbot/knowledge"
)

// defaultBank is the embedded default knowledge.
func defaultBank(tb testing.TB) *knowledge.Bank {
	tb.Helper()
	bank, _, err := knowledge.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return bank
}

// defaultBankIndex is the embedded default knowledge and its index, closed when the test ends.
func defaultBankIndex(tb testing.TB) (*knowledge.Bank, *Index) {
	tb.Helper()
	bank := defaultBank(tb)
	ix, err := Build(context.Background(), bank)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = ix.Close() })
	return bank, ix
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
