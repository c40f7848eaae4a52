// Package review owns how staff turn what patients asked into better knowledge: the questions kept for
// review, grouped as near-duplicates with what the engine answers now, and the actions on a group —
// teach it to a topic, add it to an out-of-scope entry, put it on the clinical list, dismiss it — each
// change to the knowledge checked against every evaluation set before it is written, each action kept as
// an audit row in the store.
package review

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/store"
	"github.com/faqbot/faqbot/internal/textnorm"
)

// Answerer is an answer engine.
type Answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

// Group is one or more questions for review that read alike: counts and times over all of them, the most
// asked one's text (when the store keeps text), and what the engine answers it now.
type Group struct {
	Kind      string         `json:"kind"`   // KindAsked or KindNotHelpful
	Key       string         `json:"key"`    // the most asked member's hash: what actions name
	Hashes    []string       `json:"hashes"` // every member's hash
	Count     int            `json:"count"`
	First     time.Time      `json:"first_seen"`
	Last      time.Time      `json:"last_seen"`
	Platforms []string       `json:"platforms"`
	Langs     []string       `json:"langs"`
	Outcomes  map[string]int `json:"outcomes"`           // what they were answered then: "no_match:unsure", "answered:<id>"...
	Text      string         `json:"text,omitempty"`     // the most asked member's text, when kept
	Variants  []string       `json:"variants,omitempty"` // the other members' texts
	Now       *Now           `json:"now,omitempty"`      // what the engine answers the text now
	// Topic and Helpful, for KindNotHelpful: the entry marked not helpful Count times, and helpful
	// Helpful times.
	Topic   string `json:"topic,omitempty"`
	Helpful int    `json:"helpful,omitempty"`
}

// Kinds of groups.
const (
	KindAsked      = "asked"       // questions not answered, offered as "did you mean", or answered unsurely
	KindNotHelpful = "not_helpful" // an answer patients marked not helpful (votes carry no question text)
)

// Now is what the engine answers a group's text today: the knowledge may have changed since it was asked.
type Now struct {
	Status     bot.Status `json:"status"`
	ID         string     `json:"id,omitempty"`
	Reason     string     `json:"reason,omitempty"`
	Confidence float64    `json:"confidence"`
	Candidates []string   `json:"candidates"` // the likeliest topics, best first
	Lang       string     `json:"lang"`
	// ReadAs is an Arabizi text as the engine reads it, in Arabic script. Teaching writes the question as
	// it was asked: the engine reads the knowledge's Arabizi the way it reads the question.
	ReadAs string `json:"read_as,omitempty"`
}

// Options bound a review.
type Options struct {
	Similar float64 // word overlap (Jaccard) at which two questions are one group; 0 means 0.6
	Limit   int     // groups returned at most, most asked first; 0 means 50
	// All keeps the groups the engine now answers with confidence (the knowledge changed since they
	// were asked); without it they are left out.
	All bool
}

// maxMembers bounds the groups compared with each other: the most asked ones.
const maxMembers = 2000

// Groups joins the store's questions for review that read alike (the same words, mostly) and asks the
// engine what it answers each group's text now; a group it now answers with confidence is left out
// unless opts.All. The answers marked not helpful follow, one group per entry.
func Groups(ctx context.Context, asked []store.Asked, unhelpful []store.Unhelpful, eng Answerer, opts Options) ([]Group, error) {
	if opts.Similar <= 0 {
		opts.Similar = 0.6
	}
	if opts.Limit <= 0 {
		opts.Limit = 50
	}
	var out []Group
	for _, g := range cluster(asked[:min(len(asked), maxMembers)], opts.Similar) {
		if len(out) == opts.Limit {
			break
		}
		if g.Text != "" {
			now, err := answerNow(ctx, eng, g.Text)
			if err != nil {
				return nil, fmt.Errorf("review: %w", err)
			}
			if !opts.All && now.Status == bot.Answered && now.Confidence >= store.ReviewBelow {
				continue
			}
			g.Now = now
		}
		out = append(out, g)
	}
	for _, u := range unhelpful {
		if len(out) == opts.Limit {
			break
		}
		key := store.UnhelpfulKey(u.ID)
		out = append(out, Group{Kind: KindNotHelpful, Key: key, Hashes: []string{key}, Count: u.NotHelpful, Last: u.Last, First: u.Last,
			Topic: u.ID, Helpful: u.Helpful, Outcomes: map[string]int{"not_helpful": u.NotHelpful}})
	}
	return out, nil
}

// cluster joins questions greedily, most asked first: each joins the first group whose first text shares
// enough of its words. Questions without text stay one group per hash.
func cluster(asked []store.Asked, similar float64) []Group {
	var groups []Group
	var words [][]string
	for _, a := range asked {
		w := wordSet(a.Text)
		at := -1
		if len(w) > 0 {
			at = slices.IndexFunc(words, func(g []string) bool { return len(g) > 0 && jaccard(g, w) >= similar })
		}
		if at < 0 {
			groups = append(groups, Group{Kind: KindAsked, Key: a.Hash, First: a.First, Last: a.Last, Text: a.Text, Outcomes: map[string]int{}})
			words = append(words, w)
			at = len(groups) - 1
		} else if a.Text != "" && a.Text != groups[at].Text && len(groups[at].Variants) < 10 {
			groups[at].Variants = append(groups[at].Variants, a.Text)
		}
		groups[at].join(a)
	}
	slices.SortStableFunc(groups, func(a, b Group) int { return b.Count - a.Count })
	return groups
}

func (g *Group) join(a store.Asked) {
	g.Hashes = append(g.Hashes, a.Hash)
	g.Count += a.Count
	if a.First.Before(g.First) {
		g.First = a.First
	}
	if a.Last.After(g.Last) {
		g.Last = a.Last
	}
	for k, n := range a.Outcomes {
		g.Outcomes[k] += n
	}
	g.Platforms = union(g.Platforms, a.Platforms)
	g.Langs = union(g.Langs, a.Langs)
}

func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	slices.Sort(a)
	return a
}

// wordSet is a text's distinct normalised words, sorted.
func wordSet(text string) []string {
	w := textnorm.Words(textnorm.Normalize(text))
	slices.Sort(w)
	return slices.Compact(w)
}

// jaccard is the share of two sorted word sets' union that both hold.
func jaccard(a, b []string) float64 {
	both, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			both++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

func answerNow(ctx context.Context, eng Answerer, text string) (*Now, error) {
	a, err := eng.Answer(ctx, bot.Question{Text: text, Platform: "review", Top: 3, Explain: true})
	if err != nil {
		return nil, err
	}
	n := &Now{Status: a.Status, ID: a.ID, Reason: a.Reason, Confidence: a.Confidence, Lang: a.Lang}
	if a.Explanation != nil {
		n.ReadAs = a.Explanation.ReadAs
	}
	for _, m := range a.Matches {
		n.Candidates = append(n.Candidates, m.ID)
	}
	if len(n.Candidates) == 0 {
		for _, t := range a.Suggestions {
			n.Candidates = append(n.Candidates, t.ID)
		}
	}
	return n, nil
}
