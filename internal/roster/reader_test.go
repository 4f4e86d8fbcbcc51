package roster

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"briefing/internal/i18n"
	"briefing/internal/textvi"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// readAll reads every row of path.
func readAll(t testing.TB, path string) ([]Row, []Problem, error) {
	t.Helper()
	r, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	var rows []Row
	lastDone := int64(0)
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rows, r.Warnings(), err
		}
		done, total := r.Progress()
		if done < lastDone || done > total {
			t.Errorf("progress %d/%d after %d", done, total, lastDone)
		}
		lastDone = done
		rows = append(rows, row)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("Next after the end = %v, want io.EOF", err)
	}
	return rows, r.Warnings(), nil
}

// writeTemp writes data to a file called name in a fresh directory.
func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// want is a row as a test expects it.
type want struct {
	line                     int
	name, unit, group, phone string
	id                       string
	problems                 []string // keys
}

func keys(ps []Problem) []string {
	var ks []string
	for _, p := range ps {
		ks = append(ks, p.Key)
	}
	return ks
}

func checkRows(t *testing.T, rows []Row, wants []want) {
	t.Helper()
	if len(rows) != len(wants) {
		for _, r := range rows {
			t.Log(r)
		}
		t.Fatalf("%d rows, want %d", len(rows), len(wants))
	}
	for i, w := range wants {
		r := rows[i]
		got := want{r.Line, r.Name, r.Unit, string(r.Group), r.Phone, r.CitizenID, keys(r.Problems)}
		if w.unit == "" {
			got.unit = ""
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got, w)
		}
		for _, p := range r.Problems {
			if p.Line != r.Line {
				t.Errorf("row %d: problem line %d, row line %d", i, p.Line, r.Line)
			}
		}
		if !norm.NFC.IsNormalString(r.Name) || !norm.NFC.IsNormalString(r.Unit) {
			t.Errorf("row %d not NFC", i)
		}
	}
}

func TestReadTestdata(t *testing.T) {
	tests := []struct {
		file     string
		rows     []want
		warnings []string
	}{
		{"phuong4.csv", []want{ // BOM, semicolons, CRLF, STT, title rows
			{5, "Nguyễn Văn An", "UBND Phường 4", "can_bo", "0912345678", "079203001234", nil},
			{6, "Trần Thị Bích Ngọc", "", "cong_chuc", "0903123456", "", nil},
			{7, "Lê Hoàng Phúc", "Trường THCS Ngô Sĩ Liên", "vien_chuc", "0938765432", "079089004321", nil},
			{8, "Phạm Minh Đức", "", "doanh_nghiep", "", "", nil},
			{9, "Võ Thị Hồng", "", "nhan_dan", "0387654321", "", nil},
			{10, "Đặng Quốc Huy", "", "hoi_vien", "0707111222", "", nil},
			{11, "Bùi Thị Thu Hà", "Chi nhánh Điện lực Tân Bình", "nguoi_lao_dong", "02838123456", "001190012345", nil},
		}, nil},
		{"tab.txt", []want{ // English headers in another order, an unknown column
			{2, "Nguyễn Thị Mai", "District People's Committee", "cong_chuc", "0912000111", "", nil},
			{3, "Hồ Văn Tâm", "", "nhan_dan", "", "", nil},
			{5, "Lý Thanh Tùng", "Thanh Tùng Co., Ltd.", "doanh_nghiep", "0909876543", "079085001122", nil},
		}, []string{"roster.column.ignored"}},
		{"quoted.csv", []want{ // commas and a line break inside quotes, doubled quotes
			{2, "Nguyễn Văn Bình", "Phòng Văn hóa, Khoa học và Thông tin", "cong_chuc", "0912345001", "", nil},
			{3, "Trần Thị Cúc", "Trường Tiểu học Lê Văn Sỹ Cơ sở 2", "vien_chuc", "0912345002", "", nil},
			{5, `Lê Văn "Tư" Dũng`, `Công ty CP "Ánh Dương", chi nhánh Tân Bình`, "nguoi_lao_dong", "091234500", "", []string{"roster.row.phone"}},
			{6, "Phạm Thị Em", "", "hoi_vien", "0912345004", "", nil},
		}, nil},
		{"invalid.csv", []want{ // blank lines, a row with only its number, rows with problems
			{2, "Nguyễn Văn Hải", "", "nhan_dan", "0912345678", "079203001234", nil},
			{4, "", "", "nhan_dan", "0912345679", "", []string{"roster.row.noname"}},
			{5, "Trần Văn Khoa", "", "", "", "", []string{"roster.row.group"}},
			{8, "Lê Thị Lan", "", "nhan_dan", "12345", "", []string{"roster.row.phone"}},
			{9, "Phạm Văn Minh", "", "nhan_dan", "", "079203001234", nil}, // Excel dropped the 0: put back, with a warning
			{10, "Hoàng Thị Nga", "", "khac", "", "7,92030E+10", []string{"roster.row.id.sci"}},
			{11, "Đỗ Văn Phát", "", "", "0912345678", "07920300123X", []string{"roster.row.id.chars"}},
			{13, "Vũ Thị Quyên", "", "can_bo", "0912345678", "079203001234", nil},
		}, []string{"roster.id.zero.csv"}},
		{"windows-1258.csv", []want{
			{2, "Nguyễn Thị Phương Thảo", "UBND Phường 15", "can_bo", "0912345678", "", nil},
			{3, "Trương Quốc Việt", "Trường THPT Nguyễn Thượng Hiền", "vien_chuc", "0987654321", "", nil},
			{4, "Lưu Đức Dũng", "Khu phố 5", "nhan_dan", "", "", nil},
		}, []string{"roster.encoding.1258"}},
		{"roster.xlsx", []want{
			{4, "Nguyễn Văn An", "UBND Phường 4", "can_bo", "0912345678", "079203001234", nil}, // numbers: zeros put back
			{5, "Trần Thị Bích Ngọc", "", "cong_chuc", "0903123456", "079303005678", nil},      // text
			{7, "Lê Hoàng Phúc", "", "vien_chuc", "0938765432", "079089004321", nil},           // "000000000000" format; row 6 blank
			{8, "Phạm Minh Đức", "", "doanh_nghiep", "", "7.9123E+10", []string{"roster.row.id.sci"}},
			{9, "Võ Thị Hồng", "", "nhan_dan", "", "79203001235", []string{"roster.row.id.eleven"}}, // 11 digits typed as text
			{10, "", "", "khac", "", "", []string{"roster.row.noname"}},
			{11, "Hoàng Thị Lan", "", "nhan_dan", "02838123456", "179203001234", nil},
		}, []string{"roster.xlsx.sheet", "roster.id.zero", "roster.nfc"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rows, warnings, err := readAll(t, filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			checkRows(t, rows, tt.rows)
			if got := keys(warnings); !reflect.DeepEqual(got, tt.warnings) {
				t.Errorf("warnings %v, want %v", got, tt.warnings)
			}
		})
	}
}

func TestWarningsReadWell(t *testing.T) {
	_, warnings, err := readAll(t, "testdata/roster.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	got := warnings[0].Format("roster.xlsx", i18n.VI)
	if got != `roster.xlsx:3: trang tính đầu không có dòng tiêu đề; đọc trang "Danh sách"` {
		t.Errorf("got %q", got)
	}
	_, warnings, _ = readAll(t, "testdata/tab.txt")
	if got := warnings[0].Format("tab.txt", i18n.EN); got != `tab.txt:1: column "Note" is not used and was ignored` {
		t.Errorf("got %q", got)
	}
}

func TestGroupProblemListsGroups(t *testing.T) {
	rows, _, err := readAll(t, "testdata/invalid.csv")
	if err != nil {
		t.Fatal(err)
	}
	msg := rows[2].Problems[0].Format("ds.csv", i18n.VI)
	want := `ds.csv:5: thành phần "Học sinh" không rõ; dùng một trong: Cán bộ, Công chức, Viên chức, Người lao động, Hội viên/đoàn viên, Nhân dân, Doanh nghiệp, Khác (hoặc để trống)`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
}

// TestLineNumbers: a problem on physical line N reports N, also after
// quoted fields spanning lines, blank lines and CRLF.
func TestLineNumbers(t *testing.T) {
	text := "Danh sách\r\n" + // 1 title
		"\r\n" + // 2
		"Họ tên,Đơn vị,SĐT\r\n" + // 3 header
		"An,\"Khu phố 1\r\nTổ 3\r\nẤp 2\",0912345678\r\n" + // 4-6
		"\r\n" + // 7
		"Bình,\"a \"\"b\"\"\",12\r\n" + // 8: bad phone
		"\"Cúc\nDung\",x,0912345678\n" + // 9-10, LF only
		",Khu phố 2,\n" + // 11: no name
		"Em,Khu phố 3,99\n" // 12: bad phone
	path := writeTemp(t, "lines.csv", []byte(text))
	rows, _, err := readAll(t, path)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, r := range rows {
		got = append(got, r.Line)
	}
	if want := []int{4, 8, 9, 11, 12}; !reflect.DeepEqual(got, want) {
		t.Fatalf("lines %v, want %v", got, want)
	}
	if rows[2].Name != "Cúc Dung" {
		t.Errorf("multi-line name = %q", rows[2].Name)
	}
	for i, key := range []string{"", "roster.row.phone", "", "roster.row.noname", "roster.row.phone"} {
		if k := strings.Join(keys(rows[i].Problems), ","); k != key {
			t.Errorf("line %d: problems %q, want %q", rows[i].Line, k, key)
		}
	}
}

func TestBadQuote(t *testing.T) {
	text := "Họ tên,Đơn vị\nAn,Công ty \"Ánh Dương\"\nBình,Khu phố 1\n"
	rows, _, err := readAll(t, writeTemp(t, "q.csv", []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []want{
		{2, "", "", "", "", "", []string{"roster.row.quote"}},
		{3, "Bình", "", "", "", "", nil},
	})
}

// TestUnclosedQuote: a quote never closed does not make the reader swallow
// the rest of a big file into memory.
func TestUnclosedQuote(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Họ tên;Đơn vị\nAn;\"Khu phố 1\n")
	for b.Len() < 3*maxRecordBytes {
		b.WriteString("Nguyễn Văn Bình;Khu phố 2\n")
	}
	_, _, err := readAll(t, writeTemp(t, "open-quote.csv", b.Bytes()))
	var fe *FileError
	if !errors.As(err, &fe) || fe.Key != "roster.file.toolong" || fe.Line != 2 {
		t.Fatalf("err = %#v", err)
	}
}

func TestLongName(t *testing.T) {
	long := strings.Repeat("Nguyễn ", 40)
	text := "Họ tên\n" + long + "\nAn\n"
	rows, _, err := readAll(t, writeTemp(t, "long.csv", []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	if k := keys(rows[0].Problems); len(k) != 1 || k[0] != "roster.row.namelong" {
		t.Errorf("problems %v", k)
	}
	if len(rows[1].Problems) != 0 {
		t.Errorf("short name: %v", rows[1].Problems)
	}
	if got := rows[0].Problems[0].Format("f", i18n.EN); !strings.Contains(got, "279 characters long, more than 200") {
		t.Errorf("got %q", got)
	}
}

func TestNotNFCWarnsOnce(t *testing.T) {
	text := norm.NFD.String("Họ tên\nNguyễn Văn An\nTrần Thị Bé\n")
	rows, warnings, err := readAll(t, writeTemp(t, "nfd.csv", []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Name != "Nguyễn Văn An" || rows[1].Name != "Trần Thị Bé" {
		t.Errorf("rows %v", rows)
	}
	if got := keys(warnings); !reflect.DeepEqual(got, []string{"roster.nfc"}) || warnings[0].Line != 2 {
		t.Errorf("warnings %v", warnings)
	}
}

func TestDuplicateColumn(t *testing.T) {
	_, _, err := readAll(t, writeTemp(t, "dup.csv", []byte("STT,Họ tên,Điện thoại,SĐT\n1,An,,\n")))
	var fe *FileError
	if !errors.As(err, &fe) || fe.Key != "roster.file.duplicate" || fe.Line != 1 {
		t.Fatalf("err = %v", err)
	}
	if got := fe.Format(i18n.VI); !strings.Contains(got, `"Điện thoại" và "SĐT"`) {
		t.Errorf("got %q", got)
	}
}

func TestMissingHeader(t *testing.T) {
	tests := []struct {
		text, key string
		line      int
	}{
		{"Đơn vị;Chức vụ;SĐT\nUBND;Chủ tịch;0912345678\n", "roster.file.noname", 1},
		{"DANH SÁCH\n\nĐơn vị,Số CCCD,Ghi chú\n", "roster.file.noname", 3},
		{"1,2,3\n4,5,6\n", "roster.file.noheader", 0},
	}
	for _, tt := range tests {
		_, err := Open(writeTemp(t, "h.csv", []byte(tt.text)))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Key != tt.key || fe.Line != tt.line {
			t.Errorf("%q: err = %#v, want %s at %d", tt.text, err, tt.key, tt.line)
		}
	}
}

func TestWrongKind(t *testing.T) {
	xlsx, err := os.ReadFile("testdata/roster.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	ole := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...)
	tests := []struct {
		name string
		data []byte
		key  string
	}{
		{"actually-xlsx.csv", xlsx, "roster.file.zipascsv"},
		{"old.csv", ole, "roster.file.xls"},
		{"old.xlsx", ole, "roster.file.xls"},
		{"old.xls", ole, "roster.file.xls"},
		{"scan.csv", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"), "roster.file.pdf"},
		{"scan.xlsx", []byte("%PDF-1.7\n"), "roster.file.pdf"},
		{"export.csv", []byte("<html><body><table><tr><td>Họ tên</td></tr></table>"), "roster.file.markup"},
		{"photo.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "roster.file.binary"},
		{"text.xlsx", []byte("Họ tên,Đơn vị\nAn,UBND\n"), "roster.file.textasxlsx"},
		{"empty.csv", nil, "roster.file.empty"},
		{"bom-only.csv", []byte("\xEF\xBB\xBF\r\n"), "roster.file.empty"},
		{"list.docx", []byte("PK\x03\x04"), "roster.file.ext"},
		{"noext", []byte("Họ tên\n"), "roster.file.ext"},
		{"calc.ods", []byte("PK\x03\x04"), "roster.file.ods"},
		{"calc.csv", append([]byte("PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), make([]byte, 40)...), "roster.file.ods"},
		{"broken.xlsx", []byte("PK\x03\x04 not really a zip"), "roster.file.badxlsx"},
	}
	for _, tt := range tests {
		_, err := Open(writeTemp(t, tt.name, tt.data))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Key != tt.key {
			t.Errorf("%s: err = %v, want %s", tt.name, err, tt.key)
			continue
		}
		for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
			if msg := fe.Format(l); strings.Contains(msg, "roster.") || !strings.HasPrefix(msg, fe.Path+": ") {
				t.Errorf("%s: message %q", tt.name, msg)
			}
		}
	}
	// The checked-in workbook under a .csv name says what it is and what to do.
	_, err = Open("testdata/actually-xlsx.csv")
	if err == nil || !strings.Contains(err.Error(), "really an Excel workbook (.xlsx)") || !strings.Contains(err.Error(), "CSV UTF-8") {
		t.Errorf("err = %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing.csv")); err == nil || !strings.Contains(err.Error(), "cannot open the file: no such file") {
		t.Errorf("missing: %v", err)
	}
	if _, err := Open(t.TempDir() + "/dir.csv/"); err == nil {
		t.Errorf("directory opened")
	}
	_, err = Open("list.pdf")
	if got := err.(*FileError).Format(i18n.VI); !strings.Contains(got, ".csv") || !strings.Contains(got, ".xlsx") {
		t.Errorf("unknown extension: %q", got)
	}
}

// legacyEncode writes lower-case Vietnamese in a legacy encoding, using the
// decoder's own table backwards (one byte per letter where it has one).
func legacyEncode(t *testing.T, s, name string) []byte {
	t.Helper()
	table := map[string]byte{}
	for b := 0x80; b < 0x100; b++ {
		if d, err := textvi.DecodeLegacy([]byte{byte(b)}, name); err == nil {
			table[d] = byte(b)
		}
	}
	var out []byte
	for _, r := range s {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		c, ok := table[string(r)]
		if !ok {
			t.Fatalf("no %s code for %q", name, r)
		}
		out = append(out, c)
	}
	return out
}

func TestLegacyEncoding(t *testing.T) {
	text := "stt;họ và tên;đơn vị\n1;nguyễn văn an;ủy ban nhân dân phường bốn\n2;trần thị bình;trường tiểu học\n"
	data := legacyEncode(t, text, textvi.TCVN3)
	_, err := Open(writeTemp(t, "tcvn3.csv", data))
	var fe *FileError
	if !errors.As(err, &fe) || fe.Key != "roster.file.legacy" || fe.Args[0] != textvi.TCVN3 {
		t.Fatalf("err = %v", err)
	}
	msg := fe.Format(i18n.VI)
	for _, s := range []string{"TCVN3 (ABC)", "Unikey", "CSV UTF-8"} {
		if !strings.Contains(msg, s) {
			t.Errorf("message lacks %q: %s", s, msg)
		}
	}
	// VNI-font text that Excel saved as "CSV UTF-8": valid UTF-8, wrong letters.
	vni := "STT,Hoï vaø teân,Ñôn vò\n1,Nguyeãn Vaên An,UÛy ban nhaân daân phöôøng\n"
	_, err = Open(writeTemp(t, "vni.csv", []byte(vni)))
	if !errors.As(err, &fe) || fe.Key != "roster.file.legacyfont" || fe.Args[0] != textvi.VNIWindows {
		t.Fatalf("err = %v", err)
	}
}

func TestNotUTF8(t *testing.T) {
	// Undefined in Windows-1258 and not legacy Vietnamese: refused.
	data := append([]byte("Ho ten\n"), []byte("An \x81\x8d\x8e\x8f\x90\x9d\x9e\n")...)
	_, err := Open(writeTemp(t, "bad.csv", data))
	var fe *FileError
	if !errors.As(err, &fe) || fe.Key != "roster.file.notutf8" || fe.Line != 2 {
		t.Fatalf("err = %v", err)
	}
}

func TestDamagedUTF8(t *testing.T) {
	// Mostly UTF-8 with one bad byte: read as UTF-8, the bad row flagged.
	text := "Họ tên,Đơn vị\nNguyễn Văn An,Phường 4\nTrần \xff Bình,Phường 5\nLê Văn Cường,Phường 6\n"
	rows, _, err := readAll(t, writeTemp(t, "damaged.csv", []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []want{
		{2, "Nguyễn Văn An", "", "", "", "", nil},
		{3, "Trần \uFFFD Bình", "", "", "", "", []string{"roster.row.encoding"}},
		{4, "Lê Văn Cường", "", "", "", "", nil},
	})
}

func TestUTF16(t *testing.T) {
	// Excel's "Unicode Text": UTF-16LE with a byte order mark, tabs.
	text := "Họ và tên\tĐơn vị\r\nNguyễn Văn An\tUBND Phường 4\r\n"
	le, be := []byte{0xFF, 0xFE}, []byte{0xFE, 0xFF}
	for _, r := range text {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for _, data := range [][]byte{le, be} {
		rows, warnings, err := readAll(t, writeTemp(t, "unicode.txt", data))
		if err != nil {
			t.Fatal(err)
		}
		checkRows(t, rows, []want{{2, "Nguyễn Văn An", "UBND Phường 4", "", "", "", nil}})
		if k := keys(warnings); !reflect.DeepEqual(k, []string{"roster.encoding.utf16"}) {
			t.Errorf("warnings %v", k)
		}
	}
}

// TestHeaderAfterLongTitle: the header is found past many title lines and a
// big first sample, and the separator is the header's.
func TestSeparatorFromHeader(t *testing.T) {
	text := "Danh sách, kèm theo kế hoạch; ngày 1/3\nHọ tên\tĐơn vị\tSĐT\nAn\tPhường 4, Tân Bình\t0912345678\n"
	rows, _, err := readAll(t, writeTemp(t, "sep.txt", []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []want{{3, "An", "Phường 4, Tân Bình", "", "0912345678", "", nil}})
}

func TestProgressBigFile(t *testing.T) {
	path := writeRoster(t, 20000)
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	st, _ := os.Stat(path)
	n := 0
	var last int64
	for {
		_, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		done, total := r.Progress()
		if done < last || total != st.Size() {
			t.Fatalf("progress %d/%d after %d", done, total, last)
		}
		last = done
		n++
	}
	if done, total := r.Progress(); n != 20000 || done != total {
		t.Errorf("%d rows, progress %d/%d", n, done, total)
	}
}

func TestCROnlyLines(t *testing.T) {
	text := "Họ tên;Đơn vị\rNguyễn Văn An;Phường 4\r\rTrần Thị Bé;Phường 5\r"
	rows, _, err := readAll(t, writeTemp(t, "mac.csv", []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []want{
		{2, "Nguyễn Văn An", "Phường 4", "", "", "", nil},
		{4, "Trần Thị Bé", "Phường 5", "", "", "", nil},
	})
}

func TestCellTypes(t *testing.T) {
	c := openCellTypes("testdata/roster.xlsx", "Danh sách")
	defer c.close()
	for _, q := range []struct {
		col, row int
		want     bool
	}{
		{0, 3, false}, // "STT", text
		{6, 4, true},  // 79203001234, a number
		{1, 4, false},
		{6, 5, false}, // "079303005678", text
		{6, 6, false}, // blank row
		{6, 7, true},  // number with a "000000000000" format
		{6, 9, false}, // "79203001235", text
		{6, 11, true},
		{6, 12, false}, // past the end
	} {
		if got := c.numeric(q.col, q.row); got != q.want {
			t.Errorf("numeric(%d, %d) = %v", q.col, q.row, got)
		}
	}
	if c := openCellTypes("testdata/roster.xlsx", "no such sheet"); c.numeric(6, 4) {
		t.Error("missing sheet answered true")
	}
	if c := openCellTypes("testdata/phuong4.csv", "Danh sách"); c.numeric(6, 4) {
		t.Error("not a zip answered true")
	}
}

// TestProgressConcurrent: a progress bar may poll from another goroutine.
func TestProgressConcurrent(t *testing.T) {
	r, err := Open(writeRoster(t, 5000))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	stop := make(chan struct{})
	polled := make(chan int64)
	go func() {
		var last int64
		for {
			select {
			case <-stop:
				polled <- last
				return
			default:
				done, _ := r.Progress()
				if done < last {
					panic("progress went backwards")
				}
				last = done
			}
		}
	}()
	for {
		if _, err := r.Next(); err != nil {
			break
		}
	}
	close(stop)
	<-polled
}

func TestXLSXHeaderErrors(t *testing.T) {
	tests := []struct {
		name string
		rows [][]any
		key  string
		line int
	}{
		{"no header", [][]any{{"Danh sách"}, {1, 2, 3}}, "roster.file.noheader.xlsx", 0},
		{"no name column", [][]any{{"Danh sách"}, nil, {"STT", "Đơn vị", "CCCD"}}, "roster.file.noname", 3},
		{"duplicate", [][]any{{"Họ và tên", "CCCD", "Số CCCD"}}, "roster.file.duplicate", 1},
	}
	for _, tt := range tests {
		f := excelize.NewFile()
		for i, row := range tt.rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if row != nil {
				if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
					t.Fatal(err)
				}
			}
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		_, err = Open(writeTemp(t, "h.xlsx", buf.Bytes()))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Key != tt.key || fe.Line != tt.line {
			t.Errorf("%s: err = %#v", tt.name, err)
		}
	}
}

// A unit or position over its limit is an invalid row, like a long name: a
// pasted paragraph would stretch every list and sheet it appears in.
func TestLongUnitAndPosition(t *testing.T) {
	unit, position := strings.Repeat("Phường ", 30), strings.Repeat("ư", MaxPositionLength+1)
	text := "Họ tên;Đơn vị;Chức vụ\nAn;" + unit + ";\nBình;P1;" + position + "\nChâu;" + strings.Repeat("ư", MaxUnitLength) + ";\n"
	rows, _, err := readAll(t, writeTemp(t, "long.csv", []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	if k := keys(rows[0].Problems); len(k) != 1 || k[0] != "roster.row.unitlong" {
		t.Errorf("long unit: problems %v", k)
	}
	if k := keys(rows[1].Problems); len(k) != 1 || k[0] != "roster.row.positionlong" {
		t.Errorf("long position: problems %v", k)
	}
	if !rows[2].Valid() {
		t.Errorf("a unit of exactly the limit: %v", rows[2].Problems)
	}
	if got := rows[1].Problems[0].Format("f", i18n.VI); !strings.Contains(got, "chức vụ dài 201 ký tự, quá 200") {
		t.Errorf("got %q", got)
	}
}
