package roster

import (
	"reflect"
	"testing"

	"briefing/internal/i18n"
	"briefing/internal/textvi"
)

// A ward's list as wards send it: a title row, a name in capitals, groups
// written as the associations' names, two phones in a cell, an ID number
// Excel cut to 11 digits, a row pasted twice and a total row. Every person
// is read without a problem, and each thing the reader changed or skipped
// is a warning on its line.
func TestReadWardFile(t *testing.T) {
	rows, warnings, err := readAll(t, "testdata/phuong7-ward.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []want{
		{3, "Lưu Bích Hạnh", "Phường 7", "hoi_vien", "0912345601", "079185001001", nil},
		{4, "Trần Văn Bảy", "Phường 7", "hoi_vien", "0912345602", "079185001002", nil},
		{5, "Nguyễn Văn Tám", "Phường 7", "hoi_vien", "0912345603", "", nil},
		{6, "Phạm Thị Chín", "Phường 7", "cong_chuc", "0912345604", "079185001004", nil},
		{8, "Lê Văn Mười", "Phường 7", "nhan_dan", "0912345606", "", nil},
	})
	type w struct {
		line int
		key  string
	}
	var got []w
	for _, p := range warnings {
		got = append(got, w{p.Line, p.Key})
	}
	wantW := []w{
		{3, "roster.name.caps"},
		{3, "roster.group.alias"},
		{4, "roster.group.alias"},
		{4, "roster.phone.more"},
		{4, "roster.id.zero.csv"},
		{5, "roster.group.alias"},
		{7, "roster.row.same"},
		{9, "roster.footer"},
	}
	if !reflect.DeepEqual(got, wantW) {
		t.Errorf("warnings\n got %v\nwant %v", got, wantW)
	}
	for _, p := range warnings {
		t.Log(p.Format("phuong7-ward.csv", i18n.VI))
	}
}

func TestIsTotal(t *testing.T) {
	for s, want := range map[string]bool{
		"Tổng cộng: 301 người":  true,
		"TỔNG CỘNG":             true,
		"Tổng số 301":           true,
		"Tổng: 12":              true,
		"Cộng: 12 người":        true,
		"Cộng":                  false, // no number: not a total
		"Tống Văn An":           false,
		"Cồng Văn Chiêng":       false,
		"Công chức":             false,
		"Tống Công Minh":        false, // folds as "tong cong minh"
		"Tổng công ty Tân Cảng": false,
		"Tổng Số Hạnh":          false,
		"TONG CONG: 301":        true, // typed without diacritics, with its number
		"Tong Cong Minh":        false,
	} {
		if got := isTotal(s); got != want {
			t.Errorf("isTotal(%q) = %v, want %v", s, got, want)
		}
	}
}

// A total row whose row has a phone or an ID number is a person, whatever
// their name says.
func TestFooterNeedsNoPhone(t *testing.T) {
	path := writeTemp(t, "r.csv", []byte("Họ và tên,Số điện thoại\nTổng Văn Cộng,0912345678\nTổng cộng: 1 người,\n"))
	rows, warnings, err := readAll(t, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Name != "Tổng Văn Cộng" {
		t.Errorf("rows %v", rows)
	}
	if len(warnings) != 1 || warnings[0].Key != "roster.footer" || warnings[0].Line != 3 {
		t.Errorf("warnings %v", warnings)
	}
}

func TestSplitPhones(t *testing.T) {
	tests := []struct {
		in, first, rest string
		ok              bool
	}{
		{"0912345678 / 0987654321", "0912345678", "0987654321", true},
		{"0912.345.678; 0283 8123 456", "0912345678", "0283 8123 456", true},
		{"0912345678 - 0987654321", "0912345678", "0987654321", true},
		{"0912345678,0987654321", "0912345678", "0987654321", true},
		{"0912-345-678", "", "", false}, // one number written with dashes
		{"12345 / 0912345678", "", "", false},
		{"0912345678 /", "", "", false},
	}
	for _, tt := range tests {
		first, rest, ok := splitPhones(tt.in)
		if first != tt.first || rest != tt.rest || ok != tt.ok {
			t.Errorf("splitPhones(%q) = %q, %q, %v; want %q, %q, %v", tt.in, first, rest, ok, tt.first, tt.rest, tt.ok)
		}
	}
}

func TestGroupAlias(t *testing.T) {
	for s, want := range map[string]Group{
		"Hội viên Hội Phụ nữ":        HoiVien,
		"Đoàn viên thanh niên":       HoiVien,
		"Cựu chiến binh":             HoiVien,
		"CỰU CHIẾN BINH":             HoiVien,
		"Hội Nông dân":               HoiVien,
		"Cán bộ phường":              CanBo,
		"Cán bộ khu phố 3":           CanBo,
		"Người dân khu phố 2":        NhanDan,
		"Giáo viên":                  VienChuc,
		"Hộ kinh doanh":              DoanhNghiep,
		"Đảng viên":                  Khac, // the most common on a Party list: refused the whole import
		"ĐẢNG VIÊN":                  Khac,
		"Cán bộ hưu trí":             Khac, // retired: not the cadre group
		"Cán bộ, công chức":          "",   // two groups
		"Học sinh":                   "",
		"Hội viên cán bộ hưu trí":    "", // two groups
		"Khu phố có nhiều công chức": "", // a group, but not first
	} {
		g, ok := GroupAlias(s)
		if g != want || ok != (want != "") {
			t.Errorf("GroupAlias(%q) = %q, %v; want %q", s, g, ok, want)
		}
	}
}

func TestTitleCaseName(t *testing.T) {
	for in, want := range map[string]string{
		"LƯU BÍCH HẠNH": "Lưu Bích Hạnh",
		"ĐẶNG THỊ ÚT":   "Đặng Thị Út",
		"NGUYỄN T. HOA": "Nguyễn T. Hoa",
		"H'HEN NIÊ":     "H'Hen Niê",
		"LÊ VĂN AN (2)": "Lê Văn An (2)",
		"Nguyễn Văn AN": "Nguyễn Văn AN", // has small letters: as typed
		"Lưu Bích Hạnh": "Lưu Bích Hạnh",
		"A":             "A",
	} {
		if got, _ := TitleCaseName(in); got != want {
			t.Errorf("TitleCaseName(%q) = %q, want %q", in, got, want)
		}
	}
}

// An 11-digit number that is no CCCD with its 0 back (province 099) is
// still refused in a CSV: it was mistyped, not cut by Excel.
func TestCSVElevenDigits(t *testing.T) {
	path := writeTemp(t, "r.csv", []byte("Họ và tên,Số CCCD\nAn,79203001234\nBình,99203001234\n"))
	rows, warnings, err := readAll(t, path)
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []want{
		{2, "An", "", "", "", "079203001234", nil},
		{3, "Bình", "", "", "", "99203001234", []string{"roster.row.id.eleven"}},
	})
	if len(warnings) != 1 || warnings[0].Key != "roster.id.zero.csv" || warnings[0].Line != 2 {
		t.Errorf("warnings %v", warnings)
	}
}

// Rows that differ only in their number are one row pasted twice; rows
// that differ in anything else are not.
func TestSameRow(t *testing.T) {
	path := writeTemp(t, "r.csv", []byte("STT,Họ và tên,Đơn vị\n1,An,P1\n2,An,P1\n3,An,P2\n4,,P1\n5,,P1\n"))
	rows, warnings, err := readAll(t, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Errorf("%d rows, want 4: %v", len(rows), rows)
	}
	if len(warnings) != 1 || warnings[0].Key != "roster.row.same" || warnings[0].Line != 3 || warnings[0].Args[0] != 2 {
		t.Errorf("warnings %v", warnings)
	}
}

// The lenient readers never panic; a kept phone is a valid number, a
// name in capitals keeps its letters (as NFC writes them: U+0374 is
// U+02B9 after it), and a group alias is a plan's group.
func FuzzLenient(f *testing.F) {
	for _, s := range []string{"0912345678 / 0987654321", "LƯU BÍCH HẠNH", "Hội viên Hội Phụ nữ", "Tổng cộng: 301 người", "H'HEN NIÊ", "Cộng 12", "\xff/0912345678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if first, _, ok := splitPhones(s); ok && !validPhone(first) {
			t.Errorf("splitPhones(%q) kept %q", s, first)
		}
		if n, ok := TitleCaseName(s); ok && textvi.Fold(n) != textvi.Fold(textvi.NFC(s)) {
			t.Errorf("TitleCaseName(%q) = %q changed the letters", s, n)
		}
		if g, ok := GroupAlias(s); ok && g.Label(i18n.VI) == "" {
			t.Errorf("GroupAlias(%q) = %q", s, g)
		}
		isTotal(headerKey(s))
	})
}

// A name in the name column makes a row a person's, whatever its first
// cell says: "Tống Công Minh" and a unit "Cộng 3 đơn vị" were dropped as
// totals.
func TestTotalWordsInAPersonsRow(t *testing.T) {
	path := writeTemp(t, "r.csv", []byte("STT,Họ và tên,Đơn vị,Chức vụ\n1,Tống Công Minh,Phường 4,Tổ trưởng\n"+
		"2,Tổng Số Hạnh,Phường 4,\n"))
	rows, warnings, err := readAll(t, path)
	if err != nil || len(rows) != 2 || len(warnings) != 0 {
		t.Fatalf("rows %v, warnings %v, %v", rows, warnings, err)
	}
	path = writeTemp(t, "u.csv", []byte("STT,Đơn vị,Họ và tên,Chức vụ\n1,Tổng công ty Tân Cảng Sài Gòn,Trần Văn Bình,Giám đốc\n"+
		"2,Cộng 3 đơn vị phối hợp,Đỗ Văn Cường,\n3,Tổng cộng: 2 người,,\n"))
	rows, warnings, err = readAll(t, path)
	if err != nil || len(rows) != 2 || len(warnings) != 1 || warnings[0].Line != 4 {
		t.Fatalf("rows %v, warnings %v, %v", rows, warnings, err)
	}
}
