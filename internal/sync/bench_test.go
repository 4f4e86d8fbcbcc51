package sync

import (
	"context"
	"fmt"
	"testing"
	"time"

	"briefing/internal/store"
)

// BenchmarkSyncNoop is a sync with nothing to push or pull, on a device
// holding 10,000 and 1,000,000 records: its cost must follow the changes,
// not the database (it reads only after the acknowledged number).
func BenchmarkSyncNoop(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			if testing.Short() && n > 10_000 {
				b.Skip("1,000,000 records: not in -short")
			}
			_, srv := newTestHub(b)
			st, dir := openDevice(b)
			mustEnroll(b, st, dir, srv)
			ctx := context.Background()
			// People in roster-import chunks: n records, n/1000 changes.
			err := st.Tx(ctx, func(tx *store.Tx) error {
				if err := tx.GrowCache(ctx, 256); err != nil {
					return err
				}
				for lo := 0; lo < n; lo += 10_000 {
					people := make([]*store.Person, 0, 10_000)
					for i := lo; i < min(n, lo+10_000); i++ {
						people = append(people, &store.Person{Name: fmt.Sprintf("Người %d", i), NameKey: fmt.Sprintf("nguoi %d", i),
							Source: "roster", CreatedAt: time.UnixMilli(1751356800000)})
					}
					if err := tx.InsertPeople(ctx, people); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			s := syncer(b, st, dir, srv, &noSleep{})
			if _, err := s.Run(ctx); err != nil { // the first sync pushes everything
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				sum, err := s.Run(ctx)
				if err != nil || sum.Pushed != 0 || sum.Pending != 0 {
					b.Fatalf("%+v %v", sum, err)
				}
			}
		})
	}
}
