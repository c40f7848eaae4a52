package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/knowledge"
)

func testBank(t testing.TB) *knowledge.Bank {
	t.Helper()
	entries := []knowledge.Entry{
		{ID: "inj", Lang: "en", Kind: knowledge.FAQ, Title: "The injection", Question: "How is the injection given?",
			Alternates: []string{"where do you inject the cells"}, Answer: "Ultrasound guides the needle into the joint."},
		{ID: "sed", Lang: "en", Kind: knowledge.FAQ, Title: "Sedation", Question: "Will I get sedation?",
			Answer: "Local anesthesia is used; sedation only if needed."},
		{ID: "nsaid", Lang: "en", Kind: knowledge.FAQ, Title: "Anti-inflammatories", Question: "Should I stop NSAIDs?",
			Answer: "Stop anti-inflammatory drugs a few days before."},
		{ID: "inj", Lang: "ar", Kind: knowledge.FAQ, Title: "الحقن", Question: "كيف تتم عملية الحقن؟",
			Answer: "يتم توجيه الإبرة بالموجات فوق الصوتية."},
		{ID: "guide-a", Lang: "en", Kind: knowledge.Guide, Title: "Recovery", Question: "Recovery",
			Answer: "Most people return to daily activities within a day or two."},
	}
	lex := map[string]*knowledge.Lexicon{
		"en": {Lang: "en", Synonyms: map[string][]string{
			"injection": {"shot", "jab"},
			"sedation":  {"put me under", "knocked out"},
			"nsaids":    {"ibuprofen", "advil", "painkillers"},
		}},
		"ar": {Lang: "ar", Synonyms: map[string][]string{"الحقن": {"ابره"}}},
	}
	return knowledge.NewBank(entries, lex)
}

func defaultIndex(t testing.TB) *Index {
	t.Helper()
	ix, err := Build(context.Background(), testBank(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

func TestSearch(t *testing.T) {
	ix := defaultIndex(t)
	tests := []struct {
		q, lang, want string
	}{
		{"how is the shot given", "en", "inj"},
		{"will they put me under", "en", "sed"},
		{"can I keep taking Advil?", "en", "nsaid"},
		{"can i keep taking painkillers", "en", "nsaid"},
		{"how is the injecton given", "en", "inj"},
		{"INJECTION", "en", "inj"},
		{"كيف تتم الإبرة", "ar", "inj"},
		{"بالحقنة", "ar", "inj"},
		{"daily activities recovery", "en", "guide-a"},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), knowledge.Query{Text: tt.q, Lang: tt.lang, Top: 3})
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.q, err)
		}
		if len(res.Matches) == 0 || res.Matches[0].ID != tt.want {
			t.Errorf("Search(%q) = %+v, want %s first", tt.q, res.Matches, tt.want)
		}
	}
}

func TestSearchReportsHowItReadTheQuestion(t *testing.T) {
	ix := defaultIndex(t)
	res, err := ix.Search(context.Background(), knowledge.Query{Text: "will the jab hurt, injecton worry zzqx", Lang: "en", Top: 3, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	var from, corrected, unknown []string
	for _, term := range res.Terms {
		switch {
		case term.Corrected:
			corrected = append(corrected, term.From+">"+term.Text)
		case term.From != "":
			from = append(from, term.From+">"+term.Text)
		case !term.Known:
			unknown = append(unknown, term.Text)
		}
	}
	if !slices.Contains(from, "jab>inject") || !slices.Contains(unknown, "zzqx") {
		t.Errorf("got synonyms %v corrections %v unknown %v", from, corrected, unknown)
	}
	for _, m := range res.Matches {
		if m.Coverage < 0 || m.Coverage > 1 || m.QuestionCoverage < 0 || m.QuestionCoverage > 1 || m.Similarity < 0 || m.Similarity > 1 {
			t.Errorf("coverage out of range: %+v", m)
		}
	}
}

func TestSearchTreatsQuerySyntaxAsText(t *testing.T) {
	ix := defaultIndex(t)
	for _, q := range []string{`title:(inj) OR +sed* -"x" ~ ^2`, `\`, `"`, `*`, `(`, `[a TO b]`, ""} {
		if _, err := ix.Search(context.Background(), knowledge.Query{Text: q, Lang: "en", Top: 3}); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
}

func TestSearchOtherLanguageAndLimits(t *testing.T) {
	ix := defaultIndex(t)
	res, err := ix.Search(context.Background(), knowledge.Query{Text: "sedation", Lang: "ar", Top: 3})
	if err != nil || len(res.Matches) != 0 {
		t.Errorf("English word in Arabic entries: got %v %v, want nothing", res.Matches, err)
	}
	if res, _ := ix.Search(context.Background(), knowledge.Query{Text: "sedation", Lang: "fr", Top: 3}); len(res.Matches) != 0 {
		t.Errorf("unknown language: got matches %v", res.Matches)
	}
	if res, _ := ix.Search(context.Background(), knowledge.Query{Text: "sedation", Lang: "en"}); len(res.Matches) != 0 {
		t.Errorf("top 0: got matches %v", res.Matches)
	}
}

func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, testBank(t)); err == nil {
		t.Errorf("Build with a cancelled context: got no error")
	}
}

func TestLongNonsenseCostsLikeAQuestion(t *testing.T) {
	ix := defaultIndex(t)
	var b strings.Builder
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "qzx%dvwy ", i)
	}
	res, err := ix.Search(context.Background(), knowledge.Query{Text: b.String(), Lang: "en", Top: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Terms) > maxTerms {
		t.Errorf("read %d terms, want at most %d", len(res.Terms), maxTerms)
	}
}

func TestSearchBreaksTiesByIDBeforeTheCut(t *testing.T) {
	var entries []knowledge.Entry
	for _, n := range []int{7, 3, 11, 0, 9, 5, 1, 10, 2, 8, 4, 6} {
		entries = append(entries, knowledge.Entry{ID: fmt.Sprintf("e%02d", n), Lang: "en", Kind: knowledge.FAQ,
			Title: "Recovery", Question: "How long is recovery?", Answer: "A day or two."})
	}
	ix, err := Build(context.Background(), knowledge.NewBank(entries, nil))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	res, err := ix.Search(context.Background(), knowledge.Query{Text: "how long is recovery", Lang: "en", Top: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range res.Matches {
		got = append(got, m.ID)
	}
	if want := []string{"e00", "e01", "e02"}; !slices.Equal(got, want) {
		t.Errorf("tied matches = %v, want %v", got, want)
	}
}

func TestSearchOrdersTiesAboveTheCutByID(t *testing.T) {
	entry := func(id, q string) knowledge.Entry {
		return knowledge.Entry{ID: id, Lang: "en", Kind: knowledge.FAQ, Title: "Recovery", Question: q, Answer: "A day or two."}
	}
	bank := knowledge.NewBank([]knowledge.Entry{
		entry("e09", "Is recovery quick?"), entry("e05", "How long is the wait?"),
		entry("e03", "How long is the wait?"), entry("e07", "Is the wait short?"),
	}, nil)
	ix, err := Build(context.Background(), bank)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	res, err := ix.Search(context.Background(), knowledge.Query{Text: "how long is the wait", Lang: "en", Top: 2})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range res.Matches {
		got = append(got, m.ID)
	}
	if want := []string{"e03", "e05"}; !slices.Equal(got, want) {
		t.Errorf("matches = %v, want %v", got, want)
	}
}
