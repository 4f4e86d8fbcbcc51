package sync

import (
	"context"
	"errors"
	"fmt"
	gosync "sync"
	"time"

	"briefing/internal/store"
)

// Progress is what a sync reports as it goes: Phase "push" (Done and Total
// count changes) or "pull" (Done counts items; Total is 0 until the last
// page, then Done).
type Progress struct {
	Phase       string
	Done, Total int64
}

// Summary is what a sync did.
type Summary struct {
	Pushed     int64 // changes the hub acknowledged in this sync
	Pending    int64 // changes still not acknowledged
	Pulled     store.PulledCounts
	ClockAhead int // changes the hub flagged as stamped ahead of its clock
	// Held lists the records the hub held instead of applying in this sync
	// (at most MaxHeldListed); HeldTotal counts all it holds of this device,
	// as of its last answer (-1: no push was answered).
	Held      []HeldRecord
	HeldTotal int
	HubTime   time.Time
	Offset    time.Duration // the hub's clock minus this device's
	// NewEpoch is the epoch this sync started because the device's log and
	// the hub's disagreed (a database restored from an older copy): the
	// whole log was sent again under it. 0: none.
	NewEpoch int64
}

// ErrLocalAhead: the hub acknowledges changes this device does not have (the
// database was restored from an older copy, or belongs to another device).
var ErrLocalAhead = errors.New("the hub acknowledges changes this device does not have")

// diverged says the device's log and the hub's record of it disagree: the
// hub acknowledges more than the log has, or holds another change under a
// number of it.
func diverged(err error) bool {
	var he *HubError
	return errors.Is(err, ErrLocalAhead) || errors.As(err, &he) && he.Err.Code == CodeConflict
}

// ErrNoProgress: the hub keeps answering without acknowledging what is sent.
var ErrNoProgress = errors.New("the hub acknowledges nothing of what is sent")

// Syncer pushes a device's change log to its hub and pulls the hub's feed.
type Syncer struct {
	Store    *store.Store
	Client   *Client
	Progress func(Progress) // nil: silent
	Now      func() time.Time
	// PullLimit is the page size asked for (0: MaxPullLimit).
	PullLimit int
}

func (s *Syncer) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Syncer) report(p Progress) {
	if s.Progress != nil {
		s.Progress(p)
	}
}

// Run pushes, then pulls, and records the result (even a failed one) in
// the sync state. A failure keeps every local record: what was acknowledged
// stays acknowledged, what was applied stays applied, the rest is retried
// by the next sync.
func (s *Syncer) Run(ctx context.Context) (Summary, error) {
	sum := Summary{HeldTotal: -1}
	st, err := s.Store.SyncState(ctx)
	if err != nil {
		return sum, err
	}
	sum.Offset = st.HubOffset
	err = s.push(ctx, st, &sum)
	if diverged(err) {
		// The hub holds other changes under numbers this log uses again, or
		// more than this log has: start numbering anew and send it all.
		var hubEpoch int64
		if hs, serr := s.Client.Status(ctx); serr == nil {
			hubEpoch = hs.Epoch
		}
		if st, err = s.Store.NewEpoch(ctx, hubEpoch); err == nil {
			sum.NewEpoch = st.Epoch
			err = s.push(ctx, st, &sum)
		}
	}
	if err == nil {
		err = s.pull(ctx, st, &sum)
	}
	if err == nil && sum.Pulled.Answers > 0 {
		// An answer applied here is logged as the question's new state:
		// send it now, or every sync that brings an answer ends "pending 1".
		if st, err = s.Store.SyncState(ctx); err == nil {
			err = s.push(ctx, st, &sum)
		}
	}
	// The hub's last word on what it holds: the pull's, else the push's.
	if sum.HeldTotal >= 0 {
		if herr := s.Store.SetHeld(context.WithoutCancel(ctx), sum.HeldTotal); herr != nil && err == nil {
			err = herr
		}
	}
	result := "ok"
	if err != nil {
		result = Code(err)
		if result == "" {
			result = "error"
		}
	}
	// Record with a context of its own: a cancelled sync still says so.
	if serr := s.Store.SetSyncResult(context.WithoutCancel(ctx), s.now(), result, sum.Offset); serr != nil && err == nil {
		err = serr
	}
	if last, lerr := s.Store.LastSeq(ctx); lerr == nil {
		if now, serr := s.Store.SyncState(context.WithoutCancel(ctx)); serr == nil {
			sum.Pending = max(0, last-now.Acked)
		}
	}
	return sum, err
}

func (s *Syncer) hubTime(t time.Time, sum *Summary) {
	if t.IsZero() {
		return
	}
	sum.HubTime = t
	sum.Offset = t.Sub(s.now()).Round(time.Second)
}

// push sends the changes after the acknowledged number in batches. The
// next batch is read and encoded while the hub takes the one in flight, and
// each acknowledgement is saved while the next batch is in flight: an
// acknowledgement saved late only means a batch sent again, which the hub
// acknowledges again. Every acknowledgement is saved before push returns.
func (s *Syncer) push(ctx context.Context, st store.SyncState, sum *Summary) (err error) {
	last, err := s.Store.LastSeq(ctx)
	if err != nil {
		return err
	}
	start, acked := st.Acked, st.Acked
	if acked > last {
		return fmt.Errorf("%w: acknowledged %d, last change %d", ErrLocalAhead, acked, last)
	}
	total := last - acked
	s.report(Progress{Phase: "push", Done: 0, Total: total})
	saver := newAckSaver(ctx, s.Store)
	defer func() {
		if serr := saver.wait(); serr != nil && err == nil {
			err = serr
		}
	}()
	pending := s.readBatch(ctx, st.Epoch, acked)
	defer func() {
		if pending != nil {
			<-pending // the store outlives no reader
		}
	}()
	stalls := 0
	for acked < last {
		b := <-pending
		pending = nil
		if b.err != nil {
			return b.err
		}
		if b.count == 0 {
			break
		}
		if b.first != acked+1 {
			return fmt.Errorf("change log: change %d is missing (next is %d)", acked+1, b.first)
		}
		// Read ahead as if the hub takes the whole batch.
		if b.last < last {
			pending = s.readBatch(ctx, st.Epoch, b.last)
		}
		resp, err := s.Client.PushEncoded(ctx, b.body)
		if err != nil {
			return err
		}
		s.hubTime(resp.HubTime, sum)
		sum.ClockAhead += resp.ClockAhead
		sum.Held = append(sum.Held, resp.Held[:min(len(resp.Held), MaxHeldListed-len(sum.Held))]...)
		sum.HeldTotal = resp.HeldTotal
		next := resp.Acked
		if resp.Expected > 0 {
			next = resp.Expected - 1 // the hub needs Expected next: resend from there
		}
		if next > last || next < 0 {
			return fmt.Errorf("%w: hub acknowledged %d, last change %d", ErrLocalAhead, next, last)
		}
		if next <= acked {
			if stalls++; stalls >= 3 {
				return fmt.Errorf("%w (acknowledged %d after sending %d..%d)", ErrNoProgress, next, b.first, b.last)
			}
		} else {
			stalls = 0
		}
		if err := saver.save(next); err != nil {
			return err
		}
		if next != b.last && pending != nil {
			<-pending // read from the wrong place: read again
			pending = nil
		}
		if pending == nil && next < last {
			pending = s.readBatch(ctx, st.Epoch, next)
		}
		acked = next
		s.report(Progress{Phase: "push", Done: max(0, acked-start), Total: total})
	}
	sum.Pushed += max(0, acked-start)
	return nil
}

// pushBatch is one batch read from the change log, encoded for the wire.
type pushBatch struct {
	first, last int64
	count       int
	body        []byte
	err         error
}

// readBatch reads and encodes the batch after seq in the background.
func (s *Syncer) readBatch(ctx context.Context, epoch, after int64) <-chan pushBatch {
	out := make(chan pushBatch, 1)
	go func() {
		var b pushBatch
		changes, err := s.Store.ChangesForPush(ctx, after, MaxPushChanges, MaxPushBytes-64<<10)
		switch {
		case err != nil:
			b.err = err
		case len(changes) == 1 && len(changes[0].Payload) > MaxPushBytes-64<<10:
			b.err = fmt.Errorf("change %d is %d bytes, more than a push may carry (%d)", changes[0].Seq, len(changes[0].Payload), MaxPushBytes)
		case len(changes) > 0:
			req := PushRequest{Epoch: epoch, Changes: make([]Change, len(changes))}
			for i, c := range changes {
				req.Changes[i] = Change{Seq: c.Seq, Entity: c.Entity, RecordID: c.RecordID, HLC: c.HLC, Op: c.Op, Payload: c.Payload}
			}
			b.first, b.last, b.count = changes[0].Seq, changes[len(changes)-1].Seq, len(changes)
			b.body, b.err = EncodePush(req)
		}
		out <- b
	}()
	return out
}

// ackSaver saves the hub's acknowledged number in the background: the
// latest one, at most every ackEvery. Each save is a commit, and a commit
// makes the connection that reads the next batch drop its page cache; a
// push of 100 batches saved after each paid for that every time.
type ackSaver struct {
	mu      gosync.Mutex
	latest  int64
	dirty   bool
	err     error
	wake    chan struct{}
	stop    chan struct{}
	stopped chan struct{}
}

// ackEvery spaces the saves of a push's acknowledgements.
const ackEvery = 250 * time.Millisecond

func newAckSaver(ctx context.Context, st *store.Store) *ackSaver {
	a := &ackSaver{wake: make(chan struct{}, 1), stop: make(chan struct{}), stopped: make(chan struct{})}
	// A cancelled sync still saves what the hub acknowledged.
	ctx = context.WithoutCancel(ctx)
	go func() {
		defer close(a.stopped)
		for {
			select {
			case <-a.wake:
			case <-a.stop:
				a.saveLatest(ctx, st)
				return
			}
			a.saveLatest(ctx, st)
			t := time.NewTimer(ackEvery)
			select {
			case <-t.C:
			case <-a.stop:
				t.Stop()
				a.saveLatest(ctx, st)
				return
			}
		}
	}()
	return a
}

func (a *ackSaver) saveLatest(ctx context.Context, st *store.Store) {
	a.mu.Lock()
	n, dirty := a.latest, a.dirty
	a.dirty = false
	a.mu.Unlock()
	if !dirty {
		return
	}
	if err := st.SetAcked(ctx, n); err != nil {
		a.mu.Lock()
		if a.err == nil {
			a.err = err
		}
		a.mu.Unlock()
	}
}

// save asks for n to be saved; it returns an earlier save's failure.
func (a *ackSaver) save(n int64) error {
	a.mu.Lock()
	a.latest, a.dirty = n, true
	err := a.err
	a.mu.Unlock()
	select {
	case a.wake <- struct{}{}:
	default: // a wake-up is pending: it will see n
	}
	return err
}

// wait saves what is left and stops.
func (a *ackSaver) wait() error {
	close(a.stop)
	<-a.stopped
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.err
}

// pull applies the feed after the cursor page by page, each page with its
// cursor in one transaction.
func (s *Syncer) pull(ctx context.Context, st store.SyncState, sum *Summary) error {
	limit := s.PullLimit
	if limit <= 0 || limit > MaxPullLimit {
		limit = MaxPullLimit
	}
	cursor := st.Cursor
	var done int64
	for moved := 0; ; {
		data, err := s.Client.Pull(ctx, cursor, limit)
		if err != nil {
			return err
		}
		page, err := DecodePullPage(data, cursor)
		if err != nil {
			return err
		}
		s.hubTime(page.Raw.HubTime, sum)
		if len(page.Items) > 0 || page.Next != cursor {
			n, err := s.Store.ApplyPulled(ctx, cursor, page.Next, page.Items, MaxClockAhead)
			if errors.Is(err, store.ErrCursorMoved) && moved < 3 {
				// Another sync applied it first: carry on from where it is.
				moved++
				now, serr := s.Store.SyncState(ctx)
				if serr != nil {
					return serr
				}
				cursor = now.Cursor
				continue
			}
			if err != nil {
				return err
			}
			sum.Pulled.Decks += n.Decks
			sum.Pulled.Units += n.Units
			sum.Pulled.Aliases += n.Aliases
			sum.Pulled.Answers += n.Answers
			done += int64(len(page.Items))
		}
		cursor = page.Next
		if !page.More {
			if page.Raw.Held >= 0 {
				sum.HeldTotal = page.Raw.Held
			}
			s.report(Progress{Phase: "pull", Done: done, Total: done})
			return nil
		}
		s.report(Progress{Phase: "pull", Done: done})
	}
}
