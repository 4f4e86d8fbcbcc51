package hub

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/unit"
)

// A device may push any text: a unit or form carrying a terminal escape (a
// window title, a clipboard write) or a bidi override reaches no report.
func TestReportPrintsNoControlCharacters(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, VN)
	f := Facts{Sessions: []FactSession{{ID: "s1", Origin: "d1", Unit: "Phường 4\x1b]52;c;ZXZpbA==\a", Form: "Trực tiếp\u202e", DeckID: "nq57", DeckTitle: "NQ57\x1b[2J", StartedAt: now}}}
	cat := unit.NewCatalog(nil, nil)
	for _, by := range ReportBys {
		rep, err := BuildReport(f, cat, by, time.Time{}, time.Time{}, now, i18n.VI)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range []string{"table", "md", "csv"} {
			var b bytes.Buffer
			if err := WriteReport(&b, rep, format, i18n.VI); err != nil {
				t.Fatal(err)
			}
			if i := strings.IndexFunc(b.String(), func(r rune) bool { return r == 0x1b || r == 0x07 || r == 0x202e }); i >= 0 {
				t.Errorf("by %s as %s: a control character at %d:\n%q", by, format, i, b.String())
			}
		}
	}
}

// The CSV opens in Excel: Vietnamese reads right (a BOM first), and a unit
// or deck title a device pushed as "=HYPERLINK(...)" is text, not a formula.
func TestReportCSVForSpreadsheets(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, VN)
	f := Facts{Sessions: []FactSession{{ID: "s1", Origin: "d1", Unit: `=HYPERLINK("http://x.example","Phường 4")`, Form: "Trực tiếp",
		DeckID: "nq57", DeckTitle: "@SUM(A1)", StartedAt: now}}}
	cat := unit.NewCatalog(nil, nil)
	for _, by := range []string{"unit", "deck"} {
		rep, err := BuildReport(f, cat, by, time.Time{}, time.Time{}, now, i18n.VI)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteReport(&b, rep, "csv", i18n.VI); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.HasPrefix(out, "\uFEFF") {
			t.Errorf("by %s: no BOM: %q", by, out[:min(len(out), 20)])
		}
		for line := range strings.SplitSeq(out, "\n") {
			cell := strings.TrimPrefix(strings.TrimPrefix(line, "\uFEFF"), `"`)
			if strings.HasPrefix(cell, "=") || strings.HasPrefix(cell, "@") {
				t.Errorf("by %s: a formula reaches the spreadsheet: %q", by, line)
			}
		}
	}
}

// A report sent upward says which dates it counts: from the first session
// (or --from) to the day it is made (or --to), never "…".
func TestReportPeriod(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, VN)
	first := time.Date(2025, 7, 14, 8, 0, 0, 0, VN)
	f := Facts{Sessions: []FactSession{{ID: "s2", Unit: "Phường 4", StartedAt: now.AddDate(0, -1, 0)}, {ID: "s1", Unit: "Phường 4", StartedAt: first}}}
	cat := unit.NewCatalog(nil, nil)
	for _, c := range []struct {
		facts    Facts
		from, to time.Time
		want     string
	}{
		{f, time.Time{}, time.Time{}, "Kỳ báo cáo: 14/07/2025 – 05/12/2026"},
		{f, time.Date(2026, 1, 1, 0, 0, 0, 0, VN), time.Date(2026, 2, 1, 0, 0, 0, 0, VN), "Kỳ báo cáo: 01/01/2026 – 31/01/2026"},
		{Facts{}, time.Time{}, time.Time{}, "Kỳ báo cáo: đến 05/12/2026 (chưa có buổi nào)"},
	} {
		rep, err := BuildReport(c.facts, cat, "unit", c.from, c.to, now, i18n.VI)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Period != c.want {
			t.Errorf("from %v to %v: %q, want %q", c.from, c.to, rep.Period, c.want)
		}
	}
}
