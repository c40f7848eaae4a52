package textnorm

import (
	"cmp"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/knowledge"
)

// Transliterator writes Arabizi in Arabic script with the words of a vocabulary: each Latin word is read
// as its consonant skeletons (ArabiziSkeletons) and replaced by the most frequent vocabulary word, or
// word form, with the same skeleton. It learns from the knowledge it serves, so a clinic's own sheet
// gets its own table; a word with no match (an English word in a mixed message) is kept as written.
// It is read-only once built and safe for concurrent use.
type Transliterator struct {
	bySkeleton map[string][]candidate // most frequent first
}

type candidate struct {
	word  string
	count int
	units []arabicUnit // the word's letters as Aligns reads them
}

// minSkeleton is the fewest consonants a skeleton needs to stand for a word on its own: one consonant
// ("f", "m") could be any of many short words.
const minSkeleton = 2

// NewTransliterator learns from Arabic text: the stem (ArabicStem) of every word, counted, as search
// reads it ("الجلسة" is جلسه).
func NewTransliterator(texts []string) *Transliterator {
	counts := map[string]int{}
	for _, text := range texts {
		for _, w := range Words(Normalize(text)) {
			if Detect(w) == knowledge.Arabic {
				counts[ArabicStem(w)]++
			}
		}
	}
	t := &Transliterator{bySkeleton: map[string][]candidate{}}
	for w, n := range counts {
		sk := ArabicSkeleton(w)
		if len(sk) < minSkeleton && !shortWords[w] {
			continue
		}
		t.bySkeleton[sk] = append(t.bySkeleton[sk], candidate{word: w, count: n, units: arabicUnits(w)})
	}
	for _, cs := range t.bySkeleton {
		slices.SortFunc(cs, func(a, b candidate) int {
			return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.word, b.word))
		})
	}
	return t
}

// shortWords are Arabic words of fewer than minSkeleton consonants that are worth reading from
// Arabizi: question words and prepositions.
var shortWords = map[string]bool{"في": true, "كم": true, "هل": true, "من": true, "ما": true, "لو": true, "او": true, "عن": true}

// Arabic writes words that read as Arabizi in Arabic script with the vocabulary's words; a word it does
// not find (an English or French one) is kept as written. Arabizi articles and the conjunction written
// apart ("el", "w") are dropped; words keep says are another language's ("stem", "cells") are kept (a nil
// keep keeps none), and French function words (frenchWords). It reports how many words it found in the
// vocabulary.
func (t *Transliterator) Arabic(words []string, keep func(string) bool) (text string, found int) {
	read := t.readWords(words, keep)
	for _, r := range read {
		if r.found {
			found++
		}
	}
	return joinRead(read, func(string) bool { return true }), found
}

// readWord is one word as Arabic reads it: its text, and whether it was found in the vocabulary or
// left unread (kept as written for want of finding it).
type readWord struct {
	text          string
	found, unread bool
}

// readWords reads each word once, leaving out the articles.
func (t *Transliterator) readWords(words []string, keep func(string) bool) []readWord {
	out := make([]readWord, 0, len(words))
	for _, w := range words {
		if arabiziArticles[w] {
			continue
		}
		r := readWord{text: w}
		if !(keep != nil && keep(w)) && !frenchWords[w] {
			if a, ok := t.word(w); ok {
				r = readWord{text: a, found: true}
			} else {
				r.unread = true
			}
		}
		out = append(out, r)
	}
	return out
}

// joinRead writes words read, keeping an unread word only where keepUnread says so.
func joinRead(read []readWord, keepUnread func(string) bool) string {
	out := make([]string, 0, len(read))
	for _, r := range read {
		if !r.unread || keepUnread(r.text) {
			out = append(out, r.text)
		}
	}
	return strings.Join(out, " ")
}

// word reads one Arabizi word: as written, else without a joined prefix (the article, a preposition,
// the conjunction, a tense marker: "el7o2na", "bywga3", "kanhess"), else without a pronoun ending
// ("rekbti"), else without both. The whole word wins when it is found, so a root letter is taken off
// only where it is not in the vocabulary; of the forms with something taken off, the one found with the
// most consonants wins: "bilbas" is bi + lbas, البس (I wear), not bil + bas, بس (only).
func (t *Transliterator) word(w string) (string, bool) {
	forms := arabiziForms(w)
	if c, ok := t.lookup(forms[0]); ok {
		return c.word, true
	}
	best, most := "", 0
	for _, form := range forms[1:] {
		if c, ok := t.lookup(form); ok {
			if n := len(ArabicSkeleton(c.word)); n > most {
				best, most = c.word, n
			}
		}
	}
	return best, best != ""
}

// lookup finds the vocabulary's likeliest word that one of a form's skeletons stands for and whose
// letters line up with it (Aligns). A final t may be a taa marbuta read in a construct ("modet el
// jalsa", مدة الجلسة): the form without it may stand for a word that ends in one.
func (t *Transliterator) lookup(f arabiziForm) (candidate, bool) {
	best := candidate{}
	rest, cut := strings.CutSuffix(f.word, "t") // the form without a final t
	var whole, marbuta []arabiziToken           // read only once a skeleton has candidates
	consider := func(sk, word string, tokens *[]arabiziToken, taaMarbuta bool) {
		cands := t.bySkeleton[sk]
		if len(sk) < f.min || len(cands) == 0 {
			return
		}
		if *tokens == nil {
			*tokens = arabiziTokens(word)
		}
		for _, c := range cands {
			if c.count > best.count && (!taaMarbuta || strings.HasSuffix(c.word, "ه")) && aligns(*tokens, c.units, f.prefixes > 0) {
				best = c
			}
		}
	}
	for _, sk := range ArabiziSkeletons(f.word) {
		consider(sk, f.word, &whole, false)
		if cut {
			consider(strings.TrimSuffix(sk, "t"), rest, &marbuta, true)
		}
	}
	return best, best.word != ""
}

// arabiziProclitics are what Arabizi joins to the front of a word, longest first: the article and the
// prepositions that carry it, the conjunction, the dialects' tense markers (b-, ka-, ha-, 7a-) and the
// present tense's person prefixes (n-, t-: "ne9der", "tdir"). Only what ends in the article may leave a
// word that opens with a vowel ("lakher", l + akher; "kifach" is not k + ifach).
var arabiziProclitics = []string{"wbel", "wel", "bel", "bil", "fel", "fil", "lel", "lil", "3al", "el", "il", "al",
	"bi", "be", "ka", "ha", "7a", "wa", "fi", "fe", "ne", "ni", "te", "ti", "l", "b", "k", "w", "f", "n", "t"}

// cutProclitic takes proclitic p off w, leaving at least three letters, and never the first letter of a
// digraph ("khelsou" is not k + helsou).
func cutProclitic(w, p string) (string, bool) {
	rest, ok := strings.CutPrefix(w, p)
	if !ok || len(rest) < 3 || strings.IndexByte("aeiou", rest[0]) >= 0 && !strings.HasSuffix(p, "l") {
		return "", false
	}
	if _, split := digraph(p[len(p)-1:] + rest); split {
		return "", false
	}
	return rest, true
}

// arabiziEnclitics are the pronoun endings Arabizi joins to a word that change its skeleton, longest
// first (a vowel ending, "-i", "-o", leaves it as it is).
var arabiziEnclitics = []string{"hom", "hum", "kom", "kum", "kon", "hon", "ni", "na", "ha", "ak", "ek", "ik", "ki", "k"}

// ArabiziWordForms lists every form a lower-case Arabizi word may be compared under: itself, without one
// or two joined prefixes, without a pronoun ending, without both (see arabiziForms); the Arabizi
// counterpart of ArabicWordForms.
// Each form says how many joined prefixes it lost: one left by two ("lbechra", the skin, as "chra") is
// short enough to be another word's.
func ArabiziWordForms(w string) []ArabiziForm {
	forms := arabiziForms(w)
	out := make([]ArabiziForm, len(forms))
	for i, f := range forms {
		out[i] = ArabiziForm{Word: f.word, Prefixes: f.prefixes}
	}
	return out
}

// ArabiziForm is one form of an Arabizi word, and how many joined prefixes it lost.
type ArabiziForm struct {
	Word     string
	Prefixes int
}

type arabiziForm struct {
	word     string
	min      int // the fewest consonants its skeleton needs
	prefixes int // how many joined prefixes were taken off
}

// arabiziForms are the forms word is looked up as, in order: itself, without one or two prefixes,
// without an ending, without both. A form with something taken off keeps three letters; the letters
// that remain must still line up with the word found (Aligns).
func arabiziForms(w string) []arabiziForm {
	forms := []arabiziForm{{w, minSkeleton, 0}}
	if rest, ok := withoutIraqiProgressive(w); ok {
		forms = append(forms, arabiziForm{rest, minSkeleton, 1})
	}
	for _, p := range arabiziProclitics {
		if rest, ok := cutProclitic(w, p); ok {
			forms = append(forms, arabiziForm{rest, minSkeleton, 1})
			for _, p2 := range arabiziProclitics {
				if rest2, ok := cutProclitic(rest, p2); ok {
					forms = append(forms, arabiziForm{rest2, minSkeleton, 2})
				}
			}
		}
	}
	for _, f := range forms { // the forms so far: range reads the slice once, so not those appended
		for _, e := range arabiziEnclitics {
			if rest, ok := strings.CutSuffix(f.word, e); ok && len(rest) >= 3 {
				forms = append(forms, arabiziForm{rest, minSkeleton, f.prefixes})
			}
		}
	}
	return forms
}

// withoutIraqiProgressive takes off the Iraqi progressive particle دا where Arabizi joins it to a verb in
// the present ("dayenzif", it is bleeding; "ma dayogaf", it does not stop): only before a person's prefix
// (y-, t-, n-) and with four letters or more left, so that "dawa" (medicine) and "daraje" (degree) stay
// whole.
func withoutIraqiProgressive(w string) (string, bool) {
	rest, ok := strings.CutPrefix(w, "da")
	if !ok || len(rest) < 4 || strings.IndexByte("ytn", rest[0]) < 0 {
		return "", false
	}
	return rest, true
}

// frenchWords are the French function words Maghrebi Arabizi mixes in ("les cellules", "de la
// séance"): kept as written, never read as Arabic words that share their consonants (les is not لسه).
var frenchWords = map[string]bool{"les": true, "des": true, "de": true, "du": true, "le": true, "un": true,
	"une": true, "et": true, "est": true, "pour": true, "avec": true, "dans": true, "sur": true, "au": true,
	"aux": true, "je": true, "pas": true, "mais": true, "tres": true, "mon": true, "mes": true, "votre": true,
	"vos": true, "ses": true, "cette": true, "qui": true, "que": true, "quoi": true, "comment": true, "quand": true}

// arabiziArticles are the article, the conjunction and the article joined to a preposition when Arabizi
// writes them apart ("el", "w", "bel", "fel"): search reads none of them.
var arabiziArticles = map[string]bool{"el": true, "il": true, "al": true, "l": true, "w": true, "wa": true,
	"bel": true, "bil": true, "fel": true, "fil": true, "lel": true, "lil": true, "wel": true, "3al": true,
	"3am": true, "3m": true} // and the Levantine progressive particle, عم
