// Package tui is the root of the terminal interface: it owns the one tea.View, detects the
// terminal's background, and routes messages to the active screen (home, start form,
// presenter, follow), in the manner of soft-serve's root model.
package tui

import (
	"briefing/internal/field"
	"context"
	"errors"
	"fmt"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/minutes"
	"briefing/internal/questions"
	"briefing/internal/session"
	bsync "briefing/internal/sync"
	"briefing/internal/tui/common"
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
	// LoadLibrary reads the library when Library is nil and a screen needs it
	// (the home screen): the presenter and follow never read it, so a data
	// directory full of decks costs them nothing at start.
	LoadLibrary func() []deck.Entry
	Lang        i18n.Lang
	Theme       theme.Theme
	Clock       func() time.Time // nil: time.Now; tests fix it
	// SyncStatus reads where the device stands with its hub, for the home
	// screen (nil: not shown).
	SyncStatus func(context.Context) (bsync.Status, error)
	// Size is the terminal's size before the program starts (0, 0: not known;
	// nil under tests). The presenter and follow then draw their slide in
	// the first frame rather than after the size comes as a message.
	Size func() (width, height int)
	// Checked waits for the database's check when it runs in the background
	// (store.OpenCheckLater; nil: it ran before). A failed check ends the
	// program with its error: nothing is written, as no write passes it.
	Checked func(context.Context) error
}

// App is the root model. It holds the active screen and, when the program started on
// the home screen, the home screen to come back to; it knows the screens only to make
// them and to handle the typed messages by which they ask for another screen.
type App struct {
	frames    *frameGate // shared by every copy: see frameGate
	opts      Options
	common    common.Common
	active    common.Screen
	home      common.Screen // nil: leaving the active screen quits
	atHome    bool          // active is the home screen (home holds an older copy of it)
	toDesk    bool          // a session started from the form opens the desk, not the presenter
	startInfo session.Info  // the start form's first values when home asks to present a deck
	first     tea.Cmd       // what sizing the first screen before the program started asked for
	fatal     error         // why the program ended by itself (a failed database check)
}

// checkedMsg is the database check's outcome (Options.Checked).
type checkedMsg struct{ err error }

func (a App) waitChecked() tea.Cmd {
	if a.opts.Checked == nil {
		return nil
	}
	check := a.opts.Checked
	return func() tea.Msg { return checkedMsg{check(context.Background())} }
}

// NewHome starts on the home screen.
func NewHome(o Options) App {
	a := newApp(o)
	a.home = a.newHome()
	a.active, a.atHome = a.home, true
	return a
}

// NewChoice is briefing present DECK while a session may be open: the home screen's
// choice between resuming the open session, ending it and starting d, and cancelling.
// info fills the start form if d is started.
func NewChoice(o Options, d *deck.Deck, info session.Info) App {
	a := newApp(o)
	a.active = a.newHome().Choose(d)
	a.startInfo = info
	return a
}

// NewStart starts on the form for a new session of one of decks.
func NewStart(o Options, decks []*deck.Deck, info session.Info) App {
	a := newApp(o)
	a.active = a.newForm(decks, info)
	return a
}

// NewDeskStart starts on the form for a new session, then opens the desk on
// it: for a clerk whose device has no open session.
func NewDeskStart(o Options, decks []*deck.Deck, info session.Info) App {
	a := NewStart(o, decks, info)
	a.toDesk = true
	return a
}

// NewDesk opens the clerk's desk on an open session.
func NewDesk(o Options, s session.Session) App {
	a := newApp(o)
	a.active = a.newDesk(s)
	return a
}

// NewPresent starts presenting an open session.
func NewPresent(o Options, s session.Session, d *deck.Deck) App {
	a := newApp(o)
	a.active = a.newPresent(s, d)
	return a.primed()
}

// primed sizes the active screen to the terminal and renders its slide, before the
// program starts, when the terminal's size is known.
func (a App) primed() App {
	if a.opts.Size == nil {
		return a
	}
	w, h := a.opts.Size()
	if w <= 0 || h <= 0 {
		return a
	}
	a.common.Width, a.common.Height = w, h
	a.active, a.first = a.active.SetSize(w, h)
	if p, ok := a.active.(interface{ Prime() common.Screen }); ok {
		a.active = p.Prime()
	}
	return a
}

// NewFollow starts the presenter view of an open session.
func NewFollow(o Options, s session.Session, d *deck.Deck) App {
	a := newApp(o)
	a.active = a.newFollow(s, d)
	return a.primed()
}

func newApp(o Options) App {
	// Dark until the terminal says otherwise: most projector setups are dark, and under
	// tests no terminal answers.
	c := common.Common{Lang: o.Lang, Styles: theme.New(o.Theme, true), Clock: o.Clock, Width: 80, Height: 24}
	return App{opts: o, common: c, frames: &frameGate{}}
}

// newHome is the home screen; its recent sessions open and export their
// minutes when the services behind them are there.
//
//go:noinline
func (a App) newHome() home.Model {
	o := a.opts
	lib := o.Library
	if lib == nil && o.LoadLibrary != nil {
		lib = o.LoadLibrary()
	}
	h := home.New(a.common, o.Service, lib).WithSyncStatus(o.SyncStatus)
	if o.Service != nil && o.Attendance != nil && o.Questions != nil {
		h = h.WithMinutes(minutes.Sources{Sessions: o.Service, Attendance: o.Attendance, Questions: o.Questions}.Gather, "")
	}
	return h
}

//go:noinline
func (a App) newForm(decks []*deck.Deck, info session.Info) common.Screen {
	return startform.New(a.common, decks, info, a.opts.Service)
}

//go:noinline
func (a App) newPresent(s session.Session, d *deck.Deck) common.Screen {
	return present.New(a.common, a.opts.Service, s, d).WithQuestions(a.opts.Questions)
}

//go:noinline
func (a App) newDesk(s session.Session) common.Screen {
	return desk.New(a.common, a.opts.Attendance, a.opts.Service, s).WithQuestions(a.opts.Questions)
}

//go:noinline
func (a App) newFollow(s session.Session, d *deck.Deck) common.Screen {
	// Without an attendance or questions service (nil), follow reads neither.
	return follow.New(a.common, a.opts.Service, s, d).WithAttendance(a.opts.Attendance).WithQuestions(a.opts.Questions)
}

// Init asks the terminal for its background and starts the first screen.
func (a App) Init() tea.Cmd {
	if a.opts.Theme == theme.Auto {
		return tea.Batch(tea.RequestBackgroundColor, a.active.Init(), a.first, a.waitChecked())
	}
	return tea.Batch(a.active.Init(), a.first, a.waitChecked())
}

type startedMsg struct {
	session session.Session
	deck    *deck.Deck
	err     error
}

// Update handles the messages of the whole program (size, background, a change of
// screen), then hands the rest to the active screen.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(frameMsg); ok {
		a.frames.release()
		return a, nil
	}
	m, cmd := a.update(msg)
	if hold := a.frames.seen(time.Now()); hold != nil {
		cmd = tea.Batch(cmd, hold)
	}
	return m, cmd
}

func (a App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		// ctrl+z puts the program in the background, as a terminal program does (where
		// the system has job control); it came back to the screen with what was typed
		// meanwhile taken as keys (issue 16's trial: a shell's "fg" moved the slides).
		if msg.String() == "ctrl+z" {
			return a, tea.Suspend
		}
	case checkedMsg:
		if msg.err == nil {
			return a, nil
		}
		a.fatal = msg.err
		a.frames.stop()
		return a, tea.Quit
	case tea.WindowSizeMsg:
		a.common.Width, a.common.Height = msg.Width, msg.Height
		var cmd, homeCmd tea.Cmd
		a.active, cmd = a.active.SetSize(msg.Width, msg.Height)
		if a.home != nil && !a.atHome {
			a.home, homeCmd = a.home.SetSize(msg.Width, msg.Height)
		}
		return a, tea.Batch(cmd, homeCmd)
	case tea.BackgroundColorMsg:
		if a.opts.Theme != theme.Auto {
			return a, nil
		}
		a.common.Styles = theme.New(a.opts.Theme, msg.IsDark())
		var cmd tea.Cmd
		a.active, cmd = a.active.SetStyles(a.common.Styles)
		if a.home != nil && !a.atHome {
			a.home, _ = a.home.SetStyles(a.common.Styles)
		}
		return a, cmd

	case home.QuitMsg:
		a.frames.stop()
		return a, tea.Quit
	case home.PresentMsg:
		return a.show(a.newForm([]*deck.Deck{msg.Deck}, a.startInfo))
	case home.ResumeMsg:
		return a, a.loadDeck(msg.Session, false)
	case home.FollowMsg:
		return a, a.loadDeck(msg.Session, true)
	case deckLoadedMsg:
		return a.open(msg)

	case startform.CancelMsg:
		return a.leave()
	case startform.SubmitMsg:
		svc, d := a.opts.Service, msg.Deck
		return a, func() tea.Msg {
			if msg.DeviceName != "" { // asked once, on a device with no name yet
				if err := svc.SetDevice(context.Background(), msg.DeviceName, msg.Info.Unit); err != nil {
					return startedMsg{err: err}
				}
			}
			s, err := svc.Start(context.Background(), session.RefOf(d), msg.Info)
			return startedMsg{session: s, deck: d, err: err}
		}
	case startedMsg:
		if msg.err != nil {
			text := msg.err.Error()
			var open *session.OpenSessionError
			var scope *session.OutsideScopeError
			switch {
			case errors.As(msg.err, &open):
				text = a.opts.Lang.T("start.open.exists", open.Session.Info.Title)
			case errors.As(msg.err, &scope):
				text = a.opts.Lang.T("start.scope", scope.Unit, scope.Enrolled)
			default:
				if m, ok := field.Message(a.opts.Lang, msg.err); ok {
					text = m
				}
			}
			return a.route(startform.ErrorMsg{Text: text})
		}
		if a.toDesk {
			return a.show(a.newDesk(msg.session))
		}
		return a.show(a.newPresent(msg.session, msg.deck))

	case present.DoneMsg, follow.DoneMsg, desk.DoneMsg:
		return a.leave()
	}
	return a.route(msg)
}

// route hands a message to the active screen.
func (a App) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	a.active, cmd = a.active.Update(msg)
	return a, cmd
}

// show makes s the active screen at the window's size and starts it.
func (a App) show(s common.Screen) (tea.Model, tea.Cmd) {
	if a.atHome {
		a.home, a.atHome = a.active, false
	}
	s, size := s.SetSize(a.common.Width, a.common.Height)
	a.active = s
	return a, tea.Batch(s.Init(), size)
}

// deckLoadedMsg is a session's deck, read to open it on the presenter (or follow) screen.
type deckLoadedMsg struct {
	session session.Session
	deck    *deck.Deck
	follow  bool
	err     error
}

// loadDeck reads the deck session s shows, off the frame.
func (a App) loadDeck(s session.Session, follow bool) tea.Cmd {
	svc := a.opts.Service
	return func() tea.Msg {
		d, err := svc.Deck(context.Background(), s.ID)
		return deckLoadedMsg{session: s, deck: d, follow: follow, err: err}
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
		return a.route(home.NoticeMsg{Text: text})
	}
	if msg.follow {
		return a.show(a.newFollow(msg.session, msg.deck))
	}
	return a.show(a.newPresent(msg.session, msg.deck))
}

// leave goes back home (reloading it), or ends the program when it was started on this screen.
func (a App) leave() (tea.Model, tea.Cmd) {
	if a.home == nil {
		a.frames.stop()
		return a, tea.Quit
	}
	m, cmd := a.show(a.home) // home's Init reads the sessions again
	app := m.(App)
	app.atHome = true
	return app, cmd
}

// View draws the active screen full screen.
func (a App) View() tea.View {
	return a.frames.view(time.Now(), func() tea.View {
		v := tea.NewView(theme.Clip(a.active.View(), a.common.Width, a.common.Height))
		v.AltScreen = true
		v.WindowTitle = "briefing"
		return v
	})
}

// Run runs a root model in the terminal until the user leaves.
func Run(a App) error {
	// At most 120 frames a second, Bubble Tea's most. Its renderer (patched, see
	// third_party/README.md) draws a frame when one is due, at once after a key when the
	// last frame is older than 1/120 s, and none while nothing changes (issue 16).
	m, err := tea.NewProgram(a, tea.WithFPS(120)).Run()
	if err != nil {
		return fmt.Errorf("tui: %w", err)
	}
	if final, ok := m.(App); ok && final.fatal != nil {
		return final.fatal
	}
	return nil
}
