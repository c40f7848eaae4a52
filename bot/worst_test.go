package bot_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/knowledge"
)

// maxQuestionAlloc is the most one question may allocate, however it is written (issue 11).
const maxQuestionAlloc = 2 << 20

// worstBytes is how long a worst question is: the engine reads at most 16 KiB of a question.
const worstBytes = 16 << 10

// A worstCase writes one kind of costly question, a different one at each call so that no cache of the
// engine makes a repeat cheap.
type worstCase struct {
	name string
	text func(r *rand.Rand, k known) string
}

// known is the words of the default knowledge's answers, by language: questions made of them are read
// as many known terms, each searched.
type known map[string][]string

func knownWords(tb testing.TB) known {
	tb.Helper()
	bank, _, err := knowledge.Default()
	if err != nil {
		tb.Fatal(err)
	}
	k := known{}
	for _, e := range bank.Entries {
		k[e.Lang] = append(k[e.Lang], strings.Fields(e.Answer)...)
	}
	return k
}

// worstCases are the costliest questions we could construct, each as long as the engine reads.
var worstCases = []worstCase{
	{"huge-word", func(r *rand.Rand, _ known) string { return word(r, latin, worstBytes) }},
	{"huge-word-with-clitics", func(r *rand.Rand, _ known) string {
		return pick(r, []string{"wbel", "wel", "bel", "lel"}) + word(r, latin, worstBytes-8) + pick(r, []string{"hom", "kum", "ha"})
	}},
	{"huge-arabic-word", func(r *rand.Rand, _ known) string { return word(r, arabic, worstBytes/2) }},
	{"distinct-unknown-words", func(r *rand.Rand, _ known) string {
		return words(r, 4096, func() string { return word(r, latin, 8+r.IntN(8)) })
	}},
	{"words-at-correction-limit", func(r *rand.Rand, _ known) string {
		return words(r, worstBytes, func() string { return word(r, latin, 20) })
	}},
	{"misspellings", func(r *rand.Rand, _ known) string {
		return words(r, worstBytes, func() string { return misspell(r, pick(r, longEnglish)) })
	}},
	{"arabic-misspellings", func(r *rand.Rand, _ known) string {
		return words(r, worstBytes, func() string { return misspell(r, pick(r, longArabic)) })
	}},
	{"arabic-stacked-clitics", func(r *rand.Rand, _ known) string { return words(r, worstBytes, func() string { return clitics(r) }) }},
	{"emoji-flood", func(r *rand.Rand, _ known) string { return emoji(r, worstBytes) }},
	{"mixed-scripts", func(r *rand.Rand, _ known) string {
		return words(r, worstBytes, func() string { return word(r, mixed, 4+r.IntN(30)) })
	}},
	{"arabizi", func(r *rand.Rand, _ known) string { return words(r, worstBytes, func() string { return arabizi(r) }) }},
	{"combining-marks", func(r *rand.Rand, _ known) string { return zalgo(r, worstBytes) }},
	{"one-letter-words", func(r *rand.Rand, _ known) string {
		return words(r, worstBytes, func() string { return word(r, latin+arabic, 1) })
	}},
	{"synonym-phrases", func(r *rand.Rand, _ known) string {
		return words(r, worstBytes, func() string { return pick(r, layPhrases) })
	}},
	{"negated-red-flags", func(r *rand.Rand, _ known) string {
		return words(r, worstBytes, func() string { return pick(r, negatedFlags) })
	}},
	{"invalid-utf8", func(r *rand.Rand, _ known) string { return junk(r, worstBytes) }},
	{"known-words", func(r *rand.Rand, k known) string {
		return words(r, worstBytes, func() string { return pick(r, k["en"]) })
	}},
	{"known-arabic-words", func(r *rand.Rand, k known) string {
		return words(r, worstBytes, func() string { return pick(r, k["ar"]) })
	}},
}

const (
	latin  = "abcdefghijklmnopqrstuvwxyz"
	arabic = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآؤئ"
	mixed  = latin + arabic + "абвгдежзиклмнопрстуфхцчшщыэюяαβγδεζηθικλμνξοπρστυφχψωאבגדהוזחטיכלמנסעפצקרשת" +
		"अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह你我他她它们的是在有不了人这中大为上个国学" + "ـًٌٍَُِّْ"
)

var (
	longEnglish  = []string{"procedure", "treatment", "injection", "recovery", "anesthesia", "insurance", "appointment", "consultation", "infection", "medication", "bleeding", "swelling", "harvesting", "transplant", "regenerative", "cartilage", "autologous", "ultrasound", "fluoroscopy", "centrifuge"}
	longArabic   = []string{"بالخلايا", "الجذعية", "والتخدير", "الاستشارة", "بالمستشفى", "المضاعفات", "والالتهاب", "المعالجة", "للمستحضرات", "فالعمليات", "الاستخراج", "والتعقيم"}
	layPhrases   = []string{"put me under", "knock me out", "belly fat", "stem sell", "hip bone", "go under the knife", "شفط الدهون", "عظم الحوض", "جهاز الطرد المركزي", "الترا ساوند"}
	negatedFlags = []string{"no fever", "i don't have a fever", "not bleeding", "no chest pain", "ما عندي حرارة", "ما في نزيف", "no shortness of breath", "no swelling"}
	arabicPre    = []string{"و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "س"}
	arabicSuf    = []string{"ي", "ه", "ها", "ك", "نا", "هم", "كما", "كم", "ني", "وا", "ين", "ون", "ات", "تي", "تها"}
	arabiziWords = []string{"3ayez", "a3raf", "el", "5alaya", "gez3eya", "7a2n", "mo5adder", "ba3d", "2abl", "el3amaleya", "wa7ed", "ana", "3andi"}
)

// word is n runes drawn from an alphabet.
func word(r *rand.Rand, alphabet string, n int) string {
	runes := []rune(alphabet)
	var b strings.Builder
	for range n {
		b.WriteRune(runes[r.IntN(len(runes))])
	}
	return b.String()
}

// words joins words made by next until the text is n bytes long.
func words(r *rand.Rand, n int, next func() string) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteString(pick(r, []string{" ", " ", " ", ", ", "? ", "\n"}))
		}
		b.WriteString(next())
	}
	return b.String()
}

func pick(r *rand.Rand, from []string) string { return from[r.IntN(len(from))] }

// misspell changes one letter of a word that is not its first.
func misspell(r *rand.Rand, w string) string {
	runes := []rune(w)
	alphabet := []rune(latin)
	if runes[0] >= 0x0600 {
		alphabet = []rune(arabic)
	}
	runes[1+r.IntN(len(runes)-1)] = alphabet[r.IntN(len(alphabet))]
	return string(runes)
}

// clitics is an Arabic word of several joined prefixes, a made-up root and pronoun endings.
func clitics(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(6) {
		b.WriteString(pick(r, arabicPre))
	}
	b.WriteString(word(r, arabic, 3+r.IntN(10)))
	for range r.IntN(4) {
		b.WriteString(pick(r, arabicSuf))
	}
	return b.String()
}

// arabizi is Arabic written in Latin letters and digits, as many patients type it.
func arabizi(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return word(r, latin+"2357896", 3+r.IntN(12))
	}
	return pick(r, arabiziWords)
}

// emoji is a flood of emoji, with skin tones, zero-width joiners and flags, n bytes long.
func emoji(r *rand.Rand, n int) string {
	parts := []string{"😀", "🙏🏽", "👨‍👩‍👧‍👦", "🇸🇦", "❤️", "🏳️‍🌈", "🤦🏻‍♀️", "💉", "🩸", "\u200d", "\ufe0f"}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(pick(r, parts))
	}
	return b.String()
}

// zalgo is letters each carrying a pile of combining marks.
func zalgo(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(word(r, latin, 1))
		for range 5 + r.IntN(40) {
			b.WriteRune(rune(0x0300 + r.IntN(0x70)))
		}
	}
	return b.String()
}

// junk is n random bytes, mostly not UTF-8.
func junk(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return string(b)
}

// answerAlloc answers one question and returns the bytes allocated meanwhile.
func answerAlloc(tb testing.TB, eng *bot.Engine, text string) uint64 {
	tb.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	a, err := eng.Answer(context.Background(), bot.Question{Text: text})
	runtime.ReadMemStats(&after)
	if err != nil {
		tb.Fatalf("answer: %v", err)
	}
	if a.Reply == "" {
		tb.Fatalf("answer of %d bytes: empty reply", len(text))
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestWorstQuestionCost answers each worst question on the default knowledge and holds what one
// answer allocates to 2 MiB. Each kind is written afresh eight times (one text's cost may stand far
// from another's: a long word's readings once cost 2,682 KiB on one text and 864 on the next), each
// text measured twice and the lesser kept: anything else running can only add to a measure. The race
// detector, which slows these answers eightfold and adds to what they allocate, is left out (scripts/test
// runs it without).
func TestWorstQuestionCost(t *testing.T) {
	skipUnderRace(t)
	eng, k := sharedEngine(t), knownWords(t)
	for i, c := range worstCases {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(i), 11))
			answerAlloc(t, eng, c.text(r, k))
			for range 8 {
				text := c.text(r, k)
				if n := min(answerAlloc(t, eng, text), answerAlloc(t, eng, text)); n > maxQuestionAlloc {
					t.Errorf("one question allocates %d KiB, want at most %d KiB", n>>10, maxQuestionAlloc>>10)
				}
			}
		})
	}
}

// BenchmarkWorstQuestions answers each worst question on the default knowledge, a fresh text each time
// (written with the timer stopped).
func BenchmarkWorstQuestions(b *testing.B) {
	eng, k := sharedEngine(b), knownWords(b)
	ctx := context.Background()
	for i, c := range worstCases {
		b.Run(c.name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(uint64(i), 12))
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				text := c.text(r, k)
				b.StartTimer()
				if _, err := eng.Answer(ctx, bot.Question{Text: text}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzQuestionCost answers any text and holds one answer's allocations to the same bound as the worst
// questions: no text, however written, costs more than a question. Each text is answered twice and the
// lesser measure kept, as TestWorstQuestionCost does: the process's other goroutines can only add to a
// measure (a CI run once counted 2,053 KiB for an Arabizi seed that allocates 1,517 KiB alone).
func FuzzQuestionCost(f *testing.F) {
	k := knownWords(f)
	for i, c := range worstCases {
		f.Add(c.text(rand.New(rand.NewPCG(uint64(i), 13)), k))
	}
	f.Add("can i eat befor the procedur")
	f.Add("هل سحب الخلايا مؤلم")
	eng := sharedEngine(f)
	f.Fuzz(func(t *testing.T, text string) {
		if n := min(answerAlloc(t, eng, text), answerAlloc(t, eng, text)); n > maxQuestionAlloc {
			t.Errorf("a question of %d bytes (%d runes) allocates %d KiB, want at most %d KiB",
				len(text), utf8.RuneCountInString(text), n>>10, maxQuestionAlloc>>10)
		}
	})
}
