package store

import (
	"context"
	"path/filepath"
	"strconv"
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

// BenchmarkFeedbackDuringFlood is the cost of one vote (a lookup of the answer given and an upsert)
// while another goroutine records batches of answers as fast as the store takes them.
func BenchmarkFeedbackDuringFlood(b *testing.B) {
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			dsn := filepath.Join(b.TempDir(), "faqbot.db")
			if name == "postgres" {
				dsn = postgresDSN(b)
			}
			ctx := context.Background()
			s, err := Open(ctx, dsn, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if err := s.RecordGiven(ctx, Given{Platform: "telegram", User: "42", AnswerID: "pain"}); err != nil {
				b.Fatal(err)
			}
			flood, stop := make(chan struct{}), make(chan struct{})
			go func() {
				defer close(flood)
				events := make([]Event, batchSize)
				given := make([]Given, batchSize)
				for i := range events {
					events[i] = Event{Platform: "telegram", Lang: "en", Status: "answered", AnswerID: "pain"}
				}
				for n := 0; ; n++ {
					select {
					case <-stop:
						return
					default:
					}
					for i := range given {
						given[i] = Given{Platform: "telegram", User: strconv.Itoa(n*batchSize + i), AnswerID: "pain"}
					}
					_ = s.Record(ctx, events, given)
				}
			}()
			for i := 0; b.Loop(); i++ {
				if err := s.RecordFeedback(ctx, Feedback{Platform: "telegram", User: "42", Lang: "en", AnswerID: "pain", Helpful: i%2 == 0}); err != nil {
					b.Fatal(err)
				}
			}
			close(stop)
			<-flood
		})
	}
}
