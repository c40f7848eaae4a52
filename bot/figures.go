package bot

import (
	"slices"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// A question may ask for a figure the knowledge does not give: "exactly how many litres of water should
// I drink?", "كم كيلو أقدر أشيل بعد الجلسة؟" (how many kilos can I lift after the session?). The entry
// nearest in words (staying hydrated, activity after treatment) does not answer it, and a patient reading
// it as the answer is misled: such a question is out of scope. A figure is asked when a word asking how
// many stands right before a unit (within figureReach words); a duration asked ("how many hours",
// "كام يوم") is a figure only with a word asking it exactly, since "how many days off work?" is answered
// by "a day or two". An answer gives the figure when it names a unit of the same kind, in any form.

// figureReach is how many words after a word asking how many its unit may stand ("how many million
// cells", "كم عدد الخلايا").
const figureReach = 3

// Kinds of unit a figure is asked in.
const (
	unitDuration = "duration"
	unitVolume   = "volume"
	unitMass     = "mass"
	unitCount    = "count"
)

// The words that ask a figure, its units and the words that ask it exactly, normalised (textnorm), in
// English, Arabic script and Arabizi; "how" before "many" or "much" asks how many.
var (
	howMany = map[string]bool{
		"كم": true, "كام": true, "قديش": true, "اديش": true, "قداش": true, "شحال": true, "شكد": true,
		"kam": true, "kaam": true, "2adesh": true, "adesh": true, "2addesh": true, "addesh": true, "9adesh": true,
		"9adech": true, "chhal": true, "ch7al": true, "sh7al": true, "gedesh": true, "kadesh": true, "2adeh": true,
		"adeh": true, "gaddesh": true,
	}
	figureUnits = unitsByKind(map[string][]string{
		unitDuration: {"hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year",
			"years", "minute", "minutes", "min", "mins", "ساعه", "ساعات", "ساعتين", "يوم", "ايام", "يومين",
			"اسبوع", "اسابيع", "اسبوعين", "شهر", "اشهر", "شهور", "شهرين", "سنه", "سنين", "سنوات", "دقيقه",
			"دقايق", "sa3a", "sa3at", "yom", "youm", "ayam", "iyam", "esbo3", "osbo3", "asabee3",
			"shahr", "d2i2a", "d2aye2", "dqi9a"},
		unitVolume: {"litre", "litres", "liter", "liters", "ml", "millilitres", "milliliters", "cup", "cups",
			"glass", "glasses", "bottle", "bottles", "لتر", "ليتر", "لترات", "كوب", "اكواب", "كاس", "كاسات",
			"قنينه", "litr", "ltr", "kas", "kobaya"},
		unitMass: {"kilo", "kilos", "kg", "kgs", "kilogram", "kilograms", "pound", "pounds", "lbs", "gram",
			"grams", "mg", "milligram", "milligrams", "كيلو", "كيلوات", "كغ", "كجم", "كيلوغرام", "غرام",
			"جرام", "ملغ", "ملجم"},
		unitCount: {"million", "millions", "billion", "مليون", "ملايين", "مليار"},
	})
	exactly = map[string]bool{
		"exact": true, "exactly": true, "precise": true, "precisely": true, "بالضبط": true, "بالظبط": true,
		"بالزبط": true, "بالتحديد": true, "تحديدا": true, "bezabt": true, "bezzabt": true, "bzabt": true,
		"bdabt": true, "zabt": true, "dabt": true,
	}
)

// unitsByKind turns kind -> units into unit -> kind.
func unitsByKind(kinds map[string][]string) map[string]string {
	out := map[string]string{}
	for kind, units := range kinds {
		for _, u := range units {
			out[u] = kind
		}
	}
	return out
}

// figuresAsked are the kinds of unit the message of normalised words asks a figure in.
func figuresAsked(words []string) []string {
	precise := slices.ContainsFunc(words, func(w string) bool { return exactly[w] })
	var kinds []string
	for i, w := range words {
		from := i + 1 // where the unit may stand
		switch {
		case w == "how" && from < len(words) && (words[from] == "many" || words[from] == "much"):
			from++
		case !howMany[w]:
			continue
		}
		for _, u := range words[from:min(from+figureReach, len(words))] {
			if kind, ok := figureUnits[u]; ok {
				if (kind != unitDuration || precise) && !slices.Contains(kinds, kind) {
					kinds = append(kinds, kind)
				}
				break
			}
		}
	}
	return kinds
}

// namesUnit reports whether a text names a unit of the kind, in any of its words' forms ("ببضعة أيام").
func namesUnit(text, kind string) bool {
	for _, w := range textnorm.Words(textnorm.Normalize(text)) {
		if slices.ContainsFunc(textnorm.ArabicWordForms(w), func(f string) bool { return figureUnits[f] == kind }) {
			return true
		}
	}
	return false
}

// figureNotGiven reports whether the message of normalised words asks a figure in a unit that none of
// the answer's answers names.
func figureNotGiven(words []string, a Answer) bool {
	for _, kind := range figuresAsked(words) {
		given := namesUnit(a.Answer, kind) || slices.ContainsFunc(a.Also, func(x Also) bool { return namesUnit(x.Answer, kind) })
		if !given {
			return true
		}
	}
	return false
}
