package desk

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/search/searchtest"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/textvi"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
)

// roster100k is a data directory with a 100,000-person roster and an open session.
func roster100k(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	_, err = session.New(st, nil).Start(ctx, session.DeckRef{ID: "nq57", Version: "v1", Title: "NQ 57", Slides: 10}, session.Info{Title: "Hội nghị"})
	if err != nil {
		b.Fatal(err)
	}
	var people []*store.Person
	for _, e := range searchtest.Names(100_000, 57) {
		people = append(people, &store.Person{Name: e.Name, NameKey: e.Name, Unit: e.Unit, Phone: e.Phone, Source: "roster", CreatedAt: time.Now()})
	}
	if err := st.Tx(ctx, func(tx *store.Tx) error { return tx.InsertPeople(ctx, people) }); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkDeskFirstFrame: from opening the database to the desk's first
// frame, with a 100,000-person roster. The roster loads in a Cmd, so the
// first frame does not wait for it (target: under 50 ms).
func BenchmarkDeskFirstFrame(b *testing.B) {
	dir := roster100k(b)
	ctx := context.Background()
	for b.Loop() {
		st, err := store.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		sessions := session.New(st, nil)
		s, err := sessions.Current(ctx)
		if err != nil || s == nil {
			b.Fatal("no open session", err)
		}
		m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, attendance.New(st, nil), sessions, *s)
		_ = m.Init()
		m, _ = m.update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if m.View() == "" {
			b.Fatal("empty frame")
		}
		st.Close()
	}
}

// BenchmarkDeskLoadRoster100k is the background load the first frame does
// not wait for: reading 100,000 people and indexing them.
func BenchmarkDeskLoadRoster100k(b *testing.B) {
	dir := roster100k(b)
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	s, _ := session.New(st, nil).Current(ctx)
	svc := attendance.New(st, nil)
	for b.Loop() {
		bk, err := loadBook(ctx, svc, s.ID, "")
		if err != nil || bk.index.Len() != 100_000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeskKeystroke: one typed letter with the 100k roster loaded:
// the search and the frame, typed without diacritics and with them (which
// also ranks the people spelled that way first).
func BenchmarkDeskKeystroke(b *testing.B) {
	b.Run("ascii", func(b *testing.B) { benchKeystroke(b, "ng", "uyen van a") })
	b.Run("diacritics", func(b *testing.B) { benchKeystroke(b, "Ng", "uyễn Văn A") })
}

func benchKeystroke(b *testing.B, start, rest string) {
	dir := roster100k(b)
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	sessions := session.New(st, nil)
	s, _ := sessions.Current(ctx)
	svc := attendance.New(st, nil)
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, svc, sessions, *s).WithQuestions(questions.New(st, nil))
	bk, err := loadBook(ctx, svc, s.ID, "")
	if err != nil {
		b.Fatal(err)
	}
	m, _ = m.update(loadedMsg{book: bk})
	m, _ = m.update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.input.SetValue(start)
	typed := []rune(rest)
	for i := 0; b.Loop(); i++ {
		r := typed[i%len(typed)]
		if i%len(typed) == 0 {
			m.input.SetValue(start)
		}
		m, _ = m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m, _ = m.update(searchMsg{gen: m.searchGen}) // the search the key asked for
		_ = m.View()
	}
}

// rosterDB is a data directory with n generated people (searchtest.Names(n,
// 57)), built once and kept in the temporary directory for later runs; the
// same as attendance's BenchmarkCheckInQuery1M uses.
func rosterDB(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("briefing-bench-roster-%d-v16", n))
	if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	entries := searchtest.Names(n, 57)
	for lo := 0; lo < n; lo += 50_000 {
		var people []*store.Person
		for _, e := range entries[lo:min(lo+50_000, n)] {
			people = append(people, &store.Person{Name: e.Name, NameKey: textvi.Fold(e.Name), Unit: e.Unit,
				Phone: e.Phone, Source: "roster", CreatedAt: time.Now()})
		}
		if err := st.Tx(ctx, func(tx *store.Tx) error { return tx.InsertPeople(ctx, people) }); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "ready"), nil, 0o600); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkDeskColdStart1M is the time from opening the database to a desk
// that answers a query, with 1,000,000 people: while the roster loads, the
// desk searches the database (searchStore, attendance.Search); ns/op is
// opening it and one such search, typical or broad; Enter checks in from
// it. full-load-ms is the roster read and indexed (loadBook), measured once,
// after which the desk searches in memory and offers walk-ins. Under -short
// the roster has 2,000 people; the full size
// (the fixture is built once, then kept in the temp dir):
//
//	go test ./internal/tui/desk -run '^$' -bench DeskColdStart1M -benchtime 10x
func BenchmarkDeskColdStart1M(b *testing.B) {
	n := 1_000_000
	if testing.Short() {
		n = 2000
	}
	dir := rosterDB(b, n)
	ctx := context.Background()
	// Typical queries, and broad ones (answered from a pool of their matches).
	queries := []string{"Quách Ngọc Uyên", "nguyen van an phuong 7", "45678", "kieu tuyet", "Trần Minh Châu",
		"nguyen", "van", "n", "thi"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		st, err := store.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := attendance.New(st, nil).Search(ctx, queries[i%len(queries)], resultLimit); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
	b.StopTimer()
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	bk, err := loadBook(ctx, attendance.New(st, nil), "", "")
	if err != nil || bk.index.Len() != n || len(bk.index.Search("nguyen van an", resultLimit)) == 0 {
		b.Fatal("full load:", err)
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds()), "full-load-ms")
}

// BenchmarkDeskBurst100k: 2,000 keys typed at once (a terminal pasting,
// key by key) into the desk with 100,000 people loaded, each followed by a
// frame, as the runtime may draw between them; ns/op is the whole burst.
func BenchmarkDeskBurst100k(b *testing.B) {
	dir := roster100k(b)
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	sessions := session.New(st, nil)
	s, _ := sessions.Current(ctx)
	svc := attendance.New(st, nil)
	m0 := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, svc, sessions, *s).WithQuestions(questions.New(st, nil))
	bk, err := loadBook(ctx, svc, s.ID, "")
	if err != nil {
		b.Fatal(err)
	}
	m0, _ = m0.update(loadedMsg{book: bk})
	m0, _ = m0.update(tea.WindowSizeMsg{Width: 80, Height: 24})
	burst := strings.Repeat("nguyen van an ", 150)[:2000]
	for b.Loop() {
		m := m0
		for _, r := range burst {
			m, _ = m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
			_ = m.View()
		}
	}
}
