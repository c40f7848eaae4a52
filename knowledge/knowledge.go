// Package knowledge owns the clinic's knowledge: entry and lexicon types, the loaders for YAML, Markdown
// and CSV files, validation, and the default content embedded in the binary.
package knowledge

import (
	"fmt"
	"slices"
	"strings"
)

// The languages the bot reads and answers in, by the codes entries, lexicons, questions and answers
// carry. Code that names a language names it by one of these, never by its literal code.
const (
	English = "en"
	Arabic  = "ar"
)

// Languages lists the languages the bot reads and answers in; every entry's lang is one of them.
func Languages() []string { return []string{English, Arabic} }

// Supported reports whether lang is a language the knowledge may be written in.
func Supported(lang string) bool { return slices.Contains(Languages(), lang) }

// Kind says what an entry is: a curated FAQ answer, a section of the patient guide, or a question the
// knowledge deliberately does not answer.
type Kind string

// Entry kinds.
const (
	FAQ   Kind = "faq"
	Guide Kind = "guide"
	// OutOfScope entries describe questions patients ask that the guide does not answer (cost,
	// insurance, other diseases...). They have no answer: matching one is a confident "not covered".
	OutOfScope Kind = "out_of_scope"
)

// Position is where something was read: a file and a 1-based line.
type Position struct {
	File string
	Line int
}

func (p Position) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Entry is one answer in one language. The same ID in another language is its translation.
type Entry struct {
	ID         string
	Lang       string
	Kind       Kind
	Title      string
	Question   string
	Alternates []string
	Answer     string
	Tags       []string
	Related    []string
	Source     string // id of the entry it is drawn from (a guide section), or a free-text label
	// Unless names what an FAQ entry's answer does not cover though its words are near: a question
	// naming one is not answered from it ("heating pad" for the entry that recommends ice packs).
	Unless []string
	Pos    Position
}

// Lexicon is how patients of one language word things: lay synonyms mapped to the canonical word the
// knowledge uses, and filler words that carry no meaning in a question.
type Lexicon struct {
	Lang      string
	Synonyms  map[string][]string // canonical -> variants
	Stopwords []string
}

// Bank is a whole loaded knowledge base: every entry in every language, a lexicon per language, and the
// replies and conversation acts it words itself (see DefaultReplies and DefaultActs for the rest).
type Bank struct {
	Entries  []Entry
	Lexicons map[string]*Lexicon
	Replies  map[string]Replies
	Acts     map[string]map[string]Act // language -> act name -> act
	byKey    map[key]int
	topics   map[string][]Entry
	cited    map[key]bool // sections an FAQ entry of the same language names as its source
}

type key struct{ id, lang string }

// NewBank indexes entries by id and language. Callers normally get a Bank from Load, which also validates.
func NewBank(entries []Entry, lexicons map[string]*Lexicon) *Bank {
	b := &Bank{Entries: entries, Lexicons: lexicons, byKey: make(map[key]int, len(entries)), topics: map[string][]Entry{}, cited: map[key]bool{}}
	if b.Lexicons == nil {
		b.Lexicons = map[string]*Lexicon{}
	}
	for i, e := range entries {
		if _, dup := b.byKey[key{e.ID, e.Lang}]; !dup {
			b.byKey[key{e.ID, e.Lang}] = i
		}
		if e.Kind == FAQ {
			b.topics[e.Lang] = append(b.topics[e.Lang], e)
			if e.Source != "" {
				b.cited[key{e.Source, e.Lang}] = true
			}
		}
	}
	return b
}

// Entry returns the entry with this id in this language.
func (b *Bank) Entry(id, lang string) (Entry, bool) {
	i, ok := b.byKey[key{id, lang}]
	if !ok {
		return Entry{}, false
	}
	return b.Entries[i], true
}

// Cited reports whether an FAQ entry of lang is drawn from the entry with this id (names it as its
// source): a guide section its FAQ entries answer question by question.
func (b *Bank) Cited(id, lang string) bool {
	return b.cited[key{id, lang}]
}

// Lookup returns the entry with this id in lang, or else in any language the bank has it in.
func (b *Bank) Lookup(id, lang string) (Entry, bool) {
	if e, ok := b.Entry(id, lang); ok {
		return e, true
	}
	for _, l := range Languages() {
		if e, ok := b.Entry(id, l); ok {
			return e, true
		}
	}
	return Entry{}, false
}

// Topics returns the FAQ entries of one language in file order: what a patient can ask about. The
// slice is shared: callers must not modify it.
func (b *Bank) Topics(lang string) []Entry {
	return b.topics[lang]
}

// Langs lists the languages that have at least one entry, in a stable order.
func (b *Bank) Langs() []string {
	var out []string
	for _, l := range Languages() {
		for _, e := range b.Entries {
			if e.Lang == l {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// Query is a question as a search takes it.
type Query struct {
	Text    string
	Lang    string
	Top     int  // how many matches to return
	Explain bool // fill Match.Matched
}

// QueryTerm is one word of a question as the search read it.
type QueryTerm struct {
	Text      string  // the analysed term searched for
	From      string  // what the patient wrote, when a synonym or spelling correction changed it
	Weight    float64 // how much the term says: rarer terms weigh more
	Known     bool    // the knowledge contains the term (possibly after correction)
	Corrected bool    // found only by typo tolerance
}

// Match is one knowledge entry a search found, with the evidence the answer decision rests on.
type Match struct {
	ID    string
	Lang  string
	Kind  Kind
	Score float64 // the search engine's relevance score, comparable only within one search
	// QuestionCoverage is the share of the question's weight found in the entry's closest question
	// variant (title, question, an alternate or a tag); Similarity compares that variant with the question
	// both ways, so extra words in the variant lower it; Coverage is the share found anywhere in the
	// entry. All are in [0,1].
	QuestionCoverage float64
	Similarity       float64
	Coverage         float64
	// Missing is the weight of the heaviest question term the entry lacks, relative to the heaviest term
	// of the question: 1 when the question's most telling word is nowhere in the entry.
	Missing float64
	Matched map[string][]string // field -> terms matched there, for explanations
}

// SearchResult is what a search returns: how it read the question, and the best matches first.
type SearchResult struct {
	Lang    string
	Terms   []QueryTerm
	Matches []Match
}

// LangOfTag is the supported language a client's language tag names ("ar-EG", "ar_SA", "ara" and "arz" name
// Arabic; "en-GB" English), or "" for any other. The tag is untrusted: only its first letters are read.
func LangOfTag(tag string) string {
	primary := strings.ToLower(tag[:min(len(tag), 35)])
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	for _, lang := range Languages() {
		if primary == lang || (len(primary) == 3 && strings.HasPrefix(primary, lang)) {
			return lang
		}
	}
	return ""
}
