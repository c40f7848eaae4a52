package review

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/eval"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/internal/store"
	"github.com/faqbot/faqbot/knowledge"
)

const faqYAML = `# the clinic's FAQ
lang: en
entries:
  - id: parking
    question: Where can I park?
    alternates:
      - is there a car park
    answer: Park in the clinic's car park, level 2.
  - id: pain
    question: Does the injection hurt?
    alternates:
      - is it painful
      - will the needle hurt
    answer: You may feel pressure; the area is numbed first.
  - id: harvesting
    question: How are the cells collected?
    answer: From bone marrow in the hip or from fat in the belly.
`

const oosYAML = `lang: en
entries:
  - id: oos-cost
    kind: out_of_scope
    question: How much does it cost?
`

// fixture is a knowledge folder, a store and a reviewer over them.
func fixture(t *testing.T, sets ...Set) (*Reviewer, string) {
	t.Helper()
	dir := t.TempDir()
	know := filepath.Join(dir, "knowledge")
	if err := os.Mkdir(know, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"faq.yaml": faqYAML, "oos.yaml": oosYAML} {
		if err := os.WriteFile(filepath.Join(know, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, "faqbot.db"), store.Options{KeepUnansweredText: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return &Reviewer{Store: st, Knowledge: know, Sets: sets, By: "nurse", Build: build}, know
}

func build(ctx context.Context, bank *knowledge.Bank) (Answerer, io.Closer, error) {
	ix, err := index.Build(ctx, bank)
	if err != nil {
		return nil, nil, err
	}
	eng, err := bot.New(bank, ix, bot.Options{})
	if err != nil {
		_ = ix.Close()
		return nil, nil, err
	}
	return eng, ix, nil
}

func set(lines ...string) Set {
	cases, err := eval.ReadCases(strings.NewReader(strings.Join(lines, "\n")))
	if err != nil {
		panic(err)
	}
	return Set{Name: "set.jsonl", Cases: cases}
}

func group(text string) Group {
	return Group{Key: "k-" + text, Hashes: []string{"k-" + text}, Count: 1, Langs: []string{"en"}, Text: text}
}

func TestClusterJoinsNearDuplicates(t *testing.T) {
	now := time.Now()
	asked := []store.Asked{
		{Hash: "a", Count: 3, Text: "where do I park", First: now, Last: now, Platforms: []string{"telegram"}, Langs: []string{"en"}, Outcomes: map[string]int{"no_match": 3}},
		{Hash: "b", Count: 2, Text: "how much does it cost", First: now, Last: now, Platforms: []string{"web"}, Langs: []string{"en"}, Outcomes: map[string]int{"no_match": 2}},
		{Hash: "c", Count: 2, Text: "where do I park?? my car", First: now.Add(-time.Hour), Last: now, Platforms: []string{"discord"}, Langs: []string{"en"}, Outcomes: map[string]int{"no_match:unsure": 2}},
		{Hash: "d", Count: 1, First: now, Last: now, Platforms: []string{"web"}, Langs: []string{"ar"}, Outcomes: map[string]int{"no_match": 1}},
	}
	groups := cluster(asked, 0.6)
	if len(groups) != 3 {
		t.Fatalf("groups: %+v", groups)
	}
	park := groups[0]
	if park.Key != "a" || park.Count != 5 || len(park.Hashes) != 2 || len(park.Variants) != 1 || len(park.Platforms) != 2 ||
		!park.First.Equal(now.Add(-time.Hour)) || park.Outcomes["no_match:unsure"] != 2 {
		t.Errorf("parking group: %+v", park)
	}
	if groups[2].Key != "d" || groups[2].Text != "" {
		t.Errorf("a question without kept text is a group of its own: %+v", groups[2])
	}
}

func TestTeachWritesAfterTheChecks(t *testing.T) {
	r, know := fixture(t, set(`{"q":"is it painful?","lang":"en","kind":"answer","ids":["pain"]}`,
		`{"q":"where do I leave my car","lang":"en","kind":"answer","ids":["parking"]}`))
	ctx := context.Background()
	c, err := r.Teach(ctx, group("somewhere to leave the vehicle"), "parking", "en")
	if err != nil {
		t.Fatal(err)
	}
	if !c.Written || len(c.Refused) > 0 || c.File != "faq.yaml" || c.After == nil || c.After.ID != "parking" {
		t.Fatalf("change: %+v (after %+v)", c, c.After)
	}
	data, _ := os.ReadFile(filepath.Join(know, "faq.yaml"))
	if !strings.Contains(string(data), "      - is there a car park\n      - somewhere to leave the vehicle\n") || !strings.HasPrefix(string(data), "# the clinic's FAQ") {
		t.Errorf("faq.yaml:\n%s", data)
	}
	acts, err := r.Store.Actions(ctx, store.ActionTeach, time.Now().Add(-time.Hour))
	if err != nil || len(acts) != 1 || acts[0].By != "nurse" || acts[0].Topic != "parking" || acts[0].File != "faq.yaml" {
		t.Errorf("audit: %+v %v", acts, err)
	}
}

func TestTeachRefusedWhenAFigureFalls(t *testing.T) {
	r, know := fixture(t, set(`{"q":"will the needle hurt a lot","lang":"en","kind":"answer","ids":["pain"]}`))
	before, _ := os.ReadFile(filepath.Join(know, "faq.yaml"))
	c, err := r.Teach(context.Background(), group("will the needle hurt a lot"), "parking", "en")
	if err != nil {
		t.Fatal(err)
	}
	if c.Written || len(c.Refused) == 0 || len(c.Changed) != 1 || c.Changed[0].Before.ID != "pain" {
		t.Fatalf("change: %+v", c)
	}
	if after, _ := os.ReadFile(filepath.Join(know, "faq.yaml")); string(after) != string(before) {
		t.Error("a refused change was written")
	}
	if acts, _ := r.Store.Actions(context.Background(), "", time.Now().Add(-time.Hour)); len(acts) != 0 {
		t.Errorf("a refused change left an audit row: %+v", acts)
	}
}

func TestOutOfScope(t *testing.T) {
	r, know := fixture(t)
	ctx := context.Background()
	if c, err := r.OutOfScope(ctx, group("do you take installments"), "oos-cost", "en", ""); err != nil || !c.Written {
		t.Fatalf("to an existing entry: %+v %v", c, err)
	}
	c, err := r.OutOfScope(ctx, group("can I bring my dog"), "oos-pets", "en", "Pets")
	if err != nil || !c.Written || c.File != "oos.yaml" || c.After == nil || c.After.Reason != bot.ReasonOutOfScope {
		t.Fatalf("a new entry: %+v %v", c, err)
	}
	data, _ := os.ReadFile(filepath.Join(know, "oos.yaml"))
	for _, want := range []string{"      - do you take installments\n", "  - id: oos-pets\n    kind: out_of_scope\n    title: Pets\n    question: can I bring my dog\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("oos.yaml lacks %q:\n%s", want, data)
		}
	}
	if _, err := r.OutOfScope(ctx, group("parking please"), "parking", "en", ""); err == nil {
		t.Error("a question was added as out of scope to an answered topic")
	}
	if _, err := r.Teach(ctx, group("price?"), "oos-cost", "en"); err == nil {
		t.Error("a question was taught to an out-of-scope entry")
	}
}

func TestActionsRefused(t *testing.T) {
	r, _ := fixture(t)
	ctx := context.Background()
	if _, err := r.Teach(ctx, Group{Key: "h", Hashes: []string{"h"}, Count: 3}, "parking", "en"); !errors.Is(err, ErrNoText) {
		t.Errorf("no kept text: %v", err)
	}
	if _, err := r.Teach(ctx, group("x y z"), "nope", "en"); err == nil || !strings.Contains(err.Error(), "no topic nope") {
		t.Errorf("no such topic: %v", err)
	}
	embedded := *r
	embedded.Knowledge = ""
	if _, err := embedded.Teach(ctx, group("x"), "parking", "en"); !errors.Is(err, ErrEmbedded) {
		t.Errorf("embedded knowledge: %v", err)
	}
	if err := r.write("faq.yaml", []byte("what it was"), []byte("new")); !errors.Is(err, ErrChangedMeanwhile) {
		t.Errorf("a file changed meanwhile: %v", err)
	}
}

func TestClinicalAndDismissHideTheGroup(t *testing.T) {
	r, _ := fixture(t)
	ctx := context.Background()
	now := time.Now()
	if err := r.Store.RecordEvents(ctx, []store.Event{
		{At: now, Platform: "web", Lang: "en", Status: "no_match", Text: "my arm feels weird since"},
		{At: now, Platform: "web", Lang: "en", Status: "no_match", Text: "what about the weather"},
	}); err != nil {
		t.Fatal(err)
	}
	if err := r.Store.RecordGiven(ctx, store.Given{At: now, Platform: "web", User: "u1", AnswerID: "pain"}); err != nil {
		t.Fatal(err)
	}
	if err := r.Store.RecordFeedback(ctx, store.Feedback{At: now, Platform: "web", User: "u1", Lang: "en", AnswerID: "pain"}); err != nil {
		t.Fatal(err)
	}
	asked, err := r.Store.Asked(ctx, now.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	unhelpful, err := r.Store.NotHelpful(ctx, now.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	eng, closer, err := build(ctx, mustLoad(t, r.Knowledge))
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	groups, err := Groups(ctx, asked, unhelpful, eng, Options{})
	if err != nil || len(groups) != 3 || groups[0].Now == nil || groups[2].Kind != KindNotHelpful || groups[2].Topic != "pain" || groups[2].Count != 1 {
		t.Fatalf("groups: %+v %v", groups, err)
	}
	for _, g := range groups {
		if strings.Contains(g.Text, "arm") {
			err = r.Clinical(ctx, g)
		} else {
			err = r.Dismiss(ctx, g)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if left, err := r.Store.Asked(ctx, now.Add(-time.Hour)); err != nil || len(left) != 0 {
		t.Errorf("left to review: %+v %v", left, err)
	}
	if left, err := r.Store.NotHelpful(ctx, now.Add(-time.Hour)); err != nil || len(left) != 0 {
		t.Errorf("answers marked not helpful left to review: %+v %v", left, err)
	}
	list, err := r.Store.Actions(ctx, store.ActionClinical, now.Add(-time.Hour))
	if err != nil || len(list) != 1 || list[0].Text != "my arm feels weird since" {
		t.Errorf("clinical list: %+v %v", list, err)
	}
}

func mustLoad(t *testing.T, path string) *knowledge.Bank {
	t.Helper()
	b, _, err := knowledge.LoadPath(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTeachArabiziAsWritten: an Arabizi question is taught in Latin letters, as it was asked; the engine
// reads the knowledge's Arabizi as it reads the question, and answers it when asked again.
func TestTeachArabiziAsWritten(t *testing.T) {
	dir := t.TempDir()
	know := filepath.Join(dir, "knowledge")
	if err := os.Mkdir(know, 0o755); err != nil {
		t.Fatal(err)
	}
	ar := "lang: ar\nentries:\n  - id: duration\n    question: كم مدة الجلسة؟\n    alternates:\n      - كم تستغرق الجلسة\n    answer: ساعة ونصف إلى ثلاث ساعات.\n" +
		"  - id: wear\n    question: ماذا ألبس يوم الجلسة؟\n    answer: ملابس مريحة.\n  - id: harvest\n    question: من أين تؤخذ الخلايا؟\n    answer: من نخاع العظم أو الدهون.\n"
	if err := os.WriteFile(filepath.Join(know, "faq.ar.yaml"), []byte(ar), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, "faqbot.db"), store.Options{KeepUnansweredText: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := &Reviewer{Store: st, Knowledge: know, By: "nurse", Build: build}
	ctx := context.Background()
	eng, closer, err := build(ctx, mustLoad(t, know))
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	const q = "addesh bte5od el jalse 3adatan?"
	now, err := answerNow(ctx, eng, q)
	if err != nil || now.ReadAs == "" || now.Lang != "ar" {
		t.Fatalf("the engine does not read %q as Arabizi: %+v %v", q, now, err)
	}
	g := Group{Key: "k", Hashes: []string{"k"}, Count: 1, Langs: []string{"ar"}, Text: q, Now: now}
	c, err := r.Teach(ctx, g, "duration", "ar")
	if err != nil || !c.Written || c.Taught != q || c.After == nil || c.After.ID != "duration" {
		t.Fatalf("change: %+v (after %+v) %v", c, c.After, err)
	}
	data, _ := os.ReadFile(filepath.Join(know, "faq.ar.yaml"))
	if !strings.Contains(string(data), q) {
		t.Errorf("faq.ar.yaml does not hold the question as asked, %q:\n%s", q, data)
	}
}
