package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/store"
)

// TestTelegramPrefsCache: a chat's language is read from the store once and then from memory; a choice
// made through this process is seen at once, one made through another replica within langTTL.
func TestTelegramPrefsCache(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "prefs.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clock := time.Unix(1e9, 0)
	replica := func() *telegramPrefs {
		p, err := newTelegramPrefs(st)
		if err != nil {
			t.Fatal(err)
		}
		p.now = func() time.Time { return clock }
		return p
	}
	a, b := replica(), replica()
	lang := func(p *telegramPrefs) string {
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
