package bot

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/faqbot/faqbot/internal/textclass"
	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

//go:embed redflags.yaml
var redFlagsYAML []byte

// arabiziRules names the rules Arabizi is read by (the Arabic ones, as consonant skeletons) among the
// languages' rules: a pseudo-language of triage's own, never a question's or an answer's language.
const arabiziRules = "az"

// maxBridge is how many filler words may stand between a negation and a symptom ("don't have a fever",
// "لا أعاني من أي ضيق في التنفس", I do not suffer from any shortness of breath).
const maxBridge = 3

// Triage recognises red-flag symptoms in a message, in English and Arabic, before any search.
type Triage struct {
	langs  map[string]*triageLang // by language, and arabiziRules
	model  *textclass.Model
	policy learnedPolicy
	breaks map[string]bool // words that start a new sentence for the context (redflags.yaml clause_breaks)
	// continues are words that make a sentence go on the one before it (redflags.yaml continuations).
	continues map[string]bool
	// progressive are the particles of the progressive, dropped before reading (redflags.yaml progressive).
	progressive map[string]bool
	// temperatureWords name a temperature: a number in the normal range right after one is a reading
	// (redflags.yaml temperature_words).
	temperatureWords []string
	// bodyTemperatureSkeletons are the consonant skeletons of body_temperature_words' single Arabic words of
	// three consonants or more ("حرارتي", my temperature, "Hrrt"): an Arabizi word with one names a body's
	// temperature ("7raarti", "7arareti").
	bodyTemperatureSkeletons []string
	// feverMedicines bring a fever down: a normal reading in a message naming one may be theirs, not the
	// fever's end (redflags.yaml fever_medicines).
	feverMedicines []string
	// bodyTemperatureWords name a body's temperature as such: without one, a fever-range reading in a
	// message that tells the weather is the air's (redflags.yaml body_temperature_words).
	bodyTemperatureWords []string
	// ownedTemperatureWords name someone's temperature ("her temperature", حرارتها): a reading told with
	// one is a report, whatever the message asks (redflags.yaml owned_temperature_words).
	ownedTemperatureWords []string
	// feverSigns are a fever's own signs (chills, shivering): a reading told beside one is a report,
	// whatever the message asks (redflags.yaml fever_signs).
	feverSigns []string
	// airTemperatures name the air's temperature, normalised and padded with a space either side
	// (redflags.yaml air_temperatures).
	airTemperatures []string
	// countTimes, countPlural and countMany are the words of a count (redflags.yaml counts).
	countTimes, countPlural, countMany map[string]bool
	// countable are the rules whose sign a count tells (redflags.yaml counted).
	countable map[string]bool
}

// Tier is how soon a message needs a person.
type Tier string

// Tiers, most urgent first. A message with no red flag has the empty Tier.
const (
	Emergency Tier = "emergency" // call emergency services now
	Clinic    Tier = "clinic"    // contact the clinic today
)

// Verdict is what triage read in a message: the most urgent red flag reported as happening now, and
// the red flags it saw but set aside (negated, history, a chronic condition, a hypothetical), for
// --explain.
type Verdict struct {
	Tier     Tier       `json:"tier,omitempty"`
	Flag     string     `json:"flag,omitempty"`
	SetAside []SetAside `json:"set_aside,omitempty"`
	Learned  *Learned   `json:"learned,omitempty"`

	skeleton bool // the red flag was read as Arabizi consonant skeletons, which words of other meanings share
	// theirs: the red flag's words are told as a relative's or friend's, going on as the writer speaks
	// ("my son is having a seizure, I need to cancel my appointment"): the learned layer, which learned
	// someone else's signs as no red flag, sets no emergency of theirs aside.
	theirs bool
	// local: an emergency's sign the rules made a clinic call as placed at the injection site
	// (slight_clinic), the injection's own swelling: the learned layer raises it to an emergency only
	// where it is all but sure (urgent_over: a face swollen shut, wheezing, itching all over).
	local bool
}

// SetAside is a red flag seen in a message and not escalated, with the reason (negated, history,
// chronic, hypothetical, question, or "learned" when the learned layer read none).
type SetAside struct {
	Flag   string `json:"flag"`
	Reason string `json:"reason"`
	// skeleton: the red flag and its context were read as Arabizi consonant skeletons, whose reading of
	// negation, time and hypotheticals is the least sure.
	skeleton bool
}

// Urgent reports whether the message needs a person rather than an answer.
func (v Verdict) Urgent() bool { return v.Tier != "" }

// contextual reports whether a red flag was set aside for its context (history, chronic, hypothetical)
// rather than negated or cancelled: a temperature in such a message is read the same way. A question is
// no such context for a temperature: a reading is a report ("is 38.3 a fever? it keeps creeping up").
func (v Verdict) contextual() bool {
	return slices.ContainsFunc(v.SetAside, func(s SetAside) bool {
		return s.Reason != "negated" && s.Reason != reasonUnless && s.Reason != reasonNormal && s.Reason != "question"
	})
}

// overOrMaybe reports whether every red flag v's context set aside was set aside as over (resolved,
// history) or as what might be (hypothetical), not as someone else's, a joke, the weather or asked.
func (v Verdict) overOrMaybe() bool {
	return !slices.ContainsFunc(v.SetAside, func(s SetAside) bool {
		switch s.Reason {
		case "resolved", "history", "hypothetical", "negated", reasonUnless, reasonNormal:
			return false
		}
		return true
	})
}

// reasonNormal is why a fever was set aside when the message gives a normal temperature ("temp 37.2").
const reasonNormal = "normal reading"

// reasonUnless is why a red flag was set aside when a rule's `unless` phrase is in the message ("confused
// about the preparation").
const reasonUnless = "unless"

// reasonOther is why a sign was set aside as someone else's: a relative's the writer sets apart from
// their own, an animal's, or those the writer meets at work ("I'm an ER nurse").
const reasonOther = "other"

// reasonJoke is why a sign was set aside in a sentence its writer takes back as a joke ("waiting for my
// results is giving me chest pains lol jk").
const reasonJoke = "joke"

// reasonLocal is why a sign told slight and at the injection site was set aside: the injection's own
// swelling ("cheek a bit puffy where the face injections were").
const reasonLocal = "local"

// reasonEasing is why a pain told easing day by day was set aside: "a mild ache, better every day",
// "وجع خفيف بس دا يخف يوم بعد يوم" (a light pain, but it is easing day by day). A worsening, not an
// easing, is the warning sign.
const reasonEasing = "easing"

// reasonWeather is why a sign the heat can give was set aside in a sentence about the weather ("45
// degrees outside, I'm sweating buckets"), or a number in the fever range said of the weather.
const reasonWeather = "weather"

type triageLang struct {
	script       script
	negators     map[string]bool
	exceptions   map[string]bool // end a negation's reach: "nothing but a fever", "ما عندي شي غير ألم"
	anything     map[string]bool // what a negation of nothing in particular denies: "no problems except"
	bridges      map[string]bool
	coordinators map[string]bool
	adding       map[string]bool // "and a": a coordinator and an article, joined by a space
	conjunctions map[string]bool
	links        map[string]bool
	determiners  map[string]bool
	plain        map[string]bool     // Arabizi words read as themselves only (redflags.yaml arabizi_plain)
	borrowed     map[string][]string // English words read as Arabic ones too, as their forms (redflags.yaml borrowed)
	// parts, fine and copulas read a body part or function told fine right after it: "lips fine",
	// "breathing is normal", "شفايفي طبيعية" (none in Arabizi, whose skeletons are too loose for it).
	parts, fine, copulas map[string]bool
	unable               []phrase // before a part, make its "fine" what is missing: "not able to breathe good"
	context              contextMarkers
	rules                []triageRule
	// openers holds, for each first word of a phrase in a pattern's first slot, the patterns (numbered
	// across the rules in order) it may open: a message holding none of a pattern's openers cannot match
	// it, and check reads only the patterns some word of the message opens.
	openers map[string][]int
}

type triageRule struct {
	id       string
	tier     Tier
	weather  bool     // its signs may be the weather's (a sentence about the heat sets them aside)
	reading  bool     // it tells of a temperature taken: a normal reading in the message sets it aside
	asked    bool     // it names a fever: a normal reading in a message that only asks sets it aside
	local    bool     // told slight and at the injection site, it is the injection's own
	easing   bool     // told easing day by day, it is healing as expected
	slight   bool     // told slight, it is a clinic call, not an emergency
	patterns [][]slot // a pattern matches when each of its slots does
	number   int      // the number of its first pattern in triageLang.openers
	unless   []phrase
	// stopped tell its sign has stopped ("stopped after I pressed on it"), whatever its tier, unless
	// restarted follows ("stopped, then started again").
	stopped, restarted []phrase
}

// slot is the alternative phrases of one part of a pattern, grouped by their first word so that a
// message is searched once for each first word.
type slot []phraseGroup

type phraseGroup struct {
	first   string
	phrases []phrase // each begins with first
}

type phrase []string // words

type redFlagsFile struct {
	Negators map[string][]string `yaml:"negators"`
	// Exceptions end a negation's reach: what follows them is told, not denied ("nothing but a fever",
	// "ما عندي شي غير ألم في صدري", nothing except a pain in my chest).
	Exceptions map[string][]string `yaml:"exceptions"`
	// Anything is what a negation of nothing in particular denies, before an exception: "no problems
	// except", "مفيش حاجة غير".
	Anything map[string][]string `yaml:"anything"`
	Bridges  map[string][]string `yaml:"bridges"`
	// ArabiziCommon are everyday Arabizi words whose skeletons must not stand for a symptom alone.
	ArabiziCommon []string `yaml:"arabizi_common"`
	// ArabiziPlain are everyday Arabizi words read as themselves only, never as a symptom's skeleton.
	ArabiziPlain []string `yaml:"arabizi_plain"`
	// ArabiziNotSigns are everyday Arabizi words whose skeletons no word of a symptom stands for, though
	// the context still reads them.
	ArabiziNotSigns []string `yaml:"arabizi_not_signs"`
	// Borrowed are the English words Arabic and Arabizi messages borrow, each with the Arabic words the
	// Arabic rules read it as: "el pain fe dahri bayza kol yom aktar" (the pain in my back grows more every
	// day).
	Borrowed map[string][]string `yaml:"borrowed"`
	// Coordinators carry a negation over to the next symptom: "no fever or redness".
	Coordinators map[string][]string `yaml:"coordinators"`
	// Adding are a coordinator and the article after it that add a thing had to a denied one: "no
	// energy and a fever of 39".
	Adding map[string][]string `yaml:"adding"`
	// Conjunctions make a negator right after them a conjunction's part: "لحد ما اشوف" (until I see).
	Conjunctions map[string][]string `yaml:"conjunctions"`
	// Links tie a word to the noun before them, whose negation it shares: "no pain in my chest"
	// (determiners, "my", may stand between the link and the word).
	Links       map[string][]string `yaml:"links"`
	Determiners map[string][]string `yaml:"determiners"`
	// FineParts, FineWords and FineCopulas: a part told fine right after it is denied ("lips fine").
	FineParts   map[string][]string `yaml:"fine_parts"`
	FineWords   map[string][]string `yaml:"fine_words"`
	FineCopulas map[string][]string `yaml:"fine_copulas"`
	// FineUnable, right before a part, tell it is not fine: "not able to breath good", "ما اقدر اخذ نفسي
	// زين".
	FineUnable map[string][]string            `yaml:"fine_unable"`
	Context    map[string]map[string][]string `yaml:"context"` // marker kind -> language -> phrases
	// ClauseBreaks start a new clause, where a context of someone else's stops: "but", "لكن".
	ClauseBreaks map[string][]string `yaml:"clause_breaks"`
	// Progressive are the particles of the progressive, which the rules drop: "ما عم يوقف" reads as "ما
	// يوقف" (does not stop), "ما قاعد اقدر اتنفس" as "ما اقدر اتنفس" (I can't breathe).
	Progressive map[string][]string `yaml:"progressive"`
	// Continuations open a sentence that goes on the one before it: "… an allergic reaction? like hives?".
	Continuations map[string][]string `yaml:"continuations"`
	// TemperatureWords name a body temperature, as parts of normalised words ("حرار" in الحرارة).
	TemperatureWords []string `yaml:"temperature_words"`
	// BodyTemperatureWords name a body's temperature as such, as parts of normalised words ("حرارتي").
	BodyTemperatureWords []string `yaml:"body_temperature_words"`
	// OwnedTemperatureWords name someone's temperature, as parts of normalised words ("her temp").
	OwnedTemperatureWords []string `yaml:"owned_temperature_words"`
	// FeverSigns are a fever's own signs, as parts of normalised words ("shiver" in shivering).
	FeverSigns []string `yaml:"fever_signs"`
	// Counts are the words of a count of how often a sign came (counted).
	Counts struct {
		Times  []string `yaml:"times"`
		Plural []string `yaml:"plural"`
		Many   []string `yaml:"many"`
	} `yaml:"counts"`
	// FeverMedicines bring a fever down, as parts of normalised words ("panadol", "خافض").
	FeverMedicines []string `yaml:"fever_medicines"`
	// AirTemperatures name the air's temperature, not the body's ("the outside temperature", "حرارة
	// الجو"): a temperature word in one of them names no body temperature.
	AirTemperatures map[string][]string `yaml:"air_temperatures"`
	// Classes are named word classes a pattern's slot may name as "@name" for all their phrases in its
	// language: "@unable + نتنفس" reads every dialect's way of being unable before "breathe".
	Classes map[string]map[string][]string `yaml:"classes"`
	Learned learnedPolicy                  `yaml:"learned"`
	Rules   []struct {
		ID   string `yaml:"id"`
		Tier Tier   `yaml:"tier"`
		// Weather: the rule's signs may come from the heat or the cold as well as a fever.
		Weather bool `yaml:"weather"`
		// Reading: the rule tells of a temperature taken, with no fever named; the number read decides.
		Reading bool `yaml:"reading"`
		// Asked: the rule names a fever, which a message giving a normal reading and only asking asks
		// about ("temperature is 37.0 today, is it a fever?"): the number decides.
		Asked bool `yaml:"asked_reading"`
		// Local: the rule's sign, told slight and at the injection site, is the injection's own.
		Local bool `yaml:"local"`
		// Easing: the rule's sign, told easing day by day in its sentence, is healing as expected.
		Easing bool `yaml:"easing"`
		// SlightClinic: the rule's sign, an emergency's, is a clinic call in a message that tells
		// something slight ("face a bit puffy") or places it at the injection site ("مكان الحقنة في وشي
		// … منفوخ", the injection site on my face is puffy): the injection's own swelling, not anaphylaxis.
		SlightClinic bool `yaml:"slight_clinic"`
		// Counted: the rule's sign is told by how often it came ("threw up 10 times"): a count in the
		// message is a measure the learned layer may not set aside (counted).
		Counted bool     `yaml:"counted"`
		EN      []string `yaml:"en"`
		AR      []string `yaml:"ar"`
		// ARScript: Arabic patterns read in Arabic script only, whose words' consonant skeletons stand for
		// too many others' in Arabizi (the dialects' ارجع, I throw up as often as I go back: "fini erja3 3al
		// running ba3d yomen" asks when to go back to running).
		ARScript []string            `yaml:"ar_script"`
		Unless   map[string][]string `yaml:"unless"`
		// Stopped: phrases that tell the sign has stopped, after it in its sentence and not negated, which
		// set it aside whatever its tier ("a little bleeding, but it stopped after 5 minutes of pressure"),
		// unless a Restarted phrase follows them ("it stopped, then started again").
		Stopped   map[string][]string `yaml:"stopped"`
		Restarted map[string][]string `yaml:"restarted"`
	} `yaml:"rules"`
}

// shippedTriage is NewTriage read once per process: the rules and the model are embedded, immutable and
// shared by every engine (a knowledge reload builds a new engine, not new rules).
var shippedTriage = sync.OnceValues(NewTriage)

// NewTriage reads the red-flag rules shipped with the engine.
func NewTriage() (*Triage, error) {
	var f redFlagsFile
	if err := yaml.Unmarshal(redFlagsYAML, &f); err != nil {
		return nil, fmt.Errorf("red-flag rules: %w", err)
	}
	if err := f.Learned.validate(); err != nil {
		return nil, fmt.Errorf("red-flag rules: %w", err)
	}
	m, err := learnedModel()
	if err != nil {
		return nil, fmt.Errorf("red-flag rules: %w", err)
	}
	t := &Triage{langs: map[string]*triageLang{}, model: m, policy: f.Learned}
	t.temperatureWords, t.feverMedicines = normalizedAll(f.TemperatureWords), normalizedAll(f.FeverMedicines)
	t.bodyTemperatureWords, t.ownedTemperatureWords = normalizedAll(f.BodyTemperatureWords), normalizedAll(f.OwnedTemperatureWords)
	t.feverSigns = normalizedAll(f.FeverSigns)
	t.bodyTemperatureSkeletons = wordSkeletons(t.bodyTemperatureWords)
	t.countTimes, t.countPlural, t.countMany = normalizedSet(f.Counts.Times), normalizedSet(f.Counts.Plural), normalizedSet(f.Counts.Many)
	t.countable = map[string]bool{}
	for _, r := range f.Rules {
		if r.Counted {
			t.countable[r.ID] = true
		}
	}
	for _, phrases := range f.AirTemperatures {
		for _, p := range phrases {
			t.airTemperatures = append(t.airTemperatures, " "+normalize(p)+" ")
		}
	}
	t.breaks, t.continues, t.progressive = normalizedWords(f.ClauseBreaks), normalizedWords(f.Continuations), normalizedWords(f.Progressive)
	for _, l := range []struct {
		name, rules string
		script      script
	}{{knowledge.English, knowledge.English, latin}, {knowledge.Arabic, knowledge.Arabic, arabic}, {arabiziRules, knowledge.Arabic, arabizi}} {
		tl, err := newTriageLang(f, l.rules, l.script)
		if err != nil {
			return nil, fmt.Errorf("red-flag rules: %w", err)
		}
		t.langs[l.name] = tl
	}
	return t, nil
}

// borrowedForms maps each borrowed English word, normalised, to the forms the Arabic words it stands for
// take in the rules' patterns (conv: as written, or as Arabizi's skeletons).
func borrowedForms(borrowed map[string][]string, conv func(phrase) phrase) map[string][]string {
	out := make(map[string][]string, len(borrowed))
	for en, ar := range borrowed {
		w := textnorm.Normalize(en)
		for _, a := range ar {
			if ph := conv(toPhrase(a)); len(ph) == 1 && !slices.Contains(out[w], ph[0]) {
				out[w] = append(out[w], ph[0])
			}
		}
	}
	return out
}

// skeletonSet is every skeleton of the Arabizi words.
func skeletonSet(words []string) map[string]bool {
	set := map[string]bool{}
	for _, w := range words {
		for _, sk := range textnorm.ArabiziSkeletons(w) {
			set[sk] = true
		}
	}
	return set
}

// newTriageLang builds one language's rules. Arabizi uses the Arabic rules, compared as consonant
// skeletons (textnorm.ArabiziSkeletons).
func newTriageLang(f redFlagsFile, lang string, sc script) (*triageLang, error) {
	same := func(p phrase) phrase { return p }
	conv, pattern, markers := same, same, same
	words := func(m map[string][]string) []string {
		return append(slices.Clip(m[knowledge.English]), m[knowledge.Arabic]...)
	}
	if sc == arabizi {
		// a symptom's word stands for neither list's words; the context's for the common ones only
		common, notSigns := skeletonSet(f.ArabiziCommon), skeletonSet(slices.Concat(f.ArabiziCommon, f.ArabiziNotSigns))
		notIn := func(set map[string]bool, p phrase) phrase {
			if len(p) == 1 && set[p[0]] {
				return nil
			}
			return p
		}
		conv = skeletonPhrase
		pattern = func(p phrase) phrase { return notIn(notSigns, skeletonPattern(p)) }
		// A context marker that would lose a word of no consonant is dropped: "اعمل ايه لو" (what do I do
		// if) as "3ml l" would read "3melt la séance" (I had the session) as a hypothetical.
		markers = func(p phrase) phrase {
			if sk := skeletonPhrase(p); len(sk) == len(p) {
				return notIn(common, sk)
			}
			return nil
		}
		words = func(m map[string][]string) []string { return m[knowledge.Arabic] }
	}
	// Patients mix languages: English and Arabic read the negations of both.
	tl := &triageLang{script: sc, negators: wordSet(words(f.Negators), conv), bridges: wordSet(words(f.Bridges), conv),
		exceptions: wordSet(words(f.Exceptions), conv), anything: wordSet(words(f.Anything), conv),
		coordinators: wordSet(words(f.Coordinators), conv), adding: wordSet(words(f.Adding), conv), conjunctions: wordSet(words(f.Conjunctions), conv), links: wordSet(words(f.Links), conv), determiners: wordSet(words(f.Determiners), conv)}
	if sc != arabizi {
		tl.parts, tl.fine, tl.copulas = wordSet(words(f.FineParts), conv), wordSet(words(f.FineWords), conv), wordSet(words(f.FineCopulas), conv)
		for _, w := range words(f.FineUnable) {
			tl.unable = append(tl.unable, conv(toPhrase(w)))
		}
	} else {
		// Arabizi's exceptions are its own words, read as themselves: as skeletons they would be other
		// words' ("bas" and "pus", "ella" and "la").
		tl.plain, tl.exceptions = map[string]bool{}, map[string]bool{}
		for _, w := range f.ArabiziPlain {
			tl.plain[textnorm.Normalize(w)] = true
		}
		for _, w := range f.Exceptions["arabizi"] {
			tl.plain[textnorm.Normalize(w)], tl.exceptions[textnorm.Normalize(w)] = true, true
		}
	}
	if sc != latin {
		tl.borrowed = borrowedForms(f.Borrowed, pattern)
	}
	ctx, err := newContextMarkers(f.Context, lang, sc, markers, tl.negators, tl.plain)
	if err != nil {
		return nil, err
	}
	tl.context = ctx
	for _, r := range f.Rules {
		src := r.EN
		switch {
		case sc == arabic:
			src = slices.Concat(r.AR, r.ARScript)
		case lang == knowledge.Arabic:
			src = r.AR
		}
		if r.Tier != Emergency && r.Tier != Clinic {
			return nil, fmt.Errorf("rule %s: tier %q, want emergency or clinic", r.ID, r.Tier)
		}
		rule := triageRule{id: r.ID, tier: r.Tier, weather: r.Weather, reading: r.Reading, asked: r.Asked, local: r.Local, easing: r.Easing, slight: r.SlightClinic}
		for _, p := range src {
			slots, err := parsePattern(p, pattern, f.Classes, lang)
			if err != nil {
				return nil, fmt.Errorf("rule %s: %w", r.ID, err)
			}
			rule.patterns = append(rule.patterns, slots)
		}
		unless := r.Unless[lang]
		if r.Reading || r.Asked {
			// a temperature the rule reads inside a phrase of the air's is the weather's ("برا الحرارة ٣٨")
			unless = slices.Concat(unless, f.AirTemperatures[lang])
		}
		for _, u := range expandPhrases(unless) {
			if ph := pattern(toPhrase(u)); len(ph) > 0 {
				rule.unless = append(rule.unless, ph)
			}
		}
		rule.stopped, rule.restarted = stopPhrases(r.Stopped, sc, markers), stopPhrases(r.Restarted, sc, markers)
		if len(rule.patterns) == 0 {
			return nil, fmt.Errorf("rule %s has no %s patterns", r.ID, lang)
		}
		tl.rules = append(tl.rules, rule)
	}
	tl.openers = openers(tl.rules)
	return tl, nil
}

// openers numbers the rules' patterns in order (setting each rule's number) and indexes them by the
// first words of their first slot's phrases.
func openers(rules []triageRule) map[string][]int {
	index, n := map[string][]int{}, 0
	for i := range rules {
		rules[i].number = n
		for _, p := range rules[i].patterns {
			for _, g := range p[0] {
				index[g.first] = append(index[g.first], n)
			}
			n++
		}
	}
	return index
}

// opened marks the patterns that some word of the message opens, by number.
func (tl *triageLang) opened(m message) []bool {
	n := 0
	if k := len(tl.rules); k > 0 {
		n = tl.rules[k-1].number + len(tl.rules[k-1].patterns)
	}
	open := make([]bool, n)
	for f := range m.at {
		for _, k := range tl.openers[f] {
			open[k] = true
		}
	}
	return open
}

// stopPhrases are a rule's phrases of its sign stopping, or starting again: in English and Arabic script
// both languages', as patients mix them; in Arabizi the Arabic ones of two words or more, as skeletons
// (one alone is too often another word's).
func stopPhrases(src map[string][]string, sc script, conv func(phrase) phrase) []phrase {
	texts := append(slices.Clip(src[knowledge.English]), src[knowledge.Arabic]...)
	if sc == arabizi {
		texts = src[knowledge.Arabic]
	}
	var out []phrase
	for _, t := range texts {
		if ph := conv(toPhrase(t)); len(ph) > 1 || len(ph) == 1 && sc != arabizi {
			out = append(out, ph)
		}
	}
	return out
}

// stoppedAfter reports whether the rule's sign at word i is told stopped later in its sentence (which
// ends before hi): a stopping phrase of least words or more that no negation stands before, and no
// restarting phrase after it.
func (r triageRule) stoppedAfter(m message, i, hi, least int, negated func(int) bool) bool {
	for _, ph := range r.stopped {
		if len(ph) >= least && m.find(ph, func(at int) bool { return at > i && at < hi && !negated(at) && !r.restartedAfter(m, at, hi, negated) }) {
			return true
		}
	}
	return false
}

// restartedAfter reports whether a restarting phrase no negation stands before is in words (at, hi): "ما
// رجع" (it has not come back) tells it stayed stopped.
func (r triageRule) restartedAfter(m message, at, hi int, negated func(int) bool) bool {
	return slices.ContainsFunc(r.restarted, func(ph phrase) bool {
		return m.find(ph, func(k int) bool { return k > at && k < hi && !negated(k) })
	})
}

// parsePattern reads a pattern of slots joined by " + ", each of alternatives joined by "|"; an
// alternative "@name" stands for every phrase of that word class in lang.
func parsePattern(p string, conv func(phrase) phrase, classes map[string]map[string][]string, lang string) ([]slot, error) {
	var slots []slot
	for _, s := range strings.Split(p, " + ") {
		var alts slot
		texts, err := expandClasses(strings.Split(s, "|"), classes, lang)
		if err != nil {
			return nil, err
		}
		for _, alt := range texts {
			ph := conv(toPhrase(alt))
			if len(ph) == 0 {
				continue
			}
			i := slices.IndexFunc(alts, func(g phraseGroup) bool { return g.first == ph[0] })
			if i < 0 {
				i = len(alts)
				alts = append(alts, phraseGroup{first: ph[0]})
			}
			alts[i].phrases = append(alts[i].phrases, ph)
		}
		slots = append(slots, alts)
	}
	return slots, nil
}

// expandClasses replaces each alternative "@name" with the phrases of that word class in lang, whose
// alternatives are read as a context phrase's ("ايدي|رجلي اليمين|اليسار" is four phrases).
func expandClasses(alts []string, classes map[string]map[string][]string, lang string) ([]string, error) {
	var out []string
	for _, alt := range alts {
		name, ok := strings.CutPrefix(strings.TrimSpace(alt), "@")
		if !ok {
			out = append(out, alt)
			continue
		}
		phrases := classes[name][lang]
		if len(phrases) == 0 {
			return nil, fmt.Errorf("no %s phrases in word class %q", lang, name)
		}
		out = append(out, expandPhrases(phrases)...)
	}
	return out, nil
}

// toPhrase splits a rule's phrase into words as messages are split; Arabic words lose their joined
// prefix, since a message word is compared in every form down to its bare one.
func toPhrase(s string) phrase {
	words := textnorm.Words(textnorm.Normalize(s))
	for i, w := range words {
		if textnorm.Detect(w) == knowledge.Arabic {
			words[i] = textnorm.StripArabicArticle(w)
		}
	}
	return words
}

func wordSet(words []string, conv func(phrase) phrase) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if ph := conv(phrase{textnorm.Normalize(w)}); len(ph) == 1 {
			m[ph[0]] = true
		}
	}
	return m
}

// Check reads a message for red flags in both languages' rules, since patients mix them, and returns the
// most urgent one reported as happening now, joined with the learned layer's reading (see learn). It
// depends on nothing but the rules and the model: no index, no search.
func (t *Triage) Check(text, lang string) Verdict {
	return t.check(text, lang, false)
}

// Explain is Check with the learned layer's reading and evidence, for --explain.
func (t *Triage) Explain(text, lang string) Verdict {
	v := t.check(text, lang, true)
	t.evidence(text, &v)
	return v
}

func (t *Triage) check(text, lang string, explain bool) Verdict {
	norm := normalize(text)
	v, s, reading := t.rules(norm, lang)
	if len(s.words) > 0 {
		t.learn(norm, s, reading, &v, explain)
	}
	return v
}

// asks reads whether a message only asks questions, with the markers of its script: Arabizi as Arabic
// skeletons, Arabic script, else English.
func (t *Triage) asks(s sentences) bool {
	return t.readContext(s, contextMarkers.asks)
}

// tellsNow reports whether a message places anything in the present or since the procedure
// (contextMarkers.tellsNow), in the markers of its script.
func (t *Triage) tellsNow(s sentences) bool {
	return t.readContext(s, contextMarkers.tellsNow)
}

// treated reports whether a message tells the writer's treatment done ("had my injection", "3amalt el
// 7o2na"), in the markers of its script: what it tells since came after it.
func (t *Triage) treated(s sentences) bool {
	return t.readContext(s, func(c contextMarkers, m message) bool { return c.in(m, "done", 0, len(m.forms)) })
}

// tellsPresent reports whether a message places anything in the present (contextMarkers.tellsPresent),
// in the markers of its script.
func (t *Triage) tellsPresent(s sentences) bool {
	return t.readContext(s, contextMarkers.tellsPresent)
}

// reportsApart reports whether a sentence of a message that does not ask reports something of the
// writer's, in the markers of its script.
func (t *Triage) reportsApart(s sentences) bool {
	return t.readContext(s, contextMarkers.reportsApart)
}

// tellsOver reports whether a message says that something is over: a resolution no negator stands before
// ("كانت عندي السخانة نهار الأول ودابا مشات", I had a fever on the first day and now it has gone), in the
// markers of its script, or easing ("الوجع خف عن امبارح", the pain is less than yesterday), or a rule's
// sign told stopped in a phrase of two words or more ("el dam wgaf 3la 6ool", the blood stopped at once;
// not وقف alone, which also stands up).
func (t *Triage) tellsOver(s sentences) bool {
	tl, m := t.scriptMessage(s)
	negated := func(at int) bool { return tl.negated(m.forms, at) }
	return tl.context.resolvedIn(m, 0, len(m.forms), func(at int) bool { return !negated(at) }) ||
		tl.context.find(m, "easing", 0, len(m.forms), func(at int) bool { return !negated(at) }) ||
		slices.ContainsFunc(tl.rules, func(r triageRule) bool { return r.stoppedAfter(m, -1, len(m.forms), 2, negated) })
}

// awaits reports whether a message tells its writer's treatment is still ahead ("my appointment is in 10
// days", موعدي بعد اسبوع) and nothing since a procedure (no onset marker), in the markers of its script:
// what it tells came before any treatment here.
func (t *Triage) awaits(s sentences) bool {
	return t.readContext(s, func(c contextMarkers, m message) bool {
		return c.ahead(m, 0, len(m.forms)) && !c.onset(m, 0, len(m.forms))
	})
}

// recalls reports whether a message tells of its writer's history ("back in 2021", "years ago") and of
// nothing in the present or since a procedure (tellsNow): what it tells is over.
func (t *Triage) recalls(s sentences) bool {
	return t.readContext(s, func(c contextMarkers, m message) bool {
		return !c.tellsNow(m) && (c.in(m, "history", 0, len(m.forms)) || hasYear(m, 0, len(m.forms)))
	})
}

// readContext reads a message with the context markers of its script: Arabizi's, else Arabic's, else
// English's.
func (t *Triage) readContext(s sentences, read func(contextMarkers, message) bool) bool {
	tl, m := t.scriptMessage(s)
	return read(tl.context, m)
}

// scriptMessage is a message read by the rules of its script: Arabizi's (without its articles), else
// Arabic's, else English's; built once for sentences that keep it.
func (t *Triage) scriptMessage(s sentences) (*triageLang, message) {
	if s.read != nil && s.read.tl != nil {
		return s.read.tl, s.read.m
	}
	tl, m := t.readScript(s)
	if s.read != nil {
		*s.read = scriptReading{tl: tl, m: m}
	}
	return tl, m
}

// readScript reads a message by the rules of its script (scriptMessage).
func (t *Triage) readScript(s sentences) (*triageLang, message) {
	tl := t.langs[knowledge.English]
	switch {
	case s.hasScript(arabizi):
		tl = t.langs[arabiziRules]
		s = s.withoutArabiziArticles()
	case s.hasScript(arabic):
		tl = t.langs[knowledge.Arabic]
	}
	return tl, tl.newMessage(s)
}

// weatherOnly reports whether a message that holds a number in the fever range speaks of the weather
// and names no body temperature: "40 degrees every day here and I feel like I'm melting" is no reading.
func (t *Triage) weatherOnly(norm string, s sentences) bool {
	if t.namesTemperature(norm) {
		return false
	}
	return t.readContext(s, tellsWeather)
}

// tellsWeather reports whether a message read with c tells the weather.
func tellsWeather(c contextMarkers, m message) bool {
	return c.in(m, "weather", 0, len(m.forms))
}

// toldOfAir reports whether a normalised message tells the weather and names no body's temperature
// (body_temperature_words, outside the air's own phrases: "the car thermometer"): its temperature is the
// air's. Arabizi's weather is read in its own words as written ("el jaw 7ar ktir, 38 daraje"), since as
// skeletons the Arabic ones are too many others' words ("7aamee", he is hot).
func (t *Triage) toldOfAir(norm string, s sentences) bool {
	if holdsAny(t.withoutAir(norm), t.bodyTemperatureWords) {
		return false
	}
	return t.readWeather(s, tellsWeather)
}

// readWeather reads a message with the context markers of its script for its weather: Arabizi's in its
// own words as written, which the English rules hold beside English's.
func (t *Triage) readWeather(s sentences, read func(contextMarkers, message) bool) bool {
	if s.hasScript(arabizi) {
		tl := t.langs[knowledge.English]
		return read(tl.context, tl.newMessage(s))
	}
	return t.readContext(s, read)
}

// airAfter reports whether the weather's words follow a number in the fever's range within airReach
// words ("the temperature is 40 outside", "الحرارة ٤٠ درجة برا"): told where it was taken, the number is
// the air's; "temp 39 and it's so hot outside" is a temperature taken.
func (t *Triage) airAfter(s sentences) bool {
	return t.readWeather(s, func(c contextMarkers, m message) bool {
		for k, forms := range m.forms {
			v, err := strconv.ParseFloat(forms[0], 64)
			if err == nil && fever(v, "", true) && c.in(m, "weather", k+1, k+1+airReach) {
				return true
			}
		}
		return false
	})
}

// airReach is how many words after a number the weather's may start and tell where it was taken.
const airReach = 3

// holdsAny reports whether a normalised message holds one of parts anywhere, inside a word too.
func holdsAny(norm string, parts []string) bool {
	return slices.ContainsFunc(parts, func(w string) bool { return strings.Contains(norm, w) })
}

// ownsTemperature reports whether a message names someone's temperature ("her temperature", حرارتها).
func (t *Triage) ownsTemperature(norm string) bool {
	return holdsAny(t.withoutAir(norm), t.ownedTemperatureWords)
}

// namesFeverSign reports whether a message names a fever's own sign: chills, shivering, رعشة.
func (t *Triage) namesFeverSign(norm string) bool {
	return holdsAny(norm, t.feverSigns)
}

// namesTemperature reports whether a normalised message names a body temperature (temperature_words),
// outside the phrases that name the air's (air_temperatures: "the outside temperature is 104F").
func (t *Triage) namesTemperature(norm string) bool {
	return holdsAny(t.withoutAir(norm), t.temperatureWords)
}

// spellsBodyTemperature reports whether an Arabizi message names a body's temperature in a word whose
// consonant skeleton is one of body_temperature_words', however it is spelled ("7raarti", "7arareti", my
// temperature), outside the phrases that name the air's: not the day's "skhoun", nor a son's "sakhana".
func (t *Triage) spellsBodyTemperature(norm string, s sentences) bool {
	if !s.hasScript(arabizi) {
		return false
	}
	return slices.ContainsFunc(strings.Fields(t.withoutAir(norm)), func(w string) bool {
		return len(w) <= maxSpelledTemperature && textnorm.Detect(w) != knowledge.Arabic && slices.ContainsFunc(textnorm.ArabiziSkeletons(w), func(sk string) bool {
			return slices.Contains(t.bodyTemperatureSkeletons, sk)
		})
	})
}

// maxSpelledTemperature is the longest word, in bytes, read for a body temperature's skeleton: longer
// than any spelling of one ("7araratha"), it is no such word, and its readings are not worth their cost.
const maxSpelledTemperature = 16

// wordSkeletons are the consonant skeletons of the single Arabic words among words that keep three
// consonants or more: fewer are too many other words' (حمي, "Hm", is "7amam"'s, a bath).
func wordSkeletons(words []string) []string {
	var out []string
	for _, w := range words {
		if textnorm.Detect(w) != knowledge.Arabic || strings.Contains(w, " ") {
			continue
		}
		if sk := textnorm.ArabicSkeleton(w); len(sk) >= 3 && !slices.Contains(out, sk) {
			out = append(out, sk)
		}
	}
	return out
}

// withoutAir is a normalised message without the phrases that name the air's temperature
// (air_temperatures: "104 on the car thermometer"), which name no body's.
func (t *Triage) withoutAir(norm string) string {
	norm = " " + strings.Join(strings.Fields(norm), " ") + " "
	for _, p := range t.airTemperatures {
		norm = strings.ReplaceAll(norm, p, "  ")
	}
	return norm
}

// loneFever reports whether a message is a number alone in the fever's range, read as a temperature
// taken ("39", "١٠٢"): with nothing else said, a number that high is no age or count the bot asked for.
func loneFever(words []string) bool {
	if len(words) != 1 {
		return false
	}
	v, ok := wordNumber(words[0])
	return ok && (v >= 38 && v <= 43 || v >= 101 && v <= 110)
}

// counted reports whether words count how often something came: a times word after a number or a word
// of many ("threw up 10 times", "ten times"), or the plural of "time", which counts three or more ("عشر
// مرات", "9 مرات").
func (t *Triage) counted(words []string) bool {
	for i := 1; i < len(words); i++ {
		if t.countPlural[words[i]] {
			return true
		}
		if _, ok := wordNumber(words[i-1]); t.countTimes[words[i]] && (ok || t.countMany[words[i-1]]) {
			return true
		}
	}
	return false
}

// laughter reads a laughing emoji as the word "lol", so that the rules' context can read it: a word is
// what they compare. A Replacer is safe for concurrent use and built once.
var laughter = strings.NewReplacer("😂", " lol ", "🤣", " lol ", "💀", " lol ", "😅", " lol ", "😆", " lol ", "😭", " lol ", "🙄", " lol ", "😤", " lol ")

// Rules is the verdict of the rules alone, without the learned layer: for training and measuring it.
func (t *Triage) Rules(text, lang string) Verdict {
	v, _, _ := t.rules(normalize(text), lang)
	return v
}

// rules returns the rules' verdict on a normalized message, the message as they read it and the
// temperature it gives.
func (t *Triage) rules(norm, lang string) (Verdict, sentences, thermal) {
	norm = textnorm.Squeeze(spelledTemperatures(apartFromNumbers(norm))) // the rules read stretched letters as one ("lmaooo"); the model as trained
	sentences := splitSentences(laughter.Replace(norm), t.breaks, t.continues, t.progressive)
	if len(sentences.words) == 0 {
		return Verdict{}, sentences, noReading
	}
	var v Verdict
	reading := readTemperature(norm, t.temperatureWords)
	if reading == noReading && loneFever(sentences.words) {
		reading = feverReading
	}
	if reading == recoveredReading && holdsAny(norm, t.feverMedicines) {
		reading = feverReading // brought down by a medicine, the fever is not over
	}
	if reading == feverReading && t.toldOfAir(norm, sentences) ||
		reading == toldFever && t.toldOfAir(norm, sentences) && t.airAfter(sentences) {
		reading = airReading // "the weather is crazy hot and the temperature is 40 outside"
	}
	over := reading == recoveredReading
	// normal: a normal reading, or the air's ("الحرارة ٤٥"), sets aside the rules of a temperature taken,
	// and in a message that only asks or a sentence that asks it, those of a fever named; a fever measured
	// and then measured normal, with no medicine named, sets both aside ("38.4 the first night, 36.6 for
	// two days now")
	normal := normalReadings{taken: reading == normalReading || reading == airReading || over}
	normal.asked = normal.taken && (t.asks(sentences) || t.readingAsked(sentences)) || over
	order := []string{lang, knowledge.English, knowledge.Arabic, arabiziRules}
	for i, l := range order {
		tl := t.langs[l]
		if tl == nil || (i > 0 && l == lang) || !sentences.hasScript(tl.script) {
			continue
		}
		tl.check(sentences, &v, normal)
		if v.Tier == Emergency {
			break
		}
	}
	if !v.Urgent() && v.contextual() && v.overOrMaybe() && reading == feverReading && t.feverApart(norm, lang) {
		v.Tier, v.Flag = Clinic, "fever"
	}
	if !v.Urgent() && !v.contextual() {
		switch reading {
		case feverReading:
			if t.weatherOnly(norm, sentences) {
				v.SetAside = appendSetAside(v.SetAside, SetAside{Flag: "fever", Reason: reasonWeather})
				break
			}
			v.Tier, v.Flag = Clinic, "fever"
		case normalReading, recoveredReading: // a measured normal temperature: the model alone must be surer of a red flag
			v.SetAside = appendSetAside(v.SetAside, SetAside{Flag: "fever", Reason: reasonNormal})
		case airReading:
			v.SetAside = appendSetAside(v.SetAside, SetAside{Flag: "fever", Reason: reasonWeather})
		}
	}
	return v, sentences, reading
}

// feverApart reports whether a message whose red flags its context set aside as over or as what might
// be (a fever once had and gone; "if I got a fever") gives a fever's reading in a sentence of its own,
// one that does not ask, that reads as a fever alone: "Last time I got a small temp of 37.6 that went
// away the same day. This time it's day 3 and I'm at 39.1 and climbing."; "You told me to message if I
// got a fever, so here I am: 38.9 this evening". Only a sentence of a longer message is read so.
func (t *Triage) feverApart(norm, lang string) bool {
	parts := sentencesOf(norm)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p.asked || readTemperature(p.text, t.temperatureWords) != feverReading {
			continue
		}
		if pv, _, _ := t.rules(p.text, lang); pv.Tier == Clinic && pv.Flag == "fever" {
			return true
		}
	}
	return false
}

// sentencesOf splits a normalised message where triage's sentences end (isSentenceEnd: a point between
// digits is a decimal point, "39.1"; a colon announces).
func sentencesOf(norm string) []askedSentence {
	var out []askedSentence
	eachSentence(norm, func(start, end int, asked bool) {
		if text := strings.TrimSpace(norm[start:end]); text != "" {
			out = append(out, askedSentence{text: text, asked: asked})
		}
	})
	return out
}

// readingAsked reports whether a sentence that gives a number asks (ends in a question mark) whether it
// is a fever: a temperature word after the number ("My temperature is 37.1 now, it is fever?"). One told
// before it is told ("I have a fever, temp 37.5, should I worry?").
func (t *Triage) readingAsked(s sentences) bool {
	return t.readContext(s, func(_ contextMarkers, m message) bool {
		named := func(forms []string) bool {
			return slices.ContainsFunc(forms, func(f string) bool {
				return slices.ContainsFunc(t.temperatureWords, func(w string) bool { return strings.Contains(f, w) })
			})
		}
		for i, forms := range m.forms {
			if !m.asked[m.sentence[i]] || !slices.ContainsFunc(forms, func(f string) bool { return strings.ContainsAny(f, "0123456789") }) {
				continue
			}
			if _, hi := sentenceBounds(m, i); slices.ContainsFunc(m.forms[i+1:hi], named) {
				return true
			}
		}
		return false
	})
}

// normalReadings says which rules a normal temperature reading in a message sets aside: those of a
// temperature taken, and in a message that only asks or tells it slight ("felt a bit feverish, took it:
// 37.0"), those of a fever named.
type normalReadings struct{ taken, asked bool }

// check adds what tl's rules read in the message to v: an emergency beats a clinic flag, and the first
// rule of a tier wins within it. normal says which rules a normal temperature reading sets aside.
func (tl *triageLang) check(s sentences, v *Verdict, normal normalReadings) {
	if tl.script == arabizi {
		s = s.withoutArabiziArticles()
	}
	m := tl.newMessage(s)
	open := tl.opened(m)
	for _, r := range tl.rules {
		if v.Tier == Emergency || (v.Tier == Clinic && r.tier == Clinic) {
			continue
		}
		for k, p := range r.patterns {
			if !open[r.number+k] {
				continue // its first slot has no phrase in the message: no match, nothing set aside
			}
			reason, theirs := tl.matches(p, m, r)
			if reason == "" && (r.reading && normal.taken || r.asked && (normal.asked || normal.taken && tl.context.in(m, "slight", 0, len(m.forms)))) {
				reason = reasonNormal
			}
			if reason == "" {
				v.Tier, v.Flag, v.skeleton, v.theirs, v.local = r.tier, r.id, tl.script == arabizi, theirs, false
				switch {
				case r.slight && tl.context.in(m, "local", 0, len(m.forms)):
					v.Tier, v.local = Clinic, true
				case r.slight && tl.context.in(m, "slight", 0, len(m.forms)):
					v.Tier = Clinic
				}
				break
			}
			if reason != noMatch {
				v.SetAside = appendSetAside(v.SetAside, SetAside{Flag: r.id, Reason: reason, skeleton: tl.script == arabizi})
			}
		}
	}
}

func appendSetAside(list []SetAside, s SetAside) []SetAside {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// message is a message's words in every spelling they are compared under, with where each form stands
// and which sentence each word belongs to.
type message struct {
	forms    [][]string
	sentence []int
	clause   []int
	asked    []bool           // by sentence: it ended in a question mark
	at       map[string][]int // form -> positions of the words that have it
}

func (tl *triageLang) newMessage(s sentences) message {
	words := s.words
	m := message{forms: make([][]string, len(words)), sentence: s.of, clause: s.clause, asked: s.asked, at: make(map[string][]int, 2*len(words))}
	for i, w := range words {
		m.forms[i] = []string{w}
		if !tl.plain[w] {
			m.forms[i] = append(wordForms(w, tl.script), tl.borrowed[w]...)
		}
		for _, f := range m.forms[i] {
			m.at[f] = append(m.at[f], i)
		}
	}
	return m
}

// find calls yield with each position where the phrase starts, until yield returns true.
func (m message) find(ph phrase, yield func(i int) bool) bool {
	return m.findAt(ph, m.at[ph[0]], yield)
}

// findAt is find, given the positions of ph's first word.
func (m message) findAt(ph phrase, at []int, yield func(i int) bool) bool {
	for _, i := range at {
		if m.phraseAt(ph, i) && yield(i) {
			return true
		}
	}
	return false
}

// startsAt reports whether phrase ph stands whole in m from word i.
func (m message) startsAt(ph phrase, i int) bool {
	return m.phraseAt(ph, i) && slices.Contains(m.forms[i], ph[0])
}

// endsBefore reports whether phrase ph stands whole in m right before word i, starting no earlier than
// word lo.
func (m message) endsBefore(ph phrase, i, lo int) bool {
	at := i - len(ph)
	return at >= max(lo, 0) && m.startsAt(ph, at)
}

func (m message) phraseAt(ph phrase, i int) bool {
	if i+len(ph) > len(m.forms) {
		return false
	}
	for k := 1; k < len(ph); k++ {
		if !slices.Contains(m.forms[i+k], ph[k]) {
			return false
		}
	}
	return true
}

// otherMeaning reports whether the words from i to end stand inside one of the rule's `unless` phrases,
// which give them another meaning: "confused" in "confused about the forms" or "I'm still confused" is
// puzzled, not a sign; the rule's other words in the message are still read ("I'm confused, I don't know
// where I am").
func (r triageRule) otherMeaning(m message, i, end int) bool {
	return slices.ContainsFunc(r.unless, func(u phrase) bool { return m.overlaps(u, i, end) })
}

// overlaps reports whether the phrase stands in m over any of the words from i to end.
func (m message) overlaps(ph phrase, i, end int) bool {
	return m.find(ph, func(at int) bool { return at < end && i < at+len(ph) })
}

// noMatch is the reason matches gives when a pattern is not in the message at all.
const noMatch = "-"

// matches reports whether every slot of a pattern has a phrase in the message that reports a symptom
// now: "" when it does, noMatch when a slot has no phrase at all, else why the phrase found was set aside
// (negated, or its sentence's context: history, chronic, hypothetical, question).
//
// The slots of a pattern must be found in one sentence (or a fragment beside it: "the pain is unreal.
// 9/10."): "I'm a terrible patient. The knee aches a little when I get up" tells no terrible ache. A
// match also says whether a slot's words are told as a relative's, going on (Verdict.theirs).
func (tl *triageLang) matches(p []slot, m message, r triageRule) (string, bool) {
	first, apart, theirs := -1, false, false
	for _, s := range p {
		why, at, rel := tl.slotMatches(s, m, r, -1)
		if why != "" {
			return why, false
		}
		if first < 0 {
			first = at
		}
		apart, theirs = apart || !m.together(at, first), theirs || rel
	}
	if !apart {
		return "", theirs
	}
	// Every slot is found, not all in one sentence: look for them together, in a sentence of the first's.
	reason := noMatch
	for _, at := range tl.slotSentences(p[0], m) {
		found, together := true, false
		for _, s := range p {
			why, _, rel := tl.slotMatches(s, m, r, at)
			if why != "" {
				reason, found = why, false
				break
			}
			together = together || rel
		}
		if found {
			return "", together
		}
	}
	return reason, false
}

// fragmentWords is the most words of a sentence that is a fragment of its neighbour's: "the pain is
// unreal. 9/10."
const fragmentWords = 3

// together reports whether sentences a and b tell one thing: they are one, or neighbours one of which is
// a fragment.
func (m message) together(a, b int) bool {
	if a == b {
		return true
	}
	if a-b != 1 && b-a != 1 {
		return false
	}
	return m.sentenceWords(a) <= fragmentWords || m.sentenceWords(b) <= fragmentWords
}

// sentenceWords is how many words sentence k has.
func (m message) sentenceWords(k int) int {
	n := 0
	for _, s := range m.sentence {
		if s == k {
			n++
		}
	}
	return n
}

// slotSentences are the sentences in which a slot's phrases start.
func (tl *triageLang) slotSentences(s slot, m message) []int {
	var out []int
	for _, g := range s {
		for _, i := range m.at[g.first] {
			if !slices.Contains(out, m.sentence[i]) {
				out = append(out, m.sentence[i])
			}
		}
	}
	return out
}

// slotMatches reports why none of a slot's phrases tells a symptom now ("" when one does, with the
// sentence it is in and whether it is told as a relative's, going on: relativeOngoing), in the sentence
// numbered sentence (or a fragment beside it), or anywhere when it is -1.
func (tl *triageLang) slotMatches(s slot, m message, r triageRule, sentence int) (string, int, bool) {
	reason := noMatch
	for _, g := range s {
		at := m.at[g.first]
		if len(at) == 0 {
			continue
		}
		for _, ph := range g.phrases {
			where, theirs := -1, false
			found := m.findAt(ph, at, func(i int) bool {
				if sentence >= 0 && !m.together(m.sentence[i], sentence) {
					return false
				}
				if r.otherMeaning(m, i, i+len(ph)) {
					reason = reasonUnless
					return false
				}
				if tl.conjoined(m.forms, i) {
					return false // "لحد ما اشوف نتيجة" (until I see results) denies no sight
				}
				why := "negated"
				if !tl.negatedInSentence(m, i) && !tl.toldFine(m, i+len(ph)-1) && !tl.answeredNo(m, i) || tl.context.novel(m, i, i+len(ph), tl.negator) {
					why = tl.context.setAside(m, i, i+len(ph), r, func(k int) bool { return tl.negated(m.forms, k) })
				}
				if why == "" {
					where, theirs = m.sentence[i], tl.context.relativeOngoing(m, i)
					return true
				}
				reason = why
				return false
			})
			if found {
				return "", where, theirs
			}
		}
	}
	return reason, -1, false
}

// conjoined reports whether the word at i is a negator that a conjunction before it makes part of the
// conjunction ("لحد ما", until; "قبل ما", before): a phrase it opens ("ما اشوف", I don't see) tells of
// nothing denied.
func (tl *triageLang) conjoined(forms [][]string, i int) bool {
	return i > 0 && tl.negator(forms[i][0]) && anyForm(forms[i-1], tl.conjunctions)
}

// negated reports whether a negation stands right before position i, possibly across a few filler words:
// "no fever", "don't have a fever", "ما عندي حرارة". A negation further away belongs to another word, and
// symptoms that are themselves negative ("can't breathe", "ما اقدر اتحكم بالبول") stay symptoms.
//
// A coordinator carries a negation over to the next symptom ("no fever or redness", "لا حرارة ولا
// صديد"): past one, up to maxCarried more words (the symptom it joins) may stand before the negation.
func (tl *triageLang) negated(forms [][]string, i int) bool {
	return tl.negatedBefore(forms, i) || tl.linkedToNegated(forms, i)
}

// negatedInSentence is negated within the sentence of the word at i: "Sorry, might be nothing. Worst
// headache in years" denies no headache.
func (tl *triageLang) negatedInSentence(m message, i int) bool {
	lo, _ := sentenceBounds(m, i)
	return tl.negated(m.forms[lo:], i-lo)
}

// linkedToNegated reports whether a link ("in", "في"), perhaps with a determiner ("my"), ties the word
// at i to a negated word right before it: "no pain in my chest", "ما عندي ألم في الصدر".
func (tl *triageLang) linkedToNegated(forms [][]string, i int) bool {
	k := i - 1
	if k >= 0 && tl.determiners[forms[k][0]] {
		k--
	}
	return k >= 1 && tl.links[forms[k][0]] && !tl.exception(forms[k-1][0]) && tl.negatedBefore(forms, k-1)
}

// negatedBefore reports whether a negation stands before position i, across bridges and coordinators,
// and not across an exception ("nothing but", "غير", "بس").
func (tl *triageLang) negatedBefore(forms [][]string, i int) bool {
	carried := false
	for k, bridged := i-1, 0; k >= 0; k-- {
		w := forms[k][0]
		switch {
		case tl.exception(w):
			return false
		case tl.negator(w):
			return !tl.conjoined(forms, k) // "كل ما يزيد" (it keeps growing): ما of a conjunction denies nothing
		case tl.coordinators[w] && !carried && k+1 < i && tl.adding[w+" "+forms[k+1][0]]:
			return false // "no energy and a fever": the fever is had
		case tl.coordinators[w] && !carried:
			carried, bridged = true, bridged-maxCarried
		case bridged < maxBridge && (tl.bridges[w] || w == "" || carried): // "" is an Arabizi word of vowels alone ("ay", any)
			bridged++
		default:
			return false
		}
	}
	return false
}

// normalizedAll is each of words normalised as triage compares them.
func normalizedAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = normalize(w)
	}
	return out
}

// normalizedWords is the set of the words of every language, normalised as triage compares them.
func normalizedWords(byLang map[string][]string) map[string]bool {
	set := map[string]bool{}
	for _, words := range byLang {
		maps.Copy(set, normalizedSet(words))
	}
	return set
}

// normalizedSet is the set of words, normalised as triage compares them.
func normalizedSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[textnorm.Normalize(w)] = true
	}
	return set
}

// maxFineGap is how many words may stand between a part and the word that tells it fine: a copula, or
// "and" with another part ("lips and throat fine").
const maxFineGap = 2

// toldFine reports whether the word at i is a body part or function told fine right after it ("lips
// fine, breathing fine", "lips look normal", "lips not swelling", "شفايفي طبيعية واتنفس زين، طبيعي؟"),
// not by the last word of a question, which asks whether it is ("lips swollen, normal?").
func (tl *triageLang) toldFine(m message, i int) bool {
	if len(tl.parts) == 0 || !anyForm(m.forms[i], tl.parts) || tl.toldUnable(m, i) {
		return false
	}
	for j, gap := i+1, 0; j < len(m.forms) && m.sentence[j] == m.sentence[i] && gap <= maxFineGap; j++ {
		switch w := m.forms[j]; {
		case anyForm(w, tl.fine):
			last := j+1 == len(m.forms) || m.sentence[j+1] != m.sentence[j]
			return !(last && m.asked[m.sentence[j]])
		case tl.negator(w[0]) && !tl.coordinators[w[0]]:
			// "lips not swelling", not "lips not normal"; a negator that joins ("ضيق في التنفس ولا أستطيع
			// النوم", short of breath and I cannot sleep) opens a clause of its own
			return j+1 < len(m.forms) && !anyForm(m.forms[j+1], tl.fine)
		case anyForm(w, tl.copulas) || tl.coordinators[w[0]] || anyForm(w, tl.parts):
			gap++
		default:
			return false
		}
	}
	return false
}

// answeredNo reports whether the symptom at i is asked in a sentence of its own, a word or three, that
// the next sentence answers with a denial: a checklist the writer goes through ("Chest pain? Nope.
// Breathing? Fine.", "حرارة؟ لا.").
func (tl *triageLang) answeredNo(m message, i int) bool {
	k := m.sentence[i]
	if !m.asked[k] || m.sentenceWords(k) > fragmentWords {
		return false
	}
	next := slices.Index(m.sentence, k+1)
	if next < 0 {
		return false
	}
	w := m.forms[next]
	return tl.negator(w[0]) || anyForm(w, tl.fine)
}

// toldUnable reports whether the part at i follows, in its sentence, a phrase of being unable ("not able
// to breath good", "can't breathe normal"): what the part is then told is what is missing.
func (tl *triageLang) toldUnable(m message, i int) bool {
	lo, _ := sentenceBounds(m, i)
	return slices.ContainsFunc(tl.unable, func(ph phrase) bool { return m.endsBefore(ph, i, lo) })
}

func anyForm(forms []string, set map[string]bool) bool {
	for _, f := range forms {
		if set[f] {
			return true
		}
	}
	return false
}

// exception reports whether w ends a negation's reach, alone or after the conjunction و ("وبس").
func (tl *triageLang) exception(w string) bool {
	return tl.exceptions[w] || tl.exceptions[textnorm.WithoutConjunction(w)]
}

// excepts reports whether a message denies all but one thing: a negation of nothing in particular
// (across bridges and words of anything) with an exception after it ("nothing but a fever", "no
// problems except", "مافي شي بس عندي حرارة"), which tells what follows it.
func (t *Triage) excepts(s sentences) bool {
	tl, m := t.scriptMessage(s)
	for i, w := range m.forms {
		if !tl.negator(w[0]) {
			continue
		}
		j := i + 1
		for j < len(m.forms) && j-i <= maxBridge+1 && (anyForm(m.forms[j], tl.bridges) || anyForm(m.forms[j], tl.anything)) {
			j++
		}
		if j < len(m.forms) && m.sentence[j] == m.sentence[i] && tl.exception(m.forms[j][0]) {
			return true
		}
	}
	return false
}

// negator reports whether w negates, alone or after the conjunction و ("وما في حرارة", and no fever).
func (tl *triageLang) negator(w string) bool {
	return tl.negators[w] || tl.negators[textnorm.WithoutConjunction(w)]
}

// maxCarried is how many words of the symptom before a coordinator a negation is carried across.
const maxCarried = 4

// wordForms lists the spellings a message word is compared under: for English itself, without a
// plural s, without a possessive 's and with a dropped final g, for Arabic every form
// textnorm.ArabicWordForms gives, for Arabizi its consonant skeletons.
func wordForms(w string, sc script) []string {
	switch sc {
	case arabizi:
		return skeletonForms(w)
	case arabic:
		forms := textnorm.ArabicWordForms(w)
		verb := textnorm.WithoutConjunction(w)
		if v := textnorm.WithoutProgressive(verb); v != "" {
			verb = v
			forms = append(forms, textnorm.ArabicWordForms(verb)...)
		}
		if v := textnorm.MasculineImperfect(verb); v != "" {
			forms = append(forms, textnorm.ArabicWordForms(v)...)
		}
		return forms
	}
	forms := []string{w}
	if s := textnorm.EnglishSingular(w); s != w {
		forms = append(forms, s)
	}
	if base, ok := strings.CutSuffix(w, "'s"); ok && base != "" {
		forms = append(forms, base) // "my husband's got a fever": the husband's, as "my husband" names him
	}
	if g, ok := droppedG(w); ok {
		forms = append(forms, g)
	}
	if f, ok := textnorm.WithoutElision(w); ok {
		forms = append(forms, f) // "l'douleur katzid": French mixed in
	}
	return forms
}

// droppedG reads a word whose final g chat drops ("killin", "bleedin'", "throwin up") as written out.
func droppedG(w string) (string, bool) {
	w = strings.TrimSuffix(w, "'")
	if len(w) < 5 || !strings.HasSuffix(w, "in") {
		return "", false
	}
	return w + "g", true
}

// AfterEffects is the learned layer's class of the after-effects a treatment is expected to leave (a
// little soreness, a small bruise, slight swelling the next day, tiredness), told as what one feels now.
const AfterEffects = "expected"

// TriageClasses are the classes of triage's learned layer, in the order of its model's outputs: no red
// flag, then the tiers, least urgent first, then expected after-effects.
var TriageClasses = []string{"none", string(Clinic), string(Emergency), AfterEffects}

// TriageTrainOptions are how the learned layer is trained (cmd/trainflags): the model's size and
// schedule, and the negating words of the rules in every language and script.
func TriageTrainOptions() (textclass.TrainOptions, error) {
	var f redFlagsFile
	if err := yaml.Unmarshal(redFlagsYAML, &f); err != nil {
		return textclass.TrainOptions{}, fmt.Errorf("red-flag rules: %w", err)
	}
	neg := slices.Concat(f.Negators[knowledge.English], f.Negators[knowledge.Arabic], f.Negators["arabizi"])
	return textclass.TrainOptions{Bits: 18, Epochs: 20, Rate: 0.3, L2: 1e-4, Seed: 1, StableOrder: true, Average: 5, Negators: neg}, nil
}

// TierOf is the tier of a red-flag concept of the rules, or "" for a name the rules do not have.
func (t *Triage) TierOf(flag string) Tier {
	for _, r := range t.langs[knowledge.English].rules {
		if r.id == flag {
			return r.tier
		}
	}
	return ""
}

// apartFromNumbers parts a number from the Arabic letters written joined before it, a preposition or
// the conjunction ("وصلت الحرارة لـ٣٩", it reached 39; "و٣٩"): the number is read as one.
func apartFromNumbers(norm string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range norm {
		if r >= '0' && r <= '9' && unicode.IsLetter(prev) && unicode.In(prev, unicode.Arabic) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
