package roster

import (
	"strings"
	"testing"

	"briefing/internal/i18n"
)

func TestParseGroup(t *testing.T) {
	tests := []struct {
		in   string
		want Group
		ok   bool
	}{
		{"", "", true},
		{"   ", "", true},
		{"Cán bộ", CanBo, true},
		{"CÁN BỘ", CanBo, true},
		{"can bo", CanBo, true},
		{"canbo", CanBo, true},
		{"can_bo", CanBo, true},
		{"cadre", CanBo, true},
		{"Công chức", CongChuc, true},
		{"cong  chuc", CongChuc, true},
		{"Civil servant", CongChuc, true},
		{"viên chức", VienChuc, true},
		{"public employee", VienChuc, true},
		{"Người lao động", NguoiLaoDong, true},
		{"nguoi lao dong", NguoiLaoDong, true},
		{"NLĐ", NguoiLaoDong, true},
		{"worker", NguoiLaoDong, true},
		{"Hội viên/đoàn viên", HoiVien, true},
		{"hội viên", HoiVien, true},
		{"Đoàn viên", HoiVien, true},
		{"hoi vien - doan vien", HoiVien, true},
		{"member", HoiVien, true},
		{"Association member", HoiVien, true},
		{"Nhân dân", NhanDan, true},
		{"người dân", NhanDan, true},
		{"resident", NhanDan, true},
		{"Doanh nghiệp", DoanhNghiep, true},
		{"business", DoanhNghiep, true},
		{"khác", Khac, true},
		{"Other", Khac, true},
		{" Nhân  dân ", NhanDan, true},
		{"Nha\u0302n da\u0302n", NhanDan, true}, // decomposed (NFD)
		{"Học sinh", "", false},
		{"cán", "", false},
		{"x", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseGroup(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseGroup(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	// Every group's own labels and code come back to it.
	for _, g := range Groups {
		for _, s := range []string{string(g), g.Label(i18n.VI), g.Label(i18n.EN), strings.ToUpper(g.Label(i18n.VI))} {
			if got, ok := ParseGroup(s); !ok || got != g {
				t.Errorf("ParseGroup(%q) = %q, %v; want %q", s, got, ok, g)
			}
		}
	}
}

func TestGroupLabel(t *testing.T) {
	if got := HoiVien.Label(i18n.VI); got != "Hội viên/đoàn viên" {
		t.Errorf("HoiVien VI = %q", got)
	}
	if got := CongChuc.Label(i18n.EN); got != "Civil servant" {
		t.Errorf("CongChuc EN = %q", got)
	}
	if got := Group("").Label(i18n.VI); got != "Chưa phân loại" {
		t.Errorf("empty VI = %q", got)
	}
	for _, g := range Groups {
		for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
			if got := g.Label(l); got == "group."+string(g) {
				t.Errorf("%s has no label in %s", g, l)
			}
		}
	}
	if len(Groups) != 8 || Groups[0] != CanBo || Groups[7] != Khac {
		t.Errorf("Groups = %v", Groups)
	}
}

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"", "", true},
		{"  ", "", true},
		{"0912345678", "0912345678", true},
		{"0912 345 678", "0912345678", true},
		{"0912.345.678", "0912345678", true},
		{"0912-345-678", "0912345678", true},
		{"(091) 234 5678", "0912345678", true},
		{"+84 912 345 678", "0912345678", true},
		{"+84912345678", "0912345678", true},
		{"84912345678", "0912345678", true},
		{"0084 912 345 678", "0912345678", true},
		{"912345678", "0912345678", true}, // Excel dropped the zero
		{"387654321", "0387654321", true},
		{"0387654321", "0387654321", true},
		{"0567654321", "0567654321", true},
		{"0707111222", "0707111222", true},
		{"0812345678", "0812345678", true},
		{"028 3812 3456", "02838123456", true}, // landline, Hồ Chí Minh City
		{"(028) 3812 3456", "02838123456", true},
		{"+84 28 3812 3456", "02838123456", true},
		{"2838123456", "02838123456", true}, // landline that lost its zero
		{"0912\u00a0345\u00a0678", "0912345678", true},
		{"12345", "12345", false},
		{"091234500", "091234500", false},     // 9 digits with the zero: one missing
		{"09123456789", "09123456789", false}, // 11 digits mobile
		{"0112345678", "0112345678", false},   // 01 is no prefix
		{"0612345678", "0612345678", false},
		{"0212345678", "0212345678", false}, // landline needs 11 digits
		{"112345678", "112345678", false},
		{"0912345678 / 0987654321", "0912345678/0987654321", false},
		{"9.12346E+08", "912346E+08", false},
		{"abc", "abc", false},
		{"+1 202 555 0100", "+12025550100", false},
	}
	for _, tt := range tests {
		got, ok := NormalizePhone(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestValidCitizenID(t *testing.T) {
	for in, want := range map[string]bool{
		"079203001234":    true,
		" 079203001234 ":  true,
		"001190012345":    true,
		"79203001234":     false,
		"0792030012345":   false,
		"07920300123X":    false,
		"079 203 001 234": false,
		"":                false,
		"０７９２０３００１２３４":    false, // full-width digits are not ASCII
	} {
		if got := ValidCitizenID(in); got != want {
			t.Errorf("ValidCitizenID(%q) = %v", in, got)
		}
	}
}

func TestIsScientific(t *testing.T) {
	for in, want := range map[string]bool{
		"7.9123E+10": true, "7,9123E+10": true, "7.92E+11": true, "1E10": true, "7.9123e10": true,
		"079203001234": false, "E+10": false, "7.9E": false, "7.9E+": false, "abcE+1": false, "": false,
	} {
		if got := isScientific(in); got != want {
			t.Errorf("isScientific(%q) = %v", in, got)
		}
	}
}

func TestHeaderField(t *testing.T) {
	tests := map[string]field{
		"Họ và tên":               fieldName,
		"HỌ VÀ TÊN":               fieldName,
		"ho va ten":               fieldName,
		"Họ tên":                  fieldName,
		"Họ và tên (*)":           fieldName,
		"Họ và tên\n(ghi đầy đủ)": fieldName,
		"Họ tên đầy đủ":           fieldName,
		"Name":                    fieldName,
		"Full name":               fieldName,
		"\ufeffHọ và tên":         fieldName,
		"Đơn vị":                  fieldUnit,
		"don vi":                  fieldUnit,
		"Cơ quan":                 fieldUnit,
		"Unit":                    fieldUnit,
		"Chức vụ":                 fieldPosition,
		"POSITION":                fieldPosition,
		"Thành phần":              fieldGroup,
		"Nhóm":                    fieldGroup,
		"Đối tượng":               fieldGroup,
		"group":                   fieldGroup,
		"Số điện thoại":           fieldPhone,
		"Điện thoại":              fieldPhone,
		"SĐT":                     fieldPhone,
		"SĐT:":                    fieldPhone,
		"phone":                   fieldPhone,
		"Số CCCD":                 fieldID,
		"CCCD":                    fieldID,
		"Căn cước":                fieldID,
		"Số định danh":            fieldID,
		"CMND/CCCD":               fieldID,
		"Số CMND/CCCD":            fieldID,
		"id":                      fieldID,
		"STT":                     fieldSTT,
		"TT":                      fieldSTT,
		"No.":                     fieldSTT,
		"#":                       fieldSTT,
		"Tên đơn vị":              fieldNone,
		"Ghi chú":                 fieldNone,
		"":                        fieldNone,
		"Họ và tên,Đơn vị":        fieldNone, // a header split on the wrong separator
	}
	for in, want := range tests {
		if got := headerField(in); got != want {
			t.Errorf("headerField(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFindCSVHeader(t *testing.T) {
	tests := []struct {
		name, text string
		sep        rune
		skip, line int
		cols       map[field]int
	}{
		{"semicolon", "STT;Họ và tên;Đơn vị\n1;A;B\n", ';', 0, 1, map[field]int{fieldSTT: 0, fieldName: 1, fieldUnit: 2}},
		{"comma", "Họ tên,SĐT\nA,0912345678\n", ',', 0, 1, map[field]int{fieldName: 0, fieldPhone: 1}},
		{"tab", "name\tphone\tid\nA\t\t\n", '\t', 0, 1, map[field]int{fieldName: 0, fieldPhone: 1, fieldID: 2}},
		{"title rows", "DANH SÁCH ĐẠI BIỂU, PHƯỜNG 4;;\n\n;;\nNgày 10/3/2025;;\nSTT;Họ và tên;Chức vụ\n", ';', 3, 5,
			map[field]int{fieldSTT: 0, fieldName: 1, fieldPosition: 2}},
		{"quoted header", "\"Họ và tên\";\"Đơn vị\"\n", ';', 0, 1, map[field]int{fieldName: 0, fieldUnit: 1}},
		{"name only", "Họ và tên\nNguyễn Văn An\n", ';', 0, 1, map[field]int{fieldName: 0}},
		{"any order and case", "SỐ CCCD,đơn vị,HỌ TÊN\n", ',', 0, 1, map[field]int{fieldID: 0, fieldUnit: 1, fieldName: 2}},
		{"multi-line title", "\"DANH SÁCH\nĐẠI BIỂU\"\nHọ tên,Đơn vị\n", ',', 1, 3, map[field]int{fieldName: 0, fieldUnit: 1}},
		{"too deep", strings.Repeat("x\n", 10) + "Họ tên\n", 0, -1, 0, nil},
		{"blank rows do not count", strings.Repeat(";;\n", 20) + "Họ tên;Đơn vị\n", ';', 20, 21, map[field]int{fieldName: 0, fieldUnit: 1}},
		{"none", "a,b,c\n1,2,3\n", 0, -1, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sep, h, skip, line, _ := findCSVHeader(tt.text)
			if skip != tt.skip {
				t.Fatalf("skip = %d, want %d", skip, tt.skip)
			}
			if skip < 0 {
				return
			}
			if sep != tt.sep || line != tt.line {
				t.Errorf("sep %q line %d, want %q line %d", sep, line, tt.sep, tt.line)
			}
			for f := fieldSTT; f < fieldCount; f++ {
				want, ok := tt.cols[f]
				if !ok {
					want = -1
				}
				if h.cols[f] != want {
					t.Errorf("field %d at %d, want %d", f, h.cols[f], want)
				}
			}
		})
	}
}

func TestCleanCell(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn Văn An":           "Nguyễn Văn An",
		"  Nguyễn   Văn\tAn \r\n": "Nguyễn Văn An",
		"Nguye\u0302\u0303n":      "Nguyễn", // NFD in, NFC out
		"Lê\u00a0Văn":             "Lê Văn",
		"":                        "",
		"   ":                     "",
		"\ufeffSTT":               "STT",
		"Trường\nCơ sở 2":         "Trường Cơ sở 2",
	} {
		if got := cleanCell(in); got != want {
			t.Errorf("cleanCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProblemFormat(t *testing.T) {
	p := Problem{Line: 7, Key: "roster.row.id.length", Args: []any{10}}
	if got := p.Format("ds.csv", i18n.VI); got != "ds.csv:7: số CCCD phải có đúng 12 chữ số, ở đây có 10" {
		t.Errorf("VI: %q", got)
	}
	if got := p.Format("ds.csv", i18n.EN); got != "ds.csv:7: the ID number must have exactly 12 digits, this one has 10" {
		t.Errorf("EN: %q", got)
	}
	e := &FileError{Path: "a.csv", Key: "roster.file.empty"}
	if got := e.Error(); got != "a.csv: the file is empty; check the file the unit sent" {
		t.Errorf("Error: %q", got)
	}
	e.Line = 3
	if got := e.Format(i18n.VI); !strings.HasPrefix(got, "a.csv:3: tệp rỗng") {
		t.Errorf("Format: %q", got)
	}
}

func TestRowStringMasksID(t *testing.T) {
	r := Row{Line: 2, Name: "Nguyễn Văn An", CitizenID: "079203001234"}
	for _, s := range []string{r.String(), r.GoString()} {
		if strings.Contains(s, "079203001234") || !strings.Contains(s, "…1234") {
			t.Errorf("String leaks or hides too much: %s", s)
		}
	}
}
