package attendance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"briefing/internal/i18n"
	"briefing/internal/roster"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/textvi"
)

var ctx = context.Background()

// fixture is a device database with an open session.
type fixture struct {
	dir     string
	st      *store.Store
	svc     *Service
	session string
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := session.New(st, nil).Start(ctx,
		session.DeckRef{ID: "nq57", Version: "v1", Title: "NQ 57", Slides: 10, DurationMin: 45},
		session.Info{Title: "Hội nghị Phường 7"})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{dir: dir, st: st, svc: New(st, nil), session: s.ID}
}

// csvFile writes a roster file and opens it.
func (f *fixture) importCSV(t testing.TB, text string, opt ImportOptions) (ImportResult, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "danh-sach.csv")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := roster.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return f.svc.Import(ctx, r, opt)
}

func (f *fixture) walkIn(t testing.TB, n NewPerson) CheckIn {
	t.Helper()
	c, err := f.svc.RegisterWalkIn(ctx, f.session, n)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fixture) people(t testing.TB) []Person {
	t.Helper()
	var all []Person
	if err := f.svc.EachPerson(ctx, 0, func(p Person) error { all = append(all, p); return nil }); err != nil {
		t.Fatal(err)
	}
	return all
}

const rosterCSV = "STT;Họ và tên;Đơn vị;Thành phần;Số điện thoại;Số CCCD\r\n" +
	"1;Nguyễn Văn An;Phường 7;Công chức;0912345678;079203001234\r\n" +
	"2;Đặng Thị Bình;Phường 7;Nhân dân;;\r\n" +
	"3;Trần Minh Châu;Phường 3;cán bộ;0987654321;\r\n"

func TestCheckInTwiceChangesNothing(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, rosterCSV, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	an := f.people(t)[0]
	first, err := f.svc.CheckIn(ctx, f.session, an.ID, ByRoster, false)
	if err != nil || first.Already || first.Person.Name != "Nguyễn Văn An" {
		t.Fatalf("first check-in = %+v, %v", first, err)
	}
	time.Sleep(5 * time.Millisecond)
	second, err := f.svc.CheckIn(ctx, f.session, an.ID, ByQR, true)
	if err != nil || !second.Already || !second.At.Equal(first.At) || second.Method != ByRoster {
		t.Fatalf("second check-in = %+v, %v; want Already at %v by roster", second, err, first.At)
	}
	counts, err := f.svc.Counts(ctx, f.session)
	if err != nil || counts.Present != 1 {
		t.Fatalf("counts = %+v, %v", counts, err)
	}
}

func TestUndoKeepsATombstoneAndCheckInAgainWorks(t *testing.T) {
	f := newFixture(t)
	c := f.walkIn(t, NewPerson{Name: "Lê Văn Cường", Unit: "Phường 1"})
	if _, err := f.svc.Undo(ctx, f.session, c.Person.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Undo(ctx, f.session, c.Person.ID); !errors.Is(err, ErrNotCheckedIn) {
		t.Fatalf("second undo: %v, want ErrNotCheckedIn", err)
	}
	list, _ := f.svc.Attendees(ctx, f.session)
	if len(list) != 0 {
		t.Fatalf("attendees after undo = %d", len(list))
	}
	_, changes, _, err := f.svc.Changes(ctx, f.session, Cursor{})
	if err != nil || len(changes) != 1 || !changes[0].Undone {
		t.Fatalf("the undone check-in must stay as a tombstone: %+v, %v", changes, err)
	}
	again, err := f.svc.CheckIn(ctx, f.session, c.Person.ID, ByRoster, false)
	if err != nil || again.Already || again.Undone {
		t.Fatalf("check-in after undo = %+v, %v", again, err)
	}
	if counts, _ := f.svc.Counts(ctx, f.session); counts.Present != 1 {
		t.Fatalf("present = %d", counts.Present)
	}
}

func TestEndedSessionTakesNoCheckIn(t *testing.T) {
	f := newFixture(t)
	c := f.walkIn(t, NewPerson{Name: "Phạm Thu Dung"})
	if err := session.New(f.st, nil).End(ctx, f.session); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.RegisterWalkIn(ctx, f.session, NewPerson{Name: "Hồ Văn E"}); !errors.Is(err, ErrEnded) {
		t.Fatalf("walk-in after end: %v", err)
	}
	if _, err := f.svc.Undo(ctx, f.session, c.Person.ID); !errors.Is(err, ErrEnded) {
		t.Fatalf("undo after end: %v", err)
	}
	if _, err := f.svc.CheckIn(ctx, f.session, c.Person.ID, ByRoster, false); !errors.Is(err, ErrEnded) {
		t.Fatalf("check-in after end: %v", err)
	}
	if _, err := f.svc.CheckIn(ctx, f.session, "no-such-person", ByRoster, false); !errors.Is(err, ErrNotFound) {
		t.Fatalf("check-in of an unknown person: %v", err)
	}
	if _, err := f.svc.CheckIn(ctx, "no-such-session", c.Person.ID, ByRoster, false); !errors.Is(err, ErrNotFound) {
		t.Fatalf("check-in to an unknown session: %v", err)
	}
}

func TestWalkInValidation(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		n     NewPerson
		field string
	}{
		{NewPerson{Name: "   "}, "name"},
		{NewPerson{Name: "An", Group: "sinh viên"}, "group"},
		{NewPerson{Name: "An", Phone: "12345"}, "phone"},
		{NewPerson{Name: "An", CitizenID: "07920300123"}, "id"},
		{NewPerson{Name: strings.Repeat("Ă", MaxNameLength+1)}, "name.long"},
		{NewPerson{Name: "An", Unit: strings.Repeat("Phường ", 30)}, "unit.long"},
		{NewPerson{Name: "An", Position: strings.Repeat("ư", MaxPositionLength+1)}, "position.long"},
	} {
		_, err := f.svc.RegisterWalkIn(ctx, f.session, tc.n)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("%+v: %v, want a %s error", tc.n, err, tc.field)
		}
		if err := tc.n.Check(); !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("Check(%+v) = %v, want a %s error", tc.n, err, tc.field)
		}
	}
	if n := len(f.people(t)); n != 0 {
		t.Fatalf("invalid walk-ins saved %d people", n)
	}
	c := f.walkIn(t, NewPerson{Name: " nguyễn  văn\u0301 an ", Unit: "Phường 7", Group: "Nhân dân", Phone: "+84 912 345 678"})
	if c.Person.Group != roster.NhanDan || c.Person.Phone != "0912345678" || c.Method != WalkIn {
		t.Fatalf("walk-in = %+v", c)
	}
	// The limits count characters, not bytes, after spaces are collapsed.
	long := f.walkIn(t, NewPerson{Name: strings.Repeat("Ă", MaxNameLength) + "   ",
		Unit: strings.Repeat("ư", MaxUnitLength), Position: strings.Repeat("ơ", MaxPositionLength)})
	if n := len([]rune(long.Person.Name)); n != MaxNameLength {
		t.Fatalf("a name of the longest length saved as %d characters", n)
	}
	var fe *FieldError
	if err := (NewPerson{Name: "An", Unit: strings.Repeat("x", 140_000)}).Check(); !errors.As(err, &fe) ||
		fe.Value != "140000" || fe.Max != MaxUnitLength || !strings.Contains(err.Error(), "unit is 140000 characters long, over 200") {
		t.Fatalf("a 140 KB unit: %#v, %v", fe, err)
	}
	same, err := f.svc.SamePerson(ctx, "NGUYEN VAN AN", "phuong 7")
	if err != nil || len(same) != 1 {
		t.Fatalf("SamePerson = %v, %v", same, err)
	}
	if same, _ := f.svc.SamePerson(ctx, "Nguyễn Văn An", "Phường 8"); len(same) != 0 {
		t.Fatalf("another unit is not the same person: %v", same)
	}
}

// The citizen-ID number must never reach the disk: not the database, not its
// WAL, not the change log.
func TestCitizenIDNeverWritten(t *testing.T) {
	f := newFixture(t)
	const number = "079203001234"
	if _, err := f.importCSV(t, rosterCSV, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	c := f.walkIn(t, NewPerson{Name: "Võ Thị Giang", CitizenID: "001099012345", NoticeShown: true})
	if c.Method != ByQR || c.Person.IDLast4 != "2345" {
		t.Fatalf("card walk-in = %+v", c)
	}
	found, err := f.svc.ByCitizenID(ctx, number)
	if err != nil || len(found) != 1 || found[0].Name != "Nguyễn Văn An" || found[0].IDLast4 != "1234" {
		t.Fatalf("ByCitizenID = %+v, %v", found, err)
	}
	files, _ := filepath.Glob(filepath.Join(f.dir, "*"))
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{number, "001099012345"} {
			if bytes.Contains(data, []byte(n)) {
				t.Errorf("%s holds the full citizen-ID number %s", filepath.Base(path), n)
			}
		}
	}
}

func TestImportTwiceChangesNothing(t *testing.T) {
	f := newFixture(t)
	res, err := f.importCSV(t, rosterCSV, ImportOptions{})
	if err != nil || res.Imported != 3 || !res.Applied {
		t.Fatalf("first import = %+v, %v", res, err)
	}
	changes, _ := f.st.Changes(ctx, 0, 0)
	res, err = f.importCSV(t, rosterCSV, ImportOptions{})
	if err != nil || res.Imported != 0 || res.Updated != 0 || res.Unchanged != 3 {
		t.Fatalf("second import = %+v, %v", res, err)
	}
	if again, _ := f.st.Changes(ctx, 0, 0); len(again) != len(changes) {
		t.Fatalf("the second import logged %d changes", len(again)-len(changes))
	}
	// A corrected phone and a new group update in place.
	changed := strings.Replace(rosterCSV, "Trần Minh Châu;Phường 3;cán bộ;0987654321", "Trần Minh Châu;Phường 3;công chức;0987654321", 1)
	changed = strings.Replace(changed, "Đặng Thị Bình;Phường 7;Nhân dân;;", "Đặng Thị Bình;Phường 7;Nhân dân;0909123456;", 1)
	res, err = f.importCSV(t, changed, ImportOptions{})
	if err != nil || res.Updated != 2 || res.Unchanged != 1 || res.Imported != 0 {
		t.Fatalf("import of a corrected roster = %+v, %v", res, err)
	}
	if n := len(f.people(t)); n != 3 {
		t.Fatalf("people = %d, want 3", n)
	}
}

func TestImportRejectsAllOnInvalidRows(t *testing.T) {
	f := newFixture(t)
	bad := rosterCSV +
		"4;;Phường 1;Nhân dân;;\r\n" + // empty name
		"\r\n" + // blank: not an error
		"5;Bùi Văn Hải;Phường 2;sinh viên;;\r\n" + // unknown group
		"6;Nguyễn Văn An;Phường 7;Công chức;0912 345 678;079203001234\r\n" // repeats line 2 (a row the same cell for cell is skipped by the reader)
	res, err := f.importCSV(t, bad, ImportOptions{})
	if !errors.Is(err, ErrRejected) || res.Applied || res.Rejected != 3 {
		t.Fatalf("import = %+v, %v", res, err)
	}
	var lines []int
	for _, p := range res.Problems {
		lines = append(lines, p.Line)
	}
	if fmt.Sprint(lines) != "[5 7 8]" {
		t.Errorf("problem lines = %v, want [5 7 8]", lines)
	}
	if n := len(f.people(t)); n != 0 {
		t.Fatalf("a rejected import wrote %d people", n)
	}
	res, err = f.importCSV(t, bad, ImportOptions{SkipInvalid: true})
	if err != nil || res.Imported != 3 || res.Rejected != 3 || !res.Applied {
		t.Fatalf("--skip-invalid = %+v, %v", res, err)
	}
}

// A roster sent again without its phone column (or with the phone cells
// left empty) finds the people stored with phones: nobody is added twice.
// When the name and unit fit several stored people, the row is rejected
// with what to add, rather than matched to one of them at random.
func TestImportWithoutPhonesFindsStoredPeople(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, "Họ và tên,Đơn vị,Điện thoại\nPhan Văn Một,P1,0912000001\n", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	// Capitals and a list without diacritics keep the stored spelling.
	for _, text := range []string{"Họ và tên,Đơn vị\nPHAN VĂN MỘT,p1\n", "Họ và tên,Đơn vị,Điện thoại\nPhan Van Mot,P1,\n"} {
		res, err := f.importCSV(t, text, ImportOptions{})
		if err != nil || res.Imported != 0 || res.Unchanged != 1 {
			t.Fatalf("import of %q = %+v, %v", text, res, err)
		}
	}
	if p := f.people(t)[0]; p.Name != "Phan Văn Một" || p.Unit != "P1" {
		t.Fatalf("stored person became %q, %q", p.Name, p.Unit)
	}
	if _, err := f.importCSV(t, "Họ và tên,Đơn vị,Điện thoại\nPhan Văn Một,P1,0912000002\n", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := len(f.people(t)); n != 2 {
		t.Fatalf("people = %d, want 2 (another phone is another person)", n)
	}
	res, err := f.importCSV(t, "Họ và tên,Đơn vị\nPhan Văn Một,P1\n", ImportOptions{})
	if !errors.Is(err, ErrRejected) || res.Rejected != 1 || len(res.Problems) != 1 || res.Problems[0].Key != "import.ambiguous" {
		t.Fatalf("import of an ambiguous row = %+v, %v", res, err)
	}
	if n := len(f.people(t)); n != 2 {
		t.Fatalf("people = %d after a rejected import, want 2", n)
	}
}

// After an invalid row the summary still counts every valid row: a dry run
// tells the clerk what the file would do once the bad row is fixed.
func TestImportCountsEveryRowAfterARejectedOne(t *testing.T) {
	f := newFixture(t)
	text := "STT,HỌ VÀ TÊN,ĐƠN VỊ,Thành phần\n1,A,P5,cb\n2,B,P5,xyz\n3,C,P5,cc\n"
	for _, opt := range []ImportOptions{{DryRun: true}, {}} {
		res, err := f.importCSV(t, text, opt)
		if res.Imported != 2 || res.Rejected != 1 || res.Applied {
			t.Fatalf("import %+v = %+v, %v", opt, res, err)
		}
	}
	if n := len(f.people(t)); n != 0 {
		t.Fatalf("people = %d, want 0", n)
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	f := newFixture(t)
	res, err := f.importCSV(t, rosterCSV, ImportOptions{DryRun: true, Unit: "Phường 9"})
	if err != nil || res.Imported != 3 || res.Applied {
		t.Fatalf("dry run = %+v, %v", res, err)
	}
	if n := len(f.people(t)); n != 0 {
		t.Fatalf("dry run wrote %d people", n)
	}
}

func TestImportDefaultUnit(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, "Họ tên,Nhóm\nLý Thị Mai,hội viên\n", ImportOptions{Unit: "Hội LHPN Phường 9"}); err != nil {
		t.Fatal(err)
	}
	p := f.people(t)[0]
	if p.Unit != "Hội LHPN Phường 9" || p.Group != roster.HoiVien {
		t.Fatalf("person = %+v", p)
	}
}

// Two processes' handles check people in at once: every check-in lands and
// none fails with "database is locked".
func TestTwoHandlesCheckInAtOnce(t *testing.T) {
	f := newFixture(t)
	var people []Person
	for i := range 40 {
		people = append(people, f.walkIn(t, NewPerson{Name: fmt.Sprintf("Người %02d", i)}).Person)
	}
	for _, p := range people {
		if _, err := f.svc.Undo(ctx, f.session, p.ID); err != nil {
			t.Fatal(err)
		}
	}
	other, err := store.Open(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	services := []*Service{f.svc, New(other, nil)}
	var wg sync.WaitGroup
	errs := make(chan error, len(people))
	for w, svc := range services {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(people); i += 2 {
				if _, err := svc.CheckIn(ctx, f.session, people[i].ID, ByRoster, false); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if counts, _ := f.svc.Counts(ctx, f.session); counts.Present != len(people) {
		t.Fatalf("present = %d, want %d", counts.Present, len(people))
	}
}

func TestChangesResumeAfterCursor(t *testing.T) {
	f := newFixture(t)
	a := f.walkIn(t, NewPerson{Name: "Ngô Văn Khánh", Group: "cán bộ", Unit: "Phường 4"})
	people, checkIns, cur, err := f.svc.Changes(ctx, f.session, Cursor{})
	if err != nil || len(people) != 1 || len(checkIns) != 1 || checkIns[0].Person.ID != a.Person.ID {
		t.Fatalf("first Changes = %v %v %v", people, checkIns, err)
	}
	people, checkIns, cur2, err := f.svc.Changes(ctx, f.session, cur)
	if err != nil || len(people) != 0 || len(checkIns) != 0 || cur2 != cur {
		t.Fatalf("nothing new, got %v %v", people, checkIns)
	}
	f.walkIn(t, NewPerson{Name: "Dương Thị Lan"})
	people, checkIns, _, _ = f.svc.Changes(ctx, f.session, cur)
	if len(people) != 1 || len(checkIns) != 1 || people[0].Name != "Dương Thị Lan" {
		t.Fatalf("after one walk-in: %v %v", people, checkIns)
	}
	counts, _ := f.svc.Counts(ctx, f.session)
	if counts.Present != 2 || len(counts.ByGroup) != 2 || counts.ByUnit[0].Count != 1 {
		t.Fatalf("counts = %+v", counts)
	}
}

// Rows are read ahead in a goroutine. Progress reaches the whole file;
// a cancel during the import writes nothing, and the reader is the caller's
// again (closed here, under -race) as soon as Import returns.
func TestImportProgressAndCancel(t *testing.T) {
	f := newFixture(t)
	path := writeRoster(t, 10_000)

	r, err := roster.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var calls int
	var last, total int64
	res, err := f.svc.Import(ctx, r, ImportOptions{Progress: func(done, all int64) {
		if done < last {
			t.Errorf("progress went back from %d to %d", last, done)
		}
		calls, last, total = calls+1, done, all
	}})
	r.Close()
	if err != nil || res.Imported != 10_000 {
		t.Fatalf("import = %+v, %v", res, err)
	}
	if calls < 3 || last != total || total == 0 {
		t.Errorf("progress: %d calls, last %d of %d", calls, last, total)
	}

	g := newFixture(t)
	r, err = roster.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	_, err = g.svc.Import(cctx, r, ImportOptions{Progress: func(done, all int64) {
		if done > all/3 {
			cancel()
		}
	}})
	r.Close()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: %v", err)
	}
	if n := len(g.people(t)); n != 0 {
		t.Fatalf("a cancelled import wrote %d people", n)
	}
}

// A card scanned for a roster person imported without a citizen ID: the
// clerk says who it is, the check-in keeps the card on that person, and the
// next scan finds them by its number. Nobody is registered twice.
func TestCheckInWithCardLinksTheRosterPerson(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, rosterCSV, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	const number = "079199004321"
	if found, err := f.svc.ByCitizenID(ctx, number); err != nil || len(found) != 0 {
		t.Fatalf("before: ByCitizenID = %v, %v", found, err)
	}
	cands, err := f.svc.WithoutCardNamed(ctx, "ĐẶNG THỊ BÌNH")
	if err != nil || len(cands) != 1 || cands[0].Name != "Đặng Thị Bình" {
		t.Fatalf("WithoutCardNamed = %+v, %v", cands, err)
	}
	if c, _ := f.svc.WithoutCardNamed(ctx, "Nguyễn Văn An"); len(c) != 0 {
		t.Fatalf("a person with a card on file is offered for another card: %+v", c)
	}
	c, err := f.svc.CheckInWithCard(ctx, f.session, cands[0].ID, number)
	if err != nil || c.Already || c.Method != ByQR {
		t.Fatalf("CheckInWithCard = %+v, %v", c, err)
	}
	found, err := f.svc.ByCitizenID(ctx, number)
	if err != nil || len(found) != 1 || found[0].ID != cands[0].ID || found[0].IDLast4 != "4321" {
		t.Fatalf("after: ByCitizenID = %+v, %v", found, err)
	}
	if n := len(f.people(t)); n != 3 {
		t.Fatalf("people = %d, want 3", n)
	}
	again, err := f.svc.CheckInWithCard(ctx, f.session, cands[0].ID, number)
	if err != nil || !again.Already {
		t.Fatalf("the same card again = %+v, %v", again, err)
	}
	if _, err := f.svc.CheckInWithCard(ctx, f.session, cands[0].ID, "079199009999"); !errors.Is(err, ErrOtherCard) {
		t.Fatalf("another card = %v, want ErrOtherCard", err)
	}
}

// Person takes an id or a prefix of at least MinIDPrefix characters, and
// says which of short, unknown or ambiguous a bad one is.
func TestPersonByIDPrefix(t *testing.T) {
	f := newFixture(t)
	a := f.walkIn(t, NewPerson{Name: "Lê An"}).Person
	b := f.walkIn(t, NewPerson{Name: "Lê Bình"}).Person
	if p, err := f.svc.Person(ctx, strings.ToUpper(a.ID[:len(a.ID)-2])); err != nil || p.ID != a.ID {
		t.Fatalf("a unique prefix: %+v, %v", p, err)
	}
	if _, err := f.svc.Person(ctx, a.ID[:MinIDPrefix-1]); !errors.Is(err, ErrInvalid) {
		t.Fatalf("a short prefix: %v, want ErrInvalid", err)
	}
	if _, err := f.svc.Person(ctx, "zzzzzz"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("an unknown id: %v, want ErrNotFound", err)
	}
	common := 0
	for common < len(a.ID) && a.ID[common] == b.ID[common] {
		common++
	}
	if common < MinIDPrefix {
		t.Skipf("ids %s and %s share fewer than %d characters", a.ID, b.ID, MinIDPrefix)
	}
	if _, err := f.svc.Person(ctx, a.ID[:common]); !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("a prefix of both: %v, want ErrAmbiguous", err)
	}
}

// Names that differ only in their diacritics are different people: "Tám" and
// "Tâm" are two names. A list without diacritics or in capitals still finds
// the stored spelling, and a name without diacritics that fits both is
// refused as ambiguous rather than given to one of them.
func TestImportNamesThatDifferInDiacritics(t *testing.T) {
	f := newFixture(t)
	const two = "STT;Họ và tên;Đơn vị\r\n1;Nguyễn Văn Hai;P7\r\n2;Trần Thị Ba;P7\r\n3;Lê Văn Bốn;P7\r\n4;Lê Văn Tám;P7\r\n5;Lê Văn Tâm;P7\r\n"
	res, err := f.importCSV(t, two, ImportOptions{})
	if err != nil || res.Imported != 5 || res.Rejected != 0 {
		t.Fatalf("import of Tám and Tâm = %+v, %v", res, err)
	}
	if res, err := f.importCSV(t, two, ImportOptions{}); err != nil || res.Unchanged != 5 || res.Imported != 0 || res.Updated != 0 {
		t.Fatalf("the same file again = %+v, %v", res, err)
	}
	for _, text := range []string{"Họ và tên;Đơn vị\nLÊ VĂN TÁM;p7\n", "Họ và tên;Đơn vị\nlê văn tâm;P7\n"} {
		if res, err := f.importCSV(t, text, ImportOptions{}); err != nil || res.Unchanged != 1 || res.Imported != 0 {
			t.Fatalf("import of %q = %+v, %v", text, res, err)
		}
	}
	res, err = f.importCSV(t, "Họ và tên;Đơn vị\nLe Van Tam;P7\n", ImportOptions{})
	if !errors.Is(err, ErrRejected) || len(res.Problems) != 1 || res.Problems[0].Key != "import.ambiguous" {
		t.Fatalf("a name without diacritics that fits Tám and Tâm = %+v, %v", res, err)
	}
	var names []string
	for _, p := range f.people(t) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ", "); got != "Nguyễn Văn Hai, Trần Thị Ba, Lê Văn Bốn, Lê Văn Tám, Lê Văn Tâm" {
		t.Fatalf("people = %s", got)
	}

	// In one file: the same spelling twice, or a spelling and the name
	// without diacritics, is one person named twice.
	for _, tc := range []struct{ rows, key string }{
		{"Lê Văn Tám;P1\nLê Văn Tám;P.1\n", "import.duplicate"}, // the same cell for cell is the reader's warning
		{"Lê Văn Tám;P1\nLE VAN TAM;P1\n", "import.duplicate"},
		{"Le Van Tam;P1\nLê Văn Tám;P1\n", "import.duplicate"},
		{"Lê Văn Tám;P1\nLê Văn Tâm;P1\nLe Van Tam;P1\n", "import.ambiguous"},
	} {
		res, err := f.importCSV(t, "Họ và tên;Đơn vị\n"+tc.rows, ImportOptions{DryRun: true})
		if !errors.Is(err, ErrRejected) || len(res.Problems) != 1 || res.Problems[0].Key != tc.key {
			t.Errorf("%q = %+v, %v; want one %s", tc.rows, res, err, tc.key)
		}
	}
}

// Against stored people: a row with diacritics finds only the person whose
// diacritics agree (in either tone placement), or one stored without
// diacritics, who then takes the row's spelling; a row without a phone finds
// the person stored with one only if the names agree.
func TestImportFindsStoredPeopleByTheirDiacritics(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, "Họ và tên,Đơn vị,Điện thoại\nLê Văn Tám,P1,0912000001\nNguyễn Thị Hoà,P1,\nTRAN VAN SAU,P1,\n", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := f.importCSV(t, "Họ và tên,Đơn vị,Điện thoại\nLê Văn Tâm,P1,0912000002\nNguyễn Thị Hòa,P1,\nTrần Văn Sáu,P1,\n", ImportOptions{})
	if err != nil || res.Imported != 1 || res.Updated != 2 {
		t.Fatalf("import = %+v, %v; want Tâm added, Hòa and Sáu updated", res, err)
	}
	for _, tc := range []struct {
		row  string
		want ImportResult
	}{
		{"Lê Văn Tâm,P1", ImportResult{Unchanged: 1}},
		{"LÊ VĂN TÁM,P1", ImportResult{Unchanged: 1}},
		{"Lê Văn Tầm,P1", ImportResult{Imported: 1}},
		{"Le Van Tam,P1", ImportResult{Rejected: 1}},
	} {
		res, err := f.importCSV(t, "Họ và tên,Đơn vị\n"+tc.row+"\n", ImportOptions{DryRun: true})
		got := [4]int{res.Imported, res.Updated, res.Unchanged, res.Rejected}
		if got != [4]int{tc.want.Imported, tc.want.Updated, tc.want.Unchanged, tc.want.Rejected} || (err != nil) != (tc.want.Rejected > 0) {
			t.Errorf("%s without a phone = %+v, %v; want %+v", tc.row, res, err, tc.want)
		}
	}
	var names []string
	for _, p := range f.people(t) {
		names = append(names, p.Name+"|"+p.Phone)
	}
	if got := strings.Join(names, ", "); got != "Lê Văn Tám|0912000001, Nguyễn Thị Hòa|, Trần Văn Sáu|, Lê Văn Tâm|0912000002" {
		t.Fatalf("people = %s", got)
	}
}

// textvi.Marks tells spellings apart and nothing else: not letter case, tone
// placement or the normalisation form.
func TestSameName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Lê Văn Tám", "Lê Văn Tám", true},
		{"Lê Văn Tám", "LÊ VĂN TÁM", true},
		{"Lê Văn Tám", "Le Van Tam", true},
		{"LE VAN TAM", "Lê Văn Tâm", true},
		{"Nguyễn Thị Hoà", "Nguyễn Thị Hòa", true},
		{"Phạm Thị Thuỷ", "PHẠM THỊ THỦY", true},
		{"Đặng Thị Bình", "Ðặng Thị Bình", true}, // Ð: eth
		{"Đặng Thị Bình", "Dang Thi Binh", true},
		{"Lê Văn Tám", "Le\u0302 Va\u0306n Ta\u0301m", true}, // NFD
		{"  Lê   Văn Tám ", "Lê Văn Tám", true},
		{"Lê Văn Tám", "Lê Văn Tâm", false},
		{"Lê Văn Tâm", "Lê Văn Tầm", false},
		{"Lê Văn Tam", "Lê Văn Tâm", false}, // diacritics on the other words: Tam is a name
		{"Đặng Thị Bình", "Đang Thị Bình", false},
		{"Đặng Thị Bình", "Dặng Thị Bình", false},
		{"Lê Văn Tám", "Lê Văn Tá", false},
	} {
		if got := sameName(tc.a, tc.b); got != tc.same {
			t.Errorf("sameName(%q, %q) = %v", tc.a, tc.b, got)
		}
		if got := sameName(tc.b, tc.a); got != tc.same {
			t.Errorf("sameName(%q, %q) = %v", tc.b, tc.a, got)
		}
	}
}

func FuzzSameName(f *testing.F) {
	for _, s := range []string{"Lê Văn Tám", "Nguyễn Thị Hoà", "ĐẶNG THỊ BÌNH", "Ðo\u0323\u0302", "\u0301a", "a \u0309", "Ǆ ǅ ß İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		nfc, nfd := norm.NFC.String(s), norm.NFD.String(s)
		if !sameName(s, s) || textvi.Marks(nfc) != textvi.Marks(nfd) {
			t.Fatalf("%q: not the same name as itself (%q, %q)", s, textvi.Marks(nfc), textvi.Marks(nfd))
		}
		if folded := textvi.Fold(s); textvi.Fold(folded) == folded && !sameName(s, folded) {
			t.Fatalf("%q is not the same name as its folded %q", s, folded)
		}
	})
}

// A walk-in is not warned about someone whose name is spelled otherwise, nor
// is a card offered to them; a name typed without diacritics still is.
func TestSamePersonTellsDiacriticsApart(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, "Họ và tên,Đơn vị\nLê Văn Tâm,Phường 7\n", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{"Lê Văn Tám": 0, "Lê Văn Tam": 0, "LÊ VĂN TÂM": 1, "le van tam": 1} {
		if same, err := f.svc.SamePerson(ctx, name, "phuong 7"); err != nil || len(same) != want {
			t.Errorf("SamePerson(%q) = %v, %v; want %d", name, same, err, want)
		}
		if named, err := f.svc.WithoutCardNamed(ctx, name); err != nil || len(named) != want {
			t.Errorf("WithoutCardNamed(%q) = %v, %v; want %d", name, named, err, want)
		}
	}
}

// A name with no letter (a phone number typed into the search and taken for
// a name) or with a character no name has (a card read through a scanner
// with another keyboard layout) is refused, saying which field and what;
// digits beside letters, as lists tell namesakes apart, are taken.
func TestWalkInNameCharacters(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		n            NewPerson
		field, value string
	}{
		{NewPerson{Name: "09876543210977631706"}, "name.noletter", "09876543210977631706"},
		{NewPerson{Name: " 0912 345 678 "}, "name.noletter", "0912 345 678"},
		{NewPerson{Name: "-- . --"}, "name.noletter", "-- . --"},
		{NewPerson{Name: "Ph?m Th? Lan", CitizenID: "079199004321", NoticeShown: true}, "name.chars", "?"},
		{NewPerson{Name: "Lê <Văn> An"}, "name.chars", "<"},
		{NewPerson{Name: "Lê_Văn_An"}, "name.chars", "_"},
		{NewPerson{Name: "an@phuong7"}, "name.chars", "@"},
		{NewPerson{Name: "Tr\uFFFDn Bình"}, "name.chars", "\uFFFD"},
		{NewPerson{Name: "Lê Văn\x1b[31m An"}, "name.chars", "\x1b"},
		{NewPerson{Name: "0912345678 A"}, "name.digits", "0912345678 A"},
	} {
		var fe *FieldError
		if err := tc.n.Check(); !errors.As(err, &fe) || fe.Field != tc.field || fe.Value != tc.value {
			t.Errorf("Check(%q) = %v, want %s %q", tc.n.Name, err, tc.field, tc.value)
			continue
		}
		if _, err := f.svc.RegisterWalkIn(ctx, f.session, tc.n); !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("RegisterWalkIn(%q) = %v, want a %s error", tc.n.Name, err, tc.field)
		}
		for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
			key := "walkin.field." + fe.Field
			msg := l.T(key, fe.Value)
			if msg == key || strings.Contains(msg, "%!") || !strings.Contains(msg, strconv.Quote(fe.Value)) {
				t.Errorf("%s %s = %q", l, key, msg)
			}
		}
	}
	if n := len(f.people(t)); n != 0 {
		t.Fatalf("refused names saved %d people", n)
	}
	for _, name := range []string{"Lê Văn An (2)", "Nguyễn Văn An 2", "H'Hen Niê", "Nguyễn T. Hoa", "Trần Thị B", "Ksor Y-Ngọc"} {
		if err := (NewPerson{Name: name}).Check(); err != nil {
			t.Errorf("Check(%q) = %v", name, err)
		}
	}
}

// A roster sent again with a name's diacritics corrected, the phone the
// same, updates the person: the phone says who it is.
func TestImportCorrectedSpellingWithThePhoneUpdates(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, "Họ và tên,Đơn vị,Điện thoại\nLê Văn Tâm,P1,0912000001\n", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := f.importCSV(t, "Họ và tên,Đơn vị,Điện thoại\nLê Văn Tám,P1,0912000001\n", ImportOptions{})
	if err != nil || res.Updated != 1 || res.Imported != 0 {
		t.Fatalf("corrected import = %+v, %v", res, err)
	}
	if people := f.people(t); len(people) != 1 || people[0].Name != "Lê Văn Tám" {
		t.Fatalf("people = %+v", people)
	}
}

// sameName is the rule of marksAgree for two whole names.
func sameName(a, b string) bool {
	return textvi.Fold(a) == textvi.Fold(b) && marksAgree(textvi.Marks(a), textvi.Marks(b))
}

// A walk-in's name of invisible characters only is no name; a unit and a
// position keep no escape sequence, bidi override or zero-width space.
func TestWalkInInvisibleTextIsEmpty(t *testing.T) {
	var fe *FieldError
	if err := (NewPerson{Name: "\u200b\ufeff\u2060", Group: "Nhân dân"}).Check(); !errors.As(err, &fe) || fe.Field != "name" {
		t.Errorf("a name of invisible characters: %v", err)
	}
	f := newFixture(t)
	c, err := f.svc.RegisterWalkIn(ctx, f.session, NewPerson{Name: "Lê Văn Tám", Unit: "\x1b[31mPhường 7\u202e", Position: "Cán\u200b bộ\x1b]0;x\a", Group: "Nhân dân"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Person.Unit != "[31mPhường 7" || c.Person.Position != "Cán bộ ]0;x" {
		t.Errorf("kept unit %q, position %q", c.Person.Unit, c.Person.Position)
	}
}

// A walk-in's name loses its bidi overrides and zero-width spaces: kept,
// they hid the person from a search by the same name, and a second walk-in
// of that name was registered without a warning.
func TestWalkInNameDropsFormatCharacters(t *testing.T) {
	f := newFixture(t)
	c, err := f.svc.RegisterWalkIn(ctx, f.session, NewPerson{Name: "Tr\u202ean Van\u200b Zed", Unit: "P\u202e4", Group: "Nhân dân"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Person.Name != "Tran Van Zed" {
		t.Fatalf("kept name %q", c.Person.Name)
	}
	res, err := f.svc.Resolve(ctx, "tran van zed", "")
	if err != nil || res.One == nil || res.One.ID != c.Person.ID {
		t.Fatalf("tran van zed: %+v, %v", res, err)
	}
}

// A name typed in capitals (a walk-in, roster edit) is kept as a roster's
// is read: LƯU BÍCH HẠNH as Lưu Bích Hạnh.
func TestNameInCapitalsTitleCased(t *testing.T) {
	f := newFixture(t)
	c, err := f.svc.RegisterWalkIn(ctx, f.session, NewPerson{Name: "LƯU BÍCH HẠNH", Unit: "Phường 4", Group: "Nhân dân"})
	if err != nil || c.Person.Name != "Lưu Bích Hạnh" {
		t.Fatalf("walk-in: %q, %v", c.Person.Name, err)
	}
	name := "VÕ THÀNH TRUNG"
	p, err := f.svc.EditPerson(ctx, c.Person.ID, Edit{Name: &name})
	if err != nil || p.Name != "Võ Thành Trung" {
		t.Fatalf("edit: %q, %v", p.Name, err)
	}
}
