package slides

import (
	"context"
	"time"

	"briefing/internal/session"
	tea "charm.land/bubbletea/v2"
)

// PollInterval is how often a window reads the shared position: well inside the 250 ms in
// which both windows must show the same slide, and a single indexed SELECT, so idle cost is nil.
const PollInterval = 100 * time.Millisecond

// Link keeps a window's position in step with its session in the device database, which is
// the only channel between the presenter, follow and desk windows. Writes are serialised and
// coalesced (a burst of key presses makes one write of the last position), so a slow disk
// never reorders slides.
type Link struct {
	svc     *session.Service
	id      string
	saved   Pos       // the position last known to be in the database
	since   time.Time // when the database position last changed
	writing bool
	Err     error // the last failed write, shown until a write succeeds
}

// NewLink starts from the session's stored position.
func NewLink(svc *session.Service, s session.Session) *Link {
	return &Link{svc: svc, id: s.ID, saved: Pos{s.Slide, s.Step}, since: s.PositionAt}
}

// Since is when the slide on screen was first shown (in any window).
func (l *Link) Since() time.Time { return l.since }

// PolledMsg is a read of the shared position.
type PolledMsg struct {
	ID  string
	Pos session.Position
	Err error
}

// SavedMsg reports a finished write.
type SavedMsg struct {
	ID  string
	Pos Pos
	Err error
}

// Poll reads the position after PollInterval.
func (l *Link) Poll() tea.Cmd {
	svc, id := l.svc, l.id
	return tea.Tick(PollInterval, func(time.Time) tea.Msg {
		p, err := svc.Position(context.Background(), id)
		return PolledMsg{ID: id, Pos: p, Err: err}
	})
}

// Moved records a local move; the write happens in a Cmd unless one is under way, in which
// case the newest position is written when it finishes.
func (l *Link) Moved(p Pos) tea.Cmd {
	if l.writing || p == l.saved {
		return nil
	}
	l.writing = true
	svc, id := l.svc, l.id
	return func() tea.Msg {
		err := svc.GoTo(context.Background(), id, p.Slide, p.Step)
		return SavedMsg{ID: id, Pos: p, Err: err}
	}
}

// Saved handles a finished write; current is where the window is now.
func (l *Link) Saved(msg SavedMsg, current Pos) tea.Cmd {
	l.writing = false
	l.Err = msg.Err
	if msg.Err != nil {
		return nil // shown on screen; the next move tries again
	}
	l.saved, l.since = msg.Pos, time.Now()
	return l.Moved(current)
}

// Polled handles a read: it returns the position another window moved to (moved is false
// when nothing changed or a write of ours is under way) and whether the session has ended.
func (l *Link) Polled(msg PolledMsg) (p Pos, moved, ended bool) {
	if msg.Err != nil || l.writing {
		return Pos{}, false, false
	}
	if msg.Pos.Ended {
		return Pos{}, false, true
	}
	got := Pos{msg.Pos.Slide, msg.Pos.Step}
	if got == l.saved {
		return got, false, false
	}
	l.saved, l.since = got, msg.Pos.At
	return got, true, false
}
