package telegram

import (
	"strconv"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/knowledge"
)

// maxText is Telegram's limit on one message's text, in characters.
const maxText = 4096

// Unicode marks that keep an Arabic paragraph right-to-left even when it starts with a Latin word or a
// digit, so the disclaimer and the answer do not mix directions.
const (
	rlm = "\u200f"
	lrm = "\u200e"
)

// replyText renders an answer as Telegram HTML: urgent replies lead with the instruction in bold, answers
// carry their source and are followed by the answers to the message's other questions (Also), and every
// reply ends with the disclaimer in italics. All knowledge and user text is escaped.
func replyText(a bot.Answer) string {
	mark := lrm
	if a.Lang == knowledge.Arabic {
		mark = rlm
	}
	var parts []string
	switch a.Status {
	case bot.Urgent:
		parts = append(parts, "<b>"+esc(a.Reply)+"</b>")
	case bot.Answered:
		parts = append(parts, "<b>"+esc(a.Title)+"</b>\n"+richText(a.Reply))
		for _, x := range a.Also { // the message's other questions, each under its title
			parts = append(parts, "<b>"+esc(x.Title)+"</b>\n"+richText(x.Answer))
		}
	default:
		parts = append(parts, esc(a.Reply))
	}
	if !a.Conversational() {
		parts = append(parts, "<i>"+esc(a.Disclaimer)+"</i>")
	}
	for i, p := range parts {
		parts[i] = mark + p
	}
	return strings.Join(parts, "\n\n")
}

// richText renders the little Markdown the knowledge's answers hold (the guide's sections: **bold**,
// list items, sub-headings) as Telegram HTML, everything else escaped, so that no asterisk reaches a
// patient.
func richText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		switch {
		case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "):
			l = "• " + t[2:]
		case strings.HasPrefix(t, "#"):
			if h := strings.TrimLeft(t, "#"); strings.HasPrefix(h, " ") {
				l = "**" + strings.TrimSpace(h) + "**"
			}
		}
		lines[i] = bold(esc(l))
	}
	return strings.Join(lines, "\n")
}

// bold turns **x** pairs on one line into <b>x</b>; an unpaired ** is kept as written.
func bold(line string) string {
	var b strings.Builder
	for {
		i := strings.Index(line, "**")
		if i < 0 {
			break
		}
		j := strings.Index(line[i+2:], "**")
		if j < 0 {
			break
		}
		b.WriteString(line[:i] + "<b>" + line[i+2:i+2+j] + "</b>")
		line = line[i+2+j+2:]
	}
	b.WriteString(line)
	return b.String()
}

// esc escapes what Telegram's HTML mode reserves: &, < and >.
func esc(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, "&", "&amp;"), "<", "&lt;"), ">", "&gt;")
}

// split cuts a message into pieces of at most maxText characters, at paragraph boundaries when it can,
// else at line or word boundaries, never inside an HTML tag or entity.
func split(text string) []string {
	var out []string
	for utf8.RuneCountInString(text) > maxText {
		cut := cutPoint(text)
		out = append(out, strings.TrimRight(text[:cut], "\n "))
		text = strings.TrimLeft(text[cut:], "\n ")
	}
	return append(out, text)
}

// cutPoint is the byte offset where the first piece ends.
func cutPoint(text string) int {
	limit := byteOffset(text, maxText)
	head := text[:limit]
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(head, sep); i > limit/2 && safe(head[:i]) {
			return i
		}
	}
	for i := limit; i > 0; i-- {
		if utf8.RuneStart(text[i]) && safe(text[:i]) {
			return i
		}
	}
	return limit
}

// safe reports whether a piece ends outside any tag or entity.
func safe(s string) bool {
	return strings.LastIndex(s, "<") <= strings.LastIndex(s, ">") && strings.LastIndex(s, "&") <= strings.LastIndex(s, ";")
}

func byteOffset(s string, runes int) int {
	for i := range s {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(s)
}

// Callback data: "t:<lang>:<id>" opens a topic, "f:<1|0>:<lang>:<id>" is feedback, "p:<lang>:<page>" pages
// the topic list. Telegram allows 64 bytes; an id too long for that gets no button.
const maxCallback = 64

func topicData(id, lang string) string      { return "t:" + lang + ":" + id }
func pageData(lang string, page int) string { return "p:" + lang + ":" + strconv.Itoa(page) }
func feedbackData(id, lang string, ok bool) string {
	v := "0"
	if ok {
		v = "1"
	}
	return "f:" + v + ":" + lang + ":" + id
}

// keyboard is the buttons under an answer: up to three topics (the answers to its other questions, then
// related ones; suggestions after a fallback), then helpful / not helpful.
func keyboard(a bot.Answer) *tgbotapi.InlineKeyboardMarkup {
	t := texts(a.Lang)
	var rows [][]tgbotapi.InlineKeyboardButton
	for i, r := range a.Offered() {
		if i == 3 {
			break
		}
		if d := topicData(r.ID, a.Lang); len(d) <= maxCallback {
			rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(r.Title, d)))
		}
	}
	if a.Status == bot.Answered {
		yes, no := feedbackData(a.ID, a.Lang, true), feedbackData(a.ID, a.Lang, false)
		if len(yes) <= maxCallback {
			rows = append(rows, tgbotapi.NewInlineKeyboardRow(
				tgbotapi.NewInlineKeyboardButtonData(t.Helpful, yes), tgbotapi.NewInlineKeyboardButtonData(t.NotHelpful, no)))
		}
	}
	if len(rows) == 0 {
		return nil
	}
	m := tgbotapi.NewInlineKeyboardMarkup(rows...)
	return &m
}

// topicsPageSize is how many topics one page of /topics shows.
const topicsPageSize = 8

// topicsKeyboard is one page of the topic list, with buttons to the page before (past the first) and the
// next one (back to the first from the last).
func topicsKeyboard(topics []bot.Topic, lang string, page int) tgbotapi.InlineKeyboardMarkup {
	start := min(page*topicsPageSize, len(topics))
	end := min(start+topicsPageSize, len(topics))
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, tp := range topics[start:end] {
		if d := topicData(tp.ID, lang); len(d) <= maxCallback {
			rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(tp.Title, d)))
		}
	}
	if len(topics) > topicsPageSize {
		t := texts(lang)
		var nav []tgbotapi.InlineKeyboardButton
		if page > 0 {
			nav = append(nav, tgbotapi.NewInlineKeyboardButtonData(t.Back, pageData(lang, page-1)))
		}
		next := page + 1
		if end == len(topics) {
			next = 0
		}
		nav = append(nav, tgbotapi.NewInlineKeyboardButtonData(t.More, pageData(lang, next)))
		rows = append(rows, nav)
	}
	return tgbotapi.NewInlineKeyboardMarkup(rows...)
}
