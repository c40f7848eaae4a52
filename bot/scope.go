package bot

import (
	"slices"
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
