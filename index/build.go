package index

import (
	"context"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/faqbot/faqbot/internal/spelling"
	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// batchSize is how many entries go into Bleve per batch while building: few batches make few segments,
// which keeps searches fast and spares the index background merging.
const batchSize = 20000

// Build indexes every entry of bank in memory (a scorch index, so BM25 applies).
func Build(ctx context.Context, bank *knowledge.Bank) (*Index, error) {
	return build(ctx, bank, "")
}

// build indexes bank in memory, or on disk in the folder path.
func build(ctx context.Context, bank *knowledge.Bank, path string) (*Index, error) {
	im, err := newMapping(bank.Lexicons)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	idx, err := bleve.NewUsing(path, im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	ix := &Index{bleve: idx, langs: languages(im, bank), docs: make(map[string]docRef, len(bank.Entries))}
	if err := ix.add(ctx, textnorm.ReadArabizi(bank, false)); err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("build index: %w", err)
	}
	ix.weighVariants()
	ix.indexSpelling()
	return ix, nil
}

// languages is the per-language state of a new index, before any entry is counted.
func languages(im *mapping.IndexMappingImpl, bank *knowledge.Bank) map[string]*language {
	langs := map[string]*language{}
	for _, lang := range knowledge.Languages() {
		langs[lang] = &language{
			code:      lang,
			filters:   tokenFilters(im, lang),
			synonyms:  newSynonyms(lang, bank.Lexicons[lang]),
			stop:      stopSet(lang, bank.Lexicons[lang]),
			df:        map[string]int{},
			vdf:       map[string]int{},
			ids:       map[string]uint32{},
			wordTerms: map[string]string{},
		}
	}
	return langs
}

func (ix *Index) add(ctx context.Context, entries []knowledge.Entry) error {
	for _, e := range entries {
		if ix.langs[e.Lang] == nil {
			return fmt.Errorf("entry %s: unsupported lang %q", e.ID, e.Lang)
		}
	}
	read, seen := ix.readAll(ctx, entries)
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, bylang := range seen {
		for lang, words := range bylang {
			maps.Copy(ix.langs[lang].wordTerms, words)
		}
	}
	batch := ix.bleve.NewBatch()
	for i, e := range entries {
		id := e.Lang + "/" + e.ID
		ix.docs[id] = ix.langs[e.Lang].count(e, read[i])
		if err := batch.IndexAdvanced(read[i].document(id, e.Lang)); err != nil {
			return fmt.Errorf("entry %s: %w", e.ID, err)
		}
		if batch.Size() >= batchSize || i == len(entries)-1 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := ix.bleve.Batch(batch); err != nil {
				return err
			}
			batch.Reset()
		}
	}
	return nil
}

// weighVariants records each variant's total term weight, once every document frequency is known.
func (ix *Index) weighVariants() {
	for id, ref := range ix.docs {
		l := ix.langs[ref.lang]
		ref.vweights = make([]float64, len(ref.variants))
		for i, v := range ref.variants {
			for _, t := range v {
				ref.vweights[i] += l.weight(t)
			}
		}
		ix.docs[id] = ref
	}
}

// indexSpelling gives each language the terms spelling correction may give, and the words whose terms
// those are, once every entry is counted.
func (ix *Index) indexSpelling() {
	for _, l := range ix.langs {
		l.spell = spelling.New(l.df, l.vdf)
		l.addSynonymWords()
		counts, favored := map[string]int{}, map[string]int{}
		for w, t := range l.wordTerms {
			if t != "" && l.df[t] > 0 {
				counts[w], favored[w] = l.df[t], l.vdf[t]
			}
		}
		l.wordSpell = spelling.NewWords(counts, favored)
	}
}

// readAll analyses every entry, spread over the machine's cores: analysis is most of a build's work. It
// stops early when ctx ends. It also gives what each worker saw each word become, per language.
func (ix *Index) readAll(ctx context.Context, entries []knowledge.Entry) ([]entryTerms, []map[string]map[string]string) {
	out := make([]entryTerms, len(entries))
	workers := runtime.GOMAXPROCS(0)
	seenBy := make([]map[string]map[string]string, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := map[string]map[string]string{} // per language: word -> term ("" when dropped)
			seenBy[w] = seen
			for i := w; i < len(entries) && ctx.Err() == nil; i += workers {
				lang := entries[i].Lang
				if seen[lang] == nil {
					seen[lang] = map[string]string{}
				}
				out[i] = ix.langs[lang].read(entries[i], seen[lang])
			}
		}()
	}
	wg.Wait()
	return out, seenBy
}

// questionTexts is what the question field holds: every way the entry can be asked for.
func questionTexts(e knowledge.Entry) []string {
	q := make([]string, 0, 2+len(e.Alternates)+len(e.Tags))
	q = append(q, e.Title, e.Question)
	q = append(q, e.Alternates...)
	return append(q, e.Tags...)
}

// entryTerms is one entry as the language's analyzer read it.
type entryTerms struct {
	variants [][]string // distinct terms of each way of asking
	answer   []string   // terms of the answer, with repeats
	// the question and answer fields' tokens, handed to Bleve as they are
	questionTokens, answerTokens analysis.TokenStream
}

// read analyses an entry once with the language's analyzer, remembering in seen what each word became
// (the filters look at one token at a time, and a bank repeats its words). It only reads the language's
// state.
func (l *language) read(e knowledge.Entry, seen map[string]string) entryTerms {
	var r entryTerms
	for _, text := range questionTexts(e) {
		stream := l.filterSeen(l.words(text), seen)
		if len(stream) == 0 {
			continue
		}
		r.questionTokens = append(r.questionTokens, stream...)
		r.variants = append(r.variants, distinct(terms(stream)))
	}
	r.answerTokens = l.filterSeen(l.words(e.Answer), seen)
	r.answer = terms(r.answerTokens)
	renumber(r.questionTokens)
	return r
}

// document is the Bleve document of an entry, with fields already analysed.
func (r entryTerms) document(id, lang string) *document.Document {
	doc := document.NewDocument(id)
	doc.AddField(document.NewTextFieldCustom(questionField(lang), nil, nil, bindex.IndexField, analysed(r.questionTokens)))
	doc.AddField(document.NewTextFieldCustom(answerField(lang), nil, nil, bindex.IndexField, analysed(r.answerTokens)))
	return doc
}

// analysed is a field's token stream, computed beforehand: Bleve's analysis step then only counts it.
type analysed analysis.TokenStream

func (a analysed) Analyze([]byte) analysis.TokenStream { return analysis.TokenStream(a) }

func terms(stream analysis.TokenStream) []string {
	out := make([]string, len(stream))
	for i, tok := range stream {
		out[i] = string(tok.Term)
	}
	return out
}

// renumber gives the tokens of a field made of several texts consecutive positions.
func renumber(stream analysis.TokenStream) {
	for i, tok := range stream {
		tok.Position = i + 1
	}
}

// count adds an entry's terms to the language's document frequencies and returns what search keeps of it.
func (l *language) count(e knowledge.Entry, r entryTerms) docRef {
	ref := docRef{id: e.ID, lang: e.Lang, kind: e.Kind, variants: r.variants, answer: termSet(r.answer)}
	all := slices.Clone(r.answer)
	for _, v := range r.variants {
		l.variants++
		for _, t := range v {
			l.vdf[t]++
		}
		all = append(all, v...)
	}
	ref.terms = termSet(all)
	for _, t := range ref.terms {
		l.df[t]++
	}
	l.docs++
	return l.number(ref)
}

// number gives a docRef the numbers of its terms, numbering terms not seen before.
func (l *language) number(ref docRef) docRef {
	ref.vids = make([][]uint32, len(ref.variants))
	for i, v := range ref.variants {
		ref.vids[i] = make([]uint32, len(v))
		for j, t := range v {
			ref.vids[i][j] = l.id(t)
		}
	}
	ref.tids = make([]uint32, len(ref.terms))
	for i, t := range ref.terms {
		ref.tids[i] = l.id(t)
	}
	slices.Sort(ref.tids)
	return ref
}

// id is a term's number, given on first sight.
func (l *language) id(term string) uint32 {
	n, ok := l.ids[term]
	if !ok {
		n = uint32(len(l.ids))
		l.ids[term] = n
	}
	return n
}

// termSet is a set of terms as a sorted slice without repeats: a tenth of a map's memory, and as quick
// to search for the few dozen terms an entry holds.
func termSet(terms []string) []string {
	set := slices.Clone(terms)
	slices.Sort(set)
	return slices.Compact(set)
}

// filterSeen is filter for one word at a time, through a memo of what each word became.
func (l *language) filterSeen(words []string, seen map[string]string) analysis.TokenStream {
	stream := make(analysis.TokenStream, 0, len(words))
	for i, w := range words {
		term, ok := seen[w]
		if !ok {
			if one := l.filter([]string{w}); len(one) == 1 {
				term = string(one[0].Term)
			}
			seen[w] = term
		}
		if term != "" {
			stream = append(stream, &analysis.Token{Term: []byte(term), Position: i + 1, Start: i, End: i + 1, Type: analysis.AlphaNumeric})
		}
	}
	return stream
}

// filter runs the analyzer's token filters on words already split and cleaned. Each token's Start is
// the index of the word it comes from.
func (l *language) filter(words []string) analysis.TokenStream {
	stream := make(analysis.TokenStream, len(words))
	for i, w := range words {
		stream[i] = &analysis.Token{Term: []byte(w), Position: i + 1, Start: i, End: i + 1, Type: analysis.AlphaNumeric}
	}
	for _, f := range l.filters {
		stream = f.Filter(stream)
	}
	return stream
}

func distinct(terms []string) []string {
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// words puts an entry's text in the form the analyzer's filters expect, as readQuestion does for a
// question: cleaned words, lay synonyms rewritten to their canonical words (so "shot" in an alternate
// meets "jab" in a question), and for Arabic without the joined prepositions and conjunctions (li-, bi-,
// wa-, fa-, ka-) that Bleve's light stemmer leaves on.
func (l *language) words(text string) []string {
	words, _ := l.synonyms.rewrite(textnorm.Words(textnorm.Normalize(text)))
	return l.prepareWords(words)
}

// addSynonymWords adds to the words spelling correction may give the lexicon's one-word lay words for
// one-word canonical words ("needle" for "injection"), each with its canonical word's term: a question
// rewrites them before analysis, so no entry's text holds them.
func (l *language) addSynonymWords() {
	for _, rules := range l.synonyms.rules {
		for _, r := range rules {
			if len(r.variant) != 1 || len(r.canonical) != 1 {
				continue
			}
			w := l.filterWord(r.variant[0])
			if _, ok := l.wordTerms[w]; ok {
				continue
			}
			if one := l.filter([]string{l.filterWord(r.canonical[0])}); len(one) == 1 {
				l.wordTerms[w] = string(one[0].Term)
			}
		}
	}
}

// filterWord is one word, of a question or an entry, as the filters take it: for Arabic, without its
// joined prefixes (arabicWord).
func (l *language) filterWord(w string) string {
	if l.code != knowledge.Arabic {
		return w
	}
	return l.arabicWord(w)
}

func (l *language) prepareWords(words []string) []string {
	if l.code != knowledge.Arabic {
		return words
	}
	for i, w := range words {
		words[i] = l.filterWord(w)
	}
	return words
}

// arabicWord takes the joined prefixes off an Arabic word and gives a noun before a possessive suffix
// its taa marbuta back: "وما" (and not) is the stop word ما, "بالخلايا" is خلايا, "جلستي" is جلسه.
func (l *language) arabicWord(w string) string {
	for _, conj := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(w, conj); ok && l.stop[rest] {
			return rest
		}
	}
	return textnorm.ArabicStem(w)
}

// withoutParticle reads an Arabic word the knowledge does not know as a verb without a dialect's
// particle joined to it, the future's ha- ("هتوجع", will it hurt) or Iraqi's progressive da- ("دتوجعني",
// is hurting me), or as a word with the conjunction و before another joined prefix ("وبتعالج", and does
// it treat, is بتعالج: one prefix is all arabicWord takes off), or as a noun with a pronoun ending the
// analyzer misreads ("فوايده", its benefits, is فوايد), when what is left, read as the
// question's words are (lay synonyms, the analyzer), is a term the knowledge knows; ok is false
// otherwise.
func (l *language) withoutParticle(word string) (term string, ok bool) {
	if l.code != knowledge.Arabic {
		return "", false
	}
	forms := append(particleForms(l.arabicWord(word)), textnorm.WithoutPossessive(word))
	if rest := textnorm.WithoutConjunction(word); rest != word {
		base := l.arabicWord(rest)
		forms = append(forms, append(particleForms(base), base)...)
	}
	return l.knownForm(forms)
}

// particleForms are an Arabic word without the future's or the progressive's particle ("" for one it
// does not have).
func particleForms(w string) []string {
	return []string{textnorm.WithoutFuture(w), textnorm.WithoutProgressive(w)}
}

// knownForm is the first of forms that, read as the question's words are (lay synonyms, the analyzer),
// is a term the knowledge knows.
func (l *language) knownForm(forms []string) (term string, ok bool) {
	for _, rest := range forms {
		if rest == "" {
			continue
		}
		words, _ := l.synonyms.rewrite([]string{rest})
		if len(words) != 1 {
			continue
		}
		if one := l.filter([]string{l.arabicWord(words[0])}); len(one) == 1 && l.df[string(one[0].Term)] > 0 {
			return string(one[0].Term), true
		}
	}
	return "", false
}

// weight is a term's inverse document frequency over question variants, as BM25 computes it: a word
// that few ways of asking use tells more about which question it is. An unknown term weighs most.
func (l *language) weight(term string) float64 {
	n, df := float64(l.variants), float64(l.vdf[term])
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}
