package bot

import (
	"slices"

	"github.com/faqbot/faqbot/knowledge"
)

// Status is the engine's decision about a question.
type Status string

// Decisions.
const (
	Answered Status = "answered"
	NoMatch  Status = "no_match"
	Urgent   Status = "urgent"
)

// Question is what a patient asked.
type Question struct {
	Text string
	Lang string // knowledge.English, knowledge.Arabic, or "" / "auto" to detect from the text
	// LangHint is the language of the asker's app, as the platform reports it (Telegram's language_code,
	// an IETF tag such as "ar" or "en-GB"; untrusted). For Latin-script text it is a hint: a writer whose
	// app is in Arabic is read as writing Arabizi on slighter signs.
	LangHint string
	// ReplyLang, when set, is the language to reply in (a chat's chosen language), whatever the language
	// the question is read and searched in: the same entry, red flag or reason, worded in ReplyLang.
	ReplyLang string
	Top       int    // how many candidate matches to report; 0 means DefaultTop
	Explain   bool   // report how the question was read and why each match scored
	Platform  string // where it was asked (cli, telegram, discord...), for metrics only
	// User is an opaque key of who asked, unique on its platform (a chat or user id as text), so that
	// feedback is taken only for an answer that was given. The store keeps only a keyed hash of it; it is
	// never logged.
	User string
}

// Topic names an entry for a list or a button.
type Topic struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Candidate is one entry the search considered, with its calibrated confidence.
type Candidate struct {
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Score      float64 `json:"score"`
	Confidence float64 `json:"confidence"`
	Kind       string  `json:"kind,omitempty"`
}

// Answer is the engine's reply. Reply is the message for the patient (the answer, the fallback or the
// urgent instruction); adapters show it with the Disclaimer.
type Answer struct {
	Question    string      `json:"question"`
	Lang        string      `json:"lang"`
	Status      Status      `json:"status"`
	ID          string      `json:"id"`
	Title       string      `json:"title"`
	Answer      string      `json:"answer"`
	Confidence  float64     `json:"confidence"`
	Disclaimer  string      `json:"disclaimer"`
	Matches     []Candidate `json:"matches"`
	Reply       string      `json:"reply"`
	Source      string      `json:"source,omitempty"`
	Related     []Topic     `json:"related,omitempty"`
	Suggestions []Topic     `json:"suggestions,omitempty"`
	RedFlag     string      `json:"red_flag,omitempty"`
	Urgency     string      `json:"urgency,omitempty"` // for urgent answers: "emergency" or "clinic"
	// Reason says why a no_match answer is one: a conversation act (greeting, thanks, goodbye, ack,
	// identity, help, handoff), or out_of_scope, unsure (topics offered as "did you mean") or empty.
	Reason string `json:"reason,omitempty"`
	// Also answers the other questions of a message that asks two or three ("how long is the session
	// and does it hurt?"); the fields above answer the first.
	Also []Also `json:"also,omitempty"`
	// AlsoAsked are the likeliest topics of the message's other questions that were not sure enough to
	// answer (Also): offered as buttons right after Also's, so a second question is one tap away.
	AlsoAsked   []Topic      `json:"also_asked,omitempty"`
	Explanation *Explanation `json:"explain,omitempty"`
}

// Explanation says how a question was read and what each candidate matched.
type Explanation struct {
	Triage  Verdict               `json:"triage"`            // what triage read, before any search
	ReadAs  string                `json:"read_as,omitempty"` // the question as searched, when Arabizi was written in Arabic script
	Terms   []knowledge.QueryTerm `json:"terms"`
	Unknown float64               `json:"unknown"` // share of the question's weight the knowledge has never seen
	Matches []MatchEvidence       `json:"matches"`
	// Act is the conversation act the learned classifier reads likeliest, and its chance ("" without a
	// classifier).
	Act LearnedAct `json:"act"`
}

// LearnedAct is a conversation act and the learned classifier's chance for it.
type LearnedAct struct {
	Act    string  `json:"act"`
	Chance float64 `json:"chance"`
}

// MatchEvidence is what one candidate matched, by field.
type MatchEvidence struct {
	ID               string              `json:"id"`
	Kind             string              `json:"kind"`
	QuestionCoverage float64             `json:"question_coverage"`
	Similarity       float64             `json:"similarity"`
	Coverage         float64             `json:"coverage"`
	Lead             float64             `json:"lead"`
	Missing          float64             `json:"missing"`
	Learned          float64             `json:"learned,omitempty"` // the learned topic classifier's chance
	Matched          map[string][]string `json:"matched"`
}

// Offered are the topics to offer as buttons under an answer, most wanted first: the answers to the
// message's other questions (Also), the likely topics of those not sure enough to answer (AlsoAsked),
// then the related topics; for a no_match answer, its suggestions.
func (a Answer) Offered() []Topic {
	if a.Status == NoMatch {
		return a.Suggestions
	}
	out := make([]Topic, 0, len(a.Also)+len(a.AlsoAsked)+len(a.Related))
	for _, x := range a.Also {
		out = append(out, Topic{ID: x.ID, Title: x.Title})
	}
	for _, r := range slices.Concat(a.AlsoAsked, a.Related) {
		if !containsTopic(out, r.ID) {
			out = append(out, r)
		}
	}
	return out
}

// Gives reports whether an answer answers the topic id, first or as another question's answer (Also).
func (a Answer) Gives(id string) bool {
	return a.ID == id || slices.ContainsFunc(a.Also, func(x Also) bool { return x.ID == id })
}

// Conversational reports whether an answer replies to a conversation act (a greeting, thanks, a request
// for a person) rather than to a question about treatment: adapters show it without the medical
// disclaimer, which the JSON answer still carries.
func (a Answer) Conversational() bool {
	return a.Status == NoMatch && slices.Contains(knowledge.ActNames(), a.Reason)
}
