// Package eval owns evaluating the answer engine against labelled sets: the cases (JSON lines), the
// scoring of each answer, the report of figures and failures, and the floors a set must hold.
package eval

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/knowledge"
)

// answerer is what evaluation needs of the engine.
type answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

// Case is one labelled question of an evaluation set (one JSON object per line).
type Case struct {
	Q    string   `json:"q"`
	Lang string   `json:"lang"`
	Kind string   `json:"kind"` // answer, no_match, urgent, mild or negative
	IDs  []string `json:"ids"`
	// Also are the topics of a two-question message's second question (its first is IDs).
	Also []string `json:"also,omitempty"`
	// Reason is the reason a no_match case needs (greeting, handoff, out_of_scope...; "" accepts any).
	Reason string `json:"reason,omitempty"`
	// Urgency is the tier an urgent case needs: emergency or clinic ("" accepts either).
	Urgency string `json:"urgency,omitempty"`
	// Variety and Concept describe the case for reading failures (en-slang, gulf, arabizi...; fever,
	// chronic...); they are not scored.
	Variety string `json:"variety,omitempty"`
	Concept string `json:"concept,omitempty"`
	Shape   string `json:"shape,omitempty"`
	Line    int    `json:"-"`
}

// Case kinds. Mild cases are expected after-effects (a little soreness the next day) and negative cases
// mention a symptom that is not happening now (a chronic condition, history, a hypothetical): neither may
// be urgent, and a mild one may never be an emergency.
const (
	KindAnswer   = "answer"
	KindNoMatch  = "no_match"
	KindUrgent   = "urgent"
	KindMild     = "mild"
	KindNegative = "negative"
)

// maxCaseLine bounds one line of an evaluation set.
const maxCaseLine = 1 << 20

// ReadFile reads the evaluation set in a file.
func ReadFile(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cases, err := ReadCases(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// ReadCases parses an evaluation set, reporting the line of the first malformed case.
func ReadCases(r io.Reader) ([]Case, error) {
	var out []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, maxCaseLine)
	for n := 1; ; n++ {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			break
		}
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		var c Case
		dec := json.NewDecoder(bytes.NewReader([]byte(line)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		c.Line = n
		if err := c.check(); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, c)
	}
	return out, nil
}

func (c Case) check() error {
	switch {
	case strings.TrimSpace(c.Q) == "":
		return fmt.Errorf("empty q")
	case !slices.Contains([]string{KindAnswer, KindNoMatch, KindUrgent, KindMild, KindNegative}, c.Kind):
		return fmt.Errorf("kind %q: want answer, no_match, urgent, mild or negative", c.Kind)
	case c.Kind == KindAnswer && len(c.IDs) == 0:
		return fmt.Errorf("an answer case needs ids")
	case len(c.Also) > 0 && c.Kind != KindAnswer:
		return fmt.Errorf("also on a %s case: only answer cases have a second question", c.Kind)
	case c.Reason != "" && c.Kind != KindNoMatch:
		return fmt.Errorf("reason %q on a %s case: only no_match cases have a reason", c.Reason, c.Kind)
	case c.Reason != "" && !knownReason(c.Reason):
		return fmt.Errorf("reason %q: want one of %s", c.Reason, strings.Join(reasons(), ", "))
	case c.Urgency != "" && (c.Kind != KindUrgent || c.Urgency != string(bot.Emergency) && c.Urgency != string(bot.Clinic)):
		return fmt.Errorf("urgency %q: want emergency or clinic, on an urgent case", c.Urgency)
	}
	return nil
}

// reasons are the reasons a no_match case may need.
func reasons() []string {
	return append(knowledge.ActNames(), bot.ReasonOutOfScope, bot.ReasonUnsure, bot.ReasonEmpty)
}

func knownReason(r string) bool { return slices.Contains(reasons(), r) }

// isAct reports whether a reason is a conversation act.
func isAct(r string) bool { return slices.Contains(knowledge.ActNames(), r) }

// Ratio is a count of successes out of a total.
type Ratio struct {
	Hit   int `json:"hit"`
	Total int `json:"total"`
}

// Rate is Hit/Total, or 1 when there was nothing to count.
func (r Ratio) Rate() float64 {
	if r.Total == 0 {
		return 1
	}
	return float64(r.Hit) / float64(r.Total)
}

func (r Ratio) String() string {
	return fmt.Sprintf("%5.1f%% (%d/%d)", 100*r.Rate(), r.Hit, r.Total)
}

func (r *Ratio) add(hit bool) {
	r.Total++
	if hit {
		r.Hit++
	}
}

// Failure is a case the engine got wrong.
type Failure struct {
	Case       Case
	Status     bot.Status
	Lang       string
	Reason     string
	ID         string
	Also       []string // the topics answered as the message's other questions
	Confidence float64
	Top        []string
}

// Report is the result of an evaluation.
type Report struct {
	Top1        map[string]*Ratio // per language of the case: answered with a right id
	Top3        map[string]*Ratio // per language of the case: a right id among the first three matches
	Abstain     Ratio             // no_match cases that got no_match
	Urgent      Ratio             // urgent cases flagged urgent (in any tier)
	FalseUrgent Ratio             // other cases flagged urgent
	Triage      TriageReport
	Talk        TalkReport
	Failures    []Failure
}

// TalkReport is how the engine fared as a receptionist: wrong answers, the right topic one tap away,
// two-question messages, conversation acts, the language it replied in, and top-1 per variety.
type TalkReport struct {
	Wrong     Ratio             // answered answer and no_match cases: Hit counts the wrong answers
	AlsoWrong Ratio             // second answers (Also) given: Hit counts those of a topic not asked
	OneTap    Ratio             // answer cases whose topic was answered, or offered as a button with no_match
	Both      Ratio             // two-question cases with both topics answered
	BothTap   Ratio             // two-question cases with one topic answered, the other answered or offered as asked
	Acts      Ratio             // conversation-act cases given their act as reason
	Lang      Ratio             // cases with a language replied to in it
	ByVariety map[string]*Ratio // answer cases answered with a right id, per variety
	ByShape   map[string]*Ratio // answer cases answered with a right id, per shape (long, two, short...)
}

// TriageReport is how the red-flag tiers fared: recall per tier, the tiers given against the tiers
// needed, and the mild and negative cases kept out of the urgent replies.
type TriageReport struct {
	Recall      map[string]*Ratio         // per tier needed: flagged urgent in any tier
	InTier      map[string]*Ratio         // per tier needed: flagged in that very tier
	Confusion   map[string]map[string]int // tier needed -> tier given ("" not urgent)
	Mild        Ratio                     // mild cases not urgent
	MildEmerg   Ratio                     // mild cases flagged emergency
	MildAnswer  Ratio                     // mild cases answered from the side-effects entry, first or as Also
	NegativeNot Ratio                     // negative cases not urgent
}

// Evaluate runs every case through the engine.
func Evaluate(ctx context.Context, eng answerer, cases []Case) (Report, error) {
	r := Report{Top1: map[string]*Ratio{}, Top3: map[string]*Ratio{},
		Triage: TriageReport{Recall: map[string]*Ratio{}, InTier: map[string]*Ratio{}, Confusion: map[string]map[string]int{}}}
	for _, c := range cases {
		a, err := eng.Answer(ctx, bot.Question{Text: c.Q, Top: 3})
		if err != nil {
			return r, fmt.Errorf("line %d: %w", c.Line, err)
		}
		if ok := r.score(c, a); !ok {
			f := Failure{Case: c, Status: a.Status, Lang: a.Lang, Reason: a.Reason, ID: a.ID, Confidence: a.Confidence}
			for _, x := range a.Also {
				f.Also = append(f.Also, x.ID)
			}
			for _, m := range a.Matches {
				f.Top = append(f.Top, fmt.Sprintf("%s:%.2f", m.ID, m.Confidence))
			}
			r.Failures = append(r.Failures, f)
		}
	}
	return r, nil
}

// score counts one case and reports whether the engine got it right.
func (r *Report) score(c Case, a bot.Answer) bool {
	talk := r.Talk.score(c, a)
	return r.scoreKind(c, a) && talk
}

// scoreKind counts one case by its kind and reports whether the engine got it right.
func (r *Report) scoreKind(c Case, a bot.Answer) bool {
	if c.Kind != KindUrgent {
		r.FalseUrgent.add(a.Status == bot.Urgent)
	}
	urgent := a.Status == bot.Urgent
	switch c.Kind {
	case KindUrgent:
		r.Urgent.add(urgent)
		r.Triage.tier(c.Urgency, a.Urgency)
		return urgent
	case KindMild:
		r.Triage.Mild.add(!urgent)
		r.Triage.MildEmerg.add(a.Urgency == string(bot.Emergency))
		r.Triage.MildAnswer.add(a.Status == bot.Answered && a.Gives("side-effects"))
		return !urgent
	case KindNegative:
		r.Triage.NegativeNot.add(!urgent)
		return !urgent
	case KindNoMatch:
		r.Abstain.add(a.Status == bot.NoMatch)
		return a.Status == bot.NoMatch
	}
	lang := cmp.Or(c.Lang, a.Lang)
	if r.Top1 == nil {
		r.Top1, r.Top3 = map[string]*Ratio{}, map[string]*Ratio{}
	}
	if r.Top1[lang] == nil {
		r.Top1[lang], r.Top3[lang] = &Ratio{}, &Ratio{}
	}
	asked := slices.Concat(c.IDs, c.Also) // a two-question message may be answered second question first
	hit := a.Status == bot.Answered && slices.Contains(asked, a.ID)
	r.Top1[lang].add(hit)
	in3 := false
	for i, m := range a.Matches {
		if i < 3 && slices.Contains(asked, m.ID) {
			in3 = true
		}
	}
	r.Top3[lang].add(in3)
	return hit
}

// score counts one case in the receptionist figures and reports whether it got the language, the act,
// both questions of the case and every other answer it gave right.
func (t *TalkReport) score(c Case, a bot.Answer) bool {
	ok := c.Lang == "" || a.Lang == c.Lang
	if c.Lang != "" {
		t.Lang.add(ok)
	}
	answered := a.Status == bot.Answered
	if answered && (c.Kind == KindAnswer || c.Kind == KindNoMatch) {
		t.Wrong.add(!slices.Contains(c.IDs, a.ID) && !slices.Contains(c.Also, a.ID))
		for _, x := range a.Also {
			wrong := !slices.Contains(c.IDs, x.ID) && !slices.Contains(c.Also, x.ID)
			t.AlsoWrong.add(wrong)
			ok = ok && !wrong
		}
	}
	switch {
	case c.Kind == KindNoMatch && isAct(c.Reason):
		hit := a.Status == bot.NoMatch && a.Reason == c.Reason
		t.Acts.add(hit)
		ok = ok && hit
	case c.Kind == KindAnswer:
		asked := slices.Concat(c.IDs, c.Also)
		hit := answered && slices.Contains(asked, a.ID)
		t.OneTap.add(hit || a.Status == bot.NoMatch && offers(a.Suggestions, asked))
		if len(c.Also) > 0 {
			both := answered && gave(a, c.IDs) && gave(a, c.Also)
			t.Both.add(both)
			t.BothTap.add(answered && (gave(a, c.IDs) || gave(a, c.Also)) && reached(a, c.IDs) && reached(a, c.Also))
			ok = ok && both
		}
		t.ByVariety = addTo(t.ByVariety, c.Variety, hit)
		t.ByShape = addTo(t.ByShape, c.Shape, hit)
	}
	return ok
}

// addTo counts hit under key in m, making m when needed; an empty key counts nothing.
func addTo(m map[string]*Ratio, key string, hit bool) map[string]*Ratio {
	if key == "" {
		return m
	}
	if m == nil {
		m = map[string]*Ratio{}
	}
	if m[key] == nil {
		m[key] = &Ratio{}
	}
	m[key].add(hit)
	return m
}

// gave reports whether an answered message answered one of ids, first or among its other answers.
func gave(a bot.Answer, ids []string) bool {
	return slices.Contains(ids, a.ID) || slices.ContainsFunc(a.Also, func(x bot.Also) bool { return slices.Contains(ids, x.ID) })
}

// reached reports whether an answer answered one of ids, or offered one as a topic of the message's other
// questions.
func reached(a bot.Answer, ids []string) bool {
	return gave(a, ids) || offers(a.AlsoAsked, ids)
}

// offers reports whether any of the topics is one of ids.
func offers(topics []bot.Topic, ids []string) bool {
	return slices.ContainsFunc(topics, func(t bot.Topic) bool { return slices.Contains(ids, t.ID) })
}

// tier counts one urgent case: want is the tier it needs ("" when its set does not say), got the tier
// given ("" when it was not flagged).
func (t *TriageReport) tier(want, got string) {
	if want == "" {
		want = "any"
	}
	if t.Recall == nil {
		t.Recall, t.InTier, t.Confusion = map[string]*Ratio{}, map[string]*Ratio{}, map[string]map[string]int{}
	}
	if t.Recall[want] == nil {
		t.Recall[want], t.InTier[want], t.Confusion[want] = &Ratio{}, &Ratio{}, map[string]int{}
	}
	t.Recall[want].add(got != "")
	t.InTier[want].add(got == want)
	t.Confusion[want][got]++
}

// Floors are the minimum figures an evaluation must reach; zero values check nothing.
type Floors struct {
	Top1           map[string]float64
	Abstain        float64
	UrgentRecall   float64
	MaxFalseUrgent int
	CheckFalse     bool // whether MaxFalseUrgent applies
	// Triage sets: mild cases not urgent, negative cases not urgent, no mild case ever an emergency, and
	// mild cases answered from the side-effects entry.
	MildNotUrgent      float64
	NegativesNotUrgent float64
	NoMildEmergency    bool
	MildAnswered       float64 // mild cases answered from the side-effects entry
	// Receptionist figures: at most MaxWrong of the answered messages answered wrongly (0 checks
	// nothing), at least Acts of the conversation acts given their reason, OneTap of the answer cases
	// with the right topic answered or offered, Both of the two-question cases with both answered.
	MaxWrong, Acts, OneTap, Both float64
}

// Check lists every floor the report falls below.
func (r Report) Check(f Floors) []string {
	var out []string
	for _, lang := range slices.Sorted(maps.Keys(f.Top1)) {
		got := r.Top1[lang]
		if got == nil {
			out = append(out, fmt.Sprintf("top-1 %s: the set has no answer questions in that language", lang))
			continue
		}
		if got.Rate() < f.Top1[lang] {
			out = append(out, fmt.Sprintf("top-1 %s %.1f%% is below %.1f%%", lang, 100*got.Rate(), 100*f.Top1[lang]))
		}
	}
	if r.Abstain.Rate() < f.Abstain {
		out = append(out, fmt.Sprintf("no_match abstention %.1f%% is below %.1f%%", 100*r.Abstain.Rate(), 100*f.Abstain))
	}
	if r.Urgent.Rate() < f.UrgentRecall {
		out = append(out, fmt.Sprintf("urgent recall %.1f%% is below %.1f%%", 100*r.Urgent.Rate(), 100*f.UrgentRecall))
	}
	if r.Triage.Mild.Rate() < f.MildNotUrgent {
		out = append(out, fmt.Sprintf("mild not urgent %.1f%% is below %.1f%%", 100*r.Triage.Mild.Rate(), 100*f.MildNotUrgent))
	}
	if r.Triage.NegativeNot.Rate() < f.NegativesNotUrgent {
		out = append(out, fmt.Sprintf("negatives not urgent %.1f%% is below %.1f%%", 100*r.Triage.NegativeNot.Rate(), 100*f.NegativesNotUrgent))
	}
	if r.Triage.MildAnswer.Rate() < f.MildAnswered {
		out = append(out, fmt.Sprintf("mild answered from side-effects %.1f%% is below %.1f%%", 100*r.Triage.MildAnswer.Rate(), 100*f.MildAnswered))
	}
	if f.NoMildEmergency && r.Triage.MildEmerg.Hit > 0 {
		out = append(out, fmt.Sprintf("%d mild after-effects flagged emergency", r.Triage.MildEmerg.Hit))
	}
	if f.MaxWrong > 0 && r.Talk.Wrong.Total > 0 && r.Talk.Wrong.Rate() > f.MaxWrong {
		out = append(out, fmt.Sprintf("wrong answers %.1f%% are above %.1f%%", 100*r.Talk.Wrong.Rate(), 100*f.MaxWrong))
	}
	for _, t := range []struct {
		name  string
		got   Ratio
		floor float64
	}{{"acts with their reason", r.Talk.Acts, f.Acts}, {"right in one tap", r.Talk.OneTap, f.OneTap}, {"both of two answered", r.Talk.Both, f.Both}} {
		if t.got.Rate() < t.floor {
			out = append(out, fmt.Sprintf("%s %.1f%% is below %.1f%%", t.name, 100*t.got.Rate(), 100*t.floor))
		}
	}
	if f.CheckFalse && r.FalseUrgent.Hit > f.MaxFalseUrgent {
		out = append(out, fmt.Sprintf("%d questions falsely flagged urgent (at most %d allowed)", r.FalseUrgent.Hit, f.MaxFalseUrgent))
	}
	return out
}
