package bot

import (
	"strings"

	"github.com/faqbot/faqbot/knowledge"
)

// Messages are the fixed texts of one language: the disclaimer every reply carries, the honest fallback
// when the knowledge does not cover a question, and the urgent instruction for red-flag symptoms.
type Messages struct {
	Disclaimer string
	NoMatch    string
	Unsure     string // when plausible topics are offered instead of an answer: "did you mean…"
	Urgent     string // a red flag of the emergency tier: emergency services now
	Clinic     string // a red flag of the clinic tier: contact the clinic today
	Contact    string // how to reach the clinic; appended to the fallback and urgent texts when set
	Busy       string // when too many questions are in flight: please try again in a moment
	// ContactCard words a ClinicDetails as Contact when Contact is empty (knowledge.Replies).
	ContactCard string
}

// ClinicDetails are how patients reach the clinic, in one language's words: configuration, not knowledge, so
// that one bank serves every branch of a clinic group.
type ClinicDetails struct {
	Name, Phone, Hours, Address, Booking string
}

// card fills template (knowledge.Replies.ContactCard) with c: each line holds at most one detail and is
// left out when that detail is empty.
func (c ClinicDetails) card(template string) string {
	details := map[string]string{"{name}": c.Name, "{phone}": c.Phone, "{hours}": c.Hours, "{address}": c.Address, "{booking}": c.Booking}
	var lines []string
	for _, line := range strings.Split(template, "\n") {
		keep := true
		for k, v := range details {
			if strings.Contains(line, k) {
				v = strings.TrimSpace(v)
				keep = keep && v != ""
				line = strings.ReplaceAll(line, k, v)
			}
		}
		if keep && strings.TrimSpace(line) != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
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
		out[lang] = Messages{Disclaimer: r.Disclaimer, NoMatch: r.NoMatch, Unsure: r.Unsure, Urgent: r.Urgent, Clinic: r.Clinic, Busy: r.Busy,
			Contact: r.Contact, ContactCard: r.ContactCard}
	}
	return out
}
