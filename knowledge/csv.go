package knowledge

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
)

var (
	csvRequired = []string{"id", "question", "answer", "lang"}
	csvOptional = []string{"alternates", "title", "tags", "related", "source", "kind", "unless"}
)

// parseCSV reads a clinic's FAQ sheet: a header row naming the columns, then one entry per row. A sheet
// without a kind column holds FAQ entries only.
func parseCSV(name string, data []byte, c *collector) fileContent {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			c.errorf(Position{File: name}, "empty file: a CSV needs the header %s", strings.Join(csvRequired, ","))
		} else {
			c.errorf(Position{File: name, Line: 1}, "invalid CSV header: %s", errText(err))
		}
		return fileContent{}
	}
	cols, ok := csvColumns(name, header, c)
	if !ok {
		return fileContent{}
	}
	var out fileContent
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			pos := Position{File: name}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				pos.Line = pe.Line
			}
			c.errorf(pos, "invalid CSV row: %s", errText(err))
			return fileContent{} // the reader cannot resynchronise after a broken quote
		}
		line, _ := r.FieldPos(0)
		pos := Position{File: name, Line: line}
		if len(rec) != len(header) {
			c.errorf(pos, "row has %d columns, the header has %d", len(rec), len(header))
			continue
		}
		if blankRecord(rec) {
			continue
		}
		out.entries = append(out.entries, csvEntry(rec, cols, pos))
	}
	return out
}

func csvColumns(name string, header []string, c *collector) (map[string]int, bool) {
	cols := map[string]int{} // column name -> 1-based index; 0 means absent
	pos := Position{File: name, Line: 1}
	ok := true
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case !slices.Contains(csvRequired, h) && !slices.Contains(csvOptional, h):
			c.errorf(pos, "unknown column %s (known: %s)", excerpt(h), strings.Join(slices.Concat(csvRequired, csvOptional), ", "))
			ok = false
		case cols[h] != 0:
			c.errorf(pos, "column %q given twice", h)
			ok = false
		default:
			cols[h] = i + 1
		}
	}
	for _, req := range csvRequired {
		if cols[req] == 0 {
			c.errorf(pos, "missing column %q: the header must have %s", req, strings.Join(csvRequired, ","))
			ok = false
		}
	}
	return cols, ok
}

func csvEntry(rec []string, cols map[string]int, pos Position) Entry {
	get := func(col string) string {
		if i := cols[col]; i > 0 {
			return strings.TrimSpace(rec[i-1])
		}
		return ""
	}
	return Entry{
		ID:         get("id"),
		Lang:       strings.ToLower(get("lang")),
		Kind:       Kind(cmp.Or(strings.ToLower(get("kind")), string(FAQ))), // no kind column, or an empty cell: faq
		Title:      get("title"),
		Question:   get("question"),
		Alternates: splitList(get("alternates")),
		Answer:     get("answer"),
		Tags:       splitList(get("tags")),
		Related:    splitList(get("related")),
		Source:     get("source"),
		Unless:     splitList(get("unless")),
		Pos:        pos,
	}
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "|") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
