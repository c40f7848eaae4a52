package knowledge

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity tells whether a problem stops the knowledge from loading.
type Severity string

// Severities: an error stops the load; a warning is reported and the load goes on.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Problem is one thing wrong with the knowledge, with where it is.
type Problem struct {
	Pos      Position
	Severity Severity
	Msg      string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s", p.Pos, p.Severity, p.Msg)
}

// Problems is every problem found in one load, in file and line order.
type Problems []Problem

// Errors counts the problems that stop a load; with strict, warnings count too.
func (ps Problems) Errors(strict bool) int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error || strict {
			n++
		}
	}
	return n
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
}

// InvalidError is returned when knowledge does not load: it carries every problem found.
type InvalidError struct {
	Problems Problems
}

func (e *InvalidError) Error() string {
	var errs []string
	for _, p := range e.Problems {
		if p.Severity == Error {
			errs = append(errs, p.String())
		}
	}
	const shown = 5
	msg := strings.Join(errs[:min(len(errs), shown)], "; ")
	if len(errs) > shown {
		msg += fmt.Sprintf("; and %d more", len(errs)-shown)
	}
	return fmt.Sprintf("invalid knowledge (%d errors): %s", len(errs), msg)
}

// Problem messages reach the logs and the reply of POST /admin/reload, so they quote a file's text only
// as a short excerpt: excerptRunes runes at most, and a whole message is at most maxMessageRunes runes.
const (
	excerptRunes    = 32
	maxMessageRunes = 240
)

// collector gathers problems while files are read.
type collector struct {
	problems Problems
}

func (c *collector) errorf(pos Position, format string, args ...any) {
	c.problems = append(c.problems, Problem{Pos: pos, Severity: Error, Msg: clip(fmt.Sprintf(format, args...), maxMessageRunes)})
}

func (c *collector) warnf(pos Position, format string, args ...any) {
	c.problems = append(c.problems, Problem{Pos: pos, Severity: Warning, Msg: clip(fmt.Sprintf(format, args...), maxMessageRunes)})
}

// excerpt quotes a piece of a file for a problem message: at most excerptRunes runes, control and
// formatting characters replaced, the last an ellipsis where it was cut.
func excerpt(s string) string {
	return strconv.Quote(clip(s, excerptRunes))
}

// errText is a parser's error for a problem message: parsers quote the file too (yaml.v3 names unknown
// fields in full), so it is clipped to a few words past the parser's own text.
func errText(err error) string {
	return clip(err.Error(), 2*excerptRunes+16)
}

// clip keeps at most max runes of s, the last an ellipsis where it was cut, with control and formatting
// characters (line breaks, escapes, bidirectional overrides) replaced by a space.
func clip(s string, max int) string {
	var b strings.Builder
	n := 0
	for i, r := range s {
		if _, size := utf8.DecodeRuneInString(s[i:]); n == max-1 && len(s) > i+size {
			b.WriteRune('…')
			break
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
