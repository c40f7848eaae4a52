package guard

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestCallRecoversCountsAndLogsWithoutTheInput(t *testing.T) {
	reg := prometheus.NewRegistry()
	var logs bytes.Buffer
	p, err := New(Options{Metrics: reg, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	secret := "my chest hurts (patient text)"
	err = p.Call("telegram", func() error { panic(secret) })
	if !errors.Is(err, ErrPanic) {
		t.Fatalf("got %v, want ErrPanic", err)
	}
	if got := testutil.ToFloat64(p.count.WithLabelValues("telegram")); got != 1 {
		t.Errorf("got %v panics counted, want 1", got)
	}
	if strings.Contains(logs.String(), secret) || strings.Contains(err.Error(), secret) {
		t.Errorf("the panic value (which may quote the input) leaked: %s / %v", logs.String(), err)
	}
	if !strings.Contains(logs.String(), "guard_test.go") {
		t.Errorf("log has no stack: %s", logs.String())
	}
}

func TestCallPassesErrorsThrough(t *testing.T) {
	want := errors.New("boom")
	var p *Panics
	if err := p.Call("web", func() error { return want }); err != want {
		t.Errorf("got %v, want %v", err, want)
	}
	if err := p.Call("web", func() error { panic("engine bug") }); !errors.Is(err, ErrPanic) {
		t.Errorf("nil Panics: got %v, want ErrPanic", err)
	}
	p.Go("cli", func() { panic(1) })
}

func TestNewSharesOneCounterPerRegistry(t *testing.T) {
	reg := prometheus.NewRegistry()
	a, err := New(Options{Metrics: reg})
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(Options{Metrics: reg})
	if err != nil {
		t.Fatal(err)
	}
	a.Go("telegram", func() { panic(1) })
	b.Go("discord", func() { panic(2) })
	if got := testutil.CollectAndCount(reg, "faqbot_panics_total"); got != 2 {
		t.Errorf("got %d series, want 2 in one counter", got)
	}
}
