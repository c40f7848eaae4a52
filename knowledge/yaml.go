package knowledge

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// fileContent is what one knowledge file holds once parsed.
type fileContent struct {
	entries  []Entry
	lexicons []*Lexicon
	replies  []*Replies
	acts     []*Act
}

var (
	yamlFileKeys  = []string{"lang", "entries", "synonyms", "stopwords", "replies", "acts"}
	yamlEntryKeys = []string{"id", "lang", "kind", "title", "question", "alternates", "answer", "tags", "related", "source", "unless"}
)

// parseYAML reads a YAML knowledge file: FAQ entries, a lexicon, replies, acts, or any of them together.
func parseYAML(name string, data []byte, c *collector) fileContent {
	var out fileContent
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			c.errorf(Position{File: name}, "empty file")
		} else {
			c.errorf(Position{File: name, Line: yamlErrLine(err)}, "invalid YAML: %s", errText(err))
		}
		return out
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		c.errorf(Position{File: name, Line: root.Line}, "top level must be a mapping with lang and entries (or synonyms)")
		return out
	}
	fields := mappingFields(name, root, yamlFileKeys, c)
	lang := scalar(name, fields["lang"], c)
	if lang != "" && !Supported(lang) {
		c.errorf(Position{File: name, Line: fields["lang"].Line}, "unsupported lang %s (supported: %s)", excerpt(lang), strings.Join(Languages(), ", "))
	}
	if n := fields["entries"]; n != nil {
		out.entries = yamlEntries(name, n, lang, c)
	}
	if fields["synonyms"] != nil || fields["stopwords"] != nil {
		if lex := yamlLexicon(name, fields, lang, c); lex != nil {
			out.lexicons = append(out.lexicons, lex)
		}
	}
	if n := fields["replies"]; n != nil {
		if r := yamlReplies(name, n, lang, c); r != nil {
			out.replies = append(out.replies, r)
		}
	}
	if n := fields["acts"]; n != nil {
		out.acts = yamlActs(name, n, lang, c)
	}
	if fields["entries"] == nil && fields["synonyms"] == nil && fields["stopwords"] == nil && fields["replies"] == nil && fields["acts"] == nil {
		c.errorf(Position{File: name, Line: root.Line}, "no entries, synonyms, stopwords, replies or acts")
	}
	return out
}

func yamlEntries(name string, n *yaml.Node, lang string, c *collector) []Entry {
	if n.Kind != yaml.SequenceNode {
		c.errorf(Position{File: name, Line: n.Line}, "entries must be a list")
		return nil
	}
	out := make([]Entry, 0, len(n.Content))
	for _, item := range n.Content {
		pos := Position{File: name, Line: item.Line}
		if item.Kind != yaml.MappingNode {
			c.errorf(pos, "entry must be a mapping of id, question, answer...")
			continue
		}
		f := mappingFields(name, item, yamlEntryKeys, c)
		e := Entry{
			ID:         scalar(name, f["id"], c),
			Lang:       scalar(name, f["lang"], c),
			Kind:       Kind(scalar(name, f["kind"], c)),
			Title:      scalar(name, f["title"], c),
			Question:   scalar(name, f["question"], c),
			Alternates: strs(name, f["alternates"], c),
			Answer:     scalar(name, f["answer"], c),
			Tags:       strs(name, f["tags"], c),
			Related:    strs(name, f["related"], c),
			Source:     scalar(name, f["source"], c),
			Unless:     strs(name, f["unless"], c),
			Pos:        pos,
		}
		if e.Lang == "" {
			e.Lang = lang
		}
		if e.Kind == "" {
			e.Kind = FAQ
		}
		out = append(out, e)
	}
	return out
}

func yamlLexicon(name string, fields map[string]*yaml.Node, lang string, c *collector) *Lexicon {
	pos := Position{File: name, Line: 1}
	if lang == "" {
		c.errorf(pos, "a lexicon needs a lang")
		return nil
	}
	lex := &Lexicon{Lang: lang, Synonyms: map[string][]string{}, Stopwords: strs(name, fields["stopwords"], c)}
	syn := fields["synonyms"]
	if syn == nil {
		return lex
	}
	if syn.Kind != yaml.MappingNode {
		c.errorf(Position{File: name, Line: syn.Line}, "synonyms must map a canonical word to a list of variants")
		return lex
	}
	for i := 0; i+1 < len(syn.Content); i += 2 {
		k, v := syn.Content[i], syn.Content[i+1]
		canon := strings.TrimSpace(k.Value)
		if canon == "" {
			c.errorf(Position{File: name, Line: k.Line}, "empty canonical word in synonyms")
			continue
		}
		lex.Synonyms[canon] = append(lex.Synonyms[canon], strs(name, v, c)...)
	}
	return lex
}

// mappingFields returns the values of a mapping by key, reporting unknown and repeated keys.
func mappingFields(name string, n *yaml.Node, allowed []string, c *collector) map[string]*yaml.Node {
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		pos := Position{File: name, Line: k.Line}
		switch {
		case !slices.Contains(allowed, k.Value):
			c.errorf(pos, "unknown field %s (known: %s)", excerpt(k.Value), strings.Join(allowed, ", "))
		case out[k.Value] != nil:
			c.errorf(pos, "field %q given twice", k.Value)
		default:
			out[k.Value] = v
		}
	}
	return out
}

func scalar(name string, n *yaml.Node, c *collector) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		c.errorf(Position{File: name, Line: n.Line}, "expected a single value, got a %s", nodeKind(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func strs(name string, n *yaml.Node, c *collector) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if v := strings.TrimSpace(n.Value); v != "" {
			return []string{v}
		}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		c.errorf(Position{File: name, Line: n.Line}, "expected a list, got a %s", nodeKind(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if v := scalar(name, item, c); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

// yamlErrLine digs the line number out of a yaml.v3 error message ("yaml: line 7: ...").
func yamlErrLine(err error) int {
	msg := err.Error()
	i := strings.Index(msg, "line ")
	if i < 0 {
		return 0
	}
	n := 0
	for _, r := range msg[i+len("line "):] {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}
