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
