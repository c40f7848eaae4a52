package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// Asked is what patients asked with one normalised text, kept for review (see Reviewable): how often,
// when, where, in which language, what they were answered, and the text when the store keeps it.
type Asked struct {
	Hash      string         `json:"hash"`
	Count     int            `json:"count"`
	First     time.Time      `json:"first_seen"`
	Last      time.Time      `json:"last_seen"`
	Platforms []string       `json:"platforms"`
	Langs     []string       `json:"langs"`
	Outcomes  map[string]int `json:"outcomes"` // "no_match", "no_match:unsure", "answered:<id>"...
	Text      string         `json:"text,omitempty"`
}

// Action kinds: what staff did with a group of questions.
const (
	ActionTeach      = "teach"        // added as an alternate of a topic
	ActionOutOfScope = "out_of_scope" // added to an out-of-scope entry
	ActionClinical   = "clinical"     // put on the list of the red-flag rules' owners
	ActionDismiss    = "dismiss"      // nothing to do
)

// Action is one decision of a reviewer on a group of questions, kept as an audit row.
type Action struct {
	At    time.Time `json:"at"`
	By    string    `json:"by"`
	Kind  string    `json:"action"`
	Group string    `json:"group"`           // the group's hash
	Topic string    `json:"topic,omitempty"` // the entry taught or added to
	File  string    `json:"file,omitempty"`  // the knowledge file changed
	Text  string    `json:"text,omitempty"`  // the question, for teach and clinical review; pruned with kept text
}

// maxAskedRows bounds what one review reads: the groups' rows by hash, platform, language and outcome.
const maxAskedRows = 20000

// Asked lists the questions kept for review since a time, by hash, most asked first, leaving out the
// groups acted on after they were last asked.
func (s *Store) Asked(ctx context.Context, since time.Time) ([]Asked, error) {
	acted, err := s.lastActions(ctx)
	if err != nil {
		return nil, err
	}
	byHash := map[string]*Asked{}
	err = s.rows(ctx, `SELECT text_hash, platform, lang, status, reason, answer_id, COUNT(*), MIN(at), MAX(at), MAX(COALESCE(text, ''))
		FROM events WHERE at >= ? AND text_hash <> '' GROUP BY text_hash, platform, lang, status, reason, answer_id LIMIT ?`,
		[]any{millis(since), maxAskedRows}, func(scan func(...any) error) error {
			var hash, platform, lang, status, reason, answer, text string
			var n int
			var first, last int64
			if err := scan(&hash, &platform, &lang, &status, &reason, &answer, &n, &first, &last, &text); err != nil {
				return err
			}
			a := byHash[hash]
			if a == nil {
				a = &Asked{Hash: hash, First: time.UnixMilli(first), Last: time.UnixMilli(last), Outcomes: map[string]int{}}
				byHash[hash] = a
			}
			a.add(platform, lang, outcome(status, reason, answer), n, time.UnixMilli(first), time.UnixMilli(last), text)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("asked: %w", err)
	}
	out := make([]Asked, 0, len(byHash))
	for _, a := range byHash {
		if at, ok := acted[a.Hash]; !ok || at.Before(a.Last) {
			out = append(out, *a)
		}
	}
	slices.SortFunc(out, func(a, b Asked) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return b.Last.Compare(a.Last)
	})
	return out, nil
}

func (a *Asked) add(platform, lang, outcome string, n int, first, last time.Time, text string) {
	a.Count += n
	a.Outcomes[outcome] += n
	if first.Before(a.First) {
		a.First = first
	}
	if !last.Before(a.Last) {
		a.Last = last
		if text != "" {
			a.Text = text
		}
	}
	if a.Text == "" {
		a.Text = text
	}
	if !slices.Contains(a.Platforms, platform) {
		a.Platforms = append(a.Platforms, platform)
		slices.Sort(a.Platforms)
	}
	if !slices.Contains(a.Langs, lang) {
		a.Langs = append(a.Langs, lang)
		slices.Sort(a.Langs)
	}
}

// outcome names what a question was answered: "answered:<id>", "no_match" or "no_match:<reason>".
func outcome(status, reason, answer string) string {
	switch {
	case answer != "":
		return status + ":" + answer
	case reason != "":
		return status + ":" + reason
	}
	return status
}

// lastActions is when each group was last acted on.
func (s *Store) lastActions(ctx context.Context) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	err := s.rows(ctx, `SELECT group_hash, MAX(at) FROM review_actions GROUP BY group_hash`, nil, func(scan func(...any) error) error {
		var hash string
		var at int64
		if err := scan(&hash, &at); err != nil {
			return err
		}
		out[hash] = time.UnixMilli(at)
		return nil
	})
	return out, err
}

// Unhelpful is an entry patients marked not helpful: the votes either way since a time, and the last.
type Unhelpful struct {
	ID         string    `json:"id"`
	Helpful    int       `json:"helpful"`
	NotHelpful int       `json:"not_helpful"`
	Last       time.Time `json:"last_vote"`
}

// UnhelpfulKey is the group key of an entry's "not helpful" votes, for review actions.
func UnhelpfulKey(id string) string { return "answer:" + id }

// NotHelpful lists the entries with votes of "not helpful" since a time, most first, leaving out those
// acted on after their last vote.
func (s *Store) NotHelpful(ctx context.Context, since time.Time) ([]Unhelpful, error) {
	acted, err := s.lastActions(ctx)
	if err != nil {
		return nil, err
	}
	votes, err := s.unhelpful(ctx, since, maxAskedRows)
	if err != nil {
		return nil, fmt.Errorf("not helpful: %w", err)
	}
	out := slices.DeleteFunc(votes, func(u Unhelpful) bool {
		at, ok := acted[UnhelpfulKey(u.ID)]
		return ok && !at.Before(u.Last)
	})
	return out, nil
}

// unhelpful lists the entries voted not helpful since a time, most such votes first, at most limit.
func (s *Store) unhelpful(ctx context.Context, since time.Time, limit int) ([]Unhelpful, error) {
	var out []Unhelpful
	err := s.rows(ctx, `SELECT answer_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END), SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS bad, MAX(at)
		FROM feedback WHERE at >= ? GROUP BY answer_id HAVING SUM(CASE WHEN helpful THEN 0 ELSE 1 END) > 0
		ORDER BY bad DESC, answer_id LIMIT ?`, []any{since.UnixMilli(), limit}, func(scan func(...any) error) error {
		var u Unhelpful
		var last int64
		if err := scan(&u.ID, &u.Helpful, &u.NotHelpful, &last); err != nil {
			return err
		}
		u.Last = time.UnixMilli(last)
		out = append(out, u)
		return nil
	})
	return out, err
}

// RecordAction keeps the audit row of a reviewer's decision.
func (s *Store) RecordAction(ctx context.Context, a Action) error {
	var text sql.NullString
	if a.Text != "" {
		text = sql.NullString{String: a.Text, Valid: true}
	}
	if _, err := s.exec(ctx, `INSERT INTO review_actions (at, by_whom, action, group_hash, topic, file, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		millis(a.At), a.By, a.Kind, a.Group, a.Topic, a.File, text); err != nil {
		return fmt.Errorf("record review action: %w", err)
	}
	return nil
}

// Actions lists the reviewers' decisions since a time, newest first; kind "" lists every kind.
func (s *Store) Actions(ctx context.Context, kind string, since time.Time) ([]Action, error) {
	var out []Action
	err := s.rows(ctx, `SELECT at, by_whom, action, group_hash, topic, file, COALESCE(text, '') FROM review_actions
		WHERE at >= ? AND (? = '' OR action = ?) ORDER BY at DESC, id DESC`, []any{millis(since), kind, kind}, func(scan func(...any) error) error {
		var a Action
		var at int64
		if err := scan(&at, &a.By, &a.Kind, &a.Group, &a.Topic, &a.File, &a.Text); err != nil {
			return err
		}
		a.At = time.UnixMilli(at)
		out = append(out, a)
		return nil
	})
	return out, err
}
