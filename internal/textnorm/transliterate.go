package textnorm

import (
	"cmp"
	"strings"

	"github.com/faqbot/faqbot/knowledge"
)

// Transliterator writes Arabizi in Arabic script with the words of a vocabulary: each Latin word is read
// as its consonant skeletons (ArabiziSkeletons) and replaced by the most frequent vocabulary word, or
// word form, with the same skeleton. It learns from the knowledge it serves, so a clinic's own sheet
// gets its own table; a word with no match (an English word in a mixed message) is kept as written.
// It is read-only once built and safe for concurrent use.
type Transliterator struct {
	bySkeleton map[string]candidate
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
	t := &Transliterator{bySkeleton: map[string]candidate{}}
	for w, n := range counts {
		sk := ArabicSkeleton(w)
		if len(sk) < minSkeleton && !shortWords[w] {
			continue
		}
		cur, ok := t.bySkeleton[sk]
		if !ok || n > cur.count || (n == cur.count && cmp.Less(w, cur.word)) {
			t.bySkeleton[sk] = candidate{word: w, count: n}
		}
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

func (t *Transliterator) word(w string) (string, bool) {
	best := candidate{}
	for _, sk := range ArabiziSkeletons(w) {
		// A final t may be a taa marbuta read in a construct ("modet el jalsa", مدة الجلسة).
		for _, s := range []string{sk, strings.TrimSuffix(sk, "t")} {
			if c, ok := t.bySkeleton[s]; ok && c.count > best.count {
				best = c
			}
		}
	}
	return best.word, best.word != ""
}

// arabiziArticles are the article, the conjunction and the article joined to a preposition when Arabizi
// writes them apart ("el", "w", "bel", "fel"): search reads none of them.
var arabiziArticles = map[string]bool{"el": true, "il": true, "al": true, "l": true, "w": true, "wa": true,
	"bel": true, "bil": true, "fel": true, "fil": true, "lel": true, "lil": true, "wel": true, "3al": true}
