package index

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// TestCorrectionBounds corrects misspellings of real words, and never a term past spelling's longest
// or beyond maxCorrections terms of a question.
func TestCorrectionBounds(t *testing.T) {
	_, ix := defaultBankIndex(t)
	l := ix.langs["en"]
	for typo, want := range map[string]string{"injecton": "inject", "anesthisa": "anesthesia", "straightfoward": "straightforward"} {
		if got := l.spell.Correct(typo); got != want {
			t.Errorf("correct(%q) = %q, want %q", typo, got, want)
		}
	}
	long := strings.Repeat("straightforward", 2)
	if got := l.spell.Correct(long); got != "" {
		t.Errorf("correct of a %d-letter term = %q, want none", len(long), got)
	}
	typos := "anesthisa sedaton procedurr injecton harvestng ultrasond cartilge infecton recovry bleedng swellng appointmnt"
	res, err := ix.Search(context.Background(), knowledge.Query{Text: typos, Lang: "en", Top: 3, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	corrected := 0
	for _, term := range res.Terms {
		if term.Corrected {
			corrected++
		}
	}
	if corrected == 0 || corrected > maxCorrections {
		t.Errorf("%d of 12 misspelt terms corrected, want at least one and at most %d", corrected, maxCorrections)
	}
}

// TestWordCorrection reads a misspelt word whose stem is far from every term as the word it is closest
// to, with that word's term: a knowledge word ("fastign", fasting) and a lexicon's lay word ("needel",
// needle, which the lexicon reads as injection); a short English word only by two letters swapped back
// ("waer", wear).
func TestWordCorrection(t *testing.T) {
	_, ix := defaultBankIndex(t)
	l := ix.langs["en"]
	for typo, word := range map[string]string{"fastign": "fasting", "needel": "injection", "waer": "wear"} {
		want, got := l.readQuestion(word), l.readQuestion(typo)
		if len(got) != 1 || len(want) != 1 || got[0].Text != want[0].Text || !got[0].Corrected {
			t.Errorf("%s: read %+v, want %+v corrected", typo, got, want)
		}
	}
}

// TestVerbParticle reads a verb the knowledge does not know without the dialects' future or progressive
// particle, or with "and" before its own prefix, as the knowledge's own word, and takes none off a word the knowledge knows (حالتي, my state,
// is no حا + التي).
func TestVerbParticle(t *testing.T) {
	_, ix := defaultBankIndex(t)
	l := ix.langs["ar"]
	plain := l.readQuestion("بتوجع")
	for _, text := range []string{"هتوجع", "حتوجع", "وهتوجع"} {
		got := l.readQuestion(text)
		if len(got) != 1 || len(plain) != 1 || got[0].Text != plain[0].Text || !got[0].Known || got[0].Corrected {
			t.Errorf("%s: read %+v, want %+v as a known term", text, got, plain)
		}
	}
	// "and" before a word's own prefix: one prefix is all the word's reading takes off
	if want, got := l.readQuestion("بتعالج"), l.readQuestion("وبتعالج"); len(got) != 1 || len(want) != 1 || got[0].Text != want[0].Text || !got[0].Known {
		t.Errorf("وبتعالج: read %+v, want %+v as a known term", got, want)
	}
	// a noun with a pronoun ending the analyzer misreads: "فوايده" (its benefits) is فوايد
	if want, got := l.readQuestion("فوايد"), l.readQuestion("فوايده"); len(got) != 1 || len(want) != 1 || got[0].Text != want[0].Text || !got[0].Known {
		t.Errorf("فوايده: read %+v, want %+v as a known term", got, want)
	}
	if got := l.readQuestion("حالتي"); len(got) != 1 || !strings.HasPrefix(got[0].Text, "حال") {
		t.Errorf("حالتي, a known word, read as %+v", got)
	}
}

// TestReadQuestionInParts reads long texts as the analyzer reading them whole would.
func TestReadQuestionInParts(t *testing.T) {
	bank, ix := defaultBankIndex(t)
	texts := map[string]*strings.Builder{"en": {}, "ar": {}}
	for _, e := range bank.Entries {
		texts[e.Lang].WriteString(e.Question + " " + e.Answer + " ")
	}
	for lang, b := range texts {
		l := ix.langs[lang]
		for _, text := range []string{b.String(), strings.Repeat("the and of ", 100) + b.String()} {
			got, want := l.readQuestion(text), readWhole(l, text)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: read in parts %v, read whole %v", lang, got, want)
			}
		}
	}
}

func readWhole(l *language, text string) []knowledge.QueryTerm {
	words, from := l.synonyms.rewrite(textnorm.Words(textnorm.Normalize(text)))
	q := questionReader{l: l, surface: slices.Clone(words), from: from, seen: map[string]bool{}}
	for _, tok := range l.filter(l.prepareWords(words)) {
		if len(q.terms) == maxTerms {
			break
		}
		q.add(string(tok.Term), tok.Start)
	}
	return q.terms
}
