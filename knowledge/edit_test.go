package knowledge

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
)

func TestAddAlternate(t *testing.T) {
	tests := []struct {
		name, file, in, id, lang, text, want string
	}{
		{name: "block list keeps comments", file: "faq.yaml",
			in: "# top\nlang: en\nentries:\n  - id: a # the first\n    question: Q?\n    alternates:\n      - one   # kept\n      - two\n    answer: A.\n",
			id: "a", lang: "en", text: "three: a colon",
			want: "# top\nlang: en\nentries:\n  - id: a # the first\n    question: Q?\n    alternates:\n      - one   # kept\n      - two\n      - 'three: a colon'\n    answer: A.\n"},
		{name: "compact list, multi-line item", file: "faq.yml",
			in: "lang: ar\nentries:\n- id: a\n  question: س؟\n  alternates:\n  - one\n    continued\n  answer: ج.\n",
			id: "a", lang: "ar", text: "كم تستغرق؟",
			want: "lang: ar\nentries:\n- id: a\n  question: س؟\n  alternates:\n  - one\n    continued\n  - كم تستغرق؟\n  answer: ج.\n"},
		{name: "no alternates yet", file: "faq.yaml",
			in: "lang: en\nentries:\n  - id: a\n    question: Q?\n    answer: |\n      A.\n",
			id: "a", lang: "en", text: "how long",
			want: "lang: en\nentries:\n  - id: a\n    question: Q?\n    alternates:\n      - how long\n    answer: |\n      A.\n"},
		{name: "flow list", file: "faq.yaml",
			in: "lang: en\nentries:\n  - {id: b, question: \"Q?\", answer: \"B.\"}\n  - id: a\n    question: Q?\n    alternates: [x, \"y\"]  # note]\n    answer: A.\n",
			id: "a", lang: "en", text: `say "hi", [ok]`,
			want: "lang: en\nentries:\n  - {id: b, question: \"Q?\", answer: \"B.\"}\n  - id: a\n    question: Q?\n    alternates: [x, \"y\", \"say \\\"hi\\\", [ok]\"]  # note]\n    answer: A.\n"},
		{name: "entry language overrides the file's", file: "faq.yaml",
			in: "lang: en\nentries:\n  - id: a\n    question: Q?\n    answer: A.\n  - id: a\n    lang: ar\n    question: س؟\n    alternates:\n      - x\n    answer: ج.\n",
			id: "a", lang: "ar", text: "z",
			want: "lang: en\nentries:\n  - id: a\n    question: Q?\n    answer: A.\n  - id: a\n    lang: ar\n    question: س؟\n    alternates:\n      - x\n      - z\n    answer: ج.\n"},
		{name: "CRLF kept", file: "faq.yaml",
			in: "lang: en\r\nentries:\r\n  - id: a\r\n    question: Q?\r\n    alternates:\r\n      - x\r\n    answer: A.\r\n",
			id: "a", lang: "en", text: "z",
			want: "lang: en\r\nentries:\r\n  - id: a\r\n    question: Q?\r\n    alternates:\r\n      - x\r\n      - z\r\n    answer: A.\r\n"},
		{name: "guide without sections", file: "guide.md",
			in: "---\nlang: en\ntitle: Guide\n---\n## Harvest {#h}\nText.\n",
			id: "h", lang: "en", text: "where do the cells come from",
			want: "---\nlang: en\ntitle: Guide\nsections:\n  h:\n    alternates:\n      - where do the cells come from\n---\n## Harvest {#h}\nText.\n"},
		{name: "guide with another section", file: "guide.md",
			in: "---\nlang: en\nsections:\n  other:\n    tags: [t]\n---\n## Harvest {#h}\nText.\n## Other {#other}\nMore.\n",
			id: "h", lang: "en", text: "bone marrow?",
			want: "---\nlang: en\nsections:\n  h:\n    alternates:\n      - bone marrow?\n  other:\n    tags: [t]\n---\n## Harvest {#h}\nText.\n## Other {#other}\nMore.\n"},
		{name: "guide section with alternates", file: "guide.md",
			in: "---\nlang: en\nsections:\n  h:\n    alternates:\n      - x\n---\n## Harvest {#h}\nText.\n",
			id: "h", lang: "en", text: "z",
			want: "---\nlang: en\nsections:\n  h:\n    alternates:\n      - x\n      - z\n---\n## Harvest {#h}\nText.\n"},
		{name: "CSV cell", file: "faq.csv",
			in: "id,question,answer,lang,alternates\na,Q?,\"A, with a comma\",en,x|y\na,س؟,ج,ar,\n",
			id: "a", lang: "ar", text: "ماذا, بعد",
			want: "id,question,answer,lang,alternates\na,Q?,\"A, with a comma\",en,x|y\na,س؟,ج,ar,\"ماذا, بعد\"\n"},
		{name: "CSV column added", file: "faq.csv",
			in: "id,question,answer,lang\na,Q?,A,en\n",
			id: "a", lang: "en", text: "z",
			want: "id,question,answer,lang,alternates\na,Q?,A,en,z\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AddAlternate(tt.file, []byte(tt.in), tt.id, tt.lang, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestAddAlternateRefuses(t *testing.T) {
	yml := "lang: en\nentries:\n  - id: a\n    question: Q?\n    answer: A.\n"
	tests := []struct {
		name, file, in, id, lang, text, want string
	}{
		{"no such entry", "f.yaml", yml, "b", "en", "x", "no such entry"},
		{"no such language", "f.yaml", yml, "a", "ar", "x", "no such entry"},
		{"empty", "f.yaml", yml, "a", "en", " \t\n", "empty"},
		{"control characters", "f.yaml", yml, "a", "en", "a\x00b", "control"},
		{"too long", "f.yaml", yml, "a", "en", strings.Repeat("ab ", 200), "longer"},
		{"pipe in CSV", "f.csv", "id,question,answer,lang\na,Q,A,en\n", "a", "en", "x|y", "'|'"},
		{"entry in braces", "f.yaml", "lang: en\nentries:\n  - {id: a, question: \"Q?\", answer: \"A.\"}\n", "a", "en", "x", "braces"},
		{"list over lines in brackets", "f.yaml", "lang: en\nentries:\n  - id: a\n    question: Q?\n    alternates: [x,\n      y]\n    answer: A.\n", "a", "en", "z", "several lines"},
		{"unknown type", "f.txt", yml, "a", "en", "x", "unknown file type"},
		{"only formula characters", "f.yaml", yml, "a", "en", "=+-@", "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AddAlternate(tt.file, []byte(tt.in), tt.id, tt.lang, tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// Every entry of the embedded knowledge can be taught a question, and the file changes by one line.
func TestAddAlternateToEveryDefaultEntry(t *testing.T) {
	b, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range b.Entries {
		data, err := fs.ReadFile(defaultFS, e.Pos.File)
		if err != nil {
			t.Fatal(err)
		}
		got, err := AddAlternate(e.Pos.File, data, e.ID, e.Lang, "a new way: to ask #1")
		if err != nil {
			t.Fatalf("%s (%s): %v", e.ID, e.Lang, err)
		}
		if d := strings.Count(string(got), "\n") - strings.Count(string(data), "\n"); d < 1 || d > 4 {
			t.Errorf("%s (%s): %d lines added", e.ID, e.Lang, d)
		}
	}
}

func TestAddEntry(t *testing.T) {
	in := "# out of scope\nlang: en\nentries:\n- id: oos-cost\n  kind: out_of_scope\n  question: Cost?\n  alternates:\n  - price\n\n"
	got, err := AddEntry("oos.yaml", []byte(in), Entry{ID: "oos-parking", Lang: "en", Kind: OutOfScope, Title: "Parking", Question: "where do I park?"})
	if err != nil {
		t.Fatal(err)
	}
	want := "# out of scope\nlang: en\nentries:\n- id: oos-cost\n  kind: out_of_scope\n  question: Cost?\n  alternates:\n  - price\n- id: oos-parking\n  kind: out_of_scope\n  title: Parking\n  question: where do I park?\n\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got, err = AddEntry("oos.yaml", []byte("lang: en\nentries:\n  - id: a\n    question: Q?\n    answer: A.\nsynonyms:\n  a: [b]\n"),
		Entry{ID: "new", Lang: "ar", Kind: OutOfScope, Question: "سؤال"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "    answer: A.\n  - id: new\n    lang: ar\n    kind: out_of_scope\n    question: سؤال\nsynonyms:"; !strings.Contains(string(got), want) {
		t.Errorf("got\n%s\nwant it to hold\n%s", got, want)
	}
	if _, err := AddEntry("oos.md", []byte(in), Entry{ID: "x", Lang: "en", Question: "q"}); err == nil {
		t.Error("an entry was added to a Markdown file")
	}
}

func TestYAMLScalarReadsBack(t *testing.T) {
	for _, s := range []string{"plain", "yes", "no", "123", "a: b", "# c", "- d", "'q'", `"dq"`, "[x]", "{y}", "@at", "`tick",
		"null", "~", "trailing ", "كم", "a\\b", "%p", "!tag", "&anchor", "*alias", "? k", "| lit", "> fold", "x #y"} {
		got, err := AddAlternate("f.yaml", []byte("lang: en\nentries:\n  - id: a\n    question: Q?\n    alternates:\n      - x\n    answer: A.\n"), "a", "en", s)
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		_ = got
	}
}

func FuzzAddAlternate(f *testing.F) {
	f.Add("faq.yaml", "lang: en\nentries:\n  - id: a\n    question: Q?\n    alternates: [x]\n    answer: A.\n", "a", "text")
	f.Add("guide.md", "---\nlang: en\n---\n## H {#h}\nT\n", "h", "text: #2")
	f.Add("faq.csv", "id,question,answer,lang\na,Q,A,en\n", "a", "\"q\"")
	f.Fuzz(func(t *testing.T, name, in, id, text string) {
		out, err := AddAlternate(name, []byte(in), id, "en", text)
		if err != nil {
			if errors.Is(err, ErrNotInFile) && out != nil {
				t.Fatal("output with an error")
			}
			return
		}
		if len(out) <= len(in)-3 {
			t.Fatalf("the file shrank: %q -> %q", in, out)
		}
	})
}

// A question taught from a patient never starts a cell a spreadsheet runs as a formula.
func TestAddAlternateDropsFormulaStarts(t *testing.T) {
	yml := "lang: en\nentries:\n  - id: a\n    question: Q?\n    answer: A.\n"
	got, err := AddAlternate("f.yaml", []byte(yml), "a", "en", `=HYPERLINK("http://x","y") how long?`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), `- HYPERLINK(`) {
		t.Errorf("got\n%s", got)
	}
}
