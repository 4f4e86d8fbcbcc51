package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/roster"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// waitPlain waits for a frame whose text, without its styles, passes ok: a
// suggestion is grey and the cursor sits on its first letter, so the text
// of a field and its suggestion are split by escape codes.
func waitPlain(t *testing.T, p probe, what string, ok func(string) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s := p.last.Load()
		if s != nil && ok(ansi.Strip(*s)) {
			return
		}
		if time.Now().After(deadline) {
			if s == nil {
				t.Fatalf("no frame drawn, want %s", what)
			}
			t.Fatalf("screen never showed %s; last frame:\n%s", what, ansi.Strip(*s))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// fieldShows: the row of the form labelled label reads text, and nothing
// more after it (no grey rest of a suggestion).
func fieldShows(label, text string) func(string) bool {
	return func(frame string) bool {
		for _, line := range strings.Split(frame, "\n") {
			line = strings.Trim(line, "│ ")
			if rest, ok := strings.CutPrefix(line, label); ok && strings.TrimSpace(rest) == text {
				return true
			}
		}
		return false
	}
}

// openWalkIn starts the desk on f, opens the walk-in form and types name.
func openWalkIn(t *testing.T, f fixture, name string) (probe, *teatest.TestModel) {
	t.Helper()
	p, tm := startDesk(t, f)
	waitScreen(t, p, "Chưa ai điểm danh")
	tm.Send(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	waitScreen(t, p, "Đăng ký tại chỗ")
	press(tm, name)
	return p, tm
}

// saved presses enter, waits for the check-in and returns the person saved
// under name.
func saved(t *testing.T, f fixture, p probe, tm *teatest.TestModel, name string) attendance.Person {
	t.Helper()
	press(tm, "enter")
	waitScreen(t, p, "✓ Đã điểm danh: "+name)
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
	list, err := f.att.Attendees(context.Background(), f.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Person.Name == name {
			return c.Person
		}
	}
	t.Fatalf("%s was not checked in: %+v", name, list)
	return attendance.Person{}
}

func tab(tm *teatest.TestModel) { tm.Send(tea.KeyPressMsg{Code: tea.KeyTab}) }

// TestWalkInAcceptGroupSuggestion: the group typed without diacritics
// shows the rest of the group in grey; → takes it, spelled as the group is,
// and so does tab, which moves on to the phone.
func TestWalkInAcceptGroupSuggestion(t *testing.T) {
	for _, key := range []string{"right", "end", "tab"} {
		t.Run(key, func(t *testing.T) {
			f := newFixture(t)
			p, tm := openWalkIn(t, f, "Lê Văn Tám")
			tab(tm)
			tab(tm)
			press(tm, "hoi")
			waitPlain(t, p, "the grey rest of the group", fieldShows("Thành phần", "hoi viên/đoàn viên"))
			switch key {
			case "end":
				tm.Send(tea.KeyPressMsg{Code: tea.KeyEnd})
			case "tab":
				tab(tm)
			default:
				press(tm, key)
			}
			waitPlain(t, p, "the group taken", fieldShows("Thành phần", "Hội viên/đoàn viên"))
			if key == "tab" {
				press(tm, "0912 000 111") // the phone has the focus
			}
			got := saved(t, f, p, tm, "Lê Văn Tám")
			if got.Group != roster.HoiVien {
				t.Errorf("group %q, want %q", got.Group, roster.HoiVien)
			}
			if key == "tab" && got.Phone != "0912000111" {
				t.Errorf("phone %q: tab did not move to the phone", got.Phone)
			}
		})
	}
}

// TestWalkInAcceptUnitSuggestion: a unit on file (the wards, Phường 1 to
// 15) is suggested for its start typed without diacritics, and taken
// whole, spelled as on file, so the walk-in counts in that unit and not in
// a new "phuong 1". A unit spelled as typed (folded) is offered first: tab
// on "phuong 1" keeps Phường 1, not Phường 10.
func TestWalkInAcceptUnitSuggestion(t *testing.T) {
	t.Run("right", func(t *testing.T) {
		f := newFixture(t)
		p, tm := openWalkIn(t, f, "Lê Văn Tám")
		tab(tm)
		press(tm, "phuong")
		waitPlain(t, p, "the grey rest of the unit", fieldShows("Đơn vị", "phuong 1"))
		press(tm, "right")
		waitPlain(t, p, "the unit taken", fieldShows("Đơn vị", "Phường 1"))
		press(tm, "5") // the cursor is after it
		waitPlain(t, p, "the unit typed on", fieldShows("Đơn vị", "Phường 15"))
		if got := saved(t, f, p, tm, "Lê Văn Tám"); got.Unit != "Phường 15" {
			t.Errorf("unit %q", got.Unit)
		}
	})
	t.Run("tab", func(t *testing.T) {
		f := newFixture(t)
		p, tm := openWalkIn(t, f, "Lê Văn Tám")
		tab(tm)
		press(tm, "PHUONG 1")
		tab(tm)
		waitPlain(t, p, "the unit spelled as on file", fieldShows("Đơn vị", "Phường 1"))
		press(tm, "nhan") // the group has the focus
		if got := saved(t, f, p, tm, "Lê Văn Tám"); got.Unit != "Phường 1" || got.Group != roster.NhanDan {
			t.Errorf("unit %q, group %q", got.Unit, got.Group)
		}
	})
}

// TestWalkInGroupPrefix: the start of one group's name is that group,
// without taking the suggestion; one shared by two groups is refused with
// the list of groups.
func TestWalkInGroupPrefix(t *testing.T) {
	f := newFixture(t)
	p, tm := openWalkIn(t, f, "Lê Văn Tám")
	tab(tm)
	tab(tm)
	press(tm, "c", "enter")
	waitScreen(t, p, `Thành phần "c" không có; chọn: Cán bộ, Công chức`)
	tm.Send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	press(tm, "hoi")
	if got := saved(t, f, p, tm, "Lê Văn Tám"); got.Group != roster.HoiVien {
		t.Errorf("group %q, want %q", got.Group, roster.HoiVien)
	}
}

// TestWalkInErrorClearsOnTyping: the error about an empty name goes once
// the name is typed, not only at the next enter.
func TestWalkInErrorClearsOnTyping(t *testing.T) {
	f := newFixture(t)
	p, tm := openWalkIn(t, f, "")
	press(tm, "enter")
	waitScreen(t, p, "Hãy nhập họ và tên")
	press(tm, "L")
	waitPlain(t, p, "the error gone", func(s string) bool {
		return fieldShows("Họ và tên", "L")(s) && !strings.Contains(s, "Hãy nhập họ và tên")
	})
	press(tm, "ê Văn Tám")
	saved(t, f, p, tm, "Lê Văn Tám")
}
