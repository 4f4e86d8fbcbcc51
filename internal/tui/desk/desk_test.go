package desk

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
)

// newDesk is a desk at 80x24 over a fresh database with an open session
// and these people on the roster (not yet here), its roster loaded.
func newDesk(t *testing.T, people ...attendance.NewPerson) (Model, *attendance.Service, session.Session) {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	sessions := session.New(st, nil)
	s, err := sessions.Start(ctx, session.DeckRef{ID: "nq57", Version: "v1", Title: "NQ 57", Slides: 10}, session.Info{Title: "Hội nghị"})
	if err != nil {
		t.Fatal(err)
	}
	svc := attendance.New(st, nil)
	for _, n := range people {
		c, err := svc.RegisterWalkIn(ctx, s.ID, n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Undo(ctx, s.ID, c.Person.ID); err != nil {
			t.Fatal(err)
		}
	}
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, svc, sessions, s)
	bk, err := loadBook(ctx, svc, s.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	m, _ = m.update(loadedMsg{book: bk})
	m, _ = m.update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return m, svc, s
}

// run delivers msgs and then every message their commands produce, in
// order, as the Bubble Tea runtime would, and returns the model. Typed
// letters only blink the cursor: their commands are not run.
func run(t *testing.T, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	queue := append([]tea.Msg(nil), msgs...)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		var cmd tea.Cmd
		m, cmd = m.update(msg)
		if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" {
			continue
		}
		queue = append(queue, drain(cmd)...)
	}
	if m.stale { // the searchMsg of the last letter, which the runtime would deliver
		m, _ = m.update(searchMsg{gen: m.searchGen})
	}
	return m
}

// command is a letter that is a command (u in the list): its commands run.
func command(t *testing.T, m Model, r rune) Model {
	t.Helper()
	m, cmd := m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	return run(t, m, drain(cmd)...)
}

// drain runs cmd and the batches inside it, keeping what the desk handles.
// A command that has not answered in a moment is a timer (a poll tick, a
// cursor blink), and is left out so that run comes to an end.
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(300 * time.Millisecond):
		return nil
	}
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, drain(c)...)
		}
		return out
	case checkedInMsg, undoneMsg, scannedMsg, walkInSavedMsg, walkInSimilarMsg, idLookupMsg, idMatchMsg, personCorrectedMsg:
		return []tea.Msg{msg}
	}
	return nil
}

func keys(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

var (
	enter = tea.KeyPressMsg{Code: tea.KeyEnter}
	esc   = tea.KeyPressMsg{Code: tea.KeyEscape}
)

func present(t *testing.T, svc *attendance.Service, s session.Session) []string {
	t.Helper()
	list, err := svc.Attendees(context.Background(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range list {
		if !c.Undone {
			names = append(names, c.Person.Name)
		}
	}
	return names
}

// Keys typed while a walk-in is being saved are the next person's: they
// reach the search box once the form closes, instead of being dropped
// (which left a partial query and checked in the wrong person).
func TestKeysTypedWhileAWalkInSavesAreKept(t *testing.T) {
	m, svc, s := newDesk(t, attendance.NewPerson{Name: "Trần Minh Châu", Unit: "Phường 3"})
	m = run(t, m, tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	m = run(t, m, keys("Hồ Thị Khách")...)
	// Enter starts the save; its commands are held back while the clerk
	// types on, as on a slow disk.
	m, save := m.update(enter)
	if !m.walkIn.saving {
		t.Fatal("the form is not saving")
	}
	for _, k := range append(keys("tran minh"), enter) {
		m, _ = m.update(k)
	}
	m = run(t, m, drain(save)...)
	if got := present(t, svc, s); strings.Join(got, ",") != "Hồ Thị Khách,Trần Minh Châu" && strings.Join(got, ",") != "Trần Minh Châu,Hồ Thị Khách" {
		t.Fatalf("present = %v, want the walk-in and Trần Minh Châu", got)
	}
}

// In the list of recent check-ins only u is a command, and it asks twice:
// a name typed there out of habit is a search ("quang": no quit, no undo).
func TestListLettersSearchAndUndoAsksTwice(t *testing.T) {
	m, svc, s := newDesk(t, attendance.NewPerson{Name: "Nguyễn Văn An", Unit: "Phường 7"},
		attendance.NewPerson{Name: "Quang Thị Uyên", Unit: "Phường 7"})
	m = run(t, m, append(keys("nguyen van an"), enter)...)
	m = run(t, m, esc) // the box is empty after the check-in: to the list
	if m.focus != focusList {
		t.Fatalf("focus = %v, want the list", m.focus)
	}
	m = run(t, m, keys("quang")...)
	if m.focus != focusSearch || m.input.Value() != "quang" {
		t.Fatalf("typing in the list: focus %v, box %q", m.focus, m.input.Value())
	}
	if got := present(t, svc, s); len(got) != 1 {
		t.Fatalf("present = %v", got)
	}
	m = run(t, m, esc, esc)
	m = command(t, m, 'u')
	if !strings.Contains(m.status.Text, "Nhấn u lần nữa") || len(present(t, svc, s)) != 1 {
		t.Fatalf("one u: %q, present %v", m.status.Text, present(t, svc, s))
	}
	m = command(t, m, 'u')
	if got := present(t, svc, s); len(got) != 0 || !strings.Contains(m.status.Text, "Đã huỷ điểm danh") {
		t.Fatalf("u u: present %v, status %q", got, m.status.Text)
	}
}

// After "already checked in" the query stays, so ↓ Enter can pick another
// person of that name; a letter typed starts a new query instead of adding
// to it. (Of two people of one name, the one not yet in comes first.)
func TestAlreadyKeepsQueryUntilTyping(t *testing.T) {
	m, svc, s := newDesk(t, attendance.NewPerson{Name: "Lê Thị Hoa", Unit: "Phường 1"},
		attendance.NewPerson{Name: "Lê Thị Hoa", Unit: "Phường 2"}, attendance.NewPerson{Name: "Đinh Văn Bảo", Unit: "Phường 2"})
	m = run(t, m, append(keys("le thi hoa"), enter)...)
	m = run(t, m, append(keys("le thi hoa"), enter)...) // the other one, not yet in, comes first
	if got := present(t, svc, s); len(got) != 2 {
		t.Fatalf("present = %v, want both", got)
	}
	m = run(t, m, append(keys("le thi hoa"), enter)...) // both in
	if !strings.Contains(m.status.Text, "đã điểm danh lúc") || m.input.Value() != "le thi hoa" {
		t.Fatalf("already: status %q, box %q", m.status.Text, m.input.Value())
	}
	m = run(t, m, tea.KeyPressMsg{Code: tea.KeyDown}) // arrows keep the query
	if m.input.Value() != "le thi hoa" || m.sel != 1 {
		t.Fatalf("after ↓: box %q, sel %d", m.input.Value(), m.sel)
	}
	m = run(t, m, keys("dinh")...)
	if m.input.Value() != "dinh" {
		t.Fatalf("box = %q, want a new query", m.input.Value())
	}
}

// A 12-digit number typed in the box is a citizen ID: its holder is
// checked in (by roster: no card was read).
func TestTypedCitizenIDChecksIn(t *testing.T) {
	m, svc, s := newDesk(t, attendance.NewPerson{Name: "Trần Quốc Toản", Unit: "Phường 5", CitizenID: "079088001234"})
	m = run(t, m, append(keys("0790 8800 1234"), enter)...)
	list, _ := svc.Attendees(context.Background(), s.ID)
	if len(list) != 1 || list[0].Undone || list[0].Method != attendance.ByRoster {
		t.Fatalf("attendees = %+v", list)
	}
	m = run(t, m, append(keys("079088009999"), enter)...)
	if !strings.Contains(m.status.Text, "Không ai có CCCD …9999") {
		t.Fatalf("unknown number: %q", m.status.Text)
	}
}

// People not yet here come before those already in, within a rank: the
// person at the door is rarely in already.
func TestAbsentBeforePresentWithinARank(t *testing.T) {
	m, _, _ := newDesk(t, attendance.NewPerson{Name: "Nguyễn Văn An", Unit: "Phường 7"},
		attendance.NewPerson{Name: "Nguyễn Văn Anh", Unit: "Phường 8"})
	m = run(t, m, append(keys("nguyen van an"), enter)...) // An is in
	m = run(t, m, keys("nguyen van")...)
	if len(m.rows) != 2 || m.rows[0].person.Name != "Nguyễn Văn Anh" {
		t.Fatalf("rows = %v", m.rows)
	}
	m = run(t, m, esc)
	m = run(t, m, keys("nguyen van an")...) // but an exact match still leads
	if m.rows[0].person.Name != "Nguyễn Văn An" {
		t.Fatalf("rows = %v", m.rows)
	}
}

// On a projector the counters pane lists the people with no group too, so
// that its lines add up to the number present.
func TestCountersPaneCountsUnclassified(t *testing.T) {
	m, _, _ := newDesk(t, attendance.NewPerson{Name: "Hồ Thị Khách", Unit: "Phường 9"},
		attendance.NewPerson{Name: "Lý Văn Cán", Unit: "Phường 9", Group: "cán bộ"})
	m = run(t, m, append(keys("ho thi khach"), enter)...)
	m = run(t, m, append(keys("ly van can"), enter)...)
	m, _ = m.update(tea.WindowSizeMsg{Width: 160, Height: 45})
	view := m.View()
	for _, want := range []string{"Có mặt: 2", "Cán bộ", "Chưa phân loại"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the counters pane lacks %q:\n%s", want, view)
		}
	}
	if strings.Count(view, "Chưa phân loại") != 1 {
		t.Fatalf("unclassified listed %d times", strings.Count(view, "Chưa phân loại"))
	}
}

// A walk-in's unit is suggested from the known units and from those of
// the people on the roster, the most common first, each once.
func TestWithRosterUnits(t *testing.T) {
	people := []attendance.Person{{Unit: "Khu phố 3 Phường 7"}, {Unit: "Phường 1"}, {Unit: "Khu phố 3 Phường 7"}, {Unit: ""}, {Unit: "Khu phố 1"}}
	got := withRosterUnits([]string{"Phường 1", "Phường 2"}, people)
	if strings.Join(got, "|") != "Phường 1|Phường 2|Khu phố 3 Phường 7|Khu phố 1" {
		t.Fatalf("units = %q", got)
	}
}

// Enter on a query checks in whom briefing checkin --query picks
// (attendance.Resolve), where the two disagreed before: the CLI listed both
// "Lê Văn Tám" and "Lê Văn Tâm" for "Lê Văn Tám", and took "Nguyễn Văn Ánh"
// for Anh.
func TestEnterPicksWhomTheCLIPicks(t *testing.T) {
	for _, q := range []string{"Lê Văn Tám", "lê văn tâm", "Nguyen Van An", "nguyen van anh"} {
		m, svc, s := newDesk(t, attendance.NewPerson{Name: "Lê Văn Tâm", Unit: "Phường 7"},
			attendance.NewPerson{Name: "Lê Văn Tám", Unit: "Phường 7"},
			attendance.NewPerson{Name: "Nguyễn Văn Anh", Unit: "Phường 8"},
			attendance.NewPerson{Name: "Nguyễn Văn An", Unit: "Phường 7"})
		res, err := svc.Resolve(context.Background(), q, "")
		if err != nil || res.One == nil {
			t.Fatalf("Resolve(%q) = %+v, %v", q, res, err)
		}
		run(t, m, append(keys(q), enter)...)
		list, _ := svc.Attendees(context.Background(), s.ID)
		if len(list) != 1 || list[0].Undone || list[0].Person.ID != res.One.ID {
			t.Fatalf("%q: the desk checked in %+v, the CLI picks %s", q, list, res.One.Name)
		}
	}
}

// A person whose unit is spelled "P.4" shows in the list and in the check-in
// confirmation as the catalog names the unit, Phường 4.
func TestDeskShowsUnitsAsTheCatalogNamesThem(t *testing.T) {
	m, _, _ := newDesk(t, attendance.NewPerson{Name: "Lý Thị Hoa", Unit: "P.4"})
	m = run(t, m, keys("ly thi hoa")...)
	if v := m.View(); !strings.Contains(v, "Phường 4") || strings.Contains(v, "P.4") {
		t.Fatalf("the row does not show Phường 4:\n%s", v)
	}
	m = run(t, m, enter)
	if !strings.Contains(m.status.Text, "Lý Thị Hoa · Phường 4") {
		t.Fatalf("confirmation = %q, want the unit as Phường 4", m.status.Text)
	}
}

// The walk-in form flags a unit the catalog does not know, and saves it as typed.
func TestWalkInFlagsAUnitNotInTheCatalog(t *testing.T) {
	const flag = "Chưa có trong danh mục đơn vị"
	m, svc, s := newDesk(t)
	m = run(t, m, tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	m = run(t, m, keys("Hồ Văn Mới")...)
	m = run(t, m, tea.KeyPressMsg{Code: tea.KeyDown})
	m = run(t, m, keys("p.4")...)
	if v := m.View(); strings.Contains(v, flag) {
		t.Fatalf("p.4 is Phường 4, yet flagged:\n%s", v)
	}
	m = run(t, m, keys("7x")...)
	if v := m.View(); !strings.Contains(v, flag) {
		t.Fatalf("p.47x is no unit, not flagged:\n%s", v)
	}
	run(t, m, enter)
	list, err := svc.Attendees(context.Background(), s.ID)
	if err != nil || len(list) != 1 || list[0].Person.Unit != "p.47x" {
		t.Fatalf("attendees = %+v, %v; want Hồ Văn Mới under p.47x as typed", list, err)
	}
}

// 20,000 keys at once (a scanner gone wild) search once, not once a key,
// and the list is the final query's: the searchMsg of each key comes after
// the keys already waiting, and only the last searches.
func TestKeyBurstSearchesOnce(t *testing.T) {
	m, _, _ := newDesk(t, attendance.NewPerson{Name: "Nguyễn Văn An", Unit: "Phường 7"},
		attendance.NewPerson{Name: "Lê Thị Hoa", Unit: "Phường 8"})
	const n = 20_000
	for i := range n {
		r := rune('a' + i%26)
		if i == n-1 {
			m, _ = m.update(tea.KeyPressMsg{Code: tea.KeyBackspace})
			m, _ = m.update(tea.KeyPressMsg{Code: tea.KeyEscape})
			m, _ = m.update(tea.KeyPressMsg{Code: tea.KeyEscape})
			for _, k := range "hoa" {
				m, _ = m.update(tea.KeyPressMsg{Code: k, Text: string(k)})
			}
			break
		}
		m, _ = m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	for g := uint64(1); g <= m.searchGen; g++ { // as the runtime delivers them, after the keys
		m, _ = m.update(searchMsg{gen: g})
	}
	if m.searches > 3 || len(m.rows) != 1 || m.rows[0].person.Name != "Lê Thị Hoa" {
		t.Fatalf("after %d keys: %d searches, rows %v", n, m.searches, m.rows)
	}
}

// Before the roster has loaded (a city's takes seconds), the desk searches
// the database: what is typed lists its matches at once, and an answer for
// an older query is dropped.
func TestSearchesTheDatabaseWhileTheRosterLoads(t *testing.T) {
	m, svc, s := newDesk(t, attendance.NewPerson{Name: "Quách Thị Uyên", Unit: "Phường 7"},
		attendance.NewPerson{Name: "Lê Văn Tám", Unit: "Phường 8"})
	m = New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, svc, m.sess, s) // not loaded
	m, _ = m.update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, r := range "le" {
		m, _ = m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	_, older := m.update(searchMsg{gen: m.searchGen})
	for _, r := range " van" {
		m, _ = m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	m, cmd := m.update(searchMsg{gen: m.searchGen})
	if cmd == nil || older == nil {
		t.Fatal("no database search while the roster loads")
	}
	m, _ = m.update(cmd())
	m, _ = m.update(older()) // the answer for "le" comes late
	if len(m.rows) != 1 || m.rows[0].person.Name != "Lê Văn Tám" {
		t.Fatalf("rows = %v", m.rows)
	}
	if v := m.View(); !strings.Contains(v, "1 người khớp") || !strings.Contains(v, "Lê Văn Tám") {
		t.Fatalf("view:\n%s", v)
	}
}

// While the roster loads, Enter checks in the person the database's search
// found for the query on screen, not for an earlier one: the queue at the
// door does not wait for a city's roster to be indexed.
func TestEnterChecksInWhileTheRosterLoads(t *testing.T) {
	m, svc, s := newDesk(t, attendance.NewPerson{Name: "Quách Thị Uyên", Unit: "Phường 7"},
		attendance.NewPerson{Name: "Lê Văn Tám", Unit: "Phường 8"})
	m = New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, svc, m.sess, s) // not loaded
	m, _ = m.update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = typeAndFind(m, "quach")
	for _, r := range "x" { // typed on: the rows are an older query's until the search answers
		m, _ = m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	m = run(t, m, enter)
	if got := present(t, svc, s); len(got) != 0 {
		t.Fatalf("Enter on an older query's rows checked in %v", got)
	}
	m, _ = m.update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	m, cmd := m.update(searchMsg{gen: m.searchGen})
	m, _ = m.update(cmd())
	m = run(t, m, enter)
	if got := present(t, svc, s); len(got) != 1 || got[0] != "Quách Thị Uyên" {
		t.Fatalf("present = %v", got)
	}
	if v := m.View(); !strings.Contains(v, "Quách Thị Uyên") || m.input.Value() != "" {
		t.Fatalf("after Enter: query %q, view:\n%s", m.input.Value(), v)
	}
	m = typeAndFind(m, "quach")
	m = run(t, m, enter) // again: already here, said so
	if got := present(t, svc, s); len(got) != 1 {
		t.Fatalf("present = %v", got)
	}
	if v := m.View(); !strings.Contains(v, "Quách Thị Uyên · Phường 7 đã điểm danh lúc") {
		t.Fatalf("Enter on someone here already, view:\n%s", v)
	}
	// The query stays, as with the roster loaded; the next letter starts anew.
	if m.input.Value() != "quach" {
		t.Fatalf("after already checked in, the query is %q", m.input.Value())
	}
	m = typeAndFind(m, "l")
	if m.input.Value() != "l" {
		t.Fatalf("the next letter gave %q", m.input.Value())
	}
}

// typeAndFind types text into a desk whose roster has not loaded, and
// delivers the database's answer.
func typeAndFind(m Model, text string) Model {
	for _, r := range text {
		m, _ = m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	m, cmd := m.update(searchMsg{gen: m.searchGen})
	m, _ = m.update(cmd())
	return m
}

// A paste or a key carrying a bidi override, a zero-width space or an
// escape reaches neither the search box nor the walk-in form: it would show
// raw there and be saved with the name.
func TestPasteLosesInvisibleCharacters(t *testing.T) {
	m, _, _ := newDesk(t, attendance.NewPerson{Name: "Lê Hoa", Unit: "Phường 7"})
	m, _ = m.update(tea.PasteMsg{Content: "le\x1b]0;PWN\a\u202eabc\u200b\nx"})
	if v := m.input.Value(); strings.ContainsAny(v, "\x1b\a\u202e\u200b\n") {
		t.Fatalf("search box holds %q", v)
	}
	m.input.SetValue("")
	m = run(t, m, tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	if m.focus != focusWalkIn {
		t.Fatal("no walk-in form")
	}
	m, _ = m.update(tea.PasteMsg{Content: "Ng\u202euyen\u200b Desk"})
	if v := m.walkIn.inputs[walkName].Value(); v != "Nguyen Desk" {
		t.Fatalf("walk-in name %q", v)
	}
}

// Past the search box's limit, a key costs nothing: a terminal pasting
// 20,000 characters key by key no longer works the box's overflow for each.
func TestFullSearchBoxDropsKeys(t *testing.T) {
	m, _, _ := newDesk(t, attendance.NewPerson{Name: "Lê Hoa", Unit: "Phường 7"})
	m.input.SetValue(strings.Repeat("a", m.input.CharLimit))
	gen := m.searchGen
	m, cmd := m.update(tea.KeyPressMsg{Code: 'b', Text: "b"})
	if cmd != nil || m.searchGen != gen || strings.Contains(m.input.Value(), "b") {
		t.Fatalf("a key into a full box: cmd %v, search %d -> %d", cmd != nil, gen, m.searchGen)
	}
}

// A desk left open sees a person taken off the roster or edited by another
// command at its next poll: no longer found, counted as now.
func TestDeskSeesRosterEditedElsewhere(t *testing.T) {
	m, svc, _ := newDesk(t, attendance.NewPerson{Name: "Phạm Văn Nhầm", Unit: "Khu phố 6"},
		attendance.NewPerson{Name: "Trần Thị Yến", Unit: "Phường 4"})
	ctx := context.Background()
	found, _, err := svc.Search(ctx, "pham van nham", 5)
	if err != nil || len(found) != 1 {
		t.Fatal(found, err)
	}
	if _, _, err := svc.RemovePerson(ctx, found[0].ID); err != nil {
		t.Fatal(err)
	}
	yen, _, _ := svc.Search(ctx, "tran thi yen", 5)
	unit := "Phường 5"
	if _, err := svc.EditPerson(ctx, yen[0].ID, attendance.Edit{Unit: &unit}); err != nil {
		t.Fatal(err)
	}
	m, _ = m.update(m.pollCmd()()) // the desk's next poll
	m = run(t, m, keys("pham van nham")...)
	if len(m.rows) != 0 {
		t.Fatalf("a person taken off the roster is still listed: %v", m.rows)
	}
	m = run(t, m, esc)
	m = run(t, m, keys("tran thi yen")...)
	if len(m.rows) != 1 || m.rows[0].person.Unit != "Phường 5" {
		t.Fatalf("the edited person: %v", m.rows)
	}
}

// Someone checked in and then taken off the roster still counts under their
// unit when the desk opens, as the minutes count them (they showed under
// "no unit", present yet still to come).
func TestRemovedAfterCheckInCountsUnderTheirUnit(t *testing.T) {
	m, svc, s := newDesk(t, attendance.NewPerson{Name: "Lê Văn Cường", Unit: "Phường 4"},
		attendance.NewPerson{Name: "Trần Thị Yến", Unit: "Phường 4"})
	ctx := context.Background()
	found, _, err := svc.Search(ctx, "le van cuong", 5)
	if err != nil || len(found) != 1 {
		t.Fatal(found, err)
	}
	if _, err := svc.CheckIn(ctx, s.ID, found[0].ID, attendance.ByRoster, false); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.RemovePerson(ctx, found[0].ID); err != nil {
		t.Fatal(err)
	}
	bk, err := loadBook(ctx, svc, s.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	m, _ = m.update(loadedMsg{book: bk})
	c := m.book.counts()
	if c.Present != 1 {
		t.Fatalf("present %d", c.Present)
	}
	for _, u := range c.ByUnit {
		if u.Key != "Phường 4" && u.Count > 0 {
			t.Errorf("counted under %q: %+v", u.Key, c.ByUnit)
		}
	}
}
