package bot_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/knowledge"
)

// blockingSearch holds every search until release is closed.
type blockingSearch struct {
	entered chan struct{}
	release chan struct{}
}

func (b blockingSearch) Search(ctx context.Context, q knowledge.Query) (knowledge.SearchResult, error) {
	b.entered <- struct{}{}
	<-b.release
	return knowledge.SearchResult{}, nil
}

func TestGateAnswersBusyBeyondCapacityButNeverDelaysUrgent(t *testing.T) {
	bank, _, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := blockingSearch{entered: make(chan struct{}, 2), release: make(chan struct{})}
	e, err := bot.New(bank, s, bot.Options{Gate: bot.NewGate(2)})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			if _, err := e.Answer(context.Background(), bot.Question{Text: "what should I wear", Lang: "en"}); err != nil {
				t.Errorf("admitted question: %v", err)
			}
		})
	}
	<-s.entered
	<-s.entered

	a, err := e.Answer(context.Background(), bot.Question{Text: "what should I wear", Lang: "en"})
	if !errors.Is(err, bot.ErrBusy) || !strings.Contains(a.Reply, "again") {
		t.Errorf("third question: got %q, %v; want ErrBusy with a try-again reply", a.Reply, err)
	}
	a, err = e.Answer(context.Background(), bot.Question{Text: "عندي ضيق تنفس شديد وألم في الصدر"})
	if err != nil || a.Status != bot.Urgent || a.Lang != "ar" {
		t.Errorf("urgent at capacity: got %s/%s, %v; want urgent in Arabic", a.Status, a.Lang, err)
	}
	close(s.release)
	wg.Wait()
	if _, err := e.Answer(context.Background(), bot.Question{Text: "what should I wear", Lang: "en"}); err != nil {
		t.Errorf("after the slots were freed: %v", err)
	}
}
