package report

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"briefing/internal/i18n"
)

// writeXLSX exports a and opens the result again.
func writeXLSX(t *testing.T, a Attendance, l i18n.Lang) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteAttendanceXLSX(&buf, a, l, ict); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cell returns a cell's formatted value.
func cell(t *testing.T, f *excelize.File, sheet, ref string, opts ...excelize.Options) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func row(t *testing.T, f *excelize.File, sheet string, n int) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if n > len(rows) {
		t.Fatalf("%s has %d rows, no row %d", sheet, len(rows), n)
	}
	return rows[n-1]
}

func style(t *testing.T, f *excelize.File, sheet, ref string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// excelSerial is t's wall clock as an Excel date serial (days since 1899-12-30).
func excelSerial(t time.Time) float64 {
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	return wall.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
}

func TestAttendanceXLSX(t *testing.T) {
	a := sample()
	f := writeXLSX(t, a, i18n.VI)
	const sheet, totals = "Điểm danh", "Tổng hợp"
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet, totals}) {
		t.Fatalf("sheets %q", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want the attendance", f.GetActiveSheetIndex())
	}

	// The title block.
	for ref, want := range map[string]string{
		"A1": "Hội nghị quán triệt Nghị quyết 57-NQ/TW",
		"A2": "Đơn vị chủ trì", "C2": "UBND Phường 4",
		"A3": "Địa điểm", "C3": "Hội trường UBND Phường 4",
		"A4": "Thời gian", "C4": "08:00 – 10:30, ngày 15/03/2025",
		"A5": "Số người tham dự", "C5": "6",
	} {
		if got := cell(t, f, sheet, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	if typ, _ := f.GetCellType(sheet, "C5"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("C5 (number present) has type %v, want a number", typ)
	}

	// The table: header, rows in check-in order, bold frozen header.
	header := []string{"STT", "Họ và tên", "Đơn vị", "Chức vụ", "Thành phần", "Thời gian", "Hình thức"}
	if got := row(t, f, sheet, 7); !slices.Equal(got, header) {
		t.Errorf("header %q", got)
	}
	if s := style(t, f, sheet, "B7"); s.Font == nil || !s.Font.Bold {
		t.Errorf("header not bold: %+v", s.Font)
	}
	want := []string{"1", "Nguyễn Văn An", "Phường 10", "Chủ tịch UBND", "Cán bộ", "07:48:05 15/03/2025", "Danh sách"}
	if got := row(t, f, sheet, 8); !slices.Equal(got, want) {
		t.Errorf("row 8 %q\nwant   %q", got, want)
	}
	want = []string{"5", "Võ Thị Hồng", "", "", "Chưa phân loại", "08:04:59 15/03/2025", "Đăng ký tại chỗ"}
	if got := row(t, f, sheet, 12); !slices.Equal(got, want) {
		t.Errorf("row 12 %q\nwant    %q", got, want)
	}
	if rows, _ := f.GetRows(sheet); len(rows) != 7+len(a.Attendees) {
		t.Errorf("%d rows, want %d", len(rows), 7+len(a.Attendees))
	}
	// No apostrophe in XLSX: a string cell is never run as a formula.
	if got := cell(t, f, sheet, "B13"); got != a.Attendees[5].Name {
		t.Errorf("B13 = %q", got)
	}
	if formula, _ := f.GetCellFormula(sheet, "B13"); formula != "" {
		t.Errorf("B13 has a formula %q", formula)
	}

	// Times are dates: a number with the custom format, the wall clock in loc.
	for i, p := range a.Attendees {
		ref := "F" + strconv.Itoa(8+i)
		if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s has type %v, want a number", ref, typ)
		}
		raw := cell(t, f, sheet, ref, excelize.Options{RawCellValue: true})
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Fatalf("%s = %q, not a number", ref, raw)
		}
		if wantV := excelSerial(p.CheckedInAt.In(ict)); math.Abs(v-wantV) > 1e-8 {
			t.Errorf("%s = %v, want %v", ref, v, wantV)
		}
		if s := style(t, f, sheet, ref); s.CustomNumFmt == nil || *s.CustomNumFmt != "hh:mm:ss dd/mm/yyyy" {
			t.Errorf("%s number format %v", ref, s.CustomNumFmt)
		}
	}

	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 7 || panes.TopLeftCell != "A8" {
		t.Errorf("panes %+v, %v: want rows 1-7 frozen", panes, err)
	}
	for col, min := range map[string]float64{"B": 25, "C": 25, "D": 20} {
		if w, _ := f.GetColWidth(sheet, col); w < min {
			t.Errorf("column %s is %v wide, want at least %v", col, w, min)
		}
	}
	if !slices.ContainsFunc(f.GetDefinedName(), func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm.Print_Titles" && d.RefersTo == "'Điểm danh'!$7:$7"
	}) {
		t.Errorf("no print titles: %+v", f.GetDefinedName())
	}

	// Totals: by group, then by unit, each with a total row.
	rows, err := f.GetRows(totals)
	if err != nil {
		t.Fatal(err)
	}
	wantRows := [][]string{
		{"Thành phần", "Số người"},
		{"Cán bộ", "1"}, {"Công chức", "1"}, {"Viên chức", "1"}, {"Người lao động", "0"},
		{"Hội viên/đoàn viên", "0"}, {"Nhân dân", "1"}, {"Doanh nghiệp", "1"}, {"Khác", "0"},
		{"Chưa phân loại", "1"},
		{"Tổng cộng", "6"},
		nil,
		{"Đơn vị", "Số người"},
		{"Phường 2", "2"}, {"+Phường 4", "1"}, {"Công ty TNHH Ánh Dương, Tân Bình", "1"}, {"Phường 10", "1"},
		{"Chưa ghi đơn vị", "1"},
		{"Tổng cộng", "6"},
	}
	if !slices.EqualFunc(rows, wantRows, slices.Equal) {
		t.Errorf("totals\n got %q\nwant %q", rows, wantRows)
	}
	if typ, _ := f.GetCellType(totals, "B11"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("total is not a number: %v", typ)
	}
	if s := style(t, f, totals, "A11"); s.Font == nil || !s.Font.Bold {
		t.Error("total row not bold")
	}
}

func TestAttendanceXLSXEnglish(t *testing.T) {
	a := sample()
	a.Session.EndedAt = nil
	f := writeXLSX(t, a, i18n.EN)
	const sheet, totals = "Attendance", "Totals"
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet, totals}) {
		t.Fatalf("sheets %q", got)
	}
	if got := row(t, f, sheet, 7); !slices.Equal(got, []string{"No.", "Full name", "Unit", "Position", "Group", "Time", "Registered by"}) {
		t.Errorf("header %q", got)
	}
	if got := cell(t, f, sheet, "C4"); got != "from 08:00 15/03/2025 (not ended)" {
		t.Errorf("open session time %q", got)
	}
	if got := row(t, f, sheet, 10); !slices.Equal(got, []string{"3", "Đặng Quốc Việt", "Phường 2", "Giáo viên", "Public employee", "07:57:00 15/03/2025", "ID card scan"}) {
		t.Errorf("row 10 %q", got)
	}
	if got := row(t, f, totals, 1); !slices.Equal(got, []string{"Group", "People"}) {
		t.Errorf("totals header %q", got)
	}
	if got := row(t, f, totals, 11); !slices.Equal(got, []string{"Total", "6"}) {
		t.Errorf("group total %q", got)
	}
}

// TestAttendanceXLSXEmpty: no attendees still gives both sheets, the header,
// and zero totals.
func TestAttendanceXLSXEmpty(t *testing.T) {
	f := writeXLSX(t, Attendance{}, i18n.VI)
	sheet, totals := "Điểm danh", "Tổng hợp"
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || rows[6][0] != "STT" {
		t.Errorf("rows %q, want the title block and the header", rows)
	}
	if got := cell(t, f, sheet, "A1"); got != "Danh sách người tham dự" {
		t.Errorf("untitled session A1 = %q", got)
	}
	if got := cell(t, f, sheet, "C5"); got != "0" {
		t.Errorf("present = %q", got)
	}
	rows, err = f.GetRows(totals)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Thành phần", "Số người"}}
	for _, code := range GroupCodes {
		want = append(want, []string{i18n.VI.T("group." + code), "0"})
	}
	want = append(want, []string{"Tổng cộng", "0"}, nil, []string{"Đơn vị", "Số người"}, []string{"Tổng cộng", "0"})
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("totals\n got %q\nwant %q", rows, want)
	}
}

// TestSheetNames: the catalog's sheet names are valid Excel sheet names.
func TestSheetNames(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, key := range []string{"report.sheet.attendance", "report.sheet.totals"} {
			name := l.T(key)
			if name == key || len([]rune(name)) > 31 || strings.ContainsAny(name, `[]:*?/\`) ||
				strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
				t.Errorf("%s %s: %q is not a valid sheet name", l, key, name)
			}
		}
	}
}

// TestXLSXColumnsInOrder: Excel wants a sheet's <col> elements in ascending
// order (the stream writer puts each new one first), and no row-wide style
// that would spread the table's borders over the whole row.
func TestXLSXColumnsInOrder(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteAttendanceXLSX(&buf, sample(), i18n.VI, ict); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	colMin := regexp.MustCompile(`<col min="(\d+)"`)
	for _, name := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		r, err := z.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		xml, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, m := range colMin.FindAllSubmatch(xml, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if n <= prev {
				t.Errorf("%s: column %d after column %d", name, n, prev)
			}
			prev = n
		}
		if prev == 0 {
			t.Errorf("%s: no column widths", name)
		}
		if bytes.Contains(xml, []byte("customFormat")) {
			t.Errorf("%s: a row has a style", name)
		}
	}
}
