package spelling

import (
	"math/rand/v2"
	"testing"
)

// reference is the whole table of the Levenshtein distance or, with swaps, of the optimal string
// alignment distance: what distance is checked against.
func reference(a, b []rune, swaps bool) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if swaps && i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		swaps bool
		want  int
	}{
		{"", "", 2, false, 0}, {"abc", "abc", 2, false, 0}, {"injecton", "injection", 2, false, 1},
		{"kitten", "sitting", 3, false, 3}, {"kitten", "sitting", 2, false, 3}, {"حقنه", "حقن", 1, false, 1},
		{"abcdef", "ab", 2, false, 3}, {"procedur", "proceedure", 2, false, 2},
		{"recieve", "receive", 2, false, 2}, {"recieve", "receive", 1, true, 1}, {"there", "three", 1, true, 1},
	}
	for _, tt := range tests {
		if got := distance([]rune(tt.a), []rune(tt.b), tt.limit, tt.swaps); got != tt.want {
			t.Errorf("distance(%q, %q, %d, %v) = %d, want %d", tt.a, tt.b, tt.limit, tt.swaps, got, tt.want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		w := make([]rune, r.IntN(maxCorrectable+1))
		for i := range w {
			w[i] = rune('a' + r.IntN(3))
		}
		return w
	}
	for range 50000 {
		a, b, limit, swaps := word(), word(), r.IntN(maxEdits+2), r.IntN(2) == 0
		want := min(reference(a, b, swaps), limit+1)
		if got := distance(a, b, limit, swaps); got != want {
			t.Fatalf("distance(%q, %q, %d, %v) = %d, want %d", string(a), string(b), limit, swaps, got, want)
		}
	}
}

// TestNewWordsSwaps ranks a transposition as one edit for whole words, where New ranks a substitution
// first: "needel" is "needle" when "needle" is the commoner word.
func TestNewWordsSwaps(t *testing.T) {
	counts := map[string]int{"needle": 5, "needed": 2}
	if got := New(counts, nil).Correct("needel"); got != "needed" {
		t.Errorf("New: needel corrected to %q, want needed (one substitution)", got)
	}
	if got := NewWords(counts, nil).Correct("needel"); got != "needle" {
		t.Errorf("NewWords: needel corrected to %q, want needle (one transposition, the commoner word)", got)
	}
}

// TestTransposed reads a short term as the known term it is with two letters swapped back, the more
// frequent of two, and no other edit.
func TestTransposed(t *testing.T) {
	s := NewWords(map[string]int{"wear": 3, "ware": 1, "team": 2, "meat": 5}, nil)
	for term, want := range map[string]string{"waer": "wear", "taem": "team", "wera": "wear", "wexr": "", "wears": "", "war": "", "wear": ""} {
		if got := s.Transposed(term); got != want {
			t.Errorf("Transposed(%q) = %q, want %q", term, got, want)
		}
	}
}

// TestNearer compares two corrections of one word: a substitution beats two, a transposition counts
// as one, and words beyond two edits are all as far.
func TestNearer(t *testing.T) {
	for _, tt := range []struct {
		w, a, b string
		want    bool
	}{
		{"rejektion", "rejection", "reception", true},
		{"rejektion", "reception", "rejection", false},
		{"needel", "needle", "needed", false}, // one edit each
		{"abc", "xyzabc", "uvwxyz", false},    // both too far
	} {
		if got := Nearer(tt.w, tt.a, tt.b); got != tt.want {
			t.Errorf("Nearer(%q, %q, %q) = %v, want %v", tt.w, tt.a, tt.b, got, tt.want)
		}
	}
}

// BenchmarkCorrect corrects unknown terms against a vocabulary of 200,000 made-up terms, far more than
// a clinic's knowledge holds (the default knowledge has about 1,300 per language): what a correction
// costs grows with the known terms of its first letter and length.
func BenchmarkCorrect(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		w := make([]rune, 4+r.IntN(12))
		for i := range w {
			w[i] = rune('a' + r.IntN(26))
		}
		return string(w)
	}
	df := map[string]int{}
	for range 200000 {
		df[word()] = 1 + r.IntN(9)
	}
	s := New(df, nil)
	unknown := make([]string, 64)
	for i := range unknown {
		unknown[i] = word()
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.Correct(unknown[i%len(unknown)])
	}
}
