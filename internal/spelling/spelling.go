// Package spelling reads an unknown word as the known word closest in spelling: the index corrects a
// question's unknown terms with it, the conversation acts their misspelt words.
package spelling

// Correction reads an unknown term as the known term of its language closest in spelling. Its
// cost is bounded by construction: it compares the term with the known terms of the same first letter
// and a close length only, each comparison stops as soon as it exceeds the distance allowed, and terms
// longer than maxCorrectable runes are never corrected. It allocates nothing.

import (
	"math/bits"
	"slices"
)

const (
	// maxCorrectable is the longest term, in runes, that spelling correction reads. The longest words of
	// the default knowledge have 18 letters in English (antiinflammatories, a lay spelling in the
	// lexicon; the longest term once analysed is straightforward, 15) and 12 in Arabic with their joined
	// prefixes (والاكسسوارات; terms of at most 10 letters once analysed); the long words of medicine stop
	// about there (immunosuppressants, 18; electroencephalogram, 20). A longer term is no misspelling of a
	// word a knowledge bank holds but a run of letters, and reading it would cost in proportion to its
	// length.
	maxCorrectable = 20
	// minCorrectable is the shortest term corrected: one letter changes too much of a shorter word
	// ("wife" is not "wine"). Terms of twoEdits runes or more may be two edits away, shorter ones one.
	minCorrectable = 5
	twoEdits       = 8
	maxEdits       = 2
)

// Speller holds a vocabulary's terms by first letter and length in runes, as correction looks them up.
type Speller struct {
	terms map[spellKey][]spellTerm
	swaps bool // a transposition ranks as one edit, as a substitution does (NewWords)
}

type spellKey struct {
	first rune
	runes int
}

type spellTerm struct {
	text    string
	runes   []rune
	letters uint64 // letterSet of runes
	count   int    // how often the vocabulary has it: the more, the likelier
	favored bool   // a tie in count goes to a favoured term
}

// New indexes the terms a correction may give: the terms of counts, each with how often the vocabulary
// has it (an index: the number of entries holding it), and favoured where favored counts it (an index:
// a way of asking holds it).
func New(counts, favored map[string]int) *Speller {
	s := &Speller{terms: map[spellKey][]spellTerm{}}
	for t, n := range counts {
		runes := []rune(t)
		if len(runes) < minCorrectable-1 || len(runes) > maxCorrectable+maxEdits {
			continue
		}
		k := spellKey{runes[0], len(runes)}
		s.terms[k] = append(s.terms[k], spellTerm{text: t, runes: runes, letters: letterSet(runes), count: n, favored: favored[t] > 0})
	}
	return s
}

// NewWords is New for whole words as typed, not stemmed terms: a transposition ranks as one edit
// ("needel" is "needle" as much as "needed"), since swapped letters are a typist's commonest slip and a
// word keeps the letters a stem cuts off.
func NewWords(counts, favored map[string]int) *Speller {
	s := New(counts, favored)
	s.swaps = true
	return s
}

// Correctable reports whether a term is long enough to be corrected and short enough to be a word.
func Correctable(term string) bool {
	n := 0
	for range term {
		if n++; n > maxCorrectable {
			return false
		}
	}
	return n >= minCorrectable
}

// Correct returns the known term closest in spelling to an unknown one, or "" when none is close. It
// looks as far as one edit for terms of five runes or more and two for eight or more, a transposition of
// two letters counting as one edit ("recieve"), among terms of the same first letter. The closest by
// Levenshtein distance wins, where a transposition counts as two, so that a term one substitution away
// beats one a transposition away; then the more frequent term, then a favoured one, then the first in
// byte order.
func (s *Speller) Correct(term string) string {
	var buf [maxCorrectable]rune
	q := buf[:0]
	for _, r := range term {
		if len(q) == maxCorrectable {
			return ""
		}
		q = append(q, r)
	}
	if len(q) < minCorrectable {
		return ""
	}
	edits := 1
	if len(q) >= twoEdits {
		edits = 2
	}
	var best *spellTerm
	bestDist := edits + 2
	letters := letterSet(q)
	for n := len(q) - edits; n <= len(q)+edits; n++ {
		cands := s.terms[spellKey{q[0], n}]
		for i := range cands {
			c := &cands[i]
			if !mayBeWithin(letters, c.letters, edits) || distance(q, c.runes, edits, true) > edits {
				continue
			}
			d := distance(q, c.runes, min(bestDist, edits+1), s.swaps)
			if d < bestDist || (best != nil && d == bestDist && c.outranks(best)) {
				best, bestDist = c, d
			}
		}
	}
	if best == nil {
		return ""
	}
	return best.text
}

// letterSet is the set of a word's letters, each as a bit (its code point modulo 64): the letters of
// one alphabet have bits of their own.
func letterSet(runes []rune) uint64 {
	var set uint64
	for _, r := range runes {
		set |= 1 << (uint32(r) % 64)
	}
	return set
}

// mayBeWithin reports whether two words of the given letter sets may be within edits of each other: an
// edit adds at most one letter to a word's set and removes at most one, and a transposition none, so
// words that each have more than edits letters the other lacks are further apart. Letters that share a
// bit only make words look closer. Most candidates are told apart this way, without a distance table.
func mayBeWithin(a, b uint64, edits int) bool {
	return bits.OnesCount64(a&^b) <= edits && bits.OnesCount64(b&^a) <= edits
}

// outranks breaks a tie in spelling distance between two candidate corrections.
func (c *spellTerm) outranks(o *spellTerm) bool {
	switch {
	case c.count != o.count:
		return c.count > o.count
	case c.favored != o.favored:
		return c.favored
	}
	return c.text < o.text
}

// distance is the edit distance between a and b by runes when it is at most limit, and limit+1
// otherwise: Levenshtein's, or with swaps the optimal string alignment distance, where transposing two
// adjacent letters is one edit. It only computes the band of the table within limit of its diagonal,
// and stops at the first row past the limit. b holds at most maxCorrectable+maxEdits runes; a longer
// one is out of reach.
func distance(a, b []rune, limit int, swaps bool) int {
	far := limit + 1
	if len(b) > maxCorrectable+maxEdits || len(a)-len(b) > limit || len(b)-len(a) > limit {
		return far
	}
	var rows [3][maxCorrectable + maxEdits + 1]int
	older, prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1], rows[2][:len(b)+1]
	for j := range prev {
		prev[j] = min(j, far)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[lo-1] = far
		if lo == 1 {
			cur[0] = min(i, far)
		}
		low := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, far)
			if swaps && i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, older[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if hi < len(b) {
			cur[hi+1] = far
		}
		if low >= far {
			return far
		}
		older, prev, cur = prev, cur, older
	}
	return prev[len(b)]
}

// Transposed returns the known term that a term one rune shorter than minCorrectable is with two
// adjacent letters swapped back ("waer" is "wear"), or "" when none is: a swap is a typist's commonest
// slip and, unlike a letter changed, keeps a short word's letters, so it seldom makes another word. Of
// two such terms the more frequent wins, as in Correct.
func (s *Speller) Transposed(term string) string {
	var buf [minCorrectable - 1]rune
	q := buf[:0]
	for _, r := range term {
		if len(q) == len(buf) {
			return ""
		}
		q = append(q, r)
	}
	if len(q) != len(buf) {
		return ""
	}
	var best *spellTerm
	for i := 0; i+1 < len(q); i++ {
		if q[i] == q[i+1] {
			continue
		}
		q[i], q[i+1] = q[i+1], q[i]
		cands := s.terms[spellKey{q[0], len(q)}]
		for j := range cands {
			if c := &cands[j]; slices.Equal(c.runes, q) && (best == nil || c.outranks(best)) {
				best = c
			}
		}
		q[i], q[i+1] = q[i+1], q[i]
	}
	if best == nil {
		return ""
	}
	return best.text
}

// Nearer reports whether a is nearer to w in spelling than b is, by the distance Correct ranks by with
// transpositions as one edit; terms further than two edits away are all as far.
func Nearer(w, a, b string) bool {
	rw := []rune(w)
	return distance(rw, []rune(a), maxEdits, true) < distance(rw, []rune(b), maxEdits, true)
}
