package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/knowledge"
)

func TestConversationActs(t *testing.T) {
	eng := newEngine(t, bot.Options{Clinic: map[string]bot.ClinicDetails{"en": {Phone: "+1 555 0100"}, "ar": {Phone: "+1 555 0100"}}})
	for _, tt := range []struct {
		text, reason, lang string
		menu, contact      bool
	}{
		{"hi", "greeting", "en", true, false},
		{"Good morning!", "greeting", "en", true, false},
		{"hello there, how are you?", "greeting", "en", true, false},
		{"thanks!", "thanks", "en", false, false},
		{"ok thank you so much 🙏", "thanks", "en", false, false},
		{"ok", "ack", "en", false, false},
		{"no", "ack", "en", false, false},
		{"👍", "ack", "en", false, false},
		{"super 👍", "ack", "en", false, false},       // a symbol beside a remark
		{"👍👍", "ack", "en", false, false},            // a symbol doubled is the symbol
		{"wat can u do", "help", "en", true, false},  // chat's spellings of short words
		{"r u a bot", "identity", "en", false, true}, // and of an act's own phrase ("r u")
		{"انسان ولا برنامج؟", "identity", "ar", false, true},
		{"am I talking to a human or a program?", "identity", "en", false, true}, // a choice asks who answers
		{"I want to talk to a real person, not a bot", "handoff", "en", false, true},
		{"bye", "goodbye", "en", false, false},
		{"thanks, bye", "goodbye", "en", false, false}, // thanks in a farewell takes leave
		{"باي، يعطيك العافية", "goodbye", "ar", false, false},
		{"bslama w merci", "goodbye", "ar", false, false}, // Arabizi's "and" written apart is filler
		{"are you a bot?", "identity", "en", false, true},
		{"help", "help", "en", true, false},
		{"can I talk to a human please", "handoff", "en", false, true},
		{"what's your phone number?", "handoff", "en", false, true},
		{"I need to reschedule my session next week, my daughter is sick", "handoff", "en", false, true},
		{"can i move my apointment", "handoff", "en", false, true}, // the lexicon's variant of appointment
		{"Need to postpone my follow up, I'm travelling till the 20th", "handoff", "en", false, true},
		{"الدوام عندكم لين كم الساعة؟", "handoff", "ar", false, true}, // a pattern's "ساعه" with the article
		{"مرحبا", "greeting", "ar", true, false},
		{"السلام عليكم", "greeting", "ar", true, false},
		{"شكرا جزيلا", "thanks", "ar", false, false},
		{"تمام", "ack", "ar", false, false},
		{"ok تمام thanks", "thanks", "ar", false, false}, // thanks with an acknowledgement, in Arabic chat's borrowed words
		{"ابي احجز موعد الاسبوع الجاي", "handoff", "ar", false, true},
		{"العيادة بتفتح الساعة كم؟", "handoff", "ar", false, true}, // the clinic as who opens
		{"وين العيادة؟", "handoff", "ar", false, true},
		{"shukran", "thanks", "ar", false, false},
		{"salam 3alaykom", "greeting", "ar", true, false},
		{"enta bot?", "identity", "ar", false, true},
		{"inta robot wala bani adam?", "identity", "ar", false, true},
		{"ابغى اكلم customer service", "handoff", "ar", false, true}, // an English act phrase in Arabic: answered in Arabic
		{"ok يا دكتور", "ack", "ar", false, false},
		// Read by the learned classifier, beyond the phrases: stretched, misspelt, worded otherwise.
		{"hiiii", "greeting", "en", true, false},
		{"Many thanks for your kindly help", "thanks", "en", false, false},
		{"marhaba kifkon", "greeting", "ar", true, false}, // Arabic in Latin letters, answered in Arabic
		{"bye for now", "goodbye", "en", false, false},
		{"am i talking to a real person?", "identity", "en", false, true},
		// Patterns of slots: their words within a few words of each other, in a short message.
		{"pls give me a ring tomorrow", "handoff", "en", false, true},
		{"need to rebook my consult for next month", "handoff", "en", false, true},
		{"r u a robot", "identity", "en", false, true},
		// A phrase is found without its articles, which learners leave out.
		{"I want make appointment for next week please", "handoff", "en", false, true},
		{"قائمة", "help", "ar", true, false}, // القائمة
		// Arabizi read in Arabic script, where its Latin words find no act
		{"fin jat l3onwan dyalkom?", "handoff", "ar", false, true},
		// read with the Arabic acts' own words however the Latin letters spell them: الغي موعد
		{"3ayez alghy el mo3ad", "handoff", "ar", false, true},
		{"بدي اغير ميعادي لبكرا", "handoff", "ar", false, true},
		{"ممكن تتصلوا بابني؟ هو اللي يرتب مواعيدي", "handoff", "ar", false, true}, // a call to a relative
		// Misspelt or drawn out: read as the act word nearest in spelling, when no knowledge word is meant.
		{"am i talking to a real persn or a bot", "identity", "en", false, true},
		{"i need to resceduale my apointment", "handoff", "en", false, true},
		{"heyy", "greeting", "en", true, false},
		{"hii", "greeting", "en", true, false}, // a taught phrase's "hii" is "hi" drawn out
		// asking for a person, or to book, in a pattern's words
		{"need a human pls", "handoff", "en", false, true},
		{"Kindly connect me with the doctor directly", "handoff", "en", false, true},
		{"abi 7ad ykalmni", "handoff", "ar", false, true},
		{"3ayez a7gez", "handoff", "ar", false, true},
		// An act beside a remark the knowledge finds nothing in.
		{"thank you so much, that helps a lot", "thanks", "en", false, false},
		{"Ok I will see you Thursday then. Bye bye", "goodbye", "en", false, false},
		// The act most of the message says; a pattern may use another act's phrase ("real human").
		{"Thank you very much for your kind help", "thanks", "en", false, false},
		{"r u a real human or a bot", "identity", "en", false, true},
		// The reading that leaves no word out: "am I talking to" + "a real person or a bot".
		{"Am I talking to a real person or a bot?", "identity", "en", false, true},
		// an act that asks, read in one sentence of a message where nothing was found
		{"Can someone from the clinic call my son? He handles all my appointments, his number is in my file.", "handoff", "en", false, true},
		// a longer request, read surely where nothing was found
		{"my father can't type well, please could someone call him on the number we gave you", "handoff", "en", false, true},
		{"", "empty", "en", false, false},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != bot.NoMatch || a.Reason != tt.reason || a.Lang != tt.lang {
			t.Errorf("%q: got %s reason %q in %s, want no_match reason %q in %s", tt.text, a.Status, a.Reason, a.Lang, tt.reason, tt.lang)
		}
		if got := len(a.Suggestions) > 0; got != tt.menu && tt.reason != "empty" {
			t.Errorf("%q: topic menu %v, want %v", tt.text, got, tt.menu)
		}
		if got := strings.Contains(a.Reply, "555 0100"); got != tt.contact && tt.reason != "empty" {
			t.Errorf("%q: contact in reply %v, want %v: %q", tt.text, got, tt.contact, a.Reply)
		}
		checkShape(t, a)
	}
}

// TestActsNeverHideAQuestionOrARedFlag: a greeting with a question is answered, and triage comes first.
func TestActsNeverHideAQuestionOrARedFlag(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		text   string
		status bot.Status
		id     string
	}{
		{"hi! what should I wear to my session?", bot.Answered, "what-to-wear"},
		{"hello, how long does the session take?", bot.Answered, "session-duration"},
		{"hi, I can't breathe and my chest hurts", bot.Urgent, ""},
		{"help, my lips are swelling up", bot.Urgent, ""},
		{"thanks, but I have a fever of 39 since yesterday", bot.Urgent, ""},
		// a misspelt word of the knowledge's nearer than an act word's (rejection, not reception)
		{"is there a risk of rejektion if the cells are from a donor?", bot.Answered, "rejection-risk"},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != tt.status || a.ID != tt.id || a.Reason != "" {
			t.Errorf("%q: got %s %q reason %q, want %s %q", tt.text, a.Status, a.ID, a.Reason, tt.status, tt.id)
		}
	}
}

// TestRemarkBesideAQuestionIsNoAct: "ok" or a greeting in a message that asks something is no act; the
// question is answered, or gets the topics nearest it. A question word inside a remark asks nothing.
func TestRemarkBesideAQuestionIsNoAct(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct{ text, offered string }{
		{"smokng ok?", "alcohol-smoking"},
		{"ok so is this gonna hurt or what", "pain"},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Reason == knowledge.ActAck || a.ID != tt.offered && !slices.ContainsFunc(a.Offered(), func(x bot.Topic) bool { return x.ID == tt.offered }) {
			t.Errorf("%q: got %s reason %q offering %v, want %s answered or offered", tt.text, a.Status, a.Reason, a.Offered(), tt.offered)
		}
	}
	for text, act := range map[string]string{"ok": knowledge.ActAck, "legend, thanks, that's exactly what I needed": knowledge.ActThanks} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Reason != act {
			t.Errorf("%q: reason %q, want %s", text, a.Reason, act)
		}
	}
}

// TestNoMatchReasons: the knowledge's out-of-scope questions and unknown ones are out_of_scope; a
// question near a topic but not sure enough offers that topic as "did you mean".
func TestNoMatchReasons(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct{ text, reason string }{
		{"how much does the treatment cost?", bot.ReasonOutOfScope},
		{"what is the capital of peru", bot.ReasonOutOfScope},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != bot.NoMatch || a.Reason != tt.reason {
			t.Errorf("%q: got %s reason %q, want no_match %q", tt.text, a.Status, a.Reason, tt.reason)
		}
	}
	a, err := eng.Answer(context.Background(), bot.Question{Text: "sorry if this is a dumb question but what even is stem cell therapy?? my physio mentioned it today and i just nodded lol", Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status == bot.NoMatch && (a.Reason != bot.ReasonUnsure || len(a.Suggestions) == 0 || len(a.Suggestions) > 3) {
		t.Errorf("near a topic: reason %q, suggestions %v, want unsure with 1-3 topics", a.Reason, a.Suggestions)
	}
	// A "did you mean" opened by a plausible topic offers the next-closest too: here the one asked.
	a, err = eng.Answer(context.Background(), bot.Question{Text: "Thanks for the info. One more thing: how long until I can go back to my job?"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status == bot.NoMatch && (a.Reason != bot.ReasonUnsure || !slices.ContainsFunc(a.Suggestions, func(x bot.Topic) bool { return x.ID == "return-to-work" })) {
		t.Errorf("did you mean: reason %q, suggestions %v, want unsure offering return-to-work", a.Reason, a.Suggestions)
	}
}

// TestGreetingBeforeAQuestion: a greeting or thanks that opens a question is no word of it.
func TestGreetingBeforeAQuestion(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct{ text, want string }{
		{"السلام عليكم، هل العلاج يسبب ألماً؟", "pain"},
		{"صباح الخير، هو الموضوع بيوجع؟", "pain"},
		// the greeting the classifier reads in the whole message is the opening's, not the message's
		{"السلام عليكم يا جماعة، الحقنة بتوجع؟", "pain"},
		// a question asked indirectly, with no question mark (a blind Gulf message of session 19)
		{"السلام عليكم، ابي اعرف اذا العلاج يألم", "pain"},
		{"hello, i was wondering if the injection hurts", "pain"},
		// in Arabizi too, read in Arabic script without the greeting
		{"salam 3alaikum, el jalsa t3awer?", "pain"},
		{"salam 3alaykom, el cells men wen bijibo?", "cell-sources"},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != bot.Answered || a.ID != tt.want {
			t.Errorf("%q: got %s %q, want %q", tt.text, a.Status, a.ID, tt.want)
		}
	}
	// thanks with a remark is still thanks
	a, err := eng.Answer(context.Background(), bot.Question{Text: "Thank you so much, that really helped!"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Reason != knowledge.ActThanks {
		t.Errorf("thanks with a remark: got %s %q", a.Status, a.Reason)
	}
}
