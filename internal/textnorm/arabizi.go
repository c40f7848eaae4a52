package textnorm

import (
	"slices"
	"strings"
)

// Arabic written in Latin letters (Arabizi: "3andi 7arara", "sadri byewja3ni") and Arabic script meet
// in a consonant skeleton: each consonant mapped to one Latin letter, with the sounds that spellings
// confuse merged (the emphatic and plain t, d, s), and long vowels, hamza, w, y and a final taa
// marbuta dropped. حرارة, 7arara and harara all read "Hrr"; صدري and sadri "sdr".
// Skeletons compare words for rules, not for display: different words can share one.

// arabicSkeleton maps folded Arabic letters; letters not listed are dropped.
var arabicSkeleton = map[rune]string{
	'ب': "b", 'ت': "t", 'ط': "t", 'ث': "t", 'ج': "j", 'ح': "H", 'خ': "x", 'د': "d", 'ض': "d", 'ذ': "d",
	'ظ': "d", 'ر': "r", 'ز': "z", 'س': "s", 'ص': "s", 'ش': "$", 'ع': "3", 'غ': "g", 'ف': "f", 'ق': "q",
	'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'پ': "b", 'ڤ': "f", 'گ': "q", 'چ': "$",
}

// ArabicSkeleton is the consonant skeleton of a folded Arabic word. Arabic writes a doubled consonant
// once (its shadda is dropped by folding), so letters that meet once vowels are gone stay apart: مشوش
// (confused) is "m$$", not مش (not).
func ArabicSkeleton(w string) string {
	var b strings.Builder
	for _, r := range w {
		b.WriteString(arabicSkeleton[r])
	}
	return strings.TrimSuffix(b.String(), "h")
}

// arabiziDigraphs are read before single letters, longest first.
var arabiziDigraphs = []struct{ from, to string }{
	{"3'", "g"}, {"6'", "d"}, {"9'", "d"}, {"7'", "x"}, {"kh", "x"}, {"gh", "g"}, {"sh", "$"}, {"ch", "$"},
	{"th", "T"}, {"dh", "d"}, {"ou", ""},
}

// arabiziLetters maps single Latin letters and digits; vowels, w, y and letters not listed are dropped.
// Upper-case results are letters with two readings, resolved by ArabiziSkeletons (see ambiguous).
var arabiziLetters = map[rune]string{
	'b': "b", 'p': "b", 't': "t", '6': "T", 'j': "j", 'g': "G", '7': "H", '5': "x", 'x': "x", 'd': "d",
	'r': "r", 'z': "z", 's': "s", '9': "S", '3': "3", '8': "K", 'f': "f", 'v': "f", 'q': "q", '2': "Q",
	'k': "k", 'c': "k", 'l': "l", 'm': "m", 'n': "n", 'h': "E",
}

// ambiguous are the readings of the letters that have two: g is ج in Egypt and ق in the Gulf; 2 is ق in
// the cities and a hamza elsewhere; 8 is غ or ق; h is ه, or ح for writers who do not use 7; 9 is ص in
// the East and ق in the Maghreb; 6 is ط, or ظ; and the digraph th is ث, or ذ and ظ as the Gulf writes
// them ("ta5th", تاخذ), as 6 read t or d.
var ambiguous = []struct {
	mark     string
	readings [2]string
}{{"G", [2]string{"j", "q"}}, {"Q", [2]string{"q", ""}}, {"K", [2]string{"g", "q"}}, {"E", [2]string{"h", "H"}},
	{"S", [2]string{"s", "q"}}, {"T", [2]string{"t", "d"}}}

// ArabiziSkeletons are the consonant skeletons a lower-case Arabizi word may stand for: one for each
// reading of its ambiguous letters.
func ArabiziSkeletons(w string) []string {
	w = collapse(w) // Arabizi doubles a letter for a shadda ("mrattab"); Arabic writes it once
	var b strings.Builder
	for i := 0; i < len(w); {
		if d, ok := digraph(w[i:]); ok {
			b.WriteString(d.to)
			i += len(d.from)
			continue
		}
		b.WriteString(arabiziLetters[rune(w[i])])
		i++
	}
	sk := b.String()
	if strings.HasSuffix(w, "h") { // a final h is ة ("jalsah"), as Arabic's final ه is dropped; not one a vowel follows ("2ahwe", قهوة)
		sk = strings.TrimSuffix(sk, "E")
	}
	readings := []string{sk}
	for _, a := range ambiguous {
		if !strings.Contains(readings[0], a.mark) {
			continue
		}
		var next []string
		for _, r := range readings {
			for _, to := range a.readings {
				next = append(next, strings.ReplaceAll(r, a.mark, to))
			}
		}
		readings = next
	}
	var out []string
	for _, r := range readings {
		if s := r; s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// arabiziMarkers are Arabizi words that English does not have, in the common spellings: one of them, or
// a digit inside a word, marks a Latin-script message as Arabic.
var arabiziMarkers = map[string]bool{
	"ana": true, "enta": true, "enti": true, "inta": true, "inti": true, "howa": true, "huwa": true, "heya": true,
	"mosh": true, "mish": true, "msh": true, "mesh": true, "mush": true, "mafi": true, "mafish": true, "wel": true,
	"bel": true, "fel": true, "yalla": true, "ktir": true, "kteer": true, "wayed": true, "awi": true, "awy": true,
	"gedan": true, "jiddan": true, "shway": true, "shwaya": true, "shwi": true, "ya3ni": true, "yaani": true,
	"inshallah": true, "wallah": true, "3shan": true, "la2": true, "aywa": true, "lesh": true, "shu": true,
	"shou": true, "wein": true, "fein": true, "feen": true, "emta": true, "imta": true, "kif": true, "keef": true,
	"ezay": true, "izzay": true, "3ndi": true, "3andi": true, "3endi": true, "delwa2ti": true, "halla2": true,
	"embare7": true, "mbare7": true, "ba3d": true, "3la": true, "3ala": true, "kter": true, "bokra": true,
	// Maghrebi
	"chno": true, "achno": true, "chnou": true, "wach": true, "wash": true, "dyal": true, "dial": true, "dyali": true,
	"kifach": true, "kifash": true, "bghit": true, "bzaf": true, "bzzaf": true, "daba": true, "ghadi": true,
	"kayn": true, "kayna": true, "mzyan": true, "khass": true, "khassni": true, "3afak": true, "nta": true,
	// Gulf and Levantine
	"abi": true, "abgha": true, "ab8a": true, "wesh": true, "shlon": true, "baddi": true, "bade": true,
	"badde": true, "hayda": true, "hek": true, "momken": true, "mumkin": true, "lazem": true, "lazim": true,
	"lezem": true, "lezim": true,
	// question words: "el dawam mata?" (back to work when?)
	"mata": true, "shinu": true, "shino": true, "shnu": true, "shno": true, "chnu": true, "eish": true, "leish": true,
	"adesh": true, "addesh": true, "kadesh": true, "gedesh": true, "gadesh": true, "mneen": true, "menin": true,
	// how much, how long: the Maghrebi chhal and the Iraqi shgad as written without a digit
	"chhal": true, "chehal": true, "shhal": true, "shgad": true, "shgadd": true, "chgad": true, "gdesh": true,
	// or: "hanam wala la?" (will I sleep or not?)
	"wala": true, "wla": true,
	// fine, thanks: "ok tmm", "shokran ya doctor"
	"tamam": true, "tmam": true, "tmm": true, "shokran": true, "shukran": true, "choukran": true,
}

// arabiziFunctionWords are short Arabizi words that English has too ("el", "ma", "fi", "min"): two of
// them, or one with a marker, make a message Arabizi.
var arabiziFunctionWords = map[string]bool{
	"el": true, "il": true, "ma": true, "mo": true, "fi": true, "fe": true, "mn": true, "min": true, "men": true,
	"w": true, "ya": true, "bas": true, "wish": true, "bs": true, "eh": true, "leh": true, "sho": true, "ma3": true, "b": true,
	// the article written apart, as Maghrebi and Levantine chat write it ("l banj?", the anaesthesia?); no;
	// or, as Egypt writes it (and by God, as well)
	"l": true, "la": true, "walla": true,
}

// arabiziGlue are the short words of Arabizi that English chat does not write: the article, "in", "from",
// "with", "what?", "why", "but", "no", "he", "she", "this", "day", "at all".
var arabiziGlue = map[string]bool{
	"el": true, "il": true, "fi": true, "fe": true, "mn": true, "ma3": true, "eh": true, "leh": true, "sho": true,
	"bs": true, "la": true, "hwa": true, "hya": true, "di": true, "yom": true, "youm": true, "asln": true, "aslan": true,
}

// ArabiziGlue reports whether w is a short word of Arabizi's that English chat does not write ("el",
// "eh", "fi"): beside English terms it tells an Arabic writer ("el follow up?").
func ArabiziGlue(w string) bool { return arabiziGlue[w] }

// MayBeArabizi reports whether Latin-script words could be Arabic, for a writer known to write Arabic
// (an app set to Arabic): LooksArabizi, or one short word Arabizi shares with English ("lezem ballesh el
// dokhan abel?").
func MayBeArabizi(words []string) bool {
	return LooksArabizi(words) || slices.ContainsFunc(words, func(w string) bool { return arabiziFunctionWords[w] })
}

// ArabiziFunctionWord reports whether w is a short word Arabizi shares with English ("el", "fi", "ma").
func ArabiziFunctionWord(w string) bool { return arabiziFunctionWords[w] }

// LooksArabizi reports whether Latin-script words read as Arabic: a digit used as a letter inside a word
// ("7arara", "3andi"), a word of Arabizi's own, or two short words it shares with English.
func LooksArabizi(words []string) bool {
	function := 0
	for i, w := range words {
		if arabiziFunctionWords[w] && !(i > 0 && numberWithUnit(words[i-1]+w)) {
			function++ // "min" after a number is minutes ("soaked 4 pads in 30 min"), not "from"
		}
		if arabiziMarkers[w] || function >= 2 {
			return true
		}
		if numberWithUnit(w) || letterAndNumber(w) {
			continue
		}
		for i := 1; i < len(w); i++ {
			if strings.ContainsRune("235679", rune(w[i])) && isLetter(w[i-1]) || strings.ContainsRune("235679", rune(w[i-1])) && isLetter(w[i]) {
				return true
			}
		}
	}
	return false
}

// englishUnits are what English writes right after a number: ordinals ("3rd"), times ("7pm"), doses and
// measures ("5mg", "39c"). A number with one of them is no sign of Arabizi.
var englishUnits = map[string]bool{
	"st": true, "nd": true, "rd": true, "th": true, "am": true, "pm": true, "h": true, "hr": true, "hrs": true,
	"mg": true, "ml": true, "cm": true, "mm": true, "kg": true, "lb": true, "lbs": true, "x": true, "k": true,
	"min": true, "mins": true, "c": true, "f": true, "s": true, "yo": true, "yrs": true, "d": true, "wk": true, "wks": true,
}

// letterAndNumber reports whether w is one letter and a number: a label ("L4", a spine level; "B12",
// "c5"), never a word written in Arabizi, whose digits stand for letters among letters.
func letterAndNumber(w string) bool {
	if len(w) < 2 || !isLetter(w[0]) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// numberWithUnit reports whether w is digits followed by an English unit or ordinal suffix.
func numberWithUnit(w string) bool {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	return i > 0 && englishUnits[w[i:]]
}

// HasArabiziWord reports whether one of words is a word of Arabizi's own ("shu", "ya3ni", "wach"),
// rather than only a token with a digit inside ("co2").
func HasArabiziWord(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return arabiziMarkers[w] && !interjections[w] })
}

// interjections are the markers that English written by Arabic speakers borrows ("yalla my appointment is
// next week inshallah"): they mark a message as Arabizi only beside other signs, never alone.
var interjections = map[string]bool{"yalla": true, "inshallah": true, "wallah": true}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

func collapse(s string) string {
	var b strings.Builder
	var last rune
	for _, r := range s {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// LooksFrench reports whether Latin-script words read as French, as Maghrebi patients write it alone
// ("le jeûne?", "l'anesthésie?"): a French function word, an elided article or pronoun, or a letter with
// an accent French writes and English does not.
func LooksFrench(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool {
		_, elided := WithoutElision(w)
		return frenchWords[w] || elided || strings.ContainsAny(w, frenchAccents)
	})
}

// frenchAccents are the accented letters of French words.
const frenchAccents = "éèêëàâçôûùîï"

// FrenchWord reports whether w is a French function word ("le", "des", "pour").
func FrenchWord(w string) bool { return frenchWords[w] }
