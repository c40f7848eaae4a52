package knowledge

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exporters are the export formats by file extension.
var exporters = []struct {
	ext   string
	write func(io.Writer, *Bank) error
}{{"csv", WriteCSV}, {"yaml", WriteYAML}}

// reload writes data as the only file of a fresh knowledge folder and loads that folder.
func reload(t *testing.T, ext string, data []byte) *Bank {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "knowledge."+ext), data, 0o600); err != nil {
		t.Fatal(err)
	}
	bank, problems, err := LoadPath(dir)
	if err != nil {
		t.Fatalf("loading the export: %v\n%s", err, data)
	}
	if n := problems.Errors(false); n > 0 {
		t.Fatalf("loading the export: %d errors: %v", n, problems)
	}
	return bank
}

// sameEntries reports every entry of got that differs from want, position aside.
func sameEntries(t *testing.T, got, want []Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if field, g, w := exportDiff(got[i], want[i]); field != "" {
			t.Errorf("entry %d %s (%s): got %s %q, want %q", i, want[i].ID, want[i].Lang, field, g, w)
		}
	}
}

// TestExportRoundTrip: the embedded knowledge, exported, loaded and exported again, gives the same
// bytes and the same entries (issue: faqbot export).
func TestExportRoundTrip(t *testing.T) {
	bank, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[Kind]int{}
	for _, e := range bank.Entries {
		kinds[e.Kind]++
	}
	if kinds[FAQ] == 0 || kinds[Guide] == 0 || kinds[OutOfScope] == 0 {
		t.Fatalf("the embedded knowledge should hold every kind, got %v", kinds)
	}
	for _, x := range exporters {
		t.Run(x.ext, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := x.write(&first, bank); err != nil {
				t.Fatal(err)
			}
			again := reload(t, x.ext, first.Bytes())
			sameEntries(t, again.Entries, bank.Entries)
			if err := x.write(&second, again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("the second export differs from the first (%d and %d bytes)", first.Len(), second.Len())
			}
		})
	}
}

// hostileEntries carry what a clinic may write and a file format may trip over: quotes, line breaks,
// commas, "|", cells a spreadsheet runs as formulas, YAML look-alikes, Arabic and bidirectional marks.
func hostileEntries() []Entry {
	return []Entry{
		{ID: "quotes", Lang: "en", Kind: FAQ, Title: `He said "hi", then 'bye'`, Question: `"Quoted" question?`,
			Alternates: []string{`it's "fine"`, "a, b, c", `back\slash`}, Answer: "Line one.\nLine two, with a comma.\n\n  Indented line.",
			Tags: []string{"x, y", "#hash"}, Related: []string{"formulas"}, Source: "a | b"},
		{ID: "formulas", Lang: "en", Kind: FAQ, Title: "=HYPERLINK(\"http://evil\",\"x\")", Question: "+1 555 0100?",
			Alternates: []string{"-2+3", "@SUM(A1)", "=cmd", "a\tb"}, Answer: "- a list item\n- another\n\ttabbed",
			Tags: []string{"@tag", "=1"}, Source: "=A1", Unless: []string{"=heat", "+warm"}},
		{ID: "yaml.look:alikes", Lang: "en", Kind: Guide, Title: "yes", Question: "null", Alternates: []string{"~", "12", "true", "- dash", "key: value", "[x]", "{y}", "&anchor", "*alias", "!tag", "%dir", "`tick`"},
			Answer: "trailing spaces on a line  \nkeep the block exact\nand a lone \r too", Source: "Patient guide"},
		{ID: "quotes", Lang: "ar", Kind: FAQ, Title: "علاج \u200fالخلايا", Question: "ما هي الخلايا الجذعية؟",
			Alternates: []string{"\u202eمعكوس\u202c", "\u200fسؤال\u200e", "emoji 🙂"}, Answer: "الجواب: نعم، \"مقتبس\".\nسطر ثانٍ | مع خط",
			Tags: []string{"حقن"}, Related: []string{"formulas"}},
		{ID: "oos-cost", Lang: "en", Kind: OutOfScope, Title: "=cmd|' /C calc'!A0", Question: "How much does it cost?", Alternates: []string{"price, please"}},
	}
}

// TestExportHostileValues: every hostile value reads back exactly, in both formats.
func TestExportHostileValues(t *testing.T) {
	bank := NewBank(hostileEntries(), nil)
	for _, x := range exporters {
		t.Run(x.ext, func(t *testing.T) {
			var out bytes.Buffer
			if err := x.write(&out, bank); err != nil {
				t.Fatal(err)
			}
			sameEntries(t, reload(t, x.ext, out.Bytes()).Entries, bank.Entries)
		})
	}
}

// TestExportRefusesWhatWouldReadBackDifferently: a value a format cannot carry is an error naming the
// entry, and nothing is written.
func TestExportRefusesWhatWouldReadBackDifferently(t *testing.T) {
	base := Entry{ID: "e1", Lang: "en", Kind: FAQ, Question: "Q?", Answer: "A."}
	with := func(f func(*Entry)) Entry { e := base; f(&e); return e }
	tests := []struct {
		name  string
		entry Entry
		csv   string // the error of the CSV export; "" when it succeeds
		yaml  string // the error of the YAML export; "" when it succeeds
	}{
		{"a | in an alternate", with(func(e *Entry) { e.Alternates = []string{"this | that"} }),
			`entry e1 (en): alternates item "this | that" holds "|"`, ""},
		{"a | in a tag", with(func(e *Entry) { e.Tags = []string{"a|b"} }), `tags item "a|b" holds "|"`, ""},
		{"a \\r\\n line break", with(func(e *Entry) { e.Answer = "one\r\ntwo" }),
			`entry e1 (en): answer "one  two" would read back as "one two": a CSV reader reads a line break`, ""},
		{"a leading tab", with(func(e *Entry) { e.Question = "\t=1+1" }),
			`entry e1 (en): question " =1+1" would read back as "=1+1": every loader trims`, `every loader trims`},
		{"trailing spaces", with(func(e *Entry) { e.Answer = "A.  " }), `every loader trims`, `every loader trims`},
		{"an empty alternate", with(func(e *Entry) { e.Alternates = []string{"a", ""} }),
			`alternates "a|" would read back as "a": an empty list item is dropped`, `an empty list item is dropped`},
		{"no kind", with(func(e *Entry) { e.Kind = "" }), `kind "" would read back as "faq"`, `kind "" would read back as "faq"`},
		{"invalid UTF-8", with(func(e *Entry) { e.Answer = "bad \xff byte" }), `entry e1 (en): answer is not valid UTF-8`, `entry e1 (en): answer is not valid UTF-8`},
	}
	for _, tt := range tests {
		for _, x := range exporters {
			want := map[string]string{"csv": tt.csv, "yaml": tt.yaml}[x.ext]
			t.Run(tt.name+"/"+x.ext, func(t *testing.T) {
				var out bytes.Buffer
				err := x.write(&out, NewBank([]Entry{tt.entry}, nil))
				switch {
				case want == "" && err != nil:
					t.Fatalf("got %v, want no error", err)
				case want == "":
					sameEntries(t, reload(t, x.ext, out.Bytes()).Entries, []Entry{tt.entry})
				case err == nil || !strings.Contains(err.Error(), want):
					t.Fatalf("got error %v, want one with %q", err, want)
				case out.Len() > 0:
					t.Errorf("a refused export wrote %d bytes", out.Len())
				}
			})
		}
	}
}

// TestExportFormats: the choices FORMAT.md documents: CSV with a byte-order mark, the header with kind and
// source, exact formula-looking cells; YAML with each entry's lang, kind only when not faq, literal blocks.
func TestExportFormats(t *testing.T) {
	bank := NewBank(hostileEntries(), nil)
	var csvOut, yamlOut bytes.Buffer
	if err := WriteCSV(&csvOut, bank); err != nil {
		t.Fatal(err)
	}
	if err := WriteYAML(&yamlOut, bank); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\ufeffid,lang,kind,title,question,alternates,answer,tags,related,source,unless\n",
		"\nformulas,en,faq,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",+1 555 0100?,-2+3|@SUM(A1)|=cmd|", ",@tag|=1,,=A1,=heat|+warm\n"} {
		if !strings.Contains(csvOut.String(), want) {
			t.Errorf("CSV lacks %q:\n%s", want, csvOut.String())
		}
	}
	for _, want := range []string{"entries:\n  - id: quotes\n    lang: en\n    title:", "    answer: |-\n      Line one.\n",
		"    kind: guide\n", "    kind: out_of_scope\n", "    tags: ['x, y', '#hash']\n", "    unless: [=heat, +warm]\n", "    question: \"null\"\n", "      - \"12\"\n"} {
		if !strings.Contains(yamlOut.String(), want) {
			t.Errorf("YAML lacks %q:\n%s", want, yamlOut.String())
		}
	}
	if strings.Contains(yamlOut.String(), "kind: faq") {
		t.Errorf("YAML writes the default kind:\n%s", yamlOut.String())
	}
}

// TestCSVKindColumn: a sheet may give each row's kind; a sheet without the column, or an empty cell,
// holds FAQ entries as before.
func TestCSVKindColumn(t *testing.T) {
	sheet := "id,question,answer,lang,kind,source\n" +
		"a,Q?,A.,en,,\n" +
		"b,Q?,A.,en,Guide,Patient guide\n" +
		"c,Q?,,en,out_of_scope,\n"
	c := &collector{}
	got := parseFile("s.csv", []byte(sheet), c).entries
	if len(c.problems) > 0 || len(got) != 3 {
		t.Fatalf("got %d entries and problems %v, want 3 and none", len(got), c.problems)
	}
	for i, want := range []Kind{FAQ, Guide, OutOfScope} {
		if got[i].Kind != want {
			t.Errorf("row %d: got kind %q, want %q", i+2, got[i].Kind, want)
		}
	}
	if got[1].Source != "Patient guide" {
		t.Errorf("got source %q, want %q", got[1].Source, "Patient guide")
	}
	old := parseFile("old.csv", []byte("id,question,answer,lang\na,Q?,A.,en\n"), c).entries
	if len(old) != 1 || old[0].Kind != FAQ {
		t.Errorf("a sheet without kind: got %+v, want one faq entry", old)
	}
}
