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
		t.bySkeleton[sk] = append(t.bySkeleton[sk], candidate{word: w, count: n})
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

// Arabic writes words that read as Arabizi in Arabic script, and reports how many of them it found in
// the vocabulary and how many it read. Arabizi articles and the conjunction written apart ("el", "w")
// are dropped; words keep says are another language's ("stem", "cells") are kept as written.
func (t *Transliterator) Arabic(words []string, keep func(string) bool) (text string, found, read int) {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if arabiziArticles[w] {
			continue
		}
		read++
		if keep != nil && keep(w) {
			out = append(out, w)
			continue
		}
		if a, ok := t.word(w); ok {
			out = append(out, a)
			found++
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " "), found, read
}

// word reads one Arabizi word: as written, else without a joined prefix (the article, a preposition,
// the conjunction, a tense marker: "el7o2na", "bywga3", "kanhess"), else without a pronoun ending
// ("rekbti"), else without both. The first form found wins, so a root letter is taken off only where
// the whole word is not in the vocabulary.
func (t *Transliterator) word(w string) (string, bool) {
	for _, form := range arabiziForms(w) {
		if c, ok := t.lookup(form); ok {
			return c.word, true
		}
	}
	return "", false
}

// lookup finds the vocabulary's likeliest word that one of a form's skeletons stands for and whose
// letters line up with it (Aligns).
func (t *Transliterator) lookup(f arabiziForm) (candidate, bool) {
	best := candidate{}
	for _, sk := range ArabiziSkeletons(f.word) {
		// A final t may be a taa marbuta read in a construct ("modet el jalsa", مدة الجلسة).
		for _, s := range []string{sk, strings.TrimSuffix(sk, "t")} {
			if len(s) < f.min {
				continue
			}
			for _, c := range t.bySkeleton[s] {
				if c.count > best.count && (Aligns(f.word, c.word, f.stripped) || Aligns(strings.TrimSuffix(f.word, "t"), c.word, f.stripped)) {
					best = c
				}
			}
		}
	}
	return best, best.word != ""
}

// arabiziProclitics are what Arabizi joins to the front of a word, longest first: the article and the
// prepositions that carry it, the conjunction, the dialects' tense markers (b-, ka-, ha-, 7a-) and the
// present tense's person prefixes (n-, t-: "ne9der", "tdir").
var arabiziProclitics = []string{"wbel", "wel", "bel", "bil", "fel", "fil", "lel", "lil", "3al", "el", "il", "al",
	"bi", "be", "ka", "ha", "7a", "wa", "fi", "fe", "ne", "ni", "te", "ti", "l", "b", "k", "w", "f", "m", "n", "t"}

// arabiziEnclitics are the pronoun endings Arabizi joins to a word that change its skeleton, longest
// first (a vowel ending, "-i", "-o", leaves it as it is).
var arabiziEnclitics = []string{"hom", "hum", "kom", "kum", "kon", "hon", "ni", "na", "ha", "ak", "ek", "ik", "ki", "k"}

type arabiziForm struct {
	word     string
	min      int  // the fewest consonants its skeleton needs
	stripped bool // a prefix was taken off
}

// arabiziForms are the forms word is looked up as, in order: itself, without one or two prefixes,
// without an ending, without both. A form with something taken off keeps three letters; the letters
// that remain must still line up with the word found (Aligns).
func arabiziForms(w string) []arabiziForm {
	forms := []arabiziForm{{w, minSkeleton, false}}
	var stems []string
	for _, p := range arabiziProclitics {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 3 {
			stems = append(stems, rest)
			for _, p2 := range arabiziProclitics {
				if rest2, ok := strings.CutPrefix(rest, p2); ok && len(rest2) >= 3 {
					stems = append(stems, rest2)
				}
			}
		}
	}
	for _, s := range stems {
		forms = append(forms, arabiziForm{s, minSkeleton, true})
	}
	for i, s := range append([]string{w}, stems...) {
		for _, e := range arabiziEnclitics {
			if rest, ok := strings.CutSuffix(s, e); ok && len(rest) >= 3 {
				forms = append(forms, arabiziForm{rest, minSkeleton, i > 0})
			}
		}
	}
	return forms
}

// arabiziArticles are the article, the conjunction and the article joined to a preposition when Arabizi
// writes them apart ("el", "w", "bel", "fel"): search reads none of them.
var arabiziArticles = map[string]bool{"el": true, "il": true, "al": true, "l": true, "w": true, "wa": true,
	"bel": true, "bil": true, "fel": true, "fil": true, "lel": true, "lil": true, "wel": true, "3al": true}
