package bot

import "github.com/faqbot/faqbot/knowledge"

// inLang words an answer in another language (Question.ReplyLang): the same entry, the same red flag, or
// the same reason for no answer, with that language's texts and titles. Matches and the explanation stay
// as the question was read. An entry with no translation, or an unsupported language, leaves the answer
// as it was.
func (e *Engine) inLang(a Answer, lang string) Answer {
	if lang == "" || lang == a.Lang || !knowledge.Supported(lang) {
		return a
	}
	out := a
	out.Lang, out.Disclaimer = lang, e.messages[lang].Disclaimer
	switch a.Status {
	case Answered:
		entry, ok := e.bank.Entry(a.ID, lang)
		if !ok {
			return a
		}
		base := Answer{Question: a.Question, Lang: lang, Disclaimer: out.Disclaimer, Matches: a.Matches, Explanation: a.Explanation}
		out = e.answered(base, scored{Match: knowledge.Match{ID: entry.ID, Lang: lang, Kind: entry.Kind}, confidence: a.Confidence})
		for _, x := range a.Also {
			if t, ok := e.bank.Entry(x.ID, lang); ok {
				out.Also = append(out.Also, Also{ID: t.ID, Title: t.Title, Answer: t.Answer, Confidence: x.Confidence})
			}
		}
		out.AlsoAsked = e.titled(a.AlsoAsked, lang)
	case Urgent:
		out = e.urgent(out, Verdict{Tier: Tier(a.Urgency), Flag: a.RedFlag})
	default:
		out.Reply = e.noMatchReply(a.Reason, lang)
		out.Suggestions = e.titled(a.Suggestions, lang)
	}
	return out
}

// titled names topics in lang.
func (e *Engine) titled(topics []Topic, lang string) []Topic {
	var out []Topic
	for _, t := range topics {
		out = append(out, Topic{ID: t.ID, Title: e.title(t.ID, lang)})
	}
	return out
}

// noMatchReply is the reply of a no_match answer for its reason, in lang.
func (e *Engine) noMatchReply(reason, lang string) string {
	switch reason {
	case knowledge.ActHandoff, knowledge.ActIdentity:
		return e.withContact(e.acts.reply(lang, reason), lang)
	case ReasonUnsure:
		return e.messages[lang].Unsure
	case ReasonOutOfScope, ReasonEmpty, "":
		return e.withContact(e.messages[lang].NoMatch, lang)
	}
	return e.acts.reply(lang, reason)
}
