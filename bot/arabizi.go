package bot

import (
	"context"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// readArabizi reads a question written in Arabizi ("kam modet el jalsa?") in Arabic script, when it looks
// written in Arabizi (arabiziText, read once by arabiziWritten) and either some of its words are found in the bank's Arabic
// vocabulary (the others, often English or French, are kept), or it holds a word of Arabizi's own ("wach",
// "bzaf"), or none of the knowledge's English words, which an English search would need ("nst3mel
// glace?", do we use ice?, is Arabic the knowledge does not spell): a digit in a word beside the
// knowledge's English words ("shower 2day?") does not make English Arabic. The answer is then in
// Arabic. What is read is what is searched (m.text): a message's question without the greeting that
// opens it ("salam 3alaikum, el jalsa t3awer?"), in three words or more.
func (e *Engine) readArabizi(m asked) (string, bool) {
	if !m.arabiziText {
		return "", false
	}
	words := m.words
	if rest := textnorm.Words(textnorm.Normalize(m.text)); m.text != m.read && len(rest) >= minArabiziQuestion {
		words = rest
	}
	ar, found := e.arabicOf(words, m.kept)
	return ar, found > 0 || textnorm.HasArabiziWord(m.words) || len(e.englishIn(m.words)) == 0 || e.glued(m.words, textnorm.ArabicKeyboard(m.q.Text))
}

// arabicOf reads Arabizi words in Arabic script (textnorm.Transliterator.Arabic), without the French
// function words Maghrebi Arabizi mixes in ("le suivi?", "ch7al dyal les séances?"), which name no topic
// and which an Arabic search cannot read; found counts the words the Arabic vocabulary has.
func (e *Engine) arabicOf(words []string, kept func(string) bool) (text string, found int) {
	text, found = e.arabizi.Arabic(words, kept)
	fields := strings.Fields(text)
	content := slices.DeleteFunc(slices.Clone(fields), textnorm.FrenchWord)
	if len(content) == 0 || len(content) == len(fields) {
		return text, found
	}
	return strings.Join(content, " "), found
}

// minArabiziQuestion is the fewest words of an Arabizi question read without the greeting that opens it:
// fewer are as likely a greeting's own ("salam khouya, labas?", hello brother, how are you?).
const minArabiziQuestion = 3

// keptLatin says which words of an Arabizi message are kept as written, not read in Arabic script: the
// knowledge's English words, and the acronyms the message writes in capitals ("lazem a3mel MRI abel el
// jalse?": MRI is no مرة, once), even one of two ("MRI lazem?"). In a message shouted in capitals (more
// than half its words), none are acronyms.
func (e *Engine) keptLatin(text string) func(string) bool {
	var acronyms map[string]bool
	latin, capitals := 0, 0
	for start, i := -1, 0; i <= len(text); i++ {
		if i < len(text) && latinLetterOrDigit(text[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		w := text[start:i]
		start, latin = -1, latin+1
		if len(w) >= minAcronym && len(w) <= maxAcronym && strings.IndexFunc(w, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
			if acronyms == nil {
				acronyms = map[string]bool{}
			}
			capitals++
			acronyms[strings.ToLower(w)] = true
		}
	}
	if 2*capitals > latin {
		acronyms = nil
	}
	return func(w string) bool { return e.english[w] || acronyms[w] }
}

// latinLetterOrDigit reports whether a byte is an ASCII letter or digit.
func latinLetterOrDigit(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// minAcronym and maxAcronym bound the letters of a word in capitals read as an acronym.
const (
	minAcronym = 2
	maxAcronym = 5
)

// arabiziWritten reports whether a question not said to be English looks written in Arabizi: it reads as
// Latin text that looks like Arabizi (textnorm.LooksArabizi; MayBeArabizi when the asker's app is in
// Arabic), and holds a word of Arabizi's own or fewer than half its telling words the knowledge's
// English words ("co2" does not make English Arabizi; "yalla my appointment is next week inshallah,
// anything I need to do to get ready before?" is English). French with none of the knowledge's English
// words is read as Maghrebi patients write it ("le jeûne?", "l'anesthésie?"), the Arabic lexicon's
// French words finding its topics.
func (e *Engine) arabiziWritten(q Question, words []string) bool {
	looks := textnorm.LooksArabizi
	if knowledge.LangOfTag(q.LangHint) == knowledge.Arabic {
		looks = textnorm.MayBeArabizi
	}
	if q.Lang == knowledge.English || len(words) == 0 || textnorm.Detect(q.Text) != knowledge.English {
		return false
	}
	if e.glued(words, textnorm.ArabicKeyboard(q.Text)) {
		return true
	}
	if !looks(words) {
		return e.readsAsArabic(words) || textnorm.LooksFrench(words) && len(e.englishIn(words)) == 0
	}
	return 2*len(e.englishIn(words)) < telling(words) || textnorm.HasArabiziWord(words)
}

// maxGluedWords is the longest message read as Arabic glue around English terms (glued).
const maxGluedWords = 6

// glued reports whether a short Latin message is Arabic holding English terms: a short word of
// Arabizi's own that English does not write (textnorm.ArabiziGlue: "el", "eh", "fi"), a word with a
// digit for a letter that English chat does not use so ("3adi", not the "2" of "2day"), or an Arabic
// keyboard's punctuation (keyboard: "side effects؟"), beside the knowledge's English words, and nothing
// else but English's short words and words of Arabizi ("el follow up?", "ibuprofen 3adi?", "el
// recovery kam yom?").
func (e *Engine) glued(words []string, keyboard bool) bool {
	if len(words) > maxGluedWords {
		return false
	}
	glue, english := 0, 0
	for _, w := range words {
		switch {
		case textnorm.ArabiziGlue(w), strings.ContainsAny(w, "356789") && textnorm.LooksArabizi([]string{w}):
			glue++
		case e.english[w]:
			english++
		case !englishShort[w] && !e.arabiziWord(w):
			return false
		}
	}
	return (glue > 0 || keyboard) && english > 0
}

// arabiziWord reports whether a Latin word is one of Arabizi's: a short word it shares with English,
// one of its own, one with a digit for a letter, or one the Arabic vocabulary has read in Arabic
// script.
func (e *Engine) arabiziWord(w string) bool {
	one := []string{w}
	if textnorm.ArabiziFunctionWord(w) || textnorm.LooksArabizi(one) {
		return true
	}
	_, found := e.arabizi.Arabic(one, nil)
	return found > 0
}

// telling counts the words that tell a language: all but English's own short words ("my", "is", "to"),
// which the knowledge's English words (textnorm.MinEnglishWord letters or more) never count.
func telling(words []string) int {
	n := 0
	for _, w := range words {
		if !englishShort[w] {
			n++
		}
	}
	return n
}

// englishShort are English's short function words, which Arabizi does not write.
var englishShort = map[string]bool{
	"i": true, "me": true, "my": true, "is": true, "am": true, "are": true, "be": true, "to": true, "do": true,
	"a": true, "an": true, "the": true, "it": true, "in": true, "on": true, "of": true, "at": true, "or": true,
	"we": true, "us": true, "so": true, "if": true, "by": true, "up": true, "as": true, "get": true, "can": true,
	"you": true, "and": true, "for": true, "but": true, "not": true, "was": true, "has": true, "had": true,
	"his": true, "her": true, "him": true, "our": true, "its": true, "how": true, "who": true, "why": true,
}

// maxUnmarkedWords is the longest message read as Arabizi without a sign of its own.
const maxUnmarkedWords = 12

// readsAsArabic reports whether a short Latin message with no sign of Arabizi (no digit for a letter,
// none of its own words) reads as Arabic all the same: none of its words one of the knowledge's English
// words, nor another form of one ("breathe" of breathing: inflected), and the Arabic vocabulary has most
// of those that are not short words Arabizi shares with English ("kam jalse bde?", how many sessions do
// I need?; "el malabis?", the clothes?). One word alone must be a long one ("siyam?", fasting?): a short
// one is too little to tell ("menu" is no مين); and words that each open an English act are English
// ("thanks", "cool cool").
func (e *Engine) readsAsArabic(words []string) bool {
	tooLittle := len(words) == 1 && len(words[0]) < minLoneArabizi
	allActs := !slices.ContainsFunc(words, func(w string) bool { return !e.acts.opensEnglish(w) })
	if tooLittle || allActs || len(words) > maxUnmarkedWords || slices.ContainsFunc(words, e.inflected) {
		return false
	}
	var content []string
	for _, w := range words {
		if !textnorm.ArabiziFunctionWord(w) {
			content = append(content, w)
		}
	}
	_, found := e.arabizi.Arabic(content, nil)
	return len(content) > 0 && 2*found > len(content)
}

// minLoneArabizi is the fewest letters of a one-word message read as Arabizi with no sign of its own.
const minLoneArabizi = 5

// minMixedWords is how many of the knowledge's English words an Arabic message needs to be searched in
// English too.
const minMixedWords = 2

// mixedEnglish searches an Arabic or Arabizi message in English when its Arabic search found no answer,
// and no sign that it is out of scope, and at least half its words are the knowledge's English words
// ("shu el stem cells?", "هل الـ recovery طويل"): those words are searched in English, and an answer is
// given as the same entry in Arabic. It needs the entry in both languages and
// the usual confidence. In Arabic glue around English terms (glued: "hwa eh el stem cells asln?"), the
// English words are searched however few the message's words they are.
func (e *Engine) mixedEnglish(ctx context.Context, words []string, lang string) (scored, bool, error) {
	if lang != knowledge.Arabic {
		return scored{}, false, nil
	}
	english := e.englishIn(words)
	if len(english) < minMixedWords || 2*len(english) < len(words) && !e.glued(words, false) {
		return scored{}, false, nil
	}
	return e.bestIn(ctx, strings.Join(english, " "), knowledge.English, lang, false)
}

// inflected reports whether a word is one of the knowledge's English words or another form of one: the
// two with an ending of -ing, -ed, -es or -s, or a silent e, or none ("breathe" and "breathed" of
// breathing, "vomited" of vomiting). An e is never added: "abl" (Arabizi's before) is no "able"; and a
// word shorter than the knowledge's English words is none ("mri" beside "MRIs": MinEnglishWord).
func (e *Engine) inflected(w string) bool {
	if len(w) < textnorm.MinEnglishWord {
		return false
	}
	for _, cut := range englishEndings {
		stem, ok := strings.CutSuffix(w, cut)
		if !ok || stem == "" {
			continue
		}
		for _, end := range englishEndings[:len(englishEndings)-1] {
			if e.english[stem+end] {
				return true
			}
		}
	}
	return false
}

// englishEndings are the endings of English's regular inflections, "" for none, and last a silent e,
// which a word may lose before one but never gains.
var englishEndings = []string{"", "ing", "ed", "es", "s", "e"}

// englishIn are the words of a message that are the knowledge's English words, in order.
func (e *Engine) englishIn(words []string) []string {
	var out []string
	for _, w := range words {
		if e.english[w] {
			out = append(out, w)
		}
	}
	return out
}

// maxSecondReading is the most words of a Latin message read again as Arabizi when English found nothing.
const maxSecondReading = 3

// secondReading answers a short Latin message that English found nothing for (no answer, no plausible
// topic, no act) as Arabizi, when it holds none of the knowledge's English words and the Arabic
// vocabulary reads a word of it: "telj?" (ice?) or "bnj?" (anaesthesia?) are too short to tell their
// language, and an English reading that finds nothing loses nothing to an Arabic one that answers. Only
// an answer is taken; the English no-match stands otherwise.
func (e *Engine) secondReading(ctx context.Context, m asked, a Answer, v Verdict) (Answer, bool) {
	if m.arabiziText || m.lang != knowledge.English || len(m.words) > maxSecondReading ||
		(m.q.Lang != "" && m.q.Lang != "auto") || len(e.englishIn(m.words)) > 0 {
		return Answer{}, false
	}
	again := e.read(m.q, m.lang)
	again.arabiziText, again.kept = true, e.keptLatin(m.q.Text)
	if _, found := e.arabicOf(again.words, again.kept); found == 0 {
		return Answer{}, false
	}
	ans, err := e.searchAnswer(ctx, again, a, v)
	return ans, err == nil && ans.Status == Answered
}
