package bot

import (
	"slices"
	"strings"
	"testing"
)

// FuzzListItems: ending the sentences of a numbered list only adds sentence ends; every word stays.
func FuzzListItems(f *testing.F) {
	for _, s := range []string{"1) can I fly 2) when 3) I've been throwing up", "temp 38.6) hmm", "123) a", " 9)", "٣) x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := func(x string) []string { return strings.Fields(strings.ReplaceAll(x, ".", "")) }
		if got := listItems(s); !slices.Equal(words(got), words(s)) {
			t.Fatalf("listItems(%q) = %q: words changed", s, got)
		}
	})
}

func TestListItems(t *testing.T) {
	for in, want := range map[string]string{
		"1) can I fly 2) when": " . 1) can I fly  . 2) when",
		"temp 38.6) hmm":       "temp 38.6) hmm",
		"123) a":               "123) a",
	} {
		if got := listItems(in); got != want {
			t.Errorf("listItems(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExpandPhrases(t *testing.T) {
	got := expandPhrases([]string{"now|today fine|ok", "all dry"})
	want := []string{"now fine", "now ok", "today fine", "today ok", "all dry"}
	if !slices.Equal(got, want) {
		t.Errorf("expandPhrases = %q, want %q", got, want)
	}
}

// TestExpandClasses: "@name" in a pattern's slot stands for its word class's phrases in the language;
// a class the rules do not define, or define in no phrase of the language, is an error, not a silent
// empty slot.
func TestExpandClasses(t *testing.T) {
	classes := map[string]map[string][]string{"unable": {"ar": {"ما اقدر", "منجمش"}}}
	got, err := expandClasses([]string{"نفسي", " @unable"}, classes, "ar")
	if err != nil || !slices.Equal(got, []string{"نفسي", "ما اقدر", "منجمش"}) {
		t.Errorf("expandClasses = %q, %v", got, err)
	}
	for _, alts := range [][]string{{"@unable"}, {"@missing"}} {
		if _, err := expandClasses(alts, classes, "en"); err == nil {
			t.Errorf("expandClasses(%q, en): no error", alts)
		}
	}
}

// FuzzSpelledTemperatures: reading spelled-out numbers never panics, never adds words, and leaves a text
// with no tens (nor "hundred") as it was.
func FuzzSpelledTemperatures(f *testing.F) {
	for _, s := range []string{"ninety eight point six", "thirty-eight point", "سته وتلاتين ونص", "سبعه و ثلاثين و خمسه", "a hundred and", "hundred", "forty-", "و", "arb3een", "tes3a w tleteen", "tmanye wtlateen"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := spelledTemperatures(s)
		if len(strings.Fields(got)) > len(strings.Fields(s)) {
			t.Fatalf("spelledTemperatures(%q) = %q: words added", s, got)
		}
		if !strings.Contains(s, "hundred") && !strings.ContainsAny(s, "ثتاtr") && got != s {
			t.Fatalf("spelledTemperatures(%q) = %q: changed with no tens", s, got)
		}
	})
}

// TestPossessedNounIsNoDigraph: a noun's t and the pronoun ha ("mn sa3etha", since then) are read as
// ساعتها, not whole by the digraph th as يساعد (it helps), which reads a chronic condition into a sign.
func TestPossessedNounIsNoDigraph(t *testing.T) {
	if forms := skeletonForms("sa3etha"); slices.Contains(forms, "s3d") || !slices.Contains(forms, "s3t") {
		t.Errorf("skeletonForms(sa3etha) = %v", forms)
	}
	if forms := skeletonForms("hatha"); !slices.Contains(forms, "hd") {
		t.Errorf("skeletonForms(hatha) = %v, want هذا's hd", forms)
	}
}

// TestFuturePhrasesFitTheirReach: future reads phrases starting at most maxFuturePhrase and futureGap
// words before a sign, so none may be longer.
func TestFuturePhrasesFitTheirReach(t *testing.T) {
	tr, err := NewTriage()
	if err != nil {
		t.Fatal(err)
	}
	for lang, tl := range tr.langs {
		for _, ph := range tl.context.phrases["future"] {
			if len(ph) > maxFuturePhrase {
				t.Errorf("%s: future phrase %q is longer than maxFuturePhrase (%d)", lang, ph, maxFuturePhrase)
			}
		}
	}
}
