package bot

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// minScopeWord is the fewest letters a word needs to mark a question as outside the knowledge.
const minScopeWord = 4

// declinedWords are the words a bank uses only in its out-of-scope entries ("paracetamol", "insulin",
// "embryos"), with the entries that use them: a question holding one asks about something the knowledge
// declines, whatever its other words match ("can I take paracetamol after the injection instead?" is not
// the NSAIDs entry's question).
// Words are compared in every form textnorm.ArabicWordForms gives, and without an English plural s;
// stop words and short words do not count.
func declinedWords(bank *knowledge.Bank) map[string][]string {
	answered, declined := map[string]bool{}, map[string][]string{}
	stop := map[string]bool{}
	for _, lex := range bank.Lexicons {
		for _, w := range lex.Stopwords {
			stop[textnorm.Normalize(w)] = true
		}
	}
	for _, e := range bank.Entries {
		for _, text := range textnorm.EntryTexts(e) {
			for _, w := range textnorm.Words(textnorm.Normalize(text)) {
				for _, f := range scopeForms(w) {
					switch {
					case e.Kind != knowledge.OutOfScope:
						answered[f] = true
					case !slices.Contains(declined[f], e.ID):
						declined[f] = append(declined[f], e.ID)
					}
				}
			}
		}
	}
	for w := range declined {
		if answered[w] || stop[w] || utf8.RuneCountInString(w) < minScopeWord {
			delete(declined, w)
		}
	}
	return declined
}

// scopeForms are the forms a word is compared under: its Arabic forms, or it without a plural s.
func scopeForms(w string) []string {
	if textnorm.Detect(w) == knowledge.Arabic {
		return textnorm.ArabicWordForms(w)
	}
	if len(w) > minScopeWord && w[len(w)-1] == 's' {
		return []string{w, w[:len(w)-1]}
	}
	return []string{w}
}

// minDeclined is the confidence an out-of-scope candidate needs for a question's declined word to count,
// and declinedShare the share of the best reading's: the word must be what the question is about, and
// the entry that declines it a likely reading ("is paracetamol ok for the soreness?"), not a word in
// passing beside a sure answer ("my wife is driving me, how long will she wait?").
const (
	minDeclined   = 0.2
	declinedShare = 0.25
)

// declines reports whether a question holds a word the knowledge uses only in an out-of-scope entry that
// is itself a likely reading of the question.
func (e *Engine) declines(words []string, cands []scored) bool {
	for _, w := range words {
		for _, f := range scopeForms(w) {
			for _, id := range e.declined[f] {
				if slices.ContainsFunc(cands, func(c scored) bool {
					return c.ID == id && c.confidence >= minDeclined && c.confidence >= declinedShare*cands[0].confidence
				}) {
					return true
				}
			}
		}
	}
	return false
}

// unlessPhrases are the phrases each FAQ entry's unless names (knowledge.Entry.Unless), in every language
// of the entry, by entry id.
func unlessPhrases(bank *knowledge.Bank) map[string][]phrase {
	out := map[string][]phrase{}
	for _, e := range bank.Entries {
		if e.Kind != knowledge.FAQ {
			continue
		}
		for _, u := range e.Unless {
			if words := textnorm.Words(textnorm.Normalize(u)); len(words) > 0 {
				out[e.ID] = append(out[e.ID], words)
			}
		}
	}
	return out
}

// exclude marks the FAQ candidates whose unless one of texts (a question's normalised words, as written
// and as searched) names: the question asks about something near the entry that its answer does not
// cover ("can I use a heating pad instead of ice?" of the entry that recommends ice packs). choose and
// drawnFrom answer none from such an entry; it stays a topic to offer.
func (e *Engine) exclude(cands []scored, texts ...[]string) []scored {
	for i, c := range cands {
		if c.Kind == knowledge.FAQ && e.uncovered(c.ID, texts...) {
			cands[i].excluded = true
		}
	}
	return cands
}

// uncovered reports whether one of texts names what entry id's unless says its answer does not cover.
func (e *Engine) uncovered(id string, texts ...[]string) bool {
	return slices.ContainsFunc(e.unless[id], func(ph phrase) bool {
		return slices.ContainsFunc(texts, func(words []string) bool { return holdsPhrase(words, ph) })
	})
}

// holdsPhrase reports whether words hold the phrase's words in a row, each word of the question in its
// forms (scopeForms: an Arabic word without its article or a pronoun ending, an English one without a
// plural s or es): "heating pads" holds "heating pad", "hot compresses" "hot compress", and "كام" (how
// many) does not hold "بكام" (how much).
func holdsPhrase(words []string, ph phrase) bool {
	for i := 0; i+len(ph) <= len(words); i++ {
		if matchesAt(words[i:i+len(ph)], ph) {
			return true
		}
	}
	return false
}

func matchesAt(words []string, ph phrase) bool {
	for k, w := range ph {
		// a form is a part of its word: most words need no forms made
		if !strings.Contains(words[k], w) || !slices.Contains(scopeForms(words[k]), w) && words[k] != w+"es" {
			return false
		}
	}
	return true
}
