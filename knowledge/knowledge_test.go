package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// The language codes are stored in the database, sent to platforms and named in the shipped files, so
// the constants must keep their values, and Languages its order (Lookup and Langs follow it).
func TestLanguages(t *testing.T) {
	if got, want := Languages(), []string{"en", "ar"}; !slices.Equal(got, want) {
		t.Errorf("Languages() = %q, want %q", got, want)
	}
	if got, want := []string{English, Arabic}, Languages(); !slices.Equal(got, want) {
		t.Errorf("English, Arabic = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		lang string
		want bool
	}{{English, true}, {Arabic, true}, {"", false}, {"fr", false}, {"EN", false}, {"ar-EG", false}} {
		t.Run(tc.lang, func(t *testing.T) {
			if got := Supported(tc.lang); got != tc.want {
				t.Errorf("Supported(%q) = %v, want %v", tc.lang, got, tc.want)
			}
		})
	}
}

func TestLangOfTag(t *testing.T) {
	for tag, want := range map[string]string{"ar": Arabic, "ar-EG": Arabic, "AR_sa": Arabic, "ara": Arabic, "arz": Arabic, "en": English,
		"en-GB": English, "eng": English, "fr": "", "": "", "a": "", "arabic": "", "e": "", "-ar": "", strings.Repeat("ar", 100): ""} {
		if got := LangOfTag(tag); got != want {
			t.Errorf("LangOfTag(%q) = %q, want %q", tag, got, want)
		}
	}
}
