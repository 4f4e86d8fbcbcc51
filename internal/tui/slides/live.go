package slides

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
)

// EndedGrace is how long a window says that the session was ended in another window before
// it closes: long enough to read, short enough not to be in the way.
const EndedGrace = 4 * time.Second

// CloseMsg closes a window that showed its session ended elsewhere.
type CloseMsg struct{ ID string }

// CloseLater closes the window of session id after EndedGrace.
func CloseLater(id string) tea.Cmd {
	return tea.Tick(EndedGrace, func(time.Time) tea.Msg { return CloseMsg{ID: id} })
}

// BlackSavedMsg reports a finished write of the black screen.
type BlackSavedMsg struct {
	ID  string
	On  bool
	Err error
}

// SetBlack blacks out the audience screen (or brings it back) for every window, in a Cmd.
func (l *Link) SetBlack(on bool) tea.Cmd {
	svc, id := l.svc, l.id
	return func() tea.Msg {
		return BlackSavedMsg{ID: id, On: on, Err: svc.SetBlack(context.Background(), id, on)}
	}
}
