package knowledge

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultKnowledgeIsStrictlyValid(t *testing.T) {
	bank, problems, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if n := problems.Errors(true); n > 0 {
		t.Fatalf("default knowledge has %d problems under --strict: %v", n, problems)
	}
	topics, err := os.ReadFile("../../shared/knowledge-topics.tsv")
	if err != nil {
		t.Skipf("shared topic list not found beside the project: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(topics)), "\n")[1:] {
		id, _, _ := strings.Cut(line, "\t")
		for _, lang := range Languages() {
			e, ok := bank.Entry(id, lang)
			if !ok || e.Kind != FAQ {
				t.Errorf("topic %s has no %s FAQ entry", id, lang)
				continue
			}
			if n := sentences(e.Answer); n < 1 || n > 6 {
				t.Errorf("%s (%s): answer has %d sentences, want 2-5", id, lang, n)
			}
		}
	}
}

func sentences(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '؟' || r == '?' || r == '!' }))
}

func TestLoadMixedFolder(t *testing.T) {
	bank, problems, err := LoadPath("testdata/good")
	if err != nil {
		t.Fatalf("LoadPath: %v", err)
	}
	if got := problems.Errors(false); got != 0 {
		t.Fatalf("got %d errors, want 0: %v", got, problems)
	}
	tests := []struct {
		id, lang, question string
		kind               Kind
		alternates         int
	}{
		{"c12", "en", "Where can I park?", FAQ, 2},
		{"c12", "ar", "أين أركن السيارة؟", FAQ, 0},
		{"faq-7", "en", "When do you open?", FAQ, 2},
		{"faq-7", "ar", "متى تفتح العيادة؟", FAQ, 0},
		{"arriving", "en", "Arriving", Guide, 1},
		{"leaving-the-clinic", "en", "Leaving the clinic", Guide, 0},
	}
	for _, tt := range tests {
		e, ok := bank.Entry(tt.id, tt.lang)
		if !ok {
			t.Errorf("entry %s (%s) not loaded", tt.id, tt.lang)
			continue
		}
		if e.Question != tt.question || e.Kind != tt.kind || len(e.Alternates) != tt.alternates {
			t.Errorf("%s (%s): got question %q kind %s alternates %d, want %q %s %d", tt.id, tt.lang, e.Question, e.Kind, len(e.Alternates), tt.question, tt.kind, tt.alternates)
		}
	}
	if e, _ := bank.Entry("arriving", "en"); e.Answer != "Check in at the front desk.\n\n```\n## not a heading inside a fence\n```" {
		t.Errorf("guide section text: got %q", e.Answer)
	}
	if len(bank.Entries) != 6 {
		t.Errorf("got %d entries, want 6", len(bank.Entries))
	}
	wantWarnings := []string{"README.md:1: warning: skipped", "arriving: missing translation in ar"}
	for _, w := range wantWarnings {
		if !strings.Contains(joinProblems(problems), w) {
			t.Errorf("warnings %q lack %q", joinProblems(problems), w)
		}
	}
}

func TestLoadSingleFile(t *testing.T) {
	bank, _, err := LoadPath("testdata/good/sheet.csv")
	if err != nil {
		t.Fatalf("LoadPath: %v", err)
	}
	if e, ok := bank.Entry("faq-7", "en"); !ok || len(e.Alternates) != 2 || e.Pos.String() != "sheet.csv:2" {
		t.Errorf("got %+v, want faq-7 with 2 alternates at sheet.csv:2", e)
	}
}

func TestLoadReportsEveryProblemAndLoadsNothing(t *testing.T) {
	bank, problems, err := LoadPath("testdata/bad")
	var invalid *InvalidError
	if !errors.As(err, &invalid) {
		t.Fatalf("got error %v, want *InvalidError", err)
	}
	if bank != nil {
		t.Fatalf("got a bank from invalid knowledge; it must never half-load")
	}
	got := joinProblems(problems)
	for _, want := range []string{
		`broken.yaml:3: error: invalid YAML`,
		`faq.yaml:3: error: a1 (en): related id "nowhere" does not exist`,
		`faq.yaml:7: error: duplicate id "a1" in en (first at faq.yaml:3)`,
		`faq.yaml:10: error: a2 (en): empty answer`,
		`faq.yaml:14: error: unknown field "questoin"`,
		`faq.yaml:13: error: a3 (en): empty question`,
		`faq.yaml:16: error: id "bad id"`,
		`faq.yaml:16: error: bad id: unsupported lang "fr"`,
		`sheet.csv:1: error: missing column "lang"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q; got:\n%s", want, got)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, file, content, want string
	}{
		{"empty yaml", "a.yaml", "", "empty file"},
		{"not a mapping", "a.yaml", "- just a list\n", "top level must be a mapping"},
		{"no entries", "a.yaml", "lang: en\n", "no entries, synonyms, stopwords, replies or acts"},
		{"lexicon without lang", "a.yaml", "synonyms:\n  injection: [shot]\n", "a lexicon needs a lang"},
		{"unknown kind", "a.yaml", "lang: en\nentries:\n  - {id: a, kind: faqq, question: q, answer: a}\n", `unknown kind "faqq"`},
		{"out of scope with answer", "a.yaml", "lang: en\nentries:\n  - {id: a, kind: out_of_scope, question: q, answer: a}\n", "has no answer"},
		{"guide without lang", "a.md", "---\ntitle: x\n---\n## A\ntext\n", "front matter must give lang"},
		{"guide unclosed front matter", "a.md", "---\nlang: en\n## A\ntext\n", "front matter is not closed"},
		{"guide empty section", "a.md", "---\nlang: en\n---\n## A\n## B\ntext\n", `section "A" has no text`},
		{"guide unknown section meta", "a.md", "---\nlang: en\nsections:\n  zz: {alternates: [x]}\n---\n## A\ntext\n", `describes section "zz"`},
		{"csv empty", "a.csv", "", "empty file"},
		{"csv short row", "a.csv", "id,question,answer,lang\na,q\n", "row has 2 columns"},
		{"csv broken quote", "a.csv", "id,question,answer,lang\na,\"q,a,en\n", "invalid CSV row"},
		{"csv unknown column", "a.csv", "id,question,answer,lang,colour\n", `unknown column "colour"`},
		{"no files", "notes.txt", "x", "no knowledge files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_"))
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(d, tt.file), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, problems, err := LoadPath(d)
			if err == nil {
				t.Fatalf("got no error, want one mentioning %q", tt.want)
			}
			if !strings.Contains(joinProblems(problems), tt.want) {
				t.Errorf("got problems %q, want one mentioning %q", joinProblems(problems), tt.want)
			}
		})
	}
}

func TestLoadMissingPath(t *testing.T) {
	if _, _, err := LoadPath("testdata/does-not-exist"); err == nil || !strings.Contains(err.Error(), "does-not-exist") {
		t.Errorf("got %v, want an error naming the path", err)
	}
}

func joinProblems(ps Problems) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

func TestRepliesAreKnowledge(t *testing.T) {
	defaults, err := DefaultReplies()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages() {
		r := defaults[lang]
		if r.Disclaimer == "" || r.NoMatch == "" || r.Urgent == "" || r.Clinic == "" || r.Busy == "" {
			t.Errorf("default replies for %s are incomplete: %+v", lang, r)
		}
	}
	fsys := fstest.MapFS{
		"a.yaml": &fstest.MapFile{Data: []byte("lang: en\nreplies:\n  clinic: Call us today.\nentries:\n  - id: x\n    question: q?\n    answer: a.\n")},
		"b.yaml": &fstest.MapFile{Data: []byte("lang: en\nreplies:\n  busy: One moment.\n")},
	}
	bank, _, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if r := bank.Replies["en"]; r.Clinic != "Call us today." || r.Busy != "One moment." {
		t.Errorf("got %+v, want the two files' replies merged", r)
	}
	fsys["c.yaml"] = &fstest.MapFile{Data: []byte("lang: en\nreplies:\n  busy: Again.\n  shout: no\n")}
	_, problems, err := Load(fsys, ".")
	if text := fmt.Sprint(problems); err == nil || !strings.Contains(text, "busy for en is also given") || !strings.Contains(text, "shout") {
		t.Errorf("got %v / %s, want a repeated reply and an unknown key reported", err, problems)
	}
}
