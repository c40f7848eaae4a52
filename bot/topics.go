package bot

import "github.com/faqbot/faqbot/knowledge"

// Topics lists the FAQ topics of a language, in the knowledge's order: for menus and buttons.
func (e *Engine) Topics(lang string) []Topic {
	entries := e.bank.Topics(lang)
	out := make([]Topic, 0, len(entries))
	for _, en := range entries {
		out = append(out, Topic{ID: en.ID, Title: en.Title})
	}
	return out
}

// Topic answers with one entry chosen by id (a topic button, a deep link), in lang when it has that
// translation. It reports false when no FAQ entry or guide section has the id.
func (e *Engine) Topic(id, lang string) (Answer, bool) {
	entry, ok := e.bank.Lookup(id, lang)
	if !ok || entry.Kind == knowledge.OutOfScope {
		return Answer{}, false
	}
	a := Answer{Question: entry.Question, Lang: entry.Lang, Disclaimer: e.messages[entry.Lang].Disclaimer, Matches: []Candidate{}}
	return e.answered(a, scored{Match: knowledge.Match{ID: entry.ID, Lang: entry.Lang, Kind: entry.Kind}, confidence: 1}), true
}
