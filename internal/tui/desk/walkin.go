package desk

import (
	"context"
	"errors"
	"strings"

	"briefing/internal/attendance"
	"briefing/internal/cccd"
	"briefing/internal/i18n"
	"briefing/internal/roster"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

const (
	walkName = iota
	walkUnit
	walkGroup
	walkPhone
	walkFields
)

// walkInForm registers someone who is not on the roster, and checks them in
// with the same commit. Filled from a scanned card, it carries the card's
// number (never shown whole) and records that the notice was on screen.
type walkInForm struct {
	lang    i18n.Lang
	styles  theme.Styles
	inputs  [walkFields]textinput.Model
	focus   int
	card    *cccd.Card
	warned  bool   // the duplicate warning was shown; Enter again saves
	warning string // a likely duplicate, or a name to check
	err     string
	saving  bool
	width   int
}

type walkInSimilarMsg struct {
	person attendance.NewPerson
	people []attendance.Person
	err    error
}

type walkInSavedMsg struct {
	checkIn attendance.CheckIn
	err     error
}

func newWalkIn(l i18n.Lang, styles theme.Styles, units []string, name string, card *cccd.Card) walkInForm {
	f := walkInForm{lang: l, styles: styles, card: card, width: 80}
	for i := range f.inputs {
		in := textinput.New()
		in.Prompt = ""
		in.CharLimit = 200
		f.inputs[i] = in
	}
	f.inputs[walkName].SetValue(strings.TrimSpace(name))
	f.inputs[walkUnit].SetSuggestions(units)
	f.inputs[walkUnit].ShowSuggestions = true
	var groups []string
	for _, g := range roster.Groups {
		groups = append(groups, g.Label(l))
	}
	f.inputs[walkGroup].SetSuggestions(groups)
	f.inputs[walkGroup].ShowSuggestions = true
	f.inputs[walkGroup].Placeholder = l.T("walkin.group.placeholder")
	f.inputs[walkPhone].CharLimit = 20
	if card != nil && !card.NameTrusted {
		f.warning = l.T("walkin.name.check")
	}
	f.inputs[walkName].Focus()
	return f
}

func (f walkInForm) resize(width int) walkInForm {
	f.width = width
	for i := range f.inputs {
		f.inputs[i].SetWidth(max(min(width-24, 50), 10))
	}
	return f
}

func (f walkInForm) focusCmd() tea.Cmd { return f.inputs[f.focus].Focus() }

func (f walkInForm) update(msg tea.Msg, svc *attendance.Service, sessionID string) (walkInForm, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "tab", "down":
			return f.move(1)
		case "shift+tab", "up":
			return f.move(-1)
		case "enter":
			return f.submit(svc)
		}
	}
	if f.saving {
		return f, nil
	}
	before := f.inputs[walkName].Value() + "\x00" + f.inputs[walkUnit].Value()
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	if f.inputs[walkName].Value()+"\x00"+f.inputs[walkUnit].Value() != before && f.warned {
		f.warned, f.warning = false, "" // a changed name or unit deserves a new check
	}
	return f, cmd
}

func (f walkInForm) move(step int) (walkInForm, tea.Cmd) {
	f.inputs[f.focus].Blur()
	f.focus = (f.focus + step + walkFields) % walkFields
	return f, f.inputs[f.focus].Focus()
}

func (f walkInForm) person() attendance.NewPerson {
	n := attendance.NewPerson{
		Name:  f.inputs[walkName].Value(),
		Unit:  f.inputs[walkUnit].Value(),
		Group: f.inputs[walkGroup].Value(),
		Phone: f.inputs[walkPhone].Value(),
	}
	if f.card != nil {
		n.CitizenID, n.NoticeShown = f.card.Number, true
	}
	return n
}

// submit checks for a likely duplicate first; the answer comes back as a
// walkInSimilarMsg, and similar() saves.
func (f walkInForm) submit(svc *attendance.Service) (walkInForm, tea.Cmd) {
	if f.saving {
		return f, nil
	}
	n := f.person()
	var fe *attendance.FieldError
	if errors.As(n.Check(), &fe) {
		f.err = f.lang.T("walkin.field."+fe.Field, fe.Value)
		return f, nil
	}
	f.err = ""
	f.saving = true
	return f, func() tea.Msg {
		people, err := svc.SamePerson(context.Background(), n.Name, n.Unit)
		return walkInSimilarMsg{person: n, people: people, err: err}
	}
}

func (f walkInForm) similar(msg walkInSimilarMsg, svc *attendance.Service, sessionID string) (walkInForm, tea.Cmd) {
	if msg.err != nil {
		f.saving, f.err = false, msg.err.Error()
		return f, nil
	}
	if len(msg.people) > 0 && !f.warned {
		p := msg.people[0]
		f.saving, f.warned = false, true
		f.warning = f.lang.T("walkin.duplicate", p.Name, theme.UnitSuffix(p.Unit))
		return f, nil
	}
	n := msg.person
	return f, func() tea.Msg {
		c, err := svc.RegisterWalkIn(context.Background(), sessionID, n)
		return walkInSavedMsg{checkIn: c, err: err}
	}
}

func (f walkInForm) view() string {
	labels := [walkFields]string{
		f.lang.T("walkin.name"), f.lang.T("walkin.unit"), f.lang.T("walkin.group"), f.lang.T("walkin.phone"),
	}
	labelW := 0
	for _, l := range labels {
		labelW = max(labelW, ansi.StringWidth(l))
	}
	var b strings.Builder
	title := f.lang.T("walkin.title")
	if f.card != nil {
		title = f.lang.T("walkin.title.card", cccd.Last4(f.card.Number))
	}
	b.WriteString(f.styles.Title.Render(title) + "\n\n")
	for i, in := range f.inputs {
		label := theme.PadRight(labels[i], labelW)
		if i == f.focus {
			label = f.styles.Title.Render(label)
		} else {
			label = f.styles.Dim.Render(label)
		}
		b.WriteString(label + "  " + in.View() + "\n")
	}
	if f.warning != "" {
		b.WriteString("\n" + f.styles.Warn.Render(f.warning) + "\n")
	}
	if f.err != "" {
		b.WriteString("\n" + f.styles.Warn.Render(f.err) + "\n")
	}
	if f.card != nil {
		b.WriteString("\n" + f.styles.Dim.Render(f.lang.T("desk.notice")) + "\n")
	}
	b.WriteString("\n" + f.styles.Dim.Render(f.lang.T("walkin.hint")))
	return b.String()
}
