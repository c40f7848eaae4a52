package textclass

import (
	"unicode"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// Feature kinds, the first byte of every feature's name.
const (
	kindWord     = 'w' // a word as written (normalised)
	kindForm     = 'f' // its singular or Arabic stem, when it differs
	kindSkeleton = 'k' // its consonant skeleton, shared by Arabic script and Arabizi
	kindGram     = 'c' // a character n-gram of the word with its edges marked "<word>"
	kindPair     = 'b' // two words in a row
	// negatedKind marks the features of a word a negator governs: 'w' becomes 'W', and so on, so
	// "no fever" and "fever" are different evidence.
	negatedKind = 'a' - 'A'
	// negationScope is how many words after a negator it governs.
	negationScope = 3
)

// Character n-grams are read at these lengths, in runes, from each word marked "<word>".
const (
	minGram = 3
	maxGram = 5
	// maxGramRunes bounds the runes of a word read for n-grams.
	maxGramRunes = 40
	// maxSkeletons bounds the readings of one ambiguous Arabizi word.
	maxSkeletons = 4
)

// extractor turns a message into hashed features. It is not safe for concurrent use: each call of the
// model makes its own.
type extractor struct {
	negators map[string]bool
	negated  bool // the word being read is governed by a negator
	// names, when set, receives each feature's name with its hash (for Explain); reading without names
	// allocates nothing per feature.
	names func(h uint64, name string)
	emit  func(h uint64)
}

// each calls x.emit with the hash of every feature of norm, a text normalised by textnorm.Normalize.
// Repeated features are emitted again, so a word said twice counts twice.
func (x *extractor) each(norm string) {
	words := textnorm.Words(norm)
	arabizi := textnorm.LooksArabizi(words)
	prev, scope := "", 0
	for _, w := range words {
		if isNumber(w) {
			w = "#" // "39" is a temperature, an age or a day: the rules read numbers, the model their context
		}
		x.negated = scope > 0
		scope--
		if x.negators[w] {
			scope = negationScope
		}
		x.word(w, arabizi)
		if prev != "" {
			x.feature(kindPair, prev, " ", w)
		}
		prev = w
	}
}

func (x *extractor) word(w string, arabizi bool) {
	x.feature(kindWord, w, "", "")
	if w[0] < utf8.RuneSelf {
		if f := textnorm.EnglishSingular(w); f != w {
			x.feature(kindForm, f, "", "")
		}
		if arabizi {
			for i, k := range textnorm.ArabiziSkeletons(w) {
				if i == maxSkeletons {
					break
				}
				x.feature(kindSkeleton, k, "", "")
			}
		}
	} else {
		if f := textnorm.ArabicStem(w); f != w {
			x.feature(kindForm, f, "", "")
		}
		if k := textnorm.ArabicSkeleton(w); k != "" {
			x.feature(kindSkeleton, k, "", "")
		}
	}
	x.grams(w)
}

// grams emits the character n-grams of "<w>": the edge marks are hashed as if they were in the word.
func (x *extractor) grams(w string) {
	var starts [maxGramRunes + 1]int // byte offset of each rune of w, and the end
	n, end := 0, len(w)
	for i := range w {
		if n == maxGramRunes {
			end = i
			break
		}
		starts[n] = i
		n++
	}
	starts[n] = end
	// Positions run over "<", the runes of w, ">": position 0 is "<", n+1 is ">".
	for size := minGram; size <= maxGram; size++ {
		for p := 0; p+size <= n+2; p++ {
			lo, hi := p, p+size // positions [lo, hi)
			open, closing := lo == 0, hi == n+2
			from, to := max(lo-1, 0), min(hi-1, n) // runes of w covered
			s := w[starts[from]:starts[to]]
			x.gram(open, s, closing)
		}
	}
}

func (x *extractor) gram(open bool, s string, closing bool) {
	pre, post := "", ""
	if open {
		pre = "<"
	}
	if closing {
		post = ">"
	}
	x.feature(kindGram, pre, s, post)
}

// feature emits the feature kind+a+b+c.
func (x *extractor) feature(kind byte, a, b, c string) {
	if x.negated {
		kind -= negatedKind
	}
	h := fnvAdd(fnvAdd(fnvAdd(fnvByte(fnvOffset, kind), a), b), c)
	if x.names != nil {
		x.names(h, string(kind)+a+b+c)
		return
	}
	x.emit(h)
}

// 64-bit FNV-1a: fixed, so a saved model reads the features it was trained on.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

// isNumber reports whether w is all digits, in any script.
func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
