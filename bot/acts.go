package bot

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/spelling"
	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// Reasons a no_match answer gives (Answer.Reason): a conversation act (knowledge.ActNames), or why the
// knowledge has no answer.
const (
	ReasonOutOfScope = "out_of_scope" // the knowledge does not cover it, or recognises it as outside it
	ReasonUnsure     = "unsure"       // plausible topics, none sure enough: offered as buttons
	ReasonEmpty      = "empty"        // nothing to read
)

// acts recognises conversation acts in a message ("hi", "thanks 👍", "can I talk to a nurse?"). A
// handoff phrase anywhere makes the message a handoff; any other act counts only when the message holds
// nothing but acts and filler words, so that "hi, can I drive home after?" is searched.
type acts struct {
	langs  []*actLang // the knowledge's languages, in order
	filler map[string]bool
	// latin are the words of Arabic acts written in Latin letters ("marhaba", "mashy", "akalem"), with
	// the language they are: an act read in a Latin message holding one is answered in that language.
	latin map[string]string
	// spell reads a word that neither the acts, the filler nor the knowledge know as the act word
	// nearest in spelling ("persn", "resceduale"); known are the words it leaves as written.
	spell *spelling.Speller
	// topical reads the same word as the knowledge's word nearest in spelling: a word nearer one of the
	// knowledge's than an act's is no act's ("rejektion" is rejection, not reception).
	topical *spelling.Speller
	vocab   map[string]int // the acts' words
	known   map[string]bool
	// canon reads a word as the act word the knowledge's lexicons make it a variant of ("apointment",
	// "booking": appointment).
	canon map[string]string
	// arabizi reads an Arabizi message in Arabic script with the Arabic acts' own words, as the search's
	// reader does with the knowledge's: "3ayez alghy el mo3ad" is عايز الغي موعد, whose handoff the Arabic
	// phrases find however the Latin letters spell it.
	arabizi *textnorm.Transliterator
}

type actLang struct {
	lang     string
	byFirst  map[string][]actPhrase // phrases by their first word, longest first
	patterns []actPattern           // phrases of slots ("book | cancel + appointment | consult")
	symbols  map[string]string      // phrases with no words ("👍") -> act
	marks    []string               // the symbols, in the order of the acts' phrases
	replies  map[string]string      // act -> reply
}

type actPhrase struct {
	act   string
	words []string
}

// actPattern is a phrase of slots joined by " + ", each slot alternatives joined by " | ": it is found
// when every slot has one of its alternatives within a few words (patternSpan), outside the phrases
// found there, in any order ("could someone give me a call back": call + back).
type actPattern struct {
	act   string
	slots [][][]string
}

// newPattern reads a phrase of slots, its words through read; ok is false for a phrase with no " + ".
func newPattern(act, phrase string, read func([]string) []string) (actPattern, bool) {
	if !knowledge.IsActPattern(phrase) {
		return actPattern{}, false
	}
	pat := actPattern{act: act}
	for _, slot := range strings.Split(phrase, "+") {
		var alts [][]string
		for _, alt := range strings.Split(slot, "|") {
			if words := read(textnorm.Words(textnorm.Normalize(alt))); len(words) > 0 {
				alts = append(alts, words)
			}
		}
		if len(alts) == 0 {
			return actPattern{}, false
		}
		pat.slots = append(pat.slots, alts)
	}
	return pat, len(pat.slots) > 1
}

// choiceSlots is how many slots an identity pattern has that asks who answers as a choice ("person + or +
// bot"): found, it is the message's act though a handoff's words come first ("am I talking to a human or
// a program?").
const choiceSlots = 3

// patternWords is the longest message patterns are read in: a short message that mentions booking asks
// for it; a long one may only tell of it ("before I even book the consultation").
const patternWords = 15

// patternSpan is the most words a pattern's slots may spread over: "could someone give me a call back"
// is a request, a long message with "phone" in one sentence and "me" in another is not.
const patternSpan = 6

// match finds the pattern in words outside taken, its slots within patternSpan words, returning where
// it starts and marking the words it used as taken.
func (p actPattern) match(words []string, taken []bool) (int, bool) {
	for start := range words {
		end := min(len(words), start+patternSpan)
		used := slices.Clone(taken)
		first := end
		ok := true
		for _, slot := range p.slots {
			at := slotAt(slot, words[:end], used, start)
			if at < 0 {
				ok = false
				break
			}
			first = min(first, at)
		}
		if ok && first == start {
			copy(taken, used)
			return start, true
		}
	}
	return 0, false
}

// possible reports whether every slot has an alternative whose first word is among a message's words,
// with or without the Arabic article (present holds both): a pattern that cannot match is not tried at
// every word.
func (p actPattern) possible(present map[string]bool) bool {
	for _, slot := range p.slots {
		if !slices.ContainsFunc(slot, func(alt []string) bool { return present[textnorm.StripDefiniteArticle(alt[0])] }) {
			return false
		}
	}
	return true
}

// slotAt finds one of a slot's alternatives in words from start on, outside used, marks its words used
// and returns where it is, or -1.
func slotAt(slot [][]string, words []string, used []bool, start int) int {
	for i := start; i < len(words); i++ {
		for _, alt := range slot {
			if i+len(alt) <= len(words) && slices.EqualFunc(words[i:i+len(alt)], alt, sameWord) && !slices.Contains(used[i:i+len(alt)], true) {
				for j := range alt {
					used[i+j] = true
				}
				return i
			}
		}
	}
	return -1
}

// sameWord reports whether a message's word is a pattern's, with or without the Arabic article: a slot's
// "ساعه" (hour) is the message's "الساعه" ("الدوام عندكم لين كم الساعة؟", until what time are you open?).
func sameWord(w, alt string) bool {
	return w == alt || textnorm.StripDefiniteArticle(w) == textnorm.StripDefiniteArticle(alt)
}

// newActs reads the acts of bank over the embedded defaults: the bank's phrases add to them, its replies
// replace them. Filler words are the bank's stopwords in every language.
func newActs(bank *knowledge.Bank) (*acts, error) {
	defaults, err := knowledge.DefaultActs()
	if err != nil {
		return nil, err
	}
	a := &acts{filler: map[string]bool{}, latin: map[string]string{}, vocab: map[string]int{}, known: map[string]bool{}}
	for _, lex := range bank.Lexicons {
		for _, w := range lex.Stopwords {
			for _, f := range textnorm.Words(textnorm.Normalize(w)) {
				a.filler[f] = true
			}
		}
	}
	for _, w := range []string{"w", "wa", "we"} { // Arabizi's "and" written apart: "bslama w merci"
		a.filler[w] = true
	}
	phrases := func(lang, name string) []string {
		return slices.Concat(defaults[lang][name].Phrases, bank.Acts[lang][name].Phrases)
	}
	var arabic []string
	slots := strings.NewReplacer("|", " ", "+", " ") // a pattern's words, as a phrase's
	for _, lang := range knowledge.Languages() {
		for _, name := range knowledge.ActNames() {
			for _, p := range phrases(lang, name) {
				text := slots.Replace(p)
				for _, w := range textnorm.Words(textnorm.Normalize(text)) {
					a.vocab[w]++
				}
				if lang == knowledge.Arabic {
					arabic = append(arabic, text)
				}
			}
		}
	}
	a.arabizi = textnorm.NewTransliterator(arabic)
	a.learnVariants(bank)
	for _, lang := range knowledge.Languages() {
		al := &actLang{lang: lang, byFirst: map[string][]actPhrase{}, symbols: map[string]string{}, replies: map[string]string{}}
		for _, name := range knowledge.ActNames() {
			al.replies[name] = cmp.Or(bank.Acts[lang][name].Reply, defaults[lang][name].Reply)
			for _, p := range phrases(lang, name) {
				if pat, ok := newPattern(name, p, a.variantsRead); ok {
					al.patterns = append(al.patterns, pat)
				} else if words := a.variantsRead(textnorm.Words(textnorm.Normalize(p))); len(words) > 0 {
					al.byFirst[words[0]] = append(al.byFirst[words[0]], actPhrase{act: name, words: words})
					if bare := withoutEnglishArticles(words); len(bare) > 1 && len(bare) < len(words) {
						al.byFirst[bare[0]] = append(al.byFirst[bare[0]], actPhrase{act: name, words: bare})
					}
					if lang != knowledge.English && textnorm.Detect(p) == knowledge.English {
						for _, w := range words {
							a.latin[w] = lang
						}
					}
				} else if s := strings.TrimSpace(p); s != "" {
					al.symbols[s] = name
					al.marks = append(al.marks, s)
				}
			}
		}
		for _, ps := range al.byFirst {
			slices.SortStableFunc(ps, func(x, y actPhrase) int { return len(y.words) - len(x.words) })
		}
		a.langs = append(a.langs, al)
	}
	for _, al := range a.langs { // "bye" and "help" are in the Arabic acts too, but they are English
		if al.lang == knowledge.English {
			for _, ps := range al.byFirst {
				for _, p := range ps {
					for _, w := range p.words {
						delete(a.latin, w)
					}
				}
			}
		}
	}
	a.learnSpelling(bank)
	return a, nil
}

// withoutEnglishArticles is a phrase's words without English's articles (textnorm.EnglishArticles):
// "make an appointment" is found in "I want make appointment" too.
func withoutEnglishArticles(words []string) []string {
	return slices.DeleteFunc(slices.Clone(words), func(w string) bool { return textnorm.EnglishArticles[w] })
}

// learnVariants reads the knowledge's lexicons for the one-word variants of the acts' words
// ("apointment", "booking": appointment), and chat's spellings of them (textnorm.ChatEnglish: "u", you).
// The acts' own phrases are read through them as a message is, so a phrase written with a variant ("r u
// a bot") still matches.
func (a *acts) learnVariants(bank *knowledge.Bank) {
	a.canon = map[string]string{}
	for chat, word := range textnorm.ChatEnglish {
		if a.vocab[word] > 0 {
			a.canon[chat] = word
		}
	}
	// Arabizi leaves the article apart ("el 3eyada"), and it is read without it, where three letters or more
	// are left ("الله" is no له)
	for w := range a.vocab {
		if bare := textnorm.StripDefiniteArticle(w); bare != w && a.vocab[bare] == 0 {
			a.canon[bare] = w
		}
	}
	for _, lex := range bank.Lexicons {
		for canonical, variants := range lex.Synonyms {
			if a.vocab[canonical] == 0 {
				continue
			}
			for _, v := range variants {
				if words := textnorm.Words(textnorm.Normalize(v)); len(words) == 1 && words[0] != canonical {
					a.canon[words[0]] = canonical
				}
			}
		}
	}
}

// variantsRead is words with each lexicon variant read as its act word; words itself when none is.
func (a *acts) variantsRead(words []string) []string {
	return rewritten(words, func(w string) string { return a.canon[w] })
}

// learnSpelling makes the speller of the acts' words, and the words it leaves alone: the acts', the
// filler and every word of the knowledge.
func (a *acts) learnSpelling(bank *knowledge.Bank) {
	a.spell = spelling.New(a.vocab, nil)
	counts := map[string]int{}
	for _, e := range bank.Entries {
		for _, text := range textnorm.EntryTexts(e) {
			for _, w := range textnorm.Words(textnorm.Normalize(text)) {
				a.known[w] = true
				counts[w]++
			}
		}
	}
	a.topical = spelling.New(counts, nil)
	for w := range a.vocab {
		if short := drawnOut(w); !a.known[w] && a.vocab[short] > a.vocab[w] {
			a.canon[w] = short // a taught phrase's "hii" is the act word "hi" drawn out
		}
		a.known[w] = true
	}
	for w := range a.filler {
		a.known[w] = true
	}
}

// drawnOut is a word with its last letter drawn out once less ("hii", "okk"), or "" when it does not end
// in a doubled letter.
func drawnOut(w string) string {
	last, n := utf8.DecodeLastRuneInString(w)
	if n < len(w) && strings.HasSuffix(w[:len(w)-n], string(last)) {
		return w[:len(w)-n]
	}
	return ""
}

// spelled reads each word of a message as the act word it was meant to be: a lexicon's variant as its
// act word ("apointment"); a word nobody here knows with its last letter drawn out once less ("heyy",
// "thankss"), else as the act word nearest in spelling. words is left as it is; a copy is returned when a
// word changes.
func (a *acts) spelled(words []string) []string {
	return rewritten(words, a.respelled)
}

// rewritten is words with each word that as gives a word for ("" for none) replaced by it: words itself
// when none is, else a copy.
func rewritten(words []string, as func(string) string) []string {
	out := words
	for i, w := range words {
		fixed := as(w)
		if fixed == "" {
			continue
		}
		if &out[0] == &words[0] {
			out = slices.Clone(words)
		}
		out[i] = fixed
	}
	return out
}

// respelled is the act word a word was meant to be, or "" when it is as meant.
func (a *acts) respelled(w string) string {
	if c := a.canon[w]; c != "" {
		return c
	}
	if a.known[w] {
		return ""
	}
	if short := drawnOut(w); a.vocab[short] > 0 {
		return short
	}
	if !spelling.Correctable(w) {
		return ""
	}
	c := a.spell.Correct(w)
	if t := a.topical.Correct(w); c != "" && t != "" && t != c && a.vocab[t] == 0 && spelling.Nearer(w, t, c) {
		return "" // "rejektion" is rejection, one letter away, before reception, two
	}
	return cmp.Or(a.canon[c], c) // the speller knows the acts' words as written, variants too
}

// match returns the act a message is (words as textnorm.Words of its normalised text, raw as written),
// the language to reply in and the reply: lang's phrases are tried first, then the other languages'
// ("shukran" is Arabic written in Latin letters). held also takes an act the message holds beside other
// words ("thanks so much, that put my mind at rest").
func (a *acts) match(words []string, raw, lang string, held bool) (act, replyLang, reply string, ok bool) {
	raw = strings.TrimSpace(raw)
	words = a.spelled(words)
	for _, first := range []bool{true, false} {
		for _, al := range a.langs {
			if (al.lang == lang) != first {
				continue
			}
			if act, ok := al.read(words, raw, a.filler, held); ok {
				return act, al.lang, al.replies[act], true
			}
		}
	}
	return "", "", "", false
}

// maxHeldWords is the most words an act held beside other words may leave out of its phrases (filler
// aside): a remark ("that put my mind at rest"), not a question of its own.
const maxHeldWords = 6

// read finds the act of a message in one language's phrases: a handoff anywhere (an identity question
// before it), a goodbye with thanks, thanks with an acknowledgement, else the act whose phrases hold most of its words, the most decisive
// of a tie ("thank you very much for your kind help" thanks, though "help" is a phrase too); held also
// takes one beside a few other words.
func (al *actLang) read(words []string, raw string, filler map[string]bool, held bool) (string, bool) {
	if len(words) == 0 {
		act, ok := al.symbols[raw]
		return act, ok
	}
	found := map[string]int{} // act -> 1 + the word its first phrase starts at
	covered := map[string]int{}
	taken := make([]bool, len(words))
	for i, p := range al.cover(words, filler) {
		if p != nil {
			covered[p.act] += len(p.words)
			if found[p.act] == 0 {
				found[p.act] = i + 1
			}
			for j := range p.words {
				taken[i+j] = true
			}
		}
	}
	used := make([]bool, len(words)) // another act's phrase may be a pattern's: "r u a real human"
	var present map[string]bool
	if len(words) <= patternWords && len(al.patterns) > 0 {
		present = make(map[string]bool, len(words))
		for _, w := range words {
			present[w], present[textnorm.StripDefiniteArticle(w)] = true, true
		}
	}
	choice := false // who answers is asked as a choice: "a real person or a bot?"
	for _, p := range al.patterns {
		if len(words) > patternWords {
			break
		}
		if !p.possible(present) {
			continue
		}
		clear(used)
		at, ok := p.match(words, used)
		choice = choice || ok && p.act == knowledge.ActIdentity && len(p.slots) >= choiceSlots
		if ok && (found[p.act] == 0 || at+1 < found[p.act]) {
			found[p.act] = at + 1
			for i := range used {
				taken[i] = taken[i] || used[i]
			}
		}
	}
	if held {
		for _, mark := range al.marks { // "واضح 👌": a symbol beside a remark
			if act := al.symbols[mark]; found[act] == 0 && strings.Contains(raw, mark) {
				found[act] = len(words) + 1
			}
		}
	}
	content := 0
	for i, w := range words {
		if !taken[i] && !filler[w] {
			content++
		}
	}
	if h := found[knowledge.ActHandoff]; h > 0 {
		if id := found[knowledge.ActIdentity]; id > 0 && (id < h || choice) {
			return knowledge.ActIdentity, true // "am I talking to a real person?", "a person or a bot?" ask who answers
		}
		return knowledge.ActHandoff, true
	}
	if content > 0 && (!held || content > maxHeldWords) {
		return "", false
	}
	if found[knowledge.ActGoodbye] > 0 && found[knowledge.ActThanks] > 0 {
		return knowledge.ActGoodbye, true // thanks in a farewell takes leave ("باي، يعطيك العافية", bye, thanks)
	}
	if found[knowledge.ActThanks] > 0 && found[knowledge.ActAck] > 0 {
		return knowledge.ActThanks, true // an acknowledgement with thanks thanks ("ok تمام thanks")
	}
	best := ""
	for _, name := range knowledge.ActNames() {
		if found[name] > 0 && (best == "" || covered[name] > covered[best]) {
			best = name
		}
	}
	return best, best != ""
}

// latinLang is the language of the first word of a Latin message that Arabic acts use in Latin letters,
// or "".
func (a *acts) latinLang(words []string) string {
	for _, w := range words {
		if l := a.latin[w]; l != "" {
			return l
		}
	}
	return ""
}

// opensEnglish reports whether w, or the act word it is a variant of ("thnks"), opens a phrase of the
// English acts ("thanks", "hello").
func (a *acts) opensEnglish(w string) bool {
	for _, al := range a.langs {
		if al.lang == knowledge.English {
			_, ok := al.byFirst[cmp.Or(a.canon[w], w)]
			return ok
		}
	}
	return false
}

// reply is act's reply in lang.
func (a *acts) reply(lang, act string) string {
	for _, al := range a.langs {
		if al.lang == lang {
			return al.replies[act]
		}
	}
	return ""
}

// cover reads a message as act phrases and other words, and returns the phrase that starts at each word
// (nil for none): it leaves as few content words (not filler) out
// of phrases as it can, then puts as many words as it can in phrases, in as few as it can: "am I talking
// to a real person or a bot" is "am I talking to" + "a real person or a bot", not "am I talking to a real
// person" + "or a bot".
func (al *actLang) cover(words []string, filler map[string]bool) []*actPhrase {
	n := len(words)
	type best struct{ content, covered, parts int }
	better := func(a, b best) bool {
		if a.content != b.content {
			return a.content < b.content
		}
		if a.covered != b.covered {
			return a.covered > b.covered
		}
		return a.parts < b.parts
	}
	cost := make([]best, n+1)
	choice := make([]*actPhrase, n)
	for i := n - 1; i >= 0; i-- {
		c := cost[i+1]
		if !filler[words[i]] {
			c.content++
		}
		cost[i], choice[i] = c, nil
		for k, p := range al.byFirst[words[i]] {
			if i+len(p.words) > n || !slices.Equal(words[i:i+len(p.words)], p.words) {
				continue
			}
			c := cost[i+len(p.words)]
			c.covered += len(p.words)
			c.parts++
			if better(c, cost[i]) {
				cost[i], choice[i] = c, &al.byFirst[words[i]][k]
			}
		}
	}
	starts := make([]*actPhrase, n)
	for i := 0; i < n; {
		if p := choice[i]; p != nil {
			starts[i] = p
			i += len(p.words)
			continue
		}
		i++
	}
	return starts
}

// act answers a conversation act: status no_match with the act as its reason, in the act's language;
// a greeting or a request for help offers the topics, a handoff and the question "are you a bot?" the
// clinic's contact.
func (e *Engine) act(a Answer, act, lang, reply string) Answer {
	a.Lang, a.Disclaimer = lang, e.messages[lang].Disclaimer
	a.Status, a.Reason, a.Reply = NoMatch, act, reply
	switch act {
	case knowledge.ActHandoff, knowledge.ActIdentity:
		a.Reply = e.withContact(reply, lang)
	case knowledge.ActGreeting, knowledge.ActHelp:
		a.Suggestions = e.suggestions(nil, lang)
	}
	return a
}

// opening is how many of a message's first words (textnorm.Words of its normalised text) greet or thank
// before what it asks ("السلام عليكم، هل العلاج يسبب ألماً؟", "thanks for the info. one more thing…"):
// greeting and thanks phrases, with filler words between them, in any language's phrases; 0 when none
// opens it.
func (a *acts) opening(words []string) int {
	words = a.spelled(words)
	n := 0
	for _, al := range a.langs {
		n = max(n, al.opening(words, a.filler))
	}
	return n
}

// opening is acts.opening in one language's phrases.
func (al *actLang) opening(words []string, filler map[string]bool) int {
	end, i := 0, 0
	for i < len(words) {
		k := 0
		for _, p := range al.byFirst[words[i]] {
			if (p.act == knowledge.ActGreeting || p.act == knowledge.ActThanks) && len(p.words) > k &&
				i+len(p.words) <= len(words) && slices.Equal(words[i:i+len(p.words)], p.words) {
				k = len(p.words)
			}
		}
		switch {
		case k > 0:
			i += k
			end = i
		case filler[words[i]]:
			i++
		default:
			return end
		}
	}
	return end
}
