package roster

import (
	"reflect"
	"strings"
	"testing"

	"briefing/internal/i18n"
	"github.com/xuri/excelize/v2"
)

// TestRowMoreCellsThanHeader: a row filled beyond the header's columns (a
// comma in an unquoted cell) is invalid, not imported with its cells in
// the wrong columns; empty cells beyond the header (Excel's padding) and
// short rows are fine.
func TestRowMoreCellsThanHeader(t *testing.T) {
	csv := "Họ và tên,Đơn vị,Chức vụ\n" +
		"Nguyễn Văn A,Phường 4, Tân Bình,Chuyên viên\n" + // line 2: shifted
		"Trần Thị B,Phường 5,Cán bộ,,, \n" + // padding
		"Lê Văn C\n" + // short
		"Phạm D,\"Phường 4, Tân Bình\",Chuyên viên\n" // quoted comma
	rows, _, err := readAll(t, writeTemp(t, "r.csv", []byte(csv)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows: %v", len(rows), rows)
	}
	if got := keys(rows[0].Problems); !reflect.DeepEqual(got, []string{"roster.row.cells"}) {
		t.Fatalf("shifted row: problems %v", got)
	}
	p := rows[0].Problems[0]
	if p.Line != 2 {
		t.Errorf("problem on line %d", p.Line)
	}
	if vi, en := p.Message(i18n.VI), p.Message(i18n.EN); !strings.Contains(vi, "dòng có 4 ô nhưng tiêu đề chỉ có 3 cột") ||
		!strings.Contains(vi, "dấu phẩy") || !strings.Contains(en, "the row has 4 cells but the header has 3 columns") ||
		!strings.Contains(en, "comma without quotes") {
		t.Errorf("messages:\n%s\n%s", vi, en)
	}
	for _, r := range rows[1:] {
		if !r.Valid() {
			t.Errorf("line %d: %v", r.Line, r.Problems)
		}
	}
	if rows[3].Unit != "Phường 4, Tân Bình" || rows[3].Position != "Chuyên viên" {
		t.Errorf("quoted row: %v", rows[3])
	}

	// An unknown column counts as a column; a semicolon file names the
	// semicolon.
	rows, _, err = readAll(t, writeTemp(t, "s.csv", []byte("Họ và tên;Ghi chú\nAn;x;y\nBình;z;\n")))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || !reflect.DeepEqual(keys(rows[0].Problems), []string{"roster.row.cells.semicolon"}) || !rows[1].Valid() {
		t.Errorf("semicolon file: %v", rows)
	}
	if !strings.Contains(rows[0].Problems[0].Message(i18n.EN), "3 cells but the header has 2 columns") {
		t.Errorf("message %q", rows[0].Problems[0].Message(i18n.EN))
	}
}

func TestXLSXRowMoreCellsThanHeader(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for cell, row := range map[string][]any{
		"A1": {"Họ và tên", "Đơn vị", "Chức vụ"},
		"A2": {"Nguyễn Văn A", "Phường 4", "Chuyên viên", nil, "ghi chú"},
		"A3": {"Trần Thị B", "Phường 5", nil, " "},
		"A4": {"Lê Văn C"},
	} {
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	rows, warnings, err := readAll(t, writeTemp(t, "c.xlsx", buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// A workbook's cells do not shift: a note beyond the header is ignored,
	// with one warning, and the row stays valid.
	if len(rows) != 3 || !rows[0].Valid() || !rows[1].Valid() || !rows[2].Valid() || rows[0].Position != "Chuyên viên" {
		t.Fatalf("%v", rows)
	}
	if len(warnings) != 1 || warnings[0].Key != "roster.xlsx.extra" || warnings[0].Line != 2 ||
		!strings.Contains(warnings[0].Message(i18n.EN), "this row uses 5 columns, the header has 3") {
		t.Errorf("warnings %+v", warnings)
	}
}
