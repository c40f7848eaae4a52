package bot

import (
	"slices"
	"testing"

	"github.com/faqbot/faqbot/internal/textnorm"
)

func TestFiguresAsked(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"how many litres of water a day?", []string{unitVolume}},
		{"how many cups of water exactly", []string{unitVolume}},
		{"كم كيلو بقدر احمل بعدها", []string{unitMass}},
		{"how much weight in kg can I carry", []string{unitMass}},
		{"how many million cells go in?", []string{unitCount}},
		{"exactly how many hours before should I stop eating", []string{unitDuration}},
		{"الموعد بعد كم اسبوع بالضبط", []string{unitDuration}},
		{"kam sa3a bel zabt el siyam", []string{unitDuration}},
		// a duration asked by "how many", or by كم opening the message
		{"how many days off work?", []string{unitDuration}},
		{"كم ساعة لازم أصوم قبل التخدير؟", []string{unitDuration}},
		// inside a sentence كم is as often "a few"
		{"عندي تساقط شعر من كم سنة", nil},
		{"جاي بس كم يوم للعلاج", nil},
		{"a3mel siyam kam sa3a abl el 3ilag walla akol 3ady", nil},
		// a size
		{"how big is the needle they use", []string{unitSize}},
		{"what size needle do you use", []string{unitSize}},
		{"el ebre taba3 el no5a3 2addesh kbire?", []string{unitSize}},
		{"كم حجم الابرة", []string{unitSize}},
		// exactly, but no unit after a word asking how many
		{"what are stem cells exactly and how long until results", nil},
		{"how much does it hurt exactly", nil},
		{"I drink two litres a day, is that enough?", nil},
	} {
		if got := figuresAsked(textnorm.Words(textnorm.Normalize(tt.text))); !slices.Equal(got, tt.want) {
			t.Errorf("%q: asks %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestNamesUnit(t *testing.T) {
	for _, tt := range []struct {
		text, kind string
		want       bool
	}{
		{"The session lasts about 1.5 to 3 hours.", unitDuration, true},
		{"قد يُطلب منك التوقف عنها قبل الجلسة ببضعة أيام", unitDuration, true},
		{"Avoid strenuous activity for about a week.", unitDuration, true},
		{"Good hydration is recommended before and after treatment.", unitVolume, false},
		{"Good hydration is recommended before and after treatment.", unitDuration, false},
		{"Drink two litres a day.", unitVolume, true},
	} {
		if got := namesUnit(tt.text, tt.kind); got != tt.want {
			t.Errorf("%q names %s: %v, want %v", tt.text, tt.kind, got, tt.want)
		}
	}
}

// TestUnitWordsAreNormalised: the word lists hold words as textnorm normalises a message's, or they
// never match.
func TestUnitWordsAreNormalised(t *testing.T) {
	lists := []map[string]bool{howMany, exactly, {}}
	for u := range figureUnits {
		lists[2][u] = true
	}
	for _, list := range lists {
		for w := range list {
			if got := textnorm.Words(textnorm.Normalize(w)); len(got) != 1 || got[0] != w {
				t.Errorf("%q normalises to %q", w, got)
			}
		}
	}
}
