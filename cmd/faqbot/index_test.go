package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeReusesTheSavedIndex starts serve three times on one index folder: the first builds and
// saves the index, the second reuses it, the third (after the knowledge changed) starts on the saved
// index and builds the new one in the background.
func TestServeReusesTheSavedIndex(t *testing.T) {
	knowledgeDir := t.TempDir()
	for _, name := range []string{"faq.yaml", "guide.md", "sheet.csv"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "testdata", "good", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(knowledgeDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	indexDir, store := t.TempDir(), filepath.Join(t.TempDir(), "f.db")
	t.Setenv("FAQBOT_INDEX_PATH", indexDir)
	t.Setenv("FAQBOT_RELOAD_WATCH", "false")
	serveOnce := func(wantLog string) string {
		t.Helper()
		addr := freeAddr(t)
		ctx, cancel := context.WithCancel(context.Background())
		logs := &lockedWriter{w: &strings.Builder{}}
		done := make(chan int, 1)
		go func() {
			done <- run(ctx, []string{"serve", "--knowledge", knowledgeDir, "--http-addr", addr, "--store", store}, strings.NewReader(""), io.Discard, logs)
		}()
		waitReadyz(t, addr, `"knowledge":"ok"`)
		for deadline := time.Now().Add(20 * time.Second); !strings.Contains(logs.String(), wantLog) && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		if code := <-done; code != 0 {
			t.Fatalf("serve exit %d:\n%s", code, logs.String())
		}
		if !strings.Contains(logs.String(), wantLog) {
			t.Fatalf("logs lack %q:\n%s", wantLog, logs.String())
		}
		return logs.String()
	}
	serveOnce("reused=false")
	serveOnce("reused=true")
	f, err := os.OpenFile(filepath.Join(knowledgeDir, "sheet.csv"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString("parking,Where can I park?,In the car park.,en,\n")
	f.Close()
	logs := serveOnce("knowledge reloaded")
	if !strings.Contains(logs, "serving the index saved before") {
		t.Errorf("changed knowledge did not start on the saved index:\n%s", logs)
	}
}
