package reporthtml

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/store"
)

// charts are the data-chart names of a page with questions and feedback.
var charts = []string{"per-day-platform", "per-day-language", "outcomes", "helpful-rate"}

// sample is a dashboard of two days, with patient text that tries to run a script.
func sample() store.Dashboard {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	return store.Dashboard{
		Report: store.Report{
			Since:    day,
			Answered: []store.Count{{ID: "pain", Count: 5}, {ID: `"><img src=x>`, Count: 1}},
			Unanswered: []store.Cluster{
				{Hash: "a1", Count: 3, Lang: "en", Example: `<script>alert("owned")</script>`},
				{Hash: "b2", Count: 2, Lang: "ar", Example: "كم سعر الجلسة؟"},
				{Hash: "c3", Count: 1, Lang: "en"},
			},
		},
		Days: []store.Day{
			{Date: day, Total: 5, ByPlatform: map[string]int{"telegram": 4, "<b>web</b>": 1}, ByLang: map[string]int{"en": 3, "ar": 2}},
			{Date: day.AddDate(0, 0, 1), Total: 3, ByPlatform: map[string]int{"telegram": 3}, ByLang: map[string]int{"en": 3}},
		},
		Platforms: []string{"telegram", "<b>web</b>"},
		Langs:     []string{"en", "ar"},
		Outcomes:  store.Outcomes{Answered: 5, Clarified: 1, NoMatch: 1, Urgent: 1},
		Feedback:  []store.Helpfulness{{ID: "pain", Helpful: 3, NotHelpful: 1}, {ID: "<i>x</i>", NotHelpful: 2}},
		Latency:   store.Latency{Count: 8, P50: 40 * time.Millisecond, P90: 120 * time.Millisecond, P99: 1500 * time.Millisecond},
	}
}

func render(t *testing.T, d store.Dashboard) string {
	t.Helper()
	var out bytes.Buffer
	if err := Render(&out, d, Options{Now: time.Date(2026, 3, 8, 9, 30, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestRenderEscapesPatientText: text and ids from patients are shown as text, never run as markup.
func TestRenderEscapesPatientText(t *testing.T) {
	page := render(t, sample())
	for _, bad := range []string{"<script", "<img", "<b>web", "<i>x"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	for _, want := range []string{`&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;`, "&lt;b&gt;web&lt;/b&gt;", "&lt;i&gt;x&lt;/i&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks the escaped %q", want)
		}
	}
}

// TestRenderCharts: each chart is an <svg> with a role, an accessible name and its data-chart name.
func TestRenderCharts(t *testing.T) {
	page := render(t, sample())
	svgs := regexp.MustCompile(`<svg[^>]*>`).FindAllString(page, -1)
	if len(svgs) != len(charts) {
		t.Errorf("got %d charts, want %d: %q", len(svgs), len(charts), svgs)
	}
	for _, svg := range svgs {
		for _, attr := range []string{`role="img"`, `aria-label="`, `data-chart="`} {
			if !strings.Contains(svg, attr) {
				t.Errorf("%s lacks %s", svg, attr)
			}
		}
	}
	for _, name := range charts {
		if !strings.Contains(page, `data-chart="`+name+`"`) {
			t.Errorf("no chart %q", name)
		}
	}
	if strings.Contains(page, "NaN") || strings.Contains(page, "Inf") {
		t.Errorf("a number of the page is not one")
	}
}

// TestRenderSelfContained: the page fetches nothing and runs nothing: no scripts, links, imports or URLs.
func TestRenderSelfContained(t *testing.T) {
	page := render(t, sample())
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`(?i)<script`),
		regexp.MustCompile(`(?i)<link`),
		regexp.MustCompile(`(?i)<[a-z][^>]*\s(src|href)\s*=`),
		regexp.MustCompile(`(?i)https?:`),
		regexp.MustCompile(`(?i)@import|url\(|@font-face`),
	} {
		if m := bad.FindString(page); m != "" {
			t.Errorf("page holds %q", m)
		}
	}
}

// TestRenderArabicDirection: an example is laid out in its own direction.
func TestRenderArabicDirection(t *testing.T) {
	page := render(t, sample())
	if !strings.Contains(page, `<td class="example" dir="auto">كم سعر الجلسة؟</td>`) {
		t.Errorf("the Arabic example has no dir=auto:\n%s", page)
	}
	if !strings.Contains(page, "text not kept") {
		t.Errorf("a group without text shows nothing in its place")
	}
}

// TestRenderEmpty: a store without records gives a page that says so, without charts.
func TestRenderEmpty(t *testing.T) {
	page := render(t, store.Dashboard{Report: store.Report{Since: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}})
	if !strings.Contains(page, "No data yet") || !strings.Contains(page, "1 Mar 2026") {
		t.Errorf("an empty page does not say so:\n%s", page)
	}
	if strings.Contains(page, "<svg") {
		t.Errorf("an empty page draws charts")
	}
}

// TestRenderPartial: a section without data says so instead of drawing an empty chart.
func TestRenderPartial(t *testing.T) {
	d := sample()
	d.Feedback, d.Latency, d.Unanswered = nil, store.Latency{}, nil
	page := render(t, d)
	for _, want := range []string{"No feedback in this period", "No reply was timed", "No unanswered questions"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, `data-chart="helpful-rate"`) {
		t.Errorf("a helpful-rate chart without votes")
	}
}

func TestAxis(t *testing.T) {
	tests := []struct{ peak, top, step int }{
		{0, 1, 1}, {1, 1, 1}, {3, 3, 1}, {4, 4, 1}, {7, 8, 2}, {10, 10, 5}, {38, 40, 10}, {101, 150, 50}, {930, 1000, 500},
	}
	for _, tt := range tests {
		top, step := axis(tt.peak)
		if top != tt.top || step != tt.step {
			t.Errorf("axis(%d): got %d by %d, want %d by %d", tt.peak, top, step, tt.top, tt.step)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{percent(1, 3), "33%"},
		{percent(0, 0), "—"},
		{duration(400 * time.Microsecond), "0.4 ms"},
		{duration(123456 * time.Microsecond), "123 ms"},
		{duration(1540 * time.Millisecond), "1.5 s"},
		{platformLabel("telegram"), "Telegram"},
		{platformLabel("matrix"), "matrix"},
		{langLabel("ar"), "Arabic"},
		{cut("a-very-long-topic-identifier", 10), "a-very-lo…"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
