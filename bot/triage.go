package bot

import (
	_ "embed"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/faqbot/faqbot/internal/textnorm"
)

//go:embed redflags.yaml
var redFlagsYAML []byte

// maxBridge is how many filler words may stand between a negation and a symptom ("don't have a fever").
const maxBridge = 2

// Triage recognises red-flag symptoms in a message, in English and Arabic, before any search.
type Triage struct {
	langs map[string]*triageLang
}

type triageLang struct {
	negators map[string]bool
	bridges  map[string]bool
	rules    []triageRule
}

type triageRule struct {
	id       string
	patterns [][]slot // a pattern matches when each of its slots does
	unless   []phrase
}

type slot []phrase   // alternatives
type phrase []string // words

type redFlagsFile struct {
	Negators map[string][]string `yaml:"negators"`
	Bridges  map[string][]string `yaml:"bridges"`
	Rules    []struct {
		ID     string              `yaml:"id"`
		EN     []string            `yaml:"en"`
		AR     []string            `yaml:"ar"`
		Unless map[string][]string `yaml:"unless"`
	} `yaml:"rules"`
}

// NewTriage reads the red-flag rules shipped with the engine.
func NewTriage() (*Triage, error) {
	var f redFlagsFile
	if err := yaml.Unmarshal(redFlagsYAML, &f); err != nil {
		return nil, fmt.Errorf("red-flag rules: %w", err)
	}
	t := &Triage{langs: map[string]*triageLang{}}
	for _, lang := range []string{"en", "ar"} {
		tl := &triageLang{negators: wordSet(f.Negators[lang]), bridges: wordSet(f.Bridges[lang])}
		for _, r := range f.Rules {
			src := r.EN
			if lang == "ar" {
				src = r.AR
			}
			rule := triageRule{id: r.ID}
			for _, p := range src {
				rule.patterns = append(rule.patterns, parsePattern(p))
			}
			for _, u := range r.Unless[lang] {
				rule.unless = append(rule.unless, toPhrase(u))
			}
			if len(rule.patterns) == 0 {
				return nil, fmt.Errorf("red-flag rule %s has no %s patterns", r.ID, lang)
			}
			tl.rules = append(tl.rules, rule)
		}
		t.langs[lang] = tl
	}
	return t, nil
}

func parsePattern(p string) []slot {
	var slots []slot
	for _, s := range strings.Split(p, " + ") {
		var alts slot
		for _, alt := range strings.Split(s, "|") {
			if ph := toPhrase(alt); len(ph) > 0 {
				alts = append(alts, ph)
			}
		}
		slots = append(slots, alts)
	}
	return slots
}

func toPhrase(s string) phrase { return textnorm.Words(textnorm.Normalize(s)) }

func wordSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[textnorm.Normalize(w)] = true
	}
	return m
}

// Check returns the id of the first red flag the message reports, or "" when there is none. Both
// languages' rules are tried, since patients mix them.
func (t *Triage) Check(text, lang string) string {
	words := textnorm.Words(textnorm.Normalize(text))
	if len(words) == 0 {
		return ""
	}
	order := []string{lang, "en", "ar"}
	for i, l := range order {
		tl := t.langs[l]
		if tl == nil || (i > 0 && l == lang) {
			continue
		}
		if id := tl.check(words, l == "ar"); id != "" {
			return id
		}
	}
	return ""
}

func (tl *triageLang) check(words []string, arabic bool) string {
	forms := make([][]string, len(words))
	for i, w := range words {
		forms[i] = wordForms(w, arabic)
	}
	for _, r := range tl.rules {
		if r.cancelled(forms) {
			continue
		}
		for _, p := range r.patterns {
			if tl.matches(p, forms) {
				return r.id
			}
		}
	}
	return ""
}

func (r triageRule) cancelled(forms [][]string) bool {
	for _, u := range r.unless {
		for i := range forms {
			if phraseAt(u, forms, i) {
				return true
			}
		}
	}
	return false
}

// matches reports whether every slot of a pattern has a phrase in the message that is not negated.
func (tl *triageLang) matches(p []slot, forms [][]string) bool {
	for _, s := range p {
		if !tl.slotMatches(s, forms) {
			return false
		}
	}
	return true
}

func (tl *triageLang) slotMatches(s slot, forms [][]string) bool {
	for _, ph := range s {
		for i := range forms {
			if phraseAt(ph, forms, i) && !tl.negated(forms, i) {
				return true
			}
		}
	}
	return false
}

func phraseAt(ph phrase, forms [][]string, i int) bool {
	if i+len(ph) > len(forms) {
		return false
	}
	for k, w := range ph {
		if !hasForm(forms[i+k], w) {
			return false
		}
	}
	return true
}

func hasForm(forms []string, w string) bool {
	for _, f := range forms {
		if f == w {
			return true
		}
	}
	return false
}

// negated reports whether a negation stands right before position i, possibly across a few filler words:
// "no fever", "don't have a fever", "ما عندي حرارة". A negation further away belongs to another word, and
// symptoms that are themselves negative ("can't breathe", "ما اقدر اتحكم بالبول") stay symptoms.
func (tl *triageLang) negated(forms [][]string, i int) bool {
	for k, bridged := i-1, 0; k >= 0; k-- {
		w := forms[k][0]
		switch {
		case tl.negators[w]:
			return true
		case tl.bridges[w] && bridged < maxBridge:
			bridged++
		default:
			return false
		}
	}
	return false
}

// wordForms lists the spellings a message word is compared under: itself, then for English without a
// plural s, and for Arabic without a joined prefix and without a pronoun ending.
func wordForms(w string, arabic bool) []string {
	forms := []string{w}
	if !arabic {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			forms = append(forms, w[:len(w)-1])
		}
		return forms
	}
	bare := textnorm.StripArabicClitics(w)
	if bare != w {
		forms = append(forms, bare)
	}
	for _, base := range []string{w, bare} {
		for _, suf := range []string{"ي", "ه", "ها", "ك", "نا", "هم", "ني", "وا", "ين", "ون", "ات", "ا"} {
			if rest, ok := strings.CutSuffix(base, suf); ok && len([]rune(rest)) >= 2 {
				forms = append(forms, rest)
			}
		}
	}
	return forms
}
