package present

import (
	"context"
	"strings"
	"testing"

	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/tui/common"
	"briefing/internal/tui/slides"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// TestBlackShared: b on the presenter blacks out the screen through the database, so follow
// sees it; a black screen set elsewhere (follow's b) reaches the presenter with the poll.
func TestBlackShared(t *testing.T) {
	f := newPinFixture(t)
	m := f.poll(t, f.model(i18n.VI, 80, 24)).rendered()
	m, cmd := m.step(tea.KeyPressMsg{Code: 'b', Text: "b"})
	if strings.TrimSpace(ansi.Strip(m.View())) != "" || cmd == nil {
		t.Fatalf("b does not black out at once (cmd %v):\n%s", cmd != nil, ansi.Strip(m.View()))
	}
	m, _ = m.step(cmd())
	if p, _ := f.svc.Position(context.Background(), f.sess.ID); !p.Black {
		t.Fatal("the black screen is not shared")
	}
	m, cmd = m.step(tea.KeyPressMsg{Code: 'b', Text: "b"})
	m, _ = m.step(cmd())
	if strings.TrimSpace(ansi.Strip(m.View())) == "" {
		t.Fatal("b again does not bring the slide back")
	}
	if err := f.svc.SetBlack(context.Background(), f.sess.ID, true); err != nil {
		t.Fatal(err)
	}
	if m = f.poll(t, m); strings.TrimSpace(ansi.Strip(m.View())) != "" {
		t.Fatalf("black from another window is not shown:\n%s", ansi.Strip(m.View()))
	}
}

// TestEndedElsewhere: a session ended in another window says so before the presenter closes;
// it closes by itself after a while, or at a key.
func TestEndedElsewhere(t *testing.T) {
	f := newPinFixture(t)
	m := f.poll(t, f.model(i18n.VI, 80, 24))
	if err := f.svc.End(context.Background(), f.sess.ID); err != nil {
		t.Fatal(err)
	}
	p, _ := f.svc.Position(context.Background(), f.sess.ID)
	m, cmd := m.step(slides.PolledMsg{ID: f.sess.ID, Pos: p})
	if view := ansi.Strip(m.View()); !strings.Contains(strings.Join(strings.Fields(view), " "), "Phiên đã được kết thúc ở cửa sổ khác") {
		t.Fatalf("the presenter does not say the session ended:\n%s", view)
	}
	if cmd == nil {
		t.Fatal("no Cmd to close later")
	}
	if _, cmd := m.step(slides.CloseMsg{ID: f.sess.ID}); cmd == nil {
		t.Fatal("does not close after the grace")
	} else if d, ok := cmd().(DoneMsg); !ok || !d.Ended {
		t.Fatalf("closing gave %v", cmd())
	}
	if _, cmd := m.step(tea.KeyPressMsg{Code: 'x', Text: "x"}); cmd == nil {
		t.Fatal("a key does not close")
	} else if _, ok := cmd().(DoneMsg); !ok {
		t.Fatal("a key does not close")
	}
}

// TestStepsKeepTheirPlace: revealing a step adds lines below; what is on screen stays where it
// was (the slide is laid out for its fully revealed height).
func TestStepsKeepTheirPlace(t *testing.T) {
	d, ps := deck.Parse("t.md", []byte("---\nid: t\ntitle: Hội nghị\nlang: vi\n---\n# Hai bước\n- một\n<!-- pause -->\n- hai\n- ba\n- bốn\n"))
	if deck.HasErrors(ps) {
		t.Fatal(ps)
	}
	for _, size := range sizes {
		m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, nil, session.Session{ID: "s"}, d)
		m, _ = m.step(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m = m.rendered()
		first := strings.Split(ansi.Strip(m.View()), "\n")
		m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
		second := strings.Split(ansi.Strip(m.View()), "\n")
		row := func(lines []string, s string) int {
			for i, l := range lines {
				if strings.Contains(l, s) {
					return i
				}
			}
			return -1
		}
		for _, s := range []string{"Hai bước", "• một"} {
			if a, b := row(first, s), row(second, s); a < 0 || a != b || strings.Index(first[a], s) != strings.Index(second[b], s) {
				t.Errorf("%v: %q moved from line %d to %d at the step:\n%s\n---\n%s", size, s, a, b, strings.Join(first, "\n"), strings.Join(second, "\n"))
			}
		}
	}
}

// TestStatusLine80: at 80 columns the key hint and the page counter are whole; the title
// gives way.
func TestStatusLine80(t *testing.T) {
	f := newPinFixture(t)
	long := *f.deck
	long.Meta.Title = "Nghị quyết 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
	f.deck = &long
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		m := f.model(lang, 80, 24)
		m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyEnd})
		status := statusOf(ansi.Strip(m.View()))
		h := m.keys.Help.Help()
		for _, want := range []string{h.Key + " " + h.Desc, "27/27", "1:15"} {
			if !strings.Contains(status, want) {
				t.Errorf("%v: the status line cuts %q: %q", lang, want, status)
			}
		}
		if w := ansi.StringWidth(status); w != 80 {
			t.Errorf("status line is %d wide", w)
		}
	}
	golden.RequireEqual(t, []byte(statusOf(ansi.Strip(f.model(i18n.VI, 80, 24).View()))))
}

// TestPlacedSlideFollowsTheScreen: the slide kept laid out between frames (placedSlide) is laid
// out again after a resize or a move: the frame is the one a fresh model draws there.
func TestPlacedSlideFollowsTheScreen(t *testing.T) {
	d, ps := deck.Parse("t.md", []byte("---\nid: t\ntitle: Hội nghị\nlang: vi\n---\n# Một\n- khoa học\n\n---\n\n# Hai\n- công nghệ, đổi mới sáng tạo\n- chuyển đổi số\n"))
	if deck.HasErrors(ps) {
		t.Fatal(ps)
	}
	fresh := func(w, h int, right bool) string {
		m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, nil, session.Session{ID: "s"}, d)
		m, _ = m.step(tea.WindowSizeMsg{Width: w, Height: h})
		m = m.rendered()
		if right {
			m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
		}
		return m.View()
	}
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, nil, session.Session{ID: "s"}, d)
	m, _ = m.step(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = m.rendered()
	if got, want := m.View(), fresh(80, 24, false); got != want || m.View() != want {
		t.Fatalf("80x24:\n%s\nwant\n%s", got, want)
	}
	m, _ = m.step(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = m.rendered()
	if got, want := m.View(), fresh(120, 40, false); got != want {
		t.Fatalf("after a resize to 120x40:\n%s\nwant\n%s", got, want)
	}
	m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
	if got, want := m.View(), fresh(120, 40, true); got != want || !strings.Contains(ansi.Strip(got), "Hai") {
		t.Fatalf("after a move:\n%s\nwant\n%s", got, want)
	}
}
