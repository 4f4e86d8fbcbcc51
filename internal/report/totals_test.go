package report

import (
	"slices"
	"testing"

	"briefing/internal/i18n"
	"briefing/internal/record"
	"briefing/internal/unit"
)

func TestTotalsByGroup(t *testing.T) {
	got := TotalsByGroup(sample().Attendees, i18n.VI)
	want := []Total{
		{"Cán bộ", 1}, {"Công chức", 1}, {"Viên chức", 1}, {"Người lao động", 0},
		{"Hội viên/đoàn viên", 0}, {"Nhân dân", 1}, {"Doanh nghiệp", 1}, {"Khác", 0},
		{"Chưa phân loại", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}

	// No one without a group: no "not given" line. An unknown code shows as itself.
	got = TotalsByGroup([]Attendee{{Group: "khac"}, {Group: "cuu_chien_binh"}}, i18n.EN)
	want = []Total{
		{"Cadre", 0}, {"Civil servant", 0}, {"Public employee", 0}, {"Worker", 0},
		{"Association member", 0}, {"Resident", 0}, {"Business", 0}, {"Other", 1},
		{"cuu_chien_binh", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestTotalsByUnit(t *testing.T) {
	var a []Attendee
	add := func(unit string, n int) {
		for range n {
			a = append(a, Attendee{Unit: unit})
		}
	}
	add("Phường 10", 2)
	add("Phường 2", 2)
	add("phường 9", 2) // case does not matter to the order
	add("", 1)
	add("Ủy ban nhân dân", 3)
	add("Trường THCS Âu Lạc", 1)
	add("An Phú", 1)
	add("Phường 1", 1)
	add("Ấp Bắc", 1)
	add("Phuong 3", 1)
	add("Phường 3", 1)                      // the same unit as "Phuong 3", labelled as first typed
	add("  Phu\u031bo\u031b\u0300ng  3", 1) // NFD and extra spaces: the same unit again

	// No catalog: spellings are grouped by the unit key alone, unmarked.
	got := TotalsByUnit(a, nil, i18n.VI)
	want := []Total{
		{"Phuong 3", 3}, {"Ủy ban nhân dân", 3},
		{"Phường 2", 2}, {"phường 9", 2}, {"Phường 10", 2},
		{"An Phú", 1}, {"Ấp Bắc", 1}, {"Phường 1", 1}, {"Trường THCS Âu Lạc", 1},
		{"Chưa ghi đơn vị", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	if got := TotalsByUnit([]Attendee{{}}, nil, i18n.EN); !slices.Equal(got, []Total{{"No unit given", 1}}) {
		t.Errorf("EN no unit: %v", got)
	}
}

// TestTotalsByUnitCatalog: a ward written six ways is one line under the
// catalog's name, an alias counts under its unit, and a spelling the catalog
// does not know is its own line, marked; ties go in the catalog's order.
func TestTotalsByUnitCatalog(t *testing.T) {
	cat := unit.NewCatalog([]unit.Unit{
		{Meta: record.Meta{ID: "w4"}, Name: "Phường 4", Kind: unit.Ward, SortOrder: 4},
		{Meta: record.Meta{ID: "w10"}, Name: "Phường 10", Kind: unit.Ward, SortOrder: 10},
		{Meta: record.Meta{ID: "tsh"}, Name: "Tân Sơn Hòa", Kind: unit.Ward, SortOrder: 20},
		{Meta: record.Meta{ID: "k"}, Name: "Khác", Kind: unit.Other, SortOrder: 1000},
	}, []unit.Alias{{Meta: record.Meta{ID: "a1"}, UnitID: "tsh", Spelling: "Phường 2 (cũ)"}})
	var a []Attendee
	for _, u := range []string{
		"Phường 4", "P.4", "P4", "phường 04", "UBND Phường 4", "Phuong 4",
		"Phường 99", "", "phuong 2 (cu)", "Phường 2 (cũ)", "Khác", "P.99", "phường 10",
	} {
		a = append(a, Attendee{Name: "x", Unit: u})
	}
	got := TotalsByUnit(a, cat, i18n.VI)
	want := []Total{
		{"Phường 4", 6},
		{"Tân Sơn Hòa", 2}, {"Phường 99 (chưa có trong danh mục)", 2},
		{"Phường 10", 1}, {"Khác", 1},
		{"Chưa ghi đơn vị", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	got = TotalsByUnit([]Attendee{{Unit: "Trường THCS Âu Lạc"}, {Unit: "P4"}}, cat, i18n.EN)
	if want := []Total{{"Phường 4", 1}, {"Trường THCS Âu Lạc (not in the unit list)", 1}}; !slices.Equal(got, want) {
		t.Errorf("EN: got %v, want %v", got, want)
	}
}

func TestCompareNatural(t *testing.T) {
	ordered := []string{"", "phuong", "phuong 1", "phuong 01", "phuong 2", "phuong 2a", "phuong 10", "phuong 10 b", "phuong 100", "to 1"}
	for i := range ordered {
		for j := range ordered {
			c := compareNatural(ordered[i], ordered[j])
			if (i < j && c >= 0) || (i > j && c <= 0) || (i == j && c != 0) {
				t.Errorf("compareNatural(%q, %q) = %d", ordered[i], ordered[j], c)
			}
		}
	}
}

func TestTotalsEmpty(t *testing.T) {
	groups := TotalsByGroup(nil, i18n.VI)
	if len(groups) != len(GroupCodes) {
		t.Fatalf("groups: %v", groups)
	}
	for _, g := range groups {
		if g.Count != 0 {
			t.Errorf("group %v", g)
		}
	}
	if units := TotalsByUnit(nil, nil, i18n.VI); len(units) != 0 {
		t.Errorf("units: %v", units)
	}
}
