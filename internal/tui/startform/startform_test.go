package startform

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

func testForm(t *testing.T, width, height int, info session.Info) Model {
	t.Helper()
	d, problems := deck.Parse("nq57.md", []byte("---\ntitle: Nghị quyết 57\n---\n# Mở đầu\n\nNội dung\n"))
	if d == nil {
		t.Fatalf("deck: %v", problems)
	}
	c := common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true), Width: width, Height: height}
	return New(c, []*deck.Deck{d}, info, nil)
}

// The scope refusal is long: at 80 columns it must wrap inside the screen, every word shown.
func TestErrorWrapsWithinTheScreen(t *testing.T) {
	for _, width := range []int{80, 200} {
		m := testForm(t, width, 24, session.Info{Unit: "Phường 7"})
		text := i18n.VI.T("start.scope", "Phường 7", "Phường 4")
		s, _ := m.Update(ErrorMsg{Text: text})
		view := ansi.Strip(s.(Model).View())
		for i, line := range strings.Split(view, "\n") {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("width %d: line %d is %d columns: %q", width, i, w, line)
			}
		}
		flat := strings.Join(strings.Fields(strings.NewReplacer("│", " ", "╭", " ", "╰", " ", "─", " ", "╮", " ", "╯", " ").Replace(view)), " ")
		if !strings.Contains(flat, strings.Join(strings.Fields(text), " ")) {
			t.Errorf("width %d: the message is cut:\n%s", width, view)
		}
	}
}

// An enrolled laptop's unit is the host unit the form offers when none was given.
func TestUnitPrefilledFromDevice(t *testing.T) {
	m := testForm(t, 80, 24, session.Info{})
	s, _ := m.Update(unitsMsg{units: []string{"Phường 4", "Phường 7"}, device: "Phường 4"})
	if got := s.(Model).inputs[fieldUnit].Value(); got != "Phường 4" {
		t.Errorf("unit = %q, want the device's Phường 4", got)
	}
	// A unit the user (or the command line) gave stays.
	m = testForm(t, 80, 24, session.Info{Unit: "Phường 7"})
	s, _ = m.Update(unitsMsg{device: "Phường 4"})
	if got := s.(Model).inputs[fieldUnit].Value(); got != "Phường 7" {
		t.Errorf("unit = %q, want the given Phường 7", got)
	}
}

// The error goes away once the user corrects a field.
func TestErrorClearsOnEdit(t *testing.T) {
	m := testForm(t, 80, 24, session.Info{Unit: "Phường 7"})
	s, _ := m.Update(ErrorMsg{Text: "sai đơn vị"})
	s, _ = s.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if got := s.(Model).err; got != "" {
		t.Errorf("error after an edit: %q", got)
	}
}
