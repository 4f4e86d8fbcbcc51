package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefing/decks"
	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// present on a fresh device (no first run on home) asks the device's name
// in the start form, once: saved with the host unit, not asked again.
func TestStartAsksDeviceNameOnce(t *testing.T) {
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
	opts := Options{Service: svc, Library: lib, Lang: i18n.VI, Theme: theme.Dark}
	p := newProbe(NewStart(opts, []*deck.Deck{e.Deck}, session.Info{}))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, p, "Tên máy này")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	waitScreen(t, p, "Phường 1") // the unit's list, none picked: ↓ takes the first
	tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
	for range 6 { // venue, form, rapporteur, chair, secretary, the device's name
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	}
	press(tm, "Laptop P4")
	press(tm, "enter")
	waitScreen(t, p, "1/")                                // the presenter
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}) // leave
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
	ctx := context.Background()
	dev, err := svc.Device(ctx)
	if err != nil || dev.Name != "Laptop P4" || dev.Unit != "Phường 1" {
		t.Fatalf("device %+v, %v", dev, err)
	}
	open, _ := svc.Current(ctx)
	if open == nil || open.Info.Unit != "Phường 1" {
		t.Fatalf("open session %+v", open)
	}
	if err := svc.End(ctx, open.ID); err != nil {
		t.Fatal(err)
	}
	m := NewStart(opts, []*deck.Deck{e.Deck}, session.Info{})
	a, _ := m.Update(m.active.Init()())
	if view := a.View().Content; strings.Contains(view, "Tên máy này") {
		t.Fatalf("asked again:\n%s", view)
	}
}
