package startform

import (
	"strings"
	"testing"

	"briefing/internal/field"
	"briefing/internal/session"
	tea "charm.land/bubbletea/v2"
)

// A title may be as long as field.MaxTitle, and a paste past it reaches
// session.Start whole, which refuses it naming the field: the form cuts
// nothing short (it cut every field at 200 characters and started the
// session with the cut text).
func TestPasteIsNotCutAtTheFieldsLimit(t *testing.T) {
	for _, n := range []int{field.MaxTitle, field.MaxTitle + 50} {
		m := testForm(t, 80, 24, session.Info{})
		m.inputs[fieldTitle].SetValue("")
		s, _ := m.Update(tea.PasteMsg{Content: strings.Repeat("ệ", n)})
		_, cmd := s.(Model).submit()
		if cmd == nil {
			t.Fatalf("a %d-character title was not submitted", n)
		}
		sub, ok := cmd().(SubmitMsg)
		if !ok || len([]rune(sub.Info.Title)) != n {
			t.Errorf("pasted %d characters, submitted %d", n, len([]rune(sub.Info.Title)))
		}
	}
}
