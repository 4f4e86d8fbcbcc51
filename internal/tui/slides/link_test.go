package slides

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/sqlitedb"
)

// slowPositions is a session's position in memory, with a write that takes writeTakes and a
// read that can be held after it has read (the reading goroutine descheduled on a busy CPU).
type slowPositions struct {
	writeTakes time.Duration

	mu      sync.Mutex
	pos     session.Position
	version int64
	hold    chan struct{} // when set, a read waits on it after reading
	read    chan struct{} // told when a held read has read
}

func (s *slowPositions) Position(context.Context, string) (session.Position, error) {
	s.mu.Lock()
	p, hold, read := s.pos, s.hold, s.read
	s.mu.Unlock()
	if hold != nil {
		read <- struct{}{}
		<-hold
	}
	return p, nil
}

func (s *slowPositions) GoTo(_ context.Context, _ string, slide, step int) error {
	time.Sleep(s.writeTakes)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pos.Slide, s.pos.Step, s.pos.At = slide, step, time.Now()
	s.version++
	return nil
}

func (s *slowPositions) SetBlack(context.Context, string, bool) error { return nil }

func (s *slowPositions) DataVersion(context.Context) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version, nil
}

// Writes: not watched, the link polls.
func (s *slowPositions) Writes() <-chan struct{} { return nil }

// TestPollBeforeOwnWriteDoesNotMoveBack is issue 16's slide that moved by itself (6 -> 7 -> 6,
// no key pressed): a poll reads slide 6, the → pressed just before is written (slowly) and its
// SavedMsg handled, and only then does the poll's message arrive. It must not be taken for
// another window going back to 6. Run under -race: the poll and the write run on their own
// goroutines, as Bubble Tea runs Cmds.
func TestPollBeforeOwnWriteDoesNotMoveBack(t *testing.T) {
	st := &slowPositions{writeTakes: 30 * time.Millisecond, pos: session.Position{Slide: 5}}
	st.hold, st.read = make(chan struct{}), make(chan struct{})
	l := newLink(st, session.Session{ID: "s", Slide: 5})

	polled := make(chan any, 1)
	poll := l.Poll()
	go func() { polled <- poll() }()
	<-st.read // the poll has read slide 6 (index 5) and is held

	// → to slide 7: the write, on its own goroutine, commits and reports back first.
	write := l.Moved(Pos{Slide: 6})
	saved := make(chan any, 1)
	go func() { saved <- write() }()
	if cmd := l.Saved((<-saved).(SavedMsg), Pos{Slide: 6}); cmd != nil {
		t.Fatal("nothing more to write")
	}

	st.mu.Lock()
	hold := st.hold
	st.hold = nil // later reads are not held
	st.mu.Unlock()
	close(hold) // the poll's message arrives now, after the write's
	msg := (<-polled).(PolledMsg)
	if msg.Pos.Slide != 5 {
		t.Fatalf("the held poll read slide %d, want the old 5", msg.Pos.Slide)
	}
	if p, moved, _ := l.Polled(msg); moved {
		t.Fatalf("a read from before our own write moved the slide back to %d", p.Slide+1)
	}

	// The next poll reads again (whether or not the version moved) and agrees with the write.
	next := l.Poll()().(PolledMsg)
	if next.Pos.Slide != 6 {
		t.Fatalf("next poll read slide %d, want 6", next.Pos.Slide)
	}
	if _, moved, _ := l.Polled(next); moved {
		t.Fatal("our own write, read back, taken for a move")
	}

	// Another window's move is followed.
	_ = st.GoTo(context.Background(), "s", 2, 0)
	other, ok := l.Poll()().(PolledMsg)
	if !ok {
		t.Fatal("a write by another window not read")
	}
	if p, moved, _ := l.Polled(other); !moved || p.Slide != 2 {
		t.Fatalf("another window's move to 3: got %v moved=%v", p, moved)
	}
}

// commitsLate is a watched database whose writes are seen (Writes) before they commit, as
// SQLite's WAL write comes before the commit shows in the WAL's index.
type commitsLate struct {
	slowPositions
	writes chan struct{}
}

func (s *commitsLate) Writes() <-chan struct{} { return s.writes }

// The follow window lagged the presenter by 2 s (the safety net) on most slide changes:
// woken by the write, its poll read the data version before the commit showed, found
// nothing and went back to sleep. A wake-up that finds nothing must look again soon.
func TestWakeBeforeTheCommitShowsTheMove(t *testing.T) {
	st := &commitsLate{writes: make(chan struct{}, 1)}
	l := newLink(st, session.Session{ID: "s"})
	l.reread = false // the window has read the position (version 0)
	polled := make(chan any, 1)
	poll := l.Poll()
	go func() { polled <- poll() }()

	time.Sleep(20 * time.Millisecond)
	st.writes <- struct{}{} // the WAL is written...
	time.Sleep(30 * time.Millisecond)
	st.mu.Lock() // ...and the commit shows 30 ms later
	st.pos.Slide, st.version = 4, st.version+1
	st.mu.Unlock()

	select {
	case msg := <-polled:
		if p, ok := msg.(PolledMsg); !ok || p.Pos.Slide != 4 {
			t.Fatalf("poll = %#v, want slide 5 (index 4)", msg)
		}
	case <-time.After(WatchedPollInterval / 2):
		t.Fatalf("the move was not seen within %v of its write", WatchedPollInterval/2)
	}
}

// A write refused because the database's check failed is told in words, not as its error
// chain (the window ends a moment later with the full message).
func TestErrTextOfADamagedDatabase(t *testing.T) {
	l := &Link{Err: fmt.Errorf("go to slide 1: store: open /d: %w", &sqlitedb.DamagedError{Path: "/d/briefing.db", Detail: "*** in database main ***"})}
	if got := l.ErrText(i18n.VI); got != "cơ sở dữ liệu bị hỏng: vị trí trang không lưu được" {
		t.Errorf("ErrText = %q", got)
	}
	l.Err = errors.New("disk full")
	if got := l.ErrText(i18n.EN); got != "slide position not saved: disk full" {
		t.Errorf("ErrText = %q", got)
	}
}
