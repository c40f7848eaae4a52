package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/bot"
)

// fakeEngine answers with the question's text as the answer id, so tests see order and content.
type fakeEngine struct{ err error }

func (f fakeEngine) Answer(_ context.Context, q bot.Question) (bot.Answer, error) {
	if f.err != nil {
		return bot.Answer{}, f.err
	}
	return bot.Answer{Question: q.Text, Lang: q.Lang, Status: bot.Answered, ID: q.Text, Matches: []bot.Candidate{}}, nil
}

func TestBatchKeepsOrderAndBlankLines(t *testing.T) {
	var out bytes.Buffer
	in := "first\r\n\nthird\nno newline at end"
	if err := Batch(context.Background(), fakeEngine{}, strings.NewReader(in), &out, bot.Question{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var a bot.Answer
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		got = append(got, a.Question)
	}
	want := []string{"first", "", "third", "no newline at end"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBatchLongLineIsCut(t *testing.T) {
	var out bytes.Buffer
	in := strings.Repeat("x", 3*maxLine) + "\nnext\n"
	if err := Batch(context.Background(), fakeEngine{}, strings.NewReader(in), &out, bot.Question{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], `"question":"next"`) {
		t.Fatalf("got %d lines, want the long one cut and the next one answered", len(lines))
	}
	var a bot.Answer
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil || len(a.Question) != maxLine {
		t.Errorf("long line: got %d bytes (%v), want %d", len(a.Question), err, maxLine)
	}
}

func TestBatchReportsEngineErrors(t *testing.T) {
	boom := errors.New("boom")
	err := Batch(context.Background(), fakeEngine{err: boom}, strings.NewReader("a\nb\n"), &bytes.Buffer{}, bot.Question{})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "question 1") {
		t.Errorf("got %v, want boom at question 1", err)
	}
}

func TestWriteText(t *testing.T) {
	var b strings.Builder
	a := bot.Answer{Status: bot.Urgent, RedFlag: "fever", Reply: "Call now.", Disclaimer: "Not advice.", Lang: "en", Matches: []bot.Candidate{}}
	if err := WriteText(&b, a); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); !strings.HasPrefix(out, "URGENT (fever)\nCall now.") || !strings.Contains(out, "Not advice.") || !strings.Contains(out, "id=-") {
		t.Errorf("got:\n%s", out)
	}
}

// TestWriteTextOtherQuestions prints the other questions' answers and likely topics once each, before the
// related topics that are neither.
func TestWriteTextOtherQuestions(t *testing.T) {
	var b strings.Builder
	a := bot.Answer{Status: bot.Answered, ID: "side-effects", Title: "Side effects", Reply: "Mild.", Lang: "en",
		Also:      []bot.Also{{ID: "pain", Title: "Does it hurt", Answer: "A little."}},
		AlsoAsked: []bot.Topic{{ID: "recovery-tips", Title: "Recovery tips"}},
		Related:   []bot.Topic{{ID: "recovery-tips", Title: "Recovery tips"}, {ID: "pain", Title: "Does it hurt"}, {ID: "follow-up", Title: "Follow-up"}}}
	if err := WriteText(&b, a); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"You also asked: Does it hurt\nA little.", "Your other question may be about:\n  - Recovery tips (recovery-tips)\nRelated:\n  - Follow-up (follow-up)\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

// panicky panics on the question "panic" and answers every other one.
type panicky struct{ fakeEngine }

func (p panicky) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	if q.Text == "panic" {
		panic("engine bug")
	}
	return p.fakeEngine.Answer(ctx, q)
}

func TestBatchSurvivesAPanicOnOneLine(t *testing.T) {
	var out bytes.Buffer
	err := Batch(context.Background(), panicky{}, strings.NewReader("a\npanic\nc\n"), &out, bot.Question{})
	if err == nil || !strings.Contains(err.Error(), "1 of 3") {
		t.Errorf("got %v, want an error counting 1 of 3 questions failed", err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want 3: %s", len(lines), out.String())
	}
	var failed struct {
		Line  int    `json:"line"`
		Error string `json:"error"`
	}
	if err := json.Unmarshal([]byte(lines[1]), &failed); err != nil || failed.Line != 2 || failed.Error == "" {
		t.Errorf("line 2: got %s (%v), want {line:2, error:...}", lines[1], err)
	}
	if strings.Contains(lines[1], `"panic"`) {
		t.Errorf("line 2 quotes the question: %s", lines[1])
	}
	var a bot.Answer
	if err := json.Unmarshal([]byte(lines[2]), &a); err != nil || a.Question != "c" {
		t.Errorf("line 3: got %s, want the answer to c", lines[2])
	}
}

func TestChatSurvivesAPanic(t *testing.T) {
	var out bytes.Buffer
	if err := Chat(context.Background(), panicky{}, strings.NewReader("panic\nafter\n"), &out, bot.Question{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "error: ") || !strings.Contains(out.String(), "id=after") {
		t.Errorf("got %q, want an error line for the first question and the answer to the second", out.String())
	}
}
