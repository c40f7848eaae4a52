package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Report is what staff read to improve the knowledge: what is asked, what did not help, and what the
// knowledge does not cover.
type Report struct {
	Since      time.Time      `json:"since"`
	ByStatus   map[string]int `json:"by_status"`
	Answered   []Count        `json:"top_answered"`
	Unhelpful  []Helpfulness  `json:"unhelpful"`
	Unanswered []Cluster      `json:"top_unanswered"`
}

// Count is how often an entry was answered.
type Count struct {
	ID    string `json:"id"`
	Count int    `json:"count"`
}

// Helpfulness is the feedback on one entry.
type Helpfulness struct {
	ID         string `json:"id"`
	Helpful    int    `json:"helpful"`
	NotHelpful int    `json:"not_helpful"`
}

// Cluster is a group of unanswered questions with the same normalised text.
type Cluster struct {
	Hash    string `json:"hash"`
	Count   int    `json:"count"`
	Lang    string `json:"lang"`
	Example string `json:"example,omitempty"` // only when the text was kept
}

// Report summarises events and feedback since a time; top lists hold at most limit rows.
func (s *Store) Report(ctx context.Context, since time.Time, limit int) (Report, error) {
	r := Report{Since: since, ByStatus: map[string]int{}}
	from := since.UnixMilli()
	if err := s.rows(ctx, `SELECT status, COUNT(*) FROM events WHERE at >= ? GROUP BY status`, []any{from}, func(scan func(...any) error) error {
		var status string
		var n int
		if err := scan(&status, &n); err != nil {
			return err
		}
		r.ByStatus[status] = n
		return nil
	}); err != nil {
		return r, err
	}
	if err := s.rows(ctx, `SELECT answer_id, COUNT(*) AS n FROM events WHERE at >= ? AND status = 'answered'
		GROUP BY answer_id ORDER BY n DESC, answer_id LIMIT ?`, []any{from, limit}, func(scan func(...any) error) error {
		var c Count
		if err := scan(&c.ID, &c.Count); err != nil {
			return err
		}
		r.Answered = append(r.Answered, c)
		return nil
	}); err != nil {
		return r, err
	}
	unhelpful, err := s.unhelpful(ctx, since, limit)
	if err != nil {
		return r, err
	}
	for _, u := range unhelpful {
		r.Unhelpful = append(r.Unhelpful, Helpfulness{ID: u.ID, Helpful: u.Helpful, NotHelpful: u.NotHelpful})
	}
	err = s.rows(ctx, `SELECT text_hash, COUNT(*) AS n, MIN(lang), COALESCE(MIN(text), '') FROM events
		WHERE at >= ? AND status = 'no_match' AND text_hash <> '' GROUP BY text_hash ORDER BY n DESC, text_hash LIMIT ?`, []any{from, limit}, func(scan func(...any) error) error {
		var c Cluster
		if err := scan(&c.Hash, &c.Count, &c.Lang, &c.Example); err != nil {
			return err
		}
		r.Unanswered = append(r.Unanswered, c)
		return nil
	})
	return r, err
}

// rows runs a query of the report and calls each for every row.
func (s *Store) rows(ctx context.Context, query string, args []any, each func(scan func(...any) error) error) error {
	if err := s.rowsOn(ctx, s.read, query, args, each); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// rowsOn runs a query on db and calls each for every row.
func (s *Store) rowsOn(ctx context.Context, db *sql.DB, query string, args []any, each func(scan func(...any) error) error) error {
	rows, err := db.QueryContext(ctx, s.dialect.bind(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
