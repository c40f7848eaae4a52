package bot

import (
	"testing"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// TestNoEntryDeclinesItsOwnQuestions: an entry's unless never names what one of its own ways of asking
// holds, in the default knowledge: the entry would refuse the questions it was written for.
func TestNoEntryDeclinesItsOwnQuestions(t *testing.T) {
	bank, _, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	unless := unlessPhrases(bank)
	if len(unless) == 0 {
		t.Fatal("the default knowledge names nothing its entries do not cover")
	}
	for _, e := range bank.Entries {
		for _, text := range append([]string{e.Title, e.Question}, e.Alternates...) {
			for _, ph := range unless[e.ID] {
				if holdsPhrase(textnorm.Words(textnorm.Normalize(text)), ph) {
					t.Errorf("%s (%s): %q holds its own unless %q", e.ID, e.Lang, text, ph)
				}
			}
		}
	}
}
