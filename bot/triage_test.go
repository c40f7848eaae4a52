package bot

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/faqbot/faqbot/internal/textclass"
)

// testTriage is the shipped triage, read once per test binary.
func testTriage(tb testing.TB) *Triage {
	tb.Helper()
	tr, err := shippedTriage()
	if err != nil {
		tb.Fatal(err)
	}
	return tr
}

func TestTriageFlagsRedFlags(t *testing.T) {
	tr := testTriage(t)
	tests := []struct{ text, lang, want string }{
		{"I have a fever since the injection", "en", "fever"},
		// session 36: sight lost told in Modern Standard Arabic; a bleeding that will "not stop" as a learner
		// writes it; a joint gone hot and swollen; a pain that keeps growing ("كل ما يزيد": ما of a
		// conjunction denies nothing), in Arabic script and Arabizi
		{"امي لا ترى بعينها اليمنى منذ ساعة", "ar", "stroke"},
		{"blood keeps coming from the harvest spot and it not stop", "en", "bleeding"},
		{"my knee has gone hot and swollen since yesterday", "en", "hot-joint"},
		{"وجع الركبة كل ما يزيد من امس", "ar", "severe-pain"},
		{"wja3 rukbti kil ma yzeed", "ar", "severe-pain"},
		{"salam, 3melt la séance lbare7, w daba ma9dertch ntneffes mzyan, ghir nmchi chwiya n7ess rasi ghadi nkhne9. c'est normal?", "ar", "breathing"},
		// session 42: a reading told with someone's temperature is a report, whatever the message asks
		{"her temperature is 101 F, she had the treatment last week, what do we do?", "en", "temperature-taken"},
		// session 44: the dialects' ارجع (I throw up) told going on since a time, in any person; a headache
		// with a neck that hurts to move; Arabizi's "2a3d" (قاعد, keeps) is the progressive, no "is it normal"
		{"من امس وانا ارجع وما اقدر اشرب حتى ماي", "ar", "headache-vomiting"},
		{"هما الاتنين بيرجّعوا من بالليل", "ar", "headache-vomiting"},
		{"headache wont go away and it hurts to move my neck", "en", "headache-vomiting"},
		{"2a3d ala7ig w ma agdar akamel kalam, w 5ala9 nafasi yrou7", "ar", "breathing"},
		// Egyptian's "مش عارف" (cannot) before a verb is unable; a chest pulling at the left arm is chest pain
		{"مش عارف آخد نفسي خالص", "ar", "breathing"},
		{"feeling 7aga zay el 7adeed 3ala sedri w bet-shed 3la dra3i el shmal", "ar", "chest-pain"},
		{"ummi 7arartha 101 F, 3emlat el 3elaj el usbu3 el madi, shu na3mel?", "ar", "fever"},
		// Egyptian's "today" dates a temperature named as Egyptian says it, beside a question
		{"سخنت اوي النهاردة ٣٨.٨ 😂 هي الخلايا بتشتغل ولا ايه؟", "ar", "fever"},
		// a place forgotten is disorientation
		{"honestly feel really foggy and mixed up, forgot where i was twice today and kept calling my son by the wrong name. shot was yesterday. anyway can I shower yet?", "en", "confusion"},
		// disorientation in time and place, whose زمان (time) tells no history
		{"والدتي مشوشة وغير مدركة للزمان والمكان منذ عودتها من جلسة العلاج", "ar", "confusion"},
		// the Maghreb's "lia" (to me) is no "la" (not) either
		{"tl3at lia l7rara 38 w nass w rani nrte3ed", "ar", "fever"},
		// session 41: the Gulf's "lah" (to him) is no "la" (not): "kil ma lah yzeed", it keeps growing
		{"al alam fi dahri kil ma lah yzeed min baad el ibra, mo gader agoom", "ar", "severe-pain"},
		// session 40: a limb of one side that will not move, in Arabic script and Arabizi; a fever beside the
		// treatment told done, whose "علاج" names no condition to treat
		{"فجأة ايدي واجري اليمين ما عم يقدروا يتحركوا", "ar", "stroke"},
		{"fa2atan idi w ejri el yamin ma 3am y2dro yet7arako, 3meltel ebre mbere7", "ar", "stroke"},
		{"ايدي اليسار ما تتحرك من الصبح", "ar", "stroke"},
		{"sawait el 3elaj w ba3dain jatni 7umma", "ar", "fever"},
		{"حرارتي مرتفعة وسويت العلاج قبل ثلاث ايام", "ar", "fever"},
		// the writer puzzled ("I'm confused") is no sign, but the message's other signs are read
		{"I'm confused, I don't know what day it is and I can't think straight", "en", "confusion"},
		{"my son had the injection yesterday and has a fever, can I move my appointment?", "en", "fever"},
		{"صحيت الصبح وما اشوف بعيني اليمين", "ar", "stroke"},
		{"الاحمرار ديكبر حول الابرة وهسه واصل للركبة", "ar", "infection"}, // Iraqi د joined: is growing
		{"الحمرة تنتشر حول الجرح من امبارح", "ar", "infection"},           // the verb of a feminine noun
		{"فقد جدي وعيه شوي بعد ما رجعنا من العيادة", "ar", "fainting"},    // consciousness lost, the one told between
		{"el makan bynazef gamed w msh bey2af", "ar", "bleeding"},         // makan (place) is no يمكن (maybe)
		{"الدم ما راضي يقيف من مكان الابرة", "ar", "bleeding"},            // Sudanese: won't stop
		{"my mum had a fit after lunch, whole body jerking, now she won't answer", "en", "confusion"},
		{"got chills and feel shaky tonight", "en", "fever"},
		{"temp is 39 after the procedure", "en", "temperature-taken"},
		{"the redness around my knee is spreading", "en", "infection"},
		{"there's pus coming out of the harvest site", "en", "infection"},
		{"the spot is hot to the touch and red", "en", "infection-warmth"},
		{"the wound smells awful and green fluid is leaking", "en", "infection"},
		{"worst headache of my life since the neck injection", "en", "headache-vomiting"},
		{"I keep throwing up and can't keep anything down", "en", "headache-vomiting"},
		{"my chest feels tight", "en", "chest-pain"},
		{"I can't breathe properly", "en", "breathing"},
		{"I'm short of breath since this morning", "en", "breathing"},
		{"the pain is unbearable", "en", "severe-pain"},
		{"my knee pain keeps getting worse", "en", "severe-pain"},
		{"my legs are numb after the spinal injection", "en", "spinal-neuro"},
		{"I lost control of my bladder after the disc injection", "en", "paralysis"},
		{"I fainted at home", "en", "fainting"},
		{"my lips are swollen and I have hives", "en", "allergy"},
		{"the bleeding won't stop", "en", "bleeding"},
		{"my father seems confused and disoriented", "en", "confusion"},
		{"عندي حرارة من امبارح", "ar", "temperature-taken"},
		{"الاحمرار ينتشر حول مكان الحقنة", "ar", "infection"},
		{"في صديد مكان الإبرة", "ar", "infection"},
		{"الجرح ريحته وحشة وبيطلع منه سائل أصفر", "ar", "infection"},
		{"مكان الحقنة سخن ومحمر", "ar", "infection-warmth"},
		{"صداع شديد ومش قادر أتحمل النور", "ar", "headache-vomiting"},
		{"عم برجع كل شوي من بعد الجلسة", "ar", "headache-vomiting"},
		{"ألم في صدري", "ar", "chest-pain"},
		{"ما اقدر اتنفس", "ar", "breathing"},
		{"الألم شديد جدا", "ar", "severe-pain"},
		{"ابوي ما يقدر يتحكم بالبول بعد ابرة الظهر", "ar", "paralysis"},
		{"تنميل في رجلي بعد حقنة الفقرات", "ar", "spinal-neuro"},
		{"اغمي علي بعد الجلسة", "ar", "fainting"},
		{"وجهي وشفايفي انتفخوا", "ar", "allergy"},
		{"نزيف ما يوقف", "ar", "bleeding"},
		{"امي صارت مشوشة", "ar", "confusion"},
		{"I have a fever", "ar", "fever"},
		{"the pain is 10/10 and the painkillers do nothing", "en", "severe-pain"},
		{"ماما مش قادرة تاخد نفسها", "ar", "breathing"},
		{"رجولي خدرانة وما اقدر امشي", "ar", "paralysis"},
		{"شفايفي ووشي بدأوا يورموا", "ar", "allergy"},
		{"صاير يخربط بالكلام", "ar", "confusion"},
		{"امي مش حاسة برجليها بعد ابرة الظهر", "ar", "spinal-neuro"},
		{"مش قادرة تمسك حالها للحمام", "ar", "paralysis"},
		{"النزيف ما عم يوقف", "ar", "bleeding"},
		{"غيرت الشاش اربع مرات من الدم", "ar", "bleeding"},
		{"I don't feel my legs since the disc injection", "en", "spinal-neuro"},
		{"the dressing is soaked through with blood", "en", "bleeding"},
		// an exception ends a negation's reach: what follows it is told
		{"ما عندي شي غير الم في صدري", "ar", "chest-pain"},
		{"mafi shi bas 3andi 7arara 39", "ar", "fever"},
		{"no problems except my chest hurts a lot", "en", "chest-pain"},
		{"مفيش حاجة غير ان عندي سخونية", "ar", "fever"},               // the learned layer, reading "nothing", may not set it aside
		{"I have a fever, temp 37.5, should I worry?", "en", "fever"}, // told, not only asked
		// a smell named with its foulness in one phrase, in Arabizi's skeletons too
		{"makan el ebra re7to 5ayba", "ar", "infection"},
		{"el jer7 fih ri7a khaysa", "ar", "infection"},
		// English signs beside the Arabic limb a mixed message names
		{"فخذي لسه numb تماما وفيها tingling", "ar", "spinal-neuro"},
		// a time in a relative clause after the sign dates the thing it names, not the sign
		{"ابوي يقول كلام ما له معنى ويبي يطلع يدور سيارته اللي باعها من سنين", "ar", "confusion"},
		// a recent time ("10 min ago") makes a faint told "once" today's, not history
		{"i keep nearly blacking out and actually fainted once in the kitchen 10 min ago. 2nd day after treatment", "en", "fainting"},
		// "من وقت الحقنة" (since the injection) is an onset, not the time of the injection
		{"في تنميل بإيدي من وقت حقنة الكتف وما عم يروح، صرلو ٤ أيام. عادي؟", "ar", "spinal-neuro"},
		// a relative's treatment told done ("had his treatment on Sunday") is no appointment of theirs ahead
		{"Hi, my son had his treatment on Sunday and since yesterday evening he's been running a temp of 39, paracetamol brings it down for a bit then back up. Also can he go back to uni on Monday?", "en", "temperature-taken"},
		// English words an Arabic or Arabizi message borrows read as the Arabic ones (borrowed)
		{"3andi pain ktir w bey zeed", "ar", "severe-pain"},
		{"الـ redness حوالين الـ injection site عم تكبر وتنتشر", "ar", "infection"},
		// pus "coming out of it" is no one out of it
		{"now there's yellow pus coming out of it and it's warm", "en", "infection"},
		{"ما قاعد اقدر اتنفس زين", "ar", "breathing"}, // the Gulf progressive قاعد dropped, as عم and دا are
		{"الدم ما قاعد يوقف", "ar", "bleeding"},
	}
	for _, tt := range tests {
		if got := tr.Check(tt.text, tt.lang); got.Flag != tt.want {
			t.Errorf("Check(%q) = %+v, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTriageLeavesMildSymptomsAndQuestionsAlone(t *testing.T) {
	tr := testTriage(t)
	for _, text := range []string{
		"a bit sore and bruised where they took the fat",
		"tired the next day, is that normal?",
		"some redness and a little swelling at the injection site",
		"should I stop ibuprofen before the session?",
		"will I be asleep during the procedure?",
		"is it painful?",
		"no fever, just a bit sore",
		"I don't have a fever but my knee is swollen",
		"I'm confused about the preparation",
		// "arja3 … 3ala tool": I go back straight away, not I throw up constantly
		"ba3d el jalsa arja3 el bait 3ala tool?",
		// a faint told as once, of a blood test; a worry of what may come ("5ayfa ykoon", afraid there'll be)
		"i literally fainted once getting blood taken lol. am i awake for the whole thing??",
		"abi asawi el jalsa gabel 3ers o5ti, bas 5ayfa ykoon fi kadmat w waram wa9e7. hatha 3adi?",
		// Arabizi's own "if" ("loo 9ar", if it happens), read as written: no "la" (not), no "la séance"
		"ash asawi loo 9ar fini 7arara ba3d el ibra?",
		// a neighbour treated at another centre, in Arabizi ("markaz tani" places nothing now)
		"gar-na 3amal 7o2an fi markaz tani w gatlo sokhneya w sadeed, da by7sal 3andoko?",
		"jaretna 3amlet hal 3ilaj bi balad tani w sar 3enda iltihab w ri7a bshe3a bel jer7, kif btetjanabo hek shi?",
		// a year dates its own sentence, though another names the procedure ("since" as because)
		"Back in 2019 I had a severe allergic reaction to a local anaesthetic at the dentist, my throat swelled up and I ended up in the ER. Since the harvest uses local anaesthesia, should I mention it?",
		"I always pass out at the sight of needles, it's been like that since I was a kid. Can I lie down during the harvest?",
		// a fear told of what may come; a pain every day since long ago, the condition to be treated
		"my biggest fear is passing out when they take the bone marrow 😅 does that ever happen?",
		"إمي عندها خشونة بالركب ووجع قوي كل يوم من زمان، بتنفعها الإبرة؟",
		// the writer puzzled by what they read, in either language
		"I've been reading a lot online and I'm getting confused. Where do the cells come from?",
		"قريت كلام كتير على النت وكله متلخبط، هما بياخدوا الخلايا منين؟",
		"بعد الجلسة ارجع البيت على طول؟",
		// the Maghrebi "there is not" (مافماش, ماكاينش) and "not even" (حتى) after a negation deny
		"مافما حتى سخانة، نجم نمشي للخدمة غدوة؟",
		"ماكاينش السخانة، غير شوية ديال العيا",
		"ما عندي حتى حرارة، بس تعبان شوي",
		// a relative's treatment still ahead: the learned layer adds a red flag only where all but sure
		"hi my dad is getting the injecton in his lower back on thursday, hes 74 and cant bend easy. what kind of cloths should he come in",
		"I've read so much about this and I'm still confused. Where do the cells come from?",
		"honestly we're kinda confused, some sites say donor cells. which is it?",
		"I passed out at my last blood test, so I'm nervous. Will I be awake for the harvest?", // a past event
		"had a little headache the first day but it's been normal for two days",
		"two surgeries already and I'm back where I started. what would I actually get out of it?",   // an idiom, not "out of it"
		"they take marrow from the hip, right? how long does that take and will they numb me first?", // numbing done by the clinic
		"kan yoghma 3alayi w ana sghire, kel ma shoof dam. hal da mushkila?",                         // "ma" (not) is no "اليوم" (today)
		"شكد يطول لحد ما اشوف نتيجة؟",                                                                // لحد ما: until, no negation
		"3andi ta7 sh3ar barsha, el 3ilej hetha ynajem y3awenni?",                                    // hetha (this) is no panting
		"My daughter has a fever since yesterday, can I move my appointment?",                        // her fever, the writer's treatment ahead
		"ولدي عنده حرارة من امس، ودي أأجل موعدي لأني بقعد معه",
		"بنتي عندها سخونية من امبارح ومش هقدر اجي الميعاد، ممكن نأجله؟", // her fever, the writer's appointment ahead
		"how long does the swelling last",
		"شوية وجع وكدمة مكان الإبرة عادي؟",
		"تعبان ثاني يوم بعد الجلسة",
		"ما عندي حرارة بس في احمرار بسيط",
		"ma3andish ay tanmeel f regli", // "ay" (any), all vowels, has no consonant skeleton: a bridge
		"temp 37.1 this morning, knee a bit sore",
		"with my last surgery I fasted from midnight and had a pounding headache, do I need to fast this time?",
		"لازم أوقف البروفين قبل الجلسة؟",
		"should I put a hot water bottle or ice on my knee?",
		"can I take paracetamol for a headache after the session?",
		"أحط كمادات سخنة ولا تلج على الركبة؟",
		"أشرب شاي أخضر ومية قبل الجلسة عادي؟",
		"ريحة المعقم قوية في العيادة، طبيعي؟",
		"",
		"🙂",
		// a condition opening the sentence is hypothetical; MSA's لدي (I have) carries a negation
		"إذا انتفخ وجهي بعد الإبرة وش المفروض أسوي؟ عندي حساسية من أشياء كثيرة",
		"just curious, if i ever got chest pain after the session, do i call you or go to the ER?",
		"لا يوجد لدي أي ضيق في التنفس أو ألم في الصدر، فقط أردت التأكد من مواعيد الدواء",
		"la dem la pus wala ri7a, normal?", // "pus" is no "bas" (but): the negation carries on
		"ngl the injection itself was brutal lmao but after that chill",
		"temperature is 37.0 today, is it fever?", // a normal reading: the number decides what is asked
		"قست حرارتي الآن وكانت ٣٧٫٢، هل تعتبر حمى؟ أجريت الحقن صباح اليوم.", // the Arabic fever asked of it too, beside a report
		"kifach kaydirou l'injection f ras? wach f lbechra direct?",         // lbechra (the skin) is no شري (hives)
		// session 42: Egyptian's "embare7" (yesterday) is no مبرح (excruciating); a pain less than yesterday
		"ana 3amalt el 7o2na fel kataf embare7, 7asis bi wag3 khafif zay ba3d el gym, w 3andi so2al: momken akhod shower?",
		"النهارده تاني يوم، الوجع خف عن امبارح",
		// session 44: ارجع after "can" or before where to is going back; a vomiting stopped since the morning
		// is stopped, whatever "عادي" (normal) follows; Arabizi's ارجع is going back as often as not; "once"
		// long past is history
		"كتفي يابس شوي من بعد الإبرة. صرلي يومين. فيني ارجع عالشغل الاثنين؟",
		"ابي كان يرجع أمس بالليل بعد الجلسة مرتين، وذلحين وقف من الصبح ويأكل عادي",
		"fini erja3 3al running ba3d yomen mn el 7o2ne?",
		"I once had anaphylaxis to penicillin, my throat closed up. should I tell the doctor before the session?",
		"my back pain is severe and constant since my car accident in 2019. is this something you treat?", // since a thing a year dates
		"I get bad headaches with a stiff neck a few times a month, been like that since my teens. does that rule me out?",
		// numbness "for ages" is chronic; pain during the knee injection is the procedure's; "eza 7asset"
		// (if I feel) a hypothetical
		"my mother has had numbness and tingling in her feet from diabetes for ages, could stem cells fix that?",
		"severe pain during the knee injection today, like 10/10 for 30 seconds. why does it hurt so much when you inject?",
		"eza 7asset b tanmil b ijre ba3d 7o2net el dahr, shu ba3mel?",
		// a faint a year ago, asked whether he may (y9eer) have the session, is no onset (صار);
		// an ooze told stopped after pressing is over
		"aboy ughmi 3aleh marra gabl sanah min el sukkar, y9eer ysawi el jalsa?",
		"the little ooze from the harvest spot stopped after I pressed on it for a minute, dressing has been dry since yesterday. can I shower?",
	} {
		if got := tr.Check(text, ""); got.Urgent() {
			t.Errorf("Check(%q) = %+v, want no red flag", text, got)
		}
	}
}

// TestTriageReadsAgesAsAges: a number after "I'm" is an age, not a temperature. (Joined with the
// learned layer, "my knee hurts" alone is called a clinic matter at its recall-first threshold: that
// trade is measured on the corpora, not here.)
func TestTriageReadsAgesAsAges(t *testing.T) {
	tr := testTriage(t)
	for _, text := range []string{"I'm 39 and my knee hurts when I run", "im 38, healthy, when can i book?"} {
		if got := tr.Rules(text, ""); got.Urgent() {
			t.Errorf("Rules(%q) = %+v, want no red flag", text, got)
		}
	}
}

// TestReadTemperature: a number is a fever or a normal reading by its range and unit; a normal reading
// needs a unit, a decimal or a temperature word right before it ("37" alone may be an age); a fever told
// in words or after a temperature word counts only as one a normal reading ends.
func TestReadTemperature(t *testing.T) {
	words := []string{"temp", "fever", "حرار", "سخون"}
	for _, tt := range []struct {
		text string
		want thermal
	}{
		{"38.6 since this morning", feverReading},
		{"temp 101f", feverReading},
		{"39", noReading},
		{"temp 37.2 this morning", normalReading},
		{"الحراره 37 بس", normalReading},
		{"98.6 f, all fine", normalReading},
		{"i'm 37 and my knee hurts", noReading},
		{"temp 37.1 yesterday, 38.9 today", feverReading},
		{"حرارتو 38،7 من الصبح", feverReading}, // the Arabic comma as a decimal point
		{"38٫9 من امبارح", feverReading},
		{"38.4 the first night, 36.6 since", recoveredReading},
		{"a fever of 101 the second night, temp 98.2 this morning", recoveredReading}, // a fever told, then measured normal
		{"a fever of 101", toldFever},                                                 // told, not measured: the words' rules read it
		{"سخونيه 38 ونص اول ليله ومن يومها الحراره 36 و8، عايزه", recoveredReading}, // decimals said in words
		{"a temp of 38 and a half", toldFever},
		{"the temperature is 40 outside", toldFever}, // maybe the air's: the message tells
		{"عمري 39 و3 عيال", noReading},               // 39 and three children: no tenth after "and" in a fever's range
		{"temp 36 w 8 now", normalReading},
		// spelled out in words
		{"my thermometer says ninety eight point six is that alright", normalReading},
		{"temp thirty-eight point nine since last night", feverReading},
		{"قست حراره الوالده لقيتها سته وتلاتين ونص، دي كويسه؟", normalReading},
		{"الحراره سبعه وثلاثين وخمسه", normalReading},
		{"thirty five minutes in the car, is that ok?", noReading},
		{"حرارتي اربعين", toldFever},        // forty alone is a fever's number
		{"temp tes3a w tleteen", toldFever}, // Arabizi's number words, "w" as "و"
		{"im forty and my knee hurts", noReading},
		// a whole number in a fever's range words after a normal reading is the thermometer's again
		{"my normal temperature is 36.6 but today it's 39", feverReading},
		{"قاست الحراره امس وكانت 36 ونص، والليله نفس الجهاز يقول 39", feverReading},
		{"scanner says 98.4f. i'm 39 years old, 101 kilos", normalReading}, // an age, a weight
		{"37.5 ولا 38؟", normalReading},                                    // an alternative right after it
	} {
		if got := readTemperature(tt.text, words); got != tt.want {
			t.Errorf("readTemperature(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	for text, want := range map[string]bool{"101.5f this morning": true, "102 fahrenheit": true, "39 celsius": true, "40 fahrenheit": false, "38.9 c today": true, "38.9 today": false, "41 degrees outside": false, "98.6f": false} {
		if got := scaledFever(text); got != want {
			t.Errorf("scaledFever(%q) = %v, want %v", text, got, want)
		}
	}
	for text, want := range map[string]bool{"my son has 39.2 this morning": true, "101.8 since noon": true, "38.9 c today": false, "he is 39 and has 2 kids": false, "36.8 now": false, "2.5 mg twice": false} {
		if got := decimalFever(text); got != want {
			t.Errorf("decimalFever(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestLearnedLayer: what the learned layer may and may not change in the rules' verdict.
func TestLearnedLayer(t *testing.T) {
	tr := testTriage(t)
	for _, tt := range []struct {
		name, text  string
		rules, want Tier
	}{
		{"adds what the rules miss", "I went down in the kitchen and came to a while later, no idea how long I was out", "", Emergency},
		{"adds in Arabizi", "mama 3am tle7ath w ma fiya tkammel jemle, sarla nos sa3a, shu n3mel", "", Emergency},
		{"not on a greeting", "hi", "", ""},
		{"not over a hypothetical the rules read", "what if I get a fever after the injection?", "", ""},
		{"not on a question asked before the treatment", "i take ibuprofen pretty much every day for my back, like 2-3 a day. the pain is bad without it. my appointment is in 10 days. do i really have to stop it?", "", ""},
		{"over a question that tells what happened", "is it normal the pain keeps climbing? yesterday it was a 4, now it's a 9", "", Clinic},
		{"not over a general question", "can the injection cause numbness in the leg?", "", ""},
		{"not over a history the rules read", "I had a heart attack 5 years ago, can I still get treatment?", "", ""},
		// the model reads "since" as since the treatment: a year tells it is not
		{"not over a history dated to a year", "my lower back pain shoots down my leg with numbness and tingling, been like this since 2019. is the disc injection an option for me?", "", ""},
		// a history told and nothing now: the model must be as sure as over a question
		{"not over a history it reads alone", "My mother had sepsis back in 2021 after a hip operation. She's been well since. Does that rule her out for the knee injection?", "", ""},
		// a sign told over: the model must be all but sure to add an emergency (urgent_over), as over a
		// faint told with a "fine now"
		{"not over a sign told over", "I felt a bit lightheaded for a minute when I stood up after the session, it went away quickly and I've been fine since", "", ""},
		{"over a faint told as fine now", "I'm fine now but after I got home I went down on the kitchen floor and came to a minute later", "", Emergency},
		{"never lowers a worded emergency", "I can't breathe", Emergency, Emergency},
		// someone else's sign going on as the writer speaks: the model reads it as no red flag (0.01)
		{"never sets aside a relative's emergency going on", "my son is having a seizure, I need to cancel my appointment", Emergency, Emergency},
		// read from Arabizi skeletons, an emergency the model reads rather as after-effects stays urgent
		{"lowers an Arabizi emergency it reads as after-effects", "salam docteur, mn lbare7 f lil ma n9derch ntneffes mzyan, ghir nemchi chwiya kanwelli kanlhet bzaf w l'air ma kaykfinich. drt l'injection f rokba lbare7.", Emergency, Clinic},
		{"sets aside a short clinic call it reads as none", "my knee was a bit numb today from the ice pack lol", Clinic, ""},
		// a long story of an old operation: a clinic call the model all but rules out (veto_long_below)
		{"sets aside a long story's clinic call it all but rules out", "I am very afraid of the general anesthesia because after my operation before I was vomiting for 2 days. My cousin said for stem cells they make you sleep too. Is that true or is it only local?", Clinic, ""},
		// a fever measured now is a report: the model reads this as all but certainly no red flag
		// a fever given with its scale is a thermometer's reading, named or not
		{"keeps a fever given with its scale", "38.9c today after the harvest, normal or do I need to call you?", Clinic, Clinic},
		{"keeps a measured fever it reads as none", "Thermometer said 38.6 this evening and I feel hot and achy, but I mostly wanted to ask if I can go for a walk", Clinic, Clinic},
		// a temperature named and measured in a short message that does not ask of it is told
		{"keeps a short message's named temperature", "39.2 fever", Clinic, Clinic},
		{"keeps a named temperature told beside a feeling", "I don't feel good, temp 38.8", Clinic, Clinic},
		// and so in Arabizi, where the rules read it from skeletons, when the word is the writer's own
		// temperature however spelled; not a relative's "sakhana", nor the day's heat
		{"keeps an Arabizi temperature of the writer's", "7raarti 39.4 al7ain, sawait el 3elaj gabil yomain", Clinic, Clinic},
		// a whole number in a fever's range right after the writer's own temperature is told, not a skeleton's
		// misreading the model may set aside (it reads this as after-effects, 0.57)
		{"keeps an Arabizi temperature told whole", "7rarti 39 w shway mn ams, w ga3ed artjif. sawait el 3ilaj fe el 9'ahar gabel 3 ayam. el 9'ahar yoj3ni shway bas. 3adi at'7amam?", Clinic, Clinic},
		// a measured temperature told beside a fever's own sign is told, whatever the message asks
		{"keeps a measured fever told with chills", "temp 39.2 and chills lol guess the stem cells are partying 🎉 is that expected?", Clinic, Clinic},
		// the model reads numbers as a fever's: mild pain scores are no clinic call (it reads 0.87)
		{"adds nothing over mild pain scores", "ache in the hip 3/10 this morning, was 5/10 yesterday", "", ""},
		{"adds over a score that rises", "Night 1 sore, 3/10. Day 2 about 5/10. Today it's an 8 and throbbing so badly I couldn't sleep.", "", Clinic},
		// a fever read from Arabizi skeletons with a temperature word and a decimal reading is measured: the
		// model (0.01 here) may not set it aside, though the message asks of something else
		{"keeps an Arabizi fever named and measured", "ya jama3a el 7arara 3andi 38.9 bas w ana mabsoot bel natayej 😅 bs su2al: emta a2dar arou7 el gym?", Clinic, Clinic},
		// a sentence apart that tells when it began makes the sign asked of as normal a report: the model
		// adds at its usual threshold (0.82 here); not over a writer well since the treatment
		{"over a sign asked of as normal, told begun", "is it normal to have chest pressure after the bone marrow harvest? started like 20 min ago, feels like someone sitting on me", "", Emergency},
		// session 44: a fever asked of as normal, told beside its own sign by a writer reporting apart; a
		// decimal in the fever's range in a short message that does not ask of it (the model reads no number)
		{"over a fever asked of, told with its sign apart", "is it normal to have a fever of 39 the day after? I feel awful and shivery", "", Clinic},
		{"keeps a decimal fever not asked of", "101.8 lol. what time u guys open tmrw", Clinic, Clinic},
		{"keeps a scaled fever after the treatment told done", "102F ya gama3a 😂 el mafrood a2la2 wala la? 3amalt el 7o2na el etnein", Clinic, Clinic},
		{"not over a question beside a treatment dated", "had my injection yesterday and feel fine. just wondering what symptoms would mean I should call you? like how high a temp is too high", "", ""},
		// "is it normal for" asks: it tells no pain that is over ("normal for two days")
		{"over a worsening asked of as normal", "is it normal for the pain to get worse not better? day 5 and I can't put any weight on the knee, it's way worse than day 1", "", Clinic},
		// a decimal in the fever's range is a thermometer's reading, named or not: told with "this morning"
		{"keeps an unnamed decimal fever told today", "my son has 39.2 this morning, he had his stem cell treatment on saturday. is this normal or not", Clinic, Clinic},
		// the rules read it as the son's since "lah" (to him) is no negator (session 41)
		{"adds no son's Arabizi fever", "ana zain bs waldi 6ala3at lah sakhana 38.9 mn el madrasa. nagdar n2ajil el maw3ed?", "", ""},
		{"sets aside a temperature only asked of", "Is 100.4F considered a fever? Trying to learn the numbers before my treatment in May.", Clinic, ""},
		{"keeps a long message's clinic call it reads", "Long story but bear with me: the knee has been better this week, thanks to the team. Since last night I've been shivering and the thermometer says 38.9, and the spot is warm. Anyway, what time is parking free on Saturday?", Clinic, Clinic},
	} {
		if got := tr.Rules(tt.text, ""); got.Tier != tt.rules {
			t.Errorf("%s: Rules(%q) = %q, want %q", tt.name, tt.text, got.Tier, tt.rules)
		}
		got := tr.Explain(tt.text, "")
		if got.Tier != tt.want {
			t.Errorf("%s: Check(%q) = %+v, want %q", tt.name, tt.text, got, tt.want)
		}
		if got.Learned == nil || got.Learned.Urgent < got.Learned.Emergency {
			t.Errorf("%s: Explain(%q) learned %+v, want the model's reading", tt.name, tt.text, got.Learned)
		}
		if got.Tier != "" && got.Flag == flagLearned && len(got.Learned.Evidence) == 0 {
			t.Errorf("%s: Explain(%q) gave no evidence for the learned flag", tt.name, tt.text)
		}
	}
}

func TestTriageTiersAndContext(t *testing.T) {
	tr := testTriage(t)
	tests := []struct {
		text string
		want Tier
	}{
		{"my chest hurts and I can't catch my breath", Emergency},
		{"my lips and tongue are swelling up", Emergency},
		// session 42: a face told a little puffy is a clinic call at most; with the lips it is an allergy
		{"وجهي منفوخ شوي وبعدين صار يوجعني كثير", Clinic},
		{"my face is swollen and my lips are a little puffy", Emergency},
		{"I passed out in the shower", Emergency},
		// a relative's emergency sign, the writer saying the relative is no patient or they are well
		// themselves, is the relative's, unless it is happening now or the relative had the treatment
		{"My husband has had a bad cough and shortness of breath with his asthma this week (he's not a patient of yours). Should I still keep my appointment tomorrow?", ""},
		{"my son can't breathe properly right now, i'm fine myself, what should i do", Emergency},
		{"my dad has had chest pain for an hour, he's not a patient of yours", Emergency}, // lasting up to now
		{"my husband had the injection yesterday and now he has chest pain, I'm fine myself", Emergency},
		// beside the writer's own appointment alone, a relative's emergency sign stays one: it may be going on
		{"my husband has chest pain and is sweating a lot. should I still come to my appointment tomorrow?", Emergency},
		// sight no longer there, in the dialects' "no longer"; not seeing a result is no sign
		{"mab2etsh shayfa 7aga b 3eni el shemal, kolo eswed", Emergency},
		{"مبقتش شايفة حاجة بعيني الشمال كله اسود", Emergency},
		{"مش شايف حاجة بعيني اليمين", Emergency},
		{"ما بشوف اي نتيجة لحد هلا", ""},
		{"mish shayef ay nateega", ""},
		// a colleague's sign, or a relative's beside the writer's own appointment in Modern Standard
		// Arabic's "الخاص بي" (mine), is theirs; a neighbour's faint the Maghrebi hospital (السبيطار) cares
		// for is being handled; a colleague's chest pain told now stays an emergency
		{"زميلي في الشغل عنده حرارة 38.5 من امبارح، انا بخير، اقدر اجي موعدي؟", ""},
		{"أختي عندها حمى منذ أمس، أما أنا فأريد أن أعرف الموعد الخاص بي", ""},
		{"جارتي طاحت مغمى عليها وداوها للسبيطار، ودابا لاباس عليها", ""},
		{"زميلي في الشغل عنده ألم في صدره الحين", Emergency},
		// a walk a chronic condition cuts short is what the patient wants treated; new since the procedure,
		// a clinic call; legs that will not carry, an emergency
		{"my mum has osteoarthritis in both hips, she can't walk more than 10 minutes, can stem cells help her?", ""},
		{"since the procedure I can't walk more than a few steps", Clinic},
		{"I can't walk at all since the injection", Emergency},
		// not seeing a result is no loss of sight; a knee swollen after a hot shower, or a cheek where the
		// needle went in, is no infection nor anaphylaxis
		{"لا أرى أي تحسن بعد الجلسة", ""},
		{"had a hot shower and my knee looks a bit swollen", ""},
		{"small swelling on my cheek where they inject, is that normal?", ""},
		// a seizure told in the present in Arabic; a muscle's cramp is no seizure
		{"ابني يتشنج الحين", Emergency},
		{"جسمه كله يتشنج", Emergency},
		{"عضلة رجلي تتشنج", ""},
		{"عندي تشنج عضلي في رجلي بعد الحقن", ""},
		// Maghrebi confusion: mixed up, not knowing who the family are; not knowing where a place is is none
		{"بابا ولا مخلط، ما عرفش شكون احنا", Emergency},
		// "في حالة" right before a sign, or before the sign joined to it, is a state, not "in case"
		{"والدي في حالة ارتباك وتشوش ذهني منذ الصباح ولا يتعرف على أفراد العائلة", Emergency},
		{"ماذا أفعل في حالة ظهور تشوش بعد الحقن؟", ""},
		// the procedure's own pain, told as it happened, unless told now
		{"the pain during the procedure was excruciating but it eased after an hour", ""},
		{"وانا بعمل الحقن كان فيه وجع جامد بس أول ما خلصت راح", ""},
		{"during the injection it was fine but now the pain is unbearable", Clinic},
		{"7rarti 38.7 w jismi ykasser, ams sawait el 7igna", Clinic},
		// "zero" denies as "no" does; "and a" adds a thing had to a denied one
		{"zero fever, zero chest stuff, zero bleeding, im good. can i hit the gym yet", ""},
		{"I have no energy and a fever of 39 since the shot", Clinic},
		{"no fever or a rash, just tired", ""},
		// a condition kept in hand "now" is history still
		{"I had a heart attack five years ago and I'm on medication for it now. Am I still a candidate?", ""},
		// a car with no air conditioning; a temperature above a body's is the air's
		{"Outside is 40 degree and my car has no air condition. Can I drive home?", ""},
		{"الجو هنا حار شديد، الحرارة ٤٥ والكهربا قاطعة من الصباح", ""},
		// a fever-range temperature told with the weather and no body's is the air's; a body's named is a fever
		{"الجو نار اليوم، الحرارة ٤١ درجة، أقدر أتمشى بعد الحقنة؟", ""},
		{"الجو حر بس حرارتي ٤٠ من الصبح", Clinic},
		{"el jaw 7ar ktir el yom, 39 daraje", ""},
		{"I feel cold and shaking, I measure the temperature, it is 102 F, maybe the air conditioning", Clinic},
		// a condition kept in hand by a medicine now is history still; a relative's fever while the writer
		// tells of their own injection is the relative's
		{"I had a heart attack five years ago and I'm on aspirin now. Can I still have the knee injection?", ""},
		{"My neighbour has had a fever for three days with the flu. Could I catch it after my injection?", ""},
		// difficulty and breathing apart; a loss of consciousness in French; not knowing where one is
		{"منذ الصباح أجد صعوبة شديدة جدا في التنفس بعد الحقن", Emergency},
		{"hier après la séance j'ai eu une perte de connaissance dans la cuisine", Emergency},
		{"ابوي من الصبح مش داري وين هو ويتلخبط بالاسماء", Emergency},
		// a negation in another sentence denies nothing
		{"Probably nothing. Worst headache ever since the injection and my neck is stiff", Clinic},
		// asking which signs need help, or supposing one, tells none
		{"which symptoms mean I should call you after the injection, like a fever or chest pain?", ""},
		{"Suppose I get chest pain the night after, who do I call?", ""},
		{"what are the signs of an infection? my knee is hot and swollen and there's pus", Clinic},
		{"no air conditioning at home and I can't breathe", Emergency},
		// a pain easing day by day heals as expected; one growing day by day does not
		{"وجع خفيف بس دا يخف يوم بعد يوم", ""},
		{"الوجع يزيد يوم بعد يوم", Clinic},
		// a faint that did not happen
		{"I almost fainted getting a flu shot once. Is the harvest going to be worse?", ""},
		// French mixed in, its article elided
		{"l'douleur f rkbti katzid kol nhar, 9 sur 10", Clinic},
		// a bleeding told stopped after it, whatever its tier; not one that has not stopped, nor one that
		// started again
		{"Yesterday little bleeding from the hip, but stop after 5 minutes with pressure, now is dry.", ""},
		{"كان في شوية دم عالشاش أول ليلة بس وقف لحالو ومن وقتها ما رجع", ""},
		{"the bleeding from the hip hasn't stopped after 20 minutes of pressure", Emergency},
		{"النزيف كتير وما وقف بعد ما ضغطت", Emergency},
		{"it was bleeding a lot, it stopped for a minute then started again", Emergency},
		// vomiting told stopped, as bleeding; not when it started again
		{"The vomiting I mentioned on Sunday stopped that same evening. Eating normally since.", ""},
		{"I keep throwing up, it stopped for an hour then started again", Clinic},
		// a relative named with a possessive 's ("my husband's got…") is the relative, and the writer's
		// visit still ahead sets his fever apart
		{"my husband's got a fever and chills from the flu, should I wear a mask when I come in?", ""},
		// a relative's emergency a hospital is caring for already is someone else's; not one the writer
		// asks what to do about, nor one after the clinic's treatment
		{"Salam doctor, my father had a heart attack yesterday, alhamdulillah he's stable in the CCU now. I need to cancel my appointment on Thursday", ""},
		{"أنا كويس، لكن جارنا عمل حادث ونزف كتير ومشيت معاهو المستشفى، فاتني الموعد", ""},
		{"my dad fainted, should I take him to hospital?", Emergency},
		{"My neighbour has a fever of 39, could he get stem cells too one day?", ""}, // a candidate
		// a relative's or friend's story of treatment at another clinic or in another country, told of
		// nothing now; not one told of now
		{"my roommate says his cousin passed out after getting stem cells in some other country lol is that common", ""},
		{"جارتي قالت إنو أختها صار معها نزيف بعد حقنة خلايا ببلد تاني، هالشي بيصير كتير؟", ""},
		{"my neighbour had stem cells abroad and right now she can't breathe", Emergency},
		// "ana" (I) opens no question as وين (where) would, one consonant both: an Egyptian Arabizi report
		// of vomiting more than ten times since the session
		{"ana barag3 men sa3et ma rawa7t men el session, 3amalt keda aktar men 10 marat", Clinic},
		// a fever's reading in a sentence of its own that does not ask, beside a fever told over or one
		// told as what might be; not one asked about, nor a relative's
		{"Last time I had treatment I got a small temp of 37.6 that went away the same day. This time it's day 3 and I'm at 39.1 and climbing.", Clinic},
		{"What if I get a fever after the injection? Like 38.5?", ""},
		// a bare number after the new reading is no normal reading unless a temperature word tells it
		{"Last time I had treatment I got a small temp of 37.6 that went away the same day. This time I'm at 39.1 now, it was 37 at noon.", Clinic},
		{"You told me to message if I got a fever, so here I am: 38.9 this evening, achy and shivery.", Clinic},
		{"لو جاتني حرارة بعد الحقنة؟ مثلا ٣٨٫٥؟", ""},
		{"My son has a fever. 39.2 since yesterday. I'm fine myself, can I come?", ""},
		// a faint the writer fears they may "end up" in; a sister's fever, she "not one of your patients"
		{"kinda anxious lol, if i end up fainting at the sight of the needle will someone catch me? im fine rn", ""},
		{"My sister (not one of your patients) has had a fever all week with the flu. I'm booked in Monday. Can I still come?", ""},
		// the car's thermometer is the air's, not a body's
		{"it's literally boiling out, like 104 on the car thermometer, i'm melting. anyway running 10 min late for my appt sorry", ""},
		{"my thermometer says 39.2 and it's boiling out", Clinic},
		// a joint that is "screaming"; not a joint told fine
		{"my lower back where they did the disc is absolutely screaming, worse than before", Clinic},
		{"my hip is fine now, is it ok to drive?", ""},
		// a Maghrebi fever told gone; a French pain "pire" (worse)
		{"kan 3andi chwiya d la fièvre lbare7, mais daba rah mcha", ""},
		{"salam, l douleur f dhar rahi pire kol nhar, ma9derch n9ad mn fraash", Clinic},
		// a relative told untreated, the writer the patient; an episode told not to have come again
		{"أختي عندها حرارة ٣٩ من أمس بس هي ما سوت العلاج، أنا اللي سويته. أقدر أزورها ولا أبعد عنها؟", ""},
		{"My husband has had a terrible cough and a fever this week - he isn't a patient of yours. Should I postpone my own appointment on Monday so I don't bring germs in?", ""},
		{"امبارح بالليل رجّعت مرة واحدة بعد الجلسة، بس من ساعتها كويس خالص وباكل عادي", ""},
		// a hot compress asked about; "but if" (اما اذا) is hypothetical anywhere in its sentence
		{"a2dar a7ot kamadat sokhna ba3d el 7o2na?", ""},
		// the French article is no Arabizi "if"
		{"la plaie fiha dam ktir ma 3am yw2af", Emergency},
		{"ابوي يقول اذا بتكون جلسة وحدة بس يسويها، اما اذا بيرجع كل شوي ما يبي", ""},
		{"my dad passed out at home, he is at the hospital now, he had the knee injection on monday", Emergency},
		{"جوزي عمل الحقن في الركبة النهارده الصبح ودلوقتي بيقول صدره مقبوض، نطلب الإسعاف ولا نستنى؟", Emergency},
		// a red streak told as a line going up the leg; a faint told as dizzy then fallen, or as not feeling
		// oneself, in the third person
		{"the red patch was small yesterday, now it goes almost to my ankle and there's a line going up the back of my calf", Clinic},
		{"اختي دخت وطاحت وما حست بنفسها، هسه صاحية بس خايفين", Emergency},
		{"زوجي بعد ما رجع من العيادة وقع في الحمام وغاب عن الدنيا شوية، وهسي صاحي بس عرقان وبارد.", Emergency},
		// MSA's "without" (دون) denies; the world on fire (الدنيا نار) is the weather; the Arabizi world
		// (dinya) is no دون; a patch now covering most of the knee spreads
		{"لاحظت تورماً طفيفاً حول موضع الحقن دون احمرار أو حرارة. هل هذا متوقع؟", ""},
		{"الدنيا نار النهارده، ٤٢ درجة. ينفع أنزل الشغل بكرة بعد الحقنة؟", ""},
		{"el dinya 7ar bas 3andi 7arara 39 mn embare7", Clinic},
		// a checklist: a sign asked alone and answered with a denial is denied; answered yes, it is told
		{"Chest pain? Nope. Breathing? Fine. Bleeding? None. Day 3 report.", ""},
		{"حرارة؟ لا. ورم؟ شوي بس", ""},
		{"chest pain? yes. breathing? hard", Emergency},
		{"the pink patch was the size of a coin yesterday and now it's covering most of the front of my knee", Clinic},
		{"The redness around the injection spot was small yesterday but now it goes halfway up my thigh", Clinic},
		{"hier j'avais la fièvre 38.5, mais daba la température normale w ma b9a walou. merci", ""},
		{"كان عندي حرارة ٣٨.٥ امبارح بس الحين الحرارة طبيعية", ""},
		// redness that has doubled; the air's temperature; a "now" of how a condition is kept in hand is no
		// sign of now, a recurrence told is
		{"Red patch around the hip harvest site has doubled since I drew a line around it with a pen this morning", Clinic},
		{"Outside temperature is 104F in my city, I can travel tomorrow after the session?", ""},
		// the air's temperature in either order, a fever's rule reading it too; a part told fine after a
		// phrase of being unable is told missing; red growing in the feminine, a smell told bad in Maghrebi
		{"برا الحرارة ٣٨ والشمس قوية، فيني روح عالبحر؟", ""},
		{"عندي حرارة ٣٨ من امبارح", Clinic},
		{"I am not able to breath good, when I walk two step I must stop and sit. yesterday injection in hip", Emergency},
		{"no pain, breathing fine, lips fine", ""},
		{"الحتة الحمرا بقت تكبر وتتمدد لحدي الضهر", Clinic},
		{"الجرح وريحتو خايبة", Clinic},
		// a question may open the clause after "but"; "is it normal that I…" tells what happened as it asks;
		// the Maghrebi heat "of the weather" is the air's
		{"random q but can u pass out from the marrow thing? asking bc im a wimp w needles", ""},
		{"it went ok but is it normal that I passed out twice tonight?", Emergency},
		{"السخانة ديال الجو بزاف اليوم، 38 درجة، واش نقدر نجي فالعشية؟", ""},
		// the writer more confused than before by what they read is puzzled; a pain that started two years
		// ago, "since two years" in MSA, is the condition to treat; one that started since the injection is not
		{"honestly I've been reading stuff online for weeks and I'm more confused than when I started. what are stem cells exactly", ""},
		{"منذ سنتين بدأت أعاني من آلام في الركبتين تزداد مع صعود الدرج. ما هو هذا العلاج بالضبط؟", ""},
		{"عندي ألم في الركبة منذ سنتين، لكن من بعد الحقنة صار الألم لا يطاق", Clinic},
		// the Gulf and Iraqi گ read as ق ("حلگي دا يضيگ", my throat is tightening); a chest that tightens
		// (ينقبض); a low oxygen reading; the world going black and a fall; a decimal in the Fahrenheit
		// fever range is a reading
		{"دكتورة حلگي دا يضيگ عليّ كل ما ابلع وجسمي كله يحكني من طلعنا من العيادة، شسوي؟", Emergency},
		{"ابوي سوه الابرة بالركبة، هسه يكول صدره ينگبض عليه", Emergency},
		{"pulse ox on my finger says 88 and I feel a bit winded. day after the sedation", Emergency},
		{"بس سؤال صغير، طبيعي الدنيا تسوّد بعيوني وأوقع عالأرض؟ صارت معي مرتين اليوم", Emergency},
		{"I had the hip treatment Monday and the thermometer says 101.3", Clinic},
		// a sign told back to normal (MSA), gone; the heat "out here"; the writer's appointment postponed
		// for a son's fever
		{"ارتفعت حرارتي قليلاً يوم الجلسة ثم عادت طبيعية ولم ترتفع منذ ذلك الحين.", ""},
		{"Yesterday I have some tingling in foot, but today it is gone completely.", ""},
		{"its literally 104 out here, burning up lol. can i go swimming after the knee shot?", ""},
		{"ابني معه حمى من امس، تقدروا تأجلوا موعدي؟", ""},
		{"there's a patch on my thigh that's gone completely numb and the tingling is spreading further down", Clinic},
		// "what do I do if…" in MSA asks about what could happen
		{"ماذا أفعل إذا شعرت بضيق في التنفس بعد العلاج؟", ""},
		// blood named for another thing ("blood pressure") is no bleeding; the bleeding told beside it is
		{"she takes a lot of meds for blood pressure and diabetes and she's allergic to penicillin. do the doctors go through all that before?", ""},
		{"I take blood thinners and the site is bleeding a lot and won't stop", Emergency},
		{"my dad had a seizure once years ago, he's on meds now. he wants the knee treatment, is that ok?", ""},
		{"I had a seizure years ago, on meds now, and I just had another seizure", Emergency},
		// redness grown from small to reaching a limb; a fear of needles is no pain; "now finish" is over
		{"Redness around my knee was small yesterday, now it's half my thigh. Is that still 'normal healing'?", Clinic},
		{"الحمورية راهي تزيد وتكبر حول بلاصة الإبرة، البارح كانت صغيرة واليوم وصلت للركبة", Clinic},
		{"كم با يوجعني؟ انا ما اتحمل الإبر", ""},
		{"الوجع ما اتحمل، يوجعني كثير من امس", Clinic},
		{"yesterday I had headache but now finish, I am fine", ""},
		// a head "about to explode", laughing, is exasperation; with a stiff neck and no laugh, a headache
		{"الورق دا كتير شديد، راسي قرب ينفجر ههههه", ""},
		{"راسي قرب ينفجر من الوجع ورقبتي متخشبة", Clinic},
		// the rules read stretched letters squeezed: a laugh drawn out is a laugh
		{"the parking fee gave me a heart attack lmaooo. do u validate?", ""},
		{"the chest paaaain is crushing me", Emergency},
		// "where am I supposed to…" asks the way, and tells no confusion
		{"parking at your building is a nightmare, where am I supposed to leave the car", ""},
		// "now" followed by a negation tells the writer well now, not the sign
		{"I had seizure 10 years before, now no medicine and no problem. Can I do this treatment?", ""},
		{"I had a seizure years ago but now I'm shaking all over and can't stop", Emergency},
		// a colon ends a sentence: the condition after it opens one
		{"my husband wants to know: if after the injection he has chest pain, what must he do?", ""},
		// a relative's sign, the writer well since their own session
		{"أنا بخير من بعد الجلسة الحمدلله. بس ولدي الصغير طلعت له حرارة ٣٩ من الحضانة، نقدر نأجل الموعد؟", ""},
		// a resolution told before a "but" is of what came before
		{"I was doing fine at first but since Sunday the pain has been ramping up and I was up till 4am, Tylenol barely touches it", Clinic},
		// a wheeze in MSA; redness growing by the hour
		{"ظهر لدي شرى على كامل الجسم مع أزيز عند التنفس بعد الحقن", Emergency},
		{"red colour around injection is more big every hour, yesterday small like coin now like my hand", Clinic},
		// a relative's or friend's sign, in a question whether they could be treated, is their condition;
		// told now, or after a procedure, it stays urgent
		{"my brother gets chest pains every so often, can he be treated here too?", ""},
		{"صديقي عنده ضيق تنفس من الربو، هل يمكنه الاستفادة من العلاج؟", ""},
		{"my husband has chest pain right now, can he still be treated tomorrow?", Emergency},
		{"my dad had the injection and he can't breathe, can he be treated?", Emergency},
		// something that "is giving me a heart attack", told laughing, is a joke; without a laugh, or about
		// the injection, it is a sign
		{"the traffic on the way here is giving me a heart attack lol", ""},
		{"my landlord gave me chest pains today 😂", ""},
		{"الزحمة جابتلي جلطة هههه", ""},
		{"bruh the parking had me about to pass out fr, is there validation?", ""},
		{"the injection gave me a heart attack lol", Emergency},
		{"the stairs are giving me chest pains", Emergency},
		// Maghrebi "ma b9itch" (no longer) and "nhbet" (go down) read as themselves, not as fainting
		{"rkabti t3ebni bzaf, ma b9itch nqder nhbet m3a droj, wach l3ilaj ynf3ni?", ""},
		// a number alone in the fever's range is a temperature taken
		{"39", Clinic},
		{"١٠٢", Clinic},
		{"37", ""},
		// the Gulf "يعور" (hurts) of a chest; the heat of the day; the writer's own injection to move;
		// an Iraqi childhood seizure, nothing now
		{"ابوي يقول صدره يعوره من الصبح", Emergency},
		{"الحر اليوم ٤١ درجة، اقدر اجي الموعد؟", ""},
		{"my daughter has been throwing up all day, should I reschedule my injection?", ""},
		{"جاني صرع من جنت صغير وهسه ما عندي شي", ""},
		// a sign told gone: normal again, gone since yesterday
		{"كان عندي حرارة أول يوم بس صارت طبيعية الحين", ""},
		{"صار عندي تنميل بسيط بس راح من امبارح", ""},
		// a return denied tells a sign gone, unless what did not come back is a function or the normal
		{"had a fever of 38.5 the first night but it went away and hasn't come back", ""},
		{"Before the treatment I was fine, now I have a fever of 38.5", Clinic},       // "fine, now" is no "fine now"
		{"if possible call me, I have had chest pain since the injection", Emergency}, // an "if" of courtesy
		{"لو سمحت يا دكتور، عندي ألم قوي في صدري", Emergency},
		{"عندي سكري من سنين وهلق اغمي علي", Emergency}, // "and now" after a duration tells of now
		{"مش عم بمزح عندي حرارة ٣٩", Clinic},           // a joke denied
		{"wallah 3andi 7arara 39", Clinic},             // an oath is no negation
		{"I coughed up blood", Emergency},              // blood vomited or coughed up
		{"عم استفرغ دم", Emergency},
		{"زلعومي عم يسكر", Emergency}, // the Levantine throat
		{"عندي حرارة ٣٩ ومش عارف وين أنا", Emergency},
		{"azza3 mn il fajir lil hessa,ma yitim bi ba6ni shi", Clinic}, // "yitim" is no تمي (mouth)
		{"وصلت الحرارة لـ٣٩", Clinic},                                 // a number joined to the letter before it
		{"7arareti arb3een", Clinic},
		{"my temperature is forty", Clinic},
		{"If I stand up I faint", Emergency}, // a condition that plans or asks nothing tells what happens each time
		{"If I get a fever after the injection, what should I do?", ""},
		{"if I get a fever I'll call you", ""},
		{"inshallah el waram byenzal ba3d yomen", ""}, // "inshallah" is no شلل (paralysis)
		{"had a fever of 38.5 yesterday, now i'm fine", ""},
		{"my leg has been numb since the injection and the feeling hasn't come back", Clinic},
		{"my leg is numb since the shot and it didn't come back to normal", Clinic},
		{"رجلي خدرانة من يوم الابرة بالظهر، ثلث ايام وبعدها ما رجعت طبيعية", Clinic},
		{"felt a bit dizzy right after the session but that passed within 10 minutes, been fine all day", ""},
		{"تقيأت مرة واحدة بعد الجلسة مباشرة، ولم يتكرر ذلك منذ أمس، وأنا آكل بشكل طبيعي الآن", ""},
		{"my chest is killin me since the shot", Emergency}, // a dropped final g
		{"been throwin' up all night since the injection", Clinic},
		{"اجرها منملة من بعد الابرة", Clinic}, // the Levantine leg
		{"توني قست حرارتي ٣٨٫٤ واخذت بندول", Clinic},
		{"ما عرفتش فين هي العيادة، عطيوني العنوان", ""},
		{"his face is drooping on one side and his speech is slurred", Emergency},
		// weeks since the clinic's treatment date it, not the sign told after it; years are history
		{"I had the session a week ago and I have a fever of 39", Clinic},
		{"سويت الجلسة الاسبوع الماضي وعندي حرارة ٣٩", Clinic},
		{"an operation in 2015 and a lot of bleeding after it", ""},
		{"I have a fever since the injection", Clinic},
		{"I have hives on my arms", Clinic},
		{"my leg is tingling and numb since the back injection", Clinic},
		// the learned layer raises a clinic call it reads as an emergency (both legs numb after a spinal
		// injection, since session 13's model)
		{"my legs are numb after the spinal injection", Emergency},
		{"temp 38.6 this morning", Clinic},
		{"I'm at 101.5F", Clinic},
		{"39.2°C since last night", Clinic},
		{"حرارتي ٣٩ درجة", Clinic},
		{"38,7 since yesterday, is that ok", Clinic},
		// chronic conditions, history, hypotheticals: the clinic's core audience, asking about treatment
		{"I have severe knee pain for years, can stem cells help?", ""},
		{"عندي ألم شديد في الركبة من سنين، هل الخلايا الجذعية تفيد؟", ""},
		{"I had a heart attack 5 years ago, can I still get treatment?", ""},
		{"I had a stroke in 2019, am I a candidate?", ""},
		{"what if I get a fever after the injection?", ""},
		{"is chest pain a side effect?", ""},
		{"can the injection cause numbness?", ""},
		{"لو صار عندي حرارة بعد الحقنة شو أعمل؟", ""},
		// history undone by a new onset, and a hypothetical undone by the present
		{"I've had knee pain for years but since the injection it's getting worse every day", Clinic},
		{"my face is puffing up and my lips feel weird, I had the injection an hour ago", Emergency},
		{"what if... no wait, I can't breathe right now", Emergency},
		// told against the procedure elsewhere in the message, history in another sentence is undone
		{"my grandfather doesn't know where he is, keeps asking for his brother who died years ago. he was fine before the injection", Emergency},
		// an onset marker before a duration says how long ago ("it has been ten years")
		{"جاني صرع وانا صغير وصار لي عشر سنين ما جاني", ""},
		{"hypothetically, if I faint after the session what should my wife do?", ""},
		// what is to come, asked of right before the sign: after-effects asked about, not told; a sign told
		// after a question of the future is still told
		{"will my face be swollen after the injection?", ""},
		{"should I expect swelling in my face?", ""},
		{"will I have chest pain from the anesthesia?", ""},
		{"am I going to be in severe pain after?", ""},
		{"مرحبا، اختي راح تسوي الحقن بوجهها، وهي خايفة من شكلها بعد الجلسة، يعني راح يصير احمرار وانتفاخ؟", ""},
		{"حيحصل ورم في وشي بعد الحقنة؟", ""},
		{"will I be ok? my face is swelling up and my lips feel tight", Emergency},
		{"will this swelling in my face go down?", Emergency},
		// a number told as a temperature, in a message that tells the weather and names no body's, is the
		// air's; a relative's sign told at another hospital, in the colloquial feminine, is theirs
		{"the weather is crazy hot and the temperature is 40 outside. I don't want to sweat on the plaster.", ""},
		{"my temperature is 40 and it's hot outside", Clinic},
		// "but if" (بس اذا) anywhere before the sign is a hypothetical, as "اما اذا" is; a small swelling
		// "where you put cells" is the injection site's; a cold waiting room's shivers are the weather's
		{"سويت الابرة اليوم وكلشي تمام، بس اذا باچر صار عندي صداع قوي شلون اعرف انه خطر؟", ""},
		{"after injection, small swelling on the face where you put cells, no pain, is normal?", ""},
		{"The clinic room was very cold yesterday, I was shivering in the waiting area.", ""},
		{"I'm shivering and burning up since last night", Clinic},
		{"جارنا عمل عملية ركبة في مستشفى تانية وجاهو نزيف شديد. انا لسه ما عملت حاجة، الخلايا فيها نزيف؟", ""},
		// an emergency the rules read that the learned layer is all but certain is a joke, unless the
		// message places it now
		{"the traffic to your clinic gives me chest pain lol, is there parking?", ""},
		{"haha the bill nearly gave me a heart attack, do you take cards?", ""},
		// "today" places it now for the learned layer, but the idiom told laughing is a joke (session 16)
		{"the bill gave me a heart attack today lol", ""},
		{"my knee gave me a heart attack today lol, there's pus coming out of the needle spot", Clinic},
		// a sign told gone: the learned layer, which reads the fever, does not add it back
		{"had a bit of a fever the night after but it broke yesterday and I've felt fine since", ""},
		// a sign its writer takes back as a joke
		{"waiting for my results is giving me chest pains lol jk", ""},
		{"صدري بيوجعني من الفاتورة، بهزر طبعا", ""},
		{"my chest hurts, not kidding", Emergency},
		// a known allergy is history, not a reaction
		{"I'm allergic to latex and a couple of antibiotics, will the doctor check that?", ""},
		{"I think I'm allergic to something, hives all over my body since the injection", Clinic},
		// a Maghrebi or Iraqi "couldn't breathe"
		{"ماقدرتش نتنفس مزيان من البارح فالليل", Emergency},
		{"ما كدرت اتنفس زين من الصبح", Emergency},
		// an everyday Arabizi word read as itself: "homa" (they) is no حمى (fever)
		{"homa haykhodo el khalaya menen? mn gesmi?", ""},
		{"3andi 7oma men embare7", Clinic},
		// "nhar" (day) is no حار (hot), "nafs" (same) no breath, "yom" (day) no "ما" (not)
		{"mor l7o9na n9der nrje3 ldar f nfs nhar?", ""},
		{"shu lezem a3mel abel el jalse? w shu bi sir ba3da b nafs el yom, b2dar rou7 3al beit?", ""},
		// a list numbered in one line: one item's question is no context of the next one's symptom
		{"Quick questions: 1) can I fly next Thursday 2) when do I restart my vitamins 3) I've been throwing up since yesterday afternoon, maybe 9 or 10 times, can't keep fluids down", Clinic},
		// the Maghrebi "he can't breathe", "he is choking", "she got lost" (confused)
		{"خويا دار الحقن البارح، دابا ما قادرش يتنفس مزيان وكيتخنق", Emergency},
		{"mama mn ba3d l7o9na wlat mtlfa", Emergency},
		// a figure of speech, and the weather of a city
		{"how long do I have to take it easy after?? the thought of not training is killing me haha", ""},
		{"In my city it is very hot and I don't drink enough water, should I drink more before the procedure?", ""},
		// a negation three words before the sign ("I do not suffer from any")
		{"لا أعاني من أي ضيق في التنفس أو ألم في الصدر، فقط أسأل عن موعد المتابعة", ""},
		// a Levantine "if" spelled as it is said
		{"ازا صار معي حرارة بعد الابرة شو بعمل؟", ""},
		// a relative's fever beside the writer's own injection still ahead
		{"my husband has a bad flu with a fever of 39, will that stop me coming in for my injection tomorrow?", ""},
		{"my husband had his injection yesterday and now has a fever of 39", Clinic},
		// a temperature reading is a report, even asked about; not a hypothetical one
		{"is 38.4 a fever?", Clinic},
		{"what if I get 38.5 after the injection?", ""},
		// a one-letter Arabizi skeleton is read from a whole word ("law", if), never from a longer one
		// stripped ("a2la2kom", to worry you)
		{"ma bidi a2la2kom bas 3andi sokhoneya", Clinic},
		// a negated symptom compared right after is one never felt before, happening now
		{"never had chest pain like this before, started an hour after the injection", Emergency},
		{"عمري ما حسيت بوجع في صدري زي كده، من بعد الحقنة", Emergency},
		{"I've never had chest pain before, will the injection cause it?", ""},
		{"I'm not dizzy, no chest pain, nothing like that.", ""},
		// a long marker word whose skeleton is one letter is no marker in Arabizi: "والو" (nothing) is no
		// "la", so "men ba3d la piqûre" (since the injection) resolves nothing
		{"ras dyali fih wa7ed l7ri9, w r9bti m9ebda, men ba3d la piqûre f dher", Clinic},
		// the conjunction و on a negator negates: "and no fever, no redness"
		{"الكتف شوي مشدود الصبح، وما في حرارة ولا احمرار", ""},
		// a relative's illness the writer sets apart from their own, unless the relative had the treatment
		{"My daughter has a fever of 38.5 from a cold. Can I still come Thursday? I'm fine myself.", ""},
		{"my dad had the knee injection yesterday and now he has a fever of 39, I'm fine myself", Clinic},
		{"my son has a fever of 39", Clinic},
		// a relative told not treated, in the sentence of their sign; not "after he had the injection"
		{"my wife, she didn't have the injection, has a fever of 39 from the flu", ""},
		{"اختي ما سوت الحقنة، بس عندها حرارة من الزكام", ""},
		{"khayye ma 3emel el jalse, bas 3ando s5oune mn el grippe", ""},
		{"ولدي حرارته 38,5 بعد ما سوى الحقنة بيومين", Clinic},
		{"My husband (not a patient, he's just driving me) has a cold and a bit of a fever. Can he sit with me?", ""},
		// a temperature taken in the fever's range is today's, whatever treatment the message names
		{"mar7aba, ummi 7ararat-ha 38.8 el yom, sawat el 3laj gabl yomain. 3adi?", Clinic},
		// told over, or a sign to watch for
		{"Yesterday I vomit 2 times after the injection, but today it is finished, I eat normal. Is ok?", ""},
		{"أمس بالليل كان عندي صداع قوي، بس أخذت بنادول ونمت، واليوم ولا شي. عادي أروح الدوام؟", ""},
		{"My thermometer says 98.6F. I was told to watch for a fever. That is normal, isn't it?", ""},
		// French mixed into Arabizi is read as French: "très" is no راس (head)
		{"wach l'injection f genou katdir l7ri9 bzaf? j'ai très peur", ""},
		// a patient's discharge home is no wound's
		{"is discharge the same day or do i stay overnight", ""},
		{"there is discharge from the site, same day as the injection", Clinic},
		// confusion told by what a relative sees: no longer answering to his name, talking in words no one
		// follows, not knowing his son; "ma da" (Iraqi: does not) is no "اما اذا" (as for if)
		{"khali sawwa el 3ilaj bil dhahar, hassa ma da yrud 3la isma, w y7chi kalam ma yinfihim, ma da yi3rif ibna.", Emergency},
		{"ابوي من بعد الجلسة ما يعرف ابنه ويحكي عن ناس مش موجودين", Emergency},
		// the Iraqi progressive joined to a verb in Arabizi: "dayenzif" (it is bleeding), "ma dayogaf" (it
		// does not stop)
		{"mkan el ebra dayenzif hwaya w ma dayogaf, saarli sa3a adhghat 3lee", Emergency},
		// "ارجع" (I throw up, as often I come back) read as vomiting with a count and a time since only
		{"هلا، من أمس للحين أرجّع، ١٢ مرة تقريباً", Clinic},
		{"لازم ارجع 3 مرات للمتابعة بعد الجلسة؟", ""},
		{"زوجي يتقيأ كل ساعة تقريبًا منذ عودتنا من العيادة", Clinic},
		// seizures in French and MSA; a year after "f" (in) dates one
		{"slm, khti jatha crise d'épilepsie daba, 3omrha ma kanet 3endha", Emergency},
		{"kant 3andi crise d'épilepsie wa7da f 2014, men ba3d makayn walou. khassni certificat dyal tbib?", ""},
		{"أصيبت والدتي بنوبة ارتجاف في كامل الجسم لمدة دقيقتين ولم تكن تستجيب", Emergency},
		{"mum's a bit off today. called me by my brother's name a few times", Emergency},
		// breath that cannot be got; Maghrebi bleeding that "does not want to stop" (ما بغاتش تحبس) is not
		// told stopped
		{"Since last night I cannot get my breath even walking from the bedroom to the kitchen.", Emergency},
		{"البلاصة فين دارو ليا الإبرة كتسيل بالدم بزاف وما بغاتش تحبس", Emergency},
		// a heart attack years back, managed now; a breathlessness of last week, gone; a relative told no
		// patient here
		{"I had a mild heart attack back in 2019 and have two stents now. My cardiologist says I'm stable. Can I still have the knee treatment?", ""},
		{"الأسبوع اللي طاف جاني ضيق تنفس مع الزكام، بس الحين راح كله والحمد لله، عادي اجي موعدي؟", ""},
		{"My sister she has seizures from epilepsy long time, she is not patient here. Can your clinic treat this?", ""},
		// "ولا" after a part joins a clause of its own ("and I cannot sleep"), no denial of the part
		{"ضيق في التنفس ولا أستطيع النوم", Emergency},
		{"شفايفي ولا حلقي مو منفوخين", ""},
		// a fall the faller cannot account for is a faint
		{"I fall down this morning, I don't remember how, my son find me on the floor. Now I feel ok.", Emergency},
		// a pain no painkiller helps
		{"el alam ashadd bwayed mn awwal yom, wala dawa yinfa3, abchi mn el alam", Clinic},
		// over: "they all went since yesterday, now fine"
		{"kan 3ande waja3 ras 2awi w ra2ebti m5asbe shway awal yom, bas ra7o kello mn embare7. hala2 mni7", ""},
		// "mertaha" (comfortable) is not مرته (his wife) in "not knowing his wife"
		{"ana 3andy session el esbo3 el gai w di awel mara a3mel 7aga zay di. mesh 3arfa hakoun mertaha walla la.", ""},
		{"بنتي عندها حرارة ٣٩ من يوم ما عملت الحقنة", Clinic},
		// a sign told over by "now" and "fine" in any dialect's words; not across a sentence's end
		{"كان عندي حرارة امبارح، النهارده تمام", ""},
		{"kan 3andi 7arara abel el session, halla2 kher", ""},
		{"had a fever of 38.5 yesterday, today i feel fine", ""},
		{"my fingers are tingly and weak, 2 days now. normal after the injection?", Clinic},
		// a temperature named with the treated area is its warmth, unless a normal reading names it the body's;
		// a fever told slight and measured normal is no fever, one told plainly still is
		{"في حرارة بمكان الابرة", Clinic},
		{"2est el 7arara 36.7, 3melt el ibre mbere7", ""},
		{"felt a bit feverish last night, took my temperature: 37.0", ""},
		{"I have a fever and chills, temperature 37.2", Clinic},
		// "فيني" before a verb asks (can I), before what is in the writer it reports
		{"فيني آخد بنادول بعد الحقنة اذا وجعني؟", ""},
		{"فيني حرارة من امبارح", Clinic},
		// a relative named by age ("my 6-year-old") or as a partner or cousin is a relative
		{"my 6-year-old has a fever of 39.4, unrelated to my treatment. Does the clinic see kids?", ""},
		{"my bf has had a fever since monday, can I still come to my session tomorrow?", ""},
		// Egyptian Arabizi's "now" (delwa2ty) is no "بدلت" (I changed) of a soaked bandage
		{"el nazeef wa2af ba3d d2aye2, w el shash nadif delwa2ty", ""},
		// Arabizi's own context words beside the English signs an Arabizi message mixes in: a childhood
		// history, a relative who could be treated; and "now", "after the injection", which undo them
		{"kont 3andi seizures w ana sghir, bas mafi shi, wash n9der ndir l'injection?", ""},
		{"khayyi 3ando asthma min zman, ygdar ysawi el jalsa?", ""},
		{"kont 3andi asthma w ana sghir, bas halla2 3andi chest pain ba3d el 7o2na", Emergency},
		{"kont 3andi fever w ana sghir, bas l yom 3andi fever 39", Clinic},
		// a fever measured, then measured normal, is over; not when a medicine brought it down, nor a
		// normal reading then a fever
		{"kan 3ndi 7rara 38.4 awwal leile bs ra7et, sarli yomen 36.6", ""},
		{"fever 39 last night, took panadol and now it's 37.2", Clinic},
		{"temp was 36.8 this morning, now 38.9", Clinic},
		// a resolution a direction follows tells a sign moved on; a word of then is no "now" (حينها holds الحين)
		{"the redness was the size of a coin, now it's gone past the pen line", Clinic},
		// what the patient can no longer do is a lost ability, not a sign gone; a pain no longer felt is
		{"the pain in my back after the injection gets worse every day, I can no longer sit through a meal", Clinic},
		{"the pain got worse for two days but it no longer hurts, can I fly on friday?", ""},
		{"تورم وجهي من البنسلين قبل سنوات حينها، هل اخبر الطبيب؟", ""},
		// the Yemeni now (ذلحين) with nothing; a taking back that opens the next sentence
		{"جاني صداع شديد يوم الجلسة وذلحين مافيش شي", ""},
		{"the pain at the injection site is unbearable... jk, it's a bit sore", ""},
		{"My son has a fever of 38.5 from a cold, can I bring him along to my appointment on Thursday?", ""},
		// Maghrebi chat's vomiting (redd) and the French it mixes in
		{"kanredd bla 7bess mn lbare7, même l'eau", Clinic},
		// a general question the next sentence answers with a report: the learned layer may read over it
		{"is it normal to feel pressure in the chest after? its kinda heavy and goes up into my jaw", Emergency},
		{"is it normal to have a fever after the injection? my appointment is next week", ""},
		// a sign told over with the day it ended; not "since I came back" (من ما رجعت)
		{"On Monday I threw up three times, but from Tuesday no more vomiting. Everything okay now.", ""},
		{"ارتفعت حرارتي إلى ٣٨٫٦ ليلة الأربعاء، ومنذ الخميس وهي طبيعية تماماً", ""},
		{"عندي حمى شديدة ورجفة من ما رجعت من الحقنة", Clinic},
		{"the red patch around the shot is doubling in size every few hours", Clinic},
		// a question the message answers itself in the present: the learned layer may read over it
		{"is it normal to have chest pain the day after?? it was a squeeze that came and went but now it's constant and I feel sick and sweaty", Emergency},
		// the Iraqi progressive دا is dropped as the Levantine عم is: "not warm and not growing"
		{"مكان الإبرة بالچتف شوية أحمر، بس مو حار وما دا يكبر", ""},
		// a symptom set aside and a measured normal temperature: the model may not add a red flag over both
		{"Had a bit of a temperature on day 1 but it was gone by the next morning, it's been 36.8 since. Feeling great.", ""},
		// a sign the heat gives as well as a fever, in a sentence about the weather, and a number in the
		// fever range said of the weather; not a fever named, nor the same signs told of the body alone
		{"It's 45 degrees outside and the AC is broken, I'm sweating buckets. Can I move my appointment?", ""},
		// a hot room is the air's heat; a hot knee in a hotel is not
		{"The room in hotel is very hot, like 30 degree, air condition not working. Is ok for the cells?", ""},
		{"my knee is very hot and swollen, I'm in the hotel", Clinic},
		// a broken heating is the air's cold; a decade of aching is the condition to treat
		{"freezing rn, my apartment heating's broken and im shivering lol. can i shower tonight?", ""},
		{"Both my knees have been aching for over a decade, worse in winter. Would injections help?", ""},
		{"The heat here has been crazy, 40 degrees every day. Which hotel is near the clinic?", ""},
		{"I'm burning up and shivering since the injection", Clinic},
		{"it's hot outside but I have a fever of 38.6 since yesterday", Clinic},
		{"temp 39 and it's so hot outside", Clinic},
		{"sweating buckets and chest pain, it's hot outside", Emergency},
		// a temperature taken is read by its number: a normal reading is no fever, in Arabizi too
		{"2set 7araarti 36.8, kollo tamam?", ""},
		{"thermometer says 101", Clinic},
		// fainting in MSA غشي and the Maghrebi تغاشى and سخفات
		{"ختي طاحت وتغاشات جوج مرات من بعد ما رجعنا من الكلينيك", Emergency},
		{"mama sakhfat f lcouloir mn b3d l7o9na", Emergency},
		{"غشي عليه في الحمام بعد الجلسة", Emergency},
		// worse day over day, whatever the patient calls it
		{"the shoulder is worse today than yesterday and yesterday was worse than the day before", Clinic},
		// hives or a rash with the lips, tongue or throat is an allergic emergency
		{"got hives and my lips feel huge", Emergency},
		// the spoken ع joined to a word ("عصدري", on my chest)
		{"في ضغط قوي عصدري من ساعة", Emergency},
		// a message whose every sentence ends in a question mark and reports nothing asks: the learned
		// layer alone needs urgent_question ("what do I do after the injection to get better fast?")
		{"a3mel eh ba3d el 7o2na 3shan at7assan bsor3a?", ""},
		// a word a preposition ties to a negated noun is negated with it; another symptom is not
		{"ما عندي الم في صدري بس سؤال عن دواء الضغط", ""},
		{"no fever, pain in my chest", Emergency},
		{"ما عندي حرارة، ضغط على صدري من الصبح", Emergency},
		{"didn't faint, no bleeding through the bandage. can I shower?", ""},
		{"blood coming through the dressing since this morning", Emergency},
		// a rule's word keeps its first letter: لخبطة (confusion) is no خبطة (a bump)
		{"مكان الإبرة في الورك واجعني شوية لما بقعد، زي خبطة عادية، بس بيخف كل يوم. ده طبيعي؟", ""},
		// "umi" (my mother) is no "ما" (not); Yemeni مابش denies
		{"umi ughmi 3alaiha gabl shway w 6a7at 3al ar'9, w hiya msawya el ebra ams", Emergency},
		{"حرارتي ٣٦٫٦، مابش حمى، بس اشتي اتأكد.", ""},
		// lay words of confusion; the Iraqi redness that grows (دتكبر)
		{"He has been oddly muddled since this afternoon, asked me three times where we were", Emergency},
		{"الحمورة يم مكان الإبرة دتكبر كل ساعة", Clinic},
		// a relative's sign asked about as the condition the treatment might help, in its own question too
		{"My husband gets chest pains when he's stressed. Would stem cells ever help people with heart problems?", ""},
		{"جوزي كان يجيه نوبات صرع، وهو مش مريض عندكم، بس بدي أعرف إذا العلاج بيفيد بحالات الصرع؟", ""},
		{"My friend he fainted at the gym yesterday, he is not your patient. He ask me if the stem cell can help his heart?", ""},
		// a normal reading asked about names a fever only to ask; blood that oozed and stopped is no pus
		{"My temperature is 37.1 now, it is fever? I take stem cell yesterday.", ""},
		{"The little bit of oozing blood from the hip site stopped after I pressed on it for 10 minutes last night, it's been dry all day. Can I take the bandage off?", ""},
		{"slt, blast l'aiguille f lhanche mazal katsil dem bzaf, beddelt pansement 3 fois w mazal kayqtar. chno ndir?", Emergency},
		// a red flag read from Arabizi skeletons that the model reads barely more as after-effects stays
		{"el i7mirar 3ind el 7ugna gaa3d yintishir, ams kan 9agheer wal7een wa9il lil rukba", Clinic},
		// being unable (the word class @unable, any dialect's) before breathing or speaking
		{"عسلامة، عملت الحقنة في الركبة نهار الاثنين، وتوا نحس روحي منجمش نتنفس مليح. نورمال؟", Emergency},
		{"الوالدة دارت الإبرة اليوم، ودابا فمها معووج وما بقاتش كتقدر تهضر مزيان", Emergency},
		{"ابوي ما يقدر يتكلم الحين", Emergency},
		// the writer's own talking now, on the phone or in a language is no sign
		{"ما اقدر اتكلم الحين، بس كم مدة الجلسة؟", ""},
		{"ما نقدرش نتكلم معاكم فالتيليفون، واش نقدر نسول هنا؟", ""},
		// an Arabizi marker loses no word of no consonant: "3melt la séance" is no "what do I do if"
		{"3melt la séance lbare7, w daba ma9dertch ntneffes mzyan", Emergency},
		// the Maghrebi "lyoum" (today) is no لم (did not)
		{"salam, ana dert l'injection lbare7, w lyoum ti7t f dar, ghabt 3la rou7i chwiya. dork rani mli7 bessa7 5ayef.", Emergency},
		// a redness gone some distance past its line has spread, not gone; a red line reaching up the leg
		{"I drew a pen line round the red patch last night and this morning it's gone a couple of cm past the line.", Clinic},
		{"The red around the injection on my ankle is going up, now there is red line until my knee.", Clinic},
		// a face swelling placed at the injection site is its own swelling: a clinic call, not anaphylaxis
		{"مكان الحقنة في وشي أحمر ومنفوخ، عملتها الصبح", Clinic},
		{"the injection site on my cheek is red and swollen since this morning", Clinic},
	}
	for _, tt := range tests {
		if got := tr.Check(tt.text, ""); got.Tier != tt.want {
			t.Errorf("Check(%q) = %+v, want tier %q", tt.text, got, tt.want)
		}
	}
}

// BenchmarkTriage is triage alone on a mix of messages: red flags, context, long and Arabic ones.
func BenchmarkTriage(b *testing.B) {
	tr := testTriage(b)
	msgs := []string{
		"I have a fever since the injection",
		"what should I wear to the session?",
		"I had a heart attack 5 years ago, can I still get treatment?",
		"عندي حرارة ٣٩ من امبارح وما اقدر انام من الوجع",
		"hi, my mom has her appointment next tuesday and she keeps asking me what actually happens on the day, like step by step from when she walks in? she gets anxious when she doesnt know",
		"الجرح ريحته وحشة وبيطلع منه سائل أصفر، وكمان عايز اعرف اركن فين",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		tr.Check(msgs[i%len(msgs)], "")
	}
}

// TestRedFlagsDocListsEveryRule keeps RED-FLAGS.md, the clinicians' reading of the rules, complete.
func TestRedFlagsDocListsEveryRule(t *testing.T) {
	doc, err := os.ReadFile("../RED-FLAGS.md")
	if err != nil {
		t.Fatal(err)
	}
	var f redFlagsFile
	if err := yaml.Unmarshal(redFlagsYAML, &f); err != nil {
		t.Fatal(err)
	}
	for _, r := range f.Rules {
		if !strings.Contains(string(doc), fmt.Sprintf("| `%s` | %s |", r.ID, r.Tier)) {
			t.Errorf("RED-FLAGS.md has no row for %s (%s)", r.ID, r.Tier)
		}
	}
}

// TestSomeoneElsesContextStopsAtBut: a context that makes a symptom someone else's reads its own clause
// only; history and resolution read the whole sentence.
func TestSomeoneElsesContextStopsAtBut(t *testing.T) {
	tr := testTriage(t)
	for _, tt := range []struct {
		text   string
		urgent bool
	}{
		{"Thermometer said 38.6 this evening and I feel hot and achy, but I mostly wanted to ask if I can take my dog for a walk", true},
		{"my dog had a seizure last night, poor thing", false},
		{"I had a seizure once but it was in 2012, does it matter?", false},
	} {
		if got := tr.Check(tt.text, ""); got.Urgent() != tt.urgent {
			t.Errorf("Check(%q) = %+v, want urgent %v", tt.text, got, tt.urgent)
		}
	}
}

// TestArabiziNotIsNoToday: in Arabizi, "ma" (not) has the skeleton of "اليوم" (today) without its article;
// it must not read a childhood fainting as told of today.
func TestArabiziNotIsNoToday(t *testing.T) {
	tr := testTriage(t)
	v := tr.Check("kan yoghma 3alayi w ana sghira, kel ma shoof ebra. hal da mushkila?", "")
	if v.Urgent() || !slices.Contains(v.SetAside, SetAside{Flag: "fainting", Reason: "history", skeleton: true}) {
		t.Errorf("got %+v, want fainting set aside as history", v)
	}
}

// TestLearnedLayerAddsNoClinicCallOverWhatIsOver: where the rules read no sign, the learned layer adds no
// clinic call to a message that says its trouble is over, as the rules set such a sign aside; a
// resolution negated ("never went away") says it goes on.
func TestLearnedLayerAddsNoClinicCallOverWhatIsOver(t *testing.T) {
	tr := testTriage(t)
	var ex []textclass.Example
	for range 20 {
		ex = append(ex, textclass.Example{Text: "zorbling", Class: slices.Index(TriageClasses, string(Clinic))},
			textclass.Example{Text: "hello how are you", Class: 0}, textclass.Example{Text: "what time do you open", Class: 0})
	}
	m, err := textclass.Train(context.Background(), TriageClasses, ex, textclass.TrainOptions{Bits: 10})
	if err != nil {
		t.Fatal(err)
	}
	if tr, err = tr.WithModel(m); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want Tier
	}{
		{"I have been zorbling all night long", Clinic},
		{"I was zorbling all night long but it went away", ""},
		{"I was zorbling all night long and it never went away", Clinic},
	} {
		if got := tr.Check(tt.text, ""); got.Tier != tt.want {
			t.Errorf("Check(%q) = %+v, want %q", tt.text, got, tt.want)
		}
	}
}
