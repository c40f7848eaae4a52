package bot

import (
	"slices"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// TestQuestionWordsAreNormalised: the word lists are looked up with normalised words, so a key written
// otherwise ("متى" for متي) would never be found.
func TestQuestionWordsAreNormalised(t *testing.T) {
	for _, list := range []map[string]bool{whWords, auxWords, leadWords, orWords, notWords, addsQuestion, ifWords, wantWords, knowWords, frameFillers, putOffBefore, putOffAsk, putOffAbout, putOffAlso} {
		for w := range list {
			if n := textnorm.Normalize(w); n != w {
				t.Errorf("%q is read as %q: write it so", w, n)
			}
		}
	}
}

func TestQuestionParts(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"how long is the session and does it hurt?", []string{"how long is the session", "does it hurt"}},
		{"ok so how many sessions do I need and also when will I see results", []string{"ok so how many sessions do I need", "also when will I see results"}},
		{"كم جلسة احتاج وبعد كم تبان النتيجة", []string{"كم جلسة احتاج", "وبعد كم تبان النتيجة"}},
		{"kam ta5ith el jalsa? w ba3dha mata arja3 el dawam", []string{"kam ta5ith el jalsa", "w ba3dha mata arja3 el dawam"}},
		// A statement: "when" a word after "and" asks nothing.
		{"My knee feels tight and stiff when I stand up. Is that from the swelling?", nil},
		{"how long is the session?", nil},
		// a negating "وما" joins no question ("and it did not help"); MSA's asking "وما هي" does
		{"سويت علاج طبيعي وما صار فرق. بس شكد لازم ابطل الحديد بعد الابرة؟", nil},
		{"ما اسم الطبيب الذي سيجري الحقن وما هي مؤهلاته؟", []string{"ما اسم الطبيب الذي سيجري الحقن", "وما هي مؤهلاته"}},
		// a question word joined to "and" asks in two words ("and what do I wear"); Tunisian شنوة is one
		{"شو لازم حضر قبل الموعد وشو البس", []string{"شو لازم حضر قبل الموعد", "وشو البس"}},
		{"قداش نستنى باش نرجع للرياضة وشنوة الاعراض", []string{"قداش نستنى باش نرجع للرياضة", "وشنوة الاعراض"}},
		// a contraction opens a question as its word does ("what's", whats)
		{"is one shot enough? also what's the upside vs surgery", []string{"is one shot enough", "also what's the upside vs surgery"}},
		// chat spellings of the words that open a question, and the Maghrebi question particle
		{"do i need to stop advil? also shud i drink lots of water", []string{"do i need to stop advil", "also shud i drink lots of water"}},
		{"wat are stem cels exactly? and shoud i drink more water", []string{"wat are stem cels exactly", "and shoud i drink more water"}},
		{"واش نقدر نرجع للرياضة؟ وواش كاين موعد ديال المراقبة", []string{"واش نقدر نرجع للرياضة", "وواش كاين موعد ديال المراقبة"}},
		// one word with "and" joined to it asks a question of its own after a question mark; a word
		// alone without it does not
		{"كيف بتسحبو الخلايا؟ وبيوجع؟", []string{"كيف بتسحبو الخلايا", "وبيوجع"}},
		{"كيف بتسحبو الخلايا؟ بيوجع؟", nil},
		// one that opens the message does ("does it hurt? and when can I go back to work?"); "ok?" is too short
		{"بيوجع؟ وايمتى بقدر ارجع عالشغل؟", []string{"بيوجع", "وايمتى بقدر ارجع عالشغل"}},
		{"ok? and when can I go back to work?", nil},
		// chat's "n" is "and"
		{"will it hurt n how many sesions do i need", []string{"will it hurt", "how many sesions do i need"}},
		// an ampersand is "and"
		{"how long does it take & can i go back to work after?", []string{"how long does it take", "can i go back to work after"}},
		// "also", "plus" and "btw" join a second question as "and" does
		{"how many sessions do ppl usually need, also is it gonna hurt", []string{"how many sessions do ppl usually need,", "is it gonna hurt"}},
		{"Will I need an X-ray beforehand, plus how long till I see results?", []string{"Will I need an X-ray beforehand,", "how long till I see results"}},
		{"is the soreness after normal? btw when is the follow up usually", []string{"is the soreness after normal", "btw when is the follow up usually"}},
		{"can I also drink coffee before?", nil},
		// a short message's question asked indirectly, a question word or "if" after its frame
		{"Is fasting needed? I also wanted to ask if there's a check-up appointment afterwards.", []string{"Is fasting needed", "I also wanted to ask if there's a check-up appointment afterwards"}},
		{"هو العلاج بيوجع؟ وكمان عايز اعرف هاخد كام جلسة", []string{"هو العلاج بيوجع", "وكمان عايز اعرف هاخد كام جلسة"}},
		{"ايش العلاج هذا بالضبط؟ اشتي افهم قبل ما اجي", nil},
		{"I'm 58 and I've had knee pain for six years and tried everything, physio and shots. Is the procedure going to be very painful? I just want to know what I'm in for.", nil},
		// Arabic's question word last: "and" before it joins a second question to one that asks; the
		// article written apart is no word; "وقت" (time) is no "and"; a statement before "and" asks nothing
		{"هتاخدوا الخلايا منين وهتحقنوها إزاي", []string{"هتاخدوا الخلايا منين", "وهتحقنوها إزاي"}},
		{"الجلسة بتوجع ولا لا و هرجع الشغل امتى؟", []string{"الجلسة بتوجع ولا لا", "هرجع الشغل امتى"}},
		{"الـ harvesting ياخذ كم دقيقة؟ و الـ recovery كم يوم", []string{"الـ harvesting ياخذ كم دقيقة", "و الـ recovery كم يوم"}},
		{"ال harvesting من ال hip بياخد وقت قديش؟", nil},
		{"عملت الحقنة امبارح وارجع الشغل امتى", nil},
	} {
		if got := questionParts(tt.text, plainCues); !slices.Equal(got, tt.want) {
			t.Errorf("questionParts(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestAsksAlone(t *testing.T) {
	for _, tt := range []struct {
		half string
		want bool
	}{
		{"and there is a check-up visit after?", true},
		{"وهتنيموني ولا لا", true},
		{"ووين بالزبط بتنعطى", true},
		{"and whats the point of it", true},
		{"had it for like a year now and nothing works", false},
		{"وقد نصحني صديق بالعلاج", false},
	} {
		if got := asksAlone(tt.half, plainCues); got != tt.want {
			t.Errorf("asksAlone(%q) = %v, want %v", tt.half, got, tt.want)
		}
	}
}

func TestPutOff(t *testing.T) {
	for _, tt := range []struct {
		text, rest, later string
	}{
		{"Before I ask you about smoking, how should I prepare?", "how should I prepare?", "smoking"},
		{"before my question about the ice: can I walk after?", "can I walk after?", "the ice"},
		{"b4 i ask abt water how long is it", "how long is it", "water"},
		{"قبل ما اسألك عن الدوام، بتوجع الابرة؟", "بتوجع الابرة؟", "الدوام"},
		{"9bel ma nsewlek 3la l5edma, wach kayn bnj?", "wach kayn bnj?", "l5edma"},
		{"I wanted to ask about the follow up too but first when do results show", "when do results show", "the follow up"},
		// no topic put off: none named, no end to it, or nothing asked after it
		{"I ate before the session, is that ok?", "", ""},
		{"I want to ask about the recovery", "", ""},
		{"before I ask about the recovery and the work and the sport and the diet and more", "", ""},
		{"before I ask about work,", "", ""},
	} {
		rest, later, ok := putOff(tt.text, plainCues)
		if rest != tt.rest || later != tt.later || ok != (tt.rest != "") {
			t.Errorf("putOff(%q) = %q, %q, %v; want %q, %q", tt.text, rest, later, ok, tt.rest, tt.later)
		}
	}
}

// FuzzPutOff: any text splits, or not, into words of its own, without a panic.
func FuzzPutOff(f *testing.F) {
	for _, s := range []string{"before I ask about x, y z?", "قبل ما اسأل عن ، ؟", "ask about too but first", "before ask about"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rest, later, ok := putOff(text, plainCues)
		if !ok {
			return
		}
		words := strings.Fields(text)
		for _, w := range append(strings.Fields(rest), strings.Fields(later)...) {
			if !slices.ContainsFunc(words, func(x string) bool { return strings.HasPrefix(x, w) }) {
				t.Fatalf("putOff(%q) = %q, %q: %q is no word of the message", text, rest, later, w)
			}
		}
	})
}
