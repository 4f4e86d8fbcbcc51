// Package theme holds what every screen shares: colours for the chosen theme and the keys.
package theme

import (
	"image/color"
	"strings"

	"briefing/internal/deck"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Theme is the user's choice: auto follows the terminal's background.
type Theme string

const (
	Auto         Theme = "auto"
	Dark         Theme = "dark"
	Light        Theme = "light"
	HighContrast Theme = "high-contrast"
)

// Parse reads a --theme value; ok is false for an unknown name.
func Parse(s string) (Theme, bool) {
	switch Theme(s) {
	case "", Auto:
		return Auto, true
	case Dark, Light, HighContrast:
		return Theme(s), true
	case "contrast", "hc":
		return HighContrast, true
	}
	return "", false
}

// Styles are the lipgloss styles of the chrome around slides. Screens share one *Styles
// and never change it: a lipgloss style is 648 bytes, and a copy in every model made each
// Bubble Tea update copy kilobytes and grow the event loop's stack to 512 KB (issue 16).
type Styles struct {
	Slide     deck.Style
	Status    lipgloss.Style // the bar at the bottom
	StatusKey lipgloss.Style // the slide counter in it
	Title     lipgloss.Style
	Dim       lipgloss.Style
	Accent    lipgloss.Style
	Selected  lipgloss.Style
	Warn      lipgloss.Style
	OK        lipgloss.Style // a confirmed write
	Box       lipgloss.Style // dialogs and panes
	Input     lipgloss.Style
	IsDark    bool
}

// New builds the styles for a theme; isDark is what the terminal reported (or a guess).
func New(t Theme, isDark bool) *Styles {
	if t == Dark {
		isDark = true
	}
	if t == Light {
		isDark = false
	}
	ld := lipgloss.LightDark(isDark)
	fg := ld(lipgloss.Color("#1a1a1a"), lipgloss.Color("#e8e8e8"))
	dim := ld(lipgloss.Color("#6b6b6b"), lipgloss.Color("#8a8a8a"))
	accent := ld(lipgloss.Color("#005fd7"), lipgloss.Color("#5fafff"))
	barBg := ld(lipgloss.Color("#dcdcdc"), lipgloss.Color("#303030"))
	warn := ld(lipgloss.Color("#af0000"), lipgloss.Color("#ff8787"))
	ok := ld(lipgloss.Color("#007a00"), lipgloss.Color("#87d787"))
	slide := deck.Dark
	if !isDark {
		slide = deck.Light
	}
	if t == HighContrast {
		isDark = true
		fg, dim, accent, barBg, warn = lipgloss.BrightWhite, lipgloss.White, lipgloss.BrightYellow, lipgloss.Black, lipgloss.BrightYellow
		ok = lipgloss.BrightGreen
		slide = deck.HighContrast
	}
	return &Styles{
		Slide:     slide,
		Status:    lipgloss.NewStyle().Foreground(fg).Background(barBg),
		StatusKey: lipgloss.NewStyle().Foreground(accent).Background(barBg).Bold(true),
		Title:     lipgloss.NewStyle().Foreground(accent).Bold(true),
		Dim:       lipgloss.NewStyle().Foreground(dim),
		Accent:    lipgloss.NewStyle().Foreground(accent),
		Selected:  lipgloss.NewStyle().Foreground(contrastOn(isDark)).Background(accent).Bold(true),
		Warn:      lipgloss.NewStyle().Foreground(warn).Bold(true),
		OK:        lipgloss.NewStyle().Foreground(ok).Bold(true),
		Box:       lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Input:     lipgloss.NewStyle().Foreground(fg),
		IsDark:    isDark,
	}
}

func contrastOn(isDark bool) color.Color {
	if isDark {
		return lipgloss.Color("#000000")
	}
	return lipgloss.Color("#ffffff")
}

// Clip cuts a screen to w columns and h lines, so that a small terminal never wraps lines
// and scrolls the layout away.
func Clip(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// PadRight pads s with spaces to w terminal columns (labels of a form).
func PadRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// UnitSuffix is " · unit" after a person's name, or nothing without a unit.
func UnitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return " · " + unit
}

// Cell pads or cuts s to w columns with one column of space after it: a
// column of a list.
func Cell(s string, w int) string {
	return PadRight(ansi.Truncate(s, w-1, "…"), w)
}

// NoticeKind is how a notice line reads.
type NoticeKind int

const (
	NoticeNone NoticeKind = iota
	NoticeOK              // a confirmed write
	NoticeInfo            // plain news
	NoticeWarn            // something to act on
)

// Notice is the one-line message a screen shows under its content.
type Notice struct {
	Kind NoticeKind
	Text string
}

// Line renders the notice in w columns, cut with "…".
func (n Notice) Line(st *Styles, w int) string {
	text := ansi.Truncate(" "+n.Text, w, "…")
	switch n.Kind {
	case NoticeOK:
		return st.OK.Render(text)
	case NoticeWarn:
		return st.Warn.Render(text)
	}
	return text
}
