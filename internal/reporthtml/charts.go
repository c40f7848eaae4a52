package reporthtml

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/faqbot/faqbot/internal/store"
)

// The drawing area of the charts, in SVG user units; the page scales them to its width.
const (
	chartWidth   = 760.0
	barHeight    = 220.0
	barLeft      = 44.0 // room for the y axis labels
	barRight     = 8.0
	barTop       = 10.0
	barBottom    = 26.0 // room for the dates
	maxDayLabels = 12
	maxTotals    = 31 // bars with their count written over them, at most
	paletteSize  = 8  // colour classes c0 to c7 in the stylesheet
)

// series is one colour of a stacked bar chart: a platform or a language.
type series struct {
	Key   string // as stored
	Label string // as shown
	Color string // a colour class of the stylesheet
}

// legendItem is one entry of a chart's legend.
type legendItem struct {
	Label, Color string
}

// barChart is a chart of stacked bars, one bar per day.
type barChart struct {
	Name, Label   string // data-chart and aria-label
	Width, Height float64
	Bars          []bar
	Ticks         []tick
	Legend        []legendItem
	Left, Right   float64 // x of the plot's edges
	Base          float64 // y of the zero line
	AxisX, DateY  float64 // where the y axis labels end, and the baseline of the dates
}

// bar is one day: its stacked segments and, on some days, a date under it.
type bar struct {
	X, W, LabelX float64
	Label        string // the date under the bar; empty on days left unlabelled
	Segments     []segment
	Total        string  // the day's count over the bar; empty when bars are too many to label
	TotalY       float64 // the baseline of Total
}

// segment is one series' part of a bar.
type segment struct {
	Y, H  float64
	Color string
	Title string // the tooltip
}

// tick is one line of the y axis.
type tick struct {
	Y     float64
	Label string
}

// stackedBars draws each day's questions as a bar stacked by series; of picks a day's count of a series.
func stackedBars(name, label string, days []store.Day, ss []series, of func(store.Day, string) int) barChart {
	c := barChart{Name: name, Label: label, Width: chartWidth, Height: barHeight,
		Left: barLeft, Right: chartWidth - barRight, Base: barHeight - barBottom,
		AxisX: barLeft - 6, DateY: barHeight - barBottom + 17}
	if len(days) == 0 {
		return c
	}
	top, step := axis(maxTotal(days))
	plotH := c.Base - barTop
	for v := 0; v <= top; v += step {
		c.Ticks = append(c.Ticks, tick{Y: round(c.Base - float64(v)/float64(top)*plotH), Label: strconv.Itoa(v)})
	}
	slot := (c.Right - c.Left) / float64(len(days))
	w := math.Min(slot*0.7, 48)
	every := (len(days) + maxDayLabels - 1) / maxDayLabels
	for i, d := range days {
		b := bar{X: round(c.Left + float64(i)*slot + (slot-w)/2), W: round(w), LabelX: round(c.Left + (float64(i)+0.5)*slot)}
		if i%every == 0 {
			b.Label = d.Date.Format("2 Jan")
		}
		y, sum := c.Base, 0
		for _, s := range ss {
			n := of(d, s.Key)
			if n == 0 {
				continue
			}
			h := float64(n) / float64(top) * plotH
			y, sum = y-h, sum+n
			b.Segments = append(b.Segments, segment{Y: round(y), H: round(h), Color: s.Color,
				Title: fmt.Sprintf("%s · %s: %d", d.Date.Format("Mon 2 Jan"), s.Label, n)})
		}
		if len(days) <= maxTotals && sum > 0 {
			b.Total, b.TotalY = strconv.Itoa(sum), round(y-5)
		}
		c.Bars = append(c.Bars, b)
	}
	totals := make([]string, len(ss))
	for i, s := range ss {
		c.Legend = append(c.Legend, legendItem{Label: s.Label, Color: s.Color})
		n := 0
		for _, d := range days {
			n += of(d, s.Key)
		}
		totals[i] = fmt.Sprintf("%s %d", s.Label, n)
	}
	c.Label = fmt.Sprintf("%s, %s to %s: %s", label, days[0].Date.Format("2 Jan"), days[len(days)-1].Date.Format("2 Jan"),
		strings.Join(totals, ", "))
	return c
}

func maxTotal(days []store.Day) int {
	m := 0
	for _, d := range days {
		m = max(m, d.Total)
	}
	return m
}

// axis picks the top of a y axis over 0..peak and its step: 1, 2 or 5 times a power of ten, about
// four steps in all.
func axis(peak int) (top, step int) {
	if peak <= 0 {
		return 1, 1
	}
	raw := float64(peak) / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = int(mag)
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = int(m * mag)
			break
		}
	}
	step = max(step, 1)
	return (peak + step - 1) / step * step, step
}

// donut is a ring of shares.
type donut struct {
	Name, Label string
	Total       int
	Arcs        []arc
}

// arc is one share of a donut, drawn as a dash of a circle whose length is 100.
type arc struct {
	Dash, Gap, Offset float64
	Color, Title      string
}

// share is one part of a whole, for a donut and its legend.
type share struct {
	Label, Color, Note string
	Count              int
	Percent            string
}

// ring draws shares as a donut, largest where they are in the list.
func ring(name, label string, parts []share) donut {
	d := donut{Name: name, Label: label}
	for _, p := range parts {
		d.Total += p.Count
	}
	at := 0.0
	for _, p := range parts {
		if p.Count == 0 || d.Total == 0 {
			continue
		}
		pct := float64(p.Count) / float64(d.Total) * 100
		// The dash pattern repeats every 100, so an offset of 100-at starts the arc at, as -at would.
		d.Arcs = append(d.Arcs, arc{Dash: round(pct), Gap: round(100 - pct), Offset: round(100 - at), Color: p.Color,
			Title: fmt.Sprintf("%s: %d (%s)", p.Label, p.Count, p.Percent)})
		at += pct
	}
	return d
}

// hbarChart is a chart of horizontal bars: the helpful rate of each topic.
type hbarChart struct {
	Name, Label   string
	Width, Height float64
	TrackX        float64 // where the bars start
	TrackW, Thick float64 // the bars' full length and thickness
	LabelX        float64 // where the topics end
	ValueX        float64 // where the rates start
	Rows          []hbar
}

// hbar is one topic's row.
type hbar struct {
	Y, W, TextY float64
	Label       string // the topic, cut to fit
	Value       string // the rate and the votes
	Color       string
	Title       string
}

// Row geometry of the helpful-rate chart.
const (
	hbarRow   = 30.0
	hbarThick = 18.0
	hbarLabel = 220.0 // room for the topic
	hbarValue = 130.0 // room for the rate and the votes
	hbarChars = 30    // topic ids longer than this are cut
)

// rates draws each topic's share of helpful votes.
func rates(name, label string, topics []store.Helpfulness) hbarChart {
	c := hbarChart{Name: name, Label: label, Width: chartWidth, Height: float64(len(topics))*hbarRow + 8,
		TrackX: hbarLabel, TrackW: chartWidth - hbarLabel - hbarValue, Thick: hbarThick,
		LabelX: hbarLabel - 10, ValueX: chartWidth - hbarValue + 10}
	words := make([]string, len(topics))
	for i, h := range topics {
		words[i] = fmt.Sprintf("%s %s", h.ID, percent(h.Helpful, h.Helpful+h.NotHelpful))
		y := 4 + float64(i)*hbarRow
		votes := h.Helpful + h.NotHelpful
		c.Rows = append(c.Rows, hbar{Y: round(y + (hbarRow-hbarThick)/2), W: round(h.Rate() * c.TrackW),
			TextY: round(y + hbarRow/2), Label: cut(h.ID, hbarChars), Color: rateColor(h.Rate()),
			Value: fmt.Sprintf("%s · %d of %d", percent(h.Helpful, votes), h.Helpful, votes),
			Title: fmt.Sprintf("%s: %d helpful, %d not helpful", h.ID, h.Helpful, h.NotHelpful)})
	}
	c.Label = label + ": " + strings.Join(words, ", ")
	return c
}

// rateColor is the colour class of a helpful rate: good, middling or poor.
func rateColor(r float64) string {
	switch {
	case r >= 0.8:
		return "good"
	case r >= 0.5:
		return "fair"
	}
	return "poor"
}

// cut shortens s to at most n characters, ending in an ellipsis when cut.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// round keeps one decimal: enough for a drawing, and short in the page.
func round(x float64) float64 { return math.Round(x*10) / 10 }
