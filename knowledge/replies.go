package knowledge

import (
	"fmt"
	"io/fs"

	"go.yaml.in/yaml/v3"
)

// Replies are the fixed texts of one language that are not answers: the disclaimer under every reply,
// the fallback when the knowledge does not cover a question, the instructions of each red-flag tier,
// the reply when too many questions are in flight, and how to reach the clinic. They are knowledge, in a
// YAML file's `replies`, so that a clinic words them as it words its answers.
type Replies struct {
	Lang       string
	Disclaimer string
	NoMatch    string // no_match
	Unsure     string // no_match with plausible topics offered: "did you mean one of these?"
	Urgent     string // red flags of the emergency tier: call emergency services now
	Clinic     string // red flags of the clinic tier: contact the clinic today
	Busy       string // too many questions at once: please send it again
	Contact    string // appended to the fallback and urgent texts
	// ContactCard words the clinic's configured details (name, phone, hours, address, booking link):
	// lines holding {name}, {phone}, {hours}, {address} or {booking}; a line whose detail is not
	// configured is left out. Used as Contact when Contact is empty.
	ContactCard string
	Pos         Position
}

var yamlReplyKeys = []string{"disclaimer", "no_match", "unsure", "urgent", "clinic", "busy", "contact", "contact_card"}

func yamlReplies(name string, n *yaml.Node, lang string, c *collector) *Replies {
	pos := Position{File: name, Line: n.Line}
	if lang == "" {
		c.errorf(pos, "replies need a lang")
		return nil
	}
	if n.Kind != yaml.MappingNode {
		c.errorf(pos, "replies must be a mapping of %v", yamlReplyKeys)
		return nil
	}
	f := mappingFields(name, n, yamlReplyKeys, c)
	return &Replies{Lang: lang, Pos: pos, Disclaimer: scalar(name, f["disclaimer"], c), NoMatch: scalar(name, f["no_match"], c), Unsure: scalar(name, f["unsure"], c),
		Urgent: scalar(name, f["urgent"], c), Clinic: scalar(name, f["clinic"], c), Busy: scalar(name, f["busy"], c),
		Contact: scalar(name, f["contact"], c), ContactCard: scalar(name, f["contact_card"], c)}
}

// mergeReplies adds one file's replies to a bank's: a text given twice for one language is an error.
func mergeReplies(into map[string]Replies, r *Replies, c *collector) {
	cur, ok := into[r.Lang]
	if !ok {
		into[r.Lang] = *r
		return
	}
	for _, f := range []struct {
		name     string
		dst, src *string
	}{{"disclaimer", &cur.Disclaimer, &r.Disclaimer}, {"no_match", &cur.NoMatch, &r.NoMatch}, {"unsure", &cur.Unsure, &r.Unsure}, {"urgent", &cur.Urgent, &r.Urgent},
		{"clinic", &cur.Clinic, &r.Clinic}, {"busy", &cur.Busy, &r.Busy}, {"contact", &cur.Contact, &r.Contact},
		{"contact_card", &cur.ContactCard, &r.ContactCard}} {
		switch {
		case *f.src == "":
		case *f.dst != "":
			c.errorf(r.Pos, "reply %s for %s is also given at %s", f.name, r.Lang, cur.Pos)
		default:
			*f.dst = *f.src
		}
	}
	into[r.Lang] = cur
}

// DefaultReplies are the replies of the embedded default knowledge, by language: what a bank that words
// none of its own falls back to.
func DefaultReplies() (map[string]Replies, error) {
	out := map[string]Replies{}
	err := readDefaults("replies", func(content fileContent, c *collector) {
		for _, r := range content.replies {
			mergeReplies(out, r, c)
		}
	})
	return out, err
}

// readDefaults reads the embedded default files default/<kind>.<lang>.yaml of every language, giving
// each file's content to add, and fails on any problem.
func readDefaults(kind string, add func(fileContent, *collector)) error {
	c := &collector{}
	for _, lang := range Languages() {
		name := "default/" + kind + "." + lang + ".yaml"
		data, err := fs.ReadFile(defaultFS, name)
		if err != nil {
			return fmt.Errorf("default %s: %w", kind, err)
		}
		add(parseFile(name, data, c), c)
	}
	if c.problems.Errors(false) > 0 {
		return &InvalidError{Problems: c.problems}
	}
	return nil
}
