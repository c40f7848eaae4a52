package adapterstate

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/faqbot/faqbot/bot/telegram"
	"github.com/faqbot/faqbot/internal/store"
)

// TestTelegramOffsetIsPerBot: the offset is saved with its bot, an offset saved before that is read
// as of no bot, and claims from an update id on can be forgotten (issue 11: the offset belongs to one
// bot).
func TestTelegramOffsetIsPerBot(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "state.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := Telegram{Store: st}
	if c, err := s.Offset(ctx); err != nil || c != (telegram.Cursor{}) {
		t.Errorf("empty store: %+v %v", c, err)
	}
	if err := st.SetState(ctx, telegramAdapter, "offset", "123"); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Offset(ctx); err != nil || c != (telegram.Cursor{Offset: 123}) {
		t.Errorf("offset saved before bots were recorded: %+v %v", c, err)
	}
	if err := s.SaveOffset(ctx, telegram.Cursor{Bot: 7, Offset: 456}); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Offset(ctx); err != nil || c != (telegram.Cursor{Bot: 7, Offset: 456}) {
		t.Errorf("saved with its bot: %+v %v", c, err)
	}
	for _, id := range []int{2, 5} {
		if _, err := s.Claim(ctx, id); err != nil {
			t.Fatal(err)
		}
		if err := s.Complete(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ForgetClaims(ctx, 3); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int]telegram.Claim{2: telegram.ClaimAnswered, 5: telegram.ClaimWon} {
		if c, err := s.Claim(ctx, id); err != nil || c != want {
			t.Errorf("update %d after forgetting the claims from 3: %v %v, want %v", id, c, err, want)
		}
	}
}

// TestTelegramLangsCache: a chat's language is read from the store once and then from memory; a choice
// made through this process is seen at once, one made through another replica within langTTL.
func TestTelegramLangsCache(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "prefs.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clock := time.Unix(1e9, 0)
	replica := func() *TelegramLangs {
		p, err := NewTelegramLangs(st)
		if err != nil {
			t.Fatal(err)
		}
		p.now = func() time.Time { return clock }
		return p
	}
	a, b := replica(), replica()
	lang := func(p *TelegramLangs) string {
		t.Helper()
		v, err := p.Lang(ctx, 7)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := lang(a); got != "" {
		t.Fatalf("no choice yet: got %q", got)
	}
	if err := a.SetLang(ctx, 7, "ar"); err != nil {
		t.Fatal(err)
	}
	if got := lang(a); got != "ar" {
		t.Errorf("after /lang ar here: got %q", got)
	}
	if got := lang(b); got != "ar" {
		t.Errorf("another replica, nothing cached: got %q", got)
	}
	if err := a.SetLang(ctx, 7, "en"); err != nil {
		t.Fatal(err)
	}
	if got := lang(b); got != "ar" {
		t.Errorf("another replica within the TTL: got %q, want its cached ar", got)
	}
	clock = clock.Add(langTTL)
	if got := lang(b); got != "en" {
		t.Errorf("another replica after the TTL: got %q, want en", got)
	}
}
