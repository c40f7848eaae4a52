package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/knowledge"
)

// TestExportLoadsBack: the export of the embedded knowledge, to stdout or to --out, loads back as the
// same entries.
func TestExportLoadsBack(t *testing.T) {
	want, _, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, format := range []string{"csv", "yaml"} {
		t.Run(format, func(t *testing.T) {
			code, out, stderr := runCmd(t, "", "export", "--format", format)
			if code != 0 || !strings.Contains(stderr, "faqbot: knowledge embedded default") {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			path := filepath.Join(dir, "knowledge."+format)
			if code, _, stderr := runCmd(t, "", "export", "--format", format, "--out", path); code != 0 {
				t.Fatalf("--out: exit %d, stderr %q", code, stderr)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(data) != out {
				t.Errorf("--out wrote %d bytes, stdout had %d", len(data), len(out))
			}
			got, _, err := knowledge.LoadPath(path)
			if err != nil {
				t.Fatalf("the export does not load: %v", err)
			}
			if len(got.Entries) != len(want.Entries) {
				t.Errorf("got %d entries, want %d", len(got.Entries), len(want.Entries))
			}
			for i := range min(len(got.Entries), len(want.Entries)) {
				g, w := got.Entries[i], want.Entries[i]
				if g.ID != w.ID || g.Lang != w.Lang || g.Kind != w.Kind || g.Answer != w.Answer {
					t.Errorf("entry %d: got %s (%s) %s, want %s (%s) %s", i, g.ID, g.Lang, g.Kind, w.ID, w.Lang, w.Kind)
				}
			}
		})
	}
}

// TestExportFailureLeavesNoFile: an export that is refused (a "|" in an alternate cannot be a CSV list
// item) names the entry, and leaves the file at --out as it was, with nothing beside it.
func TestExportFailureLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	know := filepath.Join(dir, "kb")
	writeCompareKnowledge(t, know, "  - id: pipes\n    question: Q?\n    alternates: [this | that]\n    answer: A.\n")
	outDir := filepath.Join(dir, "out")
	if err := os.Mkdir(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(outDir, "sheet.csv")
	if err := os.WriteFile(out, []byte("the previous export\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "", "export", "--knowledge", know, "--format", "csv", "--out", out)
	if code != 1 || !strings.Contains(stderr, `entry pipes (en): alternates item "this | that" holds "|"`) {
		t.Errorf("exit %d, stderr %q; want 1 and the entry named", code, stderr)
	}
	if data, _ := os.ReadFile(out); string(data) != "the previous export\n" {
		t.Errorf("--out changed to %q", data)
	}
	if files, _ := os.ReadDir(outDir); len(files) != 1 {
		t.Errorf("got %d files beside the export, want only it: %v", len(files), files)
	}
	if code, out, _ := runCmd(t, "", "export", "--knowledge", know, "--format", "yaml"); code != 0 || !strings.Contains(out, "- this | that") {
		t.Errorf("the YAML export carries it: exit %d, output:\n%s", code, out)
	}
}

func TestExportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"export"},
		{"export", "--format", "xml"},
		{"export", "--format", "csv", "extra"},
	} {
		code, out, stderr := runCmd(t, "", args...)
		if code != 2 || !strings.HasPrefix(stderr, "faqbot: ") || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and one line", args, code, out, stderr)
		}
	}
}
