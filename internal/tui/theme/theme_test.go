package theme

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestHelpLine(t *testing.T) {
	const help = "enter điểm danh · ↑↓ chọn · ctrl+n khách mới · esc xoá/danh sách · tab câu hỏi · ctrl+c thoát"
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
		got := HelpLine(help, c.w)
		if got != c.want {
			t.Errorf("width %d:\n got %q\nwant %q", c.w, got, c.want)
		}
		if w := ansi.StringWidth(got); w > c.w {
			t.Errorf("width %d: line is %d columns wide", c.w, w)
		}
	}
}
