package reload

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"log/slog"
)

func TestWatchReloadsOnChange(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "more")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fired := make(chan struct{}, 10)
	if err := Watch(ctx, dir, 50*time.Millisecond, func() { fired <- struct{}{} }, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(dir, "a.yaml"), filepath.Join(sub, "b.yaml")} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		select {
		case <-fired:
		case <-time.After(5 * time.Second):
			t.Fatalf("no reload after writing %s", p)
		}
	}
	if err := Watch(ctx, filepath.Join(dir, "missing"), time.Millisecond, func() {}, slog.New(slog.DiscardHandler)); err == nil {
		t.Error("watching a missing path: got no error")
	}
}
