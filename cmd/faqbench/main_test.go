package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunOnASmallSet runs the whole measurement on a made-up set in StackFAQ's form, with an answer given
// as one string and a placeholder rephrasing.
func TestRunOnASmallSet(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"root": {"qapair": [`)
	topics := []string{"delete my account", "change the font colour", "export my contacts", "turn off notifications", "share a private album"}
	for i, topic := range topics {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"rephr": ["how do I ` + topic + `", "*", "I want to ` + topic + `", "can I ` + topic + ` please", "steps to ` + topic + `"],
			"question": "How to ` + topic + `?", "answer": "Open the settings and ` + topic + `."}`)
	}
	b.WriteString(`]}}`)
	path := filepath.Join(t.TempDir(), "set.json")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run(context.Background(), path, true, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"5 threads, 4 in the bank (12 alternates), 8 queries (4 of threads left out)", "plain Bleve BM25", "at its threshold"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if err := run(context.Background(), filepath.Join(t.TempDir(), "none.json"), true, &out); err == nil {
		t.Error("a missing file: no error")
	}
}
