package follow

import (
	"strings"
	"testing"

	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
)

// TestSlidePaneRendersOffTheUI: the wide layout's slide is rendered in a Cmd, not in Update,
// so the keys that drive the slides are answered while it renders.
func TestSlidePaneRendersOffTheUI(t *testing.T) {
	d, ps := deck.Parse("t.md", []byte("---\nid: t\ntitle: T\nlang: vi\n---\n# Một\n---\n# Hai\n"))
	if deck.HasErrors(ps) {
		t.Fatal(ps)
	}
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, nil, session.Session{ID: "s"}, d)
	m, cmd := m.step(tea.WindowSizeMsg{Width: 160, Height: 40})
	if m.cache.Ready(m.pos) || cmd == nil {
		t.Fatalf("the slide was rendered inside Update (ready %v, cmd %v)", m.cache.Ready(m.pos), cmd != nil)
	}
	m, cmd = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
	if m.Pos().Slide != 1 || m.cache.Ready(m.pos) || cmd == nil {
		t.Fatalf("next: slide %d, rendered in Update %v", m.Pos().Slide+1, m.cache.Ready(m.pos))
	}
	if m = m.rendered(); !m.cache.Ready(m.pos) {
		t.Fatal("not rendered by its Cmd")
	}
}

// TestNotesNoEscapes: SGR and other escape codes in a deck's notes (they recoloured the
// presenter view) never reach the frame: the deck's text comes without them.
func TestNotesNoEscapes(t *testing.T) {
	d, ps := deck.Parse("t.md", []byte("---\nid: t\ntitle: T\nlang: vi\n---\n# Một\n???\nghi \x1b[41mchú\x1b]0;PWNED\x07 \u202eđảo\n"))
	if deck.HasErrors(ps) {
		t.Fatal(ps)
	}
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, nil, session.Session{ID: "s"}, d)
	m, _ = m.step(tea.WindowSizeMsg{Width: 80, Height: 24})
	view := m.View()
	for _, bad := range []string{"\x1b[41m", "\x1b]0;", "\u202e"} {
		if strings.Contains(view, bad) {
			t.Errorf("the frame carries %q from the notes", bad)
		}
	}
	if !strings.Contains(view, "chú") {
		t.Errorf("the notes are not shown:\n%s", view)
	}
}
