package knowledge

import (
	"fmt"
	"sort"
	"strings"
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

// collector gathers problems while files are read.
type collector struct {
	problems Problems
}

func (c *collector) errorf(pos Position, format string, args ...any) {
	c.problems = append(c.problems, Problem{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

func (c *collector) warnf(pos Position, format string, args ...any) {
	c.problems = append(c.problems, Problem{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}
