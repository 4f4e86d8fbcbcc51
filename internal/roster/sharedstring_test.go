package roster

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSharedStringBomb: a small workbook whose cells all point at one long
// shared string is read in bounded time and memory, no cell kept longer than
// maxCellBytes (a hand-made one of 1 MB strings, 5,000 rows, took 126 s and
// 12.8 GB; excelize writes at most 32,767 characters, enough to tell).
func TestSharedStringBomb(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Họ và tên", "Đơn vị"})
	huge := strings.Repeat("x", 1<<20)
	const rows = 300
	for i := 2; i <= rows+1; i++ {
		f.SetCellInt("Sheet1", fmt.Sprintf("A%d", i), int64(i))
		f.SetCellStr("Sheet1", fmt.Sprintf("B%d", i), huge)
		f.SetCellStr("Sheet1", fmt.Sprintf("C%d", i), huge)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 200<<10 {
		t.Fatalf("the fixture is %d bytes, want a small file", buf.Len())
	}
	path := writeTemp(t, "bomb.xlsx", buf.Bytes())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got, _, err := readAll(t, path)
	runtime.ReadMemStats(&after)
	for _, r := range got {
		if len(r.Name) > maxCellBytes || len(r.Unit) > maxCellBytes {
			t.Fatalf("a row kept a cell of %d bytes", max(len(r.Name), len(r.Unit)))
		}
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 150<<20 {
		t.Errorf("reading %d rows of a shared-string bomb allocated %d MB, want it bounded by the cell limit", rows, alloc>>20)
	}
	if err != nil {
		t.Logf("read ended with %v", err)
	}
}
