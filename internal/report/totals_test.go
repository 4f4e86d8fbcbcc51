package report

import (
	"slices"
	"testing"

	"briefing/internal/i18n"
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
	add("Phường 3", 1)                      // after "Phuong 3": same folded name
	add("  Phu\u031bo\u031b\u0300ng  3", 1) // NFD and extra spaces: the same unit as "Phường 3"

	got := TotalsByUnit(a, i18n.VI)
	want := []Total{
		{"Ủy ban nhân dân", 3},
		{"Phường 2", 2}, {"Phường 3", 2}, {"phường 9", 2}, {"Phường 10", 2},
		{"An Phú", 1}, {"Ấp Bắc", 1}, {"Phường 1", 1}, {"Phuong 3", 1}, {"Trường THCS Âu Lạc", 1},
		{"Chưa ghi đơn vị", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	// Names equal once folded keep one order: byte order of the names.
	got = TotalsByUnit([]Attendee{{Unit: "Phường 5"}, {Unit: "Phuong 5"}}, i18n.VI)
	if !slices.Equal(got, []Total{{"Phuong 5", 1}, {"Phường 5", 1}}) {
		t.Errorf("folded tie: %v", got)
	}
	if got := TotalsByUnit([]Attendee{{}}, i18n.EN); !slices.Equal(got, []Total{{"No unit given", 1}}) {
		t.Errorf("EN no unit: %v", got)
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
	if units := TotalsByUnit(nil, i18n.VI); len(units) != 0 {
		t.Errorf("units: %v", units)
	}
}
