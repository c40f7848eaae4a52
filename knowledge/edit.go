package knowledge

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxAlternateRunes bounds a question taught as an alternate: longer messages are stories, not ways of
// asking.
const MaxAlternateRunes = 300

// ErrNotInFile says a file holds no entry with the id and language an edit names.
var ErrNotInFile = errors.New("no such entry in the file")

// AddAlternate returns data, the knowledge file name, with text added to the alternates of the entry id
// in lang. YAML and a guide's front matter are edited in place: every other byte stays as it was, comments
// and order included. A CSV sheet is rewritten with the value added to the row's alternates cell. The
// result is read back before it is returned: the entry has gained the alternate, and nothing else in the
// file has changed.
func AddAlternate(name string, data []byte, id, lang, text string) ([]byte, error) {
	text, err := alternateText(text)
	if err != nil {
		return nil, err
	}
	var out []byte
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		out, err = yamlAddAlternate(data, id, lang, text)
	case ".md":
		out, err = markdownAddAlternate(data, id, text)
	case ".csv":
		out, err = csvAddAlternate(data, id, lang, text)
	default:
		err = fmt.Errorf("unknown file type %s", path.Ext(name))
	}
	if err != nil {
		return nil, fmt.Errorf("add an alternate to %s (%s) in %s: %w", id, lang, name, err)
	}
	if err := checkEdit(name, data, out, func(es []Entry) []Entry {
		for i := range es {
			if es[i].ID == id && es[i].Lang == lang {
				es[i].Alternates = append(slices.Clone(es[i].Alternates), text)
			}
		}
		return es
	}); err != nil {
		return nil, fmt.Errorf("add an alternate to %s (%s) in %s: %w", id, lang, name, err)
	}
	return out, nil
}

// AddEntry returns data, a YAML file of entries, with e appended to its entries (id, lang, kind, title,
// question and answer; an out_of_scope entry has none). The rest of the file stays as it was; the result is
// read back before it is returned.
func AddEntry(name string, data []byte, e Entry) ([]byte, error) {
	if ext := strings.ToLower(path.Ext(name)); ext != ".yaml" && ext != ".yml" {
		return nil, fmt.Errorf("add entry %s to %s: entries are added to YAML files only", e.ID, name)
	}
	q, err := alternateText(e.Question)
	if err != nil {
		return nil, fmt.Errorf("add entry %s to %s: %w", e.ID, name, err)
	}
	e.Question = q
	out, err := yamlAddEntry(data, e)
	if err != nil {
		return nil, fmt.Errorf("add entry %s to %s: %w", e.ID, name, err)
	}
	if err := checkEdit(name, data, out, func(es []Entry) []Entry {
		return append(es, Entry{ID: e.ID, Lang: e.Lang, Kind: e.Kind, Title: e.Title, Question: e.Question, Answer: e.Answer})
	}); err != nil {
		return nil, fmt.Errorf("add entry %s to %s: %w", e.ID, name, err)
	}
	return out, nil
}

// alternateText is a message as one line of an alternate: spaces joined, control characters refused, and
// the characters a spreadsheet reads as a formula (= + - @) taken off its start: a taught question comes
// from a patient, and an exported sheet is opened in a spreadsheet.
func alternateText(text string) (string, error) {
	text = strings.TrimLeft(strings.Join(strings.Fields(text), " "), "=+-@ ")
	switch {
	case text == "":
		return "", errors.New("the question is empty")
	case !utf8.ValidString(text):
		return "", errors.New("the question is not valid UTF-8")
	case utf8.RuneCountInString(text) > MaxAlternateRunes:
		return "", fmt.Errorf("the question is longer than %d characters", MaxAlternateRunes)
	case strings.ContainsFunc(text, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return "", errors.New("the question holds control characters")
	}
	return text, nil
}

// checkEdit reads both versions of a file and checks that the edited one holds exactly the entries
// want makes of the original's, and the same lexicons, replies and acts.
func checkEdit(name string, before, after []byte, want func([]Entry) []Entry) error {
	var c1, c2 collector
	old, got := parseFile(name, before, &c1), parseFile(name, after, &c2)
	if n := c2.problems.Errors(false); n > c1.problems.Errors(false) {
		return fmt.Errorf("the edited file does not read back: %s", c2.problems[0])
	}
	wantEntries := want(withoutPos(old.entries))
	if !reflect.DeepEqual(withoutPos(got.entries), wantEntries) || !sameRest(old, got) {
		return errors.New("the file could not be edited in place without changing something else; add it by hand")
	}
	return nil
}

func withoutPos(es []Entry) []Entry {
	out := slices.Clone(es)
	for i := range out {
		out[i].Pos = Position{}
	}
	return out
}

func sameRest(a, b fileContent) bool {
	return reflect.DeepEqual(a.lexicons, b.lexicons) && reflect.DeepEqual(a.replies, b.replies) && reflect.DeepEqual(a.acts, b.acts)
}

// yamlLines is a YAML text as lines, edited by inserting lines and splicing one line.
type yamlLines struct {
	lines []string
	eol   string // "\r\n" when the file uses it
	off   int    // the line of the text's first line in the file, less one (a guide's front matter)
}

func newYAMLLines(data []byte) *yamlLines {
	l := &yamlLines{lines: strings.Split(string(data), "\n"), eol: "\n"}
	if bytes.Contains(data, []byte("\r\n")) {
		l.eol = "\r\n"
	}
	return l
}

func (l *yamlLines) bytes() []byte {
	return []byte(strings.Join(l.lines, "\n"))
}

// line is the text of 1-based line n of the YAML (without a carriage return).
func (l *yamlLines) line(n int) string { return strings.TrimSuffix(l.lines[n-1+l.off], "\r") }

// insert puts lines before 1-based line n of the YAML.
func (l *yamlLines) insert(n int, lines ...string) {
	cr := strings.TrimSuffix(l.eol, "\n")
	add := make([]string, len(lines))
	for i, s := range lines {
		add[i] = s + cr
	}
	l.lines = slices.Insert(l.lines, n-1+l.off, add...)
}

// yamlScalar writes text as a YAML scalar on one line: plain when YAML reads it back as the same
// string, else double-quoted (a JSON string is a YAML one).
func yamlScalar(text string) string {
	if out, err := yaml.Marshal(text); err == nil && bytes.Count(out, []byte("\n")) == 1 {
		s := strings.TrimSuffix(string(out), "\n")
		var back string
		if yaml.Unmarshal([]byte("x: "+s), &struct {
			X *string `yaml:"x"`
		}{&back}) == nil && back == text {
			return s
		}
	}
	return jsonString(text)
}

func jsonString(text string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(text) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

func parseYAMLNode(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the top level is not a mapping")
	}
	return doc.Content[0], nil
}

// field is the key and value of a mapping's field, or nils.
func field(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

func yamlAddAlternate(data []byte, id, lang, text string) ([]byte, error) {
	root, err := parseYAMLNode(data)
	if err != nil {
		return nil, err
	}
	entry, err := yamlEntry(root, id, lang)
	if err != nil {
		return nil, err
	}
	l := newYAMLLines(data)
	if err := l.appendToList(entry, "alternates", text, "question"); err != nil {
		return nil, err
	}
	return l.bytes(), nil
}

// yamlEntry finds the mapping of entry id in lang among a file's entries.
func yamlEntry(root *yaml.Node, id, lang string) (*yaml.Node, error) {
	_, fileLang := field(root, "lang")
	_, entries := field(root, "entries")
	if entries == nil || entries.Kind != yaml.SequenceNode {
		return nil, ErrNotInFile
	}
	for _, e := range entries.Content {
		if e.Kind != yaml.MappingNode {
			continue
		}
		_, eid := field(e, "id")
		_, elang := field(e, "lang")
		if elang == nil {
			elang = fileLang
		}
		if eid != nil && eid.Value == id && elang != nil && elang.Value == lang {
			return e, nil
		}
	}
	return nil, ErrNotInFile
}

// appendToList adds text to the list under key in mapping m: after the last item of a block list, inside
// a one-line flow list, or as a new block list placed after the field named after (or before the first
// field that starts its own line).
func (l *yamlLines) appendToList(m *yaml.Node, key, text, after string) error {
	_, v := field(m, key)
	switch {
	case v == nil:
		return l.insertField(m, key, []string{"  - " + yamlScalar(text)}, after)
	case v.Kind != yaml.SequenceNode:
		return fmt.Errorf("%s is not a list", key)
	case v.Style&yaml.FlowStyle != 0:
		return l.appendToFlow(v, text)
	case len(v.Content) == 0:
		return fmt.Errorf("%s is an empty list", key)
	}
	last := v.Content[len(v.Content)-1]
	line := l.line(last.Line)
	dash := strings.LastIndex(line[:min(last.Column-1, len(line))], "-")
	if dash < 0 || strings.TrimSpace(line[:dash]) != "" {
		return fmt.Errorf("%s: its items are not one per line", key)
	}
	end := last.Line + 1
	for end+l.off <= len(l.lines) && continues(l.line(end), dash) {
		end++
	}
	l.insert(end, line[:dash]+"- "+yamlScalar(text))
	return nil
}

// continues reports whether line is part of a list item whose dash is at column dash: indented deeper.
func continues(line string, dash int) bool {
	trimmed := strings.TrimLeft(line, " ")
	return trimmed != "" && !strings.HasPrefix(trimmed, "#") && len(line)-len(trimmed) > dash
}

// appendToFlow adds text to a flow list written on one line ("[a, b]").
func (l *yamlLines) appendToFlow(v *yaml.Node, text string) error {
	lastLine := v.Line
	if n := len(v.Content); n > 0 {
		lastLine = v.Content[n-1].Line
	}
	if lastLine != v.Line {
		return errors.New("a list in brackets over several lines")
	}
	raw := l.lines[v.Line-1+l.off]
	item := jsonString(text)
	if len(v.Content) > 0 {
		item = ", " + item
	}
	for end := strings.LastIndex(raw, "]"); end >= v.Column-1; end = strings.LastIndex(raw[:end], "]") {
		line := raw[:end] + item + raw[end:]
		var got []string
		if yaml.Unmarshal([]byte(line[v.Column-1:]), &got) == nil && len(got) == len(v.Content)+1 && got[len(got)-1] == text {
			l.lines[v.Line-1+l.off] = line
			return nil
		}
	}
	return errors.New("a list in brackets whose closing bracket was not found")
}

// insertField adds "key:" and the value's lines to block mapping m, after the field named after when the
// next field starts its own line, else before the first field that does.
func (l *yamlLines) insertField(m *yaml.Node, key string, value []string, after string) error {
	if m.Style&yaml.FlowStyle != 0 {
		return errors.New("the entry is written in braces")
	}
	at := -1
	for i := 0; i < len(m.Content); i += 2 {
		if l.ownLine(m.Content[i]) {
			if at < 0 {
				at = i
			}
			if i >= 2 && m.Content[i-2].Value == after {
				at = i
				break
			}
		}
	}
	if at < 0 {
		return errors.New("no field of the entry starts a line of its own")
	}
	k := m.Content[at]
	indent := l.line(k.Line)[:k.Column-1]
	lines := []string{indent + yamlScalar(key) + ":"}
	for _, s := range value {
		lines = append(lines, indent+s)
	}
	l.insert(k.Line, lines...)
	return nil
}

// ownLine reports whether node n is the first thing on its line.
func (l *yamlLines) ownLine(n *yaml.Node) bool {
	line := l.line(n.Line)
	return n.Column-1 <= len(line) && strings.TrimSpace(line[:n.Column-1]) == ""
}

func yamlAddEntry(data []byte, e Entry) ([]byte, error) {
	root, err := parseYAMLNode(data)
	if err != nil {
		return nil, err
	}
	_, fileLang := field(root, "lang")
	_, entries := field(root, "entries")
	if entries == nil || entries.Kind != yaml.SequenceNode || entries.Style&yaml.FlowStyle != 0 || len(entries.Content) == 0 {
		return nil, errors.New("the file has no list of entries to add to")
	}
	l := newYAMLLines(data)
	first := entries.Content[0]
	line := l.line(first.Line)
	dash := strings.LastIndex(line[:min(first.Column-1, len(line))], "-")
	if dash < 0 || strings.TrimSpace(line[:dash]) != "" {
		return nil, errors.New("entries are not one per line")
	}
	indent := line[:dash]
	fields := []string{"id: " + yamlScalar(e.ID)}
	if fileLang == nil || fileLang.Value != e.Lang {
		fields = append(fields, "lang: "+yamlScalar(e.Lang))
	}
	if e.Kind != "" && e.Kind != FAQ {
		fields = append(fields, "kind: "+yamlScalar(string(e.Kind)))
	}
	if e.Title != "" {
		fields = append(fields, "title: "+yamlScalar(e.Title))
	}
	fields = append(fields, "question: "+yamlScalar(e.Question))
	if e.Answer != "" {
		fields = append(fields, "answer: "+jsonString(e.Answer))
	}
	lines := []string{indent + "- " + fields[0]}
	for _, f := range fields[1:] {
		lines = append(lines, indent+"  "+f)
	}
	l.insert(l.endOf(root, "entries"), lines...)
	return l.bytes(), nil
}

// endOf is the line after the last non-blank line of top-level field key: the line of the next
// top-level field, or the end of the text, less the blank lines before it.
func (l *yamlLines) endOf(root *yaml.Node, key string) int {
	end := len(l.lines) - l.off + 1
	for i := 0; i+2 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			end = root.Content[i+2].Line
		}
	}
	for end > 1 && strings.TrimSpace(l.line(end-1)) == "" {
		end--
	}
	return end
}

// markdownAddAlternate adds text to sections.<id>.alternates in a guide's front matter.
func markdownAddAlternate(data []byte, id, text string) ([]byte, error) {
	l := newYAMLLines(data)
	if len(l.lines) == 0 || strings.TrimSpace(l.lines[0]) != "---" {
		return nil, errors.New("the guide has no front matter")
	}
	closing := -1
	for i := 1; i < len(l.lines); i++ {
		if strings.TrimSpace(l.lines[i]) == "---" {
			closing = i
			break
		}
	}
	if closing < 0 {
		return nil, errors.New("the guide's front matter is not closed with ---")
	}
	fm := strings.Join(l.lines[1:closing], "\n")
	root, err := parseYAMLNode([]byte(fm))
	if err != nil {
		return nil, fmt.Errorf("front matter: %w", err)
	}
	l.off = 1
	_, sections := field(root, "sections")
	switch {
	case sections == nil:
		l.insert(closing, "sections:", "  "+yamlScalar(id)+":", "    alternates:", "      - "+yamlScalar(text))
	case sections.Kind != yaml.MappingNode:
		return nil, errors.New("front matter: sections is not a mapping")
	default:
		_, sec := field(sections, id)
		if sec == nil {
			err = l.insertField(sections, id, []string{"  alternates:", "    - " + yamlScalar(text)}, "")
		} else if sec.Kind != yaml.MappingNode {
			err = fmt.Errorf("front matter: sections.%s is not a mapping", id)
		} else {
			err = l.appendToList(sec, "alternates", text, "question")
		}
		if err != nil {
			return nil, err
		}
	}
	return l.bytes(), nil
}

// csvAddAlternate adds text to the alternates cell of the row of id in lang, adding the column when the
// sheet has none.
func csvAddAlternate(data []byte, id, lang, text string) ([]byte, error) {
	if strings.Contains(text, "|") {
		return nil, errors.New("a CSV alternate cannot hold '|', which separates alternates")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil || len(recs) == 0 {
		return nil, fmt.Errorf("invalid CSV: %v", err)
	}
	col := func(name string) int {
		return slices.IndexFunc(recs[0], func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), name) })
	}
	idc, langc, altc := col("id"), col("lang"), col("alternates")
	if idc < 0 || langc < 0 {
		return nil, errors.New("the sheet has no id or lang column")
	}
	if altc < 0 {
		altc = len(recs[0])
		for i := range recs {
			v := ""
			if i == 0 {
				v = "alternates"
			}
			recs[i] = append(recs[i], v)
		}
	}
	found := false
	for _, rec := range recs[1:] {
		if len(rec) > max(idc, langc, altc) && strings.TrimSpace(rec[idc]) == id && strings.TrimSpace(rec[langc]) == lang {
			rec[altc] = strings.Join(append(splitList(rec[altc]), text), "|")
			found = true
		}
	}
	if !found {
		return nil, ErrNotInFile
	}
	var b bytes.Buffer
	b.Write(data[:len(data)-len(bytes.TrimPrefix(data, []byte("\ufeff")))])
	w := csv.NewWriter(&b)
	w.UseCRLF = bytes.Contains(data, []byte("\r\n"))
	if err := w.WriteAll(recs); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
