package bot_test

import (
	"context"
	"slices"
	"testing"

	"github.com/faqbot/faqbot/bot"
)

func TestTwoQuestionsGetBothAnswers(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		text string
		ids  []string // the answer, then also
	}{
		{"how long is the session and does it hurt?", []string{"session-duration", "pain"}},
		{"كم مدة الجلسة وهل هي مؤلمة؟", []string{"session-duration", "pain"}},
		{"el 7o2na btewga3? w hakoon sa7i wala nayem?", []string{"anesthesia", "pain"}},               // Arabizi: each part read in Arabic script
		{"متى بيبين التحسن وهل بدي اكتر من جلسة", []string{"results-timeline", "number-of-sessions"}}, // no question mark
		{"will it hurt and when can I go back to the office", []string{"return-to-work", "pain"}},     // read alone, confidently
		{"how long dose it take and dose it hurt", []string{"session-duration", "pain"}},              // "does" as typed in a hurry
		{"كم جلسة بحتاج وبعد كم بتبين النتيجة", []string{"results-timeline", "number-of-sessions"}},   // the question word a word after و
		{"does the injection hurt and I will be asleep or no?", []string{"pain", "anesthesia"}},       // no question word: the "and" a seam
		// each question alone confident, the whole's answer neither's (the questions' words blended)
		{"ما هو العلاج بالخلايا الجذعية؟ وهل يحتاج إلى أكثر من جلسة؟", []string{"what-is-stem-cell-therapy", "number-of-sessions"}},
		// each question alone answered, and neither finds the whole's answer likely: the questions' words
		// blended, whatever their confidence; one word with "and" joined asks a question of its own
		{"شنوة الخلايا الجذعية؟ وقداش من جلسة لازمني؟", []string{"what-are-stem-cells", "number-of-sessions"}},
		{"كيف بتسحبو الخلايا؟ وبيوجع؟", []string{"harvesting", "pain"}},
		// a question read alone that is not sure enough, whose topic the whole ranked low but whose guide
		// section it ranked among its first (sectionAmong)
		{"في تعب بعد العلاج؟ وامتى اقدر ارجع للدوام؟", []string{"return-to-work", "side-effects"}},
		// the whole finds nothing plausible (a guide section leads): each question read apart
		{"ما هي الخلايا الجذعية؟ وكم جلسة يحتاج المريض عادةً؟", []string{"what-are-stem-cells", "number-of-sessions"}},
		// an Arabic question's English words are searched in English, as in a whole message
		{"هل الـ procedure تحت general anesthesia؟ و شو لازم البس؟", []string{"anesthesia", "what-to-wear"}},
		// a question in the other language is read in its own: English in an Arabic message, Arabic in an
		// English one, each answer given in the message's language
		{"الخلايا الجذعية شو هي؟ and how long until I feel better?", []string{"what-are-stem-cells", "results-timeline"}},
		{"بتوجع الابرة؟ and when can I go back to work?", []string{"return-to-work", "pain"}},
		// "also" joins a second question as "and" does; one asked indirectly after its frame is a question
		{"how many sessions do ppl usually need, also is it gonna hurt", []string{"number-of-sessions", "pain"}},
		{"Is fasting needed? I also wanted to ask if there's a check-up appointment afterwards.", []string{"follow-up", "fasting"}},
		// a topic the message puts off ("before I ask about…") is no part of its question: answered beside it
		{"before I ask about going back to work, will I be awake during it?", []string{"anesthesia", "return-to-work"}},
		{"قبل ما اسألك عن الشغل، كم جلسة بحتاج؟", []string{"number-of-sessions", "return-to-work"}},
		{"abel ma es2alak 3an el shoghl, el 7o2na btewga3?", []string{"pain", "return-to-work"}},
		{"I wanted to ask about what to wear too but first how long is the session", []string{"session-duration", "what-to-wear"}},
		// a question of one telling word the recovery section is sure of: its entry answers it
		{"is bruising normal after? and should i be icing it", []string{"side-effects", "recovery-tips"}},
		// a short second question not sure alone, its lead backed by the whole message
		{"شو لازم ألبس؟ وقديش بدي ضل بالعيادة؟", []string{"what-to-wear", "session-duration"}},
		{"el 7o2na btewga3? w kman hanam wala la2?", []string{"pain", "anesthesia"}}, // Arabizi
		// too short to be sure alone even so, but the whole message weighs its lead
		{"When can I go back to work? and the gym?", []string{"return-to-work", "activity-restrictions"}},
		{"emta fini erja3 3al shoghl? w el gym?", []string{"return-to-work", "activity-restrictions"}},
		// its lead backed though a guide section about the same step leads its reading, by a little
		{"لازم اشرب مويه كثير قبل؟ والاكل؟", []string{"hydration", "fasting"}},
		{"tabi3i l waram w l 7mar? w l talj bifid?", []string{"side-effects", "recovery-tips"}},
		// a plus sign between two questions joins them as "and" does
		{"how many sessions usually + when do u start seeing results", []string{"results-timeline", "number-of-sessions"}},
		{"how long is the session?", []string{"session-duration"}},
		{"I had my knee done and I'm a bit sore, is that normal?", []string{"side-effects"}},
		// The second question is the first one's detail: the guide's section on it is no second answer.
		{"How do they know exactly where to put the needle? Is it guided by some kind of scan?", []string{"injection"}},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		got := []string{a.ID}
		for _, x := range a.Also {
			got = append(got, x.ID)
			if x.Answer == "" || x.Title == "" || x.Confidence <= 0 {
				t.Errorf("%q: also %+v is not a whole answer", tt.text, x)
			}
		}
		if a.Status != bot.Answered || len(got) != len(tt.ids) || got[0] != tt.ids[0] || (len(got) > 1 && got[1] != tt.ids[1]) {
			t.Errorf("%q: got %s %v, want answered %v", tt.text, a.Status, got, tt.ids)
		}
		if len(a.Also) > 0 && a.Offered()[0].ID != a.Also[0].ID {
			t.Errorf("%q: offered %v, want the second answer first", tt.text, a.Offered())
		}
	}
}

// TestUnsureSecondQuestionIsOffered: a second question too unsure alone to answer, or a detail of the
// answer's own topic, has its likeliest topic offered (AlsoAsked), as the first button after the answers;
// one the knowledge declines, none.
func TestUnsureSecondQuestionIsOffered(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		text, id, asked string // asked "" is none offered
	}{
		{"وش ألبس يوم الموعد؟ وهل فيه ألم؟", "what-to-wear", "pain"},
		{"how long is the session? and who is the doctor?", "session-duration", ""},
		// a detail of the answer's topic (the harvest's length, which its entry gives) is no second answer
		{"How do you get the cells out of my hip, and how long does that part take?", "harvesting", ""},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var asked []string
		for _, x := range a.AlsoAsked {
			asked = append(asked, x.ID)
			if x.Title == "" || x.Title == x.ID {
				t.Errorf("%q: offered %+v has no title", tt.text, x)
			}
		}
		want := []string{}
		if tt.asked != "" {
			want = []string{tt.asked}
		}
		if a.Status != bot.Answered || a.ID != tt.id || !slices.Equal(asked, want) {
			t.Errorf("%q: got %s %q asked %v, want %q asked %v", tt.text, a.Status, a.ID, asked, tt.id, want)
		}
		if len(asked) > 0 && a.Offered()[len(a.Also)].ID != asked[0] {
			t.Errorf("%q: offered %v, want the asked topic right after the answers", tt.text, a.Offered())
		}
	}
}

// TestPartsNeverAnswerAnOutOfScopeMessage: a message the knowledge does not cover gets no answer from a
// part of it read alone ("can my cat have this treatment?" must not be answered about hips).
func TestPartsNeverAnswerAnOutOfScopeMessage(t *testing.T) {
	eng := sharedEngine(t)
	text := "can my cat have this treatment? she has really bad hips and limps"
	a, err := eng.Answer(context.Background(), bot.Question{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status == bot.Answered || len(a.Also) > 0 {
		t.Errorf("%q: got %s %q also %v, want no answer", text, a.Status, a.ID, a.Also)
	}
}

// TestLongMessageQuestion: the question of a message told at length is read without the story, when the
// whole finds no answer, or one that answers the story.
func TestLongMessageQuestion(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		story, want string // want "" is no answer
	}{
		{"My husband keeps reading forums about recovery times and results and it stresses me out. My son " +
			"will drive me there and back. Honestly I just want to know one thing. Can I eat breakfast on the " +
			"morning of the procedure?", "fasting"},
		// The story is about going back to work; the question, read alone, about the session's length.
		{"I work shifts at a bakery and my manager wants to know when I'll be back at work. My sister can look " +
			"after the dog until lunchtime only. How many hours will I be at the clinic on the day?", "session-duration"},
		// The whole is answered, not surely, from the story (the treatment instead of surgery: benefits),
		// which is no likely reading of the question alone (session 18, a blind MSA message).
		{"أعاني من خشونة في الركبة منذ سنوات، وقد نصحني زميل في العمل بالعلاج بالخلايا الجذعية بدلاً من " +
			"الجراحة. أنا موظف في بنك ولا أستطيع الغياب طويلاً، ومديري لا يحب الإجازات المفاجئة. كم يوماً أحتاج قبل أن أعود إلى عملي؟", "return-to-work"},
		// No sentence asks (voice-to-text, no punctuation): the question is the words from its last question word.
		{"انا عمري ٦٩ سنة وعندي خشونة في الركبتين من زمان والدكتور بتاعي قالي العلاج ده ممكن يفيدني وبنتي " +
			"هتيجي معايا عايز اعرف كام جلسة هحتاج عشان اخلص", "number-of-sessions"},
		// A colon ends the frame before the question ("I want to understand: what are…").
		{"My neighbour is sure it is all science fiction and my daughter keeps sending me videos about it. I am " +
			"62 and both my knees are bad. Before I come for a consultation I want to understand: what are stem cells " +
			"exactly?", "what-are-stem-cells"},
		// The story is about the knees the treatment helps; the question alone is out of scope.
		{"My uncle is 91 and his knees are worn out after years of farming. He will not have surgery at his " +
			"age and I understand why. Do you have a maximum age for patients?", ""},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.story})
		if err != nil {
			t.Fatal(err)
		}
		if tt.want == "" && a.Status == bot.Answered || tt.want != "" && (a.Status != bot.Answered || a.ID != tt.want) {
			t.Errorf("%.40q: got %s %q, want %q", tt.story, a.Status, a.ID, tt.want)
		}
	}
}

// TestLongMessageOffersItsQuestionsTopics: a long message whose whole finds nothing close is offered what
// its question, read alone, finds plausible, not the fallback (a blind English message of session 14);
// since session 20 answered by it, the whole's likeliest entry being no likely reading of the question.
func TestLongMessageOffersItsQuestionsTopics(t *testing.T) {
	eng := sharedEngine(t)
	a, err := eng.Answer(context.Background(), bot.Question{Text: "So I'm 58 and I've had osteoarthritis in both knees " +
		"for about six years. My orthopedic guy keeps pushing for a replacement but I really don't want to be off my " +
		"feet for months, I run a small bakery. A friend from church did stem cells last year and swears by it. How " +
		"soon after would I realistically be back behind the counter?"})
	if err != nil {
		t.Fatal(err)
	}
	offered := slices.ContainsFunc(a.Suggestions, func(s bot.Topic) bool { return s.ID == "return-to-work" })
	if !(a.Status == bot.Answered && a.ID == "return-to-work") && (a.Status != bot.NoMatch || a.Reason != bot.ReasonUnsure || !offered) {
		t.Errorf("got %s %s %q %v, want return-to-work answered, or unsure offering it", a.Status, a.Reason, a.ID, a.Suggestions)
	}
}
