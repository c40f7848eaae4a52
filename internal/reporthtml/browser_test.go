package reporthtml

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestReportInBrowser opens reports of a seeded store and of an empty one in headless Chromium, offline:
// a page logs no error, throws nothing, fetches nothing but itself, and draws every chart it should at a
// size. A screenshot of each whole page is kept in $FAQBOT_ARTIFACTS (else the test's temporary
// directory).
func TestReportInBrowser(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	ctx, stop := headless(ctx, browser, filepath.Join(dir, "profile"))
	defer stop()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	tests := []struct {
		name   string
		seed   bool
		charts []string
		text   string
	}{
		{"report", true, charts, "Largest groups of unanswered questions"},
		{"report-empty", false, nil, "No data yet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := filepath.Join(dir, tt.name+".html")
			writeReport(t, page, tt.seed)
			tab, closeTab := chromedp.NewContext(ctx)
			defer closeTab()
			problems := open(tab, t, page)
			checkPage(tab, t, tt.charts, tt.text)
			shot, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			saveArtifact(t, dir, tt.name+".png", shot)
			for _, p := range problems.all() {
				t.Errorf("browser: %s", p)
			}
		})
	}
}

// open opens a page in a tab, watching what it logs and fetches.
func open(tab context.Context, t *testing.T, page string) *problemLog {
	t.Helper()
	url := "file://" + page
	problems := &problemLog{}
	if err := chromedp.Listen(tab, problems.watch(url)); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	return problems
}

// checkPage checks that a page shows a text and draws exactly the charts named, each at a size.
func checkPage(tab context.Context, t *testing.T, charts []string, text string) {
	t.Helper()
	body, err := chromedp.Run(tab, chromedp.Text("body"))
	if err != nil || !strings.Contains(body, text) {
		t.Errorf("page text: got %v, want %q in\n%s", err, text, body)
	}
	n, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll('svg').length`))
	if err != nil || n != len(charts) {
		t.Errorf("charts: got %d %v, want %d", n, err, len(charts))
	}
	for _, name := range charts {
		checkChart(tab, t, name)
	}
}

// chromium is the browser to test with; without one the test is skipped, unless
// FAQBOT_REQUIRE_BROWSER=1 makes it fail.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("FAQBOT_REQUIRE_BROWSER") == "1" {
		t.Fatal("no Chromium at /usr/bin/chromium or on PATH, and FAQBOT_REQUIRE_BROWSER=1: apt-get install chromium")
	}
	t.Skip("no Chromium at /usr/bin/chromium or on PATH (apt-get install chromium; FAQBOT_REQUIRE_BROWSER=1 fails instead)")
	return ""
}

// headless starts a chromedp context on a quiet headless Chromium with a fresh profile; stop closes it.
func headless(ctx context.Context, browser, profile string) (context.Context, func()) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	return tabCtx, func() {
		_ = chromedp.Cancel(tabCtx) // closes the browser and waits for it
		cancelTab()
		cancelAlloc()
	}
}

// problemLog collects what the page must not do: log an error, throw, or fetch anything but itself. Its
// watch runs on chromedp's reading goroutine, all on the test's.
type problemLog struct {
	mu   sync.Mutex
	seen []string
}

func (p *problemLog) add(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen = append(p.seen, fmt.Sprintf(format, args...))
}

func (p *problemLog) all() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.seen...)
}

// watch returns the listener of a page at url.
func (p *problemLog) watch(url string) func(ev any) {
	return func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				p.add("console error: %s", consoleText(ev.Args))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			if d.Exception != nil {
				p.add("exception: %s: %s", d.Text, d.Exception.Description)
			} else {
				p.add("exception: %s", d.Text)
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				p.add("log error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			if ev.Request.URL != url {
				p.add("fetched %s", ev.Request.URL)
			}
		}
	}
}

// consoleText is what the console shows of a call's arguments.
func consoleText(args []*runtime.RemoteObject) string {
	words := make([]string, len(args))
	for i, a := range args {
		words[i] = a.Description
		if len(a.Value) > 0 {
			words[i] = string(a.Value)
		}
	}
	return strings.Join(words, " ")
}

// checkChart checks that the page has the chart and draws it at a size.
func checkChart(tab context.Context, t *testing.T, name string) {
	t.Helper()
	size, err := chromedp.Run(tab, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
		const svg = document.querySelector('svg[data-chart=%q]');
		if (!svg) return null;
		const r = svg.getBoundingClientRect();
		return [r.width, r.height];
	})()`, name)))
	switch {
	case err != nil:
		t.Errorf("chart %s: %v", name, err)
	case size == nil:
		t.Errorf("no chart %s", name)
	case size[0] <= 0 || size[1] <= 0:
		t.Errorf("chart %s: got %v×%v, want a size", name, size[0], size[1])
	}
}

// saveArtifact writes a file to $FAQBOT_ARTIFACTS, or else to dir, and logs where.
func saveArtifact(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if a := os.Getenv("FAQBOT_ARTIFACTS"); a != "" {
		if err := os.MkdirAll(a, 0o755); err != nil {
			t.Fatal(err)
		}
		dir = a
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}
