package knowledge

import (
	"strings"
	"testing"
)

// TestAnswersStateTheAdvice: an answer serves every alternate of its question, so it never opens with
// a bare yes or no ("can I smoke before the session?" answered "Yes. Avoid smoking..." reads as
// permission). Arabic "لا" opening a sentence ("لا يلزم الصيام") is a negation, not an answer: only "لا،"
// or "لا." is one.
func TestAnswersStateTheAdvice(t *testing.T) {
	b, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	openers := []string{"yes", "no,", "no.", "yeah", "sure,", "نعم", "أجل", "بلى", "لا،", "لا."}
	for _, e := range b.Entries {
		if e.Kind != FAQ {
			continue
		}
		answer := strings.ToLower(strings.TrimSpace(e.Answer))
		for _, o := range openers {
			if strings.HasPrefix(answer, o) {
				t.Errorf("%s (%s) opens with %q: state the advice", e.ID, e.Lang, o)
			}
		}
	}
}
