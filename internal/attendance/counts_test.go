package attendance

import (
	"testing"

	"briefing/internal/record"
	"briefing/internal/unit"
)

// TestTallyCountsResolvedUnits: every spelling of a ward counts on one line;
// an unknown spelling is its own line, flagged; undoing takes a count back.
func TestTallyCountsResolvedUnits(t *testing.T) {
	cat := unit.NewCatalog([]unit.Unit{{Meta: record.Meta{ID: "4"}, Name: "Phường 4", SortOrder: 4}, {Meta: record.Meta{ID: "7"}, Name: "Phường 7", SortOrder: 7}}, nil)
	tl := NewTally(cat)
	for _, u := range []string{"Phường 4", "P.4", "P4", "phường 04", "UBND Phường 4", "Phuong 4", "PHƯỜNG 4", "P.7", "Phường 2 (cũ)", "phuong 2 (cu)", ""} {
		tl.Add(Person{Unit: u}, 1)
	}
	tl.Add(Person{Unit: "p 4"}, 1)
	tl.Add(Person{Unit: "p 4"}, -1)
	c := tl.Counts()
	want := []Count{{"Phường 4", 7, false}, {"Phường 2 (cũ)", 2, true}, {"Phường 7", 1, false}, {"", 1, false}}
	if c.Present != 11 || len(c.ByUnit) != len(want) {
		t.Fatalf("counts = %+v", c)
	}
	for i := range want {
		if c.ByUnit[i] != want[i] {
			t.Errorf("ByUnit[%d] = %+v, want %+v", i, c.ByUnit[i], want[i])
		}
	}
}
