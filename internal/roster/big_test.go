package roster

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeRoster writes a CSV roster of n rows, as Excel writes it (BOM,
// semicolons, CRLF), and returns its path.
func writeRoster(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), fmt.Sprintf("roster-%d.csv", n))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<16)
	w.WriteString("\ufeffDANH SÁCH ĐẠI BIỂU;;;;;;\r\nSTT;Họ và tên;Đơn vị;Chức vụ;Thành phần;Số điện thoại;Số CCCD\r\n")
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"}
	groups := []string{"Cán bộ", "Công chức", "Viên chức", "Người lao động", "Hội viên/đoàn viên", "Nhân dân", "Doanh nghiệp", "Khác"}
	for i := 1; i <= n; i++ {
		fmt.Fprintf(w, "%d;%s Văn Thành %d;Khu phố %d, Phường %d;;%s;09%08d;079%09d\r\n",
			i, families[i%len(families)], i, i%9+1, i%15+1, groups[i%len(groups)], i, i)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// TestMillionRowsStream: reading a 1,000,000-row CSV keeps the heap small,
// because rows are streamed, never collected.
func TestMillionRowsStream(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 1,000,000-row file")
	}
	const n = 1_000_000
	path := writeRoster(t, n)
	var before, peak runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rows, bad := 0, 0
	var maxHeap uint64
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows++
		if !row.Valid() {
			bad++
		}
		if rows%100_000 == 0 {
			runtime.ReadMemStats(&peak)
			maxHeap = max(maxHeap, peak.HeapInuse)
		}
	}
	if rows != n || bad != 0 {
		t.Fatalf("%d rows, %d invalid; want %d valid", rows, bad, n)
	}
	const limit = 50 << 20
	if grew := int64(maxHeap) - int64(before.HeapInuse); grew > limit {
		t.Errorf("heap in use grew by %d MB while reading; want under %d MB", grew>>20, limit>>20)
	} else {
		t.Logf("heap in use grew by at most %.1f MB over %d rows", float64(grew)/(1<<20), rows)
	}
}

// TestXLSXStreams: a big workbook whose ID column holds numbers (the
// leading zeros put back) is read without loading the sheet into memory.
func TestXLSXStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 50,000-row workbook")
	}
	const n = 50_000
	path := filepath.Join(t.TempDir(), "big.xlsx")
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"DANH SÁCH"})
	sw.SetRow("A3", []any{"STT", "Họ và tên", "Đơn vị", "SĐT", "CCCD"})
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := sw.SetRow(cell, []any{i, "Nguyễn Văn Thành", "Khu phố 4", 912000000 + i, 79203000000 + i}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()

	var before, now runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rows := 0
	var maxHeap uint64
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows++
		if want := fmt.Sprintf("0792030%05d", rows); row.CitizenID != want || row.Line != rows+3 || !row.Valid() {
			t.Fatalf("row %d: %v, want ID %s", rows, row, want)
		}
		if rows%5000 == 0 {
			runtime.ReadMemStats(&now)
			maxHeap = max(maxHeap, now.HeapInuse)
		}
	}
	if done, total := r.Progress(); rows != n || done != int64(n+3) || total < done {
		t.Fatalf("%d rows, progress %d/%d", rows, done, total)
	}
	if grew := int64(maxHeap) - int64(before.HeapInuse); grew > 50<<20 {
		t.Errorf("heap in use grew by %d MB", grew>>20)
	}
}

func BenchmarkReadCSV100k(b *testing.B) {
	const n = 100_000
	path := writeRoster(b, n)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		rows := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			rows++
		}
		r.Close()
		if rows != n {
			b.Fatalf("%d rows", rows)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
}
