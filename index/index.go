// Package index owns full-text search over the knowledge with Bleve: the mapping and analyzers of each
// language, lay synonyms, typo tolerance, and the evidence each match carries. Nothing else imports Bleve.
package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/faqbot/faqbot/internal/spelling"
	"github.com/faqbot/faqbot/knowledge"
)

// Index is a searchable, read-only view of one knowledge bank. It is safe for concurrent searches.
type Index struct {
	bleve bleve.Index
	langs map[string]*language
	docs  map[string]docRef // Bleve document id -> entry
}

// docRef is what the index keeps of an entry to weigh a match: its analysed question variants (title,
// question, each alternate, each tag) and every term it holds.
type docRef struct {
	id, lang string
	kind     knowledge.Kind
	variants [][]string
	vweights []float64 // total weight of each variant's terms
	terms    []string  // every term, sorted (termSet)
	answer   []string  // the answer's terms, sorted
	// the same as numbers of the language's terms (language.ids), for weighing hits without hashing
	vids [][]uint32 // each variant's terms
	tids []uint32   // every term, sorted
}

// language is what the index knows about the entries of one language.
type language struct {
	code     string
	filters  []analysis.TokenFilter // the language analyzer's filters: stop words, stemming
	synonyms *synonyms
	stop     map[string]bool // folded stop words
	df       map[string]int  // analysed term -> number of entries containing it
	docs     int
	vdf      map[string]int // analysed term -> number of question variants containing it
	variants int
	ids      map[string]uint32 // analysed term -> its number, given as entries are counted
	spell    *spelling.Speller // the terms spelling correction may give, once every entry is counted
	// wordTerms are the entries' words as the analyzer's filters took them, each with its term ("" when
	// dropped); wordSpell reads an unknown word as the closest of them whose term is known, when its own
	// term is too far from every term: a stemmer leaves a misspelling as it is ("fastign"), and the
	// word's letters are closer to the word it meant ("fasting") than to that word's stem ("fast").
	wordTerms map[string]string
	wordSpell *spelling.Speller
}

// Close releases the index.
func (ix *Index) Close() error {
	return ix.bleve.Close()
}

// top finds the top hits of a query, best score first, equal scores ordered by id before the cut, so
// the same question always gets the same candidates: Bleve otherwise breaks a tie by the order in which
// its segments were visited. Bleve sorting by id reads the id of every document that matches, and by
// score alone only the ids it returns; so it is asked by score for one hit more than wanted: unless the
// last hit kept ties the first one left out, those are the top hits either way, put in order here, and
// only on such a tie is it asked again, sorted by id.
func (ix *Index) top(ctx context.Context, q query.Query, n int) ([]*search.DocumentMatch, error) {
	sr, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, n+1, 0, false))
	if err != nil {
		return nil, err
	}
	hits := sr.Hits
	if len(hits) > n {
		if hits[n].Score == hits[n-1].Score {
			req := bleve.NewSearchRequestOptions(q, n, 0, false)
			req.SortBy([]string{"-_score", "_id"})
			if sr, err = ix.bleve.SearchInContext(ctx, req); err != nil {
				return nil, err
			}
			return sr.Hits, nil
		}
		hits = hits[:n]
	}
	slices.SortFunc(hits, func(a, b *search.DocumentMatch) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.ID, b.ID))
	})
	return hits, nil
}

// Search finds the top entries of one language for a question. The text is data: it is split into words
// and looked up term by term, never parsed as query syntax.
func (ix *Index) Search(ctx context.Context, q knowledge.Query) (knowledge.SearchResult, error) {
	res := knowledge.SearchResult{Lang: q.Lang}
	l := ix.langs[q.Lang]
	if l == nil || l.docs == 0 || q.Top <= 0 {
		return res, nil
	}
	terms := l.readQuestion(q.Text)
	res.Terms = terms
	narrow, wide := termsQuery(l, terms)
	if narrow == nil {
		return res, nil
	}
	hits, err := ix.top(ctx, narrow, q.Top)
	if err == nil && len(hits) == 0 && wide != nil {
		hits, err = ix.top(ctx, wide, q.Top)
	}
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	rd := l.newReading(terms)
	for _, h := range hits {
		if ref, ok := ix.docs[h.ID]; ok {
			res.Matches = append(res.Matches, rd.evidence(ref, h.Score, q.Explain))
		}
	}
	return res, nil
}
