package attendance

import (
	"errors"
	"testing"
)

// A correction goes through the walk-in's rules: a bad phone is refused by
// field and changes nothing; a good one is saved, the check-in kept, and
// the person is found under the new name.
func TestCorrectPerson(t *testing.T) {
	f := newFixture(t)
	c, err := f.svc.RegisterWalkIn(ctx, f.session, NewPerson{Name: "Hồ Văn Khách", Unit: "Phuong 99"})
	if err != nil {
		t.Fatal(err)
	}
	fix := CorrectionOf(c.Person)
	fix.Unit, fix.Phone = "Phường 9", "12"
	var fe *FieldError
	if _, err := f.svc.CorrectPerson(ctx, c.Person.ID, fix); !errors.As(err, &fe) || fe.Field != "phone" {
		t.Fatalf("bad phone: %v", err)
	}
	if p, _ := f.svc.Person(ctx, c.Person.ID); p.Unit != "Phuong 99" {
		t.Fatalf("a refused correction changed the unit to %q", p.Unit)
	}
	fix.Phone, fix.Name, fix.Position = "0912 000 111", "Hồ Văn Khánh", "Tổ trưởng"
	p, err := f.svc.CorrectPerson(ctx, c.Person.ID, fix)
	if err != nil || p.Unit != "Phường 9" || p.Phone != "0912000111" || p.Position != "Tổ trưởng" {
		t.Fatalf("corrected %+v, %v", p, err)
	}
	list, _ := f.svc.Attendees(ctx, f.session)
	if len(list) != 1 || list[0].Person.Name != "Hồ Văn Khánh" {
		t.Fatalf("attendees = %+v", list)
	}
	if same, _ := f.svc.SamePerson(ctx, "Ho Van Khanh", "Phường 9"); len(same) != 1 {
		t.Fatalf("not found under the new name: %+v", same)
	}
}
