package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/textnorm"
)

// TestFeedbackOnlyOnAnswersGiven: a vote counts only for an answer given to that user on that platform,
// and a second vote of the same user on the same answer replaces the first (issue 11, point 4).
func TestFeedbackOnlyOnAnswersGiven(t *testing.T) {
	ctx := context.Background()
	for name, s := range backends(t, Options{}) {
		t.Run(name, func(t *testing.T) {
			now := time.Now()
			err := s.Record(ctx, []Event{{At: now, Platform: "telegram", Lang: "en", Status: "answered", AnswerID: "pain"}},
				[]Given{{At: now, Platform: "telegram", User: "42", AnswerID: "pain"}})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.RecordGiven(ctx, Given{At: now, Platform: "discord", User: "7", AnswerID: "fasting"}); err != nil {
				t.Fatal(err)
			}
			refused := []Feedback{
				{Platform: "telegram", User: "43", AnswerID: "pain"},                   // another user
				{Platform: "telegram", User: "42", AnswerID: "harvesting"},             // an answer not given to them
				{Platform: "discord", User: "42", AnswerID: "pain"},                    // another platform
				{Platform: "telegram", User: "42", AnswerID: "=HYPERLINK(\"x\")\x1b["}, // not in the knowledge
				{Platform: "telegram", User: "", AnswerID: "pain"},                     // nobody
			}
			for _, f := range refused {
				f.Lang = "en"
				if err := s.RecordFeedback(ctx, f); !errors.Is(err, ErrNotGiven) {
					t.Errorf("feedback %+v: got %v, want ErrNotGiven", f, err)
				}
			}
			for _, helpful := range []bool{false, false, true, false} {
				if err := s.RecordFeedback(ctx, Feedback{At: now, Platform: "telegram", User: "42", Lang: "en", AnswerID: "pain", Helpful: helpful}); err != nil {
					t.Fatalf("feedback on an answer given: %v", err)
				}
			}
			if err := s.RecordFeedback(ctx, Feedback{At: now, Platform: "discord", User: "7", Lang: "ar", AnswerID: "fasting", Helpful: false}); err != nil {
				t.Fatalf("feedback on a topic shown: %v", err)
			}
			r, err := s.Report(ctx, now.Add(-time.Hour), 10)
			if err != nil {
				t.Fatal(err)
			}
			want := []Helpfulness{{"fasting", 0, 1}, {"pain", 0, 1}}
			if len(r.Unhelpful) != 2 || r.Unhelpful[0] != want[0] || r.Unhelpful[1] != want[1] {
				t.Errorf("unhelpful: got %+v, want %+v (four votes of one user count once, the last)", r.Unhelpful, want)
			}
		})
	}
}

// TestUsersAreStoredAsKeyedHashes: neither the answers given nor the feedback keep a user's id.
func TestUsersAreStoredAsKeyedHashes(t *testing.T) {
	ctx := context.Background()
	for name, s := range backends(t, Options{}) {
		t.Run(name, func(t *testing.T) {
			user := "telegram-chat-5550100"
			if err := s.RecordGiven(ctx, Given{Platform: "telegram", User: user, AnswerID: "pain"}); err != nil {
				t.Fatal(err)
			}
			if err := s.RecordFeedback(ctx, Feedback{Platform: "telegram", User: user, Lang: "en", AnswerID: "pain"}); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{`SELECT user_hash FROM answers_given`, `SELECT user_hash FROM feedback`} {
				var h string
				if err := s.db.QueryRowContext(ctx, q).Scan(&h); err != nil {
					t.Fatal(err)
				}
				plain := sha256.Sum256([]byte(user))
				if h == "" || strings.Contains(h, user) || strings.Contains(hex.EncodeToString(plain[:]), h) {
					t.Errorf("%s: got %q, want a keyed hash of the user", q, h)
				}
			}
		})
	}
}

// TestUnansweredHashIsKeyed: the hash of an unanswered question is an HMAC under a per-install secret,
// so a short question cannot be found again by hashing guesses; replicas on one database share the
// secret (issue 11, point 7).
func TestUnansweredHashIsKeyed(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	open := func(dsn string) *Store {
		t.Helper()
		s, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		return s
	}
	a, b, other := open(filepath.Join(dir, "a.db")), open(filepath.Join(dir, "a.db")), open(filepath.Join(dir, "b.db"))
	if err := a.RecordEvent(ctx, Event{Platform: "cli", Lang: "en", Status: "no_match", Text: "HIV?"}); err != nil {
		t.Fatal(err)
	}
	r, err := a.Report(ctx, time.Now().Add(-time.Hour), 10)
	if err != nil || len(r.Unanswered) != 1 {
		t.Fatalf("report: %+v %v", r.Unanswered, err)
	}
	plain := sha256.Sum256([]byte(strings.Join(textnorm.Words(textnorm.Normalize("HIV?")), " ")))
	if got := r.Unanswered[0].Hash; got == hex.EncodeToString(plain[:12]) || len(got) != 24 {
		t.Errorf("hash %q: want 24 hex digits of a keyed hash, not the plain SHA-256", got)
	}
	if a.TextHash("HIV?") != b.TextHash("hiv") {
		t.Error("two stores on one database hash the same question differently")
	}
	if a.TextHash("HIV?") == other.TextHash("HIV?") {
		t.Error("two installs share a secret")
	}
}

func TestSecretSharedOnPostgres(t *testing.T) {
	ctx := context.Background()
	dsn := postgresDSN(t)
	var hashes []string
	for range 2 {
		s, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, s.TextHash("cost"))
		_ = s.Close()
	}
	if hashes[0] != hashes[1] {
		t.Errorf("replicas on one PostgreSQL: got %v, want one secret", hashes)
	}
}
