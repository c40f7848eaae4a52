package textnorm

import (
	"strings"
	"unicode/utf8"
)

// Word forms: how a word is compared with the words of rules, lexicons and the index, in one place for
// triage and search.

// WithoutElision drops the elided French article or pronoun a Latin word opens with ("l'douleur",
// "d'la", "j'ai", "qu'il"), as Maghrebi patients mix French in: the word itself, when at least three
// letters are left.
func WithoutElision(w string) (string, bool) {
	for _, p := range []string{"l'", "d'", "j'", "qu'"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest, true
		}
	}
	return "", false
}

// EnglishSingular drops an English plural s ("fevers" is fever), but not from "ss" words (illness) or
// words of three letters or fewer (gas, yes).
func EnglishSingular(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// ArabicStem is the one form a folded Arabic word is searched under: no joined prefix, and a noun's taa
// marbuta restored before a possessive suffix ("بالخلايا" is خلايا, "جلستي" is جلسه).
func ArabicStem(w string) string {
	return RestoreTaaMarbuta(StripArabicClitics(w))
}

// WithoutConjunction is a folded Arabic word without the conjunction و joined to it ("وما", and not, is
// ما), or the word as it is.
func WithoutConjunction(w string) string {
	if rest, ok := strings.CutPrefix(w, "و"); ok && rest != "" {
		return rest
	}
	return w
}

// arabicSuffixes are the pronoun and plural endings ArabicWordForms takes off, one at a time.
var arabicSuffixes = [...]string{"ي", "ه", "ها", "ك", "نا", "هم", "ني", "وا", "ين", "ون", "ات", "ا"}

// ArabicWordForms lists every form a folded Arabic word may be compared under: itself, without the
// conjunction و, without each joined prefix in turn, and each of those without one ending. A form keeps
// at least two letters, three when a prefix was taken off (كدمة, a bruise, is not ك + دم, blood), and an
// -iyya word keeps its ه (حمية, diet, is not حمى, fever).
func ArabicWordForms(w string) []string {
	forms := []string{w}
	if rest := WithoutConjunction(w); rest != w {
		forms = append(forms, rest) // "وما" (and not): the conjunction on a two-letter word
	}
	for _, base := range ArabicPrefixForms(w) {
		if base != w {
			forms = append(forms, base)
		}
		for _, suf := range arabicSuffixes {
			if suf == "ه" && strings.HasSuffix(base, "يه") {
				continue
			}
			minimum := 2
			if base != w {
				minimum = 3
			}
			if rest, ok := strings.CutSuffix(base, suf); ok && len([]rune(rest)) >= minimum {
				forms = append(forms, rest)
			}
		}
	}
	return forms
}

// WithoutFuture is an Arabic verb without the future particle of Egypt and the Levant, ha- (ه or ح),
// written joined to it ("هتوجع", will it hurt; "حيعملوا", they will do), or "" when it has none: only
// before a present tense's first letter, with three letters left. Many words only begin so (هناك, there
// is; حيوان, an animal), so a reader takes it off a word it does not know, never off one it knows.
func WithoutFuture(w string) string {
	return withoutParticle(w, "هح", "ينتا")
}

// possessives are the pronoun endings a noun takes ("فوايده", its benefits), longest first; not نا, which
// is as often an adverb's ending ("تحسناً", an improvement).
var possessives = [...]string{"هم", "هن", "ها", "كم", "ه", "ك"}

// WithoutPossessive is an Arabic noun without a pronoun ending ("فوايده", its benefits, is فوايد), or ""
// when it has none, with three letters left. Many words only end so (وجه, a face; ملك, a king), so a
// reader takes it off a word it does not know, never off one it knows.
func WithoutPossessive(w string) string {
	for _, suf := range possessives {
		if rest, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return ""
}

// WithoutProgressive is an Arabic verb without the Iraqi progressive particle دا written joined to it
// ("ديكبر", is growing; "دتوجعني", is hurting me), or "" when it has none: a da- before anything but a
// present tense's first letter is the word's own (دواء, دوخة, داخل). Triage reads it, as it drops the
// particle written apart; the search does not, where the few verbs it would read are outweighed by the
// nouns it would misread.
func WithoutProgressive(w string) string {
	return withoutParticle(w, "د", "ينت")
}

// withoutParticle is w without a one-letter verb particle of particles joined to it, or "" when it has
// none: what follows must begin with a letter of present (a present tense's person prefixes) and keep
// three letters.
func withoutParticle(w, particles, present string) string {
	first, size := utf8.DecodeRuneInString(w)
	rest := w[size:]
	if !strings.ContainsRune(particles, first) || utf8.RuneCountInString(rest) < 3 {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(rest); !strings.ContainsRune(present, r) {
		return ""
	}
	return rest
}

// MasculineImperfect is an Arabic present-tense verb of the feminine third person (or the second) read as
// its masculine form, or "" for a word that does not begin as one: a sign told of a feminine noun takes
// the verb's ت- ("الحمرة تتوسع", the redness is spreading), where the rules list the ي- form ("يتوسع").
// Triage reads it; a noun of four letters or more that begins with ت (تعب, تورم) gains a form no rule
// holds.
func MasculineImperfect(w string) string {
	rest, ok := strings.CutPrefix(w, "ت")
	if !ok || utf8.RuneCountInString(rest) < 3 {
		return ""
	}
	return "ي" + rest
}

// ClipBytes cuts s to at most n bytes at a rune boundary, reporting whether it cut anything.
func ClipBytes(s string, n int) (string, bool) {
	if len(s) <= n {
		return s, false
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n], true
}
