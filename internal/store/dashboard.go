package store

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/faqbot/faqbot/bot"
)

// Dashboard is what the HTML report draws: the report's lists, and how questions spread over days,
// platforms, languages and outcomes, how helpful patients found each topic, and how fast answers came.
type Dashboard struct {
	Report                  // since, top answered, unhelpful entries, top unanswered groups
	Days      []Day         `json:"days"`      // every UTC day from the first with questions to the last
	Platforms []string      `json:"platforms"` // most questions first
	Langs     []string      `json:"langs"`     // most questions first
	Outcomes  Outcomes      `json:"outcomes"`
	Feedback  []Helpfulness `json:"feedback"` // the topics with the most votes first, at most limit
	Latency   Latency       `json:"latency"`
}

// Day is the questions of one UTC day.
type Day struct {
	Date       time.Time      `json:"date"` // midnight UTC
	Total      int            `json:"total"`
	ByPlatform map[string]int `json:"by_platform"`
	ByLang     map[string]int `json:"by_lang"`
}

// Outcomes counts questions by how the bot replied.
type Outcomes struct {
	Answered     int `json:"answered"`
	Clarified    int `json:"clarified"`    // no_match offering topics as "did you mean" (reason unsure)
	NoMatch      int `json:"no_match"`     // no_match for any other reason but a conversation act
	Conversation int `json:"conversation"` // greetings, thanks and other conversation acts
	Urgent       int `json:"urgent"`
}

// Total is the number of questions counted.
func (o Outcomes) Total() int {
	return o.Answered + o.Clarified + o.NoMatch + o.Conversation + o.Urgent
}

// add counts n questions of a status and a no_match reason.
func (o *Outcomes) add(status, reason string, n int) {
	switch {
	case status == string(bot.Answered):
		o.Answered += n
	case status == string(bot.Urgent):
		o.Urgent += n
	case reason == bot.ReasonUnsure:
		o.Clarified += n
	case bot.Answer{Status: bot.NoMatch, Reason: reason}.Conversational():
		o.Conversation += n
	default:
		o.NoMatch += n
	}
}

// Rate is the share of votes that found the entry helpful, 0 without votes.
func (h Helpfulness) Rate() float64 {
	if h.Helpful+h.NotHelpful == 0 {
		return 0
	}
	return float64(h.Helpful) / float64(h.Helpful+h.NotHelpful)
}

// Latency is how long answers took: percentiles over the questions whose time was measured.
type Latency struct {
	Count int           `json:"count"`
	P50   time.Duration `json:"p50"`
	P90   time.Duration `json:"p90"`
	P99   time.Duration `json:"p99"`
}

const msPerDay = 24 * 60 * 60 * 1000

// Dashboard summarises events and feedback since a time for the HTML report; lists hold at most limit
// rows.
func (s *Store) Dashboard(ctx context.Context, since time.Time, limit int) (Dashboard, error) {
	r, err := s.Report(ctx, since, limit)
	if err != nil {
		return Dashboard{}, fmt.Errorf("dashboard: %w", err)
	}
	d := Dashboard{Report: r}
	from := since.UnixMilli()
	for _, step := range []func(context.Context, *Dashboard, int64, int) error{
		s.dashboardDays, s.dashboardOutcomes, s.dashboardFeedback, s.dashboardLatency,
	} {
		if err := step(ctx, &d, from, limit); err != nil {
			return Dashboard{}, fmt.Errorf("dashboard: %w", err)
		}
	}
	return d, nil
}

// dashboardDays counts questions per UTC day by platform and by language.
func (s *Store) dashboardDays(ctx context.Context, d *Dashboard, from int64, _ int) error {
	days := map[int64]*Day{}
	platforms, langs := map[string]int{}, map[string]int{}
	err := s.rowsOn(ctx, s.read, `SELECT at / 86400000, platform, lang, COUNT(*) FROM events WHERE at >= ?
		GROUP BY at / 86400000, platform, lang`, []any{from}, func(scan func(...any) error) error {
		var day, n int64
		var platform, lang string
		if err := scan(&day, &platform, &lang, &n); err != nil {
			return err
		}
		dd := dayOf(days, day)
		dd.Total += int(n)
		dd.ByPlatform[platform] += int(n)
		dd.ByLang[lang] += int(n)
		platforms[platform] += int(n)
		langs[lang] += int(n)
		return nil
	})
	if err != nil {
		return fmt.Errorf("questions per day: %w", err)
	}
	d.Days = contiguous(days)
	d.Platforms, d.Langs = byCount(platforms), byCount(langs)
	return nil
}

// dayOf returns the day numbered n (days since 1970-01-01 UTC), adding it when new.
func dayOf(days map[int64]*Day, n int64) *Day {
	if dd, ok := days[n]; ok {
		return dd
	}
	dd := &Day{Date: time.UnixMilli(n * msPerDay).UTC(), ByPlatform: map[string]int{}, ByLang: map[string]int{}}
	days[n] = dd
	return dd
}

// contiguous lists the days in order, with a day of no questions for each one missing in between.
func contiguous(days map[int64]*Day) []Day {
	if len(days) == 0 {
		return nil
	}
	keys := slices.Sorted(maps.Keys(days))
	out := make([]Day, 0, keys[len(keys)-1]-keys[0]+1)
	for n := keys[0]; n <= keys[len(keys)-1]; n++ {
		out = append(out, *dayOf(days, n))
	}
	return out
}

// byCount lists names by their count, largest first, then by name.
func byCount(counts map[string]int) []string {
	return slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
}

// dashboardOutcomes counts questions by outcome.
func (s *Store) dashboardOutcomes(ctx context.Context, d *Dashboard, from int64, _ int) error {
	err := s.rowsOn(ctx, s.read, `SELECT status, reason, COUNT(*) FROM events WHERE at >= ? GROUP BY status, reason`,
		[]any{from}, func(scan func(...any) error) error {
			var status, reason string
			var n int64
			if err := scan(&status, &reason, &n); err != nil {
				return err
			}
			d.Outcomes.add(status, reason, int(n))
			return nil
		})
	if err != nil {
		return fmt.Errorf("outcomes: %w", err)
	}
	return nil
}

// dashboardFeedback reads the votes on the topics with the most votes.
func (s *Store) dashboardFeedback(ctx context.Context, d *Dashboard, from int64, limit int) error {
	err := s.rowsOn(ctx, s.read, `SELECT answer_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END), SUM(CASE WHEN helpful THEN 0 ELSE 1 END), COUNT(*) AS n
		FROM feedback WHERE at >= ? GROUP BY answer_id ORDER BY n DESC, answer_id LIMIT ?`,
		[]any{from, limit}, func(scan func(...any) error) error {
			var id string
			var good, bad, n int64
			if err := scan(&id, &good, &bad, &n); err != nil {
				return err
			}
			d.Feedback = append(d.Feedback, Helpfulness{ID: id, Helpful: int(good), NotHelpful: int(bad)})
			return nil
		})
	if err != nil {
		return fmt.Errorf("feedback per topic: %w", err)
	}
	return nil
}

// dashboardLatency reads how long each answer took (only that column: eight bytes a question) and takes
// the percentiles. Events recorded without a time (zero) are left out.
func (s *Store) dashboardLatency(ctx context.Context, d *Dashboard, from int64, _ int) error {
	var us []int64
	err := s.rowsOn(ctx, s.read, `SELECT latency_us FROM events WHERE at >= ? AND latency_us > 0`,
		[]any{from}, func(scan func(...any) error) error {
			var v int64
			if err := scan(&v); err != nil {
				return err
			}
			us = append(us, v)
			return nil
		})
	if err != nil {
		return fmt.Errorf("latency: %w", err)
	}
	slices.Sort(us)
	d.Latency = Latency{Count: len(us), P50: percentile(us, 50), P90: percentile(us, 90), P99: percentile(us, 99)}
	return nil
}

// percentile is the nearest-rank p-th percentile of sorted microseconds, 0 of none.
func percentile(sorted []int64, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := max((p*len(sorted)+99)/100, 1) // ceil(p/100 * n), counted from 1
	return time.Duration(sorted[rank-1]) * time.Microsecond
}
