package bot

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// maxParts bounds the questions read in one message, and so its searches; a message longer than
// maxPartsWords is read as one (a long story with one question in it, or a flood).
const (
	maxParts      = 3
	maxPartsWords = 80
)

// Also is one more answer, to another question of the same message.
type Also struct {
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Answer     string  `json:"answer"`
	Confidence float64 `json:"confidence"`
}

// whWords ask a question, in each language; auxWords open one too ("can", "does", لازم) but may stand
// inside a statement ("and it is sore"): a clause joined by "and" that opens with either, or whose next
// word is a whWord ("and then how…", "وبعد كم…"), is a second question ("how long is the session and
// does it hurt?").
var (
	whWords = withEnglishWh(map[string]bool{
		"هل": true, "كم": true, "متي": true, "امتي": true, "ايمتي": true, "وين": true, "فين": true, "كيف": true, "ازاي": true,
		"ليش": true, "ليه": true, "لماذا": true, "شو": true, "ايش": true, "وش": true, "ماذا": true, "اش": true, "شنو": true,
		"قديش": true, "اديش": true, "شحال": true, "كام": true, "شنوه": true, "اشنو": true, "شكد": true, "قداش": true,
		"علاش": true, "وقتاش": true, "منين": true,
		// Arabizi's, which the knowledge's vocabulary cannot read in Arabic script (they are its stop words)
		"kam": true, "kadesh": true, "kadech": true, "2adesh": true, "adesh": true, "ades": true, "9adesh": true,
		"gedesh": true, "ch7al": true, "sh7al": true, "chhal": true, "emta": true, "imta": true, "mata": true,
		"meta": true, "wen": true, "wein": true, "fen": true, "fein": true, "kif": true, "keef": true, "kifash": true,
		"kifach": true, "ezay": true, "izay": true, "ezzay": true, "leh": true, "lesh": true, "lich": true, "shu": true,
		"shou": true, "sho": true, "chno": true, "chnou": true, "shno": true, "eh": true, "esh": true, "eish": true,
		"wesh": true, "wach": true, "hal": true,
	})
	auxWords = map[string]bool{
		"can": true, "could": true, "do": true, "does": true, "did": true, "is": true, "are": true, "will": true,
		"would": true, "should": true, "shall": true, "may": true, "am": true,
		// as chat spells them ("also shud i drink lots of water", "and dose it hurt"), and the Maghrebi
		// question particle واش ("وواش كاين شي موعد…", and is there an appointment…)
		"shud": true, "shld": true, "shoud": true, "shuld": true, "cud": true, "coud": true, "wud": true, "woud": true, "r": true, "واش": true,
		"dose": true, "dos": true, "dus": true, "cn": true, "wil": true, "wll": true, "iz": true,
		"ما": true, "اقدر": true, "بقدر": true, "ينفع": true, "ممكن": true, "يمكن": true, "لازم": true, "يجب": true,
		"momken": true, "mumkin": true, "mumken": true, "lazem": true, "lazim": true, "ne9der": true, "n9der": true,
		"a2dar": true, "2a2dar": true, "a2der": true, "agdar": true, "yenfa3": true, "ynfa3": true, "khassni": true,
	}
)

// cues reads question words in a message's words: read gives a normalised word as the word lists hold
// it (Arabizi in Arabic script), or as it is.
type cues struct {
	read func(string) string
	// storied: the message is told at length, whose question words last are not read as asking (asksLast):
	// "… ولما قالتلي يعني ايه العلاج ده وبيشتغل ازاي؟" asks one thing twice, after a story.
	storied bool
}

// plainCues reads a message in English or Arabic script.
var plainCues = cues{read: func(w string) string { return w }}

// opens reports whether a word opens a question.
func (c cues) opens(w string) bool {
	w = withoutApostrophes(w)
	r := c.read(w)
	return whWords[w] || whWords[r] || auxWords[w] || auxWords[r]
}

// asks reports whether a word asks a question wherever it stands.
func (c cues) asks(w string) bool {
	w = withoutApostrophes(w)
	return whWords[w] || whWords[c.read(w)]
}

// asksLast reports whether a word asks a question where Arabic puts it, last ("الجلسة امتى", the session
// is when?; "bta5od ad eh"): an Arabic or Arabizi question word, not English's, which opens its
// questions, in a message not told at length.
func (c cues) asksLast(w string) bool {
	return !c.storied && c.asks(w) && !englishWh[withoutApostrophes(w)]
}

// englishWh are English's question words, as chat spells them too: whWords holds them (withEnglishWh).
var englishWh = map[string]bool{
	"how": true, "what": true, "when": true, "where": true, "why": true, "which": true, "who": true,
	"whats": true, "hows": true, "wheres": true, "whens": true, "wat": true, "wht": true, "hw": true,
}

// withEnglishWh adds English's question words (englishWh) to the other languages' in words.
func withEnglishWh(words map[string]bool) map[string]bool {
	maps.Copy(words, englishWh)
	return words
}

// withoutApostrophes reads a contraction as the word lists hold it: "what's" as "whats".
func withoutApostrophes(w string) string {
	return strings.ReplaceAll(strings.ReplaceAll(w, "'", ""), "’", "")
}

// questionParts splits a message into the questions it asks: sentences that end in a question mark (of
// one word, only the first: oneWordAsked), and within one, clauses joined by "and" (و, "also") that each
// open with a question word. A line or a sentence that does not end in a question mark counts only when
// it opens with a question word, or in a short message with an indirect question's frame ("I also
// wanted to ask if…", framed), or when "and" and a question word join a second question to it ("الجلسة
// بتاخد قد ايه وامتى اقدر ارجع الشغل", how long is the session and when can I go back to work). One
// question gives nil. It reads the part of the message that textnorm.Clean keeps, so its cost is bounded.
func questionParts(text string, c cues) []string {
	text = cleanSentences(text)
	if strings.Count(text, " ") >= maxPartsWords {
		return nil
	}
	var parts []string
	short := len(strings.Fields(text)) < longWords
	c.storied = !short
	for j, s := range splitSentencesAsked(text) {
		clauses := splitAnd(s.text, s.asked, c)
		for i, clause := range clauses {
			if standalone(clause, s.asked && i == 0, c) || j == 0 && s.asked && len(clauses) == 1 && oneWordAsked(clause) ||
				short && framed(clause, c) || len(clauses) > 1 && joinedQuestion(clause) {
				parts = append(parts, clause)
			}
		}
	}
	if len(parts) < 2 {
		return nil
	}
	return parts[:min(len(parts), maxParts)]
}

// oneWordAsked reports whether a sentence that asks is one word of minOneWordQuestion letters or more:
// one that opens a message asks a question of its own ("بيوجع؟ وايمتى بقدر ارجع عالشغل؟", does it
// hurt? and when can I go back to work?); after another it more often narrows that one ("الخلايا بتتشال
// كيف؟ بالابرة؟", with a needle?), and a short word is as often an act ("ok?").
func oneWordAsked(sentence string) bool {
	words := withoutArticles(textnorm.Words(textnorm.Normalize(sentence)))
	return len(words) == 1 && utf8.RuneCountInString(words[0]) >= minOneWordQuestion
}

// minOneWordQuestion is the fewest letters of a one-word question read as a part of its own.
const minOneWordQuestion = 4

// longWords is the fewest words of a message told at length, whose question is read on its own when the
// whole finds no answer.
const longWords = 20

// questionOf is the question of a message told at length: the sentences that ask (standalone), when
// they are less than half of it ("I'm 58 and I've had back pain for ten years … is that something you
// treat?"). The story outweighs the question in a search of the whole; alone, the question is read. It is
// "" for a short message, one with no question, or one that is mostly questions.
func questionOf(text string, c cues) string {
	text = cleanSentences(text)
	total := len(strings.Fields(text))
	if total < longWords || total > maxPartsWords {
		return ""
	}
	c.storied = true
	var asked []string
	n := 0
	for _, s := range splitSentencesAsked(text) {
		if standalone(s.text, s.asked, c) {
			asked = append(asked, s.text)
			n += len(strings.Fields(s.text))
		}
	}
	if len(asked) == 0 {
		return questionTail(text, total, c)
	}
	if 2*n > total {
		return ""
	}
	return strings.Join(asked, " ")
}

// questionTail is the question of a message told at length in which no sentence asks: the words from its
// last question word on, when they are at least three and less than half of it ("انا عمري 74 سنة وعندي
// وجع في الظهر … حبيت نعرف شحال من حصة لازم نعمل", I'm 74 with back pain … I'd like to know how many
// sessions I need), or "".
func questionTail(text string, total int, c cues) string {
	words := strings.Fields(text)
	for k := len(words) - 1; k >= 0; k-- {
		w := textnorm.Words(textnorm.Normalize(words[k]))
		if len(w) != 1 || !c.asks(w[0]) {
			continue
		}
		if tail := len(words) - k; tail >= 3 && 2*tail <= total {
			return strings.Join(words[k:], " ")
		}
		return ""
	}
	return ""
}

// spelledOut ends a sentence at a line break and at a colon before a space ("I want to understand: what
// are stem cells exactly?"; not "10:30"), and reads an ampersand, or a plus sign between spaces, as "and"
// ("how long does it take & can I go back to work?", "how many sessions usually + when do u start seeing
// results"); a Replacer is safe for concurrent use and built once.
var spelledOut = strings.NewReplacer("\n", ". ", "\r", ". ", ": ", ". ", "&", " and ", " + ", " and ")

// cleanSentences is the part of a message textnorm.Clean keeps, each line a sentence.
func cleanSentences(text string) string {
	return textnorm.Clean(spelledOut.Replace(text))
}

// askedSentence is one sentence of a message, and whether it ended in a question mark.
type askedSentence struct {
	text  string
	asked bool
}

// splitSentencesAsked splits cleaned text at question marks, full stops and exclamation marks.
func splitSentencesAsked(text string) []askedSentence {
	var out []askedSentence
	start := 0
	for i, r := range text {
		if r != '?' && r != '؟' && r != '.' && r != '!' {
			continue
		}
		if t := strings.TrimSpace(text[start:i]); t != "" {
			out = append(out, askedSentence{text: t, asked: r == '?' || r == '؟'})
		}
		start = i + utf8.RuneLen(r)
	}
	if t := strings.TrimSpace(text[start:]); t != "" {
		out = append(out, askedSentence{text: t})
	}
	return out
}

// leadWords may stand before a question's own first word: "and can I eat before?", "also, how long…".
var leadWords = map[string]bool{
	"and": true, "w": true, "also": true, "plus": true, "so": true, "btw": true, "oh": true,
	"و": true, "وكمان": true, "كمان": true, "وايضا": true, "ايضا": true,
}

// joinedQuestion reports whether the first clause of a sentence that "and" and a question word join to a
// second question reads as a question too: at least three words ("الجلسة بتاخد قد ايه").
func joinedQuestion(clause string) bool {
	return len(textnorm.Words(textnorm.Normalize(clause))) >= 3
}

// standalone reports whether a part reads as a question on its own: asked (it ended in a question mark)
// in two words or more ("وهلبس ايه؟", what do I wear?) or in one that "and" joins to the question before
// ("وبيوجع؟", and does it hurt?), or two words the first of which is a question word
// with "and" joined to it ("وشنو نلبس", and what do I wear), or ending with Arabic's question word in
// three words or more, or two the first of which "and" opens ("وهتحقنوها ازاي", and how will you inject
// them?), or opening with a question word (after "and" or "also"), or "and" with a question word a word
// or two after it, in three or more. The Arabic article written apart is no word of its own. A fragment
// ("and for how long") is searched with its message, never alone, since it could match any topic.
func standalone(part string, asked bool, c cues) bool {
	words := withoutArticles(textnorm.Words(textnorm.Normalize(part)))
	if asked && (len(words) >= 2 || len(words) == 1 && conjoined(words[0])) {
		return true
	}
	if (len(words) >= 3 || len(words) == 2 && conjoined(words[0])) && c.asksLast(words[len(words)-1]) {
		return true // "وهتحقنوها ازاي" (and how will you inject them), its question word last
	}
	if len(words) == 2 && c.asks(strings.TrimPrefix(words[0], "و")) && !leadWords[words[0]] {
		return true // "وشو البس" (and what do I wear), a question word joined to "and" and what it asks
	}
	if len(words) < 3 {
		return false
	}
	at := 0
	if leadWords[words[0]] && len(words) > 3 {
		at = 1
	}
	first := words[at]
	if (c.opens(first) || c.opens(strings.TrimPrefix(first, "و"))) && !negatingMa(first, words[at+1]) {
		return true
	}
	return joins(words[0]) && (c.asks(words[1]) || c.asks(words[2])) // "w ba3dha mata…", and after that when…
}

// framed reports whether a clause asks its question indirectly, after "also" or the like: "I also wanted
// to ask if there's a check-up afterwards", "وكمان عايز اعرف هاخد كام جلسة". Only a short message's
// questions are read so: a story's last words often frame what it already asked ("… is it going to be
// very painful? I just want to know what I'm in for.").
func framed(clause string, c cues) bool {
	return framesQuestion(withoutLead(textnorm.Words(textnorm.Normalize(clause))), c)
}

// conjoined reports whether a normalised word is a word of three letters or more with "and" (و) joined
// to it: Arabic asks a question of its own in one such word ("كيف بتسحبو الخلايا؟ وبيوجع؟").
func conjoined(w string) bool {
	rest, ok := strings.CutPrefix(w, "و")
	return ok && utf8.RuneCountInString(rest) >= 3
}

// withoutLead is normalised words without a lead word before a question's own first word ("also, how
// long…"), when more follow it.
func withoutLead(words []string) []string {
	if len(words) > 1 && leadWords[words[0]] {
		return words[1:]
	}
	return words
}

// splitAnd splits a sentence at "and" (و, Arabizi's "w", or addsQuestion's) when the words after it open a question
// ("and when can I…"); in a sentence that asks (it ended in a question mark or opens with a question
// word) also when the second word after it asks one ("كم جلسه احتاج وبعد كم اشوف نتيجه", how many
// sessions and after how long will I see results), not in a statement ("it feels tight and stiff when I
// stand up"). A clause that و opens keeps it.
func splitAnd(sentence string, asked bool, c cues) []string {
	words := strings.Fields(sentence)
	norms := make([]string, len(words))
	for i, w := range words {
		norms[i] = textnorm.Normalize(w)
	}
	asked = asked || len(norms) > 0 && c.opens(norms[0])
	last := lastAsking(norms, asked, c)
	var parts []string
	start := 0
	for i, norm := range norms {
		if i == start || !joins(norm) && !addsQuestion[norm] || !asksAfter(norms, i, asked, c) && i != last {
			continue
		}
		parts = append(parts, strings.Join(words[start:i], " "))
		start = i
		if standaloneAnd(norm) || addsQuestion[norm] {
			start = i + 1
		}
	}
	return append(parts, strings.Join(words[start:], " "))
}

// lastAsking finds, in a sentence whose last word asks as Arabic asks, at the end ("هتاخدوا الخلايا منين
// وهتحقنوها ازاي", where will you take the cells from and how will you inject them; "byewga3 w ha2dar
// arga3 el shoghl emta?", does it hurt and when can I go back to work?), the last "and" before it (or a
// word of three letters or more joined to و) with two words or more before it, when the sentence asks (a
// question mark, or a question word ending the words before that "and"); -1 when there is none.
func lastAsking(norms []string, asked bool, c cues) int {
	n := len(norms)
	if n < 4 || !c.asksLast(norms[n-1]) {
		return -1
	}
	for i := n - 2; i >= 2; i-- {
		if !standaloneAnd(norms[i]) && !conjoined(norms[i]) {
			continue // "وقت" (time) is no "and" with قت
		}
		if asked || c.asksLast(norms[i-1]) {
			return i
		}
		return -1
	}
	return -1
}

// addsQuestion are the words besides "and" that join a second question to a first in one sentence:
// "how many sessions do people need, also is it gonna hurt", "… plus how long till I see results?".
var addsQuestion = map[string]bool{"also": true, "plus": true, "btw": true}

// joins reports whether a normalised word is "and": the word itself (and, w, و), or a word that و
// opens.
func joins(norm string) bool {
	return standaloneAnd(norm) || strings.HasPrefix(norm, "و") && len(norm) > 2
}

// standaloneAnd reports whether a normalised word is "and" written apart (chat's "n" too: "will it hurt n
// how many sessions do i need").
func standaloneAnd(norm string) bool {
	return norm == "and" || norm == "n" || norm == "w" || norm == "و"
}

// withoutArticles are words without the Arabic article written apart ("الـ recovery", the recovery, before
// an English word): it is no word of its own.
func withoutArticles(words []string) []string {
	if !slices.Contains(words, "ال") {
		return words
	}
	return slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "ال" })
}

// asksAfter reports whether the words after the joiner at i open a question: the first opens one, or
// in a sentence that asks, the second asks one. After "and" they are the next two words; after a word و
// opens, the rest of that word and the next.
func asksAfter(norms []string, i int, asked bool, c cues) bool {
	rest := withoutArticles(norms[i+1:])
	after := rest[:min(len(rest), 2)]
	if joined, ok := strings.CutPrefix(norms[i], "و"); ok && joined != "" {
		after = append([]string{joined}, rest[:min(len(rest), 1)]...)
	}
	if len(after) > 1 && leadWords[after[0]] {
		return c.opens(after[1]) // "and also when…"
	}
	next := ""
	if len(after) > 1 {
		next = after[1]
	}
	return len(after) > 0 && c.opens(after[0]) && !negatingMa(after[0], next) || asked && next != "" && c.asks(next)
}

// maAsks are the words after which "ما" asks, in its Modern Standard Arabic questions ("ما هو العلاج",
// "ما اسم الطبيب", "ما مدة الجلسة"), besides a noun with its article ("ما الفرق").
var maAsks = map[string]bool{
	"هو": true, "هي": true, "هم": true, "هما": true, "هن": true, "اسم": true, "نوع": true, "مده": true, "سبب": true,
	"معني": true, "فايده": true, "فائده": true, "طريقه": true, "نسبه": true, "شروط": true, "خطوات": true, "حكم": true,
	"افضل": true, "اهم": true, "اعراض": true, "مخاطر": true, "تكلفه": true, "مدي": true,
}

// negatingMa reports whether "ما" (or "وما") before next negates ("وما في نتيجة", and there was no
// result; "وما فاد", and it did not help) rather than asks: the dialects ask with other words, and MSA's
// "ما" asks before a pronoun or a noun (maAsks, or one with its article). Any other word is left as read.
func negatingMa(w, next string) bool {
	if strings.TrimPrefix(w, "و") != "ما" {
		return false
	}
	return !maAsks[next] && !strings.HasPrefix(next, "ال")
}

// withParts answers each question of an answered message on its own, and adds the answers it did not
// give as Also, when the whole message found them, or the guide sections they are drawn from, likely
// too (partWhole, sectionAmong) and they are FAQ entries: a
// guide section, long and about many things, is no answer to one more question (it was the same topic
// again: "where do you inject? with a scan?" got the injection entry, then the guide's injection section). Only an answered message is read
// in parts: when one is out of scope, a part read alone could be answered from a neighbouring topic
// ("can my dog get this? … bad hips"). A question not sure enough for that has its likeliest topic
// offered (AlsoAsked): "وش ألبس يوم الموعد؟ وهل فيه ألم؟" (what do I wear on the day? and does it
// hurt?) is answered with what to wear, with the pain entry a button away.
//
// When every question, read alone, is answered confidently and none by the whole's answer, or answered
// at all and none finds the whole's answer likely, the whole's answer is the two questions' words blended ("ما هو العلاج بالخلايا الجذعية؟ وهل يحتاج إلى أكثر من
// جلسة؟" read whole is the session's overview): the first question's answer leads, the others follow.
func (e *Engine) withParts(ctx context.Context, a Answer, parts []string, whole []scored) (Answer, error) {
	var alone, answered []scored
	supported := false // a question read alone finds the whole's answer likely too
	for _, p := range parts {
		best, ok, cands, err := e.best(ctx, p, a.Lang, true)
		if err != nil {
			return Answer{}, err
		}
		if ok && best.Kind == knowledge.FAQ && best.confidence >= partAlone {
			alone = append(alone, best)
		}
		if ok && best.Kind == knowledge.FAQ {
			answered = append(answered, best)
		}
		supported = supported || cands == nil || likelyToo(a.ID, cands)
		lead, isBacked := backed(a, cands, whole)
		switch {
		case ok && a.Gives(best.ID):
		case ok && best.Kind == knowledge.FAQ && (among(best.ID, whole, partWhole) || e.sectionAmong(best, whole) || best.confidence >= partAlone) && !facet(a.ID, best, cands):
			a = e.withAlso(a, best)
		case isBacked:
			a = e.withAlso(a, lead)
		default:
			a = e.withAsked(a, cands)
		}
	}
	if len(answered) == len(parts) && !supported {
		alone = answered // no question read alone finds the whole's answer: it is the questions' words blended
	}
	if len(alone) == len(parts) && !slices.ContainsFunc(alone, func(c scored) bool { return c.ID == a.ID }) {
		lead := e.answered(a, alone[0])
		lead.Also, lead.AlsoAsked = nil, nil // every question is answered: none is left to offer
		for _, c := range alone[1:] {
			if !lead.Gives(c.ID) {
				lead = e.withAlso(lead, c)
			}
		}
		return lead, nil
	}
	return a, nil
}

// likelyToo reports whether a question read alone finds id among its likeliest topics (DefaultTop), at
// least supportShare as sure of it as of its best: a distant third ("بنام بالعملية؟", will I sleep
// during it?, finds the benefits at 0.37 beside anaesthesia at 0.72) does not back the whole's answer.
func likelyToo(id string, cands []scored) bool {
	return slices.ContainsFunc(cands[:min(len(cands), DefaultTop)], func(c scored) bool {
		return c.ID == id && c.confidence >= supportShare*cands[0].confidence
	})
}

// supportShare was chosen over every corpus set (0.45 to 1 tried; with none, any of the three backed
// it): at 0.8 wrong answers 299 -> 297, one tap 14,881 -> 14,883, second answers wrong 231 -> 230, none lost.
const supportShare = 0.8

// facet reports whether a question read alone finds the message's answer (id) nearly as likely as its
// own best: a detail of the answer's topic ("how do you get the cells out of my hip, and how long does
// that part take?", the harvest's length, which its entry gives), not a second topic. Its best is
// offered (AlsoAsked), not answered.
func facet(id string, best scored, cands []scored) bool {
	return slices.ContainsFunc(cands, func(c scored) bool {
		return c.ID == id && c.confidence >= facetLeast && best.confidence-c.confidence <= facetGap
	})
}

// A question's reading finds the answer's topic a facet of it when that topic's confidence is at least
// facetLeast and within facetGap of its best (held-out pool: 17 wrong second answers fewer, 1 right one,
// still offered).
const (
	facetLeast = 0.3
	facetGap   = 0.2
)

// backed finds the FAQ entry a question read alone leads with, not sure enough to be answered alone,
// when the whole message found it likely too and the question finds the answer's topic unlikely: the
// whole backs the question's own reading of a short second question ("When can I go back to work? and
// the gym?", "بتوجع الإبرة؟ وبنام ولا لأ؟"), which alone holds too few words to be sure. The entry must
// be clear of the next entry (backedLead), and the answer's topic no facet of it (backedFacet): "how do
// you take the cells, from bone or fat?" asks one question (held-out pool: 20 more messages with both
// answers, 7 more wrong second answers). A guide section may lead the question's reading by at most
// backedGuide, as one about the same step does ("وفيه بنج؟", and is there anaesthesia?, reads the
// harvest's section first): every set, 15 more messages with both answers, 5 more wrong second answers.
// A lead under backedLeast but at least backedLeastStrong is backed when the whole found it at least
// backedWholeStrong: a tacked-on "w el gym?" (and the gym?) is too short to be sure alone, but the whole
// message, read with its first question, already weighs it (every set: 8 more messages with both answers,
// no more wrong second answers).
func backed(a Answer, cands, whole []scored) (scored, bool) {
	if len(cands) == 0 {
		return scored{}, false
	}
	top := cands[0].confidence
	cands = faqOnly(cands)
	if len(cands) == 0 || top-cands[0].confidence > backedGuide || a.Gives(cands[0].ID) {
		return scored{}, false
	}
	c := cands[0]
	least, wholeLeast := backedLeast, backedWholeLeast
	if c.confidence < backedLeast {
		least, wholeLeast = backedLeastStrong, backedWholeStrong
	}
	if c.confidence < least || len(cands) > 1 && c.confidence-cands[1].confidence < backedLead {
		return scored{}, false
	}
	if slices.ContainsFunc(cands, func(x scored) bool { return x.ID == a.ID && x.confidence >= backedFacet }) {
		return scored{}, false
	}
	return c, slices.ContainsFunc(whole[:min(len(whole), backedWhole)], func(w scored) bool {
		return w.ID == c.ID && w.confidence >= wholeLeast
	})
}

// faqOnly are the FAQ entries of cands, in order.
func faqOnly(cands []scored) []scored {
	var out []scored
	for _, c := range cands {
		if c.Kind == knowledge.FAQ {
			out = append(out, c)
		}
	}
	return out
}

// The thresholds of backed, chosen on the held-out pool: a question's lead of at least backedLeast, clear
// of its runner-up by backedLead, the answer's topic under backedFacet, and the whole's confidence in the
// lead at least backedWholeLeast among its first backedWhole candidates (backedWholeStrong for a lead
// under backedLeast, at least backedLeastStrong); a guide section leads the question's reading by at most
// backedGuide.
const (
	backedGuide       = 0.15
	backedLeast       = 0.4
	backedLead        = 0.1
	backedFacet       = 0.1
	backedWhole       = 6
	backedWholeLeast  = 0.05
	backedLeastStrong = 0.15
	backedWholeStrong = 0.3
)

// withAsked offers the likeliest topic of one of a message's questions that was not answered (cands,
// what its search found), when it is plausible and neither the answer nor already offered as another
// question's.
func (e *Engine) withAsked(a Answer, cands []scored) Answer {
	for _, c := range e.plausible(cands) {
		given := a.Gives(c.ID) || containsTopic(a.AlsoAsked, c.ID)
		if _, found := e.bank.Entry(c.ID, a.Lang); !found || given {
			continue
		}
		a.AlsoAsked = append(a.AlsoAsked, Topic{ID: c.ID, Title: e.title(c.ID, a.Lang)})
		break
	}
	return a
}

// withAlso adds an FAQ entry to an answer as the answer to another question of its message, in the
// answer's language when the knowledge has it.
func (e *Engine) withAlso(a Answer, also scored) Answer {
	if also.Kind != knowledge.FAQ {
		return a
	}
	entry, found := e.bank.Entry(also.ID, a.Lang)
	if !found {
		entry, found = e.bank.Entry(also.ID, also.Lang)
	}
	if !found {
		return a
	}
	a.Also = append(a.Also, Also{ID: entry.ID, Title: entry.Title, Answer: entry.Answer, Confidence: round(also.confidence)})
	return a
}

// sectionAmong reports whether the guide section an FAQ entry is drawn from (its Source) stands among
// the whole message's first partWhole candidates: the whole found the entry's topic likely in the
// section's words ("الخلايا من جسمي ولا من متبرع؟ وشو الفوايد منها؟" ranks the benefits section second and
// the benefits entry sixth). On every set but the training sets, both answers given 2,630 -> 2,639 of
// 2,925, second answers wrong 283 -> 284.
func (e *Engine) sectionAmong(c scored, whole []scored) bool {
	entry, found := e.bank.Entry(c.ID, c.Lang)
	return found && entry.Source != "" && among(entry.Source, whole, partWhole)
}

// partWhole is how far down the whole message's candidates a part's answer must stand: a question read
// alone may be answered from a neighbouring topic the whole does not suggest.
const partWhole = 5

// partAlone is how confident a part's answer, read alone, must be to stand though the whole message did
// not rank its topic: the other question outweighs it in the whole.
const partAlone = 0.85

// among reports whether the topic id is one of the first n of cands.
func among(id string, cands []scored, n int) bool {
	return slices.ContainsFunc(cands[:min(len(cands), n)], func(w scored) bool { return w.ID == id })
}

// firstPart answers the first question of a message whose whole found only plausible topics, each
// question read on its own, by an entry that clears the threshold: where the whole found no answer, a
// guide section's sureness is no evidence for its entry ("betsir el natije 100%?", a success rate, is
// no question of when results show).
func (e *Engine) firstPart(ctx context.Context, parts []string, lang string) (scored, bool, error) {
	for _, p := range parts {
		best, ok, _, err := e.best(ctx, p, lang, true)
		if err != nil || ok && best.confidence >= e.threshold {
			return best, ok, err
		}
	}
	return scored{}, false, nil
}

// best searches one question and chooses its answer, if any, with the classifier's reading of it when
// learned says the text is one it can read; an Arabic question's English words are searched in English
// when the rest found nothing, as for a whole message ("هل الـ procedure تحت general anesthesia؟").
// It also gives the candidates its search in lang ranked (none when the question is in another
// language), for topics to offer.
func (e *Engine) best(ctx context.Context, text, lang string, learned bool) (scored, bool, []scored, error) {
	if own := ownLanguage(text, lang); own != lang {
		best, ok, err := e.bestIn(ctx, text, own, lang, learned)
		return best, ok, nil, err
	}
	cands, telling, err := e.rank(ctx, text, lang, learned)
	if err != nil {
		return scored{}, false, nil, err
	}
	best, ok := e.choose(cands)
	if !ok && telling {
		best, ok = e.drawnFrom(cands)
	}
	if !ok && !outOfScope(cands) {
		best, ok, err = e.mixedEnglish(ctx, textnorm.Words(textnorm.Normalize(text)), lang)
	}
	return best, ok, cands, err
}

// ownLanguage is the language one question of a message is read in: a question in Arabic script of an
// English message is Arabic ("بتوجع الابرة؟ and when can I go back to work?"), and one of an Arabic
// message written wholly in English ("الـ stem cells شو هي بالزبط؟ و how long until I feel better?")
// is English; one with an Arabic or Arabizi word stays Arabic.
func ownLanguage(text, lang string) string {
	if lang == knowledge.English && textnorm.Detect(text) == knowledge.Arabic {
		return knowledge.Arabic
	}
	if lang != knowledge.Arabic {
		return lang
	}
	words := textnorm.Words(textnorm.Normalize(text))
	if len(words) > 0 && standaloneAnd(words[0]) {
		words = words[1:]
	}
	if len(words) < minMixedWords || textnorm.MayBeArabizi(words) || slices.ContainsFunc(words, hasArabicLetter) {
		return lang
	}
	return knowledge.English
}

// hasArabicLetter reports whether a word holds a letter of the Arabic script.
func hasArabicLetter(w string) bool {
	return strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) })
}

// bestIn answers a question of a message in lang that is written in another language, own, and gives
// the entry in lang when lang has it.
func (e *Engine) bestIn(ctx context.Context, text, own, lang string, learned bool) (scored, bool, error) {
	best, ok, _, err := e.best(ctx, text, own, learned)
	if err != nil || !ok {
		return scored{}, false, err
	}
	if _, found := e.bank.Entry(best.ID, lang); !found {
		return scored{}, false, nil
	}
	best.Lang = lang
	return best, true, nil
}

// rank searches one question and ranks what it found, as best reads it, and reports whether the
// question holds a telling word: one the knowledge has and seldom uses (tellingWeight).
func (e *Engine) rank(ctx context.Context, text, lang string, learned bool) ([]scored, bool, error) {
	res, err := e.search.Search(ctx, knowledge.Query{Text: text, Lang: lang, Top: searchDepth})
	if err != nil {
		return nil, false, fmt.Errorf("answer part: %w", err)
	}
	cands := calibrate(e.model, res.Matches, unknownShare(res.Terms))
	if learned && e.topics != nil {
		cands = e.learn(cands, e.topics.Read(textnorm.Normalize(text)), lang)
	}
	cands = e.exclude(cands, textnorm.Words(textnorm.Normalize(text)))
	telling := slices.ContainsFunc(res.Terms, func(t knowledge.QueryTerm) bool { return t.Known && t.Weight >= tellingWeight })
	return cands, telling, nil
}

// tellingWeight is the least weight of a telling word: "ice" (5.3) or "صيام" (4.1) on the default
// knowledge, not "after" (2.4), which half its entries use.
const tellingWeight = 4.0

// maxSplits is how many of a message's "and"s are tried as the seam between two questions.
const maxSplits = 2

// splitAnswer finds a second question in an answered message no question word marked ("will I be awake
// and does it hurt alot", "هو بيوجع وهتنيموني ولا لا"): each "and" is tried as a seam, and the halves
// are read apart. The seam holds when one half, asking on its own (asksAlone), alone gives a different FAQ
// entry confidently (partAlone), which is added as Also, and the other half alone gives the message's
// answer: each half then asks one thing. A half that does not ask is never searched.
func (e *Engine) splitAnswer(ctx context.Context, m asked, a Answer) (Answer, error) {
	words := strings.Fields(cleanSentences(m.read))
	if len(words) < 5 || len(words) > maxPartsWords {
		return a, nil
	}
	c, tried := e.cues(m), 0
	for i := 2; i < len(words)-2 && tried < maxSplits; i++ {
		if !joins(textnorm.Normalize(words[i])) {
			continue
		}
		tried++
		halves := [2]string{strings.Join(words[:i], " "), strings.Join(words[i:], " ")}
		for k, half := range halves {
			if !asksAlone(half, c) {
				continue
			}
			also, ok, err := e.seam(ctx, m, a, half, halves[1-k])
			if err != nil || ok {
				return also, err
			}
		}
	}
	return a, nil
}

// seam reports whether asking, read alone, confidently gives another FAQ entry than the answer, and the
// rest of the message alone gives the answer; if so the answer holds that entry as Also.
func (e *Engine) seam(ctx context.Context, m asked, a Answer, asking, rest string) (Answer, bool, error) {
	read := e.arabicParts(m, []string{asking, rest})
	second, ok, _, err := e.best(ctx, read[0], a.Lang, true)
	if err != nil || !ok || second.ID == a.ID || second.confidence < partAlone {
		return a, false, err
	}
	first, ok, _, err := e.best(ctx, read[1], a.Lang, true)
	if err != nil || !ok || first.ID != a.ID {
		return a, false, err
	}
	return e.withAlso(a, second), true, nil
}

// asksAlone reports whether half a message reads as a question of its own: it ends in a question mark,
// or one of its first three words asks or opens one ("and when…", "ووين…", "and is there…"), or it
// ends asking yes or no ("… or not", "ولا لا").
func asksAlone(half string, c cues) bool {
	half = strings.TrimSpace(half)
	if strings.HasSuffix(half, "?") || strings.HasSuffix(half, "؟") {
		return true
	}
	words := textnorm.Words(textnorm.Normalize(half))
	for i, w := range words[:min(len(words), 3)] {
		if c.opens(w) || i == 0 && c.opens(strings.TrimPrefix(w, "و")) {
			return true
		}
	}
	return asksYesOrNo(words)
}

// asksYesOrNo reports whether normalised words end asking yes or no: "… or not", "ولا لا", "… or what".
func asksYesOrNo(words []string) bool {
	n := len(words)
	return n >= 2 && orWords[words[n-2]] && notWords[words[n-1]]
}

// asksWhat reports whether a message asks a question plainly: a sentence of it ends in a question mark,
// opens with a question word ("what", "فين"; after "and" or "so" too) or an indirect question's frame
// ("I want to know if…", asksIndirectly), or ends asking yes or no ("… or what"); not a word that may
// open a question or a statement ("Ok I will see you Thursday then"), nor a question word inside a
// statement ("thanks, that's exactly what I needed").
func asksWhat(text string, c cues) bool {
	for _, s := range splitSentencesAsked(cleanSentences(text)) {
		words := withoutLead(textnorm.Words(textnorm.Normalize(s.text)))
		if s.asked || len(words) > 0 && c.asks(words[0]) || asksYesOrNo(words) || asksIndirectly(words, c) {
			return true
		}
	}
	return false
}

// asksIndirectly reports whether normalised words open with a question asked indirectly: a word of
// knowing after one of wanting ("I want to know if it hurts", "ابي اعرف اذا العلاج يألم", "3ayez a3raf"),
// or wondering ("I was wondering whether…").
func asksIndirectly(words []string, c cues) bool {
	return indirectFrame(words, c) >= 0
}

// framesQuestion reports whether normalised words open with an indirect question's frame that a question
// word or "if" follows at once ("I also wanted to ask if…", "وكمان عايز اعرف هاخد كام جلسة"): a clause of
// its own, unlike a wish to understand told after a question ("اشتي افهم قبل ما اجي").
func framesQuestion(words []string, c cues) bool {
	end := indirectFrame(words, c)
	return end >= 0 && slices.ContainsFunc(words[end:min(len(words), end+2)], func(w string) bool {
		return ifWords[w] || c.asks(w)
	})
}

// indirectFrame is where the frame of an indirect question (asksIndirectly) ends in normalised words, or
// -1.
func indirectFrame(words []string, c cues) int {
	for i, w := range words[:min(len(words), maxFrameWords)] {
		w = c.read(w)
		switch {
		case wonderWords[w]:
			return i + 1
		case !knowWords[w] || i == 0:
		case wanting(words[:i], c):
			return i + 1
		}
	}
	return -1
}

// ifWords open an indirect yes-or-no question: "I want to know if…", "بدي اعرف اذا…".
var ifWords = map[string]bool{"if": true, "whether": true, "اذا": true, "لو": true, "ان": true, "iza": true, "eza": true, "law": true}

// wanting reports whether words end in one of wanting, with "to" or a word such as "also" after it ("I
// also wanted to ask", "I want also know", "بدي كمان اعرف").
func wanting(words []string, c cues) bool {
	for i := len(words) - 1; i >= 0 && len(words)-i <= 3; i-- {
		switch w := c.read(words[i]); {
		case wantWords[w]:
			return true
		case !frameFillers[w]:
			return false
		}
	}
	return false
}

// maxFrameWords is how far into a sentence an indirect question's frame may end ("so i just want to know").
const maxFrameWords = 5

// wantWords, knowWords and wonderWords frame an indirect question (asksIndirectly).
var (
	wantWords = map[string]bool{
		"want": true, "wanted": true, "wanna": true, "like": true, "need": true,
		"ابي": true, "ابغي": true, "ابغا": true, "بدي": true, "عايز": true, "عايزه": true, "عاوز": true, "عاوزه": true,
		"حاب": true, "حابب": true, "حابه": true, "اريد": true, "اود": true, "ودي": true, "بغيت": true, "نبغي": true,
		"داير": true, "دايره": true, "ممكن": true, "اشتي": true, "محتاج": true, "محتاجه": true,
	}
	knowWords = map[string]bool{
		"know": true, "understand": true, "ask": true, "check": true,
		"اعرف": true, "نعرف": true, "افهم": true, "نفهم": true, "استفسر": true, "اسال": true, "نسال": true, "اسالك": true, "اسالكم": true,
	}
	frameFillers = map[string]bool{"also": true, "just": true, "to": true, "كمان": true, "بس": true, "برضو": true, "ايضا": true}
	wonderWords  = map[string]bool{"wondering": true, "wonder": true, "wondered": true}
)

// asksNothing reports whether no sentence of a message asks (asksAlone): a message that only tells.
func asksNothing(text string, c cues) bool {
	for _, s := range splitSentencesAsked(cleanSentences(text)) {
		if s.asked || asksAlone(s.text, c) {
			return false
		}
	}
	return true
}

// orWords and notWords end a yes-or-no question: "or not", "or no", "ولا لا", "wala la2".
var (
	orWords  = map[string]bool{"or": true, "ولا": true, "wala": true, "wla": true, "walla": true}
	notWords = map[string]bool{"not": true, "no": true, "what": true, "لا": true, "la": true, "la2": true, "laa": true}
)
