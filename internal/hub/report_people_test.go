package hub

import (
	"testing"

	"briefing/internal/unit"
)

// Namesakes of one ward checked in on one laptop are two people; the same
// name on two laptops of one session is one person (a walk-in typed twice);
// a citizen-ID hash is one person wherever it was read.
func TestAttendeesCountNamesakesApart(t *testing.T) {
	cat := unit.NewCatalog(nil, nil)
	in := func(dev, person, name, hash string) FactCheckIn {
		return FactCheckIn{SessionID: "s1", PersonID: person, Origin: dev, NameKey: name, Unit: "Phường 7", IDHash: hash, Group: "nhan_dan"}
	}
	checkIns := []FactCheckIn{
		in("A", "a1", "nguyen thi lan", ""),
		in("A", "a2", "nguyen thi lan", ""), // her namesake, another roster row
		in("A", "a1", "nguyen thi lan", ""), // checked in again
		in("A", "a3", "tran van an", ""),
		in("B", "b1", "nguyen thi lan", ""), // one of A's two, typed on B
		in("B", "b2", "le van binh", ""),
		in("A", "a4", "pham thi dung", "H1"),
		in("B", "b3", "pham thi dung", "H1"), // the same card read on B
		in("B", "b4", "", ""),
	}
	got := attendees(checkIns, cat)
	// Lan ×2, An, Bình, Dung, and the record with no name.
	if len(got) != 6 {
		t.Errorf("%d people, want 6: %+v", len(got), got)
	}
	// Two sessions are counted apart.
	two := append(checkIns, FactCheckIn{SessionID: "s2", PersonID: "a1", Origin: "A", NameKey: "nguyen thi lan", Unit: "Phường 7"})
	if n := len(attendees(two, cat)); n != 7 {
		t.Errorf("with a second session: %d, want 7", n)
	}
}
