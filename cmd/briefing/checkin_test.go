package main

// In-process tests of briefing checkin: the command runs as main runs it,
// on a data directory set up through the domain.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"briefing/internal/attendance"
	"briefing/internal/i18n"
	"briefing/internal/roster"
	"briefing/internal/session"
	"briefing/internal/store"
	bsync "briefing/internal/sync"
)

// checkinData is a data directory with a roster and an open session.
type checkinData struct {
	t    *testing.T
	data string
}

func newCheckinData(t *testing.T, rosterCSV string) checkinData {
	t.Helper()
	d := checkinData{t: t, data: t.TempDir()}
	d.with(func(st *store.Store, att *attendance.Service) {
		ctx := context.Background()
		if _, err := session.New(st, nil).Start(ctx,
			session.DeckRef{ID: "nq57", Version: "v1", Title: "NQ 57", Slides: 10, DurationMin: 45},
			session.Info{Title: "Hội nghị Phường 7"}); err != nil {
			t.Fatal(err)
		}
		if rosterCSV == "" {
			return
		}
		path := filepath.Join(t.TempDir(), "danh-sach.csv")
		if err := os.WriteFile(path, []byte(rosterCSV), 0o600); err != nil {
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
	})
	return d
}

// with opens the data directory's store for fn, and closes it.
func (d checkinData) with(fn func(*store.Store, *attendance.Service)) {
	d.t.Helper()
	st, err := store.Open(d.data)
	if err != nil {
		d.t.Fatal(err)
	}
	defer st.Close()
	fn(st, attendance.New(st, nil, attendance.WithKeys(bsync.IDKeys{Dir: d.data})))
}

// checkinRun is what a command printed on stdout, its exit code, and its
// message on stderr, as main would print them.
type checkinRun struct {
	out, msg string
	code     int
}

func (r checkinRun) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.out, r.msg)
}

func (d checkinData) run(args ...string) checkinRun {
	d.t.Helper()
	out, err := runRoot(d.t, "", append([]string{"--data", d.data}, args...)...)
	r := checkinRun{out: out}
	var ee exitError
	switch {
	case errors.As(err, &ee):
		r.code, r.msg = ee.code, ee.msg
	case err != nil:
		r.code, r.msg = 1, "briefing: "+err.Error()
	}
	return r
}

// expect runs the command and checks its exit code and that its output
// (stdout and stderr) has every one of want and none of not.
func (d checkinData) expect(code int, want, not []string, args ...string) checkinRun {
	d.t.Helper()
	r := d.run(args...)
	if r.code != code {
		d.t.Fatalf("briefing %s: exit %d, want %d\n%s", strings.Join(args, " "), r.code, code, r)
	}
	assertHas(d.t, "briefing "+strings.Join(args, " "), r.out+r.msg, want, not)
	return r
}

func (d checkinData) people() []attendance.Person {
	d.t.Helper()
	var all []attendance.Person
	d.with(func(_ *store.Store, att *attendance.Service) {
		err := att.EachPerson(context.Background(), 0, func(p attendance.Person) error { all = append(all, p); return nil })
		if err != nil {
			d.t.Fatal(err)
		}
	})
	return all
}

func (d checkinData) attendees() []attendance.CheckIn {
	d.t.Helper()
	var list []attendance.CheckIn
	d.with(func(st *store.Store, att *attendance.Service) {
		open, err := session.New(st, nil).Current(context.Background())
		if err != nil || open == nil {
			d.t.Fatalf("open session: %v, %v", open, err)
		}
		if list, err = att.Attendees(context.Background(), open.ID); err != nil {
			d.t.Fatal(err)
		}
	})
	return list
}

// count checks how many people are on the roster and how many checked in.
func (d checkinData) count(what string, people, present int) {
	d.t.Helper()
	if n, m := len(d.people()), len(d.attendees()); n != people || m != present {
		d.t.Fatalf("%s: %d people, %d checked in; want %d and %d", what, n, m, people, present)
	}
}

func (d checkinData) personNamed(name string) attendance.Person {
	d.t.Helper()
	for _, p := range d.people() {
		if p.Name == name {
			return p
		}
	}
	d.t.Fatalf("no %s on the roster", name)
	return attendance.Person{}
}

// binhCard is the card of Đặng Thị Bình, on the roster without an ID number.
const binhCard = "079199004321|272345678|Đặng Thị Bình|01021990|Nữ|12 Lý Thường Kiệt, Phường 7|15082021"

// TestCheckinCardOfRosterPersonWithoutID: a card whose number is on file for
// nobody, but whose name is a roster person's with no card, registers
// nobody: it lists them, --person ID --qr checks that one in and keeps the
// card, and --new registers the holder as someone else.
func TestCheckinCardOfRosterPersonWithoutID(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, deskRosterCSV)
	binh := d.personNamed("Đặng Thị Bình")

	r := d.expect(1, []string{"…4321", binh.ID, "Đặng Thị Bình", "Phường 7", "Nhân dân",
		"briefing checkin --person MÃ --qr", "--new"}, []string{"079199004321"}, "checkin", "--qr", binhCard)
	if !strings.Contains(r.out, "Chỉ lưu họ tên") {
		t.Errorf("the personal-data notice is not shown for a scan:\n%s", r)
	}
	d.count("a card of someone without one on file", 4, 0)
	d.expect(1, []string{"no one has ID card …4321", "these people named Đặng Thị Bình", binh.ID,
		"briefing checkin --person ID --qr PAYLOAD", "--qr PAYLOAD --new"}, []string{"Đã điểm danh"},
		"checkin", "--qr", binhCard, "--lang", "en")

	d.expect(0, []string{"✓ Đã điểm danh: Đặng Thị Bình · Phường 7"}, nil, "checkin", "--person", strings.ToUpper(binh.ID), "--qr", binhCard)
	d.count("--person --qr", 4, 1)
	if a := d.attendees()[0]; a.Method != attendance.ByQR || a.Person.ID != binh.ID {
		t.Fatalf("check-in = %+v, want %s by qr", a, binh.ID)
	}
	if p := d.personNamed("Đặng Thị Bình"); p.IDLast4 != "4321" {
		t.Fatalf("the card is not kept on her: %+v", p)
	}
	// The next scan finds her by the card.
	d.expect(0, []string{"Đặng Thị Bình · Phường 7 đã điểm danh lúc"}, nil, "checkin", "--qr", binhCard)
	d.count("the card again", 4, 1)

	// Another card of her name: she has a card now, so nobody is offered;
	// the holder is registered from the card.
	other := strings.Replace(binhCard, "079199004321", "079199005555", 1)
	d.expect(1, []string{"đã có thẻ CCCD khác", "…5555", "--new"}, []string{"invalid", "card on file"},
		"checkin", "--person", binh.ID, "--qr", other)
	d.expect(0, []string{"✓ Đã điểm danh: Đặng Thị Bình"}, nil, "checkin", "--qr", other)
	d.count("a second Đặng Thị Bình", 5, 2)

	// A card on file for someone else is not moved to the person named.
	an := d.personNamed("Nguyễn Văn An")
	chau := d.personNamed("Trần Minh Châu")
	d.expect(1, []string{"…1234", "Nguyễn Văn An · Phường 7", an.ID, "không kèm --person"}, []string{"079203001234"},
		"checkin", "--person", chau.ID, "--qr", cardPayload)
	d.count("a card on file for someone else", 5, 2)
	d.expect(1, []string{"không có người nào mang mã"}, nil, "checkin", "--person", "ffffffff", "--qr", binhCard)
}

// TestCheckinCardNewHolder: --qr --new registers the card's holder although
// people of the name have no card on file, under the unit the card's address
// names; a card found by its number still checks that person in.
func TestCheckinCardNewHolder(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, deskRosterCSV)
	d.expect(0, []string{"✓ Đã điểm danh: Đặng Thị Bình · Phường 7 lúc"}, nil, "checkin", "--qr", binhCard, "--new")
	d.count("--qr --new", 5, 1)
	d.expect(0, []string{"✓ Đã điểm danh: Nguyễn Văn An · Phường 7"}, nil, "checkin", "--qr", cardPayload, "--new")
	d.count("--new with a card on file", 5, 2)
}

// TestCheckinWalkInTwice: a second walk-in of the same name and unit
// registers nobody and lists the first; --person checks them in, --new
// registers someone else.
func TestCheckinWalkInTwice(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, "")
	d.expect(0, []string{"✓ Đã điểm danh: Lê Văn Mới · Phường 9"}, nil,
		"checkin", "--walk-in", "--name", "Lê Văn Mới", "--unit", "Phường 9", "--phone", "0901234567")
	first := d.personNamed("Lê Văn Mới")
	d.expect(1, []string{"cùng họ tên và đơn vị", "chưa đăng ký ai", first.ID, "Lê Văn Mới", "Phường 9", "ĐT …567",
		"briefing checkin --person MÃ", "--new"}, []string{"✓"},
		"checkin", "--walk-in", "--name", "le van moi", "--unit", "phuong 9")
	d.count("the same walk-in again", 1, 1)
	d.expect(1, []string{"same name and unit", "nobody was registered", first.ID, "--person ID", "--new"}, nil,
		"checkin", "--walk-in", "--name", "Lê Văn Mới", "--unit", "Phường 9", "--lang", "en")
	d.expect(0, []string{"Lê Văn Mới · Phường 9 đã điểm danh lúc"}, nil, "checkin", "--person", first.ID)
	d.count("--person of someone already in", 1, 1)
	d.expect(0, []string{"✓ Đã điểm danh: Lê Văn Mới · Phường 9"}, nil,
		"checkin", "--walk-in", "--name", "Lê Văn Mới", "--unit", "Phường 9", "--new")
	d.count("--new", 2, 2)
	// Another unit is another person.
	d.expect(0, []string{"✓ Đã điểm danh: Lê Văn Mới · Phường 3"}, nil,
		"checkin", "--walk-in", "--name", "Lê Văn Mới", "--unit", "Phường 3")
	d.count("another unit", 3, 3)
	// An invalid walk-in says what is wrong before looking for duplicates.
	d.expect(2, []string{"Số điện thoại"}, nil, "checkin", "--walk-in", "--name", "Lê Văn Mới", "--unit", "Phường 9", "--phone", "12")
}

// TestCheckinQueryCitizenID: a 12-digit query is looked up as a citizen-ID
// number first, and checks the person in as typed (method roster, no
// notice); a number on file for no one registers nobody.
func TestCheckinQueryCitizenID(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, deskRosterCSV)
	d.expect(0, []string{"✓ Đã điểm danh: Nguyễn Văn An · Phường 7"}, []string{"Chỉ lưu"}, "checkin", "--query", "0792 0300 1234")
	if a := d.attendees(); len(a) != 1 || a[0].Method != attendance.ByRoster {
		t.Fatalf("check-ins = %+v, want An by roster", a)
	}
	d.expect(0, []string{"đã điểm danh lúc"}, nil, "checkin", "--query", "079203001234")
	d.expect(1, []string{"…9999", "--query \"Họ và tên\""}, []string{"079203009999"}, "checkin", "--query", "079203009999")
	d.expect(1, []string{"no one on the roster has ID number …9999"}, nil, "checkin", "--query", "079203009999", "--lang", "en")
	d.count("an unknown number", 4, 1)
	// --unit narrows a number too.
	d.expect(1, nil, []string{"✓"}, "checkin", "--query", "079203001234", "--unit", "Phường 3")
}

// TestCheckinManyMatches: the list of matches says how many it leaves out,
// shows what tells people of one name apart, and --unit narrows it.
func TestCheckinManyMatches(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("Họ và tên;Đơn vị;Thành phần;Số điện thoại;Số CCCD\n")
	for i := range 30 {
		fmt.Fprintf(&b, "Nguyễn Văn Hùng;Phường %d;Nhân dân;09123450%02d;0792030012%02d\n", i%3+1, i, i)
	}
	d := newCheckinData(t, b.String())
	r := d.expect(1, []string{"nhiều người khớp \"nguyen van hung\"", "… và 10 người nữa", "--unit", "ĐT …0", "CCCD …12"}, nil,
		"checkin", "--query", "nguyen van hung")
	if n := strings.Count(r.msg, "Nguyễn Văn Hùng"); n != 20 {
		t.Fatalf("%d people listed, want 20:\n%s", n, r)
	}
	d.expect(1, []string{"… and 10 more", "phone …0", "ID …12"}, nil, "checkin", "--query", "nguyen van hung", "--lang", "en")
	r = d.expect(1, []string{"Phường 2"}, []string{"Phường 1", "Phường 3", "người nữa"}, "checkin", "--query", "nguyen van hung", "--unit", "phuong 2")
	if n := strings.Count(r.msg, "Nguyễn Văn Hùng"); n != 10 {
		t.Fatalf("%d people listed in Phường 2, want 10:\n%s", n, r)
	}
	// The phone's last digits and the unit pick one.
	d.expect(0, []string{"✓ Đã điểm danh: Nguyễn Văn Hùng · Phường 2"}, nil, "checkin", "--query", "0912345004", "--unit", "Phường 2")
	d.expect(1, []string{"đơn vị \"Phường 9\"", "bỏ --unit"}, nil, "checkin", "--query", "hung", "--unit", "Phường 9")
	d.count("queries", 30, 1)
}

// TestCheckinFlagsThatDoNotGo: walk-in fields without --walk-in, --unit
// with neither --query nor --walk-in, and --new where nothing is registered
// are refused with exit 2, naming the flag.
func TestCheckinFlagsThatDoNotGo(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, deskRosterCSV)
	an := d.personNamed("Nguyễn Văn An")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--query", "an", "--group", "Nhân dân"}, "--group chỉ dùng khi đăng ký người mới (--walk-in)"},
		{[]string{"--query", "an", "--phone", "0912345678"}, "--phone chỉ dùng"},
		{[]string{"--person", an.ID, "--name", "An"}, "--name chỉ dùng"},
		{[]string{"--qr", cardPayload, "--name", ""}, "--name chỉ dùng"},
		{[]string{"--person", an.ID, "--unit", "Phường 7"}, "--unit chỉ dùng kèm --query"},
		{[]string{"--qr", cardPayload, "--unit", "Phường 7"}, "--unit chỉ dùng kèm --query"},
		{[]string{"--query", "an", "--new"}, "--new chỉ dùng kèm --walk-in hoặc --qr"},
		{[]string{"--person", an.ID, "--qr", cardPayload, "--new"}, "--new chỉ dùng"},
		{[]string{"--query", "an", "--walk-in"}, "chọn đúng một cách"},
		{[]string{"--query", "an", "--qr", cardPayload}, "chọn đúng một cách"},
		{[]string{}, "chọn đúng một cách"},
	} {
		d.expect(2, []string{tc.want}, []string{"✓"}, append([]string{"checkin"}, tc.args...)...)
	}
	d.expect(2, []string{"--group is only for registering someone new (--walk-in)"}, nil,
		"checkin", "--query", "an", "--group", "x", "--lang", "en")
	d.count("refused flags", 4, 0)
}

// TestCheckinPersonIDErrors: a short, ambiguous or unknown --person says so
// in the interface's language, with what to do.
func TestCheckinPersonIDErrors(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, "")
	for _, name := range []string{"Lê An", "Lê Bình"} {
		d.expect(0, nil, nil, "checkin", "--walk-in", "--name", name)
	}
	people := d.people()
	a, b := people[0].ID, people[1].ID
	internals := []string{"invalid", "person id", "prefix matches", "briefing: "}
	d.expect(2, []string{`mã người "zzz" quá ngắn`, "ít nhất 6 ký tự", "--query"}, internals, "checkin", "--person", "zzz")
	d.expect(2, []string{`person id "zzz" is too short`, "at least its first 6 characters"}, []string{"invalid", "briefing: "},
		"checkin", "--person", "zzz", "--lang", "en")
	d.expect(1, []string{`không có người nào mang mã "zzzzzz"`}, internals, "checkin", "--person", "zzzzzz")
	common := 0
	for common < len(a) && a[common] == b[common] {
		common++
	}
	if common < attendance.MinIDPrefix {
		t.Skipf("ids %s and %s share fewer than %d characters", a, b, attendance.MinIDPrefix)
	}
	d.expect(1, []string{"nhiều người có mã bắt đầu bằng", "gõ thêm ký tự"}, internals, "checkin", "--person", a[:common])
	d.expect(1, []string{"several people's ids start with", "type more of the id"}, []string{"prefix matches", "briefing: "},
		"checkin", "--person", a[:common], "--lang", "en")
}

// TestCheckinLengthLimits: a walk-in's name, from the flags or a card, and
// its unit are refused over their limits, naming the field and the limit.
func TestCheckinLengthLimits(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, "")
	d.expect(2, []string{"Họ và tên dài 300 ký tự", "200"}, nil, "checkin", "--walk-in", "--name", strings.Repeat("Â", 300))
	d.expect(2, []string{"The name is 300 characters long", "200"}, nil,
		"checkin", "--walk-in", "--name", strings.Repeat("Â", 300), "--lang", "en")
	d.expect(2, []string{"Đơn vị dài 140000 ký tự", "200"}, nil,
		"checkin", "--walk-in", "--name", "Lê An", "--unit", strings.Repeat("u", 140_000))
	card := strings.Replace(binhCard, "Đặng Thị Bình", strings.TrimSpace(strings.Repeat("Nguyễn ", 57)), 1)
	d.expect(2, []string{"Họ và tên dài 398 ký tự"}, nil, "checkin", "--qr", card)
	d.count("over-long walk-ins", 0, 0)
	d.expect(0, []string{"✓ Đã điểm danh"}, nil, "checkin", "--walk-in", "--name", strings.Repeat("Â", 200), "--unit", strings.Repeat("ư", 200))
}

// TestCheckinCardErrors: a bare number says the code has no name, a number
// with no province code says so, neither registers anyone.
func TestCheckinCardErrors(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, deskRosterCSV)
	d.expect(1, []string{"chỉ có số, không có họ tên", "…7777", "--walk-in --name"}, []string{`("")`, "có thể sai"},
		"checkin", "--qr", "079099007777")
	d.expect(1, []string{"holds only the number, no name"}, nil, "checkin", "--qr", "079099007777", "--lang", "en")
	// A bare number on file is enough.
	d.expect(0, []string{"✓ Đã điểm danh: Nguyễn Văn An"}, nil, "checkin", "--qr", "079203001234")
	bad := strings.Replace(binhCard, "079199004321", "999999004321", 1)
	d.expect(1, []string{"--qr:", "mã tỉnh từ 001 đến 096"}, []string{"Không đọc được số CCCD"}, "checkin", "--qr", bad)
	d.expect(1, []string{"--qr:", "province code"}, nil, "checkin", "--qr", bad, "--lang", "en")
	d.expect(1, []string{"--qr:", "12 chữ số"}, nil, "checkin", "--qr", "không phải mã QR")
	d.count("unreadable cards", 4, 1)
}

// TestCheckinWalkInPhone: the phone message states the rule applied: a
// mobile of 10 digits or a landline of 11 starting 02.
func TestCheckinWalkInPhone(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, "")
	d.expect(0, []string{"✓"}, nil, "checkin", "--walk-in", "--name", "Lê Cố Định", "--phone", "028 3812 3456")
	if p := d.personNamed("Lê Cố Định"); p.Phone != "02838123456" {
		t.Fatalf("landline stored as %q", p.Phone)
	}
	for _, l := range []string{"vi", "en"} {
		r := d.expect(2, []string{"10", "11", "02", "03, 05, 07, 08, 09"}, []string{"bắt đầu bằng 0\"", "starting with 0\""},
			"checkin", "--walk-in", "--name", "Lê Sai Số", "--phone", "0123", "--lang", l)
		if l == "vi" && !strings.Contains(r.msg, "cố định") || l == "en" && !strings.Contains(r.msg, "landline") {
			t.Errorf("the %s phone message does not mention landlines: %s", l, r.msg)
		}
	}
}

// TestCheckinMessagesListTheGroups: every message that lists the groups
// lists them as their labels read, in the plan's order, in each language.
func TestCheckinMessagesListTheGroups(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, "")
	for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
		labels := make([]string, len(roster.Groups))
		for i, g := range roster.Groups {
			labels[i] = g.Label(l)
		}
		list := strings.Join(labels, ", ")
		for _, key := range []string{"walkin.field.group", "cli.help.flag.checkin.group"} {
			if msg := l.T(key, "x"); !strings.Contains(msg, list) {
				t.Errorf("%s (%s) = %q, does not list %q", key, l, msg, list)
			}
		}
		d.expect(2, []string{list}, nil, "checkin", "--walk-in", "--name", "Lê An", "--group", "học sinh", "--lang", string(l))
	}
}

// TestCheckinFieldMessages: every field a walk-in can be refused for has
// its message in the catalog (the desk shows "walkin.field."+Field too),
// and the length messages state the limits the domain applies.
func TestCheckinFieldMessages(t *testing.T) {
	t.Parallel()
	cases := []struct {
		n   attendance.NewPerson
		max int
	}{
		{attendance.NewPerson{}, 0},
		{attendance.NewPerson{Name: "An", Group: "?"}, 0},
		{attendance.NewPerson{Name: "An", Phone: "1"}, 0},
		{attendance.NewPerson{Name: "An", CitizenID: "1"}, 0},
		{attendance.NewPerson{Name: strings.Repeat("a", attendance.MaxNameLength+1)}, attendance.MaxNameLength},
		{attendance.NewPerson{Name: "An", Unit: strings.Repeat("a", attendance.MaxUnitLength+1)}, attendance.MaxUnitLength},
		{attendance.NewPerson{Name: "An", Position: strings.Repeat("a", attendance.MaxPositionLength+1)}, attendance.MaxPositionLength},
	}
	for _, tc := range cases {
		var fe *attendance.FieldError
		if !errors.As(tc.n.Check(), &fe) {
			t.Fatalf("Check(%+v) is not a FieldError", tc.n)
		}
		key := "walkin.field." + fe.Field
		for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
			msg := l.T(key, fe.Value)
			if msg == key {
				t.Errorf("no message %s", key)
			}
			if tc.max > 0 && (fe.Max != tc.max || !strings.Contains(msg, strconv.Itoa(tc.max)) || !strings.Contains(msg, fe.Value)) {
				t.Errorf("%s (%s) = %q, want the length %s and the limit %d", key, l, msg, fe.Value, tc.max)
			}
		}
	}
}

// TestCheckinQueryDiacritics: --query picks as the desk's Enter does
// (attendance.Resolve): the name spelled as typed, where the CLI listed
// both "Lê Văn Tám" and "Lê Văn Tâm" before, and never someone spelled
// otherwise, whom it took before when they were the only match.
func TestCheckinQueryDiacritics(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, "Họ và tên;Đơn vị\nLê Văn Tâm;Phường 7\nLê Văn Tám;Phường 7\nNguyễn Văn Anh;Phường 8\n")
	d.expect(0, []string{"✓ Đã điểm danh: Lê Văn Tám · Phường 7"}, nil, "checkin", "--query", "Lê Văn Tám")
	d.expect(1, []string{"nhiều người khớp", "Lê Văn Tám", "Lê Văn Tâm"}, nil, "checkin", "--query", "Le Van Tam")
	d.expect(1, []string{"nhiều người khớp", "Nguyễn Văn Anh"}, []string{"✓"}, "checkin", "--query", "Nguyễn Văn Ánh")
	d.count("queries", 3, 1)
}

// TestCheckinShowsTheCatalogUnit: a check-in's confirmation, the list of people a query
// matches and attendance list name a person's unit as the catalog does (P.4 is Phường 4),
// as the desk's counters do; --json keeps the unit as typed beside it.
func TestCheckinShowsTheCatalogUnit(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, "STT,HỌ VÀ TÊN,ĐƠN VỊ,Thành phần\n1,Lê Văn Tư,P.4,Nhân dân\n2,Lê Văn Năm,phường 04,Nhân dân\n")
	d.expect(1, []string{"Phường 4"}, []string{"P.4", "phường 04"}, "checkin", "--query", "le van")
	d.expect(0, []string{"Đã điểm danh: Lê Văn Tư · Phường 4"}, []string{"P.4"}, "checkin", "--query", "le van tu", "--unit", "P.4")
	d.expect(0, []string{"Lê Văn Tư · Phường 4", "đã điểm danh lúc"}, []string{"P.4"}, "checkin", "--query", "le van tu")
	d.expect(0, []string{"Lê Văn Tư  Phường 4"}, []string{"P.4"}, "attendance", "list")
	d.expect(0, []string{`"unit": "P.4"`, `"unit_name": "Phường 4"`}, nil, "attendance", "list", "--json")
}
