package bot

import "github.com/faqbot/faqbot/knowledge"

// Messages are the fixed texts of one language: the disclaimer every reply carries, the honest fallback
// when the knowledge does not cover a question, and the urgent instruction for red-flag symptoms.
type Messages struct {
	Disclaimer string
	NoMatch    string
	Urgent     string // a red flag of the emergency tier: emergency services now
	Clinic     string // a red flag of the clinic tier: contact the clinic today
	Contact    string // how to reach the clinic; appended to the fallback and urgent texts when set
	Busy       string // when too many questions are in flight: please try again in a moment
}

// DefaultMessages returns the texts of the embedded default knowledge (knowledge/default/replies.*.yaml)
// for every supported language.
func DefaultMessages() (map[string]Messages, error) {
	replies, err := knowledge.DefaultReplies()
	if err != nil {
		return nil, err
	}
	return messagesOf(replies), nil
}

// messagesOf turns a bank's replies into the engine's messages.
func messagesOf(replies map[string]knowledge.Replies) map[string]Messages {
	out := make(map[string]Messages, len(replies))
	for lang, r := range replies {
		out[lang] = Messages{Disclaimer: r.Disclaimer, NoMatch: r.NoMatch, Urgent: r.Urgent, Clinic: r.Clinic, Busy: r.Busy, Contact: r.Contact}
	}
	return out
}
