package main

import (
	"context"
	"fmt"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/eval"
	"github.com/faqbot/faqbot/internal/textclass"
)

// folds is how many parts the training split is cut into for cross-validation.
const folds = 5

// crossValidate reports the shipped policy (bot/redflags.yaml) on the triage training split with
// out-of-fold models: each case is read by a model trained without it (the rest of the corpus is always
// in). It is where the policy's thresholds are chosen, so that dev stays a check.
func crossValidate(ctx context.Context, ex []textclass.Example, nTriage int, o textclass.TrainOptions, verbose bool) error {
	cs, err := eval.ReadFile(trainSplit)
	if err != nil {
		return err
	}
	tr, err := bot.NewTriage()
	if err != nil {
		return err
	}
	var t tally
	for fold := range folds {
		var trainEx []textclass.Example
		for i, e := range ex {
			if i >= nTriage || i%folds != fold {
				trainEx = append(trainEx, e)
			}
		}
		m, err := textclass.Train(ctx, bot.TriageClasses, trainEx, o)
		if err != nil {
			return err
		}
		tf, err := tr.WithModel(m)
		if err != nil {
			return err
		}
		for i := fold; i < len(cs); i += folds {
			v := tf.Check(cs[i].Q, "en")
			t.add(cs[i], v, !v.Urgent() && tf.AfterEffects(cs[i].Q) > 0)
			if verbose && !right(cs[i], v) {
				fmt.Printf("  want %s %s, got %q %s: %s\n", cs[i].Kind, cs[i].Urgency, v.Tier, v.Flag, cs[i].Q)
			}
		}
	}
	fmt.Printf("%s, out of fold: %s\n", trainSplit, t)
	return nil
}

// tally counts triage's verdicts against a corpus's labels.
type tally struct {
	urgent, recalled, emergency, inTier, mild, mildUrgent, mildEmergency, negative, negativeUrgent int
	mildAfter, otherAfter, other                                                                   int
}

// add counts one case's verdict, and whether it was read as expected after-effects.
func (t *tally) add(c eval.Case, v bot.Verdict, after bool) {
	if c.Kind == eval.KindMild {
		t.mildAfter += b2i(after)
	} else {
		t.other++
		t.otherAfter += b2i(after)
	}
	switch c.Kind {
	case eval.KindUrgent:
		t.urgent++
		t.recalled += b2i(v.Urgent())
		if c.Urgency == string(bot.Emergency) {
			t.emergency++
			t.inTier += b2i(v.Tier == bot.Emergency)
		}
	case eval.KindMild:
		t.mild++
		t.mildUrgent += b2i(v.Urgent())
		t.mildEmergency += b2i(v.Tier == bot.Emergency)
	case eval.KindNegative:
		t.negative++
		t.negativeUrgent += b2i(v.Urgent())
	}
}

// right reports whether v is what c's label asks for: an urgent case in its tier, any other not urgent.
func right(c eval.Case, v bot.Verdict) bool {
	if c.Kind == eval.KindUrgent {
		return string(v.Tier) == c.Urgency
	}
	return !v.Urgent()
}

func (t tally) String() string {
	pct := func(a, b int) string { return fmt.Sprintf("%.1f%% (%d/%d)", 100*float64(a)/float64(max(b, 1)), a, b) }
	return fmt.Sprintf("urgent recall %s, emergency in tier %s, mild urgent %s, mild emergency %d, negatives urgent %s, mild read as after-effects %s, others %s",
		pct(t.recalled, t.urgent), pct(t.inTier, t.emergency), pct(t.mildUrgent, t.mild), t.mildEmergency, pct(t.negativeUrgent, t.negative), pct(t.mildAfter, t.mild), pct(t.otherAfter, t.other))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
