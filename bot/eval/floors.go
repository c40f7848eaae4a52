package eval

import "math"

// FloorsOf are the floors at a report's own figures: a report checked against them fails on any figure
// that falls, and passes when every one holds or rises.
func FloorsOf(r Report) Floors {
	f := Floors{Top1: map[string]float64{}, Abstain: r.Abstain.Rate(), UrgentRecall: r.Urgent.Rate(),
		MaxFalseUrgent: r.FalseUrgent.Hit, CheckFalse: true,
		MildNotUrgent: r.Triage.Mild.Rate(), NegativesNotUrgent: r.Triage.NegativeNot.Rate(), NoMildEmergency: r.Triage.MildEmerg.Hit == 0,
		Acts: r.Talk.Acts.Rate(), OneTap: r.Talk.OneTap.Rate(), Both: r.Talk.Both.Rate()}
	for lang, ratio := range r.Top1 {
		f.Top1[lang] = ratio.Rate()
	}
	if r.Talk.Wrong.Total > 0 {
		f.MaxWrong = math.Max(r.Talk.Wrong.Rate(), math.SmallestNonzeroFloat64) // 0 would check nothing
	}
	return f
}
