package textnorm

import (
	"slices"
	"unicode/utf8"

	"github.com/faqbot/faqbot/knowledge"
)

// A bank's Arabizi: the engine reads an Arabizi question in Arabic script with the bank's own Arabic
// words, and the index and the topic classifier read the bank's Arabizi alternates ("kam modet el
// jalsa", taught as a patient wrote it) the same way, so that they learn them as they will meet them.

// ArabiziReader learns the Arabic words of a bank, for reading Arabizi in Arabic script: its Arabic
// entries' titles, questions, alternates and answers, and its Arabic lexicon.
func ArabiziReader(bank *knowledge.Bank) *Transliterator {
	var texts []string
	for _, e := range bank.Entries {
		if e.Lang == knowledge.Arabic {
			texts = append(texts, EntryTexts(e)...)
		}
	}
	if lex := bank.Lexicons[knowledge.Arabic]; lex != nil {
		for canonical, variants := range lex.Synonyms {
			texts = append(texts, canonical)
			texts = append(texts, variants...)
		}
	}
	return NewTransliterator(texts)
}

// EntryTexts are an entry's texts whose words the engine learns: title, question, answer and
// alternates.
func EntryTexts(e knowledge.Entry) []string {
	return append([]string{e.Title, e.Question, e.Answer}, e.Alternates...)
}

// MinEnglishWord is the fewest letters a word needs to count as English in a mixed message: shorter
// ones ("el", "fi", "ma") are as often Arabizi.
const MinEnglishWord = 4

// EnglishWords is the set of words of a bank's English entries of at least MinEnglishWord letters, by
// which an Arabic or Arabizi message is found to hold English.
func EnglishWords(bank *knowledge.Bank) map[string]bool {
	words := map[string]bool{}
	for _, e := range bank.Entries {
		if e.Lang != knowledge.English {
			continue
		}
		for _, text := range EntryTexts(e) {
			for _, w := range Words(Normalize(text)) {
				if utf8.RuneCountInString(w) >= MinEnglishWord {
					words[w] = true
				}
			}
		}
	}
	return words
}

// commonUnread is in how many entries' Arabizi alternates a word the reader does not find must be for
// the index to leave it out: "wach", "kayn", "chi" are asked with every topic, and would match every
// question that holds them too.
const commonUnread = 3

// ReadArabizi returns a bank's entries with the question and every alternate of an Arabic entry that
// reads as Latin script (Detect) read in Arabic script by the bank's ArabiziReader, its English words as
// written. Words the reader does not find are kept as written, unless common (commonUnread) and not
// all: the topic classifier weighs every word, the index only the telling ones. The bank is not
// changed; entries without such an alternate are returned as they are.
func ReadArabizi(bank *knowledge.Bank, all bool) []knowledge.Entry {
	var arabizi []arabiziPlace
	for i, e := range bank.Entries {
		if e.Lang != knowledge.Arabic {
			continue
		}
		if e.Question != "" && Detect(e.Question) != knowledge.Arabic {
			arabizi = append(arabizi, arabiziPlace{i, -1})
		}
		for j, alt := range e.Alternates {
			if Detect(alt) != knowledge.Arabic {
				arabizi = append(arabizi, arabiziPlace{i, j})
			}
		}
	}
	out := slices.Clone(bank.Entries)
	if len(arabizi) == 0 {
		return out
	}
	reader, english := ArabiziReader(bank), EnglishWords(bank)
	keep := func(w string) bool { return english[w] }
	read := make([][]readWord, len(arabizi))
	unreadIn := map[string]map[int]bool{} // word -> entries
	for k, p := range arabizi {
		read[k] = reader.readWords(Words(Normalize(*p.in(bank.Entries))), keep)
		for _, r := range read[k] {
			if r.unread {
				if unreadIn[r.text] == nil {
					unreadIn[r.text] = map[int]bool{}
				}
				unreadIn[r.text][p.entry] = true
			}
		}
	}
	telling := func(w string) bool { return all || len(unreadIn[w]) < commonUnread }
	cloned := map[int]bool{}
	for k, p := range arabizi {
		if !cloned[p.entry] {
			out[p.entry].Alternates, cloned[p.entry] = slices.Clone(out[p.entry].Alternates), true
		}
		*p.in(out) = joinRead(read[k], telling)
	}
	return out
}

// arabiziPlace is a way of asking an entry written in Latin letters: its question (alt -1) or an
// alternate.
type arabiziPlace struct{ entry, alt int }

func (p arabiziPlace) in(entries []knowledge.Entry) *string {
	if p.alt < 0 {
		return &entries[p.entry].Question
	}
	return &entries[p.entry].Alternates[p.alt]
}
