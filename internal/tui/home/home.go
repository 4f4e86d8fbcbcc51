// Package home is the first screen: the decks, the open and recent sessions, the actions,
// and on first run the device's name and unit.
package home

import (
	"briefing/internal/textvi"
	"context"
	"fmt"
	"strings"

	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/session"
	bsync "briefing/internal/sync"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Messages to the parent.
type (
	// PresentMsg asks to start a session of a deck.
	PresentMsg struct{ Deck *deck.Deck }
	// ResumeMsg asks to present the open session.
	ResumeMsg struct{ Session session.Session }
	// FollowMsg asks for the presenter view of the open session.
	FollowMsg struct{ Session session.Session }
	// QuitMsg: the user is done.
	QuitMsg struct{}
	// NoticeMsg from the parent shows a message, such as why a session could not be opened.
	NoticeMsg struct{ Text string }
)

type loadedMsg struct {
	device session.Device
	open   *session.Session
	recent []session.Session
	units  []string
	sync   *bsync.Status // nil: not read
	err    error
}

type savedMsg struct{ err error }

// Model is the home screen.
type Model struct {
	lang   i18n.Lang
	styles *theme.Styles
	keys   keyMap
	svc    *session.Service
	decks  []deck.Entry
	// syncStatus reads the device's sync status (nil: the line is not shown).
	syncStatus func(context.Context) (bsync.Status, error)

	loaded  bool
	device  session.Device
	open    *session.Session
	recent  []session.Session
	units   []string
	sync    *bsync.Status
	cursor  int
	notice  string
	confirm bool // "end the open session?" asked

	// pending is a deck asked for while a session is open: the screen asks
	// whether to resume the open session, end it and start this deck, or cancel.
	pending *deck.Deck
	// cancelQuits: the choice is the whole errand (briefing present OTHER), so
	// cancelling it ends the program instead of returning to the home screen.
	cancelQuits bool

	// gather reads a session's minutes (nil: recent sessions only listed);
	// exportDir is where their export goes ("": the current directory).
	gather    Gather
	exportDir string
	// inSessions: ↑↓ move among the recent sessions (tab), not the decks;
	// sessCursor is the one selected, showing the one opened.
	inSessions bool
	sessCursor int
	showing    *shown

	profile  bool // the first-run form is shown
	name     textinput.Model
	unitPick int

	width, height int
}

// New makes the home screen over the library of decks.
func New(c common.Common, svc *session.Service, decks []deck.Entry) Model {
	name := textinput.New()
	name.Prompt = ""
	name.CharLimit = 80
	return Model{lang: c.Lang, styles: c.Styles, keys: newKeys(c.Lang), svc: svc, decks: decks, name: name,
		width: c.Width, height: c.Height}
}

// WithSyncStatus has the screen show where the device stands with its hub,
// read by f with the sessions.
func (m Model) WithSyncStatus(f func(context.Context) (bsync.Status, error)) Model {
	m.syncStatus = f
	return m
}

// Choose opens the screen on the choice for deck d, which was asked for while a
// session may be open (briefing present OTHER): resume the open session, end it
// and start d, or cancel, which quits. With no session open it starts d at once.
func (m Model) Choose(d *deck.Deck) Model {
	m.pending, m.cancelQuits = d, true
	return m
}

// SetStyles restyles the screen, keeping its state.
func (m Model) SetStyles(styles *theme.Styles) (common.Screen, tea.Cmd) {
	m.styles = styles
	return m, nil
}

// SetSize gives the screen the window.
func (m Model) SetSize(width, height int) (common.Screen, tea.Cmd) {
	m.width, m.height = width, height
	m.name.SetWidth(max(min(m.width-30, 40), 10))
	return m, nil
}

// Init loads the sessions and the device; the parent calls it again when coming back
// from another screen.
func (m Model) Init() tea.Cmd { return m.load() }

func (m Model) load() tea.Cmd {
	svc, syncStatus := m.svc, m.syncStatus
	return func() tea.Msg {
		ctx := context.Background()
		var msg loadedMsg
		if msg.device, msg.err = svc.Device(ctx); msg.err != nil {
			return msg
		}
		if msg.open, msg.err = svc.Current(ctx); msg.err != nil {
			return msg
		}
		if msg.recent, msg.err = svc.List(ctx, 6); msg.err != nil {
			return msg
		}
		if msg.units, msg.err = svc.Units(ctx); msg.err != nil {
			return msg
		}
		if syncStatus != nil {
			st, err := syncStatus(ctx)
			if err != nil {
				msg.err = err
				return msg
			}
			msg.sync = &st
		}
		return msg
	}
}

// Update handles a message.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.SetSize(msg.Width, msg.Height)
	case NoticeMsg:
		m.notice = msg.Text
	case loadedMsg:
		if msg.err != nil {
			m.notice = m.lang.T("home.load.failed", msg.err)
			return m, nil
		}
		first := !m.loaded
		m.loaded, m.device, m.open, m.recent, m.units, m.sync = true, msg.device, msg.open, msg.recent, msg.units, msg.sync
		if m.pending != nil && m.open == nil && m.cancelQuits {
			// The session ended meanwhile (in another window): nothing to choose.
			d := m.pending
			return m, func() tea.Msg { return PresentMsg{Deck: d} }
		}
		if m.pending != nil && m.open == nil {
			m.pending = nil
		}
		if first && m.device.Name == "" && m.pending == nil {
			m.profile = true
			return m, m.name.Focus()
		}
	case minutesMsg:
		if msg.err != nil {
			m.notice = m.lang.T("home.load.failed", msg.err)
			return m, nil
		}
		m.showing = &shown{session: msg.session, lines: strings.Split(strings.TrimRight(msg.text, "\n"), "\n")}
		return m, nil
	case exportedMsg:
		if msg.err != nil {
			m.notice = m.lang.T("desk13.home.export.failed", msg.err)
			return m, nil
		}
		m.notice = m.lang.T("desk13.home.exported", msg.path, msg.people, msg.questions)
		return m, nil
	case savedMsg:
		if msg.err != nil {
			m.notice = m.lang.T("home.save.failed", msg.err)
		}
		return m, m.load()
	case tea.PasteMsg:
		if m.profile {
			var cmd tea.Cmd
			m.name, cmd = m.name.Update(msg)
			return m, cmd
		}
	case tea.KeyPressMsg:
		if m.profile {
			return m.profileKey(msg)
		}
		return m.key(msg)
	}
	return m, nil
}

// choosing: a deck was asked for while a session is open.
func (m Model) choosing() bool { return m.pending != nil && m.open != nil }

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	m.notice = ""
	if m.choosing() {
		return m.choiceKey(msg)
	}
	if m.showing != nil {
		return m.shownKey(msg)
	}
	if m.inSessions {
		if model, cmd, ok := m.sessionsKey(msg); ok {
			return model, cmd
		}
	}
	if m.confirm {
		m.confirm = false
		// The question names its answers (c/k, y/e): they are not bindings of the screen.
		if s := msg.String(); (s == "y" || s == "c" || s == "e" || s == "k") && m.open != nil {
			svc, id := m.svc, m.open.ID
			return m, func() tea.Msg { return savedMsg{err: svc.End(context.Background(), id)} }
		}
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, func() tea.Msg { return QuitMsg{} }
	case key.Matches(msg, k.Up):
		if m.cursor > 0 {
			m.cursor--
		}
	case key.Matches(msg, k.Down):
		if m.cursor < len(m.decks)-1 {
			m.cursor++
		}
	case key.Matches(msg, k.Present):
		if len(m.decks) == 0 {
			return m, nil
		}
		e := m.decks[m.cursor]
		if deck.HasErrors(e.Problems) {
			m.notice = m.lang.T("home.deck.errors", e.Problems[0].Format(e.Deck.Source, m.lang))
			return m, nil
		}
		if m.open != nil {
			if m.open.Presents(e.Deck) {
				s := *m.open
				return m, func() tea.Msg { return ResumeMsg{Session: s} }
			}
			m.pending = e.Deck
			return m, nil
		}
		return m, func() tea.Msg { return PresentMsg{Deck: e.Deck} }
	case key.Matches(msg, k.Resume):
		if m.open != nil {
			s := *m.open
			return m, func() tea.Msg { return ResumeMsg{Session: s} }
		}
	case key.Matches(msg, k.Follow):
		if m.open != nil {
			s := *m.open
			return m, func() tea.Msg { return FollowMsg{Session: s} }
		}
	case key.Matches(msg, k.End):
		if m.open != nil {
			m.confirm = true
		}
	case key.Matches(msg, k.Sessions) && m.gather != nil && len(m.ended()) > 0:
		m.inSessions = true
		m.sessCursor = min(m.sessCursor, len(m.ended())-1)
	case key.Matches(msg, k.Device):
		m.profile = true
		m.name.SetValue(m.device.Name)
		m.unitPick = max(indexOf(m.units, m.device.Unit), 0)
		return m, m.name.Focus()
	}
	return m, nil
}

// sessionsKey handles the keys of the recent sessions' list; ok is false
// for the keys it leaves to the screen (quit, the device, r, f, e).
func (m Model) sessionsKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	k, list := m.keys, m.ended()
	if len(list) == 0 {
		m.inSessions = false
		return m, nil, false
	}
	m.sessCursor = min(m.sessCursor, len(list)-1)
	switch {
	case key.Matches(msg, k.Sessions), key.Matches(msg, k.Back):
		m.inSessions = false
	case key.Matches(msg, k.Up):
		m.sessCursor = max(m.sessCursor-1, 0)
	case key.Matches(msg, k.Down):
		m.sessCursor = min(m.sessCursor+1, len(list)-1)
	case key.Matches(msg, k.Show):
		return m, m.openMinutes(list[m.sessCursor]), true
	case key.Matches(msg, k.Export):
		return m, m.export(list[m.sessCursor]), true
	default:
		return m, nil, false
	}
	return m, nil, true
}

// choiceKey answers the choice between the open session and the pending deck.
func (m Model) choiceKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.ChooseResume):
		s := *m.open
		return m, func() tea.Msg { return ResumeMsg{Session: s} }
	case key.Matches(msg, k.ChooseEnd):
		svc, id, d := m.svc, m.open.ID, m.pending
		return m, func() tea.Msg {
			if err := svc.End(context.Background(), id); err != nil {
				return savedMsg{err: err}
			}
			return PresentMsg{Deck: d}
		}
	case key.Matches(msg, k.ChooseCancel):
		if m.cancelQuits {
			return m, func() tea.Msg { return QuitMsg{} }
		}
		m.pending = nil
	case key.Matches(msg, k.Interrupt):
		return m, func() tea.Msg { return QuitMsg{} }
	}
	return m, nil
}

func (m Model) profileKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Later):
		m.profile = false
		return m, nil
	case key.Matches(msg, k.PrevUnit):
		m.unitPick = (m.unitPick - 1 + len(m.units)) % max(len(m.units), 1)
		return m, nil
	case key.Matches(msg, k.NextUnit):
		m.unitPick = (m.unitPick + 1) % max(len(m.units), 1)
		return m, nil
	case key.Matches(msg, k.Save):
		name := strings.TrimSpace(m.name.Value())
		if name == "" {
			m.notice = m.lang.T("home.profile.name.required")
			return m, nil
		}
		unit := m.enrolledUnit()
		if unit == "" && len(m.units) > 0 {
			unit = m.units[m.unitPick]
		}
		m.profile = false
		svc := m.svc
		return m, func() tea.Msg { return savedMsg{err: svc.SetDevice(context.Background(), name, unit)} }
	}
	var cmd tea.Cmd
	m.name, cmd = m.name.Update(msg)
	return m, cmd
}

// enrolledUnit is the unit the hub enrolled this laptop for ("" when not
// enrolled).
func (m Model) enrolledUnit() string {
	if m.sync != nil && m.sync.Enrolled {
		return m.sync.UnitName
	}
	return ""
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// View draws the screen.
func (m Model) View() string {
	if m.profile {
		return m.profileView()
	}
	if m.pending != nil && (m.open != nil || !m.loaded) {
		return m.choiceView()
	}
	if m.showing != nil {
		return m.shownView()
	}
	w := max(m.width-4, 20)
	var b strings.Builder
	b.WriteString(m.styles.Title.Render(m.lang.T("home.title")) + "\n")
	who := m.lang.T("home.device.unset")
	if m.device.Name != "" {
		who = m.device.Name + " · " + m.device.Unit
	}
	b.WriteString(m.styles.Dim.Render(m.lang.T("home.device", who)) + "\n")
	if line := m.syncLine(); line != "" {
		b.WriteString(m.styles.Dim.Render(ansi.Truncate(line, w, "…")) + "\n")
	}
	b.WriteString("\n")

	b.WriteString(m.styles.Title.Render(m.lang.T("home.decks")) + "\n")
	for i, e := range m.decks {
		line := fmt.Sprintf("%-26s %3d %s  %s", e.Deck.Meta.ID, len(e.Deck.Slides), m.lang.T("form.slides"), textvi.FieldText(e.Deck.Meta.Title))
		if deck.HasErrors(e.Problems) {
			line += "  " + m.lang.T("home.deck.haserrors")
		}
		line = ansi.Truncate(line, w-2, "…")
		if i == m.cursor && !m.inSessions {
			b.WriteString(m.styles.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	b.WriteString("\n" + m.styles.Title.Render(m.lang.T("home.open")) + "\n")
	if m.open != nil {
		b.WriteString(ansi.Truncate(fmt.Sprintf("  %s · %s · %s %d/%d", m.open.Info.Title, m.open.StartedAt.Local().Format("02/01 15:04"),
			m.lang.T("home.slide"), m.open.Slide+1, m.open.Deck.Slides), w, "…") + "\n")
	} else {
		b.WriteString(m.styles.Dim.Render("  "+m.lang.T("home.open.none")) + "\n")
	}
	b.WriteString("\n" + m.styles.Title.Render(m.lang.T("home.recent")) + "\n")
	shown := 0
	for i, s := range m.ended() {
		shown++
		line := fmt.Sprintf("%s  %s · %s", s.StartedAt.Local().Format("02/01/2006 15:04"), s.Info.Title, s.Info.Unit)
		switch {
		case m.inSessions && i == m.sessCursor:
			b.WriteString(m.styles.Selected.Render("› "+ansi.Truncate(line, w-2, "…")) + "\n")
		default:
			b.WriteString(m.styles.Dim.Render(ansi.Truncate("  "+line, w, "…")) + "\n")
		}
	}
	if shown == 0 {
		b.WriteString(m.styles.Dim.Render("  "+m.lang.T("home.recent.none")) + "\n")
	}
	if m.confirm {
		b.WriteString("\n" + m.styles.Warn.Render(m.lang.T("home.end.confirm")) + "\n")
	} else if m.notice != "" {
		b.WriteString("\n" + m.styles.Warn.Render(ansi.Truncate(m.notice, w, "…")) + "\n")
	}
	body := b.String()
	gap := max(m.height-lipgloss.Height(body)-2, 1)
	return lipgloss.NewStyle().Padding(1, 2, 0, 2).Render(body + strings.Repeat("\n", gap-1) + common.FitHelp(m.styles, w, m))
}

func (m Model) profileView() string {
	var b strings.Builder
	b.WriteString(m.styles.Title.Render(m.lang.T("home.profile.title")) + "\n")
	b.WriteString(m.styles.Dim.Render(m.lang.T("home.profile.why")) + "\n\n")
	b.WriteString(m.lang.T("home.profile.name") + "  " + m.name.View() + "\n\n")
	if u := m.enrolledUnit(); u != "" {
		// Enrolled: the hub gave this laptop its unit; there is nothing to choose.
		b.WriteString(m.lang.T("home.profile.unit.enrolled", u))
	} else {
		b.WriteString(m.lang.T("home.profile.unit") + "\n")
		// The catalog's units one a line, the district's offices among
		// them, as many as the screen has room for around the one picked.
		if len(m.units) > 0 {
			list := common.NewPicker(m.units)
			list.Select(m.units[m.unitPick])
			b.WriteString(list.View(m.styles, max(min(8, m.height-14), 3), min(m.width-2, 76)-6))
		}
	}
	if m.notice != "" {
		b.WriteString("\n\n" + m.styles.Warn.Render(m.notice))
	}
	b.WriteString("\n\n" + common.FitHelp(m.styles, min(m.width-2, 76)-m.styles.Box.GetHorizontalFrameSize(), m))
	box := m.styles.Box.Width(min(m.width-2, 76)).Render(b.String())
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box)
}

// choiceView asks what to do with the open session when another deck is asked for.
func (m Model) choiceView() string {
	w := min(m.width-2, 76)
	if !m.loaded {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.styles.Title.Render(m.lang.T("choice.title")) + "\n\n")
	b.WriteString(m.lang.T("choice.open", m.open.Info.Title, m.open.Deck.Title, m.open.Slide+1, m.open.Deck.Slides,
		m.open.StartedAt.Local().Format("02/01 15:04")) + "\n\n")
	b.WriteString(m.lang.T("choice.want", textvi.FieldText(m.pending.Meta.Title), m.pending.Meta.ID) + "\n\n")
	// The three answers, one a line, from the same bindings as the keys.
	for _, k := range m.ShortHelp() {
		b.WriteString("  " + k.Help().Key + "  " + k.Help().Desc + "\n")
	}
	if m.notice != "" {
		b.WriteString("\n" + m.styles.Warn.Render(m.notice))
	}
	box := m.styles.Box.Width(w).Render(strings.TrimRight(b.String(), "\n"))
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box)
}

// syncLine is the device's sync status in one line, as briefing sync status
// gives it; "" before it is read.
func (m Model) syncLine() string {
	s := m.sync
	switch {
	case s == nil:
		return ""
	case !s.Enrolled:
		return m.lang.T("home.sync.none", s.Pending)
	case s.LastSync == nil:
		return m.lang.T("home.sync.never", s.Hub, s.Pending)
	}
	// What the clerk must act on comes before the hub's address, which an
	// 80-column screen cuts.
	extra := ""
	if s.LastResult != "ok" && s.LastResult != "bundle" && s.LastOK != nil {
		extra += m.lang.T("home.sync.lastok", s.LastOK.Local().Format("02/01 15:04"))
	}
	if s.Held > 0 {
		extra += m.lang.T("home.sync.held", s.Held)
	}
	return m.lang.T("home.sync.last", s.Hub, s.LastSync.Local().Format("02/01 15:04"), m.lang.SyncResult(s.LastResult), s.Pending, extra)
}
