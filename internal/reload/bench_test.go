package reload

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/banktest"
	"github.com/faqbot/faqbot/knowledge"
)

// BenchmarkReload10k is one hot reload of a 10,000-entry bank while questions keep coming: the time to
// build the new index beside the old one and swap it in. It reports the questions answered meanwhile.
func BenchmarkReload10k(b *testing.B) {
	base, _, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	bank := banktest.Generate(base, 5000, banktest.DefaultShape(), 1)
	live, err := New(context.Background(), bankBuilder(bank), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer live.Close()
	questions := banktest.Questions(base, "en", 200, 3)
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var answered, failed atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			if _, err := live.Answer(context.Background(), bot.Question{Text: questions[i%len(questions)]}); err != nil {
				failed.Add(1)
			}
			answered.Add(1)
		}
	}()
	b.ResetTimer()
	for b.Loop() {
		if err := live.Reload(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	stop()
	wg.Wait()
	if failed.Load() > 0 {
		b.Fatalf("%d questions failed during reloads", failed.Load())
	}
	b.ReportMetric(float64(answered.Load())/float64(b.N), "questions/reload")
}
