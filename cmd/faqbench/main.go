// Command faqbench measures faqbot's retrieval on a public FAQ retrieval set against plain Bleve BM25 on
// the same knowledge: StackFAQ (Karan and Šnajder 2018; 125 StackExchange threads, each with its original
// question, its top answers and 11 rephrasings of the information need written by people), as the
// stackExchange-FAQ.json of github.com/ML-Recipes/BERT-FAQ (data/StackFAQ). It is not in this repository:
// give its path.
//
//	go run ./cmd/faqbench -stackfaq stackExchange-FAQ.json
//
// A knowledge bank is made of the threads: the question (title and question), the first answer, and
// every other rephrasing as an alternate, as a clinic adds ways of asking (-alternates=false: none);
// the rest of the rephrasings are the queries. One thread in five is left out of the bank: its queries have no answer there and
// measure abstention. Three rankings are compared on the same index: plain BM25 (Bleve's score alone),
// the engine's search evidence (calibrated confidence) and the engine with its learned topic classifier;
// then what the engine does at its threshold.
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/internal/topicclass"
	"github.com/faqbot/faqbot/knowledge"
)

func main() {
	path := flag.String("stackfaq", "", "path of StackFAQ's stackExchange-FAQ.json")
	alts := flag.Bool("alternates", true, "put every other rephrasing in the bank as an alternate (false: questions only)")
	flag.Parse()
	if *path == "" {
		fmt.Fprintln(os.Stderr, "faqbench: want -stackfaq PATH")
		os.Exit(2)
	}
	if err := run(context.Background(), *path, *alts, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "faqbench:", err)
		os.Exit(1)
	}
}

// thread is one StackFAQ thread. A field holding one string instead of a list is read as a list of one.
type thread struct {
	Rephr    strings1 `json:"rephr"`
	Question string   `json:"question"`
	Answer   strings1 `json:"answer"`
}

type strings1 []string

func (s *strings1) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = []string{one}
		return nil
	}
	return json.Unmarshal(b, (*[]string)(s))
}

// query is one held-out rephrasing and the entry that answers it ("" when its thread is not in the bank).
type query struct{ text, want string }

func read(path string) ([]thread, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f struct {
		Root struct {
			QAPair []thread `json:"qapair"`
		} `json:"root"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return f.Root.QAPair, nil
}

// split makes the bank and the queries: every fifth thread is left out, every other rephrasing is an
// alternate (or left unused, without alts: a bank of questions only).
func split(threads []thread, alts bool) (*knowledge.Bank, []query) {
	var entries []knowledge.Entry
	var queries []query
	for i, t := range threads {
		id := fmt.Sprintf("t%d", i+1)
		in := i%5 != 4
		e := knowledge.Entry{ID: id, Lang: "en", Kind: knowledge.FAQ, Title: t.Question, Question: t.Question}
		if len(t.Answer) > 0 {
			e.Answer = t.Answer[0]
		}
		for j, r := range t.Rephr {
			r = strings.TrimSpace(r)
			if len(r) < 3 {
				continue // StackFAQ has a few placeholder rephrasings ("*")
			}
			switch {
			case in && j%2 == 0 && alts:
				e.Alternates = append(e.Alternates, r)
			case in && j%2 == 0:
			case in:
				queries = append(queries, query{text: r, want: id})
			default:
				queries = append(queries, query{text: r})
			}
		}
		if in {
			entries = append(entries, e)
		}
	}
	return knowledge.NewBank(entries, nil), queries
}

// ranking counts where the right entry was ranked: first, and the reciprocal rank within ten.
type ranking struct {
	n     int
	first int
	recip float64
	inTen int
}

func (r *ranking) add(ids []string, want string) {
	r.n++
	if i := slices.Index(ids[:min(len(ids), 10)], want); i >= 0 {
		r.recip += 1 / float64(i+1)
		r.inTen++
		if i == 0 {
			r.first++
		}
	}
}

func (r ranking) String() string {
	return fmt.Sprintf("P@1 %5.1f%%  MRR@10 %.3f  in ten %5.1f%%", 100*float64(r.first)/float64(r.n), r.recip/float64(r.n), 100*float64(r.inTen)/float64(r.n))
}

func run(ctx context.Context, path string, alts bool, w io.Writer) error {
	threads, err := read(path)
	if err != nil {
		return err
	}
	bank, queries := split(threads, alts)
	ix, err := index.Build(ctx, bank)
	if err != nil {
		return err
	}
	defer ix.Close()
	topics, err := topicclass.Train(ctx, bank)
	if err != nil {
		return err
	}
	searchOnly, err := bot.New(bank, ix, bot.Options{})
	if err != nil {
		return err
	}
	learned, err := bot.New(bank, ix, bot.Options{Topics: topics})
	if err != nil {
		return err
	}
	var bm25 ranking
	engines := []*measure{{name: "engine, search evidence", eng: searchOnly}, {name: "engine, with the learned", eng: learned}}
	out := 0
	for _, q := range queries {
		if q.want == "" {
			out++
		} else {
			res, err := ix.Search(ctx, knowledge.Query{Text: q.text, Lang: "en", Top: 10})
			if err != nil {
				return err
			}
			bm25.add(byScore(res.Matches), q.want)
		}
		for _, m := range engines {
			if err := m.ask(ctx, q); err != nil {
				return err
			}
		}
	}
	fmt.Fprintf(w, "StackFAQ: %d threads, %d in the bank (%d alternates), %d queries (%d of threads left out)\n",
		len(threads), len(bank.Entries), alternates(bank), len(queries), out)
	fmt.Fprintf(w, "%-26s %s\n", "plain Bleve BM25", bm25)
	for _, m := range engines {
		fmt.Fprintf(w, "%-26s %s\n", m.name, m.rank)
		fmt.Fprintf(w, "%-26s answered right %5.1f%% of answerable, wrong %5.1f%% of answered, left-out declined %5.1f%%\n",
			"  at its threshold", 100*float64(m.right)/float64(m.rank.n), 100*float64(m.wrong)/float64(max(m.answered, 1)), 100*float64(m.declined)/float64(max(out, 1)))
	}
	return nil
}

// measure is what one engine did with the queries.
type measure struct {
	name                             string
	eng                              *bot.Engine
	rank                             ranking
	answered, right, wrong, declined int
}

func (m *measure) ask(ctx context.Context, q query) error {
	a, err := m.eng.Answer(ctx, bot.Question{Text: q.text, Lang: "en", Top: 10})
	if err != nil {
		return err
	}
	if a.Status == bot.Answered {
		m.answered++
	}
	switch {
	case q.want == "" && a.Status != bot.Answered:
		m.declined++
	case q.want == "":
		m.wrong++
	default:
		m.rank.add(ids(a.Matches), q.want)
		if a.Status == bot.Answered && a.ID == q.want {
			m.right++
		} else if a.Status == bot.Answered {
			m.wrong++
		}
	}
	return nil
}

func byScore(ms []knowledge.Match) []string {
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(a, b knowledge.Match) int { return cmp.Compare(b.Score, a.Score) })
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

func ids(cs []bot.Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func alternates(b *knowledge.Bank) int {
	n := 0
	for _, e := range b.Entries {
		n += len(e.Alternates)
	}
	return n
}
