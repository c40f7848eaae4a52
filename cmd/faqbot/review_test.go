package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/store"
)

// skipUnderRace skips a review test under the race detector (raceEnabled): each review command builds the
// engine over a knowledge folder, and the loop retrains the topic classifier for each change it teaches,
// which the detector slows forty-fold (270 s against 7 s here).
func skipUnderRace(t *testing.T) {
	t.Helper()
	if raceEnabled {
		t.Skip("builds an engine per review command: run without -race (scripts/test does)")
	}
}

// TestReviewLoop drives the whole loop: patients' questions the bot cannot answer are kept for review;
// review teaches one to a topic; the evaluation sets pass on the changed knowledge; the running serve
// reloads it; the same question is now answered.
func TestReviewLoop(t *testing.T) {
	skipUnderRace(t)
	dir := t.TempDir()
	know := filepath.Join(dir, "knowledge")
	if err := os.CopyFS(know, os.DirFS("../../knowledge/default")); err != nil {
		t.Fatal(err)
	}
	set := filepath.Join(dir, "set.jsonl")
	writeHead(t, "../../testdata/eval.jsonl", set, 80)
	db := filepath.Join(dir, "faqbot.db")
	t.Setenv("FAQBOT_EVAL_SETS", set)
	cfg := config.Default()
	cfg.HTTP.Addr, cfg.Store.DSN, cfg.Knowledge, cfg.Store.KeepUnansweredText = "127.0.0.1:0", db, know, true
	cfg.Reload.Debounce = 100 * time.Millisecond
	m := NewMain(cfg, io.Discard)
	defer m.Close()
	ctx, cancel := context.WithCancel(context.Background())
	if err := m.Open(ctx); err != nil {
		t.Fatal(err)
	}
	addr := m.Addr()
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	const question = "will the cells be visible on a scan afterwards"
	waitFor(t, serveWait, "serve to answer", func() bool { _, err := ask(addr, "hello"); return err == nil })
	for _, q := range []string{question, "Will the cells be visible on a scan afterwards?", "can I bring my dog"} {
		if a, err := ask(addr, q); err != nil || a.Status != "no_match" {
			t.Fatalf("before teaching, %q: %+v %v", q, a, err)
		}
	}

	var groups []struct {
		Key   string
		Count int
		Text  string
	}
	waitFor(t, serveWait, "the questions kept for review", func() bool {
		code, out, _ := runCmd(t, "", "review", "--json", "--store", db, "--knowledge", know)
		return code == 0 && json.Unmarshal([]byte(out), &groups) == nil && len(groups) == 2
	})
	scan := groups[0]
	if scan.Count != 2 || !strings.EqualFold(strings.TrimSuffix(scan.Text, "?"), question) {
		t.Fatalf("groups: %+v", groups)
	}

	code, out, stderr := runCmd(t, "", "review", "teach", scan.Key[:8], "diagnostic-imaging", "--by", "nurse.amal", "--store", db, "--knowledge", know)
	if code != 0 || !strings.Contains(out, "Written to faq.en.yaml (diagnostic-imaging, en)") || strings.Contains(stderr, "no evaluation sets") {
		t.Fatalf("teach: exit %d\n%s%s", code, out, stderr)
	}
	waitFor(t, serveWait, "serve to reload and answer the taught question", func() bool {
		a, err := ask(addr, question)
		return err == nil && a.Status == "answered" && a.ID == "diagnostic-imaging"
	})

	code, out, _ = runCmd(t, "list\nclinical 1\nquit\n", "review", "--store", db, "--knowledge", know)
	if code != 0 || !strings.Contains(out, `"can I bring my dog"`) || strings.Contains(out, "on a scan") || !strings.Contains(out, "On the clinical review list.") {
		t.Fatalf("interactive review: exit %d\n%s", code, out)
	}
	if code, out, _ := runCmd(t, "", "review", "clinical-list", "--store", db); code != 0 || !strings.Contains(out, "can I bring my dog") {
		t.Errorf("clinical list: exit %d\n%s", code, out)
	}
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	audit, err := st.Actions(context.Background(), "", time.Now().Add(-time.Hour))
	if err != nil || len(audit) < 2 || audit[len(audit)-1].By != "nurse.amal" || audit[len(audit)-1].Topic != "diagnostic-imaging" {
		t.Errorf("audit rows: %+v %v", audit, err)
	}
}

// TestReviewWithoutKeptText: without store.keep_unanswered_text review shows groups by hash and
// counts, and cannot teach them.
func TestReviewWithoutKeptText(t *testing.T) {
	skipUnderRace(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "faqbot.db")
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.RecordEvents(context.Background(), []store.Event{{Platform: "telegram", Lang: "en", Status: "no_match", Text: "my private question"}}); err != nil {
		t.Fatal(err)
	}
	asked, err := st.Asked(context.Background(), time.Now().Add(-time.Hour))
	_ = st.Close()
	if err != nil || len(asked) != 1 {
		t.Fatalf("%+v %v", asked, err)
	}
	know := filepath.Join(dir, "k")
	if err := os.CopyFS(know, os.DirFS("../../knowledge/default")); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCmd(t, "quit\n", "review", "--store", db, "--knowledge", know)
	if code != 0 || !strings.Contains(out, "(text not kept: hash "+asked[0].Hash+")") || strings.Contains(out, "private") {
		t.Fatalf("review: exit %d\n%s", code, out)
	}
	code, _, stderr := runCmd(t, "", "review", "teach", asked[0].Hash[:8], "pain", "--store", db, "--knowledge", know)
	if code != 1 || !strings.Contains(stderr, "kept no text") {
		t.Errorf("teach without text: exit %d\n%s", code, stderr)
	}
	if code, _, _ := runCmd(t, "", "review", "dismiss", "abc", "--store", db, "--knowledge", know); code != 1 {
		t.Errorf("a short group key: exit %d, want 1", code)
	}
	if code, _, _ := runCmd(t, "", "review", "--store", filepath.Join(dir, "missing.db")); code != 1 {
		t.Errorf("a store that is not there: exit %d, want 1", code)
	}
}

type answerJSON struct {
	Status string `json:"status"`
	ID     string `json:"id"`
}

func ask(addr, q string) (answerJSON, error) {
	body, _ := json.Marshal(map[string]string{"question": q})
	resp, err := http.Post("http://"+addr+"/v1/ask", "application/json", bytes.NewReader(body))
	if err != nil {
		return answerJSON{}, err
	}
	defer resp.Body.Close()
	var a answerJSON
	err = json.NewDecoder(resp.Body).Decode(&a)
	return a, err
}

func waitFor(t *testing.T, limit time.Duration, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("waited %v for %s", limit, what)
}

// writeHead copies the first n lines of a file.
func writeHead(t *testing.T, from, to string, n int) {
	t.Helper()
	f, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for i := 0; i < n && sc.Scan(); i++ {
		b.WriteString(sc.Text() + "\n")
	}
	if err := os.WriteFile(to, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
