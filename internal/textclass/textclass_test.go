package textclass

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"
)

var classes = []string{"none", "red"}

// toy is a small corpus a linear model separates: symptom words are red, unless negated.
func toy() []Example {
	return []Example{
		{"i have a fever", 1}, {"high fever since yesterday", 1}, {"my chest hurts", 1}, {"chest pain now", 1},
		{"عندي حرارة", 1}, {"7arara 3alye", 1}, {"fever and chills", 1}, {"pain in my chest", 1},
		{"no fever at all", 0}, {"where do i park", 0}, {"what should i wear", 0}, {"how long is the session", 0},
		{"ما عندي حرارة", 0}, {"mafeesh 7arara", 0}, {"not a fever", 0}, {"thanks a lot", 0},
	}
}

func train(t *testing.T) *Model {
	t.Helper()
	m, err := Train(context.Background(), classes, toy(), TrainOptions{Bits: 12, Epochs: 40, Seed: 7, Negators: []string{"no", "not", "ما", "mafeesh"}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainSeparates(t *testing.T) {
	m := train(t)
	for _, tc := range []struct {
		text string
		red  bool
	}{
		{"fever", true}, {"my chest", true}, {"حرارة", true},
		{"no fever", false}, {"where is the parking", false}, {"mafeesh 7arara", false},
	} {
		p := m.Probabilities(tc.text)
		if got := p[1] > 0.5; got != tc.red {
			t.Errorf("Probabilities(%q) = %.2f red, want red %v", tc.text, p[1], tc.red)
		}
		if s := p[0] + p[1]; math.Abs(s-1) > 1e-9 {
			t.Errorf("Probabilities(%q) sum to %v, want 1", tc.text, s)
		}
	}
}

func TestNegatedWordsAreOtherFeatures(t *testing.T) {
	var names []string
	x := extractor{negators: map[string]bool{"no": true}, names: func(_ uint64, name string) { names = append(names, name) }}
	x.each("no fever")
	for _, want := range []string{"wno", "Wfever", "C<fe", "Cver>", "C<feve", "Bno fever"} {
		found := false
		for _, n := range names {
			found = found || n == want
		}
		if !found {
			t.Errorf("features of %q: no %q in %q", "no fever", want, names)
		}
	}
}

func TestSameSeedSameModel(t *testing.T) {
	a, b := train(t), train(t)
	for i := range a.Weights {
		if a.Weights[i] != b.Weights[i] {
			t.Fatalf("weight %d: %v and %v from the same seed", i, a.Weights[i], b.Weights[i])
		}
	}
}

func TestExplain(t *testing.T) {
	m := train(t)
	ev := m.Explain("i have a fever", 1, 3)
	if len(ev) == 0 || len(ev) > 3 {
		t.Fatalf("Explain gave %d features, want 1 to 3", len(ev))
	}
	for i := 1; i < len(ev); i++ {
		if ev[i].Weight > ev[i-1].Weight {
			t.Errorf("Explain not strongest first: %v", ev)
		}
	}
	if got := m.Explain("fever", 5, 3); got != nil {
		t.Errorf("Explain with class 5 = %v, want nil", got)
	}
}

func TestSaveRead(t *testing.T) {
	m := train(t)
	path := filepath.Join(t.TempDir(), "m.model")
	if err := Save(path, m); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"no fever", "chest pain", "mafeesh 7arara"} {
		if a, b := m.Probabilities(text), got.Probabilities(text); a[1] != b[1] {
			t.Errorf("%q: %v before saving, %v after", text, a[1], b[1])
		}
	}
}

func TestReadRefusesBrokenModels(t *testing.T) {
	m := train(t)
	for name, broken := range map[string]func(*Model){
		"one class":   func(m *Model) { m.Classes = m.Classes[:1] },
		"short":       func(m *Model) { m.Weights = m.Weights[:10] },
		"bits":        func(m *Model) { m.Bits = 40 },
		"not numbers": func(m *Model) { m.Weights[3] = float32(math.NaN()) },
		"bias":        func(m *Model) { m.Bias = nil },
	} {
		c := *m
		c.Weights = append([]float32(nil), m.Weights...)
		broken(&c)
		path := filepath.Join(t.TempDir(), "m.model")
		if err := Save(path, &c); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		if _, err := Read(data); err == nil {
			t.Errorf("%s: Read gave no error", name)
		}
	}
	if _, err := Read([]byte("not gzip")); err == nil {
		t.Errorf("Read of garbage gave no error")
	}
}

func TestTrainRefusesBadInput(t *testing.T) {
	if _, err := Train(context.Background(), classes, []Example{{"x", 2}}, TrainOptions{}); err == nil {
		t.Errorf("class out of range: no error")
	}
	if _, err := Train(context.Background(), classes, toy(), TrainOptions{Bits: 30}); err == nil {
		t.Errorf("30 bits: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, classes, toy(), TrainOptions{}); err == nil {
		t.Errorf("cancelled: no error")
	}
}

func FuzzRead(f *testing.F) {
	m, err := Train(context.Background(), classes, toy(), TrainOptions{Bits: 4, Epochs: 1})
	if err != nil {
		f.Fatal(err)
	}
	path := filepath.Join(f.TempDir(), "m.model")
	if err := Save(path, m); err != nil {
		f.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	f.Add(data)
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(data)
		if err != nil {
			return
		}
		p := m.Probabilities("fever 39")
		if len(p) != len(m.Classes) {
			t.Fatalf("%d probabilities for %d classes", len(p), len(m.Classes))
		}
	})
}

func FuzzProbabilities(f *testing.F) {
	m, err := Train(context.Background(), classes, toy(), TrainOptions{Bits: 8, Epochs: 2})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "fever", "ما عندي حرارة", "\xff\xfe", "<<<>>>", "7arara 39"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := m.Probabilities(s)
		sum := 0.0
		for _, x := range p {
			if math.IsNaN(x) || x < 0 || x > 1 {
				t.Fatalf("Probabilities(%q) = %v", s, p)
			}
			sum += x
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Fatalf("Probabilities(%q) sum to %v", s, sum)
		}
	})
}
