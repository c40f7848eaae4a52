package review

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/bot/eval"
	"github.com/faqbot/faqbot/internal/store"
	"github.com/faqbot/faqbot/knowledge"
)

// Errors a reviewer's action may return, besides those of the knowledge and the store.
var (
	// ErrNoText refuses teaching a group whose text the store did not keep.
	ErrNoText = errors.New("the store kept no text of this question (store.keep_unanswered_text is off, or its retention passed)")
	// ErrEmbedded refuses editing the knowledge embedded in the binary.
	ErrEmbedded = errors.New("the knowledge is the embedded default, which cannot be edited: export it to a folder and serve that (--knowledge)")
	// ErrChangedMeanwhile refuses writing a file that changed while the change was being checked.
	ErrChangedMeanwhile = errors.New("the knowledge file changed while this change was checked: review it again")
)

// Builder builds the answer engine serve would build on a bank; the closer releases its index.
type Builder func(ctx context.Context, bank *knowledge.Bank) (Answerer, io.Closer, error)

// Set is an evaluation set every change is checked against.
type Set struct {
	Name  string
	Cases []eval.Case
}

// Reviewer takes the actions on groups: it edits the knowledge at Knowledge (a folder or a file) only
// after the change validates and no figure of any evaluation set falls, and keeps an audit row of each
// action in Store.
type Reviewer struct {
	Store     *store.Store
	Knowledge string // "" is the embedded default, which is never edited
	Sets      []Set
	Build     Builder
	By        string           // who acts, for the audit rows
	Now       func() time.Time // nil is time.Now
}

// Change is a change to the knowledge and how it fared: the file, the checks' verdicts and the
// answers it changes. Refused lists the figures that fell; a refused change is not written.
type Change struct {
	File    string      `json:"file"`
	Topic   string      `json:"topic"`
	Lang    string      `json:"lang"`
	Taught  string      `json:"taught,omitempty"` // the text written: the question as it was asked
	Refused []string    `json:"refused,omitempty"`
	Changed []SetChange `json:"changed,omitempty"`
	Written bool        `json:"written"`
	Before  *Now        `json:"before,omitempty"` // the group's text, answered before the change
	After   *Now        `json:"after,omitempty"`  // and after it
}

// SetChange is a case of an evaluation set whose answer a change to the knowledge changes.
type SetChange struct {
	Set string `json:"set"`
	eval.Change
}

// Teach adds the group's text as an alternate of topic in lang, when the checks pass.
func (r *Reviewer) Teach(ctx context.Context, g Group, topic, lang string) (Change, error) {
	if g.Text == "" {
		return Change{}, ErrNoText
	}
	text := g.Text
	return r.change(ctx, g, store.ActionTeach, topic, lang, text, func(b *knowledge.Bank) (string, []byte, error) {
		e, ok := b.Entry(topic, lang)
		if !ok {
			return "", nil, fmt.Errorf("no topic %s in %s", topic, lang)
		}
		if e.Kind == knowledge.OutOfScope {
			return "", nil, fmt.Errorf("%s is an out-of-scope entry: add the question to it as out of scope", topic)
		}
		return r.edit(e.Pos.File, func(name string, data []byte) ([]byte, error) {
			return knowledge.AddAlternate(name, data, topic, lang, text)
		})
	})
}

// OutOfScope adds the group's text to the out-of-scope entry id in lang, or, when the knowledge has no
// such entry, creates it (titled title) in the file that holds the language's other out-of-scope entries.
func (r *Reviewer) OutOfScope(ctx context.Context, g Group, id, lang, title string) (Change, error) {
	if g.Text == "" {
		return Change{}, ErrNoText
	}
	text := g.Text
	return r.change(ctx, g, store.ActionOutOfScope, id, lang, text, func(b *knowledge.Bank) (string, []byte, error) {
		if e, ok := b.Entry(id, lang); ok {
			if e.Kind != knowledge.OutOfScope {
				return "", nil, fmt.Errorf("%s is not an out-of-scope entry: teach the question to it instead", id)
			}
			return r.edit(e.Pos.File, func(name string, data []byte) ([]byte, error) {
				return knowledge.AddAlternate(name, data, id, lang, text)
			})
		}
		file := outOfScopeFile(b, lang)
		if file == "" {
			return "", nil, fmt.Errorf("the knowledge has no YAML file of out-of-scope entries in %s to add %s to", lang, id)
		}
		return r.edit(file, func(name string, data []byte) ([]byte, error) {
			return knowledge.AddEntry(name, data, knowledge.Entry{ID: id, Lang: lang, Kind: knowledge.OutOfScope, Title: title, Question: text})
		})
	})
}

// Clinical puts the group on the list of the people who own the red-flag rules; the rules are never
// edited here.
func (r *Reviewer) Clinical(ctx context.Context, g Group) error {
	return r.record(ctx, g, store.Action{Kind: store.ActionClinical, Text: g.Text})
}

// Dismiss takes the group off the review until it is asked again.
func (r *Reviewer) Dismiss(ctx context.Context, g Group) error {
	return r.record(ctx, g, store.Action{Kind: store.ActionDismiss})
}

// record keeps an action's audit row for each of the group's hashes, so that none comes back; the text
// is kept once, on the row of the group's key.
func (r *Reviewer) record(ctx context.Context, g Group, a store.Action) error {
	a.At, a.By = r.now(), r.By
	text := a.Text
	for _, h := range append([]string{g.Key}, slices.DeleteFunc(slices.Clone(g.Hashes), func(s string) bool { return s == g.Key })...) {
		a.Group, a.Text = h, text
		text = ""
		if err := r.Store.RecordAction(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reviewer) now() time.Time {
	if r.Now == nil {
		return time.Now()
	}
	return r.Now()
}

// outOfScopeFile is the YAML file holding the most out-of-scope entries of lang.
func outOfScopeFile(b *knowledge.Bank, lang string) string {
	count := map[string]int{}
	best := ""
	for _, e := range b.Entries {
		if e.Kind != knowledge.OutOfScope || e.Lang != lang {
			continue
		}
		if ext := filepath.Ext(e.Pos.File); ext != ".yaml" && ext != ".yml" {
			continue
		}
		count[e.Pos.File]++
		if count[e.Pos.File] > count[best] {
			best = e.Pos.File
		}
	}
	return best
}

// edit reads a knowledge file and returns its name and edited content.
func (r *Reviewer) edit(name string, change func(name string, data []byte) ([]byte, error)) (string, []byte, error) {
	data, err := os.ReadFile(r.path(name))
	if err != nil {
		return "", nil, fmt.Errorf("read %s: %w", name, err)
	}
	out, err := change(name, data)
	return name, out, err
}

// path is where a file of the knowledge (as Entry.Pos.File names it) is on disk.
func (r *Reviewer) path(name string) string {
	dir := r.Knowledge
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	return filepath.Join(dir, filepath.FromSlash(name))
}

// change edits one file of the knowledge, checks the edited knowledge, and writes the file only when it
// validates and no figure of an evaluation set falls; either way the answers that change are returned.
func (r *Reviewer) change(ctx context.Context, g Group, kind, topic, lang, text string, edit func(*knowledge.Bank) (string, []byte, error)) (Change, error) {
	if r.Knowledge == "" {
		return Change{}, ErrEmbedded
	}
	bank, _, err := knowledge.LoadPath(r.Knowledge)
	if err != nil {
		return Change{}, fmt.Errorf("the knowledge does not load as it is: %w", err)
	}
	name, data, err := edit(bank)
	if err != nil {
		return Change{}, err
	}
	c := Change{File: name, Topic: topic, Lang: lang, Taught: text}
	edited, _, err := knowledge.LoadPathEdited(r.Knowledge, map[string][]byte{name: data})
	if err != nil {
		return c, fmt.Errorf("the changed knowledge does not load: %w", err)
	}
	if err := r.check(ctx, bank, edited, g, &c); err != nil {
		return c, err
	}
	if len(c.Refused) > 0 {
		return c, nil
	}
	before, err := os.ReadFile(r.path(name))
	if err != nil {
		return c, err
	}
	if err := r.write(name, before, data); err != nil {
		return c, err
	}
	c.Written = true
	return c, r.record(ctx, g, store.Action{Kind: kind, Topic: topic, File: name, Text: g.Text})
}

// check answers every evaluation set, and the group's own text, on the knowledge before and after.
func (r *Reviewer) check(ctx context.Context, bank, edited *knowledge.Bank, g Group, c *Change) error {
	before, closeBefore, err := r.Build(ctx, bank)
	if err != nil {
		return fmt.Errorf("build the engine on the knowledge as it is: %w", err)
	}
	defer closeBefore.Close()
	after, closeAfter, err := r.Build(ctx, edited)
	if err != nil {
		return fmt.Errorf("build the engine on the changed knowledge: %w", err)
	}
	defer closeAfter.Close()
	if c.Before, err = answerNow(ctx, before, g.Text); err != nil {
		return err
	}
	if c.After, err = answerNow(ctx, after, g.Text); err != nil {
		return err
	}
	// Each set is answered once by each engine: Compare reads the answers Evaluate asked for.
	before, after = remembering(before), remembering(after)
	for _, s := range r.Sets {
		was, err := eval.Evaluate(ctx, before, s.Cases)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
		is, err := eval.Evaluate(ctx, after, s.Cases)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
		for _, f := range is.Check(eval.FloorsOf(was)) {
			c.Refused = append(c.Refused, s.Name+": "+f)
		}
		diffs, err := eval.Compare(ctx, before, after, s.Cases)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
		for _, d := range diffs {
			c.Changed = append(c.Changed, SetChange{Set: s.Name, Change: d})
		}
	}
	return nil
}

// write replaces a knowledge file with data, through a file beside it renamed over it (a reader never
// sees half a file), unless it no longer holds what the change was made from.
func (r *Reviewer) write(name string, from, data []byte) error {
	p := r.path(name)
	now, err := os.ReadFile(p)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if !bytes.Equal(now, from) {
		return ErrChangedMeanwhile
	}
	info, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".faqbot-review-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// memo is an engine that answers each question once and gives the same answer when it is asked again:
// a check answers every case twice, for its figures and for what changed. Not for concurrent use.
type memo struct {
	next Answerer
	seen map[bot.Question]bot.Answer
}

func remembering(next Answerer) Answerer {
	return &memo{next: next, seen: map[bot.Question]bot.Answer{}}
}

func (m *memo) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	if a, ok := m.seen[q]; ok {
		return a, nil
	}
	a, err := m.next.Answer(ctx, q)
	if err == nil {
		m.seen[q] = a
	}
	return a, err
}
