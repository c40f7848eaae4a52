package textnorm

import (
	"slices"
	"testing"
)

func TestArabiziMeetsArabicInItsSkeleton(t *testing.T) {
	tests := []struct{ arabizi, arabic string }{
		{"7arara", "حراره"}, {"harara", "حراره"}, {"7rara", "حراره"}, {"sadri", "صدري"}, {"9adri", "صدري"},
		{"2ader", "قادر"}, {"gader", "قادر"}, {"atnafas", "اتنفس"}, {"nazeef", "نزيف"}, {"tanmeel", "تنميل"},
		{"dam", "دم"}, {"shash", "شاش"}, {"s5ona", "سخونه"}, {"sokhneya", "سخونيه"}, {"wja3", "وجع"},
		{"ra2bti", "رقبتي"}, {"gamed", "جامد"}, {"8albi", "قلبي"}, {"3'ayeb", "غايب"},
		// a final h is ة, but not one a vowel follows
		{"2ahwe", "قهوه"}, {"9ahwa", "قهوه"}, {"jalsah", "جلسه"},
		// th is ث, or ذ and ظ as the Gulf writes them
		{"thalj", "ثلج"}, {"ta5th", "تاخذ"}, {"3athm", "عظم"},
	}
	for _, tt := range tests {
		want := ArabicSkeleton(FoldArabic(tt.arabic))
		if got := ArabiziSkeletons(tt.arabizi); !slices.Contains(got, want) {
			t.Errorf("ArabiziSkeletons(%q) = %q, want one to be %q (the skeleton of %s)", tt.arabizi, got, want, tt.arabic)
		}
	}
}

func TestLooksFrench(t *testing.T) {
	for text, want := range map[string]bool{
		"le jeûne?":           true, // an article, an accent
		"l'anesthésie?":       true, // an elided article
		"les cellules":        true,
		"c'est quoi le suivi": true,
		"fasting?":            false,
		"can I eat before":    false,
		"telj?":               false,
		"3adi el glace ba3d?": false, // Arabizi around a French word is Arabizi's reading
	} {
		if got := LooksFrench(Words(Normalize(text))); got != want {
			t.Errorf("LooksFrench(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestLooksArabizi(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"3ndi 7arara 39 mn embare7", true},
		{"mosh 2ader atnafas", true},
		{"sadri byewja3ni ktir", true},
		{"I have a fever of 39 since 2 days", false},
		{"my chest hurts, help", false},
		{"covid19 test results", false},
		{"knee is a bit sore today, 3rd day, gettin better", false},
		{"took 2 tablets at 7pm, 500mg each, 39c this morning", false},
		{"3am bta3mel eh", true},
		{"el dawam mata?", true},
		// "min" after a number is minutes, and "wish" is English's too: one alone tells nothing
		{"soaked 4 pads in 30 min, holding pressure 20 min, still dripping", false},
		{"I don't wish to bother anyone", false},
		{"wish el malabis?", true},                                           // a question word of Arabizi's own
		{"I have a degenerated disc at L4-L5 and vitamin B12 is low", false}, // labels, not Arabizi
	} {
		if got := LooksArabizi(Words(Normalize(tt.text))); got != tt.want {
			t.Errorf("LooksArabizi(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestTransliterator(t *testing.T) {
	tr := NewTransliterator([]string{
		"كم مدة الجلسة؟", "كم تستغرق الجلسة", "هل أستطيع أن آخذ الإيبوبروفين بعد الحقنة؟", "هل سأكون نائما أثناء التخدير",
		"الجلسة", "الحقن في الركبة", "هل الحقنة يوجع؟", "كل ما يفعلون بالخلايا", "شو البس؟ بس ملابس مريحة",
	})
	for _, tt := range []struct {
		in, want string
	}{
		{"kam modet el jalsa", "كم مده جلسه"},
		{"ba3d el 7o2na", "بعد حقنه"},
		{"hal ra7 akoun na2ma bel takhdir", "هل ra7 akoun نايما تخدير"},
		{"appointment bokra", "appointment bokra"},
		{"el7o2na bywga3?", "حقنه يوجع"},      // joined article; a tense prefix
		{"kol shi bel5alaya", "كل shi خلايا"}, // not اكل (kol, all)
		{"shu bilbas", "shu البس"},            // bi + lbas, not bil + bas (بس, only)
		{"akhuth", "اخذ"},                     // th for ذ, as the Gulf writes it
	} {
		keep := func(w string) bool { return w == "appointment" }
		if got, _ := tr.Arabic(Words(Normalize(tt.in)), keep); got != tt.want {
			t.Errorf("Arabic(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMayBeArabizi(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"lezem ballesh el dokhan abel", true}, // one word Arabizi shares with English
		{"kam sa3a el jalsa", true},
		{"how long is the session", false},
		{"", false},
	} {
		if got := MayBeArabizi(Words(Normalize(tt.in))); got != tt.want {
			t.Errorf("MayBeArabizi(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestAligns(t *testing.T) {
	for _, tt := range []struct {
		arabizi, arabic string
		stripped, want  bool
	}{
		{"jalsa", "جلسه", false, true},
		{"jalsah", "جلسه", false, true},
		{"3ilaj", "علاج", false, true},
		{"3lej", "علاج", false, true},
		{"5alaya", "خلايا", false, true},
		{"ibra", "ابره", false, true},
		{"7o2na", "حقنه", false, true},
		{"s3a", "ساعه", false, true}, // a long vowel unwritten between consonants
		{"tool", "طول", false, true},
		{"dawa", "دواء", false, true},
		{"kol", "كل", false, true},
		{"chrb", "اشرب", true, true}, // nchrb: the opening alif is the prefix taken off
		{"kol", "اكل", false, false}, // all is not eating
		{"dial", "ادله", false, false},
		{"ghadi", "غدوه", false, false},
		{"ndir", "نادرا", false, false},
		{"3ade", "عياده", false, false},
		{"chrb", "اشرب", false, false},
	} {
		if got := Aligns(tt.arabizi, FoldArabic(tt.arabic), tt.stripped); got != tt.want {
			t.Errorf("Aligns(%q, %s, %v) = %v, want %v", tt.arabizi, tt.arabic, tt.stripped, got, tt.want)
		}
	}
}

func TestArabiziWordForms(t *testing.T) {
	for _, tt := range []struct {
		word      string
		has, lack []string
	}{
		{"bywga3", []string{"bywga3", "ywga3"}, nil},          // a tense prefix
		{"el7o2na", []string{"7o2na"}, nil},                   // the joined article
		{"lakher", []string{"akher"}, nil},                    // the article may leave a vowel
		{"kifach", nil, []string{"ifach"}},                    // another prefix may not
		{"tkhelsou", []string{"khelsou"}, []string{"helsou"}}, // nor split a digraph
		{"rekbti", []string{"rekbti"}, nil},
		{"dayenzif", []string{"yenzif"}, nil},            // the Iraqi progressive joined to a verb
		{"dawa", nil, []string{"wa"}},                    // not in a word of its own
		{"daraje", []string{"daraje"}, []string{"raje"}}, // nor before a letter no person's prefix is
	} {
		checkForms(t, "ArabiziWordForms", arabiziWords, tt.word, tt.has, tt.lack)
	}
}

// arabiziWords are ArabiziWordForms' words.
func arabiziWords(w string) []string {
	var words []string
	for _, f := range ArabiziWordForms(w) {
		words = append(words, f.Word)
	}
	return words
}

func TestArabiziWordFormsCountPrefixes(t *testing.T) {
	for _, tt := range []struct {
		word, form string
		twice      bool // the form only comes with two prefixes taken off
	}{
		{"lbechra", "chra", true}, // the article and ب: what is left may be another word (شري)
		{"lbechra", "bechra", false},
		{"el7o2na", "7o2na", false},
		{"bechra", "bechra", false},
		{"bechra", "chra", false}, // one prefix
	} {
		twice, found := true, false
		for _, f := range ArabiziWordForms(tt.word) {
			if f.Word == tt.form {
				found, twice = true, twice && f.Prefixes >= 2
			}
		}
		if !found || twice != tt.twice {
			t.Errorf("ArabiziWordForms(%q): form %q found %v, only twice stripped %v, want found, %v", tt.word, tt.form, found, twice, tt.twice)
		}
	}
}
