package knowledge

import (
	"maps"
	"regexp"
	"slices"
	"strings"
)

var idRE = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,63}$`)

// Validate checks a bank as a whole: required fields, ids, duplicates per language, related ids that
// point nowhere, and translations missing from a language the bank has.
func Validate(b *Bank) Problems {
	c := &collector{}
	seen := map[key]Position{}
	ids := map[string]map[string]bool{} // id -> langs
	kinds := map[string]Kind{}
	for _, e := range b.Entries {
		kinds[e.ID] = e.Kind
		checkEntry(e, c)
		k := key{e.ID, e.Lang}
		if first, dup := seen[k]; dup {
			c.errorf(e.Pos, "duplicate id %q in %s (first at %s)", e.ID, e.Lang, first)
			continue
		}
		seen[k] = e.Pos
		if ids[e.ID] == nil {
			ids[e.ID] = map[string]bool{}
		}
		ids[e.ID][e.Lang] = true
	}
	langs := b.Langs()
	reported := map[string]bool{}
	for _, e := range b.Entries {
		for _, r := range e.Related {
			switch {
			case ids[r] == nil:
				c.errorf(e.Pos, "%s (%s): related id %q does not exist", e.ID, e.Lang, r)
			case r == e.ID:
				c.warnf(e.Pos, "%s (%s): lists itself as related", e.ID, e.Lang)
			case kinds[r] == OutOfScope:
				c.errorf(e.Pos, "%s (%s): related id %q is out of scope: it has no answer to offer", e.ID, e.Lang, r)
			}
		}
		if reported[e.ID] || e.ID == "" {
			continue
		}
		reported[e.ID] = true
		for _, l := range langs {
			if !ids[e.ID][l] {
				c.warnf(e.Pos, "%s: missing translation in %s", e.ID, l)
			}
		}
	}
	checkLexicons(b, c)
	return c.problems
}

func checkEntry(e Entry, c *collector) {
	switch {
	case e.ID == "":
		c.errorf(e.Pos, "entry has no id")
	case !idRE.MatchString(e.ID):
		c.errorf(e.Pos, "id %q: use letters, digits, '.', '_', ':' or '-' (at most 64), starting with a letter or digit", e.ID)
	}
	switch {
	case e.Lang == "":
		c.errorf(e.Pos, "%s: no lang (set it on the entry or the file)", e.ID)
	case !Supported(e.Lang):
		c.errorf(e.Pos, "%s: unsupported lang %q (supported: %s)", e.ID, e.Lang, strings.Join(Languages(), ", "))
	}
	if strings.TrimSpace(e.Question) == "" {
		c.errorf(e.Pos, "%s (%s): empty question", e.ID, e.Lang)
	}
	switch e.Kind {
	case FAQ, Guide:
		if strings.TrimSpace(e.Answer) == "" {
			c.errorf(e.Pos, "%s (%s): empty answer", e.ID, e.Lang)
		}
	case OutOfScope:
		if strings.TrimSpace(e.Answer) != "" {
			c.errorf(e.Pos, "%s (%s): an out_of_scope entry has no answer (the bot says the topic is not covered)", e.ID, e.Lang)
		}
	default:
		c.errorf(e.Pos, "%s (%s): unknown kind %q (use faq or out_of_scope)", e.ID, e.Lang, e.Kind)
	}
}

func checkLexicons(b *Bank, c *collector) {
	for _, lang := range slices.Sorted(maps.Keys(b.Lexicons)) {
		lex := b.Lexicons[lang]
		owner := map[string]string{}
		for _, canon := range slices.Sorted(maps.Keys(lex.Synonyms)) {
			variants := lex.Synonyms[canon]
			if len(variants) == 0 {
				c.warnf(Position{File: "lexicon " + lang}, "synonym %q has no variants", canon)
			}
			for _, v := range variants {
				v = strings.ToLower(v)
				if prev, ok := owner[v]; ok && prev != canon {
					c.warnf(Position{File: "lexicon " + lang}, "%q is a variant of both %q and %q", v, prev, canon)
				}
				owner[v] = canon
			}
		}
	}
}
