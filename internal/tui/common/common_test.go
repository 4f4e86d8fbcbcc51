package common

import (
	"testing"

	"briefing/internal/i18n"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestHelpLine(t *testing.T) {
	l := i18n.VI
	bindings := []key.Binding{
		Binding(l, "enter", "hkey.checkin", "enter"),
		Binding(l, "↑↓", "hkey.select", "up"),
		Binding(l, "ctrl+n", "hkey.walkin", "ctrl+n"),
		Binding(l, "esc", "hkey.clearlist", "esc"),
		Binding(l, "tab", "hkey.questions", "tab"),
		Binding(l, "ctrl+c", "hkey.quit", "ctrl+c"),
	}
	const help = "enter điểm danh · ↑↓ chọn · ctrl+n khách mới · esc xoá/danh sách · tab câu hỏi · ctrl+c thoát"
	plain := &theme.Styles{Dim: lipgloss.NewStyle()}
	for _, c := range []struct {
		w    int
		want string
	}{
		{120, " " + help},
		{90, " enter điểm danh · ↑↓ chọn · ctrl+n khách mới · esc xoá/danh sách · … · ctrl+c thoát"},
		{80, " enter điểm danh · ↑↓ chọn · ctrl+n khách mới · … · ctrl+c thoát"},
		{60, " enter điểm danh · ↑↓ chọn · … · ctrl+c thoát"},
		{30, " enter điểm danh · … · ctrl+c…"},
		{0, ""},
	} {
		got := HelpLine(plain, c.w, bindings)
		if got != c.want {
			t.Errorf("width %d:\n got %q\nwant %q", c.w, got, c.want)
		}
		if w := ansi.StringWidth(got); w > c.w {
			t.Errorf("width %d: line is %d columns wide", c.w, w)
		}
	}
}

// A disabled binding is left out of the help, as a key the screen does not take now.
func TestHelpLineSkipsDisabled(t *testing.T) {
	l := i18n.EN
	off := Binding(l, "r", "hkey.resume", "r")
	off.SetEnabled(false)
	got := HelpLine(&theme.Styles{Dim: lipgloss.NewStyle()}, 80, []key.Binding{Binding(l, "q", "hkey.quit", "q"), off})
	if got != " q quit" {
		t.Errorf("got %q", got)
	}
}
