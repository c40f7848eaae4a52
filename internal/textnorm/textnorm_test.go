package textnorm

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  hello\t\n world  ", "hello world"},
		{"what\u200bs\u200e up", "whats up"},
		{"I\u2019m sore", "I'm sore"},
		{"bad \xff\xfe utf8", "bad utf8"},
		{"ｆｕｌｌ width", "full width"},
		{"\x00\x01ctrl\x7f", "ctrl"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := utf8.RuneCountInString(Clean(strings.Repeat("a ", 10000))); got > MaxRunes {
		t.Errorf("Clean kept %d runes, want at most %d", got, MaxRunes)
	}
}

func TestFoldArabic(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أإآا", "اااا"},
		{"مستشفى", "مستشفي"},
		{"الحقنة", "الحقنه"},
		{"مُؤلِمٌ", "مولم"},
		{"طـــويل", "طويل"},
		{"٣٠ دقيقة", "30 دقيقه"},
		{"Stem CELLS", "stem cells"},
		{"یک", "يك"},
	}
	for _, tt := range tests {
		if got := FoldArabic(tt.in); got != tt.want {
			t.Errorf("FoldArabic(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct{ in, want string }{
		{"how long does it take?", "en"},
		{"كم تستغرق الجلسة؟", "ar"},
		{"شو يعني MRI", "ar"},
		{"is الخلايا الجذعية therapy painful for my knee", "en"},
		{"هل اقدر اخذ ibuprofen قبل الinjection بيومين؟", "ar"},
		{"عندي appointment بكرة", "ar"},
		{"بعد الـ antibiotic طلع rash وشفايفي تورمت و I feel like my throat is closing", "ar"},
		{"my name is محمد and I want to book", "en"},
		{"ok thanks كثير", "ar"}, // Arabic chat borrows ok and thanks
		{"hi دكتور، عندي سؤال", "ar"},
		{"الـ ice packs؟", "ar"}, // the Arabic question mark is typed on an Arabic keyboard
		{"hair loss بتعالجوه؟", "ar"},
		{"what about the ice packs?", "en"},
		{"🙂🙂", "en"},
		{"", "en"},
		{"123", "en"},
	}
	for _, tt := range tests {
		if got := Detect(tt.in); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	got := strings.Join(Words(Normalize("Can't I: (stop) +ibuprofen*? \"now\"")), "|")
	if want := "can't|i|stop|ibuprofen|now"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestWordsHyphenedEndings(t *testing.T) {
	tests := []struct{ in, want string }{
		{"men sa3et-ha tamam", "men|sa3etha|tamam"},
		{"3and-hom - ha", "3andhom|ha"},
		{"a follow-up and an x-ray", "a|follow|up|and|an|x|ray"},
		{"ha-ha", "haha"},
		{"a-ha", "a|ha"},
		{"sa3et-ha-ha", "sa3etha|ha"},
		{"الحقنة-ها", "الحقنه|ها"},
	}
	for _, tt := range tests {
		if got := strings.Join(Words(Normalize(tt.in)), "|"); got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripArabicClitics(t *testing.T) {
	tests := []struct{ in, want string }{
		{"بالخلايا", "خلايا"},
		{"والحراره", "حراره"},
		{"لجلسه", "جلسه"},
		{"وجع", "وجع"},
		{"بطن", "بطن"},
		{"الم", "الم"},
		// ka- is taken off a verb in the present (Maghrebi), kept where it begins the word
		{"كنقدر", "نقدر"},
		{"كيديرو", "يديرو"},
		{"كبيره", "كبيره"},
		{"كميه", "كميه"},
		{"كالدواء", "دواء"},
	}
	for _, tt := range tests {
		if got := StripArabicClitics(tt.in); got != tt.want {
			t.Errorf("StripArabicClitics(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripArabicArticle(t *testing.T) {
	for in, want := range map[string]string{"والحراره": "حراره", "بالمستشفى": "مستشفى", "الم": "الم", "لخبطه": "لخبطه", "برجع": "برجع", "ووقف": "ووقف"} {
		if got := StripArabicArticle(in); got != want {
			t.Errorf("StripArabicArticle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStripDefiniteArticle(t *testing.T) {
	for in, want := range map[string]string{"الساعه": "ساعه", "الدوام": "دوام", "للدكتور": "للدكتور", "بالمستشفى": "بالمستشفى", "الله": "الله", "ساعه": "ساعه"} {
		if got := StripDefiniteArticle(in); got != want {
			t.Errorf("StripDefiniteArticle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRestoreTaaMarbuta(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"جلستي", "جلسه"},    // my session
		{"جلستها", "جلسه"},   // her session
		{"حرارتكم", "حراره"}, // your temperature
		{"ركبتنا", "ركبه"},   // our knee
		{"جلسته", "جلسته"},   // his session: folded, ته is also a feminine ending (ثابتة)
		{"بيتي", "بيتي"},     // my house: the ت is the root's
		{"وقتك", "وقتك"},     // your time
		{"عضلاتي", "عضلاتي"}, // my muscles: the feminine plural
		{"جلسة", "جلسة"},
		{"تي", "تي"},
		{"", ""},
	} {
		if got := RestoreTaaMarbuta(c.in); got != c.want {
			t.Errorf("RestoreTaaMarbuta(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldArabicReadsTheDialectsLetters(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"گاعد", "قاعد"}, // Gulf and Iraqi g
		{"چم", "كم"},     // Iraqi ch
		{"ڨال", "قال"},   // Maghrebi g
		{"ڤيتامين", "فيتامين"},
		{"پنادول", "بنادول"},
	} {
		if got := FoldArabic(c.in); got != c.want {
			t.Errorf("FoldArabic(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTaaMarbutaOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"فايدته", "فايده"}, // its benefit
		{"ريحتو", "ريحه"},   // its smell, Levantine and Maghrebi
		{"جلسته", "جلسه"},   // his session
		{"حياته", ""},       // his life: an ا before the ت is the root's
		{"بته", ""},         // too short a noun
		{"جلسة", ""},
		{"", ""},
	} {
		if got := TaaMarbutaOf(c.in); got != c.want {
			t.Errorf("TaaMarbutaOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"how long?", "كم تستغرق الجلسة؟", "\u200f\u202eRTL", "+-:*\"()", "\xff\xfe", "🙂", strings.Repeat("x", 3000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%q) is not valid UTF-8", s)
		}
		if Clean(c) != c {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
		if w := cleanWhole(s); c != w {
			t.Fatalf("Clean(%q) = %q, normalising it whole gives %q", s, c, w)
		}
		if utf8.RuneCountInString(c) > MaxRunes {
			t.Fatalf("Clean kept %d runes", utf8.RuneCountInString(c))
		}
		n := Normalize(s)
		for _, w := range Words(n) {
			if w == "" || strings.ContainsAny(w, " \t\n") {
				t.Fatalf("bad word %q from %q", w, s)
			}
			if r := RestoreTaaMarbuta(StripArabicClitics(w)); r == "" || !utf8.ValidString(r) {
				t.Fatalf("RestoreTaaMarbuta(%q) = %q", w, r)
			}
		}
		if l := Detect(s); l != "en" && l != "ar" {
			t.Fatalf("Detect(%q) = %q", s, l)
		}
	})
}

func TestWordForms(t *testing.T) {
	for _, tt := range []struct{ in, want string }{{"fevers", "fever"}, {"illness", "illness"}, {"gas", "gas"}} {
		if got := EnglishSingular(tt.in); got != tt.want {
			t.Errorf("EnglishSingular(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct {
		in       string
		has, not []string
	}{
		{"صدري", []string{"صدري", "صدر"}, nil},
		{"وما", []string{"ما"}, nil},
		{"كدمه", []string{"كدمه"}, []string{"دم"}},
		{"حميه", []string{"حميه"}, []string{"حمي"}},
		{"بالخلايا", []string{"خلايا"}, nil},
		{"عصدري", []string{"عصدري", "صدري", "صدر"}, nil}, // the spoken ع, on
		{"عالجرح", []string{"جرح"}, nil},
		{"عرق", []string{"عرق"}, []string{"رق"}},
	} {
		checkForms(t, "ArabicWordForms", ArabicWordForms, tt.in, tt.has, tt.not)
	}
	// the Iraqi progressive دا joined to a present-tense verb, never a word's own da-
	for _, tt := range []struct{ in, want string }{
		{"ديكبر", "يكبر"}, {"دتوجعني", "توجعني"}, {"دنروح", "نروح"},
		{"دواء", ""}, {"دوخه", ""}, {"داخل", ""}, {"دين", ""}, {"يكبر", ""},
	} {
		if got := WithoutProgressive(tt.in); got != tt.want {
			t.Errorf("WithoutProgressive(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"هتوجع", "توجع"}, {"حيعملوا", "يعملوا"}, {"هناخد", "ناخد"}, {"هاكل", "اكل"},
		{"هنا", ""}, {"حتى", ""}, {"هدوء", ""}, {"حمى", ""}, {"توجع", ""},
	} {
		if got := WithoutFuture(tt.in); got != tt.want {
			t.Errorf("WithoutFuture(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"فوايده", "فوايد"}, {"فوايدها", "فوايد"}, {"جلستكم", "جلست"}, {"تحسنا", ""}, {"وجه", ""}, {"فيه", ""},
	} {
		if got := WithoutPossessive(tt.in); got != tt.want {
			t.Errorf("WithoutPossessive(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// a feminine present-tense verb read as its masculine form, as the rules list it
	for _, tt := range []struct{ in, want string }{{"تتوسع", "يتوسع"}, {"تكبر", "يكبر"}, {"تعب", ""}, {"يكبر", ""}} {
		if got := MasculineImperfect(tt.in); got != tt.want {
			t.Errorf("MasculineImperfect(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSqueeze(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"hiii", "hi"},
		{"sooo painful!!!", "so painful!!!"},
		{"تمااام", "تمام"},
		{"مرحبااا 👍👍👍", "مرحبا 👍"},
		{"👍👍", "👍"},
		{"thanks 🙏🙏 ok", "thanks 🙏 ok"},
		{"good shukkran", "good shukkran"},
		{"call 5550000", "call 5550000"},
		{"", ""},
	} {
		if got := Squeeze(tt.in); got != tt.want {
			t.Errorf("Squeeze(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// checkForms checks that forms(word) holds every word of has and none of lack.
func checkForms(t *testing.T, name string, forms func(string) []string, word string, has, lack []string) {
	t.Helper()
	got := forms(word)
	for _, w := range has {
		if !slices.Contains(got, w) {
			t.Errorf("%s(%q) = %q, want %q among them", name, word, got, w)
		}
	}
	for _, w := range lack {
		if slices.Contains(got, w) {
			t.Errorf("%s(%q) = %q, want no %q", name, word, got, w)
		}
	}
}

func TestWithoutElision(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"l'douleur", "douleur", true},
		{"j'ai", "", false}, // too short to be read alone
		{"qu'elle", "elle", true},
		{"d'injection", "injection", true},
		{"don't", "", false},
		{"douleur", "", false},
	} {
		if got, ok := WithoutElision(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("WithoutElision(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestArabicLetterHasNoFormatSpaceOrCase: the runes arabicLetter spares the table lookups are those the
// lookups would keep as they are, and it spares every one of the Arabic block's others.
func TestArabicLetterHasNoFormatSpaceOrCase(t *testing.T) {
	for r := rune(0x0600); r <= 0x06FF; r++ {
		format := unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r)
		if arabicLetter(r) && (format || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.ToLower(r) != r) {
			t.Errorf("arabicLetter(%U) but it is a format, space or cased rune", r)
		}
		if !arabicLetter(r) && !format {
			t.Errorf("arabicLetter(%U) = false, but it is no format rune", r)
		}
	}
}

// TestChatWordsFitTheirBound keeps longestChatWord the length of the longest of chatWords, which chatWord
// reads no word beyond: a longer word added to them would otherwise never be found.
func TestChatWordsFitTheirBound(t *testing.T) {
	longest := 0
	for w := range chatWords {
		longest = max(longest, len(w))
	}
	if longest != longestChatWord {
		t.Errorf("the longest of chatWords has %d bytes, longestChatWord says %d", longest, longestChatWord)
	}
}
