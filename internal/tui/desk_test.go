package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"briefing/internal/attendance"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// deskFixture is the fixture with a small roster, two of them checked in.
func deskFixture(t *testing.T) (fixture, Options) {
	t.Helper()
	f := newFixture(t)
	ctx := context.Background()
	for i, n := range []attendance.NewPerson{
		{Name: "Nguyễn Văn An", Unit: "Phường 7", Group: "công chức", Phone: "0912345678"},
		{Name: "Đặng Thị Bình", Unit: "Phường 7", Group: "Nhân dân"},
		{Name: "Trần Minh Châu", Unit: "Phường 3", Group: "cán bộ"},
		{Name: "Nguyễn Văn Anh", Unit: "Trường THCS Ngô Sĩ Liên", Group: "viên chức"},
	} {
		c, err := f.att.RegisterWalkIn(ctx, f.sess.ID, n)
		if err != nil {
			t.Fatal(err)
		}
		if i >= 2 { // on the roster, not yet here
			if _, err := f.att.Undo(ctx, f.sess.ID, c.Person.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	opts := f.opts
	opts.Attendance = f.att
	return f, opts
}

// TestDeskGolden: type a name without diacritics, check the best match in,
// and compare the final frame, at 80x24 and on a projector-sized terminal.
func TestDeskGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f, opts := deskFixture(t)
			p := newProbe(NewDesk(opts, f.sess))
			tm := teatest.NewTestModel(t, p,
				teatest.WithInitialTermSize(size[0], size[1]),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			waitScreen(t, p, "Vừa điểm danh")
			press(tm, "tran minh")
			waitScreen(t, p, "Trần Minh Châu")
			press(tm, "enter")
			waitScreen(t, p, "✓ Đã điểm danh: Trần Minh Châu")
			press(tm, "nguyen van")
			waitScreen(t, p, "Nguyễn Văn Anh")
			tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
			app := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(probe).App
			view := app.View().Content
			if !strings.Contains(view, "Có mặt: 3") {
				t.Errorf("the counter did not update:\n%s", view)
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// TestDeskWalkInGolden: the walk-in form, with the duplicate warning.
func TestDeskWalkInGolden(t *testing.T) {
	f, opts := deskFixture(t)
	p := newProbe(NewDesk(opts, f.sess))
	tm := teatest.NewTestModel(t, p,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, p, "Vừa điểm danh")
	press(tm, "Tran Minh Chau")
	waitScreen(t, p, "Trần Minh Châu")
	tm.Send(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	waitScreen(t, p, "Đăng ký tại chỗ")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	press(tm, "Phường 3", "enter")
	waitScreen(t, p, "Đã có Trần Minh Châu")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	app := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(probe).App
	golden.RequireEqual(t, []byte(app.View().Content))
}
