package attendance

import (
	"encoding/json"
	"errors"
	"testing"

	"briefing/internal/record"
	"briefing/internal/search"
)

func ptr(s string) *string { return &s }

// A person taken off the roster is no longer listed, searched or imported
// against, stays in the record of the session they were checked in to, and
// the removal is in the change log as an update whose payload says so.
func TestRemovePersonKeepsTheSessionRecord(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, rosterCSV, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	an := f.people(t)[0]
	if _, err := f.svc.CheckIn(ctx, f.session, an.ID, ByRoster, false); err != nil {
		t.Fatal(err)
	}
	removed, sessions, err := f.svc.RemovePerson(ctx, an.ID)
	if err != nil || removed.ID != an.ID || sessions != 1 {
		t.Fatalf("remove = %+v, %d, %v", removed, sessions, err)
	}
	list, err := f.svc.List(ctx, "")
	if err != nil || len(list) != 2 {
		t.Fatalf("list after remove = %v, %v", list, err)
	}
	for _, p := range list {
		if p.ID == an.ID {
			t.Errorf("removed person listed")
		}
	}
	res, err := f.svc.Resolve(ctx, "Nguyễn Văn An", "")
	if err != nil || res.One != nil || len(res.Candidates) != 0 {
		t.Errorf("search finds the removed person: %+v, %v", res, err)
	}
	if found, err := f.svc.ByCitizenID(ctx, "079203001234"); err != nil || len(found) != 0 {
		t.Errorf("card finds the removed person: %v, %v", found, err)
	}
	attendees, err := f.svc.Attendees(ctx, f.session)
	if err != nil || len(attendees) != 1 || attendees[0].Person.Name != "Nguyễn Văn An" {
		t.Fatalf("the session's record lost them: %+v, %v", attendees, err)
	}
	if _, _, err := f.svc.RemovePerson(ctx, an.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second remove: %v, want ErrNotFound", err)
	}
	changes, err := f.st.Changes(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	last := changes[len(changes)-1]
	var p record.Person
	if err := json.Unmarshal(last.Payload, &p); err != nil || last.Entity != "person" || last.Op != "update" || p.ID != an.ID || p.RemovedAt == nil {
		t.Fatalf("last change = %s %s %s, %v", last.Entity, last.Op, last.Payload, err)
	}
	// The same person in a roster again is someone new on it.
	res2, err := f.importCSV(t, rosterCSV, ImportOptions{})
	if err != nil || res2.Imported != 1 || res2.Unchanged != 2 {
		t.Errorf("import after remove = %+v, %v", res2, err)
	}
}

func TestEditPerson(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, rosterCSV, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	binh := f.people(t)[1]
	p, err := f.svc.EditPerson(ctx, binh.ID, Edit{Unit: ptr("Phường 4"), Group: ptr("hội viên"), Phone: ptr("912 345 000"), Position: ptr("Tổ trưởng")})
	if err != nil || p.Unit != "Phường 4" || p.Group != "hoi_vien" || p.Phone != "0912345000" || p.Position != "Tổ trưởng" || p.Name != binh.Name {
		t.Fatalf("edit = %+v, %v", p, err)
	}
	// The search finds them by the new unit and phone.
	if res, err := f.svc.Resolve(ctx, "Bình", "Phường 4"); err != nil || res.One == nil || res.One.ID != binh.ID {
		t.Errorf("search by the new unit = %+v, %v", res, err)
	}
	if _, err := f.svc.EditPerson(ctx, binh.ID, Edit{Phone: ptr("12345")}); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad phone: %v", err)
	}
	var fe *FieldError
	if _, err := f.svc.EditPerson(ctx, binh.ID, Edit{Name: ptr("")}); !errors.As(err, &fe) || fe.Field != "name" {
		t.Errorf("empty name: %v", err)
	}
	if _, err := f.svc.EditPerson(ctx, binh.ID, Edit{}); !errors.Is(err, ErrNoChange) {
		t.Errorf("no change: %v", err)
	}
	// Cleared with "": the phone goes.
	if p, err := f.svc.EditPerson(ctx, binh.ID, Edit{Phone: ptr("")}); err != nil || p.Phone != "" {
		t.Errorf("clear phone = %+v, %v", p, err)
	}
}

// Undoing an import takes off what it added and gives back what it
// changed, all at once; an import whose people changed since is refused
// with nothing written, and so is one undone already.
func TestUndoImport(t *testing.T) {
	f := newFixture(t)
	first, err := f.importCSV(t, rosterCSV, ImportOptions{File: "a.csv"})
	if err != nil || first.ImportID != 1 {
		t.Fatalf("import = %+v, %v", first, err)
	}
	changed := "STT;Họ và tên;Đơn vị;Thành phần;Số điện thoại\r\n" +
		"1;Trần Minh Châu;Phường 3;công chức;0987654321\r\n" + // group changed
		"2;Võ Văn Đức;Phường 3;Nhân dân;\r\n" // new
	second, err := f.importCSV(t, changed, ImportOptions{File: "b.csv"})
	if err != nil || second.ImportID != 2 || second.Imported != 1 || second.Updated != 1 {
		t.Fatalf("second import = %+v, %v", second, err)
	}
	imports, err := f.svc.Imports(ctx)
	if err != nil || len(imports) != 2 || imports[1].File != "b.csv" || imports[1].Added != 1 || imports[1].Updated != 1 {
		t.Fatalf("imports = %+v, %v", imports, err)
	}

	// Import 1's Trần Minh Châu was changed by import 2: refused, nothing written.
	before := f.people(t)
	var touched *TouchedError
	if _, err := f.svc.UndoImport(ctx, 1); !errors.As(err, &touched) || touched.Count != 1 || touched.People[0].Name != "Trần Minh Châu" {
		t.Fatalf("undo 1 = %v, want a TouchedError naming Trần Minh Châu", err)
	}
	if after := f.people(t); len(after) != len(before) {
		t.Fatalf("a refused undo changed the roster: %d people, were %d", len(after), len(before))
	}

	res, err := f.svc.UndoImport(ctx, 2)
	if err != nil || res.Removed != 1 || res.Restored != 1 {
		t.Fatalf("undo 2 = %+v, %v", res, err)
	}
	people := f.people(t)
	if len(people) != 3 {
		t.Fatalf("people after undo = %v", people)
	}
	for _, p := range people {
		if p.Name == "Trần Minh Châu" && p.Group != "can_bo" {
			t.Errorf("Châu's group = %s, want can_bo back", p.Group)
		}
	}
	if _, err := f.svc.UndoImport(ctx, 2); !errors.Is(err, ErrUndone) {
		t.Errorf("undo 2 again: %v", err)
	}
	if _, err := f.svc.UndoImport(ctx, 9); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo 9: %v", err)
	}
	imports, _ = f.svc.Imports(ctx)
	if imports[1].UndoneAt == nil {
		t.Errorf("import 2 not marked undone: %+v", imports[1])
	}

	// A person of an import checked in since: refused.
	third, err := f.importCSV(t, "Họ và tên;Đơn vị\nHồ Thị Em;Phường 5\n", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	em, err := f.svc.Resolve(ctx, "Hồ Thị Em", "")
	if err != nil || em.One == nil {
		t.Fatal(em, err)
	}
	if _, err := f.svc.CheckIn(ctx, f.session, em.One.ID, ByRoster, false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.UndoImport(ctx, third.ImportID); !errors.As(err, &touched) {
		t.Errorf("undo of an import whose person checked in = %v", err)
	}
}

// A reader of Changes (the desk) is told of people edited or taken off the
// roster after it read it, and a check-in of someone taken off is refused
// (an open desk checked in people an undone import had added).
func TestChangesTellEditsAndRemovals(t *testing.T) {
	f := newFixture(t)
	insertEntries(t, f.st, []search.Entry{{Name: "Trần Thị Yến", Unit: "Phường 4"}, {Name: "Phạm Văn Nhầm", Unit: "Khu phố 6"}})
	people, _, cursor, err := f.svc.Changes(ctx, f.session, Cursor{})
	if err != nil || len(people) != 2 {
		t.Fatalf("first read: %v, %v", people, err)
	}
	unit := "Phường 5"
	if _, err := f.svc.EditPerson(ctx, people[0].ID, Edit{Unit: &unit}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.RemovePerson(ctx, people[1].ID); err != nil {
		t.Fatal(err)
	}
	changed, _, next, err := f.svc.Changes(ctx, f.session, cursor)
	if err != nil || len(changed) != 2 {
		t.Fatalf("changes: %+v, %v", changed, err)
	}
	for _, p := range changed {
		switch p.ID {
		case people[0].ID:
			if p.Unit != "Phường 5" || p.Removed {
				t.Errorf("edited: %+v", p)
			}
		case people[1].ID:
			if !p.Removed {
				t.Errorf("removed: %+v", p)
			}
		}
	}
	if again, _, _, err := f.svc.Changes(ctx, f.session, next); err != nil || len(again) != 0 {
		t.Errorf("told twice: %v, %v", again, err)
	}
	if _, err := f.svc.CheckIn(ctx, f.session, people[1].ID, ByRoster, false); !errors.Is(err, ErrRemoved) {
		t.Errorf("check-in of a removed person: %v", err)
	}
}
