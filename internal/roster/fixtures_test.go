package roster

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// The generated fixtures are checked in; regenerate them with
//
//	go test ./internal/roster -run TestFixtures -update
var update = flag.Bool("update", false, "regenerate the generated testdata files")

func TestFixtures(t *testing.T) {
	files := map[string]func(testing.TB) []byte{
		"windows-1258.csv": windows1258Fixture,
		"roster.xlsx":      xlsxFixture,
	}
	for name, gen := range files {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, gen(t), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s missing: run go test -run TestFixtures -update (%v)", name, err)
		}
	}
	if *update { // a workbook saved under a .csv name
		data, err := os.ReadFile(filepath.Join("testdata", "roster.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "actually-xlsx.csv"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// windows1258Text is the roster Excel on Vietnamese Windows saves as "CSV
// (Comma delimited)".
const windows1258Text = "STT,Họ và tên,Đơn vị,Chức vụ,Thành phần,Số điện thoại\r\n" +
	"1,Nguyễn Thị Phương Thảo,UBND Phường 15,Phó Chủ tịch,Cán bộ,0912345678\r\n" +
	"2,Trương Quốc Việt,Trường THPT Nguyễn Thượng Hiền,Giáo viên,Viên chức,0987654321\r\n" +
	"3,Lưu Đức Dũng,Khu phố 5,,Nhân dân,\r\n"

func windows1258Fixture(t testing.TB) []byte { return encode1258(t, windows1258Text) }

// encode1258 writes s as Windows-1258: a letter the code page has is one
// byte, the others are the base letter (with its circumflex, breve or horn)
// followed by a combining tone mark, as Windows does.
func encode1258(t testing.TB, s string) []byte {
	var out []byte
	for _, r := range s {
		if c, ok := charmap.Windows1258.EncodeRune(r); ok {
			out = append(out, c)
			continue
		}
		var base, tone []rune
		for _, x := range norm.NFD.String(string(r)) {
			switch x {
			case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
				tone = append(tone, x)
			default:
				base = append(base, x)
			}
		}
		for _, x := range append([]rune(norm.NFC.String(string(base))), tone...) {
			c, ok := charmap.Windows1258.EncodeRune(x)
			if !ok {
				t.Fatalf("encode1258: no code for %q in %q", x, r)
			}
			out = append(out, c)
		}
	}
	return out
}

// xlsxFixture is a workbook as wards make them: a first sheet of
// instructions, then the roster under a title, with ID and phone numbers
// typed as numbers (Excel drops the leading zero), one ID column cell with
// a "000000000000" format, text in scientific notation, and a blank row.
func xlsxFixture(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Hướng dẫn"))
	must(f.SetCellStr("Hướng dẫn", "A1", "Điền danh sách ở trang \"Danh sách\"."))
	must(f.SetCellStr("Hướng dẫn", "A2", "Không sửa dòng tiêu đề."))
	_, err := f.NewSheet("Danh sách")
	must(err)
	const s = "Danh sách"
	must(f.SetCellStr(s, "A1", "DANH SÁCH CÁN BỘ THAM DỰ HỘI NGHỊ"))
	must(f.MergeCell(s, "A1", "G1"))
	must(f.SetSheetRow(s, "A3", &[]any{"STT", "Họ và tên", "Đơn vị", "Chức vụ", "Thành phần", "Điện thoại", "CCCD"}))
	must(f.SetSheetRow(s, "A4", &[]any{1, "Nguyễn Văn An", "UBND Phường 4", "Chủ tịch", "Cán bộ", 912345678, 79203001234}))
	must(f.SetSheetRow(s, "A5", &[]any{2, "Trần Thị Bích Ngọc", "UBND Phường 4", "Công chức", "Công chức", "0903123456", "079303005678"}))
	// Row 6 is left blank.
	must(f.SetSheetRow(s, "A7", &[]any{3, "Lê Hoàng Phúc", "Trường THCS Ngô Sĩ Liên", "Giáo viên", "Viên chức", 938765432, 79089004321}))
	zeros := "000000000000"
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &zeros})
	must(err)
	must(f.SetCellStyle(s, "G7", "G7", style))
	must(f.SetSheetRow(s, "A8", &[]any{4, "Phạm Minh Đức", "Công ty TNHH Minh Đức", "Giám đốc", "Doanh nghiệp", nil, "7.9123E+10"}))
	must(f.SetSheetRow(s, "A9", &[]any{5, "Võ Thị Hồng", "Khu phố 3", nil, "Nhân dân", nil, "79203001235"}))
	must(f.SetSheetRow(s, "A10", &[]any{6, nil, "Khu phố 3", nil, "Khác"}))
	must(f.SetSheetRow(s, "A11", &[]any{7, norm.NFD.String("Hoàng Thị Lan"), "Khu phố 5", nil, "Nhân dân", 2838123456, 179203001234}))
	must(f.SetColWidth(s, "B", "C", 28))
	f.SetActiveSheet(1)
	buf, err := f.WriteToBuffer()
	must(err)
	return buf.Bytes()
}
