package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestWalkInPasteOverLimit: a 100 KB paste into the name or the unit is
// refused whole with the field's error and its limit, as the CLI refuses
// it; the form keeps what was typed and enter registers nobody cut short.
func TestWalkInPasteOverLimit(t *testing.T) {
	for _, unit := range []bool{false, true} {
		f := newFixture(t)
		name := "Lê Văn Tám"
		p, tm := openWalkIn(t, f, name)
		if unit {
			tab(tm)
		}
		tm.Send(tea.PasteMsg{Content: strings.Repeat("Nguyễn ", 100_000/7) + "ab\x1b[31m"})
		waitPlain(t, p, "the error over the limit", func(s string) bool {
			return strings.Contains(s, "quá giới hạn 200 ký tự")
		})
		press(tm, "enter")
		time.Sleep(200 * time.Millisecond)
		tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
		tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
		list, err := f.att.Attendees(context.Background(), f.sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range list {
			if len([]rune(c.Person.Name)) > 100 || len([]rune(c.Person.Unit)) > 100 {
				t.Errorf("registered a person cut from the paste: %q, %q", c.Person.Name, c.Person.Unit)
			}
		}
	}
}

// TestWalkInTypedPastLimit: a name typed key by key (a scanner, a terminal
// that sends a paste as keys) past its limit is refused on Enter with the
// field's limit, not cut at 200 characters and registered.
func TestWalkInTypedPastLimit(t *testing.T) {
	f := newFixture(t)
	p, tm := openWalkIn(t, f, "Lê Văn Tám")
	for _, r := range strings.Repeat(" Nguyễn", 40) { // 280 more characters
		tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(tm, "enter")
	waitPlain(t, p, "the error over the limit", func(s string) bool {
		return strings.Contains(s, "quá giới hạn 200 ký tự")
	})
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
	list, err := f.att.Attendees(context.Background(), f.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if strings.HasPrefix(c.Person.Name, "Lê Văn Tám Nguyễn") {
			t.Errorf("registered a name cut from what was typed: %d characters", len([]rune(c.Person.Name)))
		}
	}
}
