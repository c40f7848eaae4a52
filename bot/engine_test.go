package bot_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/enginetest"
	"github.com/faqbot/faqbot/knowledge"
)

func TestAnswer(t *testing.T) {
	eng := sharedEngine(t)
	tests := []struct {
		q, lang    string
		wantStatus bot.Status
		wantID     string
		wantLang   string
	}{
		{"What should I wear to my appointment?", "auto", bot.Answered, "what-to-wear", "en"},
		{"will they knock me out for it", "auto", bot.Answered, "anesthesia", "en"},
		{"how soon can I go back to my job", "auto", bot.Answered, "return-to-work", "en"},
		{"do I need to stop taking advil?", "auto", bot.Answered, "stop-nsaids", "en"},
		{"ماذا ألبس يوم الجلسة؟", "auto", bot.Answered, "what-to-wear", "ar"},
		{"متى ارجع للدوام بعد الحقنة", "auto", bot.Answered, "return-to-work", "ar"},
		{"I have a fever after the injection", "auto", bot.Urgent, "", "en"},
		{"عندي ضيق تنفس", "auto", bot.Urgent, "", "ar"},
		{"7rarti 38.7 w jismi ykasser, ams sawait el 7igna", "auto", bot.Urgent, "", "ar"}, // Arabizi: told in Arabic
		{"بعد الـ antibiotic طلع rash وشفايفي تورمت و I feel like my throat is closing", "auto", bot.Urgent, "", "ar"},
		{"what about ice?", "auto", bot.Answered, "recovery-tips", "en"}, // the recovery section, sure of it, stands for its entry
		{"صيام؟", "auto", bot.Answered, "fasting", "ar"},
		{"t3awer?", "auto", bot.Answered, "pain", "ar"},                                 // a few words naming one entry alone
		{"كيف بعمل مقلوبة؟", "auto", bot.NoMatch, "", "ar"},                             // not by a word the search corrected (مطلوب)
		{"Can I fly home two days after the procedure?", "auto", bot.NoMatch, "", "en"}, // the section's entry, not over a near miss
		{"what's the weather like in Paris", "auto", bot.NoMatch, "", "en"},
		{"how much does the treatment cost?", "auto", bot.NoMatch, "", "en"},
		{"can I take paracetamol after the injection instead", "auto", bot.NoMatch, "", "en"}, // a medicine the knowledge declines
		{"is it covered by my health insurance", "auto", bot.NoMatch, "", "en"},
		{"could stem cells cure my son's autism?", "auto", bot.NoMatch, "", "en"},
		{"is it safe to have this while pregnant", "auto", bot.NoMatch, "", "en"},
		{"هل يغطي التأمين الصحي تكلفة العلاج؟", "auto", bot.NoMatch, "", "ar"},
		{"انا حامل هل اقدر اسوي الحقنة", "auto", bot.NoMatch, "", "ar"},
		{"a bit sore and bruised where they took the fat, is that ok?", "auto", bot.Answered, "side-effects", "en"},
		{"", "auto", bot.NoMatch, "", "en"},
		{"What should I wear?", "ar", bot.Answered, "what-to-wear", "ar"}, // English words of the knowledge, answered in the language asked for
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a, err := eng.Answer(context.Background(), bot.Question{Text: tt.q, Lang: tt.lang})
			if err != nil {
				t.Fatalf("Answer: %v", err)
			}
			if a.Status != tt.wantStatus || a.ID != tt.wantID || a.Lang != tt.wantLang {
				t.Errorf("got status %s id %q lang %s (confidence %.2f, matches %+v), want %s %q %s",
					a.Status, a.ID, a.Lang, a.Confidence, a.Matches, tt.wantStatus, tt.wantID, tt.wantLang)
			}
			checkShape(t, a)
		})
	}
}

// checkShape holds for every reply: a disclaimer in the reply's language, a reply text, and an answer
// only when answered.
func checkShape(t *testing.T, a bot.Answer) {
	t.Helper()
	if a.Disclaimer == "" || a.Reply == "" {
		t.Errorf("reply %q or disclaimer %q is empty", a.Reply, a.Disclaimer)
	}
	arabic := strings.ContainsAny(a.Disclaimer, "ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	if arabic != (a.Lang == "ar") {
		t.Errorf("disclaimer %q is not in %s", a.Disclaimer, a.Lang)
	}
	if (a.Status == bot.Answered) != (a.ID != "" && a.Answer != "" && a.Title != "") {
		t.Errorf("status %s with id %q title %q answer %q", a.Status, a.ID, a.Title, a.Answer)
	}
	if a.Confidence < 0 || a.Confidence > 1 {
		t.Errorf("confidence %v outside [0,1]", a.Confidence)
	}
	if a.Matches == nil {
		t.Errorf("matches is nil, want a list")
	}
}

func TestAnswerCarriesSourceAndRelated(t *testing.T) {
	eng := sharedEngine(t)
	a, err := eng.Answer(context.Background(), bot.Question{Text: "how are the cells harvested from the hip?"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != bot.Answered || a.ID != "harvesting" {
		t.Fatalf("got %s %q, want answered harvesting", a.Status, a.ID)
	}
	if !strings.Contains(a.Source, "›") || len(a.Related) == 0 {
		t.Errorf("got source %q related %v, want a guide section and related topics", a.Source, a.Related)
	}
}

func TestHostileInputNeverPanics(t *testing.T) {
	eng := sharedEngine(t)
	for _, q := range []string{
		strings.Repeat("pain ", 2000),
		strings.Repeat("ا", 10000),
		"🙂🙂🙂",
		"\x00\x01\x02\x1b[31m",
		`+inject* -"fasting" title:(x OR y) ~2 ^3 \ / [a TO b] {c}`,
		"\xff\xfe\xfd",
		"\u202e\u200f\u200b",
		"fasting:true AND injection:*",
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: q, Explain: true})
		if err != nil {
			t.Errorf("Answer(%.30q): %v", q, err)
			continue
		}
		checkShape(t, a)
	}
}

func TestGuideSectionsAnswerWhenNoFAQEntryDoes(t *testing.T) {
	bank, _, err := knowledge.LoadPath("../knowledge/testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	eng := enginetest.Over(t, bank, bot.Options{})
	a, err := eng.Answer(context.Background(), bot.Question{Text: "what do I do on arriving?"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != bot.Answered || a.ID != "arriving" || a.Answer == "" || a.Source != "Clinic guide › Arriving" {
		t.Errorf("got %s %q source %q, want the guide section arriving quoted", a.Status, a.ID, a.Source)
	}
	// A word or three match a long section by chance: no section answers them.
	if a, err = eng.Answer(context.Background(), bot.Question{Text: "arriving?"}); err != nil || a.Status == bot.Answered {
		t.Errorf("arriving?: got %s %q (%v), want no answer", a.Status, a.ID, err)
	}
}

// A section that FAQ entries are drawn from is answered by them, question by question: quoted whole it
// answers a question its entries do not, and so not that one (on the blind sets every such quote had been
// a wrong answer).
func TestGuideSectionsCitedByEntriesAreNotQuoted(t *testing.T) {
	bank, _, err := knowledge.LoadPath("../knowledge/testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	entries := slices.Clone(bank.Entries)
	for i, e := range entries {
		if e.ID == "c12" && e.Lang == "en" {
			entries[i].Source = "arriving"
		}
	}
	cited := knowledge.NewBank(entries, bank.Lexicons)
	if !cited.Cited("arriving", "en") || cited.Cited("arriving", "ar") || bank.Cited("arriving", "en") {
		t.Fatalf("Cited: the section is cited in English only, and only in the bank whose entry names it")
	}
	eng := enginetest.Over(t, cited, bot.Options{})
	a, err := eng.Answer(context.Background(), bot.Question{Text: "what do I do on arriving?"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status == bot.Answered {
		t.Errorf("got %s %q, want no section quoted over the entry drawn from it", a.Status, a.ID)
	}
}

func FuzzAnswer(f *testing.F) {
	eng := sharedEngine(f)
	for _, s := range []string{"how long is recovery?", "عندي حرارة", "+-:*\"()", "", "\xff", "🙂"} {
		f.Add(s, "auto")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		a, err := eng.Answer(context.Background(), bot.Question{Text: text, Lang: lang, Explain: true})
		if err != nil {
			if !errors.Is(err, bot.ErrInvalid) {
				t.Fatalf("Answer(%q, %q): %v", text, lang, err)
			}
			return
		}
		checkShape(t, a)
	})
}

func TestAnswerErrors(t *testing.T) {
	eng := sharedEngine(t)
	if _, err := eng.Answer(context.Background(), bot.Question{Text: "hi", Lang: "fr"}); !errors.Is(err, bot.ErrInvalid) {
		t.Errorf("unsupported language: got %v, want ErrInvalid", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := eng.Answer(ctx, bot.Question{Text: "how long is the session?"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v, want context.Canceled", err)
	}
	if _, err := bot.New(nil, nil, bot.Options{}); err == nil {
		t.Errorf("New without bank: got no error")
	}
}

func TestThresholdAndTop(t *testing.T) {
	strict := newEngine(t, bot.Options{Threshold: 0.999})
	a, err := strict.Answer(context.Background(), bot.Question{Text: "how long does recovery take", Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != bot.NoMatch || len(a.Suggestions) == 0 || len(a.Matches) != 5 {
		t.Errorf("got status %s, %d suggestions, %d matches; want no_match with suggestions and 5 matches", a.Status, len(a.Suggestions), len(a.Matches))
	}
}

func TestMessagesOverride(t *testing.T) {
	eng := newEngine(t, bot.Options{Messages: map[string]bot.Messages{"en": {Contact: "Call 555-0100."}}})
	a, err := eng.Answer(context.Background(), bot.Question{Text: "I have chest pain"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != bot.Urgent || !strings.HasSuffix(a.Reply, "Call 555-0100.") {
		t.Errorf("got %s %q, want urgent reply ending with the clinic contact", a.Status, a.Reply)
	}
}

// TestClinicDetails: the configured clinic details are worded by the knowledge's contact card under the
// urgent and fallback replies, in the patient's language; a detail not given leaves its line out; an
// explicit contact text wins.
func TestClinicDetails(t *testing.T) {
	details := map[string]bot.ClinicDetails{
		"en": {Name: "Riverside Clinic", Phone: "+1 555 0100", Booking: "https://book.example/riverside"},
		"ar": {Name: "عيادة النهر", Phone: "+1 555 0100"},
	}
	eng := newEngine(t, bot.Options{Clinic: details})
	for _, tc := range []struct {
		q, want, not string
	}{
		{"I can't breathe", "Riverside Clinic\nPhone: +1 555 0100\nBook or change an appointment: https://book.example/riverside", "Opening hours"},
		{"what is the capital of peru", "Phone: +1 555 0100", "Address"},
		{"ما اقدر اتنفس", "عيادة النهر\nالهاتف: +1 555 0100", "العنوان"},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Reply, tc.want) || strings.Contains(a.Reply, tc.not) {
			t.Errorf("%q: reply %q, want %q and no %q", tc.q, a.Reply, tc.want, tc.not)
		}
	}
	// A long message that names someone to reach and asks a question the knowledge answers gets the
	// answer, and the contact after it.
	receptionist := "I work as a receptionist at a busy gym and can't leave them short for long. My injection is on Tuesday for my shoulder. When can I realistically be back at work?"
	if a, _ := eng.Answer(context.Background(), bot.Question{Text: receptionist}); a.ID != "return-to-work" || !strings.HasSuffix(a.Reply, "Phone: +1 555 0100\nBook or change an appointment: https://book.example/riverside") {
		t.Errorf("%q: got %s %q, reply %q, want return-to-work with the contact", receptionist, a.Status, a.ID, a.Reply)
	}
	eng = newEngine(t, bot.Options{Clinic: details, Messages: map[string]bot.Messages{"en": {Contact: "Call 555-0199."}}})
	if a, _ := eng.Answer(context.Background(), bot.Question{Text: "I can't breathe"}); !strings.HasSuffix(a.Reply, "Call 555-0199.") {
		t.Errorf("explicit contact: reply %q", a.Reply)
	}
}

func TestTopicsAndTopic(t *testing.T) {
	eng := sharedEngine(t)
	if got := eng.Topics("ar"); len(got) != 30 || got[0].ID != "session-overview" || got[0].Title == "" {
		t.Errorf("Topics(ar): %d topics, first %+v", len(got), got)
	}
	a, ok := eng.Topic("harvesting", "ar")
	if !ok || a.Status != bot.Answered || a.Lang != "ar" || a.Confidence != 1 || len(a.Related) == 0 {
		t.Errorf("Topic(harvesting, ar): %v %+v", ok, a)
	}
	checkShape(t, a)
	for _, id := range []string{"nope", "oos-cost"} {
		if _, ok := eng.Topic(id, "en"); ok {
			t.Errorf("Topic(%s): got an answer", id)
		}
	}
}

// failingSearch is an index that is down.
type failingSearch struct{}

func (failingSearch) Search(context.Context, knowledge.Query) (knowledge.SearchResult, error) {
	return knowledge.SearchResult{}, errors.New("index unavailable")
}

func TestTriageNeedsNoSearch(t *testing.T) {
	bank, _, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := bot.New(bank, failingSearch{}, bot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Answer(context.Background(), bot.Question{Text: "I can't breathe and my chest hurts"})
	if err != nil || a.Status != bot.Urgent || a.Urgency != "emergency" || !strings.Contains(a.Reply, "emergency") {
		t.Errorf("got %s/%s %q, %v; want an emergency reply although the search fails", a.Status, a.Urgency, a.Reply, err)
	}
	a, err = e.Answer(context.Background(), bot.Question{Text: "عندي حرارة ٣٩ من امبارح"})
	if err != nil || a.Status != bot.Urgent || a.Urgency != "clinic" || a.Lang != "ar" {
		t.Errorf("got %s/%s in %s, %v; want a clinic reply in Arabic", a.Status, a.Urgency, a.Lang, err)
	}
	if _, err := e.Answer(context.Background(), bot.Question{Text: "what should I wear"}); err == nil {
		t.Error("a question that needs the search got no error from a failing search")
	}
	expired, cancel := context.WithCancel(context.Background())
	cancel()
	if a, err := e.Answer(expired, bot.Question{Text: "my chest hurts"}); err != nil || a.Urgency != "emergency" {
		t.Errorf("past its deadline: got %s, %v; want the emergency reply all the same", a.Urgency, err)
	}
}

// TestRepliesFromTheKnowledge: a bank's own replies replace the embedded ones, and the service's
// configuration has the last word.
func TestRepliesFromTheKnowledge(t *testing.T) {
	bank, _, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	bank.Replies = map[string]knowledge.Replies{"en": {Lang: "en", Clinic: "Ring the clinic today."}}
	eng := enginetest.Over(t, bank, bot.Options{Messages: map[string]bot.Messages{"en": {Contact: "Call 555-0100."}}})
	a, err := eng.Answer(context.Background(), bot.Question{Text: "I have a fever since the injection"})
	if err != nil || a.Reply != "Ring the clinic today.\nCall 555-0100." {
		t.Errorf("got %q, %v; want the bank's clinic reply and the configured contact", a.Reply, err)
	}
	a, err = eng.Answer(context.Background(), bot.Question{Text: "I can't breathe"})
	if err != nil || !strings.HasPrefix(a.Reply, "What you describe may need urgent medical attention") {
		t.Errorf("got %q, %v; want the embedded emergency reply where the bank has none", a.Reply, err)
	}
}

// TestWordsOnlyDeclinedAreNotAnswered: a question holding a word the knowledge uses only in an
// out-of-scope entry, which is itself a likely reading, is not answered from a neighbouring entry that
// shares its other words; a clinic's own sheet gets this from its own out-of-scope entries.
func TestWordsOnlyDeclinedAreNotAnswered(t *testing.T) {
	bank := knowledge.NewBank([]knowledge.Entry{
		{ID: "nsaids", Lang: "en", Kind: knowledge.FAQ, Title: "Anti-inflammatories", Question: "Can I take ibuprofen after the injection?",
			Alternates: []string{"is ibuprofen ok after the injection", "can I take anti-inflammatory pills after"},
			Answer:     "Avoid ibuprofen and other anti-inflammatory drugs after the injection."},
		{ID: "wear", Lang: "en", Kind: knowledge.FAQ, Title: "What to wear", Question: "What should I wear?", Answer: "Loose clothes."},
		{ID: "oos-medicines", Lang: "en", Kind: knowledge.OutOfScope, Title: "Other medicines", Question: "Can I take paracetamol?",
			Alternates: []string{"is paracetamol allowed", "can I keep taking paracetamol"}},
	}, nil)
	checkStatuses(t, enginetest.Over(t, bank, bot.Options{}), map[string]bot.Status{
		"can I take paracetamol after the injection": bot.NoMatch,
		"can I take ibuprofen after the injection":   bot.Answered,
	})
}

// TestWhatAnEntryDoesNotCoverIsNotAnswered: a question naming what an entry's unless says its answer
// does not cover is not answered from it, in any of the entry's languages, though it reads as the
// entry's own; the entry stays a topic to offer. A clinic's own sheet gets this from its own entries.
func TestWhatAnEntryDoesNotCoverIsNotAnswered(t *testing.T) {
	bank := knowledge.NewBank([]knowledge.Entry{
		{ID: "ice", Lang: "en", Kind: knowledge.FAQ, Title: "Ice after treatment", Question: "Should I put ice on the knee after the injection?",
			Alternates: []string{"ice packs after the injection", "can I use ice on my knee after"},
			Answer:     "Use ice packs in the first 24 hours.", Unless: []string{"heating pad", "hot compress"}},
		{ID: "ice", Lang: "ar", Kind: knowledge.FAQ, Title: "الثلج بعد العلاج", Question: "هل أضع الثلج على الركبة بعد الحقنة؟",
			Answer: "استخدم كمادات الثلج في أول 24 ساعة.", Unless: []string{"كمادات سخنة"}},
		{ID: "wear", Lang: "en", Kind: knowledge.FAQ, Title: "What to wear", Question: "What should I wear?", Answer: "Loose clothes."},
	}, nil)
	eng := enginetest.Over(t, bank, bot.Options{})
	checkStatuses(t, eng, map[string]bot.Status{
		"can I use a heating pad on my knee after the injection instead of ice": bot.NoMatch,
		"hot compresses on the knee after the injection?":                       bot.NoMatch, // a plural of the phrase
		"ينفع احط الكمادات السخنة على الركبة بعد الحقنة؟":                       bot.NoMatch, // the article joined
		"can I put ice on my knee after the injection":                          bot.Answered,
	})
	a, err := eng.Answer(context.Background(), bot.Question{Text: "can I use a heating pad on my knee after the injection instead of ice"})
	if err != nil || !slices.ContainsFunc(a.Suggestions, func(s bot.Topic) bool { return s.ID == "ice" }) {
		t.Errorf("the entry is not offered: %+v, %v", a, err)
	}
	// nor is the after-effects entry given for an after-effect its unless names
	def := sharedEngine(t)
	a, err = def.Answer(context.Background(), bot.Question{Text: "هيفضل فيه أثر أو ندبة مكان ما سحبوا الدهون من بطني؟"})
	if err != nil || a.Status == bot.Answered {
		t.Errorf("a scar asked of is answered: %s %s, %v", a.Status, a.ID, err)
	}
	a, err = eng.Answer(context.Background(), bot.Question{Text: "can I use a heating pad on my knee after the injection instead of ice"})
	if err != nil || !slices.ContainsFunc(a.Suggestions, func(s bot.Topic) bool { return s.ID == "ice" }) {
		t.Errorf("the entry is not offered: %+v, %v", a, err)
	}
}

// TestATieWithADeclinedReadingIsNotAnswered: a question the default knowledge reads as nearly as surely
// one it declines as one it answers, or as one it declines that holds more of its words, gets no answer.
func TestATieWithADeclinedReadingIsNotAnswered(t *testing.T) {
	checkStatuses(t, sharedEngine(t), map[string]bot.Status{
		"can i still have my morning coffee before the procedure": bot.NoMatch, // diet, or fasting
		"can i fly back home the day aftr the procedure":          bot.NoMatch, // travel, or going home
		"كم سعر الحقنة في الركبة؟":                                bot.NoMatch, // the price, beside the injection
		"do I need to fast before the procedure":                  bot.Answered,
		"كيف تتم الحقنة في الركبة؟":                               bot.Answered,
	})
}

// TestAFigureTheAnswerDoesNotGiveIsNotAnswered: a question asking a figure in a unit the nearest entry
// never names is out of scope, with that entry offered; one the entry gives a figure for is answered.
func TestAFigureTheAnswerDoesNotGiveIsNotAnswered(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		q      string
		status bot.Status
		id     string // answered, or offered
	}{
		{"how many litres of water should I drink before the session", bot.NoMatch, "hydration"},
		{"should I drink lots of water before the session", bot.Answered, "hydration"},
		{"how many hours does the whole session take, exactly?", bot.Answered, "session-duration"},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.q})
		offered := slices.ContainsFunc(a.Suggestions, func(x bot.Topic) bool { return x.ID == tt.id })
		if err != nil || a.Status != tt.status || (a.ID != tt.id && !offered) {
			t.Errorf("%q: got %s %q (%s) offering %v (%v), want %s %q", tt.q, a.Status, a.ID, a.Reason, a.Suggestions, err, tt.status, tt.id)
		}
	}
}

// TestAfterEffectsAreAnsweredFromTheirEntry: expected after-effects told as what one feels now, which
// the search alone finds no sure answer to, or that ask nothing, get the knowledge's after-effects entry
// (with its warning signs); a question the knowledge declines, or a red flag, does not. A long story of
// after-effects whose question, read alone, has another answer gets both, that answer first.
func TestAfterEffectsAreAnsweredFromTheirEntry(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		text   string
		status bot.Status
		id     string
		also   string
	}{
		{"rekbti mwarma shwaya el yom", bot.Answered, "side-effects", ""},
		{"طلع عندي زرقان صغير مكان الحقنة", bot.Answered, "side-effects", ""},
		{"zero energy today, couldnt be bothered to do anything lol", bot.Answered, "side-effects", ""},
		// told, nothing asked: the entry answers though the search found another ("injection spot")
		{"slight redness around the injection spot, not warm", bot.Answered, "side-effects", ""},
		{"the injection site is swollen, red and hot, and I have a fever of 39", bot.Urgent, "", ""},
		{"I had my knee injected yesterday and it is a little bruised and sore today, which I expected. My " +
			"daughter is getting married on Saturday and I will be on my feet all day at the party. Is it fine " +
			"to have a glass of wine at the wedding?", bot.Answered, "alcohol-smoking", "side-effects"},
		// the story told apart from its questions, which a part answers
		{"3amalt el 7o2na embare7 fel rokba w 7ases b waga3 basit w ta3ban shwaya, mafish 7aga wa7sha. a7ot talg? w emta?",
			bot.Answered, "recovery-tips", "side-effects"},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		also := ""
		if len(a.Also) > 0 {
			also = a.Also[0].ID
		}
		if a.Status != tt.status || a.ID != tt.id || also != tt.also {
			t.Errorf("%.50q: got %s %q (%s) also %q, want %s %q also %q", tt.text, a.Status, a.ID, a.Reason, also, tt.status, tt.id, tt.also)
		}
	}
}
