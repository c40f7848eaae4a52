package bot

import (
	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// arabiziOf learns the Arabic words of a bank, for reading Arabizi questions in Arabic script: its
// Arabic entries' titles, questions, alternates and answers, and its Arabic lexicon.
func arabiziOf(bank *knowledge.Bank) *textnorm.Transliterator {
	var texts []string
	for _, e := range bank.Entries {
		if e.Lang == "ar" {
			texts = append(texts, e.Title, e.Question, e.Answer)
			texts = append(texts, e.Alternates...)
		}
	}
	if lex := bank.Lexicons["ar"]; lex != nil {
		for canonical, variants := range lex.Synonyms {
			texts = append(texts, canonical)
			texts = append(texts, variants...)
		}
	}
	return textnorm.NewTransliterator(texts)
}

// readArabizi reads a question written in Arabizi ("kam modet el jalsa?") in Arabic script, when it was
// not said to be English, it reads as Latin text, looks like Arabizi, and at least half its words are
// found in the bank's Arabic vocabulary. The answer is then in Arabic.
func (e *Engine) readArabizi(q Question) (string, bool) {
	if q.Lang == "en" {
		return "", false
	}
	words := textnorm.Words(textnorm.Normalize(q.Text))
	if len(words) == 0 || textnorm.Detect(q.Text) != "en" || !textnorm.LooksArabizi(words) {
		return "", false
	}
	ar, found, read := e.arabizi.Arabic(words)
	if 2*found < read {
		return "", false
	}
	return ar, true
}
