package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/knowledge"
)

// runCmd runs faqbot with args and stdin, returning the exit code, stdout and stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestAskJSONContract(t *testing.T) {
	code, out, stderr := runCmd(t, "", "ask", "--json", "What should I wear to my session?")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"question", "lang", "status", "id", "title", "answer", "confidence", "disclaimer", "matches"} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, out)
		}
	}
	if got["status"] != "answered" || got["id"] != "what-to-wear" || got["lang"] != "en" {
		t.Errorf("got status %v id %v lang %v, want answered what-to-wear en", got["status"], got["id"], got["lang"])
	}
	m := got["matches"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "title", "score", "confidence"} {
		if _, ok := m[k]; !ok {
			t.Errorf("match lacks %q: %v", k, m)
		}
	}
}

func TestAskBatchKeepsOrder(t *testing.T) {
	in := "What should I wear?\n\nعندي حرارة\nhow much does it cost\n"
	code, out, stderr := runCmd(t, in, "ask")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{"answered", "no_match", "urgent", "no_match"}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, line := range lines {
		var a struct{ Status, Lang string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if a.Status != want[i] {
			t.Errorf("line %d: got %s, want %s", i+1, a.Status, want[i])
		}
	}
}

func TestAskText(t *testing.T) {
	code, out, _ := runCmd(t, "", "ask", "--explain", "will they put me under?")
	if code != 0 || !strings.Contains(out, "status=answered id=anesthesia") || !strings.Contains(out, "Read as:") || !strings.Contains(out, "consult") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"ask", "--lang", "fr", "hi"},
		{"ask", "--top", "0", "hi"},
		{"ask", "--threshold", "2", "hi"},
		{"ask", "--no-such-flag"},
		{"topics", "--lang", "xx"},
		{"topics", "extra"},
		{"eval"},
		{"eval", "a.jsonl", "b.jsonl"},
		{"validate", "a", "b"},
		{"no-such-command"},
	} {
		code, _, stderr := runCmd(t, "", args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, code, stderr)
		}
		if !strings.HasPrefix(stderr, "faqbot: ") {
			t.Errorf("%v: stderr %q, want one clear line", args, stderr)
		}
	}
}

func TestTopics(t *testing.T) {
	code, out, _ := runCmd(t, "", "topics", "--lang", "ar")
	if code != 0 || !strings.Contains(out, "ar  harvesting") || strings.Contains(out, "en  ") || strings.Contains(out, "oos-") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestValidate(t *testing.T) {
	if code, out, _ := runCmd(t, "", "validate", "--strict"); code != 0 || !strings.HasPrefix(lastLine(out), "ok: ") {
		t.Errorf("embedded knowledge: exit %d, output:\n%s", code, out)
	}
	dir := t.TempDir()
	bad := "lang: en\nentries:\n  - id: a\n    question: q?\n    answer: \"\"\n    related: [b]\n"
	if err := os.WriteFile(filepath.Join(dir, "faq.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCmd(t, "", "validate", dir)
	if code != 1 || !strings.Contains(out, "faq.yaml:3: error: a (en): empty answer") || !strings.Contains(out, `related id "b" does not exist`) {
		t.Errorf("bad knowledge: exit %d, output:\n%s%s", code, out, stderr)
	}
	code, _, stderr = runCmd(t, "", "ask", "--knowledge", dir, "hi")
	if code != 1 || !strings.Contains(stderr, "invalid knowledge") {
		t.Errorf("ask on bad knowledge: exit %d, stderr %q", code, stderr)
	}
}

func TestEvalFloorsExitCode(t *testing.T) {
	dir := t.TempDir()
	set := `{"q":"What should I wear?","lang":"en","kind":"answer","ids":["what-to-wear"]}
{"q":"I have a fever","lang":"en","kind":"urgent","ids":[]}
{"q":"how much is it","lang":"en","kind":"answer","ids":["what-to-wear"]}
`
	path := filepath.Join(dir, "set.jsonl")
	if err := os.WriteFile(path, []byte(set), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCmd(t, "", "eval", path)
	if code != 0 || !strings.Contains(out, "en  top-1  50.0% (1/2)") || !strings.Contains(out, "urgent recall        100.0% (1/1)") {
		t.Errorf("no floors: exit %d, output:\n%s", code, out)
	}
	code, _, stderr := runCmd(t, "", "eval", path, "--min-top1-en", "0.9")
	if code != 1 || !strings.Contains(stderr, "top-1 en 50.0% is below 90.0%") {
		t.Errorf("below a floor: exit %d, stderr %q", code, stderr)
	}
	if err := os.WriteFile(path, []byte(`{"q":"x","kind":"maybe"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "", "eval", path); code != 1 || !strings.Contains(stderr, "line 1") {
		t.Errorf("malformed set: exit %d, stderr %q", code, stderr)
	}
}

func TestChatPlainInput(t *testing.T) {
	code, out, _ := runCmd(t, "/lang fr\n/lang en\nwhat should I wear\n/quit\n", "chat")
	if code != 0 || !strings.Contains(out, "language: en") || !strings.Contains(out, "id=what-to-wear") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	if !strings.Contains(out, "/lang takes one of: auto, en, ar (the language stays auto)") {
		t.Errorf("/lang fr: no reason given, output:\n%s", out)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// TestEveryCommandReadsServesConfiguration: ask, topics and validate read the configuration serve reads
// (.env, the environment, the YAML file) and say what they loaded.
func TestEveryCommandReadsServesConfiguration(t *testing.T) {
	dir := t.TempDir()
	know := filepath.Join(dir, "knowledge")
	if err := os.Mkdir(know, 0o755); err != nil {
		t.Fatal(err)
	}
	entry := "lang: en\nentries:\n  - id: parking\n    question: Where can I park?\n    answer: Park in the clinic's own car park, level 2.\n"
	if err := os.WriteFile(filepath.Join(know, "faq.yaml"), []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := "messages:\n  en:\n    contact: \"Call the clinic: +1 555 0100\"\n"
	if err := os.WriteFile(filepath.Join(dir, "faqbot.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte("FAQBOT_KNOWLEDGE="+know+"\nFAQBOT_CONFIG=faqbot.yaml\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	// Unset, so that .env sets them (it never overrides a variable that is set); t.Setenv restores
	// them after the test.
	for _, k := range []string{"FAQBOT_KNOWLEDGE", "FAQBOT_CONFIG"} {
		t.Setenv(k, "")
		if err := os.Unsetenv(k); err != nil {
			t.Fatal(err)
		}
	}

	code, out, stderr := runCmd(t, "", "ask", "where can i park my car")
	if code != 0 || !strings.Contains(out, "level 2") {
		t.Errorf("ask with FAQBOT_KNOWLEDGE: exit %d, output:\n%s%s", code, out, stderr)
	}
	if want := "faqbot: knowledge " + know + " (1 entries), config faqbot.yaml"; !strings.Contains(stderr, want) {
		t.Errorf("ask stderr %q, want %q", stderr, want)
	}
	code, out, _ = runCmd(t, "", "ask", "I can't breathe")
	if code != 0 || !strings.Contains(out, "+1 555 0100") {
		t.Errorf("ask urgent with the configured contact: exit %d, output:\n%s", code, out)
	}
	if code, out, _ := runCmd(t, "", "topics"); code != 0 || !strings.Contains(out, "parking") {
		t.Errorf("topics with FAQBOT_KNOWLEDGE: exit %d, output:\n%s", code, out)
	}
	if code, out, _ := runCmd(t, "", "validate"); code != 0 || !strings.Contains(out, "ok: 1 entries") {
		t.Errorf("validate with FAQBOT_KNOWLEDGE: exit %d, output:\n%s", code, out)
	}
	if code, out, _ := runCmd(t, "", "validate", "--knowledge", know); code != 0 || !strings.Contains(out, "ok: 1 entries") {
		t.Errorf("validate --knowledge: exit %d, output:\n%s", code, out)
	}
	if code, _, stderr := runCmd(t, "", "ask", "--config", "missing.yaml", "hi"); code != 1 || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("ask with a missing config: exit %d, stderr %q", code, stderr)
	}
}

// TestDefaultThresholdIsTheEngines: with nothing configured, serve's threshold (the configuration's
// default) is the one ask, eval and chat take by default (the engine's), so staff test what patients get.
func TestDefaultThresholdIsTheEngines(t *testing.T) {
	if got := config.Default().Threshold; got != bot.DefaultThreshold {
		t.Errorf("config's default threshold %v, the engine's %v", got, bot.DefaultThreshold)
	}
}

// TestREADMEFiguresAreTheCode: the entry counts the README shows are the embedded knowledge's.
func TestREADMEFiguresAreTheCode(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	bank, _, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(len(bank.Entries))
	for _, want := range []string{"ok: " + summary(bank) + ", 0 warnings", "entries=" + n + " knowledge=embedded", "faqbot_knowledge_entries " + n} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README.md does not say %q", want)
		}
	}
}
