package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefing/internal/deck"
	"briefing/internal/session"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

const choiceTitleVI = "Thiết bị đang có phiên mở"

// otherDeck is an embedded deck other than the fixture session's.
func otherDeck(t *testing.T, f fixture) *deck.Deck {
	t.Helper()
	for _, e := range f.opts.Library {
		if e.Deck.Meta.ID != f.deck.Meta.ID {
			return e.Deck
		}
	}
	t.Fatal("the library has one deck only")
	return nil
}

// waitFrame waits until the last frame satisfies ok.
func waitFrame(t *testing.T, p probe, what string, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if s := p.last.Load(); s != nil && ok(ansi.Strip(*s)) {
			return ansi.Strip(*s)
		}
		if time.Now().After(deadline) {
			s := p.last.Load()
			if s == nil {
				t.Fatalf("no frame drawn, want %s", what)
			}
			t.Fatalf("screen never showed %s; last frame:\n%s", what, ansi.Strip(*s))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func startChoice(t *testing.T, f fixture, d *deck.Deck) (probe, *teatest.TestModel) {
	t.Helper()
	p := newProbe(NewChoice(f.opts, d, session.Info{Title: "Phiên mới"}))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	s := waitScreenText(t, p, choiceTitleVI)
	for _, want := range []string{f.sess.Info.Title, "Nghị quyết 57-NQ/TW", "1/27", d.Meta.ID, "tiếp tục", "kết thúc", "esc"} {
		if !strings.Contains(s, want) {
			t.Fatalf("the choice does not show %q:\n%s", want, s)
		}
	}
	return p, tm
}

// nameDevice answers the first run's question, which home would ask first.
func nameDevice(t *testing.T, f fixture) {
	t.Helper()
	if err := f.svc.SetDevice(context.Background(), "Máy thử", "Phường 4"); err != nil {
		t.Fatal(err)
	}
}

func waitScreenText(t *testing.T, p probe, want string) string {
	t.Helper()
	return waitFrame(t, p, want, func(s string) bool { return strings.Contains(s, want) })
}

// TestChoiceResume: present OTHER with a session open asks first; r resumes the open
// session on its own deck, not OTHER.
func TestChoiceResume(t *testing.T) {
	f := newFixture(t)
	other := otherDeck(t, f)
	p, tm := startChoice(t, f, other)
	press(tm, "r")
	s := waitFrame(t, p, "the presenter on 1/27", func(s string) bool {
		return !strings.Contains(s, choiceTitleVI) && strings.Contains(s, "1/27")
	})
	if !strings.Contains(s, f.deck.Meta.Title) {
		t.Fatalf("resume shows another deck than the session's:\n%s", s)
	}
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
	if open, _ := f.svc.Current(context.Background()); open == nil || open.ID != f.sess.ID {
		t.Fatalf("after resume the open session is %+v, want %s", open, f.sess.ID)
	}
}

// TestChoiceEndAndStart: e ends the open session and opens the start form on OTHER.
func TestChoiceEndAndStart(t *testing.T) {
	f := newFixture(t)
	other := otherDeck(t, f)
	p, tm := startChoice(t, f, other)
	press(tm, "e")
	s := waitScreenText(t, p, "Bắt đầu phiên trình bày")
	if !strings.Contains(s, "Phiên mới") {
		t.Fatalf("the start form lost the --title value:\n%s", s)
	}
	if open, err := f.svc.Current(context.Background()); err != nil || open != nil {
		t.Fatalf("after e the open session is %+v (%v), want none", open, err)
	}
	press(tm, "enter")
	waitFrame(t, p, "the new session's first slide", func(s string) bool {
		return !strings.Contains(s, "Bắt đầu phiên trình bày") && strings.Contains(s, other.Meta.Title)
	})
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
	open, err := f.svc.Current(context.Background())
	if err != nil || open == nil || open.Deck.ID != other.Meta.ID || open.Info.Title != "Phiên mới" {
		t.Fatalf("the open session is %+v (%v), want one of %s titled Phiên mới", open, err, other.Meta.ID)
	}
}

// TestChoiceCancel: esc leaves the program and the open session as it was.
func TestChoiceCancel(t *testing.T) {
	f := newFixture(t)
	_, tm := startChoice(t, f, otherDeck(t, f))
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
	if open, _ := f.svc.Current(context.Background()); open == nil || open.ID != f.sess.ID || open.EndedAt != nil {
		t.Fatalf("after esc the open session is %+v, want %s still open", open, f.sess.ID)
	}
}

// TestHomeResumesFromTheStoredDeck: r on the home screen presents the session's deck
// from the database, with no deck in the library at all.
func TestHomeResumesFromTheStoredDeck(t *testing.T) {
	f := newFixture(t)
	f.opts.Library = nil
	nameDevice(t, f)
	p := newProbe(NewHome(f.opts))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreenText(t, p, f.sess.Info.Title)
	press(tm, "r")
	// The slide comes from a Cmd that renders it off the UI goroutine, after the status line.
	waitFrame(t, p, "the presenter on 1/27 with its first slide", func(s string) bool {
		return strings.Contains(s, "1/27") && strings.Contains(s, f.deck.Meta.Title) &&
			strings.Contains(s, f.deck.Slides[0].Title)
	})
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}) // back home, the session open
	waitScreenText(t, p, "Phiên gần đây")
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}

// TestHomeSaysWhenTheDeckIsMissing: a session from before decks were stored, whose deck
// the library no longer has, is not opened; home says which deck and what to do.
func TestHomeSaysWhenTheDeckIsMissing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.svc.End(ctx, f.sess.ID); err != nil {
		t.Fatal(err)
	}
	ref := session.RefOf(f.deck)
	ref.ID, ref.Source = "bo-cu", "" // as a session started before this version stored decks
	if _, err := f.svc.Start(ctx, ref, session.Info{Title: "Phiên cũ"}); err != nil {
		t.Fatal(err)
	}
	nameDevice(t, f)
	p := newProbe(NewHome(f.opts))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(200, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreenText(t, p, "Phiên cũ")
	press(tm, "r")
	waitScreenText(t, p, `Không tìm thấy bộ trình chiếu "bo-cu"`)
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}
