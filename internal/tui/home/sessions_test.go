package home

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/attendance"
	"briefing/internal/i18n"
	"briefing/internal/minutes"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// send delivers msg and the messages its command answers, one level deep
// (a load, the minutes read, the export written).
func send(t *testing.T, m Model, msg tea.Msg) Model {
	t.Helper()
	s, cmd := m.Update(msg)
	m = s.(Model)
	if cmd != nil {
		if next := cmd(); next != nil {
			s, _ = m.Update(next)
			m = s.(Model)
		}
	}
	return m
}

// A recent session opens on the home screen (tab, enter: its minutes) and
// exports its minutes as Markdown (x), the same minutes as session export.
func TestRecentSessionOpensAndExports(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	sessions, att, qs := session.New(st, nil), attendance.New(st, nil), questions.New(st, nil)
	if err := sessions.SetDevice(ctx, "Laptop P4", "Phường 4"); err != nil {
		t.Fatal(err)
	}
	s, err := sessions.Start(ctx, session.DeckRef{ID: "nq57", Version: "v1", Title: "NQ 57", Slides: 10}, session.Info{Title: "Hội nghị quý IV", Unit: "Phường 4"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := att.RegisterWalkIn(ctx, s.ID, attendance.NewPerson{Name: "Lưu Bích Hạnh", Unit: "Phường 4"}); err != nil {
		t.Fatal(err)
	}
	if err := sessions.End(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true), Width: 80, Height: 24}, sessions, nil).
		WithMinutes(minutes.Sources{Sessions: sessions, Attendance: att, Questions: qs}.Gather, dir)
	m = send(t, m, m.Init()())
	if !strings.Contains(ansi.Strip(m.View()), "tab phiên đã qua") {
		t.Fatalf("the help does not say how to reach the sessions:\n%s", ansi.Strip(m.View()))
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyTab})
	if view := ansi.Strip(m.View()); !strings.Contains(view, "› ") || !strings.Contains(view, "Hội nghị quý IV") {
		t.Fatalf("no session selected:\n%s", view)
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyEnter})
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "Biên bản: Hội nghị quý IV") || !strings.Contains(view, "# BIÊN BẢN") {
		t.Fatalf("the session's minutes are not shown:\n%s", view)
	}
	for range 3 {
		if strings.Contains(ansi.Strip(m.View()), "Số người tham dự: 1 người") {
			break
		}
		m = send(t, m, tea.KeyPressMsg{Code: tea.KeyPgDown})
	}
	if view := ansi.Strip(m.View()); !strings.Contains(view, "Số người tham dự: 1 người") {
		t.Fatalf("paging down does not reach the attendees:\n%s", view)
	}
	m = send(t, m, tea.KeyPressMsg{Code: 'x', Text: "x"})
	files, _ := filepath.Glob(filepath.Join(dir, "bien-ban-*.md"))
	if len(files) != 1 || !strings.Contains(m.notice, "Đã ghi biên bản: "+files[0]) {
		t.Fatalf("files %v, notice %q", files, m.notice)
	}
	data, _ := os.ReadFile(files[0])
	if !strings.Contains(string(data), "Số người tham dự: 1 người") {
		t.Fatalf("the export has no attendee:\n%s", data)
	}
	m = send(t, m, tea.KeyPressMsg{Code: 'x', Text: "x"}) // a second export does not overwrite the first
	if files, _ := filepath.Glob(filepath.Join(dir, "bien-ban-*.md")); len(files) != 2 {
		t.Fatalf("files %v", files)
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyEscape})
	if m.showing != nil {
		t.Fatal("esc did not leave the minutes")
	}
}

// The first run offers the catalog's units one a line, the district's
// offices among them, and saves the one picked.
func TestFirstRunOffersOffices(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sessions := session.New(st, nil)
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true), Width: 80, Height: 24}, sessions, nil)
	m = send(t, m, m.Init()())
	if !m.profile {
		t.Fatal("no first-run form")
	}
	units, _ := sessions.Units(context.Background())
	office := -1
	for i, u := range units {
		if strings.HasPrefix(u, "Phòng Văn hóa") {
			office = i
		}
	}
	if office < 0 {
		t.Fatalf("no office in the catalog: %v", units)
	}
	for range office {
		m = send(t, m, tea.KeyPressMsg{Code: tea.KeyDown})
	}
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "› Phòng Văn hóa, Khoa học và Thông tin") || !strings.Contains(view, "Phường 15") {
		t.Fatalf("the offices are not offered as a list:\n%s", view)
	}
	for _, r := range "Laptop VH" {
		s, _ := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)}) // its command only blinks
		m = s.(Model)
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if dev, _ := sessions.Device(context.Background()); dev.Unit != "Phòng Văn hóa, Khoa học và Thông tin" || dev.Name != "Laptop VH" {
		t.Fatalf("device %+v", dev)
	}
}
