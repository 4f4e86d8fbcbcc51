package slides

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/sqlitedb"
	tea "charm.land/bubbletea/v2"
)

// PollInterval is how often a window asks whether the device database was written: inside
// the 250 ms in which both windows must show the same slide (a read and a frame take a few
// ms), and each wake-up costs an idle presenter CPU on battery: 100 ms made it 0.6 %. The question is SQLite's
// PRAGMA data_version on a kept connection, asked off the UI goroutine; the position is read
// only when it changed, and the screen hears of a poll only then (or every QuietEvery), so an
// idle window does almost nothing.
const PollInterval = 200 * time.Millisecond

// WatchedPollInterval is the poll's safety net where the database's files are watched
// (store.Writes): a write wakes it at once, and nothing else wakes an idle window.
const WatchedPollInterval = 2 * time.Second

// lookAgain are the waits after a wake-up by a write that found no new commit: a commit
// shows a few milliseconds after its WAL write, more on a slow disk (about 0.3 s in all).
var lookAgain = []time.Duration{5 * time.Millisecond, 10 * time.Millisecond, 20 * time.Millisecond,
	40 * time.Millisecond, 80 * time.Millisecond, 160 * time.Millisecond}

// QuietEvery is how long a poll waits, nothing written, before it tells its screen so: the
// screen asks for the next poll, and a screen that is gone no longer polls.
const QuietEvery = 2 * time.Second

// positions is what a Link needs of the session service (a test slows it down).
type positions interface {
	Position(ctx context.Context, id string) (session.Position, error)
	GoTo(ctx context.Context, id string, slide, step int) error
	SetBlack(ctx context.Context, id string, on bool) error
	DataVersion(ctx context.Context) (int64, error)
	Writes() <-chan struct{}
}

// Link keeps a window's position in step with its session in the device database, which is
// the only channel between the presenter, follow and desk windows. Writes are serialised and
// coalesced (a burst of key presses makes one write of the last position), so a slow disk
// never reorders slides.
//
// A poll may read the position just before a write of this window commits and arrive after
// that write's SavedMsg: taken for another window's move, it would take the slide back by
// itself. So polls are numbered as they are asked for, and a poll asked before this window's
// last write was known to be saved is not believed; the next poll reads again.
type Link struct {
	svc     positions
	id      string
	saved   Pos       // the position last known to be in the database
	since   time.Time // when the database position last changed
	writing bool
	Err     error // the last failed write, shown until a write succeeds

	polls   uint64        // polls asked for so far; a poll's Seq is its number
	trusted uint64        // polls numbered below it may have read before our last write committed
	reread  bool          // the next poll reads whether or not the database changed
	version *atomic.Int64 // the data_version last seen by a poll
}

// NewLink starts from the session's stored position.
func NewLink(svc *session.Service, s session.Session) *Link { return newLink(svc, s) }

func newLink(svc positions, s session.Session) *Link {
	return &Link{svc: svc, id: s.ID, saved: Pos{s.Slide, s.Step}, since: s.PositionAt, reread: true, version: new(atomic.Int64)}
}

// ErrText is the status line's word on the last write's failure (Err): a damaged
// database in words, not as its error chain, for the moment before the window ends with
// the full message (the database's check failed; store.OpenCheckLater).
func (l *Link) ErrText(lang i18n.Lang) string {
	if errors.As(l.Err, new(*sqlitedb.DamagedError)) {
		return lang.T("present.save.damaged")
	}
	return lang.T("present.save.failed", l.Err)
}

// Since is when the slide on screen was first shown (in any window).
func (l *Link) Since() time.Time { return l.since }

// PolledMsg is a read of the shared position.
type PolledMsg struct {
	ID  string
	Pos session.Position
	Err error
	Seq uint64 // the poll's number (0: a read from elsewhere, always believed)
}

// QuietMsg says that a poll found nothing written for QuietEvery: ask for the next one.
type QuietMsg struct{ ID string }

// SavedMsg reports a finished write.
type SavedMsg struct {
	ID  string
	Pos Pos
	Err error
}

// Poll asks, every PollInterval, whether the database was written, and reads the position
// when it was (at once when a read is owed). Only one poll runs at a time: a screen asks for
// the next when it handles this one's PolledMsg or QuietMsg.
func (l *Link) Poll() tea.Cmd {
	l.polls++
	svc, id, seq, reread, version := l.svc, l.id, l.polls, l.reread, l.version
	l.reread = false
	return func() tea.Msg {
		ctx := context.Background()
		// Where the database's files are watched, a write wakes the poll at once and the
		// timer is only a safety net; elsewhere the timer is the poll.
		writes, every := svc.Writes(), PollInterval
		if writes != nil {
			every = WatchedPollInterval
		}
		start := time.Now()
		wait, again := every, len(lookAgain)
		for {
			t := time.NewTimer(wait)
			woken := false
			select {
			case <-writes:
				woken = true
			case <-t.C:
			}
			t.Stop()
			v, err := svc.DataVersion(ctx)
			if err != nil || reread || v != version.Load() {
				version.Store(v)
				p, err := svc.Position(ctx, id)
				return PolledMsg{ID: id, Pos: p, Err: err, Seq: seq}
			}
			if time.Since(start) >= QuietEvery {
				return QuietMsg{ID: id}
			}
			// A write is seen when SQLite writes the WAL, before the commit shows in the
			// WAL's index (shared memory: no event). A wake-up that found nothing looks
			// again soon, instead of waiting for the safety net.
			if woken {
				again = 0
			}
			if again < len(lookAgain) {
				wait, again = lookAgain[again], again+1
			} else {
				wait = every
			}
		}
	}
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
	// A poll asked for until now may have read before this write committed.
	l.trusted, l.reread = l.polls+1, true
	if msg.Err != nil {
		return nil // shown on screen; the next move tries again
	}
	l.saved, l.since = msg.Pos, time.Now()
	return l.Moved(current)
}

// Polled handles a read: it returns the position another window moved to (moved is false
// when nothing changed, a write of ours is under way or the read may predate our last
// write) and whether the session has ended.
func (l *Link) Polled(msg PolledMsg) (p Pos, moved, ended bool) {
	if msg.Err != nil || l.writing || (msg.Seq != 0 && msg.Seq < l.trusted) {
		l.reread = true // what it would have said is read again by the next poll
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
