package topicclass

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/internal/textclass"
	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

func bank(alternate string) *knowledge.Bank {
	return knowledge.NewBank([]knowledge.Entry{
		{ID: "wear", Lang: "en", Kind: knowledge.FAQ, Title: "What to wear", Question: "What should I wear?", Alternates: []string{"clothes for the appointment", alternate}},
		{ID: "wear", Lang: "ar", Kind: knowledge.FAQ, Title: "ماذا ألبس", Question: "ماذا ألبس يوم الجلسة؟", Alternates: []string{"ملابس مريحة"}},
		{ID: "pain", Lang: "en", Kind: knowledge.FAQ, Title: "Pain", Question: "Does the injection hurt?", Alternates: []string{"is it painful", "will it sting"}},
		{ID: "price", Lang: "en", Kind: knowledge.OutOfScope, Title: "Price", Question: "How much does it cost?", Alternates: []string{"what is the price"}},
		{ID: "guide", Lang: "en", Kind: knowledge.Guide, Title: "Guide", Answer: "A section the classifier does not learn."},
	}, nil)
}

func TestTrainReadsItsBanksWaysOfAsking(t *testing.T) {
	c, err := Train(context.Background(), bank("loose trousers"))
	if err != nil || c == nil {
		t.Fatalf("Train: %v, %v", c, err)
	}
	for _, tt := range []struct{ q, want string }{
		{"what clothes should i wear", "wear"},
		{"ماذا ألبس", "wear"}, // one class for both languages of an entry
		{"does it hurt a lot", "pain"},
		{"what's the price", "price"}, // out-of-scope entries are classes: a near miss is recognised
	} {
		r := c.Read(textnorm.Normalize(tt.q))
		if id, p := r.Best(); id != tt.want || p <= 1.0/3 {
			t.Errorf("Best(%q) = %s %.2f, want %s above chance", tt.q, id, p, tt.want)
		}
		sum := r.P("wear") + r.P("pain") + r.P("price")
		if sum > 1+1e-9 || r.P("guide") != 0 || r.P("nope") != 0 {
			t.Errorf("Read(%q): chances sum to %v, guide %v, unknown %v", tt.q, sum, r.P("guide"), r.P("nope"))
		}
		if ranked := r.Ranked(5); len(ranked) != 3 || ranked[0] != tt.want {
			t.Errorf("Ranked(%q) = %v", tt.q, ranked)
		}
	}
}

func TestTrainIsDeterministicAndKeyedByContent(t *testing.T) {
	a, _ := Train(context.Background(), bank("loose trousers"))
	b, _ := Train(context.Background(), bank("loose trousers"))
	c, _ := Train(context.Background(), bank("a comfy hoodie"))
	if a.Key() != b.Key() || a.Key() == c.Key() || a.Key() != Key(bank("loose trousers")) {
		t.Errorf("keys: %s %s %s", a.Key(), b.Key(), c.Key())
	}
	q := textnorm.Normalize("is the shot painful")
	if a.Read(q).P("pain") != b.Read(q).P("pain") {
		t.Error("two trainings on one bank read a message differently")
	}
}

// TestActPatternsAreNotTrained: an act's pattern ("connect me + doctor | nurse") is a rule of the act
// matcher, not a way of asking: adding one leaves the classifier as it was.
func TestActPatternsAreNotTrained(t *testing.T) {
	b := bank("loose trousers")
	before := Key(b)
	b.Acts = map[string]map[string]knowledge.Act{"en": {"handoff": {Phrases: []string{"connect me + doctor | nurse"}}}}
	if Key(b) != before {
		t.Error("an act pattern changed the classifier's key")
	}
	b.Acts["en"]["handoff"] = knowledge.Act{Phrases: []string{"connect me with a doctor"}}
	if Key(b) == before {
		t.Error("an act phrase left the classifier's key as it was")
	}
}

func TestTrainLearnsActs(t *testing.T) {
	one := knowledge.NewBank([]knowledge.Entry{{ID: "x", Lang: "en", Kind: knowledge.FAQ, Title: "X", Question: "x?"}}, nil)
	c, err := Train(context.Background(), one)
	if c == nil || err != nil {
		t.Fatalf("got %v, %v, want the acts learned beside one entry", c, err)
	}
	for _, tt := range []struct{ q, want string }{
		{"thanks a lot for ur help", "thanks"},
		{"شكرا جزيلا", "thanks"},
		{"hello there", "greeting"},
		{"can i talk to a nurse", "handoff"},
	} {
		if act, p := c.Read(textnorm.Normalize(tt.q)).Act(); act != tt.want || p < 0.3 {
			t.Errorf("Act(%q) = %s %.2f, want %s", tt.q, act, p, tt.want)
		}
	}
	if ranked := c.Read("thanks").Ranked(5); len(ranked) != 1 || ranked[0] != "x" {
		t.Errorf("Ranked lists acts: %v", ranked)
	}
	var r Reading
	if id, p := r.Best(); id != "" || p != 0 || r.P("x") != 0 || r.Ranked(3) != nil {
		t.Error("the zero Reading is not empty")
	}
	if act, p := r.Act(); act != "" || p != 0 {
		t.Error("the zero Reading is not empty")
	}
}

func TestTrainStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, bank("x")); err == nil {
		t.Error("Train on a cancelled context: no error")
	}
}

func BenchmarkRead(b *testing.B) {
	def, _, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	c, err := Train(context.Background(), def)
	if err != nil {
		b.Fatal(err)
	}
	q := textnorm.Normalize("can I go back to work the day after the injection?")
	b.ReportAllocs()
	for b.Loop() {
		c.Read(q)
	}
}

func BenchmarkTrainDefault(b *testing.B) {
	def, _, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Train(context.Background(), def); err != nil {
			b.Fatal(err)
		}
	}
}

func TestWaysPerEntry(t *testing.T) {
	c, _ := Train(context.Background(), bank("loose trousers"))
	// wear: question, title, 2 alternates and the Arabic question, title and alternate; pain: 4; price: 3.
	if got := c.WaysPerEntry(); got != 14.0/3 {
		t.Errorf("WaysPerEntry = %v, want 14/3", got)
	}
}

var update = flag.Bool("update", false, "retrain the shipped classifier (default.model) from the default knowledge")

// TestShippedIsTheDefaultKnowledges: the shipped classifier is what Train makes of the default knowledge
// as it is now; after a knowledge edit, run this test with -update.
func TestShippedIsTheDefaultKnowledges(t *testing.T) {
	def, _, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Train(context.Background(), def)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		var b bytes.Buffer
		if err := Write(&b, fresh); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("default.model", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := Read(shipped)
	if err != nil {
		t.Fatal(err)
	}
	if got.Key() != Key(def) {
		t.Fatal("the shipped classifier was trained on other knowledge: run go test ./internal/topicclass -run TestShippedIsTheDefaultKnowledges -update")
	}
	if got.WaysPerEntry() != fresh.WaysPerEntry() || !slices.Equal(got.model.Weights, fresh.model.Weights) || !slices.Equal(got.model.Bias, fresh.model.Bias) {
		t.Fatal("the shipped classifier is not what Train makes of the default knowledge: run with -update")
	}
	if c, err := For(context.Background(), def); err != nil || c.Key() != got.Key() {
		t.Errorf("For(default) = %v, %v", c, err)
	}
}

func TestReadRefusesDamage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not gzip"), shipped[:len(shipped)/2]} {
		if _, err := Read(data); err == nil {
			t.Errorf("Read of %d damaged bytes: no error", len(data))
		}
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	fmt.Fprintf(zw, "short 1\n")
	zw.Close()
	if _, err := Read(b.Bytes()); err == nil {
		t.Error("Read of a malformed header: no error")
	}
}

func BenchmarkReadShipped(b *testing.B) {
	for b.Loop() {
		if _, err := Read(shipped); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzRead: any bytes read as a saved classifier give a classifier or an error, never a panic.
func FuzzRead(f *testing.F) {
	m, err := textclass.Train(context.Background(), []string{"wear", "pain"}, []textclass.Example{{Text: "what to wear", Class: 0}, {Text: "does it hurt", Class: 1}}, textclass.TrainOptions{Bits: 4})
	if err != nil {
		f.Fatal(err)
	}
	c := &Classifier{key: strings.Repeat("ab", 32), model: m, ways: 1}
	var b bytes.Buffer
	if err := Write(&b, c); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if c, err := Read(data); err == nil {
			c.Read("how long is the session")
		}
	})
}
