package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/faqbot/faqbot/internal/store"
)

// poisoned is a report whose values carry terminal escapes, line breaks, bidi overrides and spreadsheet
// formulas, as forged feedback or a kept unanswered question could before issue 11.
func poisoned() store.Report {
	return store.Report{
		Since:    time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		ByStatus: map[string]int{"answered": 1, "no_match": 1},
		Answered: []store.Count{{ID: "pain\x1b[2J\x1b]0;owned\x07", Count: 3}, {ID: "-2+3", Count: 1}},
		Unhelpful: []store.Helpfulness{
			{ID: "=HYPERLINK(\"http://evil\",\"x\")", NotHelpful: 1},
			{ID: "@SUM(A1)\u009b31m", Helpful: 1, NotHelpful: 2},
		},
		Unanswered: []store.Cluster{
			{Hash: "a1b2", Count: 2, Lang: "en", Example: "line one\nTOP ANSWERED\tCOUNT\r\u202eevil\u2066"},
			{Hash: "c3d4", Count: 1, Lang: "ar", Example: "\t=cmd|' /C calc'!A0"},
			{Hash: "e5f6", Count: 1, Lang: "en", Example: "\r+1"},
		},
	}
}

// TestReportTableStripsControls: no value of the table can move the cursor, clear the screen, set the
// title, reverse the text direction, or start a line of its own (issue 11, point 4).
func TestReportTableStripsControls(t *testing.T) {
	var out bytes.Buffer
	if err := writeReport(&out, poisoned(), "table"); err != nil {
		t.Fatal(err)
	}
	for _, r := range out.String() {
		if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)) {
			t.Errorf("table holds %U:\n%q", r, out.String())
		}
	}
	if n := strings.Count(out.String(), "\nTOP ANSWERED"); n != 1 {
		t.Errorf("a value started a line of its own: %d headings\n%s", n, out.String())
	}
	if !strings.Contains(out.String(), "pain[2J]0;owned") || !strings.Contains(out.String(), "line one TOP ANSWERED COUNT evil") {
		t.Errorf("the printable rest of a value is lost:\n%s", out.String())
	}
}

// TestReportCSVNeutralisesFormulas: a cell that a spreadsheet would read as a formula starts with a
// single quote (OWASP's CSV injection advice); everything else is as stored.
func TestReportCSVNeutralisesFormulas(t *testing.T) {
	var out bytes.Buffer
	if err := writeReport(&out, poisoned(), "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, row := range rows {
		cells = append(cells, row...)
	}
	for _, c := range cells {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			t.Errorf("cell %q starts a formula", c)
		}
	}
	for _, want := range []string{`'=HYPERLINK("http://evil","x")`, "'-2+3", "'@SUM(A1)\u009b31m", "'\t=cmd|' /C calc'!A0", "'\r+1", "pain\x1b[2J\x1b]0;owned\x07"} {
		if !contains(cells, want) {
			t.Errorf("no cell %q in %q", want, cells)
		}
	}
}

// TestReportJSONIsExact: JSON carries the stored values unchanged (escaped by the encoder).
func TestReportJSONIsExact(t *testing.T) {
	var out bytes.Buffer
	if err := writeReport(&out, poisoned(), "json"); err != nil {
		t.Fatal(err)
	}
	var got store.Report
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if want := poisoned(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if bytes.ContainsAny(out.Bytes(), "\x1b\x07\r\t") {
		t.Errorf("raw control characters in the JSON:\n%q", out.String())
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// FuzzReportTable: whatever the stored values, the table holds no control or bidi characters but its
// line breaks, and one line per row.
func FuzzReportTable(f *testing.F) {
	f.Add("pain\x1b[2J", "=1+1", "line\nbreak\u202e")
	f.Fuzz(func(t *testing.T, id, hash, example string) {
		r := store.Report{ByStatus: map[string]int{}, Answered: []store.Count{{ID: id, Count: 1}},
			Unanswered: []store.Cluster{{Hash: hash, Count: 1, Lang: "en", Example: example}}}
		var out bytes.Buffer
		if err := writeReport(&out, r, "table"); err != nil {
			t.Fatal(err)
		}
		for _, c := range out.String() {
			if c != '\n' && (unicode.IsControl(c) || unicode.Is(unicode.Bidi_Control, c)) {
				t.Fatalf("table holds %U", c)
			}
		}
		if n := strings.Count(out.String(), "\n"); n != 9 {
			t.Fatalf("got %d lines, want 9:\n%s", n, out.String())
		}
	})
}

// TestReportWithoutStore: a report where no store was ever written says so, and creates none.
func TestReportWithoutStore(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("FAQBOT_STORE", "")
	if err := os.Unsetenv("FAQBOT_STORE"); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "", "report")
	if code != 1 || !strings.Contains(stderr, "no store at faqbot.db") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat("faqbot.db"); err == nil {
		t.Errorf("report created faqbot.db")
	}
}

func TestParseSince(t *testing.T) {
	yesterday := time.Now().UTC().Add(-24 * time.Hour).Format(time.DateOnly)
	tests := []struct {
		in       string
		min, max time.Duration
	}{
		{"7d", 7 * 24 * time.Hour, 7 * 24 * time.Hour},
		{"12h", 12 * time.Hour, 12 * time.Hour},
		{yesterday, 24 * time.Hour, 48 * time.Hour},
	}
	for _, tt := range tests {
		got, err := parseSince(tt.in)
		if err != nil || got < tt.min || got > tt.max {
			t.Errorf("parseSince(%q) = %v, %v; want %v..%v", tt.in, got, err, tt.min, tt.max)
		}
	}
	for _, bad := range []string{"yesterday", "0d", "-3d", "-1h", "2999-01-01", "2026-13-01", ""} {
		if _, err := parseSince(bad); err == nil {
			t.Errorf("parseSince(%q) took it", bad)
		}
	}
}
