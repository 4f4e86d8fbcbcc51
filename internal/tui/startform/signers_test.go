package startform

import (
	"strings"
	"testing"

	"briefing/internal/session"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The chair and the secretary, who sign the minutes, are asked in the form
// and reach the session; both show at 80x24 with the rest of the form.
func TestChairAndSecretaryAsked(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		m := testForm(t, size[0], size[1], session.Info{Title: "Hội nghị"})
		var s = any(m)
		for _, step := range []struct {
			to   int
			text string
		}{{fieldChair, "Trần Văn Chủ"}, {fieldSecretary, "Lê Thị Thư"}} {
			for s.(Model).focus != step.to {
				s, _ = s.(Model).Update(tea.KeyPressMsg{Code: tea.KeyTab})
			}
			for _, r := range step.text {
				s, _ = s.(Model).Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
		view := ansi.Strip(s.(Model).View())
		if lines := strings.Count(view, "\n") + 1; lines > size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], lines)
		}
		for _, want := range []string{"Chủ trì", "Thư ký", "Trần Văn Chủ", "Lê Thị Thư"} {
			if !strings.Contains(view, want) {
				t.Errorf("%dx%d: %q not shown:\n%s", size[0], size[1], want, view)
			}
		}
		_, cmd := s.(Model).Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		if cmd == nil {
			t.Fatalf("%dx%d: Enter did not submit", size[0], size[1])
		}
		sub, ok := cmd().(SubmitMsg)
		if !ok || sub.Info.Chair != "Trần Văn Chủ" || sub.Info.Secretary != "Lê Thị Thư" {
			t.Errorf("%dx%d: submitted %+v", size[0], size[1], sub.Info)
		}
	}
}
