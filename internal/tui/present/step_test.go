package present

import (
	"briefing/internal/tui/slides"
	tea "charm.land/bubbletea/v2"
)

// step is Update with the screen's own type back, for tests that read its fields.
func (m Model) step(msg tea.Msg) (Model, tea.Cmd) {
	s, cmd := m.Update(msg)
	return s.(Model), cmd
}

// rendered is the model once its slides are rendered, as the Cmds that render them off the
// UI goroutine would bring them.
func (m Model) rendered() Model {
	if msg, ok := m.cache.RenderAllCmd()().(slides.RenderedMsg); ok {
		m.cache.Merge(msg)
	}
	return m
}
