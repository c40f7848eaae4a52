package index

import (
	"fmt"
	"maps"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// Each language has its own fields, so each is analysed by its own analyzer: the question side (title,
// question, alternates, tags) and the answer text.
func questionField(lang string) string { return lang + "_q" }
func answerField(lang string) string   { return lang + "_a" }
func analyzerName(lang string) string  { return "faq_" + lang }

// Function words dropped from questions and entries. Deliberately short: words such as before, after,
// during, no and much tell questions apart here, so they stay.
func baseStopwords(lang string) []string {
	switch lang {
	case knowledge.Arabic:
		return []string{"من", "في", "فيه", "فيها", "منه", "منها", "و", "ف", "ثم", "او", "ب", "به", "بها",
			"الا", "لكن", "ما", "كما", "عن", "مع", "اذا", "ان", "انه", "انها", "التي", "الذي", "الذين", "الي",
			"علي", "عليه", "عليها", "اما", "ايضا", "كل", "هي", "هو", "انت", "انا", "انتم", "نحن", "لك", "له",
			"لها", "لي", "هذه", "هذا", "تلك", "ذلك", "هناك", "كانت", "كان", "يكون", "تكون", "قد", "هل", "يا",
			"شو", "ايش", "وش", "ايه", "اللي", "يعني", "طيب", "بس", "لو", "اي", "ازاي", "كيف", "ماذا", "لماذا",
			"يمكن", "ممكن", "اقدر", "استطيع", "يجب", "لازم", "دي", "ده", "دا", "دول", "هاد", "هادا", "هاي",
			"هيك", "كده", "كدا", "هيدا", "هيدي", "يلي", "ياللي", "عايز", "عايزه", "ابي", "ابغي", "بدي", "حابب",
			"اعرف", "ودي", "لو", "طب", "يا", "هلا", "عشان", "علشان", "لان", "حق", "تبع", "بتاع"}
	default:
		return []string{"a", "an", "the", "and", "or", "but", "if", "of", "at", "by", "for", "with", "to",
			"in", "on", "into", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does",
			"did", "doing", "have", "has", "had", "having", "i", "me", "my", "myself", "we", "our", "us", "you",
			"your", "he", "she", "him", "her", "it", "its", "they", "them", "their", "this", "that", "these",
			"those", "there", "here", "what", "which", "who", "whom", "whose", "how", "can",
			"could", "would", "should", "will", "shall", "may", "might", "must", "so", "than", "then", "too",
			"very", "also", "as", "about", "i'm", "im", "it's", "any", "some", "s", "t",
			"there's", "what's", "whats", "hows", "how's", "ll", "d", "ve", "re", "m", "don't", "dont"}
	}
}

// newMapping builds the Bleve mapping: BM25 scoring, and an analyzer per language (lower case, Arabic
// normalisation for Arabic, stop words, then a stemmer) whose filters this package runs on entries and
// questions alike. Entries are indexed as documents whose fields are already analysed, one question and
// one answer field per language, so the mapping maps no documents itself.
func newMapping(lexicons map[string]*knowledge.Lexicon) (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = "bm25"
	im.DefaultMapping = bleve.NewDocumentDisabledMapping()
	for _, lang := range knowledge.Languages() {
		if err := addAnalyzer(im, lang, lexicons[lang]); err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", lang, err)
		}
	}
	return im, nil
}

// tokenFilters returns the filters of a language's analyzer: this package splits words itself.
func tokenFilters(im *mapping.IndexMappingImpl, lang string) []analysis.TokenFilter {
	if a, ok := im.AnalyzerNamed(analyzerName(lang)).(*analysis.DefaultAnalyzer); ok {
		return a.TokenFilters
	}
	return nil
}

// stopSet is a language's stop words, folded, and for Arabic also without a joined prefix.
func stopSet(lang string, lex *knowledge.Lexicon) map[string]bool {
	words := baseStopwords(lang)
	if lex != nil {
		words = append(words, lex.Stopwords...)
	}
	set := make(map[string]bool, 2*len(words))
	for _, w := range words {
		w = textnorm.FoldArabic(w)
		set[w] = true
		if lang == knowledge.Arabic {
			set[textnorm.StripArabicClitics(w)] = true
		}
	}
	return set
}

func addAnalyzer(im *mapping.IndexMappingImpl, lang string, lex *knowledge.Lexicon) error {
	stops := stopSet(lang, lex)
	tokens := make([]interface{}, 0, len(stops))
	for _, w := range slices.Sorted(maps.Keys(stops)) {
		tokens = append(tokens, w)
	}
	mapName, filterName := "stop_map_"+lang, "stop_"+lang
	if err := im.AddCustomTokenMap(mapName, map[string]interface{}{"type": tokenmap.Name, "tokens": tokens}); err != nil {
		return err
	}
	if err := im.AddCustomTokenFilter(filterName, map[string]interface{}{"type": stop.Name, "stop_token_map": mapName}); err != nil {
		return err
	}
	filters := []interface{}{lowercase.Name, en.PossessiveName, filterName, en.SnowballStemmerName}
	if lang == knowledge.Arabic {
		filters = []interface{}{lowercase.Name, ar.NormalizeName, filterName, ar.StemmerName}
	}
	return im.AddCustomAnalyzer(analyzerName(lang), map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": filters,
	})
}
