package questions

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkQuestionAdd is one question committed durably (synchronous=FULL,
// with its first version and change-log entries), as the desk does before
// it shows the question in the list. The target is within 2.5 disk flushes,
// as a check-in (BenchmarkCheckInDurable in attendance): flushes/op divides
// the time by one bare 4 KB write + sync measured on the same disk just before.
func BenchmarkQuestionAdd(b *testing.B) {
	f := newFixture(b)
	d := Draft{Text: "Nghị quyết 57 đặt mục tiêu gì cho chuyển đổi số ở cấp phường?", Slide: FromScreen,
		AskerName: "Nguyễn Văn An", AskerUnit: "Phường 7"}
	flush := diskFlush(b, f.dir)
	b.ResetTimer()
	for b.Loop() {
		if _, err := f.svc.Add(ctx, f.session, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(flush), "flushes/op")
	b.ReportMetric(float64(flush), "ns/flush")
}

// diskFlush is one disk flush in dir: the median time of overwriting a 4 KB
// page of a file and syncing it, as a commit does to its WAL. (The same
// measure as attendance's, which a test file cannot share.)
func diskFlush(b *testing.B, dir string) time.Duration {
	b.Helper()
	file, err := os.Create(filepath.Join(dir, "flush.test"))
	if err != nil {
		b.Fatal(err)
	}
	defer os.Remove(file.Name())
	defer file.Close()
	page := make([]byte, 4096)
	if _, err := file.WriteAt(make([]byte, 16*len(page)), 0); err != nil {
		b.Fatal(err)
	}
	times := make([]time.Duration, 201)
	for i := range times {
		start := time.Now()
		if _, err := file.WriteAt(page, int64(i%16*len(page))); err != nil {
			b.Fatal(err)
		}
		if err := file.Sync(); err != nil {
			b.Fatal(err)
		}
		times[i] = time.Since(start)
	}
	slices.Sort(times)
	return times[len(times)/2]
}
