package startform

import (
	"strings"
	"testing"

	"briefing/internal/session"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

var (
	tabKey  = tea.KeyPressMsg{Code: tea.KeyTab}
	downKey = tea.KeyPressMsg{Code: tea.KeyDown}
)

func update(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		s, _ := m.Update(msg)
		m = s.(Model)
	}
	return m
}

// The unit and the form show their choices as a list under the field:
// the catalog's units, the district's offices among them, filtered by what
// is typed; ↓ puts the next one in the field.
func TestChoicesListed(t *testing.T) {
	m := testForm(t, 80, 24, session.Info{})
	units := []string{"Phường 1", "Phường 4", "Phòng Văn hóa, Khoa học và Thông tin", "Văn phòng Ủy ban nhân dân quận", "Khác"}
	m = update(m, unitsMsg{units: units, device: "Phường 4"}, tabKey)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "› Phường 4") || !strings.Contains(view, "Phòng Văn hóa, Khoa học và Thông tin") {
		t.Fatalf("the units are not listed under the field:\n%s", view)
	}
	m = update(m, tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}) // clear the field
	for _, r := range "van" {
		m = update(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	view = ansi.Strip(m.View())
	if strings.Contains(view, "Phường 1") || !strings.Contains(view, "Văn phòng Ủy ban nhân dân quận") {
		t.Fatalf("typing does not filter the list:\n%s", view)
	}
	m = update(m, downKey, downKey)
	if got := m.inputs[fieldUnit].Value(); got != "Văn phòng Ủy ban nhân dân quận" {
		t.Fatalf("↓↓ put %q in the unit", got)
	}
	m = update(m, tabKey, tabKey) // venue, then the form
	if view := ansi.Strip(m.View()); !strings.Contains(view, "› Hội nghị trực tiếp") || !strings.Contains(view, "Sinh hoạt chi bộ") {
		t.Fatalf("the forms of briefing are not listed:\n%s", view)
	}
	m = update(m, downKey)
	if got := m.inputs[fieldForm].Value(); got != "Hội nghị trực tuyến" {
		t.Fatalf("↓ put %q in the form", got)
	}
}
