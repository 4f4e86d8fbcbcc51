package present

import tea "charm.land/bubbletea/v2"

// step is Update with the screen's own type back, for tests that read its fields.
func (m Model) step(msg tea.Msg) (Model, tea.Cmd) {
	s, cmd := m.Update(msg)
	return s.(Model), cmd
}
