package store

import "github.com/faqbot/faqbot/bot"

// ReviewBelow is the confidence under which an answered question is kept for review: answered, but
// not by much.
const ReviewBelow = 0.75

// Reviewable reports whether staff should see a question again: it went unanswered (not a greeting,
// thanks or another conversation act), was offered as "did you mean", or was answered with low
// confidence. Only such questions keep a hash of their text, and their text when the store keeps it.
func Reviewable(e Event) bool {
	switch e.Status {
	case string(bot.NoMatch):
		return e.Reason == "" || e.Reason == bot.ReasonOutOfScope || e.Reason == bot.ReasonUnsure
	case string(bot.Answered):
		return e.Confidence < ReviewBelow
	}
	return false
}
