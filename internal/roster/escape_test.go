package roster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// A roster cell's escape sequence, bidi override or zero-width space is not
// kept: the unit and the position would reach every list that shows them.
func TestRosterCellsDropControlAndInvisibleCharacters(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "r.csv")
	if err := os.WriteFile(csvPath, []byte("Họ và tên,Đơn vị,Chức vụ,Thành phần\n"+
		"Nguyễn Văn A,Phường\u202e 2\u200b,Cán\ufeff bộ,Cán bộ\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	xlsxPath := filepath.Join(dir, "r.xlsx")
	f := excelize.NewFile()
	for i, row := range [][]any{
		{"Họ và tên", "Đơn vị", "Chức vụ", "Thành phần"},
		{"Nguyễn Văn A", "\x1b[31mPhường 2\u200b", "\x1b]0;pwn\aCán bộ", "Cán bộ"},
	} {
		if err := f.SetSheetRow("Sheet1", "A"+string(rune('1'+i)), &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(xlsxPath); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{csvPath, xlsxPath} {
		rows, _, err := readAll(t, path)
		if err != nil || len(rows) != 1 {
			t.Fatalf("%s: %d rows, %v", path, len(rows), err)
		}
		r := rows[0]
		for _, v := range []string{r.Name, r.Unit, r.Position} {
			if strings.IndexFunc(v, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) >= 0 {
				t.Errorf("%s kept %q", filepath.Base(path), v)
			}
		}
		if !strings.HasPrefix(r.Unit, "Phường") && !strings.HasSuffix(r.Unit, "Phường 2") {
			t.Errorf("%s: unit %q", filepath.Base(path), r.Unit)
		}
	}
}
