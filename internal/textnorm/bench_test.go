package textnorm

import "testing"

// BenchmarkNormalize normalises a patient's message in each script.
func BenchmarkNormalize(b *testing.B) {
	for _, m := range []struct{ name, text string }{
		{"en", "Can I go back to work the day after the injection, or should I rest?"},
		{"ar", "هل أستطيع العودة إلى العمل في اليوم التالي للحقن، أم يجب أن أرتاح؟"},
		{"arabizi", "momken arga3 el sho3'l tany yom ba3d el 7o2na wala lazem artah?"},
	} {
		b.Run(m.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Normalize(m.text)
			}
		})
	}
}
