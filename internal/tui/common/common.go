// Package common is what every screen of the terminal interface shares: the Common state
// (language, styles, clock, size) and the Screen contract the root routes to, after
// soft-serve's common.Common and common.Component.
package common

import (
	"strings"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Common is the state every screen reads and none owns: the root sets it and hands a
// copy to each screen it makes.
type Common struct {
	Lang   i18n.Lang
	Styles *theme.Styles
	// Clock tells the time; nil is time.Now. Tests fix it so that frames are repeatable.
	Clock         func() time.Time
	Width, Height int
}

// Now is the time by the clock.
func (c Common) Now() time.Time {
	if c.Clock == nil {
		return time.Now()
	}
	return c.Clock()
}

// Screen is what the root routes to: one full-screen face of the program. A screen
// never imports another screen or the root; it asks for a change of screen with a typed
// message the root handles. Its keys are key.Bindings, and the help it draws comes from
// them (help.KeyMap).
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	// SetSize gives the screen the whole window.
	SetSize(width, height int) (Screen, tea.Cmd)
	// SetStyles restyles the screen when the terminal says whether it is dark.
	SetStyles(*theme.Styles) (Screen, tea.Cmd)
	help.KeyMap
}

// NewHelp is a help view that draws plain text, its items parted by " · " as the
// interface's help lines always were; the caller styles the whole (HelpView, HelpLine),
// so that a help line reads as one run of text.
func NewHelp() help.Model {
	h := help.New()
	h.ShortSeparator = " · "
	h.FullSeparator = "   "
	h.Ellipsis = "…"
	h.Styles = help.Styles{}
	return h
}

// NewSearch is the search line of the presenter and follow ("/"). A pointer: a model
// copied at each update shares it instead of copying its 8 KB.
func NewSearch(l i18n.Lang) *textinput.Model {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = l.T("present.search.placeholder")
	return &ti
}

// ellipsis stands for the bindings a narrow help line leaves out. (Help draws only
// bindings with keys; no key is ever "…".)
var ellipsis = key.NewBinding(key.WithKeys("…"), key.WithHelp("…", ""))

// HelpLine is the one-line help of bindings after a leading space, fitted into width
// cells (FitHelp).
func HelpLine(s *theme.Styles, width int, bindings []key.Binding) string {
	return s.Dim.Render(ansi.Truncate(" "+fitHelp(width-1, bindings), max(width, 0), "…"))
}

// FitHelp is the short help of k, dim, fitted into width cells: when it is too wide
// the middle items give way to "…", and the last one (how to leave) stays.
func FitHelp(s *theme.Styles, width int, k help.KeyMap) string {
	return s.Dim.Render(ansi.Truncate(fitHelp(width, k.ShortHelp()), max(width, 0), "…"))
}

func fitHelp(width int, bindings []key.Binding) string {
	h := NewHelp()
	line := h.ShortHelpView(bindings)
	for keep := len(bindings) - 2; ansi.StringWidth(line) > width && keep > 0; keep-- {
		short := append(bindings[:keep:keep], ellipsis, bindings[len(bindings)-1])
		line = strings.Replace(h.ShortHelpView(short), "… "+h.ShortSeparator, "…"+h.ShortSeparator, 1)
	}
	return line
}

// Binding makes a key binding whose help is in the user's language: the keys it
// matches, the keys as the help shows them, and the i18n key of what it does.
func Binding(l i18n.Lang, shown, what string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, l.T(what)))
}
