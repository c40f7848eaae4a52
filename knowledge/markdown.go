package knowledge

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the YAML block at the top of a guide file.
type frontMatter struct {
	Lang     string                 `yaml:"lang"`
	Title    string                 `yaml:"title"`
	Tags     []string               `yaml:"tags"`
	Sections map[string]sectionMeta `yaml:"sections"`
}

// sectionMeta is extra search data for one guide section, keyed by section id in the front matter.
type sectionMeta struct {
	Question   string   `yaml:"question"`
	Alternates []string `yaml:"alternates"`
	Tags       []string `yaml:"tags"`
	Related    []string `yaml:"related"`
}

var headingRE = regexp.MustCompile(`^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{#([^}\s]+)\})?[ \t#]*$`)

// parseMarkdown reads a guide: front matter, then one entry per section under a ## (or deeper) heading.
func parseMarkdown(name string, data []byte, c *collector) fileContent {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	fm, body := splitFrontMatter(name, lines, c)
	if fm.Lang == "" {
		c.errorf(Position{File: name, Line: 1}, "front matter must give lang (en or ar)")
		return fileContent{}
	}
	if !Supported(fm.Lang) {
		c.errorf(Position{File: name, Line: 1}, "unsupported lang %s (supported: %s)", excerpt(fm.Lang), strings.Join(Languages(), ", "))
		return fileContent{}
	}
	entries := markdownSections(name, lines, body, fm, c)
	used := map[string]bool{}
	for i := range entries {
		e := &entries[i]
		used[e.ID] = true
		if m, ok := fm.Sections[e.ID]; ok {
			if m.Question != "" {
				e.Question = m.Question
			}
			e.Alternates = m.Alternates
			e.Tags = append(e.Tags, m.Tags...)
			e.Related = m.Related
		}
	}
	for id := range fm.Sections {
		if !used[id] {
			c.errorf(Position{File: name, Line: 1}, "front matter describes section %s, which has no heading", excerpt(id))
		}
	}
	if len(entries) == 0 {
		c.errorf(Position{File: name, Line: 1}, "no sections: a guide needs ## headings with text under them")
	}
	return fileContent{entries: entries}
}

// splitFrontMatter parses the --- fenced YAML header and returns the index of the first body line.
func splitFrontMatter(name string, lines []string, c *collector) (frontMatter, int) {
	var fm frontMatter
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return fm, 0
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "---" {
			continue
		}
		dec := yaml.NewDecoder(bytes.NewReader([]byte(strings.Join(lines[1:i], "\n"))))
		dec.KnownFields(true)
		if err := dec.Decode(&fm); err != nil && err.Error() != "EOF" {
			c.errorf(Position{File: name, Line: 1 + yamlErrLine(err)}, "invalid front matter: %s", errText(err))
		}
		return fm, i + 1
	}
	c.errorf(Position{File: name, Line: 1}, "front matter is not closed by a --- line")
	return fm, len(lines)
}

func markdownSections(name string, lines []string, start int, fm frontMatter, c *collector) []Entry {
	var out []Entry
	var cur *Entry
	var text []string
	flush := func() {
		if cur == nil {
			return
		}
		cur.Answer = strings.TrimSpace(strings.Join(text, "\n"))
		if cur.Answer == "" {
			c.errorf(cur.Pos, "section %s has no text", excerpt(cur.Title))
		} else {
			out = append(out, *cur)
		}
		cur, text = nil, nil
	}
	fence := ""
	for i := start; i < len(lines); i++ {
		line := lines[i]
		if f := fenceOf(line); f != "" && (fence == "" || f == fence) {
			fence = map[bool]string{true: f, false: ""}[fence == ""]
		}
		m := headingRE.FindStringSubmatch(line)
		if fence != "" || m == nil {
			if cur != nil {
				text = append(text, line)
			}
			continue
		}
		flush()
		if len(m[1]) == 1 {
			continue // the document's own title
		}
		id := m[3]
		if id == "" {
			id = slug(m[2])
		}
		cur = &Entry{ID: id, Lang: fm.Lang, Kind: Guide, Title: m[2], Question: m[2], Tags: fm.Tags,
			Source: fm.Title, Pos: Position{File: name, Line: i + 1}}
	}
	flush()
	return out
}

func fenceOf(line string) string {
	t := strings.TrimSpace(line)
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(t, f) {
			return f
		}
	}
	return ""
}

// slug turns a heading into an id: lowercase letters and digits joined by single hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
