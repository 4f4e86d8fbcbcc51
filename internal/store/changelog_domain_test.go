package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"briefing/internal/attendance"
	"briefing/internal/roster"
	"briefing/internal/session"
	"briefing/internal/store"
)

// The writes the desk and a roster import make, through the services that
// make them, meet the change log's contract: a roster import's insert_many
// and update, a walk-in with a card read, a check-in, its undo and a second
// check-in, and the session's moves and end.
func TestDomainWritesMatchTheContract(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sessions := session.New(st, nil)
	s, err := sessions.Start(ctx, session.DeckRef{ID: "nq57", Version: "v1", Title: "NQ 57", Slides: 10, DurationMin: 45},
		session.Info{Title: "Hội nghị Phường 7", Unit: "Phường 7"})
	if err != nil {
		t.Fatal(err)
	}
	att := attendance.New(st, nil)
	importCSV := func(text string) {
		path := filepath.Join(t.TempDir(), "danh-sach.csv")
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		r, err := roster.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if _, err := att.Import(ctx, r, attendance.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	const header = "STT;Họ và tên;Đơn vị;Chức vụ;Thành phần;Số điện thoại\n"
	importCSV(header + "1;Nguyễn Văn An;Phường 7;Tổ trưởng;Nhân dân;0903123456\n2;Đặng Thị Bình;Phường 7;;Công chức;0903123457\n")
	importCSV(header + "1;Nguyễn Văn An;Phường 7;Tổ phó;Nhân dân;0903123456\n")
	walkIn, err := att.RegisterWalkIn(ctx, s.ID, attendance.NewPerson{Name: "Phạm Văn Em", Unit: "Phường 4",
		CitizenID: "079203001234", NoticeShown: true})
	if err != nil {
		t.Fatal(err)
	}
	people, err := att.SamePerson(ctx, "Nguyễn Văn An", "Phường 7")
	if err != nil || len(people) != 1 {
		t.Fatalf("people = %v, %v", people, err)
	}
	if _, err := att.CheckIn(ctx, s.ID, people[0].ID, attendance.ByRoster, false); err != nil {
		t.Fatal(err)
	}
	if _, err := att.Undo(ctx, s.ID, walkIn.Person.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := att.CheckIn(ctx, s.ID, walkIn.Person.ID, attendance.ByRoster, false); err != nil {
		t.Fatal(err)
	}
	if err := sessions.GoTo(ctx, s.ID, 3, 0); err != nil {
		t.Fatal(err)
	}
	if err := sessions.End(ctx, s.ID); err != nil {
		t.Fatal(err)
	}

	seen := map[string]bool{}
	for _, c := range store.CheckChangeLog(t, st) {
		seen[c.Entity+" "+c.Op] = true
	}
	for _, want := range []string{"person insert_many", "person insert", "person update", "attendance insert",
		"attendance update", "session insert", "session update", "slide_view insert", "deck insert"} {
		if !seen[want] {
			t.Errorf("no %s was written; the log has %v", want, seen)
		}
	}
}
