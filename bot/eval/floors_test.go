package eval

import "testing"

func TestFloorsOfAReportHoldOnItAndFallWithIt(t *testing.T) {
	r := Report{Top1: map[string]*Ratio{"en": {Hit: 9, Total: 10}}, Abstain: Ratio{4, 5}, Urgent: Ratio{3, 3}, FalseUrgent: Ratio{1, 20},
		Talk: TalkReport{Wrong: Ratio{0, 12}, OneTap: Ratio{8, 10}}}
	f := FloorsOf(r)
	if got := r.Check(f); len(got) != 0 {
		t.Fatalf("a report fails its own floors: %v", got)
	}
	worse := []func(*Report){
		func(r *Report) { r.Top1 = map[string]*Ratio{"en": {Hit: 8, Total: 10}} },
		func(r *Report) { r.Abstain = Ratio{3, 5} },
		func(r *Report) { r.Urgent = Ratio{2, 3} },
		func(r *Report) { r.FalseUrgent = Ratio{2, 20} },
		func(r *Report) { r.Talk.Wrong = Ratio{1, 12} },
		func(r *Report) { r.Talk.OneTap = Ratio{7, 10} },
		func(r *Report) { r.Top1 = map[string]*Ratio{} },
	}
	for i, w := range worse {
		r2 := r
		r2.Talk = r.Talk
		w(&r2)
		if got := r2.Check(f); len(got) == 0 {
			t.Errorf("change %d: no floor fell", i)
		}
	}
	better := r
	better.Top1 = map[string]*Ratio{"en": {Hit: 10, Total: 10}}
	if got := better.Check(f); len(got) != 0 {
		t.Errorf("a better report fails: %v", got)
	}
}
