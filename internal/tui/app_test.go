package tui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"briefing/decks"
	"briefing/internal/attendance"
	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

var fixed = time.Date(2025, 3, 26, 8, 30, 0, 0, time.UTC)

// fixture is a real device database in a temp dir with an open session of the full deck.
type fixture struct {
	opts Options
	svc  *session.Service
	att  *attendance.Service // not in opts: the screens that show attendance opt in
	qs   *questions.Service  // the same
	sess session.Session
	deck *deck.Deck
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := session.New(st, func() time.Time { return fixed })
	lib := deck.Library(decks.FS, "")
	e, err := deck.Find(lib, "nq57-toan-van")
	if err != nil {
		t.Fatal(err)
	}
	s, err := svc.Start(context.Background(), session.RefOf(e.Deck), session.Info{Title: "Hội nghị thử", Unit: "Phường 4"})
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Service: svc, Library: lib, Lang: i18n.VI, Theme: theme.Dark, Clock: func() time.Time { return fixed.Add(75 * time.Second) }}
	att := attendance.New(st, func() time.Time { return fixed.Add(90 * time.Second) })
	qs := questions.New(st, func() time.Time { return fixed.Add(120 * time.Second) })
	return fixture{opts: opts, svc: svc, att: att, qs: qs, sess: s, deck: e.Deck}
}

func press(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		switch k {
		case "right":
			tm.Send(tea.KeyPressMsg{Code: tea.KeyRight})
		case "enter":
			tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
		default:
			for _, r := range k {
				tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
}

// probe wraps the root model and keeps its last frame: the renderer's byte stream holds only
// the cells that changed, so a frame cannot be read back from it reliably. It also holds the
// cursor still: a golden frame must not depend on whether it was drawn in the cursor's on or
// off half-second (TestDeskWalkInGolden failed under load on that alone).
type probe struct {
	App
	last *atomic.Pointer[string]
}

func newProbe(a App) probe { return probe{App: a, last: new(atomic.Pointer[string])} }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(cursor.BlinkMsg); ok {
		return p, nil // the cursor stays shown, as after a key press; no next blink is scheduled
	}
	m, cmd := p.App.Update(msg)
	p.App = m.(App)
	return p, cmd
}

func (p probe) View() tea.View {
	v := p.App.View()
	p.last.Store(&v.Content)
	return v
}

func waitScreen(t *testing.T, p probe, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if s := p.last.Load(); s != nil && strings.Contains(*s, want) {
			return
		}
		if time.Now().After(deadline) {
			s := p.last.Load()
			if s == nil {
				t.Fatalf("no frame drawn, want %q", want)
			}
			t.Fatalf("screen never showed %q; last frame:\n%s", want, *s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestPresentGolden drives the presenter through a real program: a jump, then the next key,
// and checks the final frame against the golden file, at a small and a projector size.
func TestPresentGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f := newFixture(t)
			p := newProbe(NewPresent(f.opts, f.sess, f.deck))
			tm := teatest.NewTestModel(t, p,
				teatest.WithInitialTermSize(size[0], size[1]),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			press(tm, "14", "enter", "right")
			waitScreen(t, p, "15/27")
			waitScreen(t, p, "Quy mô kinh tế số") // the slide, rendered off the UI goroutine
			deadline := time.Now().Add(3 * time.Second)
			for {
				p, err := f.svc.Position(context.Background(), f.sess.ID)
				if err == nil && p.Slide == 14 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("position not saved: %+v %v", p, err)
				}
				time.Sleep(10 * time.Millisecond)
			}
			tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
			app := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(probe).App
			golden.RequireEqual(t, []byte(app.View().Content))
		})
	}
}

// TestFollowGolden: the presenter view moves when the presenter's position changes in the
// database, and shows notes, next slide and clocks.
func TestFollowGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f := newFixture(t)
			p := newProbe(NewFollow(f.opts, f.sess, f.deck))
			tm := teatest.NewTestModel(t, p,
				teatest.WithInitialTermSize(size[0], size[1]),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			waitScreen(t, p, "1/27")
			if err := f.svc.GoTo(context.Background(), f.sess.ID, 4, 0); err != nil {
				t.Fatal(err)
			}
			waitScreen(t, p, "5/27")
			if size[0] >= 110 { // the slide beside the notes, rendered off the UI goroutine
				waitScreen(t, p, "Phát triển khoa học")
			}
			tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}) // q asks first, as on the presenter
			app := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(probe).App
			golden.RequireEqual(t, []byte(app.View().Content))
		})
	}
}

// TestResizeNoPanic re-lays every screen from 40x12 to 300x100.
func TestResizeNoPanic(t *testing.T) {
	f := newFixture(t)
	withAtt := f.opts
	withAtt.Attendance = f.att
	apps := []App{NewPresent(f.opts, f.sess, f.deck), NewFollow(withAtt, f.sess, f.deck), NewDesk(withAtt, f.sess), NewHome(f.opts),
		NewStart(f.opts, []*deck.Deck{f.deck}, session.Info{})}
	for _, a := range apps {
		var m tea.Model = a
		for _, sz := range [][2]int{{40, 12}, {300, 100}, {1, 1}, {80, 24}, {41, 13}} {
			m, _ = m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			v := m.View().Content
			if h := len(bytes.Split([]byte(v), []byte("\n"))); h > sz[1] {
				t.Errorf("%T at %dx%d: %d lines", a.active, sz[0], sz[1], h)
			}
		}
	}
}

// A database check run beside the presenter's start (store.OpenCheckLater) that fails
// ends the program with its error; the first frame came before it (issue 16).
func TestFailedCheckEndsThePresenter(t *testing.T) {
	f := newFixture(t)
	damaged := errors.New("store: the file is damaged")
	f.opts.Checked = func(context.Context) error { return damaged }
	tm := teatest.NewTestModel(t, NewPresent(f.opts, f.sess, f.deck), teatest.WithInitialTermSize(80, 24))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(App)
	if final.fatal != damaged {
		t.Fatalf("fatal %v, want the check's error", final.fatal)
	}
}

// With the terminal's size known before the program starts, the presenter's very first
// frame is the slide, not an empty screen waiting for a size (issue 16).
func TestPrimedFirstFrameIsTheSlide(t *testing.T) {
	f := newFixture(t)
	f.opts.Size = func() (int, int) { return 120, 40 }
	a := NewPresent(f.opts, f.sess, f.deck)
	if got := a.View().Content; !strings.Contains(got, "Nghị quyết") {
		t.Fatalf("the first frame is not the slide:\n%s", got)
	}
}

// ctrl+z suspends the program (job control), on every screen, rather than reaching it as a
// key; what the shell gets typed then is not taken for keys.
func TestCtrlZSuspends(t *testing.T) {
	f := newFixture(t)
	_, cmd := NewPresent(f.opts, f.sess, f.deck).Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	if cmd == nil {
		t.Fatal("ctrl+z did nothing")
	}
	if _, ok := cmd().(tea.SuspendMsg); !ok {
		t.Fatalf("ctrl+z gave %T, want tea.SuspendMsg", cmd())
	}
}
