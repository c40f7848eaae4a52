package knowledge

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// An export is the bank's entries written back as one knowledge file, in the bank's order (files by
// path, entries in file order), so that exporting what an export loads gives the same bytes. Lexicons,
// replies and acts are not exported: the YAML loader takes them under a file's one lang, and a file is
// one YAML document, so one file cannot hold them for two languages; they stay in their own files.
//
// Every export is parsed back before a byte is written: a value the format cannot carry exactly (a "|"
// in a CSV list item, a line break as \r\n in CSV, spaces around a value, which every loader trims) is
// an error naming the entry, never a file that reads back differently.

// exportCSVBOM starts a CSV export so that Excel opens the Arabic text as UTF-8; the loader skips it.
const exportCSVBOM = "\ufeff"

// exportCSVHeader is the column order of a CSV export; the loader takes the columns in any order.
var exportCSVHeader = []string{"id", "lang", "kind", "title", "question", "alternates", "answer", "tags", "related", "source", "unless"}

// WriteCSV writes every entry of b as one CSV sheet in the import format, with the kind and source
// columns, so that guide sections and out-of-scope entries stay what they are.
//
// Values are written exactly, including cells that a spreadsheet would run as formulas (starting with
// =, +, -, @): the sheet is the knowledge itself, meant to be read back, and a quote put in front of a
// cell would become part of the answer on import; guide sections that open with a Markdown list ("- ")
// are such cells. The sheet is the clinic's own trusted content, not text from patients (faqbot report,
// whose cells come from patients, does neutralise formulas). Import it into a spreadsheet as text.
func WriteCSV(w io.Writer, b *Bank) error {
	return export(w, b, "csv", exportCSVData)
}

// WriteYAML writes every entry of b as one YAML file: a list of entries, each with its own lang, its
// kind when it is not faq, and its source. Multi-line texts (guide sections) are literal blocks.
func WriteYAML(w io.Writer, b *Bank) error {
	return export(w, b, "yaml", exportYAMLData)
}

// export renders the entries of b in a format, parses the result back, and writes it to w only when
// every entry reads back as it is.
func export(w io.Writer, b *Bank, format string, render func([]Entry) ([]byte, error)) error {
	err := exportCheckUTF8(b.Entries)
	var data []byte
	if err == nil {
		data, err = render(b.Entries)
	}
	if err == nil {
		err = exportReadsBack("export."+format, data, b.Entries)
	}
	if err == nil {
		_, err = w.Write(data)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

func exportCSVData(entries []Entry) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(exportCSVBOM)
	cw := csv.NewWriter(&buf)
	_ = cw.Write(exportCSVHeader) // writes to a buffer; cw.Error reports any failure
	for _, e := range entries {
		row, err := exportCSVRow(e)
		if err != nil {
			return nil, err
		}
		_ = cw.Write(row)
	}
	cw.Flush()
	return buf.Bytes(), cw.Error()
}

// exportCSVRow is one entry as a row of exportCSVHeader.
func exportCSVRow(e Entry) ([]string, error) {
	lists := make(map[string]string, 4)
	for _, l := range []struct {
		field string
		items []string
	}{{"alternates", e.Alternates}, {"tags", e.Tags}, {"related", e.Related}, {"unless", e.Unless}} {
		for _, item := range l.items {
			if strings.Contains(item, "|") {
				return nil, fmt.Errorf("entry %s (%s): %s item %s holds \"|\", which separates list items in a CSV sheet: reword it, or export as YAML",
					label(e.ID), label(e.Lang), l.field, excerpt(item))
			}
		}
		lists[l.field] = strings.Join(l.items, "|")
	}
	return []string{e.ID, e.Lang, string(e.Kind), e.Title, e.Question, lists["alternates"], e.Answer, lists["tags"], lists["related"], e.Source, lists["unless"]}, nil
}

// exportYAMLComment heads a YAML export.
const exportYAMLComment = "The clinic's knowledge exported as one file: every entry, in every language.\n" +
	"Lexicons, replies and acts are not in this file; they stay in their own files (one language per file)."

func exportYAMLData(entries []Entry) ([]byte, error) {
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, e := range entries {
		list.Content = append(list.Content, exportEntryNode(e))
	}
	root := &yaml.Node{Kind: yaml.MappingNode}
	root.Content = append(root.Content, exportString("entries"), list)
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: exportYAMLComment, Content: []*yaml.Node{root}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// exportEntryNode is one entry as a mapping, its fields in the order FORMAT.md shows them; empty fields
// and the default kind (faq) are left out.
func exportEntryNode(e Entry) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v *yaml.Node) { n.Content = append(n.Content, exportString(k), v) }
	addStr := func(k, v string) {
		if v != "" {
			add(k, exportString(v))
		}
	}
	add("id", exportString(e.ID))
	add("lang", exportString(e.Lang))
	if e.Kind != FAQ {
		add("kind", exportString(string(e.Kind)))
	}
	addStr("title", e.Title)
	addStr("question", e.Question)
	if len(e.Alternates) > 0 {
		add("alternates", exportList(e.Alternates, 0))
	}
	addStr("answer", e.Answer)
	if len(e.Tags) > 0 {
		add("tags", exportList(e.Tags, yaml.FlowStyle))
	}
	if len(e.Related) > 0 {
		add("related", exportList(e.Related, yaml.FlowStyle))
	}
	addStr("source", e.Source)
	if len(e.Unless) > 0 {
		add("unless", exportList(e.Unless, yaml.FlowStyle))
	}
	return n
}

// exportString is a string scalar: quoted where it would read as another type (12, true, null), a literal
// block when it holds line breaks (the encoder falls back to quotes where a block cannot hold it exactly).
func exportString(s string) *yaml.Node {
	n := &yaml.Node{}
	n.SetString(s)
	return n
}

func exportList(items []string, style yaml.Style) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: style}
	for _, s := range items {
		n.Content = append(n.Content, exportString(s))
	}
	return n
}

// exportCheckUTF8 names the first entry with a value that is not UTF-8 text, which no knowledge file
// holds.
func exportCheckUTF8(entries []Entry) error {
	for _, e := range entries {
		for _, f := range exportFields(e) {
			if !slices.ContainsFunc(f.values, func(v string) bool { return !utf8.ValidString(v) }) {
				continue
			}
			return fmt.Errorf("entry %s (%s): %s is not valid UTF-8", label(e.ID), label(e.Lang), f.name)
		}
	}
	return nil
}

// exportReadsBack parses an export as the loader would and reports the first entry that would not read
// back as want holds it.
func exportReadsBack(name string, data []byte, want []Entry) error {
	c := &collector{}
	got := parseFile(name, data, c).entries
	for _, p := range c.problems {
		if p.Severity == Error {
			return fmt.Errorf("the export would not read back: %s", p)
		}
	}
	if len(got) != len(want) {
		return fmt.Errorf("the export would read back as %d entries, not %d", len(got), len(want))
	}
	for i := range want {
		if field, w, g := exportDiff(want[i], got[i]); field != "" {
			return fmt.Errorf("entry %s (%s): %s %s would read back as %s%s", label(want[i].ID), label(want[i].Lang),
				field, excerpt(strings.Join(w, "|")), excerpt(strings.Join(g, "|")), exportHint(field, w))
		}
	}
	return nil
}

// exportField is one field of an entry by name, a single value as a list of one.
type exportField struct {
	name   string
	values []string
}

// exportFields lists the fields an export writes, in the order of FORMAT.md.
func exportFields(e Entry) []exportField {
	return []exportField{{"id", []string{e.ID}}, {"lang", []string{e.Lang}}, {"kind", []string{string(e.Kind)}},
		{"title", []string{e.Title}}, {"question", []string{e.Question}}, {"alternates", e.Alternates},
		{"answer", []string{e.Answer}}, {"tags", e.Tags}, {"related", e.Related}, {"source", []string{e.Source}}, {"unless", e.Unless}}
}

// exportDiff names the first field that differs between a and b, with both values; position does not
// count.
func exportDiff(a, b Entry) (name string, av, bv []string) {
	fa, fb := exportFields(a), exportFields(b)
	for i := range fa {
		if !slices.Equal(fa[i].values, fb[i].values) {
			return fa[i].name, fa[i].values, fb[i].values
		}
	}
	return "", nil, nil
}

// exportHint says why the values of a field would not read back, when it is one of the known reasons.
func exportHint(field string, values []string) string {
	for _, v := range values {
		switch {
		case v == "" && field == "kind":
			return ": an entry without a kind is a faq entry"
		case v == "":
			return ": an empty list item is dropped"
		case strings.TrimSpace(v) != v:
			return ": every loader trims the spaces around a value"
		case strings.Contains(v, "\r"):
			return ": a CSV reader reads a line break written \\r\\n as \\n"
		}
	}
	return ""
}
