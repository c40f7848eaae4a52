package bot

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// sentences are a message's words in order, with the sentence and the clause each belongs to, and
// which sentences ended in a question mark.
type sentences struct {
	words  []string
	of     []int
	clause []int
	asked  []bool // by sentence
	// read is the message as the rules of its script read it, kept once built (Triage.scriptMessage): the
	// context is asked of it many times over.
	read *scriptReading
}

// scriptReading is a message read by the rules of its script.
type scriptReading struct {
	tl *triageLang
	m  message
}

// script is how a language's rules are written and compared.
type script int

const (
	latin   script = iota // English words
	arabic                // Arabic script, folded, with its prefixes and suffixes
	arabizi               // Arabic in Latin letters, compared with the Arabic rules as consonant skeletons
)

// hasScript reports whether the message has words the rules of sc can match: Latin or Arabic letters, or
// Latin words that read as Arabic.
func (s sentences) hasScript(sc script) bool {
	if sc == arabizi {
		return textnorm.LooksArabizi(s.words)
	}
	lang := map[script]string{latin: knowledge.English, arabic: knowledge.Arabic}[sc]
	for _, w := range s.words {
		if textnorm.Detect(w) == lang {
			return true
		}
	}
	return false
}

// arabiziArticles are words Arabizi writes apart that the Arabic rules know as prefixes or ignore: the
// article (el, il, al), the relative elly (which would read as لو, if) and the Levantine progressive 3am.
var arabiziArticles = map[string]bool{"el": true, "il": true, "al": true, "l": true, "3am": true, "3m": true, "3a": true,
	"elly": true, "illi": true, "lli": true, "elli": true}

func (s sentences) withoutArabiziArticles() sentences {
	out := sentences{asked: s.asked}
	for i, w := range s.words {
		if !arabiziArticles[w] {
			out.words = append(out.words, w)
			out.of = append(out.of, s.of[i])
			out.clause = append(out.clause, s.clause[i])
		}
	}
	return out
}

// skeletonPhrase turns an Arabic phrase into consonant skeletons, dropping words that have none (a
// negation such as لا keeps its one consonant). A word loses a joined prefix first, as Arabizi's are
// compared without theirs: a skeleton keeps too little of a word to keep its prefix too ("بيضيق", it
// narrows, would read "bada2et", it began).
func skeletonPhrase(p phrase) phrase {
	var out phrase
	for _, w := range p {
		if sk := skeletonOf(textnorm.StripArabicClitics(w)); sk != "" {
			out = append(out, sk)
		}
	}
	return out
}

// arabiziSkeletonPhrase is an Arabizi phrase as a message's words are compared: as their consonant
// skeletons (each word's first reading: a message word has all of its own), the plain words as written;
// nil when a word has none.
func arabiziSkeletonPhrase(p string, plain map[string]bool) phrase {
	var out phrase
	for _, w := range textnorm.Words(textnorm.Normalize(p)) {
		if plain[w] {
			out = append(out, w)
			continue
		}
		sk := textnorm.ArabiziSkeletons(w)
		if len(sk) == 0 {
			return nil
		}
		out = append(out, sk[0])
	}
	return out
}

// vague reports whether a word of more than three letters as written has a skeleton of one, which too
// many Arabizi words share: "والو" (nothing) is l, as "la" is.
func vague(w string) bool {
	return utf8.RuneCountInString(w) > 3 && len(skeletonOf(textnorm.StripArabicClitics(w))) == 1
}

// skeletonPattern turns a symptom phrase into consonant skeletons, or drops it when its skeleton would
// match too many words: a word with no consonant, or a one-word phrase of fewer than two.
func skeletonPattern(p phrase) phrase {
	out := skeletonPhrase(p)
	if len(out) != len(p) || len(out) == 1 && len(out[0]) < 2 {
		return nil
	}
	return out
}

func skeletonOf(w string) string {
	if isNumber(w) {
		return w
	}
	return textnorm.ArabicSkeleton(w)
}

// skeletonForms are the skeletons a message word is compared under in Arabizi: each reading of each of
// its word forms (textnorm.ArabiziWordForms: without joined prefixes, "bayenzef", or a pronoun ending,
// the forms the search reads too), and of each without a final t of a noun before a possessive (ra2bti,
// رقبتي). A skeleton of one letter comes only from the whole word ("law", if): one left by stripping a
// longer word ("a2la2kom", to worry you, as "la2") would read it as لو; and one of two letters not from a
// form that lost two prefixes ("lbechra", the skin, read as "chra", شري, hives).
func skeletonForms(w string) []string {
	if isNumber(w) {
		return []string{w}
	}
	if textnorm.Detect(w) == knowledge.Arabic {
		return []string{textnorm.ArabicSkeleton(w)}
	}
	var forms []string
	possessed := possessedNoun(w)
	for _, f := range textnorm.ArabiziWordForms(w) {
		if possessed && f.Word == w {
			continue
		}
		for _, sk := range textnorm.ArabiziSkeletons(f.Word) {
			if f.Word == w || len(sk) > 2 || len(sk) == 2 && f.Prefixes < 2 {
				forms = append(forms, sk)
			}
		}
	}
	for _, f := range forms {
		if base, ok := strings.CutSuffix(f, "t"); ok && len(base) >= 2 {
			forms = append(forms, base)
		}
	}
	if len(forms) == 0 {
		return []string{""}
	}
	return forms
}

// possessedNoun reports whether an Arabizi word is a noun's construct t and the pronoun ha after it
// ("sa3etha", ساعتها; "rokbetha", her knee), which the digraph th would read whole as ث or ذ: "mn
// sa3etha" (since then) as يساعد (it helps, a chronic condition's treatment asked about). Its forms
// without the ending are read; a short word keeps its own ("hatha", هذا).
func possessedNoun(w string) bool {
	base, ok := strings.CutSuffix(w, "tha")
	return ok && len(base) >= 3
}

// wordNumber is the whole number a word writes, as strconv.Atoi reads it, without the error Atoi makes
// for each of a message's words that starts as no number can: triage reads every word this way.
func wordNumber(w string) (int, bool) {
	if w == "" || (w[0] < '0' || w[0] > '9') && w[0] != '+' && w[0] != '-' {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// normalize is a message as triage reads it: textnorm.Normalize, with line breaks kept as sentence ends.
// The rules read it with stretched letters squeezed (textnorm.Squeeze: "paaaain", "lmaooo", "ههههه");
// the learned layer as it was trained, as it is.
func normalize(text string) string {
	return textnorm.Normalize(listItems(strings.ReplaceAll(text, "\n", " . ")))
}

// listItems ends a sentence before each item of a list numbered in one line ("1) can I fly next Thursday
// 2) when do I restart my vitamins 3) I've been throwing up since yesterday"): one item's question is no
// context of the next one's symptom. An item is one or two digits and ")" after a space or at the start.
func listItems(text string) string {
	if !strings.Contains(text, ")") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 8)
	for i := 0; i < len(text); i++ {
		if (i == 0 || text[i-1] == ' ') && itemNumber(text[i:]) {
			b.WriteString(" . ")
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

// itemNumber reports whether s opens with a list item's number: one or two digits and ")".
func itemNumber(s string) bool {
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n > 0 && n <= 2 && n < len(s) && s[n] == ')'
}

// splitSentences reads a normalized message as the rules compare it: its words, each with its sentence
// and clause. Sentences end at . ! ? ؟ ; ؛ and line breaks, but not at the decimal point of a number
// ("38.6"); a word of breaks ("but", "لكن") also starts a new clause, where a context that is someone
// else's stops ("I feel hot, 38.6, but I mostly wanted to ask if I can walk my dog" is no dog's fever).
// The progressive particles (progressive: Levantine عم, Iraqi دا, Gulf قاعد) are dropped ("ما عم يوقف"
// reads as "ما يوقف", "ما دا يكبر" as "ما يكبر", "mo gaa3id agdar atnaffas" as "mo agdar atnaffas"; joined
// to the verb, "ديكبر", by wordForms); so is the Egyptian demonstrative دا after a noun, which changes
// nothing.
//
// A sentence that opens with a word of continues ("like", "مثل") goes on the one before it: "what are the
// signs of an allergic reaction? like hives?" asks one question.
func splitSentences(norm string, breaks, continues, progressive map[string]bool) sentences {
	s := sentences{read: new(scriptReading)}
	n, clause := 0, 0
	eachSentence(norm, func(start, end int, asked bool) {
		words := textnorm.Words(norm[start:end])
		if n > 0 && len(words) > 0 && continues[words[0]] {
			n, clause = n-1, clause-1
			s.asked[n] = s.asked[n] || asked
		} else {
			s.asked = append(s.asked, asked)
		}
		for i, w := range words {
			if breaks[w] && i > 0 {
				clause++
			}
			if !progressive[w] {
				s.words = append(s.words, w)
				s.of = append(s.of, n)
				s.clause = append(s.clause, clause)
			}
		}
		n++
		clause++
	})
	return s
}

// eachSentence calls add with the bounds [start, end) of each sentence of norm, where isSentenceEnd
// says one ends, and whether a question mark ends it; the text after the last end is the last sentence.
func eachSentence(norm string, add func(start, end int, asked bool)) {
	start := 0
	for i, r := range norm {
		if isSentenceEnd(norm, i, r) {
			add(start, i, r == '?' || r == '؟')
			start = i + utf8.RuneLen(r)
		}
	}
	add(start, len(norm), false)
}

func isSentenceEnd(s string, i int, r rune) bool {
	switch r {
	case '!', '?', '؟', ';', '؛':
		return true
	case '.':
		return i+1 >= len(s) || s[i+1] < '0' || s[i+1] > '9' || i == 0 || s[i-1] < '0' || s[i-1] > '9'
	case ':': // "my husband wants to know: if he gets chest pain…", not a time ("10:30")
		return i+1 < len(s) && s[i+1] == ' '
	}
	return false
}

// contextMarkers are the phrases of one language that say a symptom is not happening now. Kinds:
//   - hypothetical, before the symptom in its sentence: "what if I get a fever", "لو صار عندي حرارة";
//   - conditional, opening the symptom's sentence: "if my face swells, what do I do?" (hypothetical);
//   - question, opening its sentence, with no report in it: "is chest pain a side effect?";
//   - history, anywhere in its sentence: "I had a heart attack 5 years ago", not in an age ("I am 81
//     years old": age);
//   - chronic, anywhere in its sentence, for clinic-tier flags only: "severe knee pain for years";
//   - resolved, anywhere in its sentence, for clinic-tier flags, or any flag dated in the past: "a fever
//     last week, fine now", "fainted once in 2018, fine now";
//   - other, anywhere in its clause: not the patient ("my dog had a seizure", "I'm an ER nurse");
//   - during, anywhere in its sentence, for clinic-tier flags: the procedure's own pain ("the pain during
//     the harvest was excruciating");
//
// and the phrases that undo them: state, right before the symptom ("في حالة ارتباك", in a state of
// confusion), and present ("now", "الحين", but not right after a duration: "for years
// now") undoes every kind; onset ("since the injection", "امبارح") undoes history and chronic; report
// ("my", "I have", "عندي") undoes question.
type contextMarkers struct {
	phrases   map[string][]phrase            // kind -> its phrases
	first     map[string]map[string][]phrase // kind -> a phrase's first word -> the phrases it opens
	skeletons bool                           // read as Arabizi consonant skeletons, which other words share
}

// contextKinds are the kinds of marker the rules must give, in both languages.
var contextKinds = []string{"hypothetical", "conditional", "state", "named_state", "during", "question", "history", "age", "chronic", "done", "resolved", "present", "managed", "duration", "other", "onset", "report", "asking", "timing", "procedure", "novelty", "relative", "treatment", "self_well", "upcoming", "own", "candidate", "weather", "slight", "local", "easing", "joke", "idiom", "laugh", "handled", "moved", "lost", "then", "elsewhere", "ongoing", "lasting", "future", "recent", "returns", "function", "unrestored", "polite", "consequent", "relativizer"}

// Patients mix languages, so the rules of English and Arabic read the markers of both; Arabizi reads the
// Arabic ones as skeletons.
func newContextMarkers(src map[string]map[string][]string, lang string, sc script, conv func(phrase) phrase, negators, plain map[string]bool) (contextMarkers, error) {
	c := contextMarkers{phrases: map[string][]phrase{}, first: map[string]map[string][]phrase{}, skeletons: sc == arabizi}
	for _, kind := range contextKinds {
		c.first[kind] = map[string][]phrase{}
		phrases := src[kind][lang]
		if len(phrases) == 0 {
			return contextMarkers{}, fmt.Errorf("context %s has no %s phrases", kind, lang)
		}
		if sc != arabizi {
			phrases = append(slices.Clip(src[kind][knowledge.English]), src[kind][knowledge.Arabic]...)
		}
		if sc == latin {
			// Arabizi's own words, read as written beside the English the message mixes in ("kont 3andi
			// convulsions w ana sghir": as a child)
			phrases = append(slices.Clip(phrases), src[kind]["arabizi"]...)
		}
		var own []string // Arabizi's own phrases, read as its skeletons
		switch {
		case sc == arabizi && kind == "elsewhere":
			// as skeletons, another place's Arabic words are too many others' ("bech ykharjou", to take
			// out, reads as بالخارج, abroad): Arabizi reads its own phrases of two words or more ("markaz
			// tani", another centre)
			phrases, own = nil, src[kind]["arabizi"]
		case sc == arabizi && kind == "relativizer":
			// as skeletons, "اللي" (which) is one consonant, too many other words' ("3al", "awwal")
			phrases = nil
		case sc == arabizi && kind == "hypothetical":
			// Arabic's "لو" (if) is too short a skeleton to read (below): Arabizi's own phrases of a
			// condition and what it brings are read beside the Arabic ones ("ash asawi loo 9ar fini
			// 7arara", what do I do if I get a fever)
			own = src[kind]["arabizi"]
		}
		for _, p := range expandPhrases(own) {
			if ph := arabiziSkeletonPhrase(p, plain); len(ph) >= 2 {
				c.phrases[kind] = append(c.phrases[kind], ph)
				c.first[kind][ph[0]] = append(c.first[kind][ph[0]], ph)
			}
		}
		for _, p := range expandPhrases(phrases) {
			ph := conv(toPhrase(p))
			if len(ph) == 0 || (sc == arabizi && (kind == "other" || kind == "resolved" || kind == "conditional") && (len(ph) == 1 || slices.ContainsFunc(textnorm.Words(textnorm.Normalize(p)), vague))) {
				// One skeleton alone is too often another word's ("كلبي", my dog, and "2albi", my heart;
				// "باس", fine, and "bas", but; "اذا", if, and "iza"), and so is a long word's of one
				// letter: "ومن بعد والو" (and nothing since) would read "men ba3d la piqûre" (since the
				// injection) as resolved.
				continue
			}
			if sc == arabizi && kind == "asking" && len(ph) == 1 && len(ph[0]) == 1 && utf8.RuneCountInString(p) >= 3 {
				// An asking word of three letters that reads as one consonant is too many others' words:
				// "وين" (where) is n, as "ana" (I) is. Its two-letter fellows stand for the same
				// skeletons ("وش", what, is "wach" too).
				continue
			}
			if sc == arabizi && kind == "hypothetical" && !slices.ContainsFunc(ph, func(w string) bool { return len(w) >= 2 }) {
				// "لو" (if) is "l" as a skeleton: the French article and Arabizi's "no" ("la ponction
				// kaynazzef", the harvest site is bleeding) would read as if, and "اما اذا" (as for if)
				// is "m d", the Iraqi "ma da" (does not: "ma da yrud 3la isma", he does not answer to his
				// name). Arabizi's if is read by its longer phrases, and by the learned layer.
				continue
			}
			if sc == arabizi && (kind == "treatment" || kind == "function") && len(ph) == 1 && len(ph[0]) < 3 {
				// As skeletons of two letters, the clinic and the needle are everyday words: "العياده" is
				// "3adi" (normal), "الابره" is "barra" (outside); and sense, "الحس", is the injection's
				// "l7o9na" once its q is read as s.
				continue
			}
			if sc == arabizi && (kind == "handled" || kind == "own") {
				// as skeletons, a hospital's words are too many others' ("tawha sa7at", she just woke), and
				// the writer's own treatment reads a relative into a message that names one in passing
				continue
			}
			if sc == arabizi && kind == "during" {
				// As skeletons, the procedure's words are those of telling it done: "ams sawait el
				// 7igna" (I had the injection yesterday) would read "وقت الحقنه" (during the injection).
				continue
			}
			if sc == arabizi && (kind == "present" || kind == "onset") && len(ph) == 1 && negators[ph[0]] {
				// "اليوم" (today) is "m" once its article is off, as "ma" (not) is: it would read "kan
				// yoghma 3alayi w ana sghire, kel ma shoof dam" (I used to faint as a girl, whenever I
				// see blood) as telling of today.
				continue
			}
			c.phrases[kind] = append(c.phrases[kind], ph)
			c.first[kind][ph[0]] = append(c.first[kind][ph[0]], ph)
		}
	}
	return c, nil
}

// maxExpanded bounds the phrases one context phrase with alternatives may stand for.
const maxExpanded = 400

// expandPhrases reads the alternatives of a context phrase: words joined by "|" stand each in turn in
// their place, so that "now|الحين fine|زين" is four phrases. A clinician reads one line where a list
// would hold every pairing of "now" and "fine" in every dialect.
func expandPhrases(phrases []string) []string {
	out := make([]string, 0, len(phrases))
	for _, p := range phrases {
		expanded := []string{""}
		for _, slot := range strings.Fields(p) {
			alts := strings.Split(slot, "|")
			next := make([]string, 0, len(expanded)*len(alts))
			for _, e := range expanded {
				for _, a := range alts {
					next = append(next, strings.TrimSpace(e+" "+a))
				}
			}
			expanded = next[:min(len(next), maxExpanded)]
		}
		out = append(out, expanded...)
	}
	return out
}

// setAside says why the symptom told by words [i, end) is not read as happening now ("" when it is). A
// resolution that is negated says the symptom goes on ("ما راحت", has not gone away): negated says
// whether the word at a position is. A history marker that starts inside the symptom's own phrase, after
// its first word, is a word of the symptom: "غير مدركة للزمان والمكان" (not aware of time and place) holds
// زمان, long ago; one that starts with it tells its history ("fainted once").
func (c contextMarkers) setAside(m message, i, end int, r triageRule, negated func(int) bool) string {
	lo, hi := sentenceBounds(m, i)
	tier := r.tier
	has := func(kind string, end int) bool { return c.in(m, kind, lo, end) }
	clause, _ := bounds(m.clause, i)
	// A resolution told in an earlier clause is of what came before: "I was doing fine at first but since
	// Sunday the pain has been ramping up".
	resolved := c.resolvedIn(m, lo, hi, func(at int) bool { return !negated(at) && at >= clause })
	dated := hasYear(m, lo, hi)
	history := dated || c.find(m, "history", lo, hi, func(at int) bool {
		return (at <= i || at >= end && !c.in(m, "relativizer", end, at)) && !c.covers(m, "age", at) && !c.datesTreatment(m, at, i, lo)
	})
	switch {
	case resolved && (tier == Clinic || history), r.stoppedAfter(m, i, hi, 1, negated):
		return "resolved"
	case tier == Clinic && c.relatives(m, i, negated), tier == Emergency && c.relativeApart(m, i, lo, hi, negated),
		c.candidate(m, i), c.handled(m, i, lo, hi, negated), c.elsewhere(m, i, lo):
		return reasonOther
	case c.find(m, "joke", lo, hi, func(at int) bool { return !negated(at) }), hi < len(m.forms) && c.opens(m, "joke", hi) && !negated(hi), c.idiom(m, i, lo, hi):
		// taken back in its sentence, or by the next one's first words ("the pain is unbearable... jk, it's
		// a bit sore")
		return reasonJoke
	case r.weather && has("weather", hi):
		return reasonWeather
	case r.local && has("slight", hi) && c.in(m, "local", 0, len(m.forms)):
		return reasonLocal
	case r.easing && c.find(m, "easing", lo, hi, func(at int) bool { return !negated(at) }):
		return reasonEasing
	case c.presentNow(m, lo, hi, negated), c.state(m, i):
		return ""
	case tier == Clinic && c.find(m, "during", lo, hi, func(at int) bool { return !c.within(m, "onset", at) }):
		return "procedure"
	case c.inClause(m, "other", i):
		return reasonOther
	case c.find(m, "hypothetical", lo, i, func(at int) bool { return !c.covers(m, "named_state", at) && !c.covers(m, "polite", at) }),
		c.opens(m, "conditional", lo) && !c.covers(m, "polite", lo) && c.plans(m, lo, hi), c.future(m, i):
		return "hypothetical"
	case (c.opens(m, "question", lo) || clause > lo && c.opens(m, "question", clause+1)) && !has("report", hi):
		// a question opening the sentence, or the clause a break word opens ("random q but can u pass out
		// from the marrow thing?")
		return "question"
	case c.onset(m, lo, hi):
		return ""
	case history && !c.in(m, "procedure", 0, len(m.forms)), dated && !c.in(m, "procedure", lo, hi):
		// a year dates its own sentence, whatever procedure another tells ("Back in 2019 my throat swelled
		// up at the dentist. Since the harvest uses local anaesthesia, should I mention it?")
		return "history"
	case tier == Clinic && c.find(m, "chronic", lo, hi, func(at int) bool { return !c.covers(m, "done", at) }) && !r.reading:
		// a temperature taken in the fever's range is today's, whatever condition the message names; the
		// treatment told done is none ("sawait el 3elaj gabil yomain", I did the treatment two days ago)
		return "chronic"
	}
	return ""
}

// plans reports whether the sentence [lo, hi), which a condition opens, asks (a question mark or an
// asking word), or plans, instructs or wonders (`consequent`: "will", "should", "call", "what do I
// do"): "If my face swells after the injection, what do I do?", "if I get a fever I'll call you". A
// condition with none of these tells what happens whenever it holds: "If I stand up I faint", "إذا نمت
// على ضهري ما بقدر اتنفس" (when I lie on my back I can't breathe).
func (c contextMarkers) plans(m message, lo, hi int) bool {
	return m.asked[m.sentence[lo]] || c.in(m, "asking", lo+1, hi) || c.in(m, "consequent", lo, hi)
}

// future reports whether the symptom at word i is asked of as what is to come: a future phrase ending at
// most futureGap words before it in its clause, in a sentence that asks (a question mark, or a question
// word opening it): "will my face be swollen after the injection?", "will I have a fever?", "يعني راح
// يصير احمرار وانتفاخ؟"; not "will I get better my face is swelling up", a sign told after the question.
func (c contextMarkers) future(m message, i int) bool {
	clause, _ := bounds(m.clause, i)
	before := false
	for at := max(clause, i-maxFuturePhrase-futureGap); at < i && !before; at++ {
		for _, f := range m.forms[at] {
			before = before || slices.ContainsFunc(c.first["future"][f], func(ph phrase) bool {
				end := at + len(ph)
				return end <= i && i-end <= futureGap && m.phraseAt(ph, at)
			})
		}
	}
	lo, hi := sentenceBounds(m, i)
	return before && (m.asked[m.sentence[i]] || c.opens(m, "question", lo) || c.opensAsking(m, lo, hi))
}

// maxFuturePhrase is the most words of a future phrase ("will the injection make", "is there going to
// be"): one starts no further before its sign than this and futureGap.
const maxFuturePhrase = 5

// futureGap is how many words may stand between a future phrase and the symptom it asks of: "will I have
// a fever", "will the injection make my leg numb".
const futureGap = 1

// datedReach is how many words before a history phrase a treatment it dates may start.
const datedReach = 6

// datesTreatment reports whether the history phrase at word at dates a treatment named just before it in
// its sentence (from lo), after the sign at word i: "his face is drooping, he did the stem cell thing for
// his back last week" tells when he was treated, not when the sign began. A sign told after the two is
// of that time ("an operation in 2015 and a lot of bleeding after it"), unless the time is recent (weeks,
// a month: `recent`), when it is the weeks since the clinic's treatment: "I had the session a week ago
// and I have a fever of 39" tells a fever now.
func (c contextMarkers) datesTreatment(m message, at, i, lo int) bool {
	if i > at && c.covers(m, "recent", at) {
		return c.in(m, "treatment", max(lo, at-datedReach), at)
	}
	return i < at && c.in(m, "treatment", max(lo, at-datedReach, i+1), at)
}

// movedReach is how far after a resolution's start a phrase of moving on may start and undo it: "it's
// gone past the line" tells the redness spread, not gone.
const movedReach = 3

// resolvedIn reports whether a resolution starts in words [lo, hi) at a position ok accepts, with no
// phrase of moving on right after its start, not within a phrase of a lost ability ("can no
// longer sit"), not telling of something lost that has not come back (unreturned), and not asked of.
func (c contextMarkers) resolvedIn(m message, lo, hi int, ok func(int) bool) bool {
	return c.find(m, "resolved", lo, hi, func(at int) bool {
		return ok(at) && !c.in(m, "moved", at, at+movedReach) && !c.covers(m, "lost", at) && !c.unreturned(m, at) && !c.within(m, "question", at)
	})
}

// within reports whether the word at stands inside a phrase of kind that starts before it: "normal" in
// "is it normal for the pain to get worse" is asked of (question), not told as in "normal for two days";
// "وقت الحقنة" in "من وقت الحقنة" (since the injection) is an onset, not the time of the injection.
func (c contextMarkers) within(m message, kind string, at int) bool {
	return slices.ContainsFunc(c.phrases[kind], func(ph phrase) bool {
		return m.find(ph, func(s int) bool { return s < at && at < s+len(ph) })
	})
}

// returnReach is how far after a resolution's start the return it denies may start ("it went away and
// hasn't come back"), and how far before it a function that did not come back may stand ("the feeling
// in my leg hasn't come back").
const returnReach = 4

// unreturned reports whether the resolution at word at stands beside a denied return (`returns`: "hasn't
// come back", "ما رجع") of a function (`function`: the feeling, strength, sight) named just before it, or of the
// normal (`unrestored`: "to normal", "طبيعية") right after it: "the feeling hasn't come back", "ما رجعت
// طبيعية" tell a sign that lasts, not one gone.
func (c contextMarkers) unreturned(m message, at int) bool {
	lo, hi := sentenceBounds(m, at)
	return c.find(m, "returns", max(lo, at-returnReach), min(at+returnReach, hi), func(r int) bool {
		return c.in(m, "function", max(lo, at-returnReach), r) || c.in(m, "unrestored", r+1, min(r+returnReach+2, hi))
	})
}

// present reports whether a present marker stands in words [lo, hi), not right after a duration ("for 6
// years now" says how long, not that it is happening now).
func (c contextMarkers) present(m message, lo, hi int) bool {
	return c.presentNow(m, lo, hi, func(int) bool { return false })
}

// durationReach is how far after a present marker a duration may start and make it tell how long ("هسه
// من عشرين سنة ما صارت", now for twenty years it has not happened), not that something happens now.
const durationReach = 3

// joinedAnd reports whether the phrase ph at word at is written joined to "و" (and): "عندي سكري من سنين
// وهلق اغمي علي" (diabetic for years, and now I fainted) tells of now after a duration, not how long.
func joinedAnd(m message, at int, ph phrase) bool {
	w := m.forms[at][0]
	return strings.HasPrefix(w, "و") && w != ph[0]
}

// presentNow is present without the markers a negation follows (negated says whether the word at a
// position is): "10 years before, now no medicine and no problem", "الحين ما في شي" tell the writer well
// now, not the symptom's sentence of now; nor those beside how a condition is kept in hand ("he's on
// meds now", "carry an epipen now": managed).
func (c contextMarkers) presentNow(m message, lo, hi int, negated func(int) bool) bool {
	for _, ph := range c.phrases["present"] {
		if m.find(ph, func(at int) bool {
			end := at + len(ph)
			return at >= lo && at < hi && (!c.in(m, "duration", max(at-1, lo), at) || joinedAnd(m, at, ph)) &&
				!c.in(m, "duration", end, min(end+durationReach, hi)) && !c.covers(m, "then", at) &&
				!(end < hi && negated(end) || end+1 < hi && negated(end+1)) && !c.managedBeside(m, at, end, lo, hi)
		}) {
			return true
		}
	}
	return false
}

// managedBeside reports whether a phrase of how a condition is kept in hand ends right before the words
// [at, end) or starts right after them, within [lo, hi): "on meds now", "now on medication".
func (c contextMarkers) managedBeside(m message, at, end, lo, hi int) bool {
	return slices.ContainsFunc(c.phrases["managed"], func(ph phrase) bool {
		return m.endsBefore(ph, at, lo) || end+len(ph) <= hi && m.startsAt(ph, end)
	})
}

// state reports whether a state phrase ends right before the symptom at word i, or before the word it is
// joined to by a prefixed "و" ("في حالة ارتباك وتشوش", in a state of confusion and disorientation): the
// patient is in it.
func (c contextMarkers) state(m message, i int) bool {
	end := i
	if w := m.forms[i][0]; i > 0 && strings.HasPrefix(w, "و") && slices.Contains(m.forms[i], strings.TrimPrefix(w, "و")) {
		end = i - 1
	}
	return slices.ContainsFunc(c.phrases["state"], func(ph phrase) bool {
		return slices.ContainsFunc([]int{i, end}, func(e int) bool { return m.endsBefore(ph, e, 0) })
	})
}

// onset reports whether an onset marker stands in words [lo, hi), not right before a duration ("صار لي
// ٧ سنين", it has been seven years, says how long ago, not that something started) nor right after one
// ("منذ سنتين بدأت أعاني", two years ago I started to suffer: it started then, not since the procedure),
// nor one from something a year dates (sinceYear).
func (c contextMarkers) onset(m message, lo, hi int) bool {
	return c.find(m, "onset", lo, hi, func(at int) bool {
		return !c.in(m, "duration", at+1, min(at+4, hi)) && !c.in(m, "duration", max(at-2, lo), at) && !c.sinceYear(m, at, hi)
	})
}

// yearReach is how many words after an onset marker a year may stand and date what it begins from.
const yearReach = 6

// sinceYear reports whether the onset marker at word at begins from something a year dates: a year within
// yearReach words after it in its clause, before any relativizer ("since my car accident in 2019"; not
// "since the injection he keeps asking for my mother, who passed in 2015").
func (c contextMarkers) sinceYear(m message, at, hi int) bool {
	_, end := bounds(m.clause, at)
	end = min(end, hi, at+1+yearReach)
	return hasYear(m, at+1, end) && !c.in(m, "relativizer", at+1, end)
}

// tellsNow reports whether m places anything in the present or since the procedure: a present or onset
// marker anywhere in it ("what if... no wait, I can't breathe right now").
func (c contextMarkers) tellsNow(m message) bool {
	return c.tellsPresent(m) || c.onset(m, 0, len(m.forms))
}

// tellsPresent reports whether a present marker stands anywhere in m ("... but now it's constant").
func (c contextMarkers) tellsPresent(m message) bool {
	return c.present(m, 0, len(m.forms))
}

// reportsApart reports whether a sentence of m that does not ask (toldApart) reports something of the
// writer's: "is it normal to puke after? I've done it like 5 times today" tells what its question asks
// about.
func (c contextMarkers) reportsApart(m message) bool {
	return c.toldApart(m, func(lo, hi int) bool { return c.in(m, "report", lo, hi) })
}

// onsetApart reports whether a sentence of m that does not ask (toldApart) tells when something began
// (onset), beside no treatment and with the writer not told well: "is it normal to have chest pressure
// after the harvest? started like 20 min ago".
func (c contextMarkers) onsetApart(m message) bool {
	return c.toldApart(m, func(lo, hi int) bool {
		return c.onset(m, lo, hi) && !c.in(m, "self_well", lo, hi) && !c.in(m, "treatment", lo, hi)
	})
}

// toldApart reports whether a sentence [lo, hi) of m that does not ask (no question mark, no asking word
// opening it, no hypothetical) tells what tells says it does.
func (c contextMarkers) toldApart(m message, tells func(lo, hi int) bool) bool {
	for lo := 0; lo < len(m.forms); {
		_, hi := sentenceBounds(m, lo)
		if !m.asked[m.sentence[lo]] && !c.opens(m, "asking", lo) && !c.find(m, "hypothetical", lo, hi, func(at int) bool { return !c.covers(m, "polite", at) }) && tells(lo, hi) {
			return true
		}
		lo = hi
	}
	return false
}

// asks reports whether every sentence of m opens asking (opensAsking) or ends in a question mark, and
// reports nothing: a question about the treatment, not a report of a symptom.
func (c contextMarkers) asks(m message) bool {
	if len(m.forms) == 0 {
		return false
	}
	for lo := 0; lo < len(m.forms); {
		_, hi := sentenceBounds(m, lo)
		if !c.opensAsking(m, lo, hi) && !m.asked[m.sentence[lo]] || c.in(m, "report", lo, hi) {
			return false
		}
		lo = hi
	}
	return true
}

// timingReach is how many words after a time of the treatment opening a sentence its asking word may
// start.
const timingReach = 4

// opensAsking reports whether the sentence [lo, hi) opens with an asking word, or with a time of the
// treatment and then one: "after the surgery what should I do", "ba3d el 3amaliye shu lezem a3mel".
func (c contextMarkers) opensAsking(m message, lo, hi int) bool {
	if c.opens(m, "asking", lo) {
		return true
	}
	if !c.opens(m, "timing", lo) {
		return false
	}
	for at := lo + 1; at < min(hi, lo+1+timingReach); at++ {
		if c.opens(m, "asking", at) {
			return true
		}
	}
	return false
}

func sentenceBounds(m message, i int) (lo, hi int) {
	return bounds(m.sentence, i)
}

// bounds are the positions [lo, hi) of the run of equal values of of around i: a sentence or a clause.
func bounds(of []int, i int) (lo, hi int) {
	lo, hi = i, i+1
	for lo > 0 && of[lo-1] == of[i] {
		lo--
	}
	for hi < len(of) && of[hi] == of[i] {
		hi++
	}
	return lo, hi
}

// relatives reports whether the symptom at word i is a relative's the writer sets apart from their own:
// a relative named before it in its clause (in its sentence, when the message says someone was not
// treated), the writer well themselves or their own treatment still ahead anywhere in the message, or a
// treatment told not had in the symptom's sentence; no procedure told and no treatment named in the
// symptom's clause ("my daughter has a fever of 38.5 from a cold. I'm fine myself"; "my son has had a
// fever since yesterday, can I move my appointment?"; "أنا كويسة والحقنة تمام، بس جوزي ... رجّع طول
// الليل"; "أخوي ما سوى
// الجلسة، بس عنده حرارة", my brother did not have the session, but he has a temperature). negated says
// whether the word at a position is.
func (c contextMarkers) relatives(m message, i int, negated func(int) bool) bool {
	lo, hi := bounds(m.clause, i)
	all := len(m.forms)
	slo, shi := sentenceBounds(m, i)
	untreated := c.find(m, "treatment", slo, shi, func(at int) bool { return notHad(m, at, negated) })
	// A procedure told in the sentence the writer says they are well in is theirs ("أنا بخير من بعد الجلسة",
	// I'm fine since the session), as is one told as their own ("after my injection"); one told not had is
	// no one's, and one told outside the sentence that says the relative had none is the writer's.
	theirs := func(at int) bool {
		plo, phi := sentenceBounds(m, at)
		return !c.in(m, "self_well", plo, phi) && !c.in(m, "own", at, at+ownInProcedure) && !notHad(m, at, negated) &&
			!notHad(m, at+1, negated) && (!untreated || plo == slo)
	}
	named := c.in(m, "relative", lo, i) || untreated && c.in(m, "relative", slo, i)
	return named && (c.in(m, "self_well", 0, all) || c.ahead(m, 0, all) || c.in(m, "own", 0, all) || untreated) &&
		!c.find(m, "procedure", 0, all, theirs) && !c.treatmentNamed(m, lo, hi, negated)
}

// relativeApart reports whether the emergency sign at word i, in the sentence [lo, hi), is a relative's
// (relatives) whom the writer says outright is no patient, or beside whom they say they are well
// themselves ("he's not a patient of yours"), in words (Arabizi's skeletons are too loose for it), and
// not as happening now ("my son can't breathe properly right now, i'm fine myself" is an emergency),
// nor as lasting up to now ("my dad has had chest pain for an hour, he's not a patient of yours"):
// every triage set, negatives +6, no red flag lost.
func (c contextMarkers) relativeApart(m message, i, lo, hi int, negated func(int) bool) bool {
	return !c.skeletons && c.in(m, "self_well", 0, len(m.forms)) && !c.presentNow(m, lo, hi, negated) &&
		!c.in(m, "lasting", lo, hi) && c.relatives(m, i, negated)
}

// relativeOngoing reports whether a relative or friend is named before the sign at word i in its clause,
// with the sign told as going on as the writer speaks (ongoing: "my son is having a seizure"), in words
// (Arabizi's skeletons are too loose for it).
func (c contextMarkers) relativeOngoing(m message, i int) bool {
	lo, _ := bounds(m.clause, i)
	return !c.skeletons && c.find(m, "relative", lo, i, func(at int) bool { return c.in(m, "ongoing", at, i) })
}

// ownInProcedure is how far into a procedure phrase the writer's own treatment may start and make it
// theirs: "after my injection".
const ownInProcedure = 2

// notHad reports whether the treatment word at position at is told not had: negated, or after a negated
// verb ("wasn't treated", "didn't have the injection", "ما سوى الجلسة", "ma 3emel el 7o2ne").
func notHad(m message, at int, negated func(int) bool) bool {
	return negated(at) || at > 0 && negated(at-1) && (at < 3 || !anyForm(m.forms[at-3], afterMa))
}

// afterMa are the words with which ما opens a clause of time, no negation: "بعد ما سوى الحقنة" (after he
// had the injection), "من يوم ما عملت الحقنة" (since the day she had it), as Arabic script and Arabizi
// write them.
var afterMa = map[string]bool{"بعد": true, "قبل": true, "لحد": true, "لين": true, "يوم": true, "وقت": true, "ساعه": true,
	"اول": true, "طول": true, "كل": true, "b3d": true, "yom": true, "youm": true}

// treatmentNamed reports whether a treatment is named in words [lo, hi) outside the phrase of the
// writer's own appointment still ahead (upcoming: "can I still come in for my injection tomorrow?"),
// outside one that says the writer, not the relative, had it (self_well: "هي ما سوت العلاج"), and not
// told not had.
func (c contextMarkers) treatmentNamed(m message, lo, hi int, negated func(int) bool) bool {
	return c.find(m, "treatment", lo, hi, func(at int) bool {
		return !c.coversAhead(m, at) && !c.covers(m, "own", at) && !c.covers(m, "self_well", at) && !notHad(m, at, negated)
	})
}

// ahead reports whether a phrase of a treatment still ahead (upcoming) starts in words [lo, hi), not
// told done: "my son had his treatment on Sunday" holds "his treatment on" inside "had his treatment".
func (c contextMarkers) ahead(m message, lo, hi int) bool {
	return c.find(m, "upcoming", lo, hi, func(at int) bool { return !c.within(m, "done", at) })
}

// coversAhead reports whether a phrase of a treatment still ahead, not told done (ahead), stands over the
// word at.
func (c contextMarkers) coversAhead(m message, at int) bool {
	return slices.ContainsFunc(c.phrases["upcoming"], func(ph phrase) bool {
		return m.find(ph, func(s int) bool { return s <= at && at < s+len(ph) && !c.within(m, "done", s) })
	})
}

// handled reports whether the sign at word i is a relative's or friend's (named in its clause before it)
// that a hospital is caring for already, told in its sentence [lo, hi), which does not open asking ("my
// father had a heart attack yesterday, he's stable in the CCU now"), in a message that tells of no
// procedure and names no treatment but the writer's own appointment: someone else's emergency, being
// handled, not the clinic's patient's. "my dad fainted, should I take him to hospital?" tells no care
// given, and stays urgent.
func (c contextMarkers) handled(m message, i, lo, hi int, negated func(int) bool) bool {
	clause, _ := bounds(m.clause, i)
	all := len(m.forms)
	return c.in(m, "relative", clause, i) && c.in(m, "handled", lo, hi) && !c.opens(m, "question", lo) &&
		!c.in(m, "procedure", 0, all) && !c.treatmentNamed(m, 0, all, negated)
}

// idiom reports whether the sign at word i stands in an idiom of something that "is giving me a heart
// attack", in a message that laughs and a sentence, [lo, hi), that names no treatment.
func (c contextMarkers) idiom(m message, i, lo, hi int) bool {
	return c.covers(m, "idiom", i) && c.in(m, "laugh", 0, len(m.forms)) && !c.in(m, "treatment", lo, hi)
}

// candidate reports whether the sign at word i is a relative's or friend's who the message asks could be
// treated: the condition they would come for ("صديقي يعاني من ضيق في التنفس بسبب الربو، هل يمكنه
// الاستفادة من العلاج؟"). The relative is named in the sign's clause before it, or anywhere when the
// sign is named in the question, after its asking words ("… بس بدي أعرف إذا العلاج بيفيد بحالات
// الصرع؟"); nothing is told of now (nor of a time since, unless the writer says the person is well or
// no patient) or of a procedure, nor is the treatment named but in a sentence that asks, outside the
// sign's clause ("My husband gets chest pains when he's stressed. Would stem cells ever help people with
// heart problems?"; not "my dad had the injection and he can't breathe, can he be treated?").
func (c contextMarkers) candidate(m message, i int) bool {
	lo, _ := bounds(m.clause, i)
	all := len(m.forms)
	asked := c.in(m, "candidate", lo, i) // the sign is what the question asks about
	asking := func(at int) bool {
		slo, shi := sentenceBounds(m, at)
		clo, _ := bounds(m.clause, at)
		return c.in(m, "candidate", slo, shi) && (clo != lo || asked)
	}
	named := c.in(m, "relative", lo, i) || asked && c.in(m, "relative", 0, all)
	now := c.tellsPresent(m) || c.onset(m, 0, all) && !c.in(m, "self_well", 0, all) // "fainted at the gym yesterday, he is not your patient"
	return named && !now && !c.in(m, "procedure", 0, all) && (asked || c.in(m, "candidate", 0, all)) &&
		!c.find(m, "treatment", 0, all, func(at int) bool { return !asking(at) && !c.covers(m, "candidate", at) })
}

// elsewhere reports whether the sign at word i is a relative's or friend's, named in its sentence
// before it, in a message that tells of their treatment at another clinic or in another country and of
// nothing now: their story ("my neighbour swears she got a crazy fever after some shot at another place.
// is that a thing with yours?"), not the clinic's patient's.
func (c contextMarkers) elsewhere(m message, i, lo int) bool {
	return c.in(m, "relative", lo, i) && c.in(m, "elsewhere", 0, len(m.forms)) && !c.tellsPresent(m)
}

// covers reports whether a phrase of kind spans the word at i: the treatment the writer's own appointment
// names ("coming in for my injection tomorrow") is theirs, not a relative's.
func (c contextMarkers) covers(m message, kind string, i int) bool {
	return slices.ContainsFunc(c.phrases[kind], func(ph phrase) bool { return m.overlaps(ph, i, i+1) })
}

// inClause reports whether a phrase of kind starts in the clause of the word at i.
func (c contextMarkers) inClause(m message, kind string, i int) bool {
	lo, hi := bounds(m.clause, i)
	return c.in(m, kind, lo, hi)
}

// in reports whether a phrase of kind starts in words [lo, end).
func (c contextMarkers) in(m message, kind string, lo, end int) bool {
	return c.find(m, kind, lo, end, func(int) bool { return true })
}

// find reports whether a phrase of kind starts in words [lo, end) at a position ok accepts, and ends in
// the sentence it starts in ("2 days now. normal after the injection?" tells nothing "now normal").
func (c contextMarkers) find(m message, kind string, lo, end int, ok func(int) bool) bool {
	first := c.first[kind]
	for at := max(lo, 0); at < min(end, len(m.forms)); at++ {
		for _, f := range m.forms[at] {
			for _, ph := range first[f] {
				if m.phraseAt(ph, at) && m.sentence[at+len(ph)-1] == m.sentence[at] && ok(at) {
					return true
				}
			}
		}
	}
	return false
}

// novelSpan is how many words after a symptom's phrase a comparison may start and still be its: "never
// had chest [pain] like this" (the rule reads chest and pain apart).
const novelSpan = 3

// novel reports whether a comparison follows the symptom at words [i, end) closely, in its sentence,
// with no negation between: its negation then tells a symptom never felt before, one happening now
// ("never had chest pain like this", "عمري ما حسيت بوجع زي كده"), not its absence ("no chest pain,
// nothing like that").
func (c contextMarkers) novel(m message, i, end int, negator func(string) bool) bool {
	_, hi := sentenceBounds(m, i)
	for j := end; j < min(hi, end+novelSpan); j++ {
		if c.in(m, "novelty", j, j+1) {
			return true
		}
		if negator(m.forms[j][0]) {
			return false
		}
	}
	return false
}

// opens reports whether a phrase of kind starts the sentence at lo.
func (c contextMarkers) opens(m message, kind string, lo int) bool {
	return slices.ContainsFunc(c.phrases[kind], func(ph phrase) bool { return m.startsAt(ph, lo) })
}

// hasYear reports whether a past year (1950-2039, after "in", "since" or their Arabic) stands in words
// [lo, hi): "a stroke in 2019", "سنة 2019"; "he thinks it's 1985" is not history.
func hasYear(m message, lo, hi int) bool {
	for k := max(lo, 1); k < hi; k++ {
		y, ok := wordNumber(m.forms[k][0])
		if ok && y >= 1950 && y < 2040 && yearWords[m.forms[k-1][0]] {
			return true
		}
	}
	return false
}

// yearWords stand before a year that dates something, in English, Arabic, Arabizi ("f 2014", "fi 2019",
// "sanat 2010") and French ("en 2014").
var yearWords = map[string]bool{"in": true, "since": true, "back": true, "was": true, "kan": true, "kent": true, "mn": true, "min": true, "men": true, "depuis": true,
	"f": true, "fi": true, "fe": true, "sanat": true, "sanet": true, "en": true, "année": true, "annee": true,
	"سنه": true, "عام": true, "في": true, "من": true, "بسنه": true, "كان": true, "كانت": true}

// temperature finds a body temperature written as a number: with a unit ("39°", "39 c", "101f",
// "102 degrees", "٣٩ درجة") or with one decimal in the fever range ("38.6").
var temperature = regexp.MustCompile(`(?:^|[^\d.,،٫·])(\d{2,3}(?:[.,،٫·]\d{1,2})?)\s*(°\s*[cf]?|º\s*[cf]?|degrees?\s*[cf]?|deg\s*[cf]?|celsius|fahrenheit|[cf]\b|درجه|مئويه|فهرنهايت|سيليزيه)?`)

// decimalPoint reads the separators a temperature's decimals are written with, the comma and the Arabic
// comma and decimal separator ("38,7", "٣٨،٧", "٣٨٫٧"), as a point.
var decimalPoint = strings.NewReplacer(",", ".", "،", ".", "٫", ".", spokenPoint, ".")

// spokenPoint is the decimal point spokenDecimals writes: a number said in words ("38 and a half") is
// told, not read off a thermometer.
const spokenPoint = "·"

// thermal is what a number in a message says of a body temperature.
type thermal int

const (
	noReading        thermal = iota
	feverReading             // 37.8-43 °C or 100-110 °F
	normalReading            // 35-37.7 °C or 95-99.9 °F, measured: no fever
	recoveredReading         // a fever's reading, then a normal one: a fever over
	airReading               // told as a temperature, but above a body's: the air's ("الحرارة ٤٥")
	// toldFever: a fever's number told as a temperature but not written as one ("the temperature is 40",
	// which may be the air's), a fever only as the rules read its words
	toldFever
)

// readTemperature reads a body temperature written as a number: a fever at 37.8-43 °C or 100-110 °F, a
// normal reading at 35-37.7 °C or 95-99.9 °F, and above 43 °C, told as a temperature, the air's. A
// number with no unit is a fever only with a decimal ("38.6"; "39" alone may be an age or a dose), and a
// normal reading with one or when told as a temperature: said in words ("36 و8") or right after one of
// words, the temperature words ("temp 37", "الحرارة ٣٧"). The last reading tells: a fever, or a fever's end when a normal reading follows a fever,
// written or told ("a fever of 101 the second night, 98.2 this morning"; "٣٨ ونص ... ومن يومها ٣٦ و٨").
func readTemperature(norm string, words []string) thermal {
	norm = spelledTemperatures(norm)
	if !strings.ContainsAny(norm, "0123456789") {
		return noReading
	}
	norm = spokenDecimals(norm)
	read, feverBefore, normalAt := noReading, false, 0
	readings(norm, func(v float64, unit string, decimal, spoken bool, at int) bool {
		told := spoken || namedBefore(norm[:at], words) // a number said as a temperature, not written as one
		// a whole number in a fever's range told words after a normal reading is the thermometer's again
		// ("٣٦ ونص أمس، والليلة نفس الجهاز يقول ٣٩", 36.5 yesterday, tonight the same one says 39); not an
		// age or an alternative right after it ("98.4F. I'm 39 years old", "٣٧.٥ ولا ٣٨؟")
		again := (read == normalReading || read == recoveredReading) && len(strings.Fields(norm[normalAt:at])) > 2 && !measuresElse(norm[at:])
		switch {
		case fever(v, unit, decimal), fever(v, unit, true) && again:
			read, feverBefore = feverReading, true
		case fever(v, unit, true) && told:
			feverBefore = true // a fever told, that only a normal reading after it makes anything of
		case normal(v, unit) && (unit != "" || decimal || told):
			read, normalAt = normalReading, at
			if feverBefore {
				read = recoveredReading
			}
		case told && read == noReading && air(v, unit):
			read = airReading
		}
		return true
	})
	if read == noReading && feverBefore {
		return toldFever
	}
	return read
}

// measuresElse reports whether the number text starts with is given in a unit of something other than a
// temperature: "101 kilos", "39 years old".
func measuresElse(text string) bool {
	if f := strings.Fields(text); len(f) > 1 {
		return otherUnits[strings.TrimRight(f[1], ",.;:!?،؛")]
	}
	return false
}

var otherUnits = map[string]bool{"years": true, "year": true, "yrs": true, "yo": true, "kilos": true, "kilo": true, "kg": true,
	"kgs": true, "lbs": true, "lb": true, "pounds": true, "سنه": true, "سنين": true, "عام": true, "كيلو": true, "sana": true, "sene": true}

// Number words of a normalised message, as a body temperature is spelled out: "ninety eight point six",
// "thirty eight and a half", "ستة وتلاتين ونص" (thirty-six and a half), "سبعه وثلاثين وخمسه".
var (
	numberUnits = map[string]int{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "zero": 0, "ten": 10,
		"واحد": 1, "واحده": 1, "اتنين": 2, "اثنين": 2, "تنين": 2, "ثنين": 2, "ثلاثه": 3, "تلاته": 3, "ثلاث": 3, "تلات": 3,
		"اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "تمانيه": 8,
		"ثماني": 8, "تماني": 8, "تمنيه": 8, "ثمان": 8, "تمن": 8, "تسعه": 9, "تسع": 9, "صفر": 0,
		// Arabizi
		"wa7ad": 1, "wa7ed": 1, "tnen": 2, "itnen": 2, "tlate": 3, "tlata": 3, "talata": 3, "arba3a": 4, "arb3a": 4,
		"5amse": 5, "5amsa": 5, "khamse": 5, "khamsa": 5, "sitte": 6, "sette": 6, "sitta": 6, "sab3a": 7, "sab3": 7,
		"tmanye": 8, "tmenye": 8, "tamanya": 8, "tamanye": 8, "tmene": 8, "tamania": 8, "tis3a": 9, "tes3a": 9, "tis3": 9, "tes3": 9,
	}
	numberTens = map[string]int{
		"thirty": 30, "forty": 40, "ninety": 90,
		"ثلاثين": 30, "تلاتين": 30, "ثلاتين": 30, "تلاثين": 30, "اربعين": 40, "تسعين": 90,
		"tlateen": 30, "tleteen": 30, "talateen": 30, "thalatheen": 30, "tlatin": 30, "tletin": 30, "talatin": 30,
		"arb3een": 40, "arba3een": 40, "arb3in": 40, "arba3in": 40,
	}
)

// spelledTemperatures writes as digits the numbers a normalised message spells out in a body
// temperature's range: tens and units ("ninety eight", "thirty-nine"; Arabic's units first, "سته
// وتلاتين"), a hundred and units ("a hundred and one"), and a tenth after "point" or, in Arabic, after
// "و" ("ninety eight point six", "سبعه وثلاثين وخمسه"). Halves are spokenDecimals'.
func spelledTemperatures(norm string) string {
	words := strings.Fields(norm)
	tens := func(w string) bool {
		t, _, _ := strings.Cut(strings.TrimPrefix(w, "و"), "-")
		return numberTens[t] > 0 || w == "hundred"
	}
	if !slices.ContainsFunc(words, tens) {
		return norm
	}
	var out []string
	for i := 0; i < len(words); i++ {
		v, n := spelledNumber(words[i:])
		if n == 0 {
			out = append(out, words[i])
			continue
		}
		text := strconv.Itoa(v)
		if tenth, k := spelledTenth(words[i+n:], v); k > 0 {
			text, n = text+"."+strconv.Itoa(tenth), n+k
		}
		out = append(out, text)
		i += n - 1
	}
	return strings.Join(out, " ")
}

// spelledNumber reads a number of a temperature's range spelled out at the start of words, and how many
// words it took (0 for none).
func spelledNumber(words []string) (int, int) {
	at := func(k int) string {
		if k < len(words) {
			return bareWord(words[k])
		}
		return ""
	}
	if tens, ok := numberTens[at(0)]; ok { // "ninety eight", "thirty-nine" (read as two words or one)
		if u, ok := numberUnits[at(1)]; ok && u > 0 && u < 10 {
			return tens + u, 2
		}
		if tens == 40 { // "forty", "اربعين": a fever's number alone
			return tens, 1
		}
		return 0, 0
	}
	if t, u, ok := strings.Cut(at(0), "-"); ok && numberTens[t] > 0 && numberUnits[u] > 0 && numberUnits[u] < 10 {
		return numberTens[t] + numberUnits[u], 1
	}
	if u, ok := numberUnits[at(0)]; ok && u > 0 && u < 10 { // "سته وتلاتين", "سته و تلاتين"
		next, k := at(1), 2
		if next == "و" || next == "w" || next == "wa" { // Arabizi writes "و" as "w": "tis3a w tleteen"
			next, k = "و"+at(2), 3
		} else if rest, ok := strings.CutPrefix(next, "w"); ok && numberTens[rest] > 0 {
			next = "و" + rest
		}
		if tens, ok := numberTens[strings.TrimPrefix(next, "و")]; ok && strings.HasPrefix(next, "و") {
			return tens + u, k
		}
		return 0, 0
	}
	start := 0
	if at(0) == "a" || at(0) == "one" {
		start = 1
	}
	if at(start) != "hundred" { // "a hundred and one", "one hundred two"
		return 0, 0
	}
	k := start + 1
	if at(k) == "and" {
		k++
	}
	if u, ok := numberUnits[at(k)]; ok && u > 0 {
		return 100 + u, k + 1
	}
	return 0, 0
}

// spelledTenth reads a temperature's tenth spelled after its whole number v: "point six", "point 6",
// and in Arabic "و" with a unit ("وخمسه") after a normal reading's 35-37, as spokenDecimals reads "٣٦
// و٨" (a fever's "and three" may be three days).
func spelledTenth(words []string, v int) (int, int) {
	if len(words) == 0 {
		return 0, 0
	}
	tenth, k, point := "", 0, false
	switch first := bareWord(words[0]); {
	case first == "point" && len(words) > 1:
		tenth, k, point = bareWord(words[1]), 2, true
	case first == "و" && len(words) > 1 && v >= 35 && v <= 37:
		tenth, k = bareWord(words[1]), 2
	case strings.HasPrefix(first, "و") && v >= 35 && v <= 37:
		tenth, k = strings.TrimPrefix(first, "و"), 1
	}
	if u, ok := numberUnits[tenth]; ok && u < 10 {
		return u, k
	}
	if point && len(tenth) == 1 && isNumber(tenth) { // "point 6"
		return int(tenth[0] - '0'), k
	}
	return 0, 0
}

// bareWord is a word without the punctuation that may follow it.
func bareWord(w string) string {
	return strings.Trim(w, ",.?!؟،")
}

// spokenDecimal finds a temperature's decimal said in words: a half ("38 and a half", "٣٨ ونص", "38 w
// nos"), or a tenth after "and" in a normal reading's range ("٣٦ و٨", 36 and 8; a fever's "39 و3" may
// be 39 and three days).
var spokenDecimal = regexp.MustCompile(`\b(?:(3[5-9]|4[0-3]|9[5-9]|10[0-9])\s*(and a half|and half|ونص|و نص|ونصف|و نصف|w nos|w nus|w nuss|w noss|wa nos|wnos|et demi)|(3[5-7])\s*(?:و|w|wa)\s*([0-9])([^0-9.٫]|$))`)

// spokenDecimals writes the temperatures a normalised message says with spoken decimals as numbers
// ("38 and a half" is 38.5).
func spokenDecimals(norm string) string {
	return spokenDecimal.ReplaceAllStringFunc(norm, func(m string) string {
		sub := spokenDecimal.FindStringSubmatch(m)
		if sub[1] != "" {
			return sub[1] + spokenPoint + "5"
		}
		return sub[3] + spokenPoint + sub[4] + sub[5]
	})
}

// scaledFever reports whether a message gives a fever with its scale, °C or °F ("101.5F", "38.9 c"): a
// thermometer's reading, whether or not a temperature word names it.
func scaledFever(norm string) bool {
	return feverWhere(norm, func(unit string, _ bool) bool {
		return scale(unit) != ""
	})
}

// decimalFever reports whether a message gives a fever with a decimal and no scale ("my son has 39.2
// this morning"): a thermometer's reading too, as ages, counts and doses in the fever's range are whole
// numbers.
func decimalFever(norm string) bool {
	return feverWhere(norm, func(unit string, decimal bool) bool { return unit == "" && decimal })
}

// feverWhere reports whether a message gives a number in a fever's range written as written says (its
// unit, and whether it has a decimal).
func feverWhere(norm string, written func(unit string, decimal bool) bool) bool {
	found := false
	readings(norm, func(v float64, unit string, decimal, _ bool, _ int) bool {
		found = written(unit, decimal) && fever(v, unit, decimal)
		return !found
	})
	return found
}

// readings calls yield with each number the temperature pattern finds in a normalised message, with its
// unit ("" for none), whether it has a decimal and where it starts, until yield returns false.
func readings(norm string, yield func(v float64, unit string, decimal, spoken bool, at int) bool) {
	for _, m := range temperature.FindAllStringSubmatchIndex(norm, 16) {
		num, unit := norm[m[2]:m[3]], ""
		if m[4] >= 0 {
			unit = strings.TrimSpace(norm[m[4]:m[5]])
		}
		v, err := strconv.ParseFloat(decimalPoint.Replace(num), 64)
		if err != nil {
			continue
		}
		if !yield(v, unit, strings.ContainsAny(num, ".,،٫"), strings.Contains(num, spokenPoint), m[2]) {
			return
		}
	}
}

// scale is the scale a temperature's unit names, "c" or "f", written short or whole ("°c", "101.5f",
// "celsius", "فهرنهايت"), or "" for none ("degrees", "درجه").
func scale(unit string) string {
	switch unit {
	case "fahrenheit", "فهرنهايت":
		return "f"
	case "celsius", "مئويه", "سيليزيه":
		return "c"
	}
	if strings.HasSuffix(unit, "f") || strings.HasSuffix(unit, "c") {
		return unit[len(unit)-1:]
	}
	return ""
}

// fever reports whether a value read with its unit is a fever: 37.8-43 °C, or 100-110 °F.
func fever(v float64, unit string, decimal bool) bool {
	celsius, fahrenheit := v >= 37.8 && v <= 43, v >= 100 && v <= 110
	switch {
	case unit == "":
		return (celsius || fahrenheit) && decimal // "38.6", "101.8": a thermometer's reading by its form
	case scale(unit) == "f":
		return fahrenheit
	case scale(unit) == "c":
		return celsius
	}
	return celsius || fahrenheit
}

// air reports whether a value told as a temperature is above any body's, 43-60 °C: the weather's.
func air(v float64, unit string) bool {
	return v > 43 && v <= 60 && scale(unit) != "f"
}

// normal reports whether a value read with its unit is a normal body temperature: 35-37.7 °C, or
// 95-99.9 °F.
func normal(v float64, unit string) bool {
	celsius, fahrenheit := v >= 35 && v < 37.8, v >= 95 && v < 100
	switch {
	case scale(unit) == "f":
		return fahrenheit
	case scale(unit) == "c":
		return celsius
	}
	return celsius || fahrenheit
}

// namedBefore reports whether one of words ends the last few words of before.
func namedBefore(before string, words []string) bool {
	last := strings.Fields(before)
	last = last[max(0, len(last)-3):]
	for _, l := range last {
		for _, w := range words {
			if strings.Contains(l, w) {
				return true
			}
		}
	}
	return false
}
