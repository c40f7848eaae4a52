package store

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkRecordEvent is the store's write rate: one answered question recorded, one at a time.
func BenchmarkRecordEvent(b *testing.B) {
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			dsn := filepath.Join(b.TempDir(), "faqbot.db")
			if name == "postgres" {
				dsn = postgresDSN(b)
			}
			s, err := Open(context.Background(), dsn, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			e := Event{Platform: "telegram", Lang: "en", Status: "answered", AnswerID: "pain"}
			for b.Loop() {
				if err := s.RecordEvent(context.Background(), e); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
