package bot

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/internal/textclass"
)

// redFlagsModel is the learned layer, trained by cmd/trainflags from the triage corpus's training split.
//
//go:embed redflags.model
var redFlagsModel []byte

// flagLearned is the Flag of a red flag that the learned layer saw and the rules did not.
const flagLearned = "learned"

// learnedPolicy is how the learned layer's probabilities join the rules' verdict (redflags.yaml,
// `learned:`).
type learnedPolicy struct {
	// Urgent: a message of at least MinWords words in which the rules saw no red flag at all is urgent
	// when the model gives a red flag this probability (a word or two, "hi", is too little for the model
	// to go on).
	Urgent   float64 `yaml:"urgent"`
	MinWords int     `yaml:"min_words"`
	// OverAfterEffects: such a red flag must also be more likely than expected after-effects by this
	// much: a message the model half reads as soreness or a bruise ("a yellowish bruise on my hip, 3 days
	// now. normal?") is told the side effects, which list the warning signs.
	OverAfterEffects float64 `yaml:"over_after_effects"`
	// UrgentQuestion replaces Urgent for a message that only asks questions and reports nothing ("can I
	// play football after the injection?").
	UrgentQuestion float64 `yaml:"urgent_question"`
	// Emergency: such a message is an emergency when the model gives that tier this probability.
	Emergency float64 `yaml:"emergency"`
	// VetoBelow and VetoWords: where the model gives a red flag less than VetoBelow, a rule's clinic-tier
	// red flag in a message of at most VetoWords words is set aside (a short message is where the model
	// reads context best: "no fever, just sore"; in a long one a red flag can be drowned by the rest), and
	// so is any red flag read from Arabizi skeletons ("ma bia 7eel", no energy, read as breathlessness).
	// The model was confidently wrong about some real emergencies (a seizure told in MSA), so an
	// emergency the rules read in words stays unless VetoEmergencyBelow says otherwise.
	VetoBelow float64 `yaml:"veto_below"`
	VetoWords int     `yaml:"veto_max_words"`
	// VetoLongBelow: in a longer message, a rule's clinic-tier red flag is set aside where the model is
	// all but certain there is none, under this: a patient's story of an old operation or of a fear
	// ("in my operation before I was vomiting 2 days after", "I'm honestly terrible with pain"). 0 never.
	VetoLongBelow float64 `yaml:"veto_long_below"`
	// VetoEmergencyBelow: an emergency the rules read, in a message that places nothing in the present
	// or since the procedure (no "now", "since the injection", "today"), is set aside where the model
	// gives a red flag less than this: a joke, someone's history or a question the model is all but
	// certain of ("the invoice nearly gave me a heart attack 😂"). 0 never sets one aside. Nor one told as a
	// relative's, going on (Verdict.theirs).
	VetoEmergencyBelow float64 `yaml:"veto_emergency_below"`
	// LowerOverAfterEffects: an emergency the rules read is a clinic call where the model reads expected
	// after-effects at least this and a red flag less than VetoBelow ("face a bit swollen around the
	// injection spots, lips fine, breathing fine"): still urgent, not the emergency services. 0 never.
	LowerOverAfterEffects float64 `yaml:"lower_over_after_effects"`
	// OverSkeletons: where the rules set red flags aside only in Arabizi read as consonant skeletons
	// (negated, past, hypothetical: "ma 3am 2a2der o2af", can't stand, read as a fainting negated), the
	// model adds a red flag when it gives one this probability. 0 never does.
	OverSkeletons float64 `yaml:"over_skeleton_asides"`
	// OverAsides: where the rules set red flags aside in any script, the model adds a red flag when it
	// gives one this probability ("ما راحت", did not go away, read as resolved). 0 never does.
	OverAsides float64 `yaml:"over_asides"`
	// UrgentOver: in a message that tells a sign is over (a resolution no negator stands before) and
	// where the rules set no red flag aside, the model adds an emergency only when it gives a red flag
	// this probability, and a clinic call never: "felt a bit faint when I stood up, it passed in a minute
	// and I've been fine since" is over; "I'm fine now but when I got home I fell down and lost
	// consciousness" is a faint told, which the model all but always reads as such. 0 adds an emergency
	// as over any other message.
	UrgentOver float64 `yaml:"urgent_over"`
	// AfterEffects: a message the verdict leaves not urgent tells of expected after-effects when the
	// model gives them this probability, more than a red flag; it is answered from the knowledge's
	// AfterEffectsEntry when the search finds no answer of its own ("small bruise where the needle went").
	AfterEffects      float64 `yaml:"after_effects"`
	AfterEffectsEntry string  `yaml:"after_effects_entry"`
}

func (p learnedPolicy) validate() error {
	for _, f := range []float64{p.Urgent, p.OverAfterEffects, p.UrgentQuestion, p.Emergency, p.VetoBelow, p.VetoLongBelow, p.VetoEmergencyBelow, p.LowerOverAfterEffects, p.OverSkeletons, p.OverAsides, p.UrgentOver, p.AfterEffects} {
		if f < 0 || f > 1 {
			return fmt.Errorf("learned: probability %v out of 0..1", f)
		}
	}
	if p.Urgent == 0 || p.VetoBelow >= p.Urgent || p.VetoEmergencyBelow > p.VetoBelow || p.VetoLongBelow > p.VetoBelow || p.UrgentQuestion < p.Urgent || p.VetoWords < 0 || p.MinWords < 1 ||
		(p.OverSkeletons != 0 && p.OverSkeletons < p.Urgent) || (p.UrgentOver != 0 && p.UrgentOver < p.Urgent) {
		return fmt.Errorf("learned: want 0 <= veto_emergency_below, veto_long_below <= veto_below < urgent <= urgent_question, over_skeleton_asides and urgent_over 0 or >= urgent, veto_max_words >= 0 and min_words >= 1")
	}
	return nil
}

// Learned is what the learned layer read in a message: the probability of a red flag (either tier) and
// of an emergency, and with --explain the features that weighed most toward the tier it read.
type Learned struct {
	Urgent    float64 `json:"urgent"`
	Emergency float64 `json:"emergency"`
	// AfterEffects is the probability that the message tells of expected after-effects.
	AfterEffects float64                  `json:"after_effects"`
	Evidence     []textclass.Contribution `json:"evidence,omitempty"`
}

// learnedModel reads the embedded model and checks it has triage's classes.
func learnedModel() (*textclass.Model, error) {
	m, err := textclass.Read(redFlagsModel)
	if err != nil {
		return nil, err
	}
	if err := checkClasses(m); err != nil {
		return nil, err
	}
	return m, nil
}

// checkClasses refuses a model whose outputs are not triage's classes, in order.
func checkClasses(m *textclass.Model) error {
	if !slices.Equal(m.Classes, TriageClasses) {
		return fmt.Errorf("learned layer has classes %v, want %v", m.Classes, TriageClasses)
	}
	return nil
}

// AfterEffectsEntry is the id of the knowledge entry that answers expected after-effects, or "".
func (t *Triage) AfterEffectsEntry() string { return t.policy.AfterEffectsEntry }

// WithModel is t with another learned layer, for measuring a model before it is shipped (cross-
// validation in cmd/trainflags). The model must have TriageClasses.
func (t *Triage) WithModel(m *textclass.Model) (*Triage, error) {
	if err := checkClasses(m); err != nil {
		return nil, err
	}
	c := *t
	c.model = m
	return &c, nil
}

// learn joins the learned layer's reading of text to the rules' verdict v: it adds a red flag to a
// message in which the rules saw none at all (where they set one aside, negated, hypothetical, past or
// cancelled, their reading of the context stands); it makes a clinic call an emergency when it reads
// one (as it does a red flag it adds); and where it reads no red flag at all, it sets aside a rule's
// clinic-tier red flag in a short message, and any red flag read from Arabizi consonant skeletons
// (which words of other meanings share), as it does one of those it reads as after-effects rather. An
// emergency the rules read in words is lowered to a clinic call only where the model all but reads
// expected after-effects instead (LowerOverAfterEffects), and set aside only where it is all but certain
// there is no red flag (VetoEmergencyBelow). The model is read only when it can change the
// verdict, or when explain asks for its reading.
func (t *Triage) learn(norm string, s sentences, reading thermal, v *Verdict, explain bool) {
	pol, words := t.policy, len(s.words)
	short := words <= pol.VetoWords
	// A temperature measured in the fever's range and named (a thermometer, "temp", حرارة, or its scale:
	// "101.5F"; not the weather's "42 degrees today"), or given with a decimal in a message that does not only
	// ask of it ("my son has 39.2 this morning": ages and counts are whole numbers; not "what if I get 38.5
	// after the injection?"), is a report the model may not set aside in a longer message, nor in a short one
	// that dates it to now, or that names it or gives its decimal and does not ask of it ("101.8 lol. what
	// time u guys open tmrw": the model reads no number), or that gives its scale and tells the treatment done
	// ("102F ya gama3a 😂 el mafrood a2la2 wala la? 3amalt el 7o2na el etnein"), and neither is a number alone
	// in that range: the model reads "Thermometer said 38.6 this evening and I feel hot and achy, but I mostly
	// wanted to ask if I can go for a walk" as all but certainly no red flag. How often a sign came, counted
	// ("threw up 10 times"), is such a measure too, for the rules whose sign a count tells (countable). So is
	// a short message's temperature named and measured where the message does not only ask of it ("39.2
	// fever", "I don't feel good, temp 38.8"; not "Is 100.4F considered a fever? Trying to learn the
	// numbers"), even where the rules read it from Arabizi skeletons, which it otherwise may, when the word is
	// the writer's own temperature ("7raarti 39.4 al7ain"; not the day's "skhoun bzaf, 42", nor a son's
	// "sakhana 38.9"). A measured temperature named as someone's is told whatever the message asks ("her
	// temperature is 101 F, she had the treatment last week, what do we do?"). A spelt temperature is named,
	// and so measured and told, and so is a whole number in a fever's range right after it ("7rarti 39 w
	// shway", my temperature is 39 and a bit). A measured temperature told beside a fever's own sign is told
	// whatever the message asks ("temp 39.2 and chills lol, is that expected?"). A fever the rules read from
	// Arabizi skeletons is the model's to set aside unless its temperature is spelt, or named in a temperature
	// word as written and measured ("el 7arara 3andi 38.9 bas … emta a2dar arou7 el gym?").
	fever := reading == feverReading
	spelt := (fever || reading == toldFever) && t.spellsBodyTemperature(norm, s)
	named := fever && (t.namesTemperature(norm) || spelt)
	unasked := func() bool { return !t.asks(s) && !readingAsked(s) } // read only where it can tell
	scaled, decimal := fever && scaledFever(norm), fever && decimalFever(norm)
	measured := fever && (named || scaled || decimal && unasked())
	told := spelt || measured && (t.tellsNow(s) || scaled && t.treated(s) || (named || decimal) && unasked() || t.ownsTemperature(norm) || t.namesFeverSign(norm))
	veto := (v.Tier == Clinic && short && !told && !loneFever(s.words) && !(t.countable[v.Flag] && t.counted(s.words))) || (v.skeleton && v.Urgent() && !spelt && !(measured && named))
	vetoLong := v.Tier == Clinic && !short && pol.VetoLongBelow > 0 && !measured
	vetoEmergency := v.Tier == Emergency && pol.VetoEmergencyBelow > 0 && !t.tellsNow(s) && !v.theirs
	upgrade := v.Tier == Clinic
	lower := v.Tier == Emergency && pol.LowerOverAfterEffects > 0
	overAside := len(v.SetAside) > 0 && (pol.OverAsides > 0 ||
		pol.OverSkeletons > 0 && !slices.ContainsFunc(v.SetAside, func(a SetAside) bool { return !a.skeleton }))
	// A measured normal temperature with a symptom the rules set aside ("a temperature on day 1 but it
	// was gone by the next morning, it's been 36.8 since") is told no red flag twice; the model, which
	// reads any number as a fever's, may not add one over them.
	add := !v.Urgent() && (len(v.SetAside) == 0 || overAside && reading != normalReading && reading != recoveredReading) && words >= pol.MinWords
	if !veto && !vetoEmergency && !add && !upgrade && !lower && !explain {
		return
	}
	p := t.model.ProbabilitiesNormalized(norm)
	v.Learned = &Learned{Urgent: round(p[1] + p[2]), Emergency: round(p[2]), AfterEffects: round(p[3])}
	urgent := p[1] + p[2]
	switch {
	// Nor may it set aside in words what a message tells as the one thing it has ("مافي شي غير حرارة ٣٩",
	// nothing but a temperature of 39): it reads the negation, not where its reach ends.
	case veto && v.skeleton && v.Tier == Emergency && urgent >= pol.VetoBelow && urgent < p[3]:
		// an emergency read from Arabizi skeletons that the model reads rather as after-effects, though
		// not as no red flag at all, is a clinic call: one misread word sets no emergency aside
		v.Tier = Clinic
	case veto && (urgent < pol.VetoBelow || v.skeleton && urgent+skeletonMargin < p[3]) && (v.skeleton || !t.excepts(s)), vetoEmergency && urgent < pol.VetoEmergencyBelow, vetoLong && urgent < pol.VetoLongBelow:
		v.SetAside = appendSetAside(v.SetAside, SetAside{Flag: v.Flag, Reason: flagLearned})
		v.Tier, v.Flag = "", ""
	case upgrade && p[2] >= pol.Emergency && p[2] > p[1] && (!v.local || p[2] >= pol.UrgentOver):
		// a swelling the rules placed at the injection site only where the model is all but sure
		v.Tier = Emergency
	case lower && p[3] >= pol.LowerOverAfterEffects && urgent < pol.VetoBelow:
		v.Tier = Clinic
	case add && urgent >= pol.Urgent && urgent > p[3]+pol.OverAfterEffects && (urgent >= pol.UrgentQuestion || !t.asks(s) && !t.awaits(s) && !t.recalls(s)) && (!overAside || urgent >= t.overAsideAt(v, s, (measured || reading == toldFever) && t.namesFeverSign(norm))):
		emergency := p[2] >= pol.Emergency && p[2] > p[1]
		if (!emergency || urgent < pol.UrgentOver) && len(v.SetAside) == 0 && t.tellsOver(s) {
			break // no red flag over what the message says is over, as the rules set one aside
		}
		if !emergency && lowScores(s.words) {
			break // the model reads any number as a fever's or a count's, not a mild pain score
		}
		v.Tier, v.Flag = Clinic, flagLearned
		if emergency {
			v.Tier = Emergency
		}
	}
}

// readingAsked reports whether every number of a message that may be a temperature taken (its whole
// degrees from 37 to 43, or 99 to 110: a decimal's digits are words apart) stands in a sentence that
// asks: "Is 100.4F considered a fever? Trying to learn the numbers before my treatment" asks of a number,
// "39.2 fever" and "I don't feel good, temp 38.8" tell one.
func readingAsked(s sentences) bool {
	found := false
	for i, w := range s.words {
		v, ok := wordNumber(strings.TrimRight(w, "fc°"))
		if !ok || (v < 37 || v > 43) && (v < 99 || v > 110) {
			continue
		}
		if !s.asked[s.of[i]] {
			return false
		}
		found = true
	}
	return found
}

// AfterEffects is how surely a message that triage leaves not urgent tells of expected after-effects:
// the learned layer's probability when it reaches the policy's and is more than a red flag's, else 0.
// The engine asks it only of a message its search found no answer to.
func (t *Triage) AfterEffects(text string) float64 {
	if t.policy.AfterEffects == 0 {
		return 0
	}
	p := t.model.ProbabilitiesNormalized(normalize(text))
	if p[3] < t.policy.AfterEffects || p[3] <= p[1]+p[2] {
		return 0
	}
	return p[3]
}

// unreadable reports whether a set-aside's reason is one the learned layer cannot weigh: whose sign it
// is, that it has gone, that its writer takes it back ("had a bit of a fever the night after but it broke
// yesterday and I've felt fine since": the model reads the fever).
func unreadable(reason string) bool {
	return reason == reasonOther || reason == "resolved" || reason == reasonJoke
}

// skeletonMargin is how much likelier than a red flag the model must read expected after-effects to set
// aside a red flag read from Arabizi skeletons: a near tie is the rules' ("el i7mirar … gaa3d
// yintishir … wa9il lil rukba", the redness is spreading, it has reached the knee; red flag 0.38,
// after-effects 0.39). On every triage set, one red flag more recalled, nothing more flagged.
const skeletonMargin = 0.2

// overAsideAt is the probability at which the model adds a red flag over v's set-asides: the lower of
// the two policies that apply; in any script never over a hypothetical the rules read ("if I get a fever
// after the injection, what do I do?"), unless the message tells of the present elsewhere ("is it normal
// to have chest pain the day after?? ... now it's constant and I feel sick"); over a question that tells
// what happened as it asks ("is it normal that I threw up 8 times today?", "is it normal the pain keeps
// going up? day 1 it was a 3, today it's an 8"), as over a negation, where the model is all but sure; nor over
// signs the rules read as someone else's, gone or taken back only (unreadable), which the model cannot
// tell from the writer's own ("my son has a fever, can I move my appointment?"); in Arabizi it may still
// add one over "someone else", which the skeletons read too loosely. A message with a sentence apart that
// does not ask and tells when something began, where the writer is not told well and no treatment is
// named ("is it normal to have chest pressure after the harvest? started like 20 min ago"), tells the sign
// it asks of as begun: the model adds over that hypothetical as over no set-aside. So does a message whose
// temperature is told beside a fever's own sign (signTold) and whose writer reports in a sentence apart
// ("is it normal to have a fever of 39 the day after? I feel awful and shivery").
func (t *Triage) overAsideAt(v *Verdict, s sentences, signTold bool) float64 {
	at := 2.0 // never
	if !slices.ContainsFunc(v.SetAside, func(a SetAside) bool { return !unreadable(a.Reason) || a.skeleton && a.Reason == reasonOther }) {
		return at
	}
	if _, m := t.scriptMessage(s); hasYear(m, 0, len(m.forms)) && !slices.ContainsFunc(v.SetAside, func(a SetAside) bool { return a.Reason != "history" }) {
		return at // the model reads "since" as since the treatment, not since 2019
	}
	hypothetical := slices.ContainsFunc(v.SetAside, func(a SetAside) bool { return a.Reason == "hypothetical" })
	apart := hypothetical && t.reportsApart(s)
	asked := hypothetical && !t.tellsPresent(s) && !apart
	if p := t.policy.OverAsides; p > 0 && !asked {
		at = p
	}
	if hypothetical && (t.readContext(s, contextMarkers.onsetApart) || signTold && apart) {
		at = min(at, t.policy.Urgent)
	}
	if p := t.policy.OverSkeletons; p > 0 && !slices.ContainsFunc(v.SetAside, func(a SetAside) bool { return !a.skeleton }) {
		at = min(at, p)
	}
	return at
}

// evidence adds to v the features of text that weighed most toward the tier the model read.
func (t *Triage) evidence(text string, v *Verdict) {
	if v.Learned == nil {
		return
	}
	class := 1
	if v.Learned.Emergency > v.Learned.Urgent-v.Learned.Emergency {
		class = 2
	}
	v.Learned.Evidence = t.model.Explain(text, class, 5)
}

// lowScores reports whether a message scores a pain out of ten ("3/10", "٤ من ١٠", "5 out of 10") and
// every score it gives is mild, five or less, with no other number in a severe score's range: "ache in
// the hip 3/10 this morning, was 5/10 yesterday" tells no severe pain, whichever came first; "Day 2
// about 5/10. Today it's an 8" does.
func lowScores(words []string) bool {
	found, ten := false, map[int]bool{}
	for i := 0; i+1 < len(words); i++ {
		if _, ok := wordNumber(words[i]); !ok {
			continue
		}
		j := i + 1
		for j < len(words) && j <= i+2 && outOf[words[j]] {
			j++
		}
		if j < len(words) && words[j] == "10" {
			found, ten[j] = true, true
		}
	}
	for i, w := range words {
		if n, ok := wordNumber(w); ok && !ten[i] && n > maxLowScore && n <= 10 {
			return false
		}
	}
	return found
}

// maxLowScore is the highest pain score out of ten that is mild.
const maxLowScore = 5

// outOf are the words between a score and its ten: "5 out of 10", "٤ من ١٠", "3 sur 10".
var outOf = map[string]bool{"out": true, "of": true, "from": true, "من": true, "sur": true, "3ala": true, "3la": true, "على": true}
