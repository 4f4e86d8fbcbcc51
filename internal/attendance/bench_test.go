package attendance

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/roster"
	"briefing/internal/search/searchtest"
	"briefing/internal/store"
	"briefing/internal/textvi"
)

// BenchmarkCheckInDurable is one check-in committed with an fsync
// (synchronous=FULL), as the desk does before it draws the confirmation.
// The target is under 1.5 disk flushes: flushes/op divides the time
// by one flush measured on the same disk just before.
func BenchmarkCheckInDurable(b *testing.B) {
	f := newFixture(b)
	var people []*store.Person
	for i := range b.N {
		people = append(people, &store.Person{Name: fmt.Sprintf("Người %d", i), NameKey: fmt.Sprintf("nguoi %d", i), Source: sourceRoster})
	}
	err := f.st.Tx(ctx, func(tx *store.Tx) error { return tx.InsertPeople(ctx, people) })
	if err != nil {
		b.Fatal(err)
	}
	flush := diskFlush(b, f.dir)
	b.ResetTimer()
	for i := range b.N {
		if _, err := f.svc.CheckIn(ctx, f.session, people[i].ID, ByRoster, false); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(flush), "flushes/op")
	b.ReportMetric(float64(flush), "ns/flush")
}

// diskFlush is one disk flush in dir: the median time of overwriting a 4 KB
// page of a file and fsyncing it, as a commit does to its WAL.
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

// BenchmarkCheckInAfterImport is the queue at the door right after a roster
// of 100,000 was imported: the change log ends in 100 entries of 250 KB, and
// a check-in must not read them to find its sequence number.
func BenchmarkCheckInAfterImport(b *testing.B) {
	f := newFixture(b)
	people := make([]*store.Person, 100_000)
	for i := range people {
		people[i] = &store.Person{Name: fmt.Sprintf("Nguyễn Văn Người %d", i), NameKey: fmt.Sprintf("nguyen van nguoi %d", i),
			Unit: "Chi bộ Khu phố 5", Phone: fmt.Sprintf("09%08d", i), Source: sourceRoster}
	}
	err := f.st.Tx(ctx, func(tx *store.Tx) error { return tx.InsertPeople(ctx, people) })
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if _, err := f.svc.CheckIn(ctx, f.session, people[i%len(people)].ID, ByRoster, false); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkRosterImport100k imports a 100,000-row CSV into an empty roster.
func BenchmarkRosterImport100k(b *testing.B) {
	path := writeRoster(b, 100_000)
	for b.Loop() {
		b.StopTimer()
		f := newFixture(b)
		r, err := roster.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := f.svc.Import(ctx, r, ImportOptions{})
		if err != nil || res.Imported != 100_000 {
			b.Fatalf("import = %+v, %v", res, err)
		}
		b.StopTimer()
		r.Close()
		b.StartTimer()
	}
}

// BenchmarkRosterReimport100k imports the same 100,000-row CSV again, as
// when a unit sends its roster a second time: nothing changes.
func BenchmarkRosterReimport100k(b *testing.B) {
	path := writeRoster(b, 100_000)
	f := newFixture(b)
	imp := func(want func(ImportResult) bool) {
		r, err := roster.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer r.Close()
		res, err := f.svc.Import(ctx, r, ImportOptions{})
		if err != nil || !want(res) {
			b.Fatalf("import = %+v, %v", res, err)
		}
	}
	imp(func(res ImportResult) bool { return res.Imported == 100_000 })
	for b.Loop() {
		imp(func(res ImportResult) bool { return res.Unchanged == 100_000 })
	}
}

// writeRoster writes an n-row roster CSV as a ward would send it.
func writeRoster(tb testing.TB, n int) string {
	tb.Helper()
	var sb strings.Builder
	sb.WriteString("\ufeffSTT;Họ và tên;Đơn vị;Chức vụ;Thành phần;Số điện thoại\r\n")
	groups := []string{"Cán bộ", "Công chức", "Viên chức", "Người lao động", "Hội viên", "Nhân dân", "Doanh nghiệp", "Khác"}
	for i, e := range searchtest.Names(n, 57) {
		// Numbering the phones keeps rows distinct, as real ones are.
		fmt.Fprintf(&sb, "%d;%s;%s;;%s;09%08d\r\n", i+1, e.Name, e.Unit, groups[i%len(groups)], i)
	}
	path := filepath.Join(tb.TempDir(), "roster.csv")
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// rosterDB returns the data directory of a device database holding n
// generated people (searchtest.Names(n, 57)), built once and kept in the
// temporary directory for later runs (a 1M roster takes minutes to insert).
func rosterDB(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("briefing-bench-roster-%d-v16", n))
	if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	entries := searchtest.Names(n, 57)
	for lo := 0; lo < n; lo += 50_000 {
		var people []*store.Person
		for _, e := range entries[lo:min(lo+50_000, n)] {
			people = append(people, &store.Person{Name: e.Name, NameKey: textvi.Fold(e.Name), Unit: e.Unit,
				Phone: e.Phone, Source: sourceRoster, CreatedAt: time.Now()})
		}
		if err := st.Tx(ctx, func(tx *store.Tx) error { return tx.InsertPeople(ctx, people) }); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "ready"), nil, 0o600); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkCheckInQuery1M is what briefing checkin --query does to find the
// person, end to end but for printing: open the device database, resolve the
// query (attendance.Resolve) among 1,000,000 people, close. The queries are
// typical of a clerk (a full name, a name and unit, phone ends, a given name
// and surname), and broad: one common word, which matches a third of the
// roster, or a surname and middle name. Under -short the roster has 2,000
// people; the full size:
//
//	go test ./internal/attendance -run '^$' -bench CheckInQuery1M -benchtime 20x
func BenchmarkCheckInQuery1M(b *testing.B) {
	n := 1_000_000
	if testing.Short() {
		n = 2000
	}
	dir := rosterDB(b, n)
	for _, bench := range []struct {
		name    string
		queries []string
	}{
		{"typical", []string{"Quách Ngọc Uyên", "nguyen van an phuong 7", "45678", "kieu tuyet", "Trần Minh Châu"}},
		{"broad", []string{"nguyen", "van", "nguyen van", "Nguyễn Văn An", "thi"}},
	} {
		for _, query := range bench.queries {
			b.Run(bench.name+"/"+query, func(b *testing.B) {
				for b.Loop() {
					st, err := store.Open(dir)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := New(st, nil).Resolve(ctx, query, ""); err != nil {
						b.Fatal(err)
					}
					st.Close()
				}
			})
		}
	}
}
