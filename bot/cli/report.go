package cli

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/eval"
)

// WriteReport prints the figures, then every failure.
func WriteReport(w io.Writer, r eval.Report) error {
	var b strings.Builder
	for _, lang := range slices.Sorted(maps.Keys(r.Top1)) {
		fmt.Fprintf(&b, "%s  top-1 %s  top-3 %s\n", lang, r.Top1[lang], r.Top3[lang])
	}
	if r.Abstain.Total > 0 {
		fmt.Fprintf(&b, "no_match abstention  %s\n", r.Abstain)
	}
	fmt.Fprintf(&b, "urgent recall        %s\n", r.Urgent)
	fmt.Fprintf(&b, "false urgent         %s\n", r.FalseUrgent)
	writeTiers(&b, r.Triage)
	writeTalk(&b, r.Talk)
	if len(r.Failures) > 0 {
		fmt.Fprintf(&b, "\n%d failures:\n", len(r.Failures))
	}
	for _, f := range r.Failures {
		want := strings.Join(f.Case.IDs, ",")
		if len(f.Case.Also) > 0 {
			want += "+" + strings.Join(f.Case.Also, ",")
		}
		if f.Case.Reason != "" {
			want = f.Case.Reason
		}
		if f.Case.Urgency != "" || f.Case.Concept != "" {
			want = strings.Trim(f.Case.Urgency+" "+f.Case.Concept+" "+f.Case.Variety, " ")
		}
		fmt.Fprintf(&b, "  line %d [%s %s want %s] got %s %s%s (%.2f) top=%s: %s\n", f.Case.Line, f.Case.Lang, f.Case.Kind,
			want, f.Status, strings.Join(append([]string{orDash(f.ID)}, f.Also...), "+"), orNothing(" "+f.Lang+" "+f.Reason), f.Confidence, strings.Join(f.Top, " "), f.Case.Q)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTiers prints the tier figures of a set that has tiered, mild or negative cases.
func writeTiers(b *strings.Builder, t eval.TriageReport) {
	for _, tier := range slices.Sorted(maps.Keys(t.Recall)) {
		if tier == "any" {
			continue
		}
		c := t.Confusion[tier]
		fmt.Fprintf(b, "urgent recall %-9s %s  in tier %s  (given: emergency %d, clinic %d, not urgent %d)\n",
			tier, t.Recall[tier], t.InTier[tier], c[string(bot.Emergency)], c[string(bot.Clinic)], c[""])
	}
	if t.Mild.Total > 0 {
		fmt.Fprintf(b, "mild not urgent      %s  emergency %s  answered side-effects %s\n", t.Mild, t.MildEmerg, t.MildAnswer)
	}
	if t.NegativeNot.Total > 0 {
		fmt.Fprintf(b, "negatives not urgent %s\n", t.NegativeNot)
	}
}

// writeTalk prints the receptionist figures of a set that has them.
func writeTalk(b *strings.Builder, t eval.TalkReport) {
	if t.Wrong.Total > 0 {
		fmt.Fprintf(b, "wrong answers        %s of answered\n", t.Wrong)
	}
	if t.AlsoWrong.Total > 0 {
		fmt.Fprintf(b, "second answers wrong %s of given\n", t.AlsoWrong)
	}
	if t.OneTap.Total > 0 {
		fmt.Fprintf(b, "right in one tap     %s\n", t.OneTap)
	}
	if t.Both.Total > 0 {
		fmt.Fprintf(b, "both of two answered %s  in one tap %s\n", t.Both, t.BothTap)
	}
	if t.Acts.Total > 0 {
		fmt.Fprintf(b, "acts with reason     %s\n", t.Acts)
	}
	if t.Lang.Total > 0 {
		fmt.Fprintf(b, "language detected    %s\n", t.Lang)
	}
	for _, v := range slices.Sorted(maps.Keys(t.ByVariety)) {
		fmt.Fprintf(b, "  top-1 %-18s %s\n", v, t.ByVariety[v])
	}
	for _, v := range slices.Sorted(maps.Keys(t.ByShape)) {
		fmt.Fprintf(b, "  top-1 shape %-12s %s\n", v, t.ByShape[v])
	}
}

// orNothing is s, or nothing when s holds only spaces.
func orNothing(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return s
}
