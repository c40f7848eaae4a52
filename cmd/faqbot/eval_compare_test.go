package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/eval"
)

// compareParking and compareWear are the entries of a small knowledge; an edit removes compareWear.
const (
	compareParking = "  - id: parking\n    question: Where can I park?\n    alternates: [where do I leave my car, is there a car park]\n" +
		"    answer: Park in the clinic's own car park, level 2.\n"
	compareWear = "  - id: wear\n    question: What should I wear to my session?\n    alternates: [what clothes should I wear, what to wear on the day]\n" +
		"    answer: Wear loose, comfortable clothes that leave the treated area easy to reach.\n"
)

// writeCompareKnowledge writes a knowledge folder of one FAQ file holding entries, and returns its path.
func writeCompareKnowledge(t *testing.T, dir string, entries ...string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	data := "lang: en\nentries:\n" + strings.Join(entries, "")
	if err := os.WriteFile(filepath.Join(dir, "faq.yaml"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestEvalCompare: an edit that removes an entry changes the answer to its question, and only that one;
// --fail-on-change turns a change into exit code 1.
func TestEvalCompare(t *testing.T) {
	dir := t.TempDir()
	before := writeCompareKnowledge(t, filepath.Join(dir, "before"), compareParking, compareWear)
	edited := writeCompareKnowledge(t, filepath.Join(dir, "edited"), compareParking)
	same := writeCompareKnowledge(t, filepath.Join(dir, "same"), compareParking, compareWear)
	setA, setB := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	writeCompareSet(t, setA, `{"q":"where do I leave my car","lang":"en","kind":"answer","ids":["parking"]}`,
		`{"q":"what clothes should I wear","lang":"en","kind":"answer","ids":["wear"]}`)
	writeCompareSet(t, setB, `{"q":"I can't breathe","lang":"en","kind":"urgent"}`)

	code, out, stderr := runCmd(t, "", "eval", "--knowledge", before, "--compare", edited, setA, setB)
	if code != 0 {
		t.Fatalf("exit %d, want 0 without --fail-on-change; stderr %s", code, stderr)
	}
	for _, want := range []string{"SET", setA + "  2     what clothes should I wear  answered wear → no_match", "1 of 3 answers change"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "leave my car") || strings.Contains(out, "breathe") {
		t.Errorf("unchanged questions listed:\n%s", out)
	}
	if !strings.Contains(stderr, "knowledge "+before+" (2 entries)") || !strings.Contains(stderr, "knowledge "+edited+" (1 entries)") {
		t.Errorf("stderr does not say which knowledge is compared: %q", stderr)
	}

	code, _, stderr = runCmd(t, "", "eval", "--knowledge", before, "--compare", edited, "--fail-on-change", setA, setB)
	if code != 1 || !strings.Contains(stderr, "faqbot: 1 of 3 answers change with "+edited) {
		t.Errorf("--fail-on-change: exit %d, stderr %q; want 1 and the count", code, stderr)
	}
	code, out, stderr = runCmd(t, "", "eval", "--knowledge", before, "--compare", same, "--fail-on-change", setA, setB)
	if code != 0 || strings.TrimSpace(out) != "no answer changes (3 questions)" {
		t.Errorf("an unchanged copy: exit %d, output %q, stderr %s", code, out, stderr)
	}
}

func writeCompareSet(t *testing.T, path string, lines ...string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEvalCompareErrors(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, "set.jsonl")
	writeCompareSet(t, set, `{"q":"hi","kind":"no_match"}`)
	know := writeCompareKnowledge(t, filepath.Join(dir, "kb"), compareParking)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval", "--fail-on-change", set}, 2, "--fail-on-change goes with --compare"},
		{[]string{"eval", "--compare", know, "--min-top1-en", "0.9", set}, 2, "--min-top1-en: floors do not apply with --compare"},
		{[]string{"eval", set, set}, 2, "eval takes one FILE (several with --compare)"},
		{[]string{"eval", "--compare", know, set, filepath.Join(dir, "missing.jsonl")}, 1, "missing.jsonl"},
		{[]string{"eval", "--knowledge", know, "--compare", filepath.Join(dir, "nowhere"), set}, 1, "--compare: load knowledge"},
	} {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// TestCompareTableIsPlain: a question shows as one clipped line of plain text, whatever it holds.
func TestCompareTableIsPlain(t *testing.T) {
	q := "line one\nTOP\x1b[2J\u202eevil " + strings.Repeat("long ", 30)
	changes := []evalSetChange{{set: "s.jsonl", Change: eval.Change{Case: eval.Case{Q: q, Line: 3},
		Before: eval.Outcome{Status: bot.Answered, ID: "a"}, After: eval.Outcome{Status: bot.Urgent, Urgency: "clinic"}}}}
	var out bytes.Buffer
	if err := writeChanges(&out, changes, 5); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 || lines[3] != "1 of 5 answers change" {
		t.Fatalf("got %d lines, want a header, one row, a blank line and the count:\n%s", len(lines), out.String())
	}
	row := lines[1]
	if !strings.Contains(row, "line one TOP[2Jevil long long") || !strings.Contains(row, "…  answered a → urgent (clinic)") {
		t.Errorf("row %q: want the question clipped, plain, then the change", row)
	}
	if strings.ContainsAny(row, "\x1b\u202e") {
		t.Errorf("row %q holds a control character", row)
	}
}
