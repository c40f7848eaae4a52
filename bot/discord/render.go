package discord

import (
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/knowledge"
)

// Discord's limits.
const (
	maxDescription = 4096
	maxEmbedTotal  = 6000 // title, description and footer together
	maxTitle       = 256
	maxFooter      = 2048
	maxCustomID    = 100
	maxLabel       = 80
)

// Embed colours: the clinic's blue, grey when the guide does not cover a question, red for urgent.
const (
	colourAnswer  = 0x2B6CB0
	colourNoMatch = 0x718096
	colourUrgent  = 0xC53030
)

// embed renders an answer: the topic title, the answer (or the urgent instruction, or the honest
// fallback), its source, the answers to the message's other questions (Also), and the disclaimer as
// footer. Knowledge text is escaped as Markdown.
func embed(a bot.Answer) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{}
	if !a.Conversational() {
		e.Footer = &discordgo.MessageEmbedFooter{Text: cut(a.Disclaimer, maxFooter)}
	}
	switch a.Status {
	case bot.Urgent:
		e.Color = colourUrgent
		e.Title = "⚠️"
		e.Description = "**" + escape(a.Reply) + "**"
	case bot.Answered:
		e.Color = colourAnswer
		e.Title = cut(escape(a.Title), maxTitle)
		e.Description = escape(a.Reply)
		if a.Source != "" {
			e.Description += "\n\n*" + escape(a.Source) + "*"
		}
		for _, x := range a.Also { // the message's other questions, each under its title
			e.Description += "\n\n**" + escape(x.Title) + "**\n" + escape(x.Answer)
		}
	default:
		e.Color = colourNoMatch
		e.Description = escape(a.Reply)
	}
	budget := maxEmbedTotal - utf8.RuneCountInString(e.Title) - utf8.RuneCountInString(e.Footer.Text)
	e.Description = cut(e.Description, min(maxDescription, budget))
	return e
}

// escape keeps text from being read as Discord Markdown or as a mention.
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "|", `\|`, ">", `\>`,
		"@", "@\u200b", "#", `\#`)
	return r.Replace(s)
}

func cut(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// Custom ids: "t:<lang>:<id>" opens a topic, "f:<1|0>:<lang>:<id>" is feedback.
func topicID(id, lang string) string { return "t:" + lang + ":" + id }
func feedbackID(id, lang string, ok bool) string {
	v := "0"
	if ok {
		v = "1"
	}
	return "f:" + v + ":" + lang + ":" + id
}

// components are the buttons under an answer: up to three topics in one row (the answers to its other
// questions, then related ones; suggestions after a fallback), then helpful / not
// helpful. An id too long for a custom id gets no button.
func components(a bot.Answer) []discordgo.MessageComponent {
	var topics []discordgo.MessageComponent
	for _, r := range a.Offered() {
		if len(topics) == 3 {
			break
		}
		if id := topicID(r.ID, a.Lang); len(id) <= maxCustomID {
			topics = append(topics, discordgo.Button{Label: cut(r.Title, maxLabel), Style: discordgo.SecondaryButton, CustomID: id})
		}
	}
	var rows []discordgo.MessageComponent
	if len(topics) > 0 {
		rows = append(rows, discordgo.ActionsRow{Components: topics})
	}
	if a.Status == bot.Answered {
		yes, no := feedbackID(a.ID, a.Lang, true), feedbackID(a.ID, a.Lang, false)
		if len(yes) <= maxCustomID {
			t := labels(a.Lang)
			rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.Button{Label: t.helpful, Style: discordgo.SuccessButton, CustomID: yes},
				discordgo.Button{Label: t.notHelpful, Style: discordgo.DangerButton, CustomID: no},
			}})
		}
	}
	return rows
}

type uiLabels struct {
	helpful, notHelpful, thanks, unknown, failed, typeQuestion, sentPrivately, cannotDM, emergency, unreadable string
}

func labels(lang string) uiLabels {
	if lang == knowledge.Arabic {
		return uiLabels{"👍 مفيد", "👎 غير مفيد", "شكرًا على رأيك!", "هذا الموضوع لم يعد متاحًا.",
			"عذرًا، لم أتمكن من الإجابة الآن. حاول مرة أخرى بعد قليل.",
			"اكتب سؤالك نصًا بعد الإشارة إليّ، أو استخدم الأمر /ask.",
			"أرسلت إليك الإجابة في رسالة خاصة حفاظًا على خصوصيتك. يمكنك أيضًا استخدام الأمر /ask لإجابة لا يراها غيرك.",
			"لا أستطيع مراسلتك برسالة خاصة. استخدم الأمر /ask لتحصل على إجابة لا يراها غيرك.",
			"إذا كانت حالة طارئة فاتصل بالطوارئ أو بالعيادة الآن.",
			"عذرًا، لا أستطيع قراءة ذلك."}
	}
	return uiLabels{"👍 Helpful", "👎 Not helpful", "Thank you for your feedback!", "That topic is no longer available.",
		"Sorry, I could not answer just now. Please try again in a moment.",
		"Type your question as text after mentioning me, or use /ask.",
		"I sent you the answer in a direct message, to keep it private. You can also use /ask for an answer only you can see.",
		"I can't send you a direct message. Use /ask for an answer only you can see.",
		"If this is an emergency, contact emergency services or the clinic now.",
		"Sorry, I can't read that."}
}
