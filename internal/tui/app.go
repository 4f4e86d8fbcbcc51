// Package tui is the root of the terminal interface: it owns the one tea.View, detects the
// terminal's background, and routes messages to the active screen (home, start form,
// presenter, follow), in the manner of soft-serve's root model.
package tui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/tui/desk"
	"briefing/internal/tui/follow"
	"briefing/internal/tui/home"
	"briefing/internal/tui/present"
	"briefing/internal/tui/startform"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
)

// Options are what every screen needs.
type Options struct {
	Service    *session.Service
	Attendance *attendance.Service
	Questions  *questions.Service
	Library    []deck.Entry
	Lang       i18n.Lang
	Theme      theme.Theme
	Clock      func() time.Time // nil: time.Now; tests fix it
}

type screen int

const (
	homeScreen screen = iota
	formScreen
	presentScreen
	followScreen
	deskScreen
)

// App is the root model.
type App struct {
	opts          Options
	styles        theme.Styles
	screen        screen
	backHome      bool // leaving a screen returns home (started from home) or quits
	home          home.Model
	form          startform.Model
	present       present.Model
	follow        follow.Model
	desk          desk.Model
	startTo       screen       // where a session started from the form goes: presentScreen or deskScreen
	startInfo     session.Info // the start form's first values when home asks to present a deck
	width, height int
}

// NewHome starts on the home screen.
func NewHome(o Options) App {
	a := newApp(o)
	a.backHome = true
	a.home = home.New(o.Service, o.Library, a.styles, o.Lang)
	return a
}

// NewChoice is briefing present DECK while a session may be open: the home screen's
// choice between resuming the open session, ending it and starting d, and cancelling.
// info fills the start form if d is started.
func NewChoice(o Options, d *deck.Deck, info session.Info) App {
	a := newApp(o)
	a.home = home.New(o.Service, o.Library, a.styles, o.Lang).Choose(d)
	a.startInfo = info
	return a
}

// NewStart starts on the form for a new session of one of decks.
func NewStart(o Options, decks []*deck.Deck, info session.Info) App {
	a := newApp(o)
	a.screen = formScreen
	a.form = a.newForm(decks, info)
	return a
}

// NewDeskStart starts on the form for a new session, then opens the desk on
// it: for a clerk whose device has no open session.
func NewDeskStart(o Options, decks []*deck.Deck, info session.Info) App {
	a := NewStart(o, decks, info)
	a.startTo = deskScreen
	return a
}

// NewDesk opens the clerk's desk on an open session.
func NewDesk(o Options, s session.Session) App {
	a := newApp(o)
	a.screen = deskScreen
	a.desk = a.newDesk(s)
	return a
}

// NewPresent starts presenting an open session.
func NewPresent(o Options, s session.Session, d *deck.Deck) App {
	a := newApp(o)
	a.screen = presentScreen
	a.present = a.newPresent(s, d)
	return a
}

// NewFollow starts the presenter view of an open session.
func NewFollow(o Options, s session.Session, d *deck.Deck) App {
	a := newApp(o)
	a.screen = followScreen
	a.follow = a.newFollow(s, d)
	return a
}

func newApp(o Options) App {
	// Dark until the terminal says otherwise: most projector setups are dark, and under
	// tests no terminal answers.
	return App{opts: o, styles: theme.New(o.Theme, true), width: 80, height: 24, startTo: presentScreen}
}

func (a App) newForm(decks []*deck.Deck, info session.Info) startform.Model {
	var units []string
	if u, err := a.opts.Service.Units(context.Background()); err == nil {
		units = u
	}
	return startform.New(decks, info, units, a.styles, a.opts.Lang)
}

func (a App) newPresent(s session.Session, d *deck.Deck) present.Model {
	m := present.New(a.opts.Service, s, d, a.styles, a.opts.Lang)
	if a.opts.Clock != nil {
		m = m.WithClock(a.opts.Clock)
	}
	return m
}

func (a App) newDesk(s session.Session) desk.Model {
	m := desk.New(a.opts.Attendance, a.opts.Service, s, a.styles, a.opts.Lang).WithQuestions(a.opts.Questions)
	if a.opts.Clock != nil {
		m = m.WithClock(a.opts.Clock)
	}
	return m
}

func (a App) newFollow(s session.Session, d *deck.Deck) follow.Model {
	// Without an attendance or questions service (nil), follow reads neither.
	m := follow.New(a.opts.Service, s, d, a.styles, a.opts.Lang).
		WithAttendance(a.opts.Attendance).WithQuestions(a.opts.Questions)
	if a.opts.Clock != nil {
		m = m.WithClock(a.opts.Clock)
	}
	return m
}

// Init asks the terminal for its background and starts the first screen.
func (a App) Init() tea.Cmd {
	var first tea.Cmd
	switch a.screen {
	case homeScreen:
		first = a.home.Init()
	case formScreen:
		first = a.form.Init()
	case presentScreen:
		first = a.present.Init()
	case followScreen:
		first = a.follow.Init()
	case deskScreen:
		first = a.desk.Init()
	}
	if a.opts.Theme == theme.Auto {
		return tea.Batch(tea.RequestBackgroundColor, first)
	}
	return first
}

type startedMsg struct {
	session session.Session
	deck    *deck.Deck
	err     error
}

// Update routes a message.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		if a.opts.Theme != theme.Auto {
			return a, nil
		}
		a.styles = theme.New(a.opts.Theme, msg.IsDark())
		return a.restyle()

	case home.QuitMsg:
		return a, tea.Quit
	case home.PresentMsg:
		a.screen = formScreen
		a.form = a.newForm([]*deck.Deck{msg.Deck}, a.startInfo)
		return a.sized(a.form.Init())
	case home.ResumeMsg:
		return a, a.loadDeck(msg.Session, presentScreen)
	case home.FollowMsg:
		return a, a.loadDeck(msg.Session, followScreen)
	case deckLoadedMsg:
		return a.open(msg)

	case startform.CancelMsg:
		return a.leave()
	case startform.SubmitMsg:
		svc, d := a.opts.Service, msg.Deck
		return a, func() tea.Msg {
			s, err := svc.Start(context.Background(), session.RefOf(d), msg.Info)
			return startedMsg{session: s, deck: d, err: err}
		}
	case startedMsg:
		if msg.err != nil {
			text := msg.err.Error()
			var open *session.OpenSessionError
			if errors.As(msg.err, &open) {
				text = a.opts.Lang.T("start.open.exists", open.Session.Info.Title)
			}
			a.form = a.form.SetError(text)
			return a, nil
		}
		if a.startTo == deskScreen {
			a.screen = deskScreen
			a.desk = a.newDesk(msg.session)
			return a.sized(a.desk.Init())
		}
		a.screen = presentScreen
		a.present = a.newPresent(msg.session, msg.deck)
		return a.sized(a.present.Init())

	case present.DoneMsg, follow.DoneMsg, desk.DoneMsg:
		return a.leave()
	}
	return a.route(msg)
}

// route hands a message to the active screen.
func (a App) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch a.screen {
	case homeScreen:
		a.home, cmd = a.home.Update(msg)
	case formScreen:
		a.form, cmd = a.form.Update(msg)
	case presentScreen:
		a.present, cmd = a.present.Update(msg)
	case followScreen:
		a.follow, cmd = a.follow.Update(msg)
	case deskScreen:
		a.desk, cmd = a.desk.Update(msg)
	}
	return a, cmd
}

// sized gives a newly shown screen the window size, then runs its first command.
func (a App) sized(first tea.Cmd) (tea.Model, tea.Cmd) {
	m, cmd := a.route(tea.WindowSizeMsg{Width: a.width, Height: a.height})
	return m, tea.Batch(first, cmd)
}

func (a App) restyle() (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch a.screen {
	case presentScreen:
		a.present, cmd = a.present.SetStyles(a.styles)
	case followScreen:
		a.follow, cmd = a.follow.SetStyles(a.styles)
	case deskScreen:
		a.desk = a.desk.SetStyles(a.styles)
	case homeScreen:
		a.home = a.home.SetStyles(a.styles)
	}
	return a, cmd
}

// deckLoadedMsg is a session's deck, read to open it on screen to.
type deckLoadedMsg struct {
	session session.Session
	deck    *deck.Deck
	to      screen
	err     error
}

// loadDeck reads the deck session s shows, off the frame.
func (a App) loadDeck(s session.Session, to screen) tea.Cmd {
	svc := a.opts.Service
	return func() tea.Msg {
		d, err := svc.Deck(context.Background(), s.ID)
		return deckLoadedMsg{session: s, deck: d, to: to, err: err}
	}
}

// open shows a session whose deck was read on the presenter or follow screen.
func (a App) open(msg deckLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		text := a.opts.Lang.T("home.load.failed", msg.err)
		var missing *session.DeckMissingError
		if errors.As(msg.err, &missing) {
			text = a.opts.Lang.T("home.deck.missing", missing.DeckID, missing.Version)
		}
		a.home = a.home.SetNotice(text)
		return a, nil
	}
	a.screen = msg.to
	if msg.to == presentScreen {
		a.present = a.newPresent(msg.session, msg.deck)
		return a.sized(a.present.Init())
	}
	a.follow = a.newFollow(msg.session, msg.deck)
	return a.sized(a.follow.Init())
}

// leave goes back home, or ends the program when it was started on this screen.
func (a App) leave() (tea.Model, tea.Cmd) {
	if !a.backHome {
		return a, tea.Quit
	}
	a.screen = homeScreen
	m, cmd := a.sized(nil)
	app := m.(App)
	return app, tea.Batch(cmd, app.home.Reload())
}

// View draws the active screen full screen.
func (a App) View() tea.View {
	var body string
	switch a.screen {
	case homeScreen:
		body = a.home.View()
	case formScreen:
		body = a.form.View()
	case presentScreen:
		body = a.present.View()
	case followScreen:
		body = a.follow.View()
	case deskScreen:
		body = a.desk.View()
	}
	v := tea.NewView(theme.Clip(body, a.width, a.height))
	v.AltScreen = true
	v.WindowTitle = "briefing"
	return v
}

// Run runs a root model in the terminal until the user leaves.
func Run(a App) error {
	_, err := tea.NewProgram(a).Run()
	if err != nil {
		return fmt.Errorf("tui: %w", err)
	}
	return nil
}
