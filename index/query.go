package index

import (
	"cmp"
	"slices"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/faqbot/faqbot/internal/spelling"
	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// Field boosts: how a question is worded is stronger evidence than words found in an answer.
const (
	questionBoost = 2.0
	answerBoost   = 1.0
	// correctedPenalty discounts the evidence of a term found only through a spelling correction.
	correctedPenalty = 0.85
	// A question is read as at most maxTerms distinct terms, of which at most maxCorrections are
	// looked up for a spelling correction: a long message of made-up words costs no more than a question.
	maxTerms       = 64
	maxCorrections = 8
)

// readQuestion turns a patient's text into weighted search terms: clean-up, lay synonyms, the language's
// analyzer (stop words, stemming), then, for terms the knowledge does not contain, a dialect's verb
// particle taken off (withoutParticle) or a spelling correction. The
// analyzer reads maxTerms words at a time and stops with the question's maxTerms-th term.
func (l *language) readQuestion(text string) []knowledge.QueryTerm {
	words, from := l.synonyms.rewrite(textnorm.Words(textnorm.Normalize(text)))
	q := questionReader{l: l, surface: slices.Clone(words), from: from, seen: map[string]bool{}}
	for start := 0; start < len(words) && len(q.terms) < maxTerms; start += maxTerms {
		part := words[start:min(len(words), start+maxTerms)]
		for _, tok := range l.filter(l.prepareWords(part)) {
			if len(q.terms) == maxTerms {
				break
			}
			q.add(string(tok.Term), start+tok.Start)
		}
	}
	return q.terms
}

// questionReader collects a question's terms as the analyzer gives them.
type questionReader struct {
	l           *language
	surface     []string          // the question's words before analysis
	from        map[string]string // canonical word -> the lay phrase it replaced
	seen        map[string]bool
	corrections int
	terms       []knowledge.QueryTerm
}

// add takes the term the analyzer made of the question's word at, corrected when it is unknown and the
// question's corrections are not spent, unless the question has it already.
func (q *questionReader) add(term string, at int) {
	l := q.l
	t := knowledge.QueryTerm{Text: term}
	word := q.surface[at]
	t.From = q.from[word]
	if l.df[t.Text] == 0 {
		if term, ok := l.withoutParticle(word); ok {
			t.From, t.Text = word, term
		}
	}
	if l.df[t.Text] == 0 && q.corrections < maxCorrections && spelling.Correctable(t.Text) {
		q.corrections++
		if fixed := l.spell.Correct(t.Text); fixed != "" {
			t.From, t.Text, t.Corrected = word, fixed, true
		} else if fixed := l.wordSpell.Correct(l.filterWord(word)); fixed != "" {
			t.From, t.Text, t.Corrected = word, l.wordTerms[fixed], true
		}
	} else if l.df[t.Text] == 0 && q.corrections < maxCorrections && l.code != knowledge.Arabic {
		// Arabic's short words share their letters in every order (a root's): a swap makes another word
		if fixed := l.wordSpell.Transposed(word); fixed != "" {
			q.corrections++
			t.From, t.Text, t.Corrected = word, l.wordTerms[fixed], true
		}
	}
	if q.seen[t.Text] {
		return
	}
	q.seen[t.Text] = true
	t.Known = l.df[t.Text] > 0
	t.Weight = l.weight(t.Text)
	q.terms = append(q.terms, t)
}

// A term in more than commonShare of a language's entries, and in at least minCommonDocs of them, is too
// common to pick candidates: in a large bank "stem" and "cell" are in thousands of entries, and walking
// their postings would cost most of a search while adding little to tell entries apart. Such terms still
// count in each candidate's evidence. Small banks use every term.
const (
	commonShare   = 0.2
	minCommonDocs = 500
)

// maxCommonTerms bounds how many common terms a question made only of common words is searched by.
const maxCommonTerms = 3

// termsQuery asks for the question's telling terms in the question or answer fields of one language,
// each boosted by its weight: any of them (a disjunction). A question made only of common terms ("what is
// stem cell therapy") asks for entries whose question side holds all of its heaviest terms instead,
// which walks the shortest postings list rather than the longest; wide is then the disjunction to fall
// back on when no entry holds them all.
func termsQuery(l *language, terms []knowledge.QueryTerm) (q, wide query.Query) {
	var rare, common []knowledge.QueryTerm
	for _, t := range terms {
		switch {
		case !t.Known:
		case l.df[t.Text] < minCommonDocs || float64(l.df[t.Text]) <= commonShare*float64(l.docs):
			rare = append(rare, t)
		default:
			common = append(common, t)
		}
	}
	if len(rare) > 0 {
		return anyTerm(l, rare), nil
	}
	if len(common) <= 1 {
		return anyTerm(l, common), nil
	}
	slices.SortStableFunc(common, func(a, b knowledge.QueryTerm) int { return cmp.Compare(b.Weight, a.Weight) })
	common = common[:min(len(common), maxCommonTerms)]
	all := make([]query.Query, 0, len(common))
	for _, t := range common {
		all = append(all, termQuery(t, questionField(l.code), questionBoost))
	}
	return query.NewConjunctionQuery(all), anyTerm(l, common)
}

func anyTerm(l *language, terms []knowledge.QueryTerm) query.Query {
	if len(terms) == 0 {
		return nil
	}
	qs := make([]query.Query, 0, 2*len(terms))
	for _, t := range terms {
		qs = append(qs, termQuery(t, questionField(l.code), questionBoost), termQuery(t, answerField(l.code), answerBoost))
	}
	return query.NewDisjunctionQuery(qs)
}

func termQuery(t knowledge.QueryTerm, field string, boost float64) query.Query {
	tq := query.NewTermQuery(t.Text)
	tq.SetField(field)
	tq.SetBoost(boost * t.Weight)
	return tq
}

// reading is a question's terms prepared for weighing hits: each known term's weight as the question
// counts it (discounted when found by spelling correction) and as the entries count it, by the term's
// number in the language.
type reading struct {
	terms           []knowledge.QueryTerm
	want            []wanted // one per distinct known term
	slot            []int    // for each of terms, its place in want, or -1
	total, heaviest float64
	// mask has bit id%64 set for each id of want: most of a variant's terms are not wanted, and the
	// mask says so without looking through want.
	mask uint64
}

type wanted struct {
	id          uint32
	asked, held float64
}

func (l *language) newReading(terms []knowledge.QueryTerm) reading {
	r := reading{terms: terms, slot: make([]int, len(terms))}
	for i, t := range terms {
		r.slot[i] = -1
		r.total += t.Weight
		r.heaviest = max(r.heaviest, t.Weight)
		id, ok := l.ids[t.Text]
		if !t.Known || !ok {
			continue
		}
		w := wanted{id: id, asked: t.Weight, held: l.weight(t.Text)}
		if t.Corrected {
			w.asked *= correctedPenalty
		}
		j := slices.IndexFunc(r.want, func(o wanted) bool { return o.id == id })
		if j < 0 {
			j = len(r.want)
			r.want = append(r.want, w)
			r.mask |= 1 << (id % 64)
		}
		r.want[j] = w // a repeated term counts as its last occurrence says
		r.slot[i] = j
	}
	return r
}

// evidence weighs a hit: how much of the question's weight the entry's closest question variant holds
// (coverage, and a Dice similarity that also penalises the variant's extra words), how much the entry
// holds anywhere, and the heaviest question term it lacks. With explain it lists the terms it matched.
func (r reading) evidence(ref docRef, score float64, explain bool) knowledge.Match {
	m := knowledge.Match{ID: ref.id, Lang: ref.lang, Kind: ref.kind, Score: score}
	if r.total == 0 {
		return m
	}
	var anywhere, missing float64
	for i, t := range r.terms {
		if j := r.slot[i]; j >= 0 && hasID(ref.tids, r.want[j].id) {
			anywhere += r.want[j].asked
		} else {
			missing = max(missing, t.Weight)
		}
	}
	best := -1
	for i, v := range ref.vids {
		var hit, held float64
		for _, id := range v {
			if r.mask&(1<<(id%64)) == 0 {
				continue
			}
			for _, w := range r.want {
				if w.id == id {
					hit += w.asked
					held += w.held
					break
				}
			}
		}
		extra := ref.vweights[i] - held
		cov := hit / r.total
		sim := 2 * hit / (r.total + hit + extra)
		if cov > m.QuestionCoverage || (cov == m.QuestionCoverage && sim > m.Similarity) {
			m.QuestionCoverage, m.Similarity, best = cov, sim, i
		}
	}
	m.Coverage = anywhere / r.total
	m.Missing = missing / r.heaviest
	if explain {
		m.Matched = r.matched(ref, best)
	}
	return m
}

// matched lists, by field, the question terms a hit holds: in its closest variant, else in its answer.
func (r reading) matched(ref docRef, best int) map[string][]string {
	out := map[string][]string{}
	for _, t := range r.terms {
		switch {
		case best >= 0 && slices.Contains(ref.variants[best], t.Text):
			out["question"] = append(out["question"], t.Text)
		case t.Known && hasTerm(ref.answer, t.Text):
			out["answer"] = append(out["answer"], t.Text)
		}
	}
	return out
}

func hasID(set []uint32, id uint32) bool {
	_, ok := slices.BinarySearch(set, id)
	return ok
}

func hasTerm(set []string, t string) bool {
	_, ok := slices.BinarySearch(set, t)
	return ok
}
