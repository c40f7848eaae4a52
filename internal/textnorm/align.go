package textnorm

import "strings"

// Skeletons let different words meet (kol, all, and akl, eating, both read "kl"). Arabic writes its long
// vowels, and Arabizi writes them too, so an Arabizi word reads as an Arabic word only when their
// letters line up: consonant with consonant, each long vowel of the Arabic (ا و ي) with a vowel of its
// kind in the Arabizi, the Arabizi's other vowels short ones that Arabic does not write. A long vowel may
// go unwritten only between two written consonants ("s3a", ساعة), and a word's opening alif only where
// a prefix was taken off ("nchrb", نشرب for اشرب).

// arabicUnit is one letter of an Arabic word as Aligns reads it.
type arabicUnit struct {
	kind byte   // 'c' consonant, 'A' alif, 'W' waw, 'Y' yaa, 'H' hamza, 'T' a final haa or taa marbuta
	c    string // a consonant's skeleton letter
}

func arabicUnits(w string) []arabicUnit {
	rs := []rune(w)
	units := make([]arabicUnit, 0, len(rs))
	for i, r := range rs {
		switch {
		case r == 'ه' && i == len(rs)-1:
			units = append(units, arabicUnit{kind: 'T'})
		case r == 'ا' || r == 'آ' || r == 'أ' || r == 'إ' || r == 'ى':
			units = append(units, arabicUnit{kind: 'A'})
		case r == 'و' || r == 'ؤ':
			units = append(units, arabicUnit{kind: 'W'})
		case r == 'ي' || r == 'ئ':
			units = append(units, arabicUnit{kind: 'Y'})
		case r == 'ء':
			units = append(units, arabicUnit{kind: 'H'})
		case arabicSkeleton[r] != "":
			units = append(units, arabicUnit{kind: 'c', c: arabicSkeleton[r]})
		}
	}
	return units
}

// arabiziToken is one sound of an Arabizi word: a vowel (a, e, i, o, u), or a consonant with its
// possible skeleton letters ("" for a hamza).
type arabiziToken struct {
	vowel    byte
	readings []string
}

// readingsOf are the skeleton letters arabiziLetters' result s may stand for: both readings of an
// ambiguous letter (ambiguous), else s itself.
func readingsOf(s string) []string {
	for _, a := range ambiguous {
		if a.mark == s {
			return a.readings[:]
		}
	}
	return []string{s}
}

func arabiziTokens(w string) []arabiziToken {
	w = collapse(w)
	var toks []arabiziToken
	for i := 0; i < len(w); {
		if d, ok := digraph(w[i:]); ok {
			if d.to == "" {
				toks = append(toks, arabiziToken{vowel: 'u'})
			} else {
				toks = append(toks, arabiziToken{readings: readingsOf(d.to)})
			}
			i += len(d.from)
			continue
		}
		c := w[i]
		i++
		switch {
		case strings.IndexByte("aeiou", c) >= 0:
			toks = append(toks, arabiziToken{vowel: c})
		case c == 'w' || c == 'y':
			toks = append(toks, arabiziToken{vowel: c})
		default:
			if s := arabiziLetters[rune(c)]; s != "" {
				toks = append(toks, arabiziToken{readings: readingsOf(s)})
			}
		}
	}
	return toks
}

func digraph(s string) (struct{ from, to string }, bool) {
	for _, d := range arabiziDigraphs {
		if strings.HasPrefix(s, d.from) {
			return d, true
		}
	}
	return struct{ from, to string }{}, false
}

// vowelFits reports whether an Arabizi vowel (or w, y) writes an Arabic long vowel of kind k.
func vowelFits(k, v byte) bool {
	switch k {
	case 'A':
		return v == 'a' || v == 'e'
	case 'W':
		return v == 'o' || v == 'u' || v == 'w'
	case 'Y':
		return v == 'i' || v == 'e' || v == 'y'
	}
	return false
}

// Aligns reports whether the lower-case Arabizi word az can be a writing of the folded Arabic word ar
// (see the comment above); stripped says a prefix was taken off az, so ar's opening alif may be
// unwritten.
func Aligns(az, ar string, stripped bool) bool {
	return aligns(arabiziTokens(az), arabicUnits(ar), stripped)
}

// aligns is Aligns on the words' letters as it reads them.
func aligns(z []arabiziToken, a []arabicUnit, stripped bool) bool {
	seen := make([]bool, (len(a)+1)*(len(z)+1)) // a failed (i, j) fails again
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(a) && j == len(z) {
			return true
		}
		key := i*(len(z)+1) + j
		if seen[key] {
			return false
		}
		seen[key] = true
		if j < len(z) && strings.IndexByte("aeiou", z[j].vowel) >= 0 && z[j].vowel != 0 && match(i, j+1) {
			return true // a short vowel Arabic does not write
		}
		if j == len(z)-1 && i == len(a) && z[j].readings != nil && z[j].readings[0] == "h" {
			return true // a final h that writes a vowel ("jalsah")
		}
		if i == len(a) {
			return false
		}
		u := a[i]
		switch u.kind {
		case 'c':
			return j < len(z) && z[j].vowel == 0 && reads(z[j], u.c) && match(i+1, j+1)
		case 'T', 'H':
			if match(i+1, j) {
				return true // unwritten
			}
			if j < len(z) && (u.kind == 'T' && z[j].vowel != 0 || u.kind == 'H' && z[j].vowel == 0 && reads(z[j], "")) {
				return match(i+1, j+1)
			}
			return false
		}
		// A long vowel: written with a vowel of its kind (at the start, alif with any vowel: ibra, ابرة),
		// or a hamza's 2, or unwritten between consonants.
		if j < len(z) && z[j].vowel != 0 && (vowelFits(u.kind, z[j].vowel) || i == 0 && u.kind == 'A' && z[j].vowel != 'w' && z[j].vowel != 'y') && match(i+1, j+1) {
			return true
		}
		if u.kind == 'A' && j < len(z) && z[j].vowel == 0 && reads(z[j], "") && match(i+1, j+1) {
			return true
		}
		between := j > 0 && j < len(z) && z[j-1].vowel == 0 && z[j].vowel == 0
		opening := i == 0 && j == 0 && stripped && u.kind == 'A'
		return (between || opening) && match(i+1, j)
	}
	return match(0, 0)
}

// reads reports whether an Arabizi consonant may stand for skeleton letter c ("" a hamza).
func reads(t arabiziToken, c string) bool {
	for _, r := range t.readings {
		if r == c {
			return true
		}
	}
	return false
}
