package cli

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/knowledge"
)

const chatHelp = `Type a question and press Enter. Commands: /lang auto|en|ar, /explain (on/off), /quit.`

// lineReader is a source of typed lines: a terminal with editing and history, or a plain stream.
type lineReader interface {
	ReadLine() (string, error)
}

type plainLines struct{ br *bufio.Reader }

func (p plainLines) ReadLine() (string, error) { return readLine(p.br) }

// Chat runs an interactive loop: each line is answered with the reply, its confidence and id, and the
// runner-up matches. On a terminal it offers line editing and history (arrow keys).
func Chat(ctx context.Context, eng answerer, in io.Reader, out io.Writer, tmpl bot.Question) error {
	lines, w, restore := openLines(in, out)
	defer restore()
	fmt.Fprintln(w, chatHelp)
	q := tmpl
	for {
		if err := ctx.Err(); err != nil {
			return nil
		}
		line, err := lines.ReadLine()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("chat: %w", err)
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case line == "/quit" || line == "/exit":
			return nil
		case strings.HasPrefix(line, "/"):
			fmt.Fprintln(w, chatCommand(&q, line))
			continue
		}
		q.Text = line
		var a bot.Answer
		var panics *guard.Panics // recovers without counting: a panic must not leave the terminal raw
		err = panics.Call("cli", func() (err error) { a, err = eng.Answer(ctx, q); return err })
		if err != nil {
			fmt.Fprintf(w, "error: %v\n", err)
			continue
		}
		if err := WriteText(w, a); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
}

func chatCommand(q *bot.Question, line string) string {
	fields := strings.Fields(line)
	switch {
	case fields[0] == "/lang" && len(fields) == 2 && (fields[1] == "auto" || knowledge.Supported(fields[1])):
		q.Lang = fields[1]
		return "language: " + q.Lang
	case fields[0] == "/lang":
		return fmt.Sprintf("/lang takes one of: auto, %s (the language stays %s)", strings.Join(knowledge.Languages(), ", "), cmp.Or(q.Lang, "auto"))
	case fields[0] == "/explain":
		q.Explain = !q.Explain
		return fmt.Sprintf("explain: %v", q.Explain)
	}
	return chatHelp
}

// openLines uses a line-editing terminal when in and out are both the terminal, plain lines otherwise.
func openLines(in io.Reader, out io.Writer) (lineReader, io.Writer, func()) {
	fin, okIn := in.(*os.File)
	fout, okOut := out.(*os.File)
	if okIn && okOut && term.IsTerminal(int(fin.Fd())) && term.IsTerminal(int(fout.Fd())) {
		if state, err := term.MakeRaw(int(fin.Fd())); err == nil {
			t := term.NewTerminal(struct {
				io.Reader
				io.Writer
			}{fin, fout}, "> ")
			return t, t, func() { _ = term.Restore(int(fin.Fd()), state) }
		}
	}
	return plainLines{bufio.NewReader(in)}, out, func() {}
}
