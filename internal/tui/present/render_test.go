package present

import (
	"strings"
	"testing"

	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestSlidesRenderOffTheUI: no slide is rendered in Update, so a slow slide (a 5,000-step
// slide once held the presenter for minutes and ignored ctrl+c) never holds back a key:
// Update hands the render to a Cmd, keys are answered while it runs, and the slide shows
// once its render arrives.
func TestSlidesRenderOffTheUI(t *testing.T) {
	d, ps := deck.Parse("t.md", []byte("---\nid: t\ntitle: T\nlang: vi\n---\n# Một\n---\n# Hai\n- a\n<!-- pause -->\n- b\n"))
	if deck.HasErrors(ps) {
		t.Fatal(ps)
	}
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, nil, session.Session{ID: "s"}, d)
	m, cmd := m.step(tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.cache.Ready(m.pos) {
		t.Fatal("the slide was rendered inside Update, on the UI's path")
	}
	if cmd == nil {
		t.Fatal("no Cmd to render the slide")
	}
	if strings.Contains(ansi.Strip(m.View()), "Một") {
		t.Fatal("a slide shown before it was rendered")
	}
	m, cmd = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
	if m.Pos().Slide != 1 || m.cache.Ready(m.pos) || cmd == nil {
		t.Fatalf("next while rendering: slide %d, rendered %v", m.Pos().Slide+1, m.cache.Ready(m.pos))
	}
	if _, cmd := m.step(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}); cmd == nil {
		t.Fatal("ctrl+c not answered while the slide renders")
	} else if _, ok := cmd().(DoneMsg); !ok {
		t.Fatal("ctrl+c does not leave")
	}
	m = m.rendered()
	if !strings.Contains(ansi.Strip(m.View()), "Hai") {
		t.Fatalf("the slide is not shown once rendered:\n%s", ansi.Strip(m.View()))
	}
}
