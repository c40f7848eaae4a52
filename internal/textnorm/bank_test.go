package textnorm

import (
	"testing"

	"github.com/faqbot/faqbot/knowledge"
)

// TestReadArabizi: an Arabic entry's ways of asking written in Latin letters are read in Arabic script;
// a word the reader does not find is kept unless it is asked with three topics or more, where only the
// classifier (all) keeps it.
func TestReadArabizi(t *testing.T) {
	bank := &knowledge.Bank{Entries: []knowledge.Entry{
		{ID: "duration", Lang: knowledge.Arabic, Question: "كم مدة الجلسة؟", Alternates: []string{"كم تستغرق الجلسة", "wach kam modet el jalsa zabt"}},
		{ID: "wear", Lang: knowledge.Arabic, Question: "wach nelbes f el jalsa", Answer: "ملابس مريحة"},
		{ID: "pain", Lang: knowledge.Arabic, Question: "هل الحقنة مؤلمة؟", Alternates: []string{"wach el 7o2na bitwaja3"}},
		{ID: "session", Lang: knowledge.English, Question: "How long is the session?", Alternates: []string{"kam"}},
	}}
	index, all := ReadArabizi(bank, false), ReadArabizi(bank, true)
	for _, tt := range []struct {
		got, want string
	}{
		{index[0].Alternates[0], "كم تستغرق الجلسة"}, // Arabic script as it was
		{index[0].Alternates[1], "كم مده جلسه zabt"}, // "wach" is asked with three topics
		{all[0].Alternates[1], "wach كم مده جلسه zabt"},
		{index[1].Question, "nelbes f جلسه"},
		{index[3].Alternates[0], "kam"}, // English entries are not read
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if bank.Entries[0].Alternates[1] != "wach kam modet el jalsa zabt" || bank.Entries[1].Question != "wach nelbes f el jalsa" {
		t.Errorf("the bank was changed: %+v", bank.Entries[:2])
	}
}
