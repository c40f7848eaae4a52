package reload

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/knowledge"
)

// builder builds engines over a small knowledge folder; fail makes the next builds fail, and closed
// counts the retired engines closed.
func builder(t *testing.T, fail *atomic.Bool, closed *atomic.Int64) Builder {
	bank, _, err := knowledge.LoadPath("../../knowledge/testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	build := bankBuilder(bank)
	return func(ctx context.Context) (Built, error) {
		if fail.Load() {
			return Built{}, errors.New("broken knowledge")
		}
		b, err := build(ctx)
		if err != nil {
			return Built{}, err
		}
		ix := b.Closer
		b.Closer = closerFunc(func() error { closed.Add(1); return ix.Close() })
		return b, nil
	}
}

// bankBuilder builds engines over a bank.
func bankBuilder(bank *knowledge.Bank) Builder {
	return func(ctx context.Context) (Built, error) {
		ix, err := index.Build(ctx, bank)
		if err != nil {
			return Built{}, err
		}
		eng, err := bot.New(bank, ix, bot.Options{})
		if err != nil {
			return Built{}, err
		}
		return Built{Engine: eng, Closer: ix, Entries: len(bank.Entries)}, nil
	}
}

type closerFunc func() error

func (f closerFunc) Close() error { return f() }

func TestReloadUnderLoadFailsNoQuestion(t *testing.T) {
	var fail atomic.Bool
	var closed atomic.Int64
	reg := prometheus.NewRegistry()
	live, err := New(context.Background(), builder(t, &fail, &closed), Options{Metrics: reg})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var asked, failed atomic.Int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				a, err := live.Answer(context.Background(), bot.Question{Text: "where can I park my car?"})
				asked.Add(1)
				if err != nil || a.ID != "c12" {
					failed.Add(1)
				}
			}
		}()
	}
	const reloads = 100
	for i := 0; i < reloads; i++ {
		fail.Store(i%10 == 9) // every tenth reload meets broken knowledge
		err := live.Reload(context.Background())
		if (err != nil) != fail.Load() {
			t.Fatalf("reload %d: got %v with broken knowledge %v", i, err, fail.Load())
		}
	}
	stop()
	wg.Wait()
	if failed.Load() != 0 || asked.Load() == 0 {
		t.Fatalf("%d of %d questions failed during %d reloads", failed.Load(), asked.Load(), reloads)
	}
	t.Logf("%d questions answered during %d reloads, none failed", asked.Load(), reloads)
	if ok, bad := testutil.ToFloat64(live.metrics.reloads.WithLabelValues("ok")), testutil.ToFloat64(live.metrics.reloads.WithLabelValues("failed")); ok != 90 || bad != 10 {
		t.Errorf("reload metrics: got ok=%v failed=%v, want 90 and 10", ok, bad)
	}
	for deadline := time.Now().Add(5 * time.Second); closed.Load() < 90 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if closed.Load() < 90 {
		t.Errorf("%d retired engines closed, want 90", closed.Load())
	}
	if got := testutil.ToFloat64(live.metrics.entries); got != float64(live.Entries()) {
		t.Errorf("entries gauge %v, want %d", got, live.Entries())
	}
}

func TestFirstBuildFailureIsAnError(t *testing.T) {
	var fail atomic.Bool
	var closed atomic.Int64
	fail.Store(true)
	if _, err := New(context.Background(), builder(t, &fail, &closed), Options{}); err == nil {
		t.Error("New with broken knowledge: got no error")
	}
}
