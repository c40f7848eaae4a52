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
			c.errorf(e.Pos, "duplicate id %s in %s (first at %s)", excerpt(e.ID), label(e.Lang), first)
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
		id, lang := label(e.ID), label(e.Lang)
		for _, r := range e.Related {
			switch {
			case ids[r] == nil:
				c.errorf(e.Pos, "%s (%s): related id %s does not exist", id, lang, excerpt(r))
			case r == e.ID:
				c.warnf(e.Pos, "%s (%s): lists itself as related", id, lang)
			case kinds[r] == OutOfScope:
				c.errorf(e.Pos, "%s (%s): related id %s is out of scope: it has no answer to offer", id, lang, excerpt(r))
			}
		}
		if reported[e.ID] || e.ID == "" {
			continue
		}
		reported[e.ID] = true
		for _, l := range langs {
			if !ids[e.ID][l] {
				c.warnf(e.Pos, "%s: missing translation in %s", id, label(l))
			}
		}
	}
	checkLexicons(b, c)
	return c.problems
}

func checkEntry(e Entry, c *collector) {
	id, lang := label(e.ID), label(e.Lang)
	switch {
	case e.ID == "":
		c.errorf(e.Pos, "entry has no id")
	case !idRE.MatchString(e.ID):
		c.errorf(e.Pos, "id %s: use letters, digits, '.', '_', ':' or '-' (at most 64), starting with a letter or digit", excerpt(e.ID))
	}
	switch {
	case e.Lang == "":
		c.errorf(e.Pos, "%s: no lang (set it on the entry or the file)", id)
	case !Supported(e.Lang):
		c.errorf(e.Pos, "%s: unsupported lang %s (supported: %s)", id, excerpt(e.Lang), strings.Join(Languages(), ", "))
	}
	if strings.TrimSpace(e.Question) == "" {
		c.errorf(e.Pos, "%s (%s): empty question", id, lang)
	}
	switch e.Kind {
	case FAQ, Guide:
		if strings.TrimSpace(e.Answer) == "" {
			c.errorf(e.Pos, "%s (%s): empty answer", id, lang)
		}
	case OutOfScope:
		if strings.TrimSpace(e.Answer) != "" {
			c.errorf(e.Pos, "%s (%s): an out_of_scope entry has no answer (the bot says the topic is not covered)", id, lang)
		}
	default:
		c.errorf(e.Pos, "%s (%s): unknown kind %s (use faq or out_of_scope)", id, lang, excerpt(string(e.Kind)))
	}
	if len(e.Unless) > 0 && e.Kind != FAQ {
		c.warnf(e.Pos, "%s (%s): unless is read on faq entries only: it names what their answer does not cover", id, lang)
	}
	for _, u := range e.Unless {
		if strings.TrimSpace(u) == "" {
			c.errorf(e.Pos, "%s (%s): an empty unless phrase", id, lang)
		}
	}
}

// label is how a message names an entry by its id or language: as written when short and plain,
// else as an excerpt.
func label(s string) string {
	if q := excerpt(s); q[1:len(q)-1] != s {
		return q
	}
	return s
}

func checkLexicons(b *Bank, c *collector) {
	for _, lang := range slices.Sorted(maps.Keys(b.Lexicons)) {
		lex := b.Lexicons[lang]
		owner := map[string]string{}
		for _, canon := range slices.Sorted(maps.Keys(lex.Synonyms)) {
			variants := lex.Synonyms[canon]
			if len(variants) == 0 {
				c.warnf(Position{File: "lexicon " + lang}, "synonym %s has no variants", excerpt(canon))
			}
			for _, v := range variants {
				v = strings.ToLower(v)
				if prev, ok := owner[v]; ok && prev != canon {
					c.warnf(Position{File: "lexicon " + lang}, "%s is a variant of both %s and %s", excerpt(v), excerpt(prev), excerpt(canon))
				}
				owner[v] = canon
			}
		}
	}
}
