package adapterstate

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/faqbot/faqbot/internal/store"
)

// TestDiscordClaims: an event is answered by the replica that claims it first; an id that is no snowflake
// cannot be told apart and is answered.
func TestDiscordClaims(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "claims.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, b := Discord{Store: st}, Discord{Store: st}
	if won, err := a.Claim(ctx, "1234567890"); !won || err != nil {
		t.Fatalf("first claim: %v %v", won, err)
	}
	if won, err := b.Claim(ctx, "1234567890"); won || err != nil {
		t.Errorf("second claim while the first is unfinished: %v %v", won, err)
	}
	if err := a.Release(ctx, "1234567890"); err != nil {
		t.Fatal(err)
	}
	if won, err := b.Claim(ctx, "1234567890"); !won || err != nil {
		t.Errorf("claim after a release: %v %v", won, err)
	}
	if err := b.Complete(ctx, "1234567890"); err != nil {
		t.Fatal(err)
	}
	if won, err := a.Claim(ctx, "1234567890"); won || err != nil {
		t.Errorf("claim of an answered event: %v %v", won, err)
	}
	for _, id := range []string{"", "not-a-number", "99999999999999999999"} {
		if won, err := a.Claim(ctx, id); !won || err != nil {
			t.Errorf("claim of %q: %v %v", id, won, err)
		}
	}
}
