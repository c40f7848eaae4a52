// Package eval owns evaluating the answer engine against labelled sets: the cases (JSON lines), the
// scoring of each answer, the report of figures and failures, and the floors a set must hold.
package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/bot"
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
	// Urgency is the tier an urgent case needs: emergency or clinic ("" accepts either).
	Urgency string `json:"urgency,omitempty"`
	// Variety and Concept describe the case for reading failures (en-slang, gulf, arabizi...; fever,
	// chronic...); they are not scored.
	Variety string `json:"variety,omitempty"`
	Concept string `json:"concept,omitempty"`
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
	case c.Urgency != "" && (c.Kind != KindUrgent || c.Urgency != string(bot.Emergency) && c.Urgency != string(bot.Clinic)):
		return fmt.Errorf("urgency %q: want emergency or clinic, on an urgent case", c.Urgency)
	}
	return nil
}

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
	ID         string
	Confidence float64
	Top        []string
}

// Report is the result of an evaluation.
type Report struct {
	Top1        map[string]*Ratio // per language: answered with a right id
	Top3        map[string]*Ratio // per language: a right id among the first three matches
	Abstain     Ratio             // no_match cases that got no_match
	Urgent      Ratio             // urgent cases flagged urgent (in any tier)
	FalseUrgent Ratio             // other cases flagged urgent
	Triage      TriageReport
	Failures    []Failure
}

// TriageReport is how the red-flag tiers fared: recall per tier, the tiers given against the tiers
// needed, and the mild and negative cases kept out of the urgent replies.
type TriageReport struct {
	Recall      map[string]*Ratio         // per tier needed: flagged urgent in any tier
	InTier      map[string]*Ratio         // per tier needed: flagged in that very tier
	Confusion   map[string]map[string]int // tier needed -> tier given ("" not urgent)
	Mild        Ratio                     // mild cases not urgent
	MildEmerg   Ratio                     // mild cases flagged emergency
	MildAnswer  Ratio                     // mild cases answered from the side-effects entry
	NegativeNot Ratio                     // negative cases not urgent
}

// Evaluate runs every case through the engine.
func Evaluate(ctx context.Context, eng answerer, cases []Case) (Report, error) {
	r := Report{Top1: map[string]*Ratio{}, Top3: map[string]*Ratio{},
		Triage: TriageReport{Recall: map[string]*Ratio{}, InTier: map[string]*Ratio{}, Confusion: map[string]map[string]int{}}}
	for _, c := range cases {
		a, err := eng.Answer(ctx, bot.Question{Text: c.Q, Lang: c.Lang, Top: 3})
		if err != nil {
			return r, fmt.Errorf("line %d: %w", c.Line, err)
		}
		if ok := r.score(c, a); !ok {
			f := Failure{Case: c, Status: a.Status, ID: a.ID, Confidence: a.Confidence}
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
		r.Triage.MildAnswer.add(a.Status == bot.Answered && a.ID == "side-effects")
		return !urgent
	case KindNegative:
		r.Triage.NegativeNot.add(!urgent)
		return !urgent
	case KindNoMatch:
		r.Abstain.add(a.Status == bot.NoMatch)
		return a.Status == bot.NoMatch
	}
	lang := a.Lang
	if r.Top1[lang] == nil {
		r.Top1[lang], r.Top3[lang] = &Ratio{}, &Ratio{}
	}
	hit := a.Status == bot.Answered && slices.Contains(c.IDs, a.ID)
	r.Top1[lang].add(hit)
	in3 := false
	for i, m := range a.Matches {
		if i < 3 && slices.Contains(c.IDs, m.ID) {
			in3 = true
		}
	}
	r.Top3[lang].add(in3)
	return hit
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
	// Triage sets: mild cases not urgent, negative cases not urgent, and no mild case ever an emergency.
	MildNotUrgent      float64
	NegativesNotUrgent float64
	NoMildEmergency    bool
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
	if f.NoMildEmergency && r.Triage.MildEmerg.Hit > 0 {
		out = append(out, fmt.Sprintf("%d mild after-effects flagged emergency", r.Triage.MildEmerg.Hit))
	}
	if f.CheckFalse && r.FalseUrgent.Hit > f.MaxFalseUrgent {
		out = append(out, fmt.Sprintf("%d questions falsely flagged urgent (at most %d allowed)", r.FalseUrgent.Hit, f.MaxFalseUrgent))
	}
	return out
}
