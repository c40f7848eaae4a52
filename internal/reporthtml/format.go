package reporthtml

import (
	"fmt"
	"strings"
	"time"

	"github.com/faqbot/faqbot/knowledge"
)

// percent is n of total as a whole percentage ("42%"), or "—" of nothing.
func percent(n, total int) string {
	if total == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", float64(n)/float64(total)*100)
}

// duration reads as staff would say it: "0.4 ms", "120 ms", "1.2 s".
func duration(d time.Duration) string {
	switch {
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Round(time.Millisecond).Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// platformLabel names a platform as staff know it; an unknown one as stored.
func platformLabel(p string) string {
	switch p {
	case "telegram", "discord", "web":
		return strings.ToUpper(p[:1]) + p[1:]
	case "cli":
		return "Command line"
	case "":
		return "Unknown"
	}
	return p
}

// langLabel names a language; an unknown one by its code.
func langLabel(code string) string {
	switch code {
	case knowledge.English:
		return "English"
	case knowledge.Arabic:
		return "Arabic"
	case "":
		return "Unknown"
	}
	return code
}
