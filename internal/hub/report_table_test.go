package hub

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/record"
	"briefing/internal/unit"

	"charm.land/lipgloss/v2"
)

func tableFacts() Facts {
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, VN)
	f := Facts{Sessions: []FactSession{
		{ID: "s1", Origin: "d1", Unit: "Phường 4", Form: "Hội nghị trực tiếp", DeckID: "nq57-toan-van", DeckTitle: "Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ", StartedAt: at},
		{ID: "s2", Origin: "d2", Unit: "P.7", Form: "Hội nghị trực tiếp", DeckID: "nq57-toan-van", DeckTitle: "Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ", StartedAt: at},
	}}
	for i, g := range []string{"can_bo", "can_bo", "nhan_dan", "hoi_vien"} {
		f.CheckIns = append(f.CheckIns, FactCheckIn{SessionID: "s1", PersonID: string(rune('a' + i)), Group: g})
	}
	f.CheckIns = append(f.CheckIns, FactCheckIn{SessionID: "s2", PersonID: "z", Group: "nhan_dan"})
	return f
}

// On an 80-column terminal no line of any report is wider than 80 columns,
// and every row's figures are there; on a wide one it is a table whose
// labels read from the left and whose unused columns are left out.
func TestReportTableFitsTheTerminal(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, VN)
	cat := unit.NewCatalog([]unit.Unit{
		{Meta: record.Meta{ID: ward3}, Name: "Phường 3", Kind: unit.Ward},
		{Meta: record.Meta{ID: "01941f29-7c00-7000-8000-000000000004"}, Name: "Phường 4", Kind: unit.Ward},
		{Meta: record.Meta{ID: ward7}, Name: "Phường 7", Kind: unit.Ward},
	}, nil)
	for _, by := range ReportBys {
		rep, err := BuildReport(tableFacts(), cat, by, time.Time{}, time.Time{}, now, i18n.VI)
		if err != nil {
			t.Fatal(err)
		}
		var narrow bytes.Buffer
		if err := WriteTable(&narrow, rep, 80); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(narrow.String(), "\n") {
			if lipgloss.Width(line) > 80 {
				t.Errorf("by %s at 80 columns, a line of %d:\n%s", by, lipgloss.Width(line), narrow.String())
				break
			}
		}
		if !strings.Contains(narrow.String(), "Tổng cộng") {
			t.Errorf("by %s: no totals:\n%s", by, narrow.String())
		}
	}

	rep, _ := BuildReport(tableFacts(), cat, "unit", time.Time{}, time.Time{}, now, i18n.VI)
	var wide bytes.Buffer
	WriteTable(&wide, rep, 200)
	out := wide.String()
	if strings.Contains(out, "Doanh nghiệp") || !strings.Contains(out, "Cán bộ") {
		t.Errorf("the wide table keeps unused columns or drops used ones:\n%s", out)
	}
	if !strings.Contains(out, "\nPhường 4 ") || !strings.Contains(out, "\nPhường 7 ") {
		t.Errorf("labels do not start their lines:\n%s", out)
	}
}
