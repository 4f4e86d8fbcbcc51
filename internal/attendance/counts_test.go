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
	want := []Count{{Key: "Phường 4", Count: 7}, {Key: "Phường 2 (cũ)", Count: 2, Unknown: true}, {Key: "Phường 7", Count: 1}, {Key: "", Count: 1}}
	if c.Present != 11 || len(c.ByUnit) != len(want) {
		t.Fatalf("counts = %+v", c)
	}
	for i := range want {
		if c.ByUnit[i] != want[i] {
			t.Errorf("ByUnit[%d] = %+v, want %+v", i, c.ByUnit[i], want[i])
		}
	}
}

// TestTallyExpected: a session of Phường 4 expects the roster's people of
// Phường 4, of the school under it and of a unit the catalog does not know,
// not Phường 7's nor walk-ins; each unit says how many of its expected have
// not come, whichever of Expect and Add comes first.
func TestTallyExpected(t *testing.T) {
	cat := unit.NewCatalog([]unit.Unit{
		{Meta: record.Meta{ID: "4"}, Name: "Phường 4", SortOrder: 4},
		{Meta: record.Meta{ID: "7"}, Name: "Phường 7", SortOrder: 7},
		{Meta: record.Meta{ID: "s"}, Name: "Trường THCS Lê Lợi", ParentID: "4", SortOrder: 8},
	}, nil)
	people := []Person{
		{ID: "a", Unit: "P.4", FromRoster: true},
		{ID: "b", Unit: "Phường 4", FromRoster: true},
		{ID: "c", Unit: "Trường THCS Lê Lợi", FromRoster: true},
		{ID: "d", Unit: "Khu phố 3", FromRoster: true},
		{ID: "e", Unit: "Phường 7", FromRoster: true},
		{ID: "f", Unit: "Phường 4"}, // a walk-in
	}
	expects := Expects(cat, "UBND Phường 4")
	tl := NewTally(cat)
	tl.Add(people[0], 1) // came before the roster was read
	for _, p := range people {
		if expects(p) {
			tl.Expect(p)
		}
	}
	tl.Add(people[4], 1)
	tl.Add(people[5], 1)
	tl.Add(people[2], 1)
	tl.Add(people[2], -1)
	c := tl.Counts()
	if c.Present != 3 || c.Expected != 4 {
		t.Fatalf("present %d expected %d, want 3 and 4", c.Present, c.Expected)
	}
	want := map[string]Count{
		"Phường 4":           {Key: "Phường 4", Count: 2, Expected: 2, NotYet: 1},
		"Phường 7":           {Key: "Phường 7", Count: 1},
		"Trường THCS Lê Lợi": {Key: "Trường THCS Lê Lợi", Expected: 1, NotYet: 1},
		"Khu phố 3":          {Key: "Khu phố 3", Expected: 1, NotYet: 1, Unknown: true},
	}
	if len(c.ByUnit) != len(want) {
		t.Fatalf("ByUnit = %+v", c.ByUnit)
	}
	for _, u := range c.ByUnit {
		if u != want[u.Key] {
			t.Errorf("%s: %+v, want %+v", u.Key, u, want[u.Key])
		}
	}
	if all := Expects(cat, "Hội nghị ngoài danh mục"); !all(people[4]) || all(people[5]) {
		t.Error("a host unit the catalog does not know expects everyone from a roster, and no walk-in")
	}
}
