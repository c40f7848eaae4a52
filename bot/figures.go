package bot

import (
	"slices"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// A question may ask for a figure the knowledge does not give: "exactly how many litres of water should
// I drink?", "كم كيلو أقدر أشيل بعد الجلسة؟" (how many kilos can I lift after the session?). The entry
// nearest in words (staying hydrated, activity after treatment) does not answer it, and a patient reading
// it as the answer is misled: such a question is out of scope. A figure is asked when a word asking how
// many stands right before a unit (within figureReach words); a duration is asked by "how many", by a
// word asking it exactly, or by كم opening the message ("كم ساعة لازم أصوم؟", how many hours must I fast?),
// since inside a sentence كم is as often "a few" ("من كم سنة", for a few years). A size is asked by "how
// big" or "what size", or a word asking how many before "big" ("قديش كبيرة الإبرة؟"). An answer gives the
// figure when it names a unit of the same kind, in any form: "how many days off work?" is answered by "24
// to 48 hours", "how many hours must I fast?" not by "your care team will tell you when to stop eating".

// figureReach is how many words after a word asking how many its unit may stand ("how many million
// cells", "كم عدد الخلايا").
const figureReach = 3

// Kinds of unit a figure is asked in.
const (
	unitDuration = "duration"
	unitVolume   = "volume"
	unitMass     = "mass"
	unitCount    = "count"
	unitSize     = "size"
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
		unitSize: {"mm", "millimetre", "millimetres", "millimeter", "millimeters", "cm", "centimetre",
			"centimetres", "centimeter", "centimeters", "inch", "inches", "gauge", "ملم", "مم", "مليمتر",
			"ملليمتر", "سم", "سنتيمتر", "سنتي", "انش", "انشات"},
	})
	// sizeWords ask a size after "how" or a word asking how many ("how big", "قديش كبيرة"); sizeNouns name
	// one after "what" or a word asking how many ("what size", "كم حجم").
	sizeWords = map[string]bool{
		"big": true, "large": true, "thick": true, "wide": true, "كبير": true, "كبيره": true, "سميك": true,
		"سميكه": true, "تخين": true, "تخينه": true, "عريض": true, "kbir": true, "kbire": true, "kbira": true,
		"kbeer": true, "kbeera": true, "kebir": true, "kebira": true, "kbeere": true, "tkhin": true, "te5ina": true,
	}
	sizeNouns = map[string]bool{"size": true, "gauge": true, "حجم": true, "مقاس": true, "قياس": true, "7ajm": true, "hajm": true}
	exactly   = map[string]bool{
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
	add := func(kind string) {
		if !slices.Contains(kinds, kind) {
			kinds = append(kinds, kind)
		}
	}
	for i, w := range words {
		from := i + 1 // where the unit may stand
		next := func(set map[string]bool) bool { return from < len(words) && set[words[from]] }
		switch {
		case (w == "how" && next(sizeWords)) || (w == "what" || w == "which") && next(sizeNouns):
			add(unitSize)
			continue
		case w == "how" && from < len(words) && (words[from] == "many" || words[from] == "much"):
			from++
		case !howMany[w]:
			continue
		}
		asksDuration := precise || w == "how" || i == 0
		for _, u := range words[from:min(from+figureReach, len(words))] {
			if sizeWords[u] || sizeNouns[u] {
				add(unitSize)
				break
			}
			if kind, ok := figureUnits[u]; ok {
				if kind != unitDuration || asksDuration {
					add(kind)
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
