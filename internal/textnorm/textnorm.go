// Package textnorm owns how patients' raw text is cleaned before anything reads it: Unicode clean-up,
// Arabic spelling normalisation, word splitting and language detection.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/faqbot/faqbot/knowledge"
)

// MaxRunes bounds how much of a message is read: a question longer than this is cut, never rejected.
const MaxRunes = 2000

// Clean returns text fit for analysis: invalid UTF-8 replaced, NFKC-normalised, typographic apostrophes
// made plain, control, format
// (zero-width, bidi) and private-use characters removed, whitespace folded to single spaces, and at most
// MaxRunes runes kept. It normalises the text as it reads it and stops at MaxRunes, so a long text
// costs no more than the part kept, but for one holding a character it leaves out, copied once without
// them first.
func Clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	if strings.IndexFunc(s, meaningless) >= 0 {
		// Left out before normalising: one between two combining marks would leave them side by side out
		// of their canonical order ("ؐ\uec92̻"), which a second Clean would put right.
		s = strings.Map(func(r rune) rune {
			if meaningless(r) {
				return -1
			}
			return r
		}, s)
	}
	c := cleaner{space: true}
	c.b.Grow(min(len(s), utf8.UTFMax*MaxRunes))
	if isASCII(s) || norm.NFKC.IsNormalString(s) { // as it is, ASCII above all, the text is its NFKC form
		for _, r := range s {
			if c.n == MaxRunes {
				break
			}
			c.keep(r)
		}
		return strings.TrimSpace(c.b.String())
	}
	var it norm.Iter
	it.InitString(norm.NFKC, s)
	for !it.Done() && c.n < MaxRunes {
		c.write(it.Next())
	}
	return strings.TrimSpace(c.b.String())
}

// cleaner writes normalised text as Clean keeps it, counting the runes kept.
type cleaner struct {
	b     strings.Builder
	n     int
	space bool // the last rune kept is a space, or none is
}

func (c *cleaner) write(seg []byte) {
	for len(seg) > 0 && c.n < MaxRunes {
		r, size := utf8.DecodeRune(seg)
		seg = seg[size:]
		c.keep(r)
	}
}

func (c *cleaner) keep(r rune) {
	switch {
	case arabicLetter(r): // the most of an Arabic message, spared the table lookups below
		c.b.WriteRune(r)
		c.space = false
		c.n++
	case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
		c.b.WriteByte('\'')
		c.space = false
		c.n++
	case unicode.IsSpace(r) || unicode.IsControl(r):
		if !c.space {
			c.b.WriteByte(' ')
			c.space = true
			c.n++
		}
	case meaningless(r):
	default:
		c.b.WriteRune(r)
		c.space = false
		c.n++
	}
}

// meaningless reports whether Clean leaves a rune out: zero-width joiners, bidi marks, private-use
// characters and the replacement character carry no meaning here. No ASCII character is one of them,
// nor any Arabic letter, which spares most text the table lookups.
func meaningless(r rune) bool {
	return r >= utf8.RuneSelf && !arabicLetter(r) && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || r == utf8.RuneError)
}

// arabicLetter reports whether r is in the Arabic block and none of its format characters (U+0600 to
// U+0605, U+061C, U+06DD): a letter, mark, digit or punctuation mark, with no case, never a space.
func arabicLetter(r rune) bool {
	return r >= 0x0606 && r <= 0x06FF && r != 0x061C && r != 0x06DD
}

// FoldArabic unifies Arabic spelling variants so that they compare equal: alef forms to bare alef, alef
// maksura to yaa, taa marbuta to haa, hamza on waw/yaa to the bare letter, Persian kaf and yeh to the
// Arabic ones, Arabic-Indic digits to ASCII, and diacritics and tatweel removed. Other text is lowercased.
func FoldArabic(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, keep := foldRune(r); keep {
			b.WriteRune(f)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func foldRune(r rune) (rune, bool) {
	switch {
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا', true
	case r == 'ى' || r == 'ی' || r == 'ئ':
		return 'ي', true
	case r == 'ة':
		return 'ه', true
	case r == 'ؤ':
		return 'و', true
	case r == 'ک':
		return 'ك', true
	case r == 'گ' || r == 'ڨ': // the Gulf, Iraqi and Maghrebi g, which the standard spelling writes ق: گاعد, قاعد
		return 'ق', true
	case r == 'چ': // the Gulf and Iraqi ch, a ك: چم, كم (how many); باچر, باكر (tomorrow)
		return 'ك', true
	case r == 'ڤ':
		return 'ف', true
	case r == 'پ':
		return 'ب', true
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	case r == 'ـ' || (r >= 0x064B && r <= 0x065F) || r == 0x0670:
		return 0, false
	case arabicLetter(r):
		return r, true
	}
	return unicode.ToLower(r), true
}

// Normalize is Clean followed by FoldArabic: the form in which rules and lexicons compare text.
func Normalize(s string) string {
	return FoldArabic(Clean(s))
}

// Words splits normalised text into words: runs of letters, digits and apostrophes. A pronoun ending
// Arabizi writes after a hyphen stays with its word ("men sa3et-ha tamam", since then fine, is
// "sa3etha"), as Arabic script joins it.
func Words(s string) []string {
	words := strings.FieldsFunc(s, notWordRune)
	if strings.IndexByte(s, '-') < 0 {
		return words
	}
	return joinHyphenedEndings(s, words)
}

func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || unicode.Is(unicode.Mn, r))
}

// joinHyphenedEndings joins to the word before it each pronoun ending (hyphenedEndings) that a hyphen
// alone parts from a Latin word of two letters or more, one ending to a word; words are s's words in
// order.
func joinHyphenedEndings(s string, words []string) []string {
	out := make([]string, 0, len(words))
	end, joined := -1, false // where the word before ends in s, and whether it took an ending
	for _, w := range words {
		start := end + 1 + strings.Index(s[end+1:], w)
		if n := len(out); n > 0 && !joined && start == end+1 && s[end] == '-' && hyphenedEndings[w] && len(out[n-1]) >= 2 && isASCII(out[n-1]) {
			out[n-1] += w
			joined = true
		} else {
			out = append(out, w)
			joined = false
		}
		end = start + len(w)
	}
	return out
}

// hyphenedEndings are the pronoun endings Arabizi may write after a hyphen: her, them, you, us, me,
// him.
var hyphenedEndings = map[string]bool{
	"ha": true, "hom": true, "hum": true, "hon": true, "kom": true, "kum": true, "kon": true, "na": true,
	"ni": true, "ak": true, "ek": true, "ik": true, "ki": true, "k": true, "o": true, "ou": true, "u": true,
}

// Detect names the language of a question: knowledge.Arabic when it has at least as many Arabic words
// as Latin ones (and at least one), or two Arabic words and at least a third of its words Arabic;
// knowledge.English otherwise, including for text with no letters at all. An Arabic question mark, comma
// or semicolon counts as an Arabic word. Words, not letters: an Arabic sentence holding English words
// ("بعد الـ injection طلع rash و I feel dizzy") is Arabic, since a writer who can write English rarely
// switches to Arabic script; an English one holding one Arabic term or name is English. Beside an Arabic
// word, the English words Arabic chat borrows (chatWords: "ok تمام thanks") count for neither language.
// Like Clean, it reads at most MaxRunes runes.
func Detect(s string) string {
	arabic, latin, borrowed, n := 0, 0, 0, 0
	inWord, start := false, 0
	for i, r := range s {
		if n++; n > MaxRunes {
			break
		}
		isArabic := r >= utf8.RuneSelf && unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
		isLatin := r < utf8.RuneSelf && 'a' <= r|0x20 && r|0x20 <= 'z' || r >= utf8.RuneSelf && unicode.Is(unicode.Latin, r)
		switch {
		case !isArabic && !isLatin:
			if inWord && i > start && chatWord(s[start:i]) {
				borrowed++
			}
			if arabicPunctuation(r) {
				arabic++ // typed on an Arabic keyboard: "الـ ice packs؟"
			}
			inWord = unicode.Is(unicode.Mn, r) && inWord // diacritics stay inside their word
		case !inWord && isArabic:
			arabic++
			inWord, start = true, len(s) // no Latin word to read
		case !inWord:
			latin++
			inWord, start = true, i
		}
	}
	if inWord && start < len(s) && chatWord(s[start:]) {
		borrowed++
	}
	if arabic > 0 {
		latin -= borrowed // "ok تمام thanks": Arabic chat borrows these from English
	}
	if arabic > 0 && arabic >= latin || arabic >= 2 && 3*arabic >= arabic+latin {
		return knowledge.Arabic
	}
	return knowledge.English
}

// ArabicKeyboard reports whether s holds the Arabic question mark, comma or semicolon: it was typed on
// an Arabic keyboard, whatever its letters.
func ArabicKeyboard(s string) bool {
	return strings.ContainsFunc(s, arabicPunctuation)
}

// arabicPunctuation reports whether r is the Arabic question mark, comma or semicolon, which only an Arabic
// keyboard types: each counts as an Arabic word.
func arabicPunctuation(r rune) bool {
	return r == '؟' || r == '،' || r == '؛'
}

// chatWords are the English words Arabic chat borrows as its own ("ok تمام thanks", "hi دكتور"): beside an
// Arabic word they tell no language.
var chatWords = map[string]bool{
	"ok": true, "okay": true, "okk": true, "thanks": true, "thank": true, "thx": true, "tnx": true,
	"hi": true, "hello": true, "bye": true, "please": true, "pls": true, "plz": true, "sorry": true, "lol": true,
}

// chatWord reports whether w is one of chatWords, in any case. A longer word is none, read or not: a word
// of one letter and a thousand combining marks is looked at once per mark.
func chatWord(w string) bool {
	return len(w) <= longestChatWord && chatWords[strings.ToLower(w)]
}

// longestChatWord is the length in bytes of the longest of chatWords.
const longestChatWord = len("thanks")

// ChatEnglish are the chat spellings of English's short words ("wat can u do", "r u a bot"), with the
// word each stands for: the conversation acts read them as those words.
var ChatEnglish = map[string]string{
	"u": "you", "yu": "you", "ur": "your", "yr": "your", "r": "are", "wat": "what", "wut": "what", "whut": "what",
	"wht": "what", "4": "for", "thnks": "thanks", "thnx": "thanks", "thx": "thanks", "tnx": "thanks", "tks": "thanks",
}

// EnglishArticles are the words English written by a learner or typed fast leaves out ("I want make
// appointment", "talk to human"): a phrase means the same without them.
var EnglishArticles = map[string]bool{"a": true, "an": true, "the": true}

// StripArabicClitics removes one joined prefix (al-, wa-, bi-, li-, fa-, ka- or a combination such as
// wal-, bil-) from a folded Arabic word, keeping at least three letters. One pass only: a second would
// eat the first letter of words such as فوائد (benefits).
func StripArabicClitics(w string) string {
	return stripArabicPrefix(w)
}

// ArabicPrefixForms lists a folded Arabic word and what is left after each joined prefix is removed in
// turn: "وفقدت" gives وفقدت, فقدت, قدت. The spoken ع (on, to: "عصدري", on my chest, "عالجرح") counts as
// a prefix here only, where a word that merely begins with ع keeps its true form first. A word that only
// looks prefixed keeps its true form in the list, so the list suits comparing words, not replacing them.
func ArabicPrefixForms(w string) []string {
	forms := []string{w}
	if rest, ok := strings.CutPrefix(w, "ع"); ok && utf8.RuneCountInString(rest) >= 3 {
		forms = append(forms, rest)
		if bare := strings.TrimPrefix(rest, "ال"); bare != rest && utf8.RuneCountInString(bare) >= 3 {
			forms = append(forms, bare)
		}
	}
	for range 2 {
		bare := stripArabicPrefix(w)
		if bare == w {
			break
		}
		forms = append(forms, bare)
		w = bare
	}
	return forms
}

// possessiveSuffixes are the attached pronouns after which a taa marbuta is written ت, longest first.
// The third person masculine ه is left out: folded, it cannot be told from a taa marbuta (ثابته).
var possessiveSuffixes = [...]string{"كما", "ها", "نا", "كم", "هم", "كن", "هن", "ي", "ك"}

// RestoreTaaMarbuta gives a folded Arabic noun its taa marbuta back when a possessive suffix turned it
// into ت: جلستي (my session) and جلستها (her session) become جلسه, as جلسة folds. It needs three
// letters before the ت, so بيتي (my house) and وقتي (my time) keep theirs, and leaves the feminine
// plural (عضلاتي, my muscles) alone.
func RestoreTaaMarbuta(w string) string {
	if noun, ok := taaMarbutaBefore(w, possessiveSuffixes[:]); ok {
		return noun
	}
	return w
}

// taaMarbutaBefore reads a folded word ending in ت and one of suffixes as a noun whose taa marbuta the
// suffix turned into ت, and gives the noun; ok is false when no suffix ends the word, and when the stem
// before the ت is under three letters or ends in ا (وقتي, عضلاتي): the ت is then the word's own.
func taaMarbutaBefore(w string, suffixes []string) (noun string, ok bool) {
	for _, suffix := range suffixes {
		stem, found := strings.CutSuffix(w, "ت"+suffix)
		if !found {
			continue
		}
		if utf8.RuneCountInString(stem) < 3 || strings.HasSuffix(stem, "ا") {
			return "", false
		}
		return stem + "ه", true
	}
	return "", false
}

// TaaMarbutaOf is a folded Arabic word ending in ته or تو read as a noun with the third person's pronoun
// after its taa marbuta (فايدته, its benefit, is فايده; ريحتو, its smell, is ريحه), or "" for another
// word. RestoreTaaMarbuta leaves these alone, since a feminine adjective folds the same (ثابته); a caller
// tries this reading only where the word's own found nothing.
func TaaMarbutaOf(w string) string {
	noun, _ := taaMarbutaBefore(w, thirdPersonSuffixes[:])
	return noun
}

// thirdPersonSuffixes are the third person's pronouns, ه and the dialects' و, which RestoreTaaMarbuta
// leaves alone.
var thirdPersonSuffixes = [...]string{"ه", "و"}

// StripArabicArticle removes the article and what carries it (al-, wa-l-, bi-l-, li-l-...) from a folded
// Arabic word, and no lone one-letter prefix, which is as often the word's own first letter: a phrase a
// person wrote, as a rule's, keeps "لخبطه" (confusion) whole, where one letter off reads "خبطه" (a bump).
func StripArabicArticle(w string) string {
	for _, p := range articles {
		if rest, ok := cutArticle(w, p); ok {
			return rest
		}
	}
	return w
}

// StripDefiniteArticle removes the article alone ("ال") from a folded Arabic word, not what carries it:
// "للدكتور" (to the doctor) keeps its preposition, which can change what a phrase asks ("احكي للدكتور",
// tell the doctor).
func StripDefiniteArticle(w string) string {
	if rest, ok := cutArticle(w, "ال"); ok {
		return rest
	}
	return w
}

// cutArticle removes the article p from w when a word of three letters or more is left.
func cutArticle(w, p string) (string, bool) {
	rest, ok := strings.CutPrefix(w, p)
	return rest, ok && utf8.RuneCountInString(rest) >= 3
}

// articles are the article and the one-letter words that carry it joined, longest first.
var articles = [...]string{"وال", "بال", "فال", "كال", "لل", "ال"}

// stripArabicPrefix removes the article (StripArabicArticle), or else one of the one-letter conjunctions
// and prepositions written joined to the word.
func stripArabicPrefix(w string) string {
	if rest := StripArabicArticle(w); rest != w {
		return rest
	}
	for _, p := range [...]string{"و", "ف", "ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 && (p != "ك" || maghrebiPresent(rest)) {
			return rest
		}
	}
	return w
}

// maghrebiPresent reports whether what follows a joined ka- begins as a verb in the present tense does
// (Maghrebi "كنقدر", "كيديرو", "كاتحس"): that ka- is a prefix. Before anything else a ka- is more often
// the word's own first letter than "like", and taking it off reads common words as others (كبيرة, big,
// as بيرة, beer; كمية, an amount, as مية, water).
func maghrebiPresent(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune("ينتا", r)
}

// Squeeze shortens every run of three or more of one letter to that letter: patients stretch words
// ("hiii", "sooo painful", "تمااام", "مرحبااا"), and no word of English or Arabic holds a letter three
// times in a row. Doubled letters are kept ("good", "shukkran"); a doubled symbol is one ("👍👍", "🙏🙏"):
// repeating an emoji stresses it.
func Squeeze(s string) string {
	if !stretched(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		n := j - i
		if stretch(rs[i], n) {
			n = 1
		}
		for range n {
			b.WriteRune(rs[i])
		}
		i = j
	}
	return b.String()
}

// stretch reports whether a run of n of r stretches one: three or more of a letter, two or more of a
// symbol.
func stretch(r rune, n int) bool {
	return n >= 3 && unicode.IsLetter(r) || n >= 2 && unicode.Is(unicode.So, r)
}

// stretched reports whether s holds a run that Squeeze shortens.
func stretched(s string) bool {
	var prev rune
	run := 0
	for _, r := range s {
		if r == prev {
			run++
		} else {
			prev, run = r, 1
		}
		if stretch(r, run) {
			return true
		}
	}
	return false
}
