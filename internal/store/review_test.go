package store

import (
	"context"
	"testing"
	"time"
)

func TestAskedGroupsAndActions(t *testing.T) {
	ctx := context.Background()
	for name, s := range backends(t, Options{KeepUnansweredText: true}) {
		t.Run(name, func(t *testing.T) {
			now := time.Now()
			events := []Event{
				{At: now.Add(-3 * time.Hour), Platform: "telegram", Lang: "en", Status: "no_match", Reason: "out_of_scope", Text: "Where do I PARK?"},
				{At: now.Add(-2 * time.Hour), Platform: "discord", Lang: "en", Status: "no_match", Reason: "out_of_scope", Text: "where do i park"},
				{At: now.Add(-time.Hour), Platform: "telegram", Lang: "ar", Status: "answered", AnswerID: "pain", Confidence: 0.62, Text: "بيوجع؟"},
				{At: now, Platform: "telegram", Lang: "en", Status: "answered", AnswerID: "pain", Confidence: 0.95, Text: "does it hurt"},
				{At: now, Platform: "telegram", Lang: "en", Status: "no_match", Reason: "greeting", Text: "hello"},
				{At: now, Platform: "telegram", Lang: "en", Status: "urgent", RedFlag: "fever", Text: "I have a fever"},
				{At: now, Platform: "cli", Lang: "en", Status: "no_match", Reason: "unsure", Text: "the thing with the hip"},
			}
			if err := s.RecordEvents(ctx, events); err != nil {
				t.Fatal(err)
			}
			asked, err := s.Asked(ctx, now.Add(-24*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if len(asked) != 3 {
				t.Fatalf("groups: %+v (want parking, the unsure one and the low-confidence answer; never a greeting, an urgent or a sure answer)", asked)
			}
			park := asked[0]
			if park.Count != 2 || park.Text != "where do i park" || len(park.Platforms) != 2 || park.Outcomes["no_match:out_of_scope"] != 2 {
				t.Errorf("parking group: %+v", park)
			}
			if err := s.RecordAction(ctx, Action{By: "nurse", Kind: ActionDismiss, Group: park.Hash}); err != nil {
				t.Fatal(err)
			}
			if err := s.RecordAction(ctx, Action{By: "nurse", Kind: ActionClinical, Group: asked[1].Hash, Text: asked[1].Text}); err != nil {
				t.Fatal(err)
			}
			if again, err := s.Asked(ctx, now.Add(-24*time.Hour)); err != nil || len(again) != 1 {
				t.Errorf("after two actions: %+v %v", again, err)
			}
			clinical, err := s.Actions(ctx, ActionClinical, now.Add(-time.Hour))
			if err != nil || len(clinical) != 1 || clinical[0].By != "nurse" || clinical[0].Text == "" {
				t.Errorf("clinical list: %+v %v", clinical, err)
			}
			if all, err := s.Actions(ctx, "", now.Add(-time.Hour)); err != nil || len(all) != 2 || all[0].Kind != ActionClinical {
				t.Errorf("audit: %+v %v", all, err)
			}
			if err := s.RecordEvent(ctx, Event{At: time.Now().Add(time.Second), Platform: "cli", Lang: "en", Status: "no_match", Text: "where do I park??"}); err != nil {
				t.Fatal(err)
			}
			if again, err := s.Asked(ctx, now.Add(-24*time.Hour)); err != nil || len(again) != 2 {
				t.Errorf("a dismissed group asked again comes back: %+v %v", again, err)
			}
		})
	}
}

func TestWithoutKeptTextGroupsHaveNoText(t *testing.T) {
	ctx := context.Background()
	s := backends(t, Options{})["sqlite"]
	if err := s.RecordEvents(ctx, []Event{{Platform: "cli", Lang: "en", Status: "no_match", Text: "my private question"}}); err != nil {
		t.Fatal(err)
	}
	asked, err := s.Asked(ctx, time.Now().Add(-time.Hour))
	if err != nil || len(asked) != 1 || asked[0].Text != "" || asked[0].Hash == "" {
		t.Fatalf("%+v %v", asked, err)
	}
}
