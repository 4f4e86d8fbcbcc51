// Package startform is the short form a rapporteur fills (or just confirms) to start a session.
package startform

import (
	"fmt"
	"strings"

	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// SubmitMsg asks the parent to start a session.
type SubmitMsg struct {
	Deck *deck.Deck
	Info session.Info
}

// CancelMsg: the user backed out.
type CancelMsg struct{}

const (
	fieldTitle = iota
	fieldUnit
	fieldVenue
	fieldForm
	fieldRapporteur
	fieldCount
)

// Model is the form.
type Model struct {
	lang   i18n.Lang
	styles theme.Styles
	decks  []*deck.Deck
	choice int // which deck, when the user picks one here
	inputs [fieldCount]textinput.Model
	focus  int
	err    string
	width  int
	height int
}

// New makes the form, pre-filled from info. decks holds one deck when the user named it,
// several when the form offers a choice (left/right changes it).
func New(decks []*deck.Deck, info session.Info, units []string, styles theme.Styles, lang i18n.Lang) Model {
	m := Model{lang: lang, styles: styles, decks: decks, width: 80, height: 24}
	values := [fieldCount]string{info.Title, info.Unit, info.Venue, info.Form, info.Rapporteur}
	if values[fieldForm] == "" {
		values[fieldForm] = lang.T("form.default.form")
	}
	for i := range m.inputs {
		ti := textinput.New()
		ti.Prompt = ""
		ti.CharLimit = 200
		ti.SetValue(values[i])
		m.inputs[i] = ti
	}
	m.inputs[fieldUnit].SetSuggestions(units)
	m.inputs[fieldUnit].ShowSuggestions = true
	m.inputs[fieldForm].SetSuggestions(formSuggestions(lang))
	m.inputs[fieldForm].ShowSuggestions = true
	if info.Title == "" && len(decks) > 0 {
		m.inputs[fieldTitle].SetValue(decks[0].Meta.Title)
	}
	m.inputs[0].Focus()
	return m
}

func formSuggestions(l i18n.Lang) []string {
	return strings.Split(l.T("form.forms"), "|")
}

// Init starts the cursor.
func (m Model) Init() tea.Cmd { return textinput.Blink }

// Update handles a message.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		for i := range m.inputs {
			m.inputs[i].SetWidth(max(min(m.width-28, 56), 8))
		}
		return m, nil
	case tea.KeyPressMsg:
		switch msg.String() {
		case "esc", "ctrl+c":
			return m, func() tea.Msg { return CancelMsg{} }
		case "enter":
			return m.submit()
		case "tab", "down":
			return m.move(1)
		case "shift+tab", "up":
			return m.move(-1)
		case "ctrl+left", "ctrl+right", "pgup", "pgdown":
			if len(m.decks) > 1 {
				old := m.decks[m.choice].Meta.Title
				step := 1
				if msg.String() == "ctrl+left" || msg.String() == "pgup" {
					step = len(m.decks) - 1
				}
				m.choice = (m.choice + step) % len(m.decks)
				if m.inputs[fieldTitle].Value() == old {
					m.inputs[fieldTitle].SetValue(m.decks[m.choice].Meta.Title)
				}
			}
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.inputs[m.focus], cmd = m.inputs[m.focus].Update(msg)
	return m, cmd
}

func (m Model) move(step int) (Model, tea.Cmd) {
	m.inputs[m.focus].Blur()
	m.focus = (m.focus + step + fieldCount) % fieldCount
	return m, m.inputs[m.focus].Focus()
}

func (m Model) submit() (Model, tea.Cmd) {
	info := session.Info{
		Title:      strings.TrimSpace(m.inputs[fieldTitle].Value()),
		Unit:       strings.TrimSpace(m.inputs[fieldUnit].Value()),
		Venue:      strings.TrimSpace(m.inputs[fieldVenue].Value()),
		Form:       strings.TrimSpace(m.inputs[fieldForm].Value()),
		Rapporteur: strings.TrimSpace(m.inputs[fieldRapporteur].Value()),
	}
	if info.Title == "" {
		m.err = m.lang.T("form.title.required")
		return m, nil
	}
	d := m.decks[m.choice]
	return m, func() tea.Msg { return SubmitMsg{Deck: d, Info: info} }
}

// SetError shows why starting failed (the parent calls it).
func (m Model) SetError(err string) Model {
	m.err = err
	return m
}

// View draws the form.
func (m Model) View() string {
	labels := [fieldCount]string{
		m.lang.T("form.title"), m.lang.T("form.unit"), m.lang.T("form.venue"),
		m.lang.T("form.form"), m.lang.T("form.rapporteur"),
	}
	labelW := 0
	for _, l := range labels {
		labelW = max(labelW, ansi.StringWidth(l))
	}
	var b strings.Builder
	b.WriteString(m.styles.Title.Render(m.lang.T("form.heading")) + "\n\n")
	d := m.decks[m.choice]
	deckLine := fmt.Sprintf("%s (%d %s)", d.Meta.Title, len(d.Slides), m.lang.T("form.slides"))
	if len(m.decks) > 1 {
		deckLine = fmt.Sprintf("‹ %s › %d/%d", deckLine, m.choice+1, len(m.decks))
	}
	deckLine = ansi.Truncate(deckLine, max(m.width-labelW-8, 8), "…")
	b.WriteString(theme.PadRight(m.lang.T("form.deck"), labelW) + "  " + m.styles.Accent.Render(deckLine) + "\n\n")
	for i, in := range m.inputs {
		label := theme.PadRight(labels[i], labelW)
		if i == m.focus {
			label = m.styles.Title.Render(label)
		} else {
			label = m.styles.Dim.Render(label)
		}
		b.WriteString(label + "  " + in.View() + "\n")
	}
	if m.err != "" {
		b.WriteString("\n" + m.styles.Warn.Render(m.err) + "\n")
	}
	hint := m.lang.T("form.hint")
	if len(m.decks) > 1 {
		hint = m.lang.T("form.hint.decks") + " · " + hint
	}
	b.WriteString("\n" + m.styles.Dim.Render(hint))
	box := m.styles.Box.Render(b.String())
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box)
}
