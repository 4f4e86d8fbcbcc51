package questions

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkQuestionAdd is one question committed durably (synchronous=FULL,
// with its change-log entry), as the desk does before it shows the question
// in the list. The target is within 2.5 disk flushes, as a check-in
// (BenchmarkCheckInDurable in attendance). A flush is one bare 4 KB write
// and fdatasync of a file on the same disk, as SQLite's commit to its WAL;
// one is timed after each question, with the benchmark's timer stopped, so
// that both see the same load on a shared machine. flushes/op is the median
// question over the median flush (ns/op stays the mean).
func BenchmarkQuestionAdd(b *testing.B) {
	f := newFixture(b)
	d := Draft{Text: "Nghị quyết 57 đặt mục tiêu gì cho chuyển đổi số ở cấp phường?", Slide: FromScreen,
		AskerName: "Nguyễn Văn An", AskerUnit: "Phường 7"}
	flush := newFlusher(b, f.dir)
	var adds, flushes []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := f.svc.Add(ctx, f.session, d); err != nil {
			b.Fatal(err)
		}
		adds = append(adds, time.Since(start))
		b.StopTimer()
		flushes = append(flushes, flush.time(b))
		b.StartTimer()
	}
	b.ReportMetric(float64(median(adds))/float64(median(flushes)), "flushes/op")
	b.ReportMetric(float64(median(flushes)), "ns/flush")
}

// flusher overwrites 4 KB pages of a 64 KB file in turn and syncs each, as
// a commit does to its WAL. (The measure of attendance's benchmark, which a
// test file cannot share.)
type flusher struct {
	file *os.File
	page []byte
	n    int
}

func newFlusher(b *testing.B, dir string) *flusher {
	b.Helper()
	file, err := os.Create(filepath.Join(dir, "flush.test"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { file.Close(); os.Remove(file.Name()) })
	f := &flusher{file: file, page: make([]byte, 4096)}
	if _, err := file.WriteAt(make([]byte, 16*len(f.page)), 0); err != nil {
		b.Fatal(err)
	}
	if err := file.Sync(); err != nil { // the file's size and blocks, once
		b.Fatal(err)
	}
	return f
}

// time is one page written and synced.
func (f *flusher) time(b *testing.B) time.Duration {
	start := time.Now()
	if _, err := f.file.WriteAt(f.page, int64(f.n%16*len(f.page))); err != nil {
		b.Fatal(err)
	}
	if err := datasync(f.file); err != nil {
		b.Fatal(err)
	}
	f.n++
	return time.Since(start)
}

func median(d []time.Duration) time.Duration {
	d = slices.Clone(d)
	slices.Sort(d)
	return d[len(d)/2]
}
