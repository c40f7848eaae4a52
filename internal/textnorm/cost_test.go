package textnorm

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestCleanCostIsBounded cleans 64 KiB of Arabic text: Clean reads only as much as it keeps (MaxRunes),
// so what it allocates does not grow with the text.
func TestCleanCostIsBounded(t *testing.T) {
	long := strings.Repeat("هل سحب الخلايا مؤلم؟ ", 64<<10/len("هل سحب الخلايا مؤلم؟ "))
	Clean(long)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Clean(long)
	runtime.ReadMemStats(&after)
	if got, most := after.TotalAlloc-before.TotalAlloc, uint64(2*utf8.UTFMax*MaxRunes); got > most {
		t.Errorf("Clean of %d bytes allocated %d bytes, want at most %d", len(long), got, most)
	}
}

// cleanWhole is Clean as it was first written, normalising the whole text before cutting it: Clean must
// give the same text.
func cleanWhole(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = norm.NFKC.String(strings.Map(func(r rune) rune {
		if meaningless(r) {
			return -1
		}
		return r
	}, s))
	var b strings.Builder
	n := 0
	space := true
	for _, r := range s {
		if n >= MaxRunes {
			break
		}
		switch {
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
			b.WriteByte('\'')
			space = false
			n++
		case unicode.IsSpace(r) || unicode.IsControl(r):
			if !space {
				b.WriteByte(' ')
				space = true
				n++
			}
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || r == utf8.RuneError:
		default:
			b.WriteRune(r)
			space = false
			n++
		}
	}
	return strings.TrimSpace(b.String())
}

func TestCleanMatchesWholeNormalisation(t *testing.T) {
	pieces := []string{"a", "e\u0301", "\u0301", "\u0327\u0301\u0300", "ﬁ", "ﷺ", "ﻻ", "ｆ", "①", "각", "\u1100\u1161\u11a8",
		"\u200d", "\u200f", " ", "\t\n", "\x00", "\xff", "\xe2\x80", "’", "`", "\ue000", "🙏🏽", "ال", "ة", "\u0651\u064e", "Å", "\u212b"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		var b strings.Builder
		for range r.IntN(3 * MaxRunes) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Clean(s), cleanWhole(s); got != want {
			t.Fatalf("Clean of %d bytes differs from normalising it whole:\n%q\n%q", len(s), got, want)
		}
	}
}

// TestDetectReadsWhatCleanKeeps names a long message's language by the part Clean keeps, and counts
// ASCII letters as Latin as unicode.Latin does (two words of a letter against one Arabic word).
func TestDetectReadsWhatCleanKeeps(t *testing.T) {
	if got := Detect(strings.Repeat("a ", MaxRunes/2) + strings.Repeat("ب ", MaxRunes)); got != "en" {
		t.Errorf("Detect of %d Latin letters then Arabic ones = %q, want en", MaxRunes, got)
	}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		want := "ar"
		if unicode.Is(unicode.Latin, r) {
			want = "en"
		}
		if got := Detect(string(r) + " " + string(r) + " ب"); got != want {
			t.Errorf("Detect(%q) = %q, want %q", string(r)+" "+string(r)+" ب", got, want)
		}
	}
}
