package bot_test

import (
	"context"
	"testing"

	"github.com/faqbot/faqbot/bot"
)

// TestArabiziIsReadInArabicScript: a question in Arabic written in Latin letters is searched in Arabic
// script and answered in Arabic; English stays English.
func TestArabiziIsReadInArabicScript(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		text, lang, id string
	}{
		{"momken a5od ibuprofen ba3d el 7o2na?", "ar", "stop-nsaids"},
		{"ana 5ayfa mn el takhdir, hal ra7 akoun na2ma?", "ar", "anesthesia"},
		{"l banj?", "ar", "anesthesia"}, // the article written apart
		{"what should I wear?", "en", "what-to-wear"},
		{"can I drink co2 water before the session?", "en", "hydration"}, // "co2" is no Arabizi
		// English with the interjections it borrows is English; Arabizi with an English word is Arabizi
		{"yalla my appointment is next week inshallah, anything I need to do to get ready before?", "en", "preparation"},
		{"session kam sa3a?", "ar", "session-duration"},
		{"kam jalse bde?", "ar", "number-of-sessions"},                     // no digit, no word of its own: read all the same
		{"wesh albas yom el maw3ed?", "ar", "what-to-wear"},                // "maw3ed", appointment, asks for no handoff
		{"el malabis elmonasba?", "ar", "what-to-wear"},                    // "el" counts for neither language
		{"el ta5dir?", "ar", "anesthesia"},                                 // one long word the Arabic vocabulary has
		{"hi, lazem 23mel MRI abel el jalse?", "ar", "diagnostic-imaging"}, // an acronym in capitals stays as written
		{"MRI lazem?", "ar", "diagnostic-imaging"},                         // even one of two words
		{"kam ta5th el jalsa kelha?", "ar", "session-duration"},            // the Gulf's th for ذ: تاخذ, takes
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != bot.Answered || a.Lang != tt.lang || a.ID != tt.id {
			t.Errorf("%q: got %s %s %q, want answered %s %q", tt.text, a.Status, a.Lang, a.ID, tt.lang, tt.id)
		}
		if tt.lang == "ar" && (a.Explanation == nil || a.Explanation.ReadAs == "") {
			t.Errorf("%q: explain gives no read_as", tt.text)
		}
		checkShape(t, a)
	}
}

// TestArabiziNoWordFoundIsAnsweredInArabic: Arabizi whose words are none of the knowledge's, in either
// script, gets its no-match reply in Arabic, as does one with "wala" (or), a word of Arabizi's own;
// English with a digit for a word stays English, as does English with another form of the knowledge's
// English words ("breathe", of breathing), whatever the Arabic vocabulary reads in it (برد).
func TestArabiziNoWordFoundIsAnsweredInArabic(t *testing.T) {
	eng := sharedEngine(t)
	for text, lang := range map[string]string{"nst3mel glace?": "ar", "hanam wala la?": "ar", "can i shower 2day": "en", "cant breathe": "en"} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Lang != lang {
			t.Errorf("%q: got lang %s, want %s", text, a.Lang, lang)
		}
	}
}

// TestShortLatinReadAgainAsArabizi: a word or two in Latin letters that English finds nothing for is
// read again as Arabizi, and answered in Arabic when the Arabic search answers it; French alone is read
// as Maghrebi patients write it; English acts, one word or several ("cool cool 👍"), and English
// questions stay English.
func TestShortLatinReadAgainAsArabizi(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		text, lang, id string
	}{
		{"telj?", "ar", "recovery-tips"}, // ice?
		{"bnj?", "ar", "anesthesia"},     // anaesthesia?
		{"l'anesthésie?", "ar", "anesthesia"},
		{"what to wear?", "en", "what-to-wear"},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != bot.Answered || a.Lang != tt.lang || a.ID != tt.id {
			t.Errorf("%q: got %s %s %q, want answered %s %q", tt.text, a.Status, a.Lang, a.ID, tt.lang, tt.id)
		}
	}
	for text, lang := range map[string]string{"menu": "en", "bye": "en", "le jeûne?": "ar", "cool cool 👍": "en"} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Lang != lang {
			t.Errorf("%q: got lang %s, want %s", text, a.Lang, lang)
		}
	}
}

// TestMixedMessagesSearchTheirEnglishWords: an Arabic message holding English terms of the knowledge is
// searched in English when the Arabic search finds nothing, and answered with the Arabic entry.
func TestMixedMessagesSearchTheirEnglishWords(t *testing.T) {
	eng := sharedEngine(t)
	a, err := eng.Answer(context.Background(), bot.Question{Text: "shu ya3ni stem cell therapy asasan?"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != bot.Answered || a.Lang != "ar" || a.ID != "what-is-stem-cell-therapy" {
		t.Errorf("got %s %s %q, want answered ar what-is-stem-cell-therapy", a.Status, a.Lang, a.ID)
	}
	// The English words are only the subject; the question (for a dog) is in Arabizi: no answer.
	a, err = eng.Answer(context.Background(), bot.Question{Text: "3andi kalb 3ando mashakel fel rekab, momken stem cell therapy leh?"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status == bot.Answered {
		t.Errorf("a dog's knees: answered %q, want no answer", a.ID)
	}
}

// TestArabicGlueAroundEnglishTermsIsArabic: a short Latin message of the knowledge's English terms held
// by Arabizi's own short words, or typed with an Arabic keyboard's question mark, is Arabic: searched in
// English, answered with the Arabic entry. English naming a place ("el paso") stays English.
func TestArabicGlueAroundEnglishTermsIsArabic(t *testing.T) {
	eng := sharedEngine(t)
	for _, tt := range []struct {
		text, lang, id string
	}{
		{"el follow up?", "ar", "follow-up"},
		{"el stem cells eh?", "ar", "what-are-stem-cells"},
		{"el recovery kam yom?", "ar", "after-treatment"},
		{"dress code؟", "ar", "what-to-wear"},
		{"ibuprofen 3adi?", "ar", "stop-nsaids"},
		{"is the follow up in el paso?", "en", "follow-up"},
	} {
		a, err := eng.Answer(context.Background(), bot.Question{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != bot.Answered || a.Lang != tt.lang || a.ID != tt.id {
			t.Errorf("%q: got %s %s %q, want answered %s %q", tt.text, a.Status, a.Lang, a.ID, tt.lang, tt.id)
		}
	}
}
