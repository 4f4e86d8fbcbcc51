package hub

import (
	"context"
	"fmt"
	"testing"
	"time"

	"briefing/internal/store"
	"briefing/internal/sync"
)

// BenchmarkSyncPush100k: a device holding 100,000 changes (a session, then
// walk-ins and their check-ins, one change each, as a clerk's desk writes
// them) pushes them all with its real Syncer.Run to a real hub over
// loopback (target: under 3 s per op). Under -short: 10,000 changes.
func BenchmarkSyncPush100k(b *testing.B) {
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		h := newTestHub(b)
		h.now = time.Now()
		s := syncingDevice(b, h, n)
		b.StartTimer()
		sum, err := s.Run(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if sum.Pushed != int64(n) || sum.Pending != 0 {
			b.Fatalf("pushed %d, pending %d: want %d and 0", sum.Pushed, sum.Pending, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "changes/s")
}

// syncingDevice is a device store in a temporary directory, enrolled at h
// for ward 7, holding n changes not yet pushed, and its Syncer.
func syncingDevice(b *testing.B, h *testHub, n int) *sync.Syncer {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	retry := sync.Retry{Tries: 1}
	en := &sync.Enroller{Store: st, Dir: dir, Retry: retry}
	if _, err := en.Enroll(ctx, sync.Endpoint{URL: h.srv.URL}, h.code(ward7), "máy thử"); err != nil {
		b.Fatal(err)
	}
	err = st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.GrowCache(ctx, 256); err != nil {
			return err
		}
		d := &store.Deck{DeckID: "nq57-toan-van", Version: "03c025eb222a", Title: "Nghị quyết 57", Slides: 27, DurationMin: 45}
		if err := tx.InsertDeck(ctx, d); err != nil {
			return err
		}
		now := time.Now()
		ses := &store.Session{DeckID: d.DeckID, DeckVersion: d.Version, DeckTitle: d.Title, Slides: d.Slides,
			DurationMin: d.DurationMin, Title: "Phổ biến Nghị quyết 57", Unit: "Phường 7", Venue: "Hội trường",
			Form: "Hội nghị trực tiếp", Rapporteur: "Ông A", StartedAt: now, PositionAt: now}
		if err := tx.InsertSession(ctx, ses); err != nil {
			return err
		}
		for i := 2; i < n; i += 2 {
			p := &store.Person{Name: fmt.Sprintf("Nguyễn Văn An %d", i), NameKey: fmt.Sprintf("nguyen van an %d", i),
				Unit: "Phường 7", Group: "nhan_dan", Source: "walk_in", CreatedAt: now}
			if err := tx.InsertPerson(ctx, p); err != nil {
				return err
			}
			if i+1 < n {
				a := &store.Attendance{SessionID: ses.ID, PersonID: p.ID, Method: "walk_in", CheckedInAt: now}
				if err := tx.InsertAttendance(ctx, a); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	// `briefing sync` opens the database afresh: not with the connection
	// and the 256 MB cache the writes above left.
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	if st, err = store.Open(dir); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if last, err := st.LastSeq(ctx); err != nil || last != int64(n) {
		b.Fatalf("the device holds %d changes (%v), want %d", last, err, n)
	}
	keys, _, err := sync.LoadKeys(dir)
	if err != nil {
		b.Fatal(err)
	}
	priv, err := keys.Private()
	if err != nil {
		b.Fatal(err)
	}
	c, err := sync.NewClient(sync.Endpoint{URL: h.srv.URL}, st.DeviceID(), priv)
	if err != nil {
		b.Fatal(err)
	}
	c.Retry = retry
	return &sync.Syncer{Store: st, Client: c}
}
