package knowledge

import (
	"testing"
	"unicode/utf8"
)

// The parsers take files a clinic writes by hand: any bytes must give entries or problems, never a panic.

func FuzzParseYAML(f *testing.F) {
	f.Add([]byte("lang: en\nentries:\n  - id: a\n    question: q?\n    answer: a.\n"))
	f.Add([]byte("lang: ar\nsynonyms:\n  حقن: [ابره]\nstopwords: [يعني]\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Add([]byte("entries: {id: 1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &collector{}
		out := parseFile("f.yaml", data, c)
		checkParsed(t, out, c)
	})
}

func FuzzParseMarkdown(f *testing.F) {
	f.Add([]byte("---\nlang: en\ntitle: G\n---\n# T\n## A {#a}\ntext\n"))
	f.Add([]byte("---\nlang: ar\n---\n## قسم\nنص\n```\n## x\n```\n"))
	f.Add([]byte("---\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &collector{}
		out := parseFile("f.md", data, c)
		checkParsed(t, out, c)
	})
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte("id,question,answer,lang\na,q?,a.,en\n"))
	f.Add([]byte("id,question,answer,lang,alternates\n\"a\",\"q\"\"?\",a,ar,x|y\n"))
	f.Add([]byte("\xef\xbb\xbfid,question,answer,lang\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &collector{}
		out := parseFile("f.csv", data, c)
		checkParsed(t, out, c)
	})
}

func checkParsed(t *testing.T, out fileContent, c *collector) {
	t.Helper()
	for _, p := range c.problems {
		if p.Msg == "" || p.Severity == "" {
			t.Fatalf("problem without message or severity: %+v", p)
		}
		checkMessage(t, p.Msg)
	}
	for _, e := range out.entries {
		if e.Pos.File == "" {
			t.Fatalf("entry without position: %+v", e)
		}
		if !utf8.ValidString(e.ID + e.Question + e.Answer) {
			t.Fatalf("invalid UTF-8 accepted: %+v", e)
		}
	}
	bank := NewBank(out.entries, nil)
	_ = Validate(bank)
}
