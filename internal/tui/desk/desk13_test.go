package desk

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefing/internal/attendance"
	"briefing/internal/i18n"
	"briefing/internal/roster"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/encoding/charmap"
)

// typedSearch types text and delivers the search the runtime would, with
// what its commands answer (the ID lookup).
func typedSearch(t *testing.T, m Model, text string) Model {
	t.Helper()
	for _, k := range keys(text) {
		m, _ = m.update(k)
	}
	m, cmd := m.update(searchMsg{gen: m.searchGen})
	return run(t, m, drain(cmd)...)
}

// A 12-digit ID number typed shows its holder before Enter, not "no one
// matches — Enter for a walk-in"; Enter then checks the holder in.
func TestTypedCitizenIDShowsMatchAsTyped(t *testing.T) {
	m, svc, s := newDesk(t, attendance.NewPerson{Name: "Trần Quốc Toản", Unit: "Phường 5", CitizenID: "079088001234"})
	m = typedSearch(t, m, "079088001234")
	view := m.View()
	if len(m.rows) != 1 || m.rows[0].person.Name != "Trần Quốc Toản" || !strings.Contains(view, "Người có CCCD …1234") {
		t.Fatalf("rows %v, view:\n%s", m.rows, view)
	}
	if strings.Contains(view, "Không thấy") || strings.Contains(view, "đăng ký tại chỗ") {
		t.Fatalf("the holder was found, yet the desk offers a walk-in:\n%s", view)
	}
	m = run(t, m, enter)
	list, _ := svc.Attendees(context.Background(), s.ID)
	if len(list) != 1 || list[0].Person.Name != "Trần Quốc Toản" || list[0].Method != attendance.ByRoster {
		t.Fatalf("attendees = %+v", list)
	}
	m = typedSearch(t, m, "079088009999")
	if view := m.View(); len(m.rows) != 0 || !strings.Contains(view, "Không ai có CCCD …9999") {
		t.Fatalf("unknown number, rows %v:\n%s", m.rows, view)
	}
}

// rosterDesk is a desk on a session hosted by host over a roster imported
// from csv (people from a roster, so expected), at width x height.
func rosterDesk(t *testing.T, host, csv string, width, height int) (Model, *attendance.Service, session.Session) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	sessions := session.New(st, nil)
	s, err := sessions.Start(ctx, session.DeckRef{ID: "nq57", Version: "v1", Title: "NQ 57", Slides: 10}, session.Info{Title: "Hội nghị", Unit: host})
	if err != nil {
		t.Fatal(err)
	}
	svc := attendance.New(st, nil)
	path := filepath.Join(t.TempDir(), "danh-sach.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := roster.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := svc.Import(ctx, r, attendance.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, svc, sessions, s)
	bk, err := loadBook(ctx, svc, s.ID, s.Info.Unit)
	if err != nil {
		t.Fatal(err)
	}
	m, _ = m.update(loadedMsg{book: bk})
	m, _ = m.update(tea.WindowSizeMsg{Width: width, Height: height})
	return m, svc, s
}

const wardRoster = "Họ và tên,Đơn vị,Điện thoại\n" +
	"Phan Văn Một,Phường 4,0912000001\n" +
	"Lê Thị Hai,P.4,0912000002\n" +
	"Võ Văn Ba,Phường 4,0912000003\n" +
	"Đỗ Thị Bốn,Phường 7,0912000004\n"

// The counters say present against expected, "Có mặt 1/3" for a session
// of Phường 4 (Phường 7's person is not expected), and by unit how many
// have not come yet, in both layouts.
func TestCountersPresentAgainstExpected(t *testing.T) {
	for _, w := range []int{80, 160} {
		m, _, _ := rosterDesk(t, "Phường 4", wardRoster, w, 45)
		m = run(t, m, append(keys("phan van mot"), enter)...)
		m = run(t, m, append(keys("do thi bon"), enter)...)
		view := m.View()
		header := strings.SplitN(view, "\n", 2)[0]
		if !strings.Contains(header, "Có mặt 2/3") {
			t.Errorf("%d columns: header %q", w, header)
		}
		unit := regexp.MustCompile(`Phường 4: 1/3 còn 2`)
		if w >= wideLayout {
			unit = regexp.MustCompile(`│ Phường 4 +1/3 còn 2 *\n`)
		}
		if !unit.MatchString(ansi.Strip(view)) {
			t.Errorf("%d columns: no %q in\n%s", w, unit, view)
		}
	}
}

// People of the same name are told apart at 80 columns: each gets a line
// with the position and the phone's last digits; the selection stays in
// sight when such rows fill the list.
func TestSameNamesToldApart(t *testing.T) {
	var people []attendance.NewPerson
	people = append(people,
		attendance.NewPerson{Name: "Nguyễn Văn An", Unit: "Phường 7", Position: "Tổ trưởng tổ dân phố 3", Phone: "0912000123"},
		attendance.NewPerson{Name: "Nguyễn Văn An", Unit: "Phường 7", Position: "Bí thư chi bộ", Phone: "0912000456"},
		attendance.NewPerson{Name: "Trần Thị Bé", Unit: "Phường 7", Position: "Kế toán", Phone: "0912000789"})
	for i := range 20 {
		people = append(people, attendance.NewPerson{Name: "Lê Văn Tư", Unit: "Phường 8", Phone: "09120011" + string(rune('0'+i/10)) + string(rune('0'+i%10))})
	}
	m, _, _ := newDesk(t, people...)
	m = run(t, m, keys("nguyen van an")...)
	view := ansi.Strip(m.View())
	for _, want := range []string{"Tổ trưởng tổ dân phố 3 · ĐT …123", "Bí thư chi bộ · ĐT …456"} {
		if !strings.Contains(view, want) {
			t.Errorf("no %q at 80 columns:\n%s", want, view)
		}
	}
	m = run(t, m, esc)
	m = run(t, m, keys("tran thi be")...)
	if view := ansi.Strip(m.View()); strings.Contains(view, "Kế toán") {
		t.Errorf("a name no other row has gets a second line:\n%s", view)
	}
	m = run(t, m, esc)
	m = run(t, m, keys("le van tu")...)
	for range 19 {
		m = run(t, m, tea.KeyPressMsg{Code: tea.KeyDown})
	}
	view = ansi.Strip(m.View())
	if !strings.Contains(view, "› Lê Văn Tư") || !strings.Contains(view, "ĐT …119") {
		t.Errorf("the last of 20 people of one name is not in sight when selected:\n%s", view)
	}
}

// The desk opens the highlighted person (ctrl+o) to correct a walk-in's
// unit: the correction is saved through attendance, the list and the
// counters show the person under the new unit at once.
func TestEditCorrectsWalkInUnit(t *testing.T) {
	m, svc, s := newDesk(t)
	m = run(t, m, tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	m = run(t, m, keys("Hồ Văn Khách")...)
	m = run(t, m, tea.KeyPressMsg{Code: tea.KeyTab})
	m = run(t, m, keys("Phường 99")...)
	m = run(t, m, enter)
	if list, _ := svc.Attendees(context.Background(), s.ID); len(list) != 1 {
		t.Fatalf("walk-in not checked in: %+v", list)
	}
	m = run(t, m, keys("ho van khach")...)
	m = run(t, m, tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl})
	if m.focus != focusWalkIn || m.walkIn.editing == nil || !strings.Contains(ansi.Strip(m.View()), "Sửa thông tin: Hồ Văn Khách") {
		t.Fatalf("ctrl+o did not open the person:\n%s", ansi.Strip(m.View()))
	}
	for range "Phường 99" {
		m = run(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	m = run(t, m, keys("Phường 9")...)
	m = run(t, m, tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyDown})
	m = run(t, m, keys("Tổ trưởng")...)
	m = run(t, m, enter)
	if m.focus != focusSearch || !strings.Contains(m.status.Text, "Đã sửa: Hồ Văn Khách · Phường 9") {
		t.Fatalf("focus %v, status %q:\n%s", m.focus, m.status.Text, ansi.Strip(m.View()))
	}
	list, _ := svc.Attendees(context.Background(), s.ID)
	if len(list) != 1 || list[0].Person.Unit != "Phường 9" || list[0].Person.Position != "Tổ trưởng" {
		t.Fatalf("attendees = %+v", list)
	}
	c := m.counts()
	if len(c.ByUnit) != 1 || c.ByUnit[0].Key != "Phường 9" || c.ByUnit[0].Count != 1 {
		t.Fatalf("counters = %+v", c.ByUnit)
	}
	m = run(t, m, esc)
	m = run(t, m, keys("khach phuong 9")...) // found by the new unit
	if len(m.rows) != 1 || m.rows[0].person.Unit != "Phường 9" {
		t.Fatalf("rows = %+v", m.rows)
	}
	if view := ansi.Strip(m.View()); !strings.Contains(view, "1 kết quả trong 1 người") {
		t.Fatalf("a correction counts the person twice:\n%s", view)
	}
}

// The walk-in form has a position field, saved with the walk-in.
func TestWalkInPosition(t *testing.T) {
	m, svc, s := newDesk(t)
	m = run(t, m, tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	m = run(t, m, keys("Hồ Văn Khách")...)
	for range 4 {
		m = run(t, m, tea.KeyPressMsg{Code: tea.KeyDown})
	}
	m = run(t, m, keys("Bí thư chi bộ")...)
	if !strings.Contains(ansi.Strip(m.View()), "Chức vụ     Bí thư chi bộ") {
		t.Fatalf("no position field:\n%s", ansi.Strip(m.View()))
	}
	run(t, m, enter)
	list, _ := svc.Attendees(context.Background(), s.ID)
	if len(list) != 1 || list[0].Person.Position != "Bí thư chi bộ" {
		t.Fatalf("attendees = %+v", list)
	}
}

// A card whose name and address a Windows-1252 scanner layout garbled
// opens the walk-in form with the name repaired and the unit the address
// names, as the catalog spells it.
func TestCardWalkInRepairsNameAndFillsUnit(t *testing.T) {
	m, _, _ := newDesk(t)
	garbled, err := charmap.Windows1252.NewDecoder().String("079199005555|272345678|Nguyễn Văn Mới|01021990|Nam|Tổ 5, Khu phố 3, P.4, Quận 10|15082021")
	if err != nil {
		t.Fatal(err)
	}
	m = run(t, m, tea.PasteMsg{Content: garbled})
	m = run(t, m, enter)
	if m.focus != focusWalkIn {
		t.Fatalf("no walk-in form:\n%s", ansi.Strip(m.View()))
	}
	if name, unit := m.walkIn.inputs[walkName].Value(), m.walkIn.inputs[walkUnit].Value(); name != "Nguyễn Văn Mới" || unit != "Phường 4" {
		t.Fatalf("name %q unit %q", name, unit)
	}
	if strings.Contains(ansi.Strip(m.View()), "có thể sai dấu") {
		t.Errorf("a repaired name is still flagged:\n%s", ansi.Strip(m.View()))
	}
}

// The duplicate warning says the phone typed is that person's, and that
// they are checked in already.
func TestWalkInDuplicateSaysPhoneAndCheckedIn(t *testing.T) {
	m, svc, s := newDesk(t, attendance.NewPerson{Name: "Nguyễn Văn An", Unit: "Phường 7", Phone: "0912345678"})
	m = run(t, m, append(keys("nguyen van an"), enter)...)
	if list, _ := svc.Attendees(context.Background(), s.ID); len(list) != 1 {
		t.Fatal("not checked in")
	}
	m = run(t, m, tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	m = run(t, m, keys("Nguyễn Văn An")...)
	m = run(t, m, tea.KeyPressMsg{Code: tea.KeyDown})
	m = run(t, m, keys("Phường 9")...) // another unit: the phone tells
	m = run(t, m, tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyDown})
	m = run(t, m, keys("0912 345 678")...)
	m = run(t, m, enter)
	w := m.walkIn.warning
	if !strings.Contains(w, "Nguyễn Văn An · Phường 7") || !strings.Contains(w, "cùng số điện thoại …678") || !strings.Contains(w, "đã điểm danh lúc") {
		t.Fatalf("warning %q", w)
	}
	if list, _ := svc.Attendees(context.Background(), s.ID); len(list) != 1 {
		t.Fatal("saved before the warning")
	}
}

// ctrl+r lists the expected people who have not come, by unit; Enter
// checks one in and the list shrinks; ctrl+r again is the latest check-ins.
func TestNotYetList(t *testing.T) {
	m, _, _ := rosterDesk(t, "Phường 4", wardRoster, 80, 24)
	m = run(t, m, append(keys("phan van mot"), enter)...)
	m = run(t, m, tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	names := func() []string {
		var out []string
		for _, r := range m.rows {
			out = append(out, r.person.Name)
		}
		return out
	}
	if got := names(); len(got) != 2 || got[0] != "Lê Thị Hai" || got[1] != "Võ Văn Ba" {
		t.Fatalf("not yet come: %v", got)
	}
	if view := ansi.Strip(m.View()); !strings.Contains(view, "Chưa đến: 2 trong 3 người dự kiến") {
		t.Fatalf("heading:\n%s", view)
	}
	m = run(t, m, enter)
	if got := names(); len(got) != 1 || got[0] != "Võ Văn Ba" {
		t.Fatalf("after a check-in from the list: %v", got)
	}
	m = run(t, m, tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	if view := ansi.Strip(m.View()); !strings.Contains(view, "Vừa điểm danh (2 gần nhất)") {
		t.Fatalf("ctrl+r again:\n%s", view)
	}
}
