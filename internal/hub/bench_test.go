package hub

import (
	gosync "sync"
	"testing"
	"time"

	"briefing/internal/sync"
)

// batches makes n changes of one device (a session, then people and their
// check-ins) cut into batches of size.
func (d *device) batches(n, size int) [][]sync.Change {
	sid := newID()
	all := []sync.Change{d.session(sid, "Phường 7", d.h.now)}
	for len(all) < n {
		pid := newID()
		all = append(all, d.person(pid, "Nguyễn Văn An", "nguyen van an", "Phường 7", "nhan_dan", ""))
		if len(all) < n {
			all = append(all, d.checkIn(sid, pid))
		}
	}
	var out [][]sync.Change
	for len(all) > 0 {
		k := min(size, len(all))
		out = append(out, all[:k])
		all = all[k:]
	}
	return out
}

// BenchmarkHubPush100k: 100,000 changes from one device in batches of 1000
// over loopback (target: under 3 s per op).
func BenchmarkHubPush100k(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		h := newTestHub(b)
		d := h.newDevice(ward7)
		batches := d.batches(100_000, sync.MaxPushChanges)
		b.StartTimer()
		for _, batch := range batches {
			if status, _, e := d.push(1, batch); status != 200 {
				b.Fatalf("%d %v", status, e)
			}
		}
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "changes/s")
}

// BenchmarkHubIngestConcurrent: 50 devices pushing at once.
func BenchmarkHubIngestConcurrent(b *testing.B) {
	const devices, perDevice = 50, 2000
	var total int
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		h := newTestHub(b)
		ds := make([]*device, devices)
		work := make([][][]sync.Change, devices)
		for i := range ds {
			ds[i] = h.newDevice(ward7)
			work[i] = ds[i].batches(perDevice, 500)
		}
		b.StartTimer()
		start := time.Now()
		var wg gosync.WaitGroup
		for i, d := range ds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, batch := range work[i] {
					if status, _, e := d.push(1, batch); status != 200 {
						b.Errorf("%d %v", status, e)
						return
					}
				}
			}()
		}
		wg.Wait()
		elapsed += time.Since(start)
		total += devices * perDevice
	}
	b.ReportMetric(float64(total)/elapsed.Seconds(), "changes/s")
}
