package discord

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/knowledge"
)

// What the adapter reads from an interaction is checked again here: Discord's own clients keep to
// these bounds, a modified client or a forged request need not.
const (
	maxQuestionRunes = 1000 // the /ask option's max_length (see Commands)
	maxTopicRunes    = 100  // a /faq value or what is typed for autocomplete: a choice's value is at most 100
	maxIDRunes       = 64   // a knowledge id, as knowledge.Validate allows it
	maxSnowflake     = 20   // digits of a Discord id (a 64-bit number)
)

// readable reports whether s is text a person could have typed into a Discord option: valid UTF-8, no
// control characters (Discord's options are one line), at most max characters.
func readable(s string, max int) bool {
	return utf8.ValidString(s) && utf8.RuneCountInString(s) <= max && !strings.ContainsFunc(s, unicode.IsControl)
}

// validID reports whether s has the shape of a knowledge id: a letter or digit, then up to 63 letters,
// digits, '.', '_', ':' or '-'. Nothing else can name a topic or an answer.
func validID(s string) bool {
	if s == "" || !utf8.ValidString(s) || utf8.RuneCountInString(s) > maxIDRunes {
		return false
	}
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsNumber(r)
		if !word && (i == 0 || !strings.ContainsRune("._:-", r)) {
			return false
		}
	}
	return true
}

// action is what a button or a topics-menu option asks for.
type action struct {
	feedback bool // a verdict on an answer; else opening a topic
	helpful  bool
	lang, id string
}

// parseCustomID reads a custom id or menu value as topicID and feedbackID write them:
// "t:<lang>:<topic id>" or "f:<1|0>:<lang>:<answer id>". Anything else, or any field out of shape (an
// unknown verdict, an unsupported language, an id that is not a knowledge id), is not an action.
func parseCustomID(s string) (action, bool) {
	if len(s) > maxCustomID {
		return action{}, false
	}
	kind, rest, _ := strings.Cut(s, ":")
	var a action
	switch kind {
	case "t":
	case "f":
		verdict, tail, ok := strings.Cut(rest, ":")
		if !ok || (verdict != "0" && verdict != "1") {
			return action{}, false
		}
		a.feedback, a.helpful, rest = true, verdict == "1", tail
	default:
		return action{}, false
	}
	lang, id, ok := strings.Cut(rest, ":")
	if !ok || !knowledge.Supported(lang) || !validID(id) {
		return action{}, false
	}
	a.lang, a.id = lang, id
	return a, true
}

// asker is the key of who sent an interaction, "dc:" and their Discord user id; false when the
// interaction names no user, or one whose id is not a Discord id.
func asker(in *discordgo.Interaction) (string, bool) {
	var u *discordgo.User
	switch {
	case in.Member != nil && in.Member.User != nil:
		u = in.Member.User
	case in.User != nil:
		u = in.User
	}
	if u == nil || !snowflake(u.ID) {
		return "", false
	}
	return userKey(u.ID), true
}

// userKey is the bot.Question.User of a Discord user.
func userKey(id string) string { return "dc:" + id }

// snowflake reports whether s reads as a Discord id: 1 to 20 decimal digits.
func snowflake(s string) bool {
	if s == "" || len(s) > maxSnowflake {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
