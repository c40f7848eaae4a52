// Command genbank writes a large synthetic knowledge bank as CSV, for scale measurements of faqbot
// serve (index build, start with a saved index, memory): n entries per language, drawn from the
// default knowledge's vocabulary. It writes files of at most 10,000 entries (knowledge files are limited
// to 32 MiB each).
//
//	go run ./cmd/genbank -n 50000 -out /tmp/bank100k   # 100,000 entries
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/faqbot/faqbot/internal/banktest"
	"github.com/faqbot/faqbot/knowledge"
)

func main() {
	n := flag.Int("n", 5000, "entries per language")
	out := flag.String("out", "", "folder to write bank-NNN.csv files into (created)")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same bank")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "genbank: want -out FOLDER and -n >= 1")
		os.Exit(2)
	}
	if err := write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genbank:", err)
		os.Exit(1)
	}
}

func write(dir string, n int, seed uint64) error {
	base, _, err := knowledge.Default()
	if err != nil {
		return err
	}
	bank := banktest.Generate(base, n, banktest.DefaultShape(), seed)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	const perFile = 10000
	for start := 0; start < len(bank.Entries); start += perFile {
		path := filepath.Join(dir, fmt.Sprintf("bank-%03d.csv", start/perFile))
		if err := writeCSV(path, bank.Entries[start:min(start+perFile, len(bank.Entries))]); err != nil {
			return err
		}
	}
	return nil
}

func writeCSV(path string, entries []knowledge.Entry) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	_ = w.Write([]string{"id", "question", "answer", "lang", "alternates"})
	for _, e := range entries {
		_ = w.Write([]string{e.ID, e.Question, e.Answer, e.Lang, strings.Join(e.Alternates, "|")})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
