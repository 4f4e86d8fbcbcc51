// Package startform is the short form a rapporteur fills (or just confirms) to start a session.
package startform

import (
	"briefing/internal/field"
	"context"
	"fmt"
	"strings"

	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// SubmitMsg asks the parent to start a session. DeviceName, when set, is
// the name the form asked for this device, which has none yet: the parent
// saves it (with the host unit) first.
type SubmitMsg struct {
	Deck       *deck.Deck
	Info       session.Info
	DeviceName string
}

// CancelMsg: the user backed out.
type CancelMsg struct{}

// ErrorMsg from the parent says why starting failed.
type ErrorMsg struct{ Text string }

// unitsMsg is the catalog's units, suggested for the host unit, and the device's own
// unit, the host unit when the form has none yet.
type unitsMsg struct {
	units  []string
	device string
	// unnamed: the device has no name yet (no first run on home): the form
	// asks for it, once.
	unnamed bool
}

const (
	fieldTitle = iota
	fieldUnit
	fieldVenue
	fieldForm
	fieldRapporteur
	fieldChair
	fieldSecretary
	fieldDevice // only on a device with no name yet (askDevice)
	fieldCount
)

// Model is the form.
type Model struct {
	lang   i18n.Lang
	styles *theme.Styles
	keys   keyMap
	svc    *session.Service
	decks  []*deck.Deck
	choice int // which deck, when the user picks one here
	inputs [fieldCount]textinput.Model
	// pickers are the choices of the unit and the form, listed under the
	// field while it has the focus.
	pickers   [fieldCount]common.Picker
	askDevice bool
	focus     int
	err       string
	width     int
	height    int
}

// New makes the form, pre-filled from info. decks holds one deck when the user named it,
// several when the form offers a choice (pgup/pgdown changes it). The units it suggests
// are read from svc by Init.
func New(c common.Common, decks []*deck.Deck, info session.Info, svc *session.Service) Model {
	lang := c.Lang
	m := Model{lang: lang, styles: c.Styles, keys: newKeys(lang), svc: svc, decks: decks, width: c.Width, height: c.Height}
	values := [fieldCount]string{info.Title, info.Unit, info.Venue, info.Form, info.Rapporteur, info.Chair, info.Secretary, ""}
	if values[fieldForm] == "" {
		values[fieldForm] = lang.T("form.default.form")
	}
	limits := [fieldCount]field.Name{field.Title, field.Unit, field.Venue, field.Form, field.Rapporteur, field.Chair, field.Secretary, field.Device}
	for i := range m.inputs {
		ti := textinput.New()
		ti.Prompt = ""
		// Room past the field's limit, so that a paste over it is refused
		// by session.Start with the field's name, not cut short and saved.
		ti.CharLimit = 4 * field.Max(limits[i])
		ti.SetValue(values[i])
		m.inputs[i] = ti
	}
	m.pickers[fieldForm] = common.NewPicker(formSuggestions(lang))
	m.inputs[fieldDevice].Placeholder = lang.T("desk13.form.device.placeholder")
	if info.Title == "" && len(decks) > 0 {
		m.inputs[fieldTitle].SetValue(decks[0].Meta.Title)
	}
	m.inputs[0].Focus()
	return m
}

func formSuggestions(l i18n.Lang) []string {
	return strings.Split(l.T("form.forms"), "|")
}

// Init starts the cursor and reads the units to suggest.
func (m Model) Init() tea.Cmd {
	if m.svc == nil {
		return textinput.Blink
	}
	svc := m.svc
	return tea.Batch(textinput.Blink, func() tea.Msg {
		ctx := context.Background()
		units, _ := svc.Units(ctx) // only suggestions: none is fine
		dev, err := svc.Device(ctx)
		host, _ := svc.HostUnit(ctx)
		return unitsMsg{units: units, device: host, unnamed: err == nil && dev.Name == ""}
	})
}

// SetSize gives the form the window.
func (m Model) SetSize(width, height int) (common.Screen, tea.Cmd) {
	m.width, m.height = width, height
	for i := range m.inputs {
		m.inputs[i].SetWidth(max(min(m.width-28, 56), 8))
	}
	return m, nil
}

// SetStyles restyles the form.
func (m Model) SetStyles(s *theme.Styles) (common.Screen, tea.Cmd) {
	m.styles = s
	return m, nil
}

// Update handles a message.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.SetSize(msg.Width, msg.Height)
	case unitsMsg:
		m.pickers[fieldUnit] = common.NewPicker(msg.units)
		if strings.TrimSpace(m.inputs[fieldUnit].Value()) == "" && msg.device != "" {
			m.inputs[fieldUnit].SetValue(msg.device)
		}
		m.askDevice = msg.unnamed
		if m.focus == fieldUnit {
			m.showAll(fieldUnit)
		}
		return m, nil
	case ErrorMsg:
		m.err = msg.Text
		return m, nil
	case tea.KeyPressMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.Cancel):
			return m, func() tea.Msg { return CancelMsg{} }
		case key.Matches(msg, k.Submit):
			return m.submit()
		case key.Matches(msg, k.Choose) && m.pickers[m.focus].Len() > 0:
			step := 1
			if msg.String() == "up" {
				step = -1
			}
			if v, ok := m.pickers[m.focus].Move(step); ok {
				m.inputs[m.focus].SetValue(v)
				m.inputs[m.focus].CursorEnd()
				m.err = ""
			}
			return m, nil
		case key.Matches(msg, k.Next):
			return m.move(1)
		case key.Matches(msg, k.Prev):
			return m.move(-1)
		case key.Matches(msg, k.NextDeck, k.PrevDeck):
			if len(m.decks) > 1 {
				old := m.decks[m.choice].Meta.Title
				step := 1
				if key.Matches(msg, k.PrevDeck) {
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
	before := m.inputs[m.focus].Value()
	m.inputs[m.focus], cmd = m.inputs[m.focus].Update(msg)
	if m.inputs[m.focus].Value() != before {
		m.err = "" // it spoke of what is being corrected
		m.pickers[m.focus].Filter(m.inputs[m.focus].Value())
	}
	return m, cmd
}

// fields is how many fields the form has now: the device's name only when asked.
func (m Model) fields() int {
	if m.askDevice {
		return fieldCount
	}
	return fieldDevice
}

func (m Model) move(step int) (Model, tea.Cmd) {
	m.inputs[m.focus].Blur()
	m.focus = (m.focus + step + m.fields()) % m.fields()
	m.showAll(m.focus)
	return m, m.inputs[m.focus].Focus()
}

// showAll lists every choice of field i, the one it holds under the cursor.
func (m *Model) showAll(i int) {
	m.pickers[i].Filter("")
	m.pickers[i].Select(m.inputs[i].Value())
}

func (m Model) submit() (Model, tea.Cmd) {
	info := session.Info{
		Title:      strings.TrimSpace(m.inputs[fieldTitle].Value()),
		Unit:       strings.TrimSpace(m.inputs[fieldUnit].Value()),
		Venue:      strings.TrimSpace(m.inputs[fieldVenue].Value()),
		Form:       strings.TrimSpace(m.inputs[fieldForm].Value()),
		Rapporteur: strings.TrimSpace(m.inputs[fieldRapporteur].Value()),
		Chair:      strings.TrimSpace(m.inputs[fieldChair].Value()),
		Secretary:  strings.TrimSpace(m.inputs[fieldSecretary].Value()),
	}
	if info.Title == "" {
		m.err = m.lang.T("form.title.required")
		return m, nil
	}
	// The device's name is asked, not required: a rapporteur in a hurry
	// starts without it, and is asked again next time. A name needs the
	// unit it is saved with.
	var device string
	if m.askDevice {
		if device = strings.TrimSpace(m.inputs[fieldDevice].Value()); device != "" && info.Unit == "" {
			m.err = m.lang.T("desk13.form.device.unit")
			return m, nil
		}
	}
	d := m.decks[m.choice]
	return m, func() tea.Msg { return SubmitMsg{Deck: d, Info: info, DeviceName: device} }
}

// View draws the form.
func (m Model) View() string {
	labels := [fieldCount]string{
		m.lang.T("form.title"), m.lang.T("form.unit"), m.lang.T("form.venue"),
		m.lang.T("form.form"), m.lang.T("form.rapporteur"), m.lang.T("form.chair"), m.lang.T("form.secretary"),
		m.lang.T("desk13.form.device"),
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
	for i, in := range m.inputs[:m.fields()] {
		label := theme.PadRight(labels[i], labelW)
		if i == m.focus {
			label = m.styles.Title.Render(label)
		} else {
			label = m.styles.Dim.Render(label)
		}
		b.WriteString(label + "  " + in.View() + "\n")
		if i == m.focus && m.pickers[i].Len() > 0 {
			// The choices under the field, as many as the screen has room for.
			rows := min(6, max(m.height-20, 2))
			indent := strings.Repeat(" ", labelW+2)
			list := m.pickers[i].View(m.styles, rows, max(min(m.width-labelW-10, 56), 10))
			for _, line := range strings.Split(list, "\n") {
				if line != "" {
					b.WriteString(indent + line + "\n")
				}
			}
		}
	}
	if m.err != "" {
		// Wrapped to the box: a scope refusal is two lines long at 80 columns.
		errWidth := min(max(m.width-m.styles.Box.GetHorizontalFrameSize()-2, 20), 72)
		b.WriteString("\n" + m.styles.Warn.Width(errWidth).Render(m.err) + "\n")
	}
	b.WriteString("\n" + common.FitHelp(m.styles, m.width-m.styles.Box.GetHorizontalFrameSize(), m))
	box := m.styles.Box.Render(b.String())
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box)
}
