package knowledge

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Act names, most decisive first: when a message holds two acts ("thanks, bye"), the earlier one in
// this list is the one answered.
const (
	ActHandoff  = "handoff"  // a person, the phone number, the address, opening hours, booking
	ActIdentity = "identity" // "are you a bot?"
	ActHelp     = "help"     // "help", "menu", "what can you do?"
	ActThanks   = "thanks"
	ActGoodbye  = "goodbye"
	ActGreeting = "greeting"
	ActAck      = "ack" // "ok", "got it", "تمام"
)

// ActNames lists the conversation acts, most decisive first.
func ActNames() []string {
	return []string{ActHandoff, ActIdentity, ActHelp, ActThanks, ActGoodbye, ActGreeting, ActAck}
}

// Act is a conversation act in one language: what patients say that is not a question about their
// treatment ("hi", "thanks", "can I talk to a nurse?"), and the reply. Acts are knowledge, under `acts`
// in a YAML file, so that a clinic words them; a bank that gives none of an act's phrases or its reply
// gets the embedded ones (DefaultActs).
type Act struct {
	Name    string
	Lang    string
	Phrases []string // what patients write, matched as whole words after normalisation
	Reply   string
	Pos     Position
}

// IsActPattern reports whether an act's phrase is a pattern: slots joined by " + ", each slot's
// alternatives by " | " ("connect me + doctor | nurse"), a rule for the act matcher rather than words a
// patient writes.
func IsActPattern(phrase string) bool {
	return strings.Contains(phrase, "+")
}

var yamlActKeys = []string{"phrases", "reply"}

func yamlActs(name string, n *yaml.Node, lang string, c *collector) []*Act {
	pos := Position{File: name, Line: n.Line}
	if lang == "" {
		c.errorf(pos, "acts need a lang")
		return nil
	}
	if n.Kind != yaml.MappingNode {
		c.errorf(pos, "acts must be a mapping of %v", ActNames())
		return nil
	}
	var out []*Act
	for act, body := range mappingFields(name, n, ActNames(), c) {
		p := Position{File: name, Line: body.Line}
		if body.Kind != yaml.MappingNode {
			c.errorf(p, "act %s must be a mapping of phrases and reply", act)
			continue
		}
		f := mappingFields(name, body, yamlActKeys, c)
		out = append(out, &Act{Name: act, Lang: lang, Phrases: strs(name, f["phrases"], c), Reply: scalar(name, f["reply"], c), Pos: p})
	}
	slices.SortFunc(out, func(a, b *Act) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// mergeActs adds one file's acts to a bank's: phrases add up, a reply given twice for one act and
// language is an error.
func mergeActs(into map[string]map[string]Act, a *Act, c *collector) {
	if into[a.Lang] == nil {
		into[a.Lang] = map[string]Act{}
	}
	cur, ok := into[a.Lang][a.Name]
	if !ok {
		into[a.Lang][a.Name] = *a
		return
	}
	cur.Phrases = append(cur.Phrases, a.Phrases...)
	switch {
	case a.Reply == "":
	case cur.Reply != "":
		c.errorf(a.Pos, "act %s reply for %s is also given at %s", a.Name, a.Lang, cur.Pos)
	default:
		cur.Reply = a.Reply
	}
	into[a.Lang][a.Name] = cur
}

// DefaultActs are the acts of the embedded default knowledge, by language and name.
func DefaultActs() (map[string]map[string]Act, error) {
	out := map[string]map[string]Act{}
	err := readDefaults("acts", func(content fileContent, c *collector) {
		for _, a := range content.acts {
			mergeActs(out, a, c)
		}
	})
	return out, err
}
