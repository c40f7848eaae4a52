package index

import (
	"sort"
	"strings"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// synonyms rewrites the lay words of a question into the words the knowledge uses, phrase by phrase.
type synonyms struct {
	lang  string
	rules map[string][]synonymRule // first word of the variant -> rules, longest first
	gaps  map[string]bool          // function words a phrase may have between its words ("put me under")
}

type synonymRule struct {
	variant   []string
	canonical []string // the canonical phrase, as normalised words
}

func newSynonyms(lang string, lex *knowledge.Lexicon) *synonyms {
	s := &synonyms{lang: lang, rules: map[string][]synonymRule{}, gaps: map[string]bool{}}
	for _, w := range baseStopwords(lang) {
		s.gaps[textnorm.FoldArabic(w)] = true
	}
	if lex == nil {
		return s
	}
	for canon, variants := range lex.Synonyms {
		cwords := textnorm.Words(textnorm.Normalize(canon))
		if len(cwords) == 0 {
			continue
		}
		for _, v := range variants {
			words := textnorm.Words(textnorm.Normalize(v))
			if len(words) == 0 {
				continue
			}
			first := s.stem(words[0])
			s.rules[first] = append(s.rules[first], synonymRule{variant: words, canonical: cwords})
		}
	}
	for _, rs := range s.rules {
		sort.SliceStable(rs, func(i, j int) bool {
			if len(rs[i].variant) != len(rs[j].variant) {
				return len(rs[i].variant) > len(rs[j].variant)
			}
			return strings.Join(rs[i].canonical, " ") < strings.Join(rs[j].canonical, " ")
		})
	}
	return s
}

// rewrite returns the words with every variant phrase replaced by its canonical words, and for each
// canonical word the phrase it replaced.
func (s *synonyms) rewrite(words []string) ([]string, map[string]string) {
	out := make([]string, 0, len(words))
	var from map[string]string
	for i := 0; i < len(words); {
		r, n := s.match(words[i:])
		if n == 0 {
			out = append(out, words[i])
			i++
			continue
		}
		if from == nil {
			from = map[string]string{}
		}
		for _, c := range r.canonical {
			from[c] = strings.Join(words[i:i+n], " ")
		}
		out = append(out, r.canonical...)
		i += n
	}
	return out, from
}

// match finds the longest variant phrase at the start of words and returns it with the number of words
// it spans. One function word may stand between two words of a phrase.
func (s *synonyms) match(words []string) (synonymRule, int) {
	for _, r := range s.rules[s.stem(words[0])] {
		if n := s.span(r.variant, words); n > 0 {
			return r, n
		}
	}
	if s.lang != knowledge.Arabic {
		return synonymRule{}, 0
	}
	// "فايدته" (its benefit) is فايدة with his ه, which stem leaves on, as it cannot tell it from a taa
	// marbuta; a lexicon phrase of one word is tried with it taken off
	noun := textnorm.TaaMarbutaOf(words[0])
	if noun == "" {
		return synonymRule{}, 0
	}
	for _, r := range s.rules[s.stem(noun)] {
		if len(r.variant) == 1 && s.same(noun, r.variant[0]) {
			return r, 1
		}
	}
	return synonymRule{}, 0
}

func (s *synonyms) span(variant, words []string) int {
	i := 0
	for k, w := range variant {
		if i < len(words) && k > 0 && !s.same(words[i], w) && s.gaps[words[i]] {
			i++
		}
		if i >= len(words) || !s.same(words[i], w) {
			return 0
		}
		i++
	}
	return i
}

// same compares a question word with a variant word, tolerating an English plural or Arabic clitics.
func (s *synonyms) same(word, variant string) bool {
	return word == variant || s.stem(word) == s.stem(variant)
}

// stem is a light, lossy key for comparing words: no English plural s, no Arabic prefixes such as
// al-, wa-, bi-, no possessive suffix after a taa marbuta. It is only used to find lexicon phrases, not
// for search.
func (s *synonyms) stem(w string) string {
	if s.lang == knowledge.Arabic {
		return textnorm.ArabicStem(w)
	}
	return textnorm.EnglishSingular(w)
}
