package follow

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/tui/slides"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// press sends keys as a terminal does: a key name, or text typed letter by letter.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		default:
			for _, r := range k {
				m, _ = m.step(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		m, _ = m.step(msg)
	}
	return m
}

// run runs a Cmd as the program would and hands the model what it brings.
func run(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			m = run(t, m, c)
		}
	case nil:
	default:
		m, _ = m.step(msg)
	}
	return m
}

// TestFollowKeys: follow takes the keys the README lists for the presenter and follow:
// 4 enter goes to slide 4 (it went one slide on), /text searches (it moved the slides on h
// and space), n searches again, o shows the titles, ? every key.
func TestFollowKeys(t *testing.T) {
	f := newQuestionsFixture(t)
	m := f.model(t, i18n.VI, 80, 24)
	m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
	if m = press(m, "4", "enter"); m.Pos() != (slides.Pos{Slide: 3}) {
		t.Fatalf("4 enter: at %v, want slide 4", m.Pos())
	}
	if m = press(m, "99", "enter"); m.Pos().Slide != 3 || !strings.Contains(ansi.Strip(m.View()), "không có trang 99") {
		t.Fatalf("99 enter: at %v, want slide 4 and a word:\n%s", m.Pos(), ansi.Strip(m.View()))
	}

	idx := slides.NewIndex(f.deck)
	want, _ := idx.Search("nhiem vu", 3)
	m = press(m, "/", "nhiem vu")
	if m.Pos().Slide != 3 || !strings.Contains(ansi.Strip(m.View()), "/ nhiem vu") {
		t.Fatalf("typing a search moved to %v or does not show it:\n%s", m.Pos(), ansi.Strip(m.View()))
	}
	if m = press(m, "enter"); m.Pos().Slide != want {
		t.Fatalf("/nhiem vu: at slide %d, want %d", m.Pos().Slide+1, want+1)
	}
	again, _ := idx.Search("nhiem vu", want)
	if m = press(m, "n"); m.Pos().Slide != again {
		t.Fatalf("n: at slide %d, want %d", m.Pos().Slide+1, again+1)
	}

	m = press(m, "o")
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "Mục lục") || !strings.Contains(view, f.deck.Slides[m.Pos().Slide+1].Title) {
		t.Fatalf("o shows no titles:\n%s", view)
	}
	m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyHome})
	m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyDown})
	if m = press(m, "enter"); m.Pos().Slide != 1 || m.overview {
		t.Fatalf("overview enter: at slide %d", m.Pos().Slide+1)
	}

	m = press(m, "?")
	view = ansi.Strip(m.View())
	for _, want := range []string{"tìm", "màn hình đen", "mục lục", "đến trang"} {
		if !strings.Contains(strings.ToLower(view), want) {
			t.Errorf("? does not list %q:\n%s", want, view)
		}
	}
	golden.RequireEqual(t, []byte(view))
	if m = press(m, "x"); strings.Contains(ansi.Strip(m.View()), "màn hình đen ·") && m.helping {
		t.Error("a key does not close the keys")
	}
}

// TestFollowBlack: b blacks out the audience screen through the database; follow shows when
// the projector is black, whichever window blacked it out.
func TestFollowBlack(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		f := newQuestionsFixture(t)
		m := f.model(t, i18n.VI, size[0], size[1])
		m, cmd := m.step(tea.KeyPressMsg{Code: 'b', Text: "b"})
		if cmd == nil {
			t.Fatal("b writes nothing")
		}
		m, _ = m.step(cmd())
		if p, _ := f.svc.Position(context.Background(), f.sess.ID); !p.Black {
			t.Fatal("b on follow does not black out the projector")
		}
		if top := ansi.Strip(strings.Split(m.View(), "\n")[0]); !strings.Contains(top, "MÀN HÌNH ĐANG TẮT") {
			t.Fatalf("follow does not show the black screen: %q", top)
		}
		if size[0] == 160 {
			golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
		}
		if err := f.svc.SetBlack(context.Background(), f.sess.ID, false); err != nil {
			t.Fatal(err)
		}
		if m = f.refresh(t, m); strings.Contains(ansi.Strip(m.View()), "MÀN HÌNH ĐANG TẮT") {
			t.Fatal("the slide came back on the presenter; follow still says black")
		}
		checkFrame(t, m.View(), size[0], size[1])
	}
}

// TestFollowTimeWarnings: at 5 minutes left and past the planned time (45 minutes) the
// clock bar says so, in Vietnamese and English, and whole at 80 columns.
func TestFollowTimeWarnings(t *testing.T) {
	tests := []struct {
		elapsed time.Duration
		vi, en  string
	}{
		{39 * time.Minute, "", ""},
		{40*time.Minute + 30*time.Second, "còn 5 phút", "5 min left"},
		{44*time.Minute + 10*time.Second, "còn 1 phút", "1 min left"},
		{45*time.Minute + 20*time.Second, "hết giờ", "time is up"},
		{52*time.Minute + 5*time.Second, "quá giờ 7 phút", "7 min over time"},
	}
	f := newQuestionsFixture(t)
	for _, tt := range tests {
		for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
			m := f.model(t, lang, 80, 24).WithClock(func() time.Time { return fixed.Add(tt.elapsed) })
			top := ansi.Strip(strings.Split(m.View(), "\n")[0])
			want := tt.vi
			if lang == i18n.EN {
				want = tt.en
			}
			if want == "" {
				if strings.Contains(top, "phút ·") && strings.Contains(top, "còn") {
					t.Errorf("%v: a warning too early: %q", tt.elapsed, top)
				}
				continue
			}
			if !strings.Contains(top, want) {
				t.Errorf("%v %v: clock bar %q lacks %q", tt.elapsed, lang, top, want)
			}
		}
	}
}

// TestFollowSlideTime: the time on the slide runs on through its steps (it went back to
// 0:00 at each step), and starts again on another slide.
func TestFollowSlideTime(t *testing.T) {
	f := newQuestionsFixture(t)
	ctx := context.Background()
	at := func(m Model, d time.Duration) Model {
		*f.now = fixed.Add(d)
		m, _ = m.step(tickMsg(*f.now))
		return f.refresh(t, m)
	}
	m := f.model(t, i18n.VI, 80, 24).WithClock(func() time.Time { return *f.now })
	target := 0 // a slide with steps
	for i, s := range f.deck.Slides {
		if len(s.Steps) > 1 {
			target = i
			break
		}
	}
	*f.now = fixed.Add(30 * time.Second)
	if err := f.svc.GoTo(ctx, f.sess.ID, target, 0); err != nil { // the presenter moves
		t.Fatal(err)
	}
	m = at(m, 30*time.Second)
	bar := func() string { return ansi.Strip(strings.Split(m.View(), "\n")[0]) }
	if !strings.Contains(bar(), "trang này 0:00") {
		t.Fatalf("a new slide starts at 0:00: %q", bar())
	}
	*f.now = fixed.Add(50 * time.Second)
	if err := f.svc.GoTo(ctx, f.sess.ID, target, 1); err != nil {
		t.Fatal(err)
	}
	m = at(m, 55*time.Second)
	if m.Pos() != (slides.Pos{Slide: target, Step: 1}) || !strings.Contains(bar(), "trang này 0:25") {
		t.Fatalf("after a step at %v: %q, want the slide's time to run on (0:25)", m.Pos(), bar())
	}
	m = at(m, 56*time.Second)
	m, cmd := m.step(tea.KeyPressMsg{Code: tea.KeyLeft}) // follow's own step, back within the slide
	m = run(t, m, cmd)
	m = at(m, 58*time.Second)
	if !strings.Contains(bar(), "trang này 0:28") {
		t.Fatalf("after follow's own step: %q, want 0:28", bar())
	}
}

// TestFollowEndedElsewhere: the presenter ended the session: follow says so, then closes.
func TestFollowEndedElsewhere(t *testing.T) {
	f := newQuestionsFixture(t)
	m := f.model(t, i18n.EN, 80, 24)
	if err := f.svc.End(context.Background(), f.sess.ID); err != nil {
		t.Fatal(err)
	}
	p, _ := f.svc.Position(context.Background(), f.sess.ID)
	m, cmd := m.step(slides.PolledMsg{ID: f.sess.ID, Pos: p})
	if view := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(view, "The session was ended in another window") || cmd == nil {
		t.Fatalf("follow does not say the session ended (cmd %v):\n%s", cmd != nil, ansi.Strip(m.View()))
	}
	checkFrame(t, m.View(), 80, 24)
	if _, cmd := m.step(slides.CloseMsg{ID: f.sess.ID}); cmd == nil {
		t.Fatal("follow does not close")
	} else if d, ok := cmd().(DoneMsg); !ok || !d.Ended {
		t.Fatalf("closing gave %v", cmd())
	}
}
