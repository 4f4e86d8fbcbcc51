package main

// End-to-end test of a roster that spells its units many ways: the counters, the unknown
// spellings, the minutes and the desk all count through the unit catalog.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// unitsRoster (testdata/units-roster.csv) writes Phường 4 six ways, the old Phường 2 as
// "Phường 2 (cũ)" (aliased below to the merged ward Tân Sơn Hòa) and one ward that does not
// exist, Phường 99. Its people, in file order, the unit each wrote and the unit a check-in
// names (the catalog's name; an unknown spelling as written):
var unitsRoster = []struct{ name, unit, shown string }{
	{"Nguyễn Văn Bốn", "Phường 4", "Phường 4"},
	{"Trần Thị Bốn", "P.4", "Phường 4"},
	{"Lê Văn Tư", "P4", "Phường 4"},
	{"Phạm Thị Tứ", "phường 04", "Phường 4"},
	{"Hoàng Văn Bốn", "UBND Phường 4", "Phường 4"},
	{"Vũ Thị Tư", "Phuong 4", "Phường 4"},
	{"Đỗ Văn Hai", "Phường 2 (cũ)", "Tân Sơn Hòa"},
	{"Bùi Thị Hai", "Phường 2 (cũ)", "Tân Sơn Hòa"},
	{"Ngô Văn Chín", "Phường 99", "Phường 99"},
}

// TestE2EUnitSpellings: import the roster, alias the old ward, check everyone in by the CLI,
// then session show, unit list --unknown, the Markdown and CSV minutes and the desk's counter
// line all read one line per ward.
func TestE2EUnitSpellings(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	cli := func(args ...string) string {
		t.Helper()
		return mustCLI(t, append([]string{"--data", tm.data}, args...)...)
	}
	cli("roster", "import", filepath.Join("testdata", "units-roster.csv"))
	cli("unit", "add", "Tân Sơn Hòa", "--kind", "ward")
	cli("unit", "alias", "Phường 2 (cũ)", "Tân Sơn Hòa")
	id := tm.startSession("nq57-toan-van")
	for _, p := range unitsRoster {
		// The check-in names the unit as the catalog does (P4 as Phường 4);
		// the record keeps what was typed (the minutes' attendee list, below).
		if out := cli("checkin", "--query", p.name); !strings.Contains(out, "✓ Đã điểm danh: "+p.name+" · "+p.shown) {
			t.Fatalf("checkin --query %q: %s", p.name, out)
		}
	}

	// session show: one counter per ward, the unknown one flagged.
	show := cli("session", "show", id)
	_, byUnit, ok := strings.Cut(show, "Theo đơn vị:\n")
	if !ok {
		t.Fatalf("session show has no counters by unit:\n%s", show)
	}
	byUnit, _, _ = strings.Cut(byUnit, "Câu hỏi:")
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(byUnit), "\n") {
		if !strings.HasPrefix(l, "*") { // the footnote on unknown units
			lines = append(lines, strings.Join(strings.Fields(l), " "))
		}
	}
	if want := []string{"Phường 4: 6", "Tân Sơn Hòa: 2", "Phường 99 *: 1"}; !slices.Equal(lines, want) {
		t.Errorf("session show by unit: %q, want %q\n%s", lines, want, show)
	}

	// unit list --unknown: only the spelling no unit or alias covers.
	var unknown []struct {
		Unit  string `json:"unit"`
		Count int    `json:"count"`
	}
	out := cli("unit", "list", "--unknown", "--json")
	if err := json.Unmarshal([]byte(out), &unknown); err != nil {
		t.Fatalf("unit list --unknown --json: %v\n%s", err, out)
	}
	if len(unknown) != 1 || unknown[0].Unit != "Phường 99" || unknown[0].Count != 1 {
		t.Errorf("unit list --unknown: %+v", unknown)
	}

	// The minutes: one row per ward in the by-unit table.
	md := filepath.Join(t.TempDir(), "bien-ban.md")
	cli("session", "export", id, "-o", md)
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "### 2. Theo đơn vị\n\n| Đơn vị | Số người |\n| --- | ---: |\n")
	if !ok {
		t.Fatalf("the minutes have no by-unit table:\n%s", b)
	}
	table, _, _ = strings.Cut(table, "\n\n")
	want := "| Phường 4 | 6 |\n| Tân Sơn Hòa | 2 |\n| Phường 99 (chưa có trong danh mục) | 1 |\n| **Tổng cộng** | **9** |"
	if table != want {
		t.Errorf("the minutes' by-unit table:\n%s\nwant:\n%s", table, want)
	}
	// The CSV minutes keep each attendee's unit as typed.
	csvPath := filepath.Join(t.TempDir(), "bien-ban.csv")
	cli("session", "export", id, "-o", csvPath)
	if b, err = os.ReadFile(csvPath); err != nil {
		t.Fatal(err)
	}
	for _, p := range unitsRoster {
		if !regexp.MustCompile(`(?m)^\d+,` + regexp.QuoteMeta(p.name+","+p.unit+",")).Match(b) {
			t.Errorf("the CSV minutes' attendance lost %s's unit as typed (%q):\n%s", p.name, p.unit, b)
		}
	}

	// The desk's counter line shows the resolved units.
	p := tm.start("desk", 100, 24, "desk")
	s := waitFor(t, p, "Phường 4: 6", waitTimeout)
	for _, w := range []string{"Tân Sơn Hòa: 2", "Phường 99: 1"} {
		if !strings.Contains(s, w) {
			t.Errorf("the desk's counters lack %q:\n%s", w, frame(s))
		}
	}
	if regexp.MustCompile(`P\.?4: |phường 04: |Phuong 4: |\(cũ\): `).MatchString(s) {
		t.Errorf("the desk counts a spelling of its own:\n%s", frame(s))
	}
}
