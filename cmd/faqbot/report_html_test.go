package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/store"
)

// seedReportStore writes a SQLite store with two days of questions on two platforms in two languages,
// votes, and kept unanswered text of which one is a script; it returns its path.
func seedReportStore(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "faqbot.db")
	s, err := store.Open(ctx, path, store.Options{KeepUnansweredText: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	yesterday := now.Add(-24 * time.Hour)
	events := []store.Event{
		{At: yesterday, Platform: "telegram", Lang: "en", Status: "answered", AnswerID: "pain", Confidence: 0.9, Took: 30 * time.Millisecond},
		{At: yesterday, Platform: "discord", Lang: "ar", Status: "answered", AnswerID: "fasting", Confidence: 0.9, Took: 50 * time.Millisecond},
		{At: now, Platform: "telegram", Lang: "en", Status: "no_match", Reason: "out_of_scope", Text: "<script>alert(1)</script>", Took: 20 * time.Millisecond},
		{At: now, Platform: "discord", Lang: "ar", Status: "no_match", Reason: "unsure", Text: "كم سعر الجلسة؟", Took: 40 * time.Millisecond},
		{At: now, Platform: "telegram", Lang: "en", Status: "urgent", RedFlag: "fever", Took: 10 * time.Millisecond},
	}
	if err := s.RecordEvents(ctx, events); err != nil {
		t.Fatal(err)
	}
	for _, f := range []store.Feedback{
		{At: now, Platform: "telegram", Lang: "en", User: "1", AnswerID: "pain", Helpful: true},
		{At: now, Platform: "telegram", Lang: "en", User: "2", AnswerID: "pain", Helpful: false},
	} {
		if err := s.RecordGiven(ctx, store.Given{At: now, Platform: f.Platform, User: f.User, AnswerID: f.AnswerID}); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestReportHTML: --format html writes one page with every chart, the store's figures and its patient
// text escaped.
func TestReportHTML(t *testing.T) {
	db := seedReportStore(t)
	code, out, stderr := runCmd(t, "", "report", "--store", db, "--since", "7d", "--format", "html")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.HasSuffix(strings.TrimSpace(out), "</html>") {
		t.Errorf("output is not one HTML page:\n%s", out)
	}
	for _, want := range []string{
		`data-chart="per-day-platform"`, `data-chart="per-day-language"`, `data-chart="outcomes"`, `data-chart="helpful-rate"`,
		"&lt;script&gt;alert(1)&lt;/script&gt;", `dir="auto">كم سعر الجلسة؟`, "50% · 1 of 2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(out, "<script") {
		t.Errorf("page holds a script")
	}
}

// TestReportHTMLToFile: --out writes the page to a file only its owner reads, and nothing to stdout.
func TestReportHTMLToFile(t *testing.T) {
	db := seedReportStore(t)
	path := filepath.Join(t.TempDir(), "report.html")
	code, out, stderr := runCmd(t, "", "report", "--store", db, "--format", "html", "--out", path)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, stderr)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("report mode: got %v, want 0600", info.Mode().Perm())
	}
	if page, _ := os.ReadFile(path); !strings.Contains(string(page), `data-chart="outcomes"`) {
		t.Errorf("the file holds no report:\n%s", page)
	}
}

// TestReportHTMLEmptyStore: a store without records gives a page saying so.
func TestReportHTMLEmptyStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "faqbot.db")
	s, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	code, out, stderr := runCmd(t, "", "report", "--store", path, "--format", "html")
	if code != 0 || !strings.Contains(out, "No data yet") || strings.Contains(out, "<svg") {
		t.Errorf("exit %d, stderr %s, page:\n%s", code, stderr, out)
	}
}

// TestReportFormats: an unknown format is a usage error that names the formats.
func TestReportFormats(t *testing.T) {
	code, _, stderr := runCmd(t, "", "report", "--store", seedReportStore(t), "--format", "pdf")
	if code != 2 || !strings.Contains(stderr, "want table, json, csv or html") {
		t.Errorf("--format pdf: exit %d, stderr %q, want 2 naming the formats", code, stderr)
	}
}
