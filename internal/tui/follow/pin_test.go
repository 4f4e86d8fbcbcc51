package follow

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// pin records a question and pins it, as the desk's p does.
func (f questionsFixture) pin(t *testing.T, text string) {
	t.Helper()
	q, err := f.qs.Add(context.Background(), f.sess.ID, questions.Draft{Slide: questions.FromScreen, Text: text, AskerName: "Nguyễn Thị Hồng", AskerUnit: "Phường 7"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.qs.Pin(context.Background(), q.ID); err != nil {
		t.Fatal(err)
	}
}

// slideInDB is the slide the database holds, 0-based.
func (f questionsFixture) slideInDB(t *testing.T) int {
	t.Helper()
	p, err := f.svc.Position(context.Background(), f.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p.Slide
}

// TestFollowPinKeys: under a pinned question → and ← on follow do not move the slide unseen
// behind it (it went 4/27 → 5/27): they say how to take it down, as on the presenter; a slide
// number still moves it. p or esc takes the question down through the questions service.
func TestFollowPinKeys(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		for _, takeDown := range []tea.KeyPressMsg{{Code: 'p', Text: "p"}, {Code: tea.KeyEscape}} {
			t.Run(fmt.Sprintf("%dx%d %s", size[0], size[1], takeDown), func(t *testing.T) {
				f := newQuestionsFixture(t)
				m := f.model(t, i18n.VI, size[0], size[1])
				m = run(t, press(m, "4"), nil)
				m, cmd := m.step(tea.KeyPressMsg{Code: tea.KeyEnter})
				m = run(t, m, cmd)
				f.pin(t, "Người dân lớn tuổi được hỗ trợ dùng dịch vụ công trực tuyến thế nào?")
				m = f.refresh(t, m)
				view := ansi.Strip(m.View())
				if !strings.Contains(view, "Câu hỏi số 1 · trang 4") || !strings.Contains(view, "p/esc: gỡ câu hỏi") {
					t.Fatalf("follow does not show the pinned question and how to take it down:\n%s", view)
				}
				checkFrame(t, m.View(), size[0], size[1])

				for _, k := range []tea.KeyPressMsg{{Code: tea.KeyRight}, {Code: ' ', Text: " "}, {Code: tea.KeyLeft}} {
					var cmd tea.Cmd
					m, cmd = m.step(k)
					m = run(t, m, cmd)
					if m.Pos().Slide != 3 || f.slideInDB(t) != 3 {
						t.Fatalf("%s under the pin moved the slide to %d (database %d)", k, m.Pos().Slide+1, f.slideInDB(t))
					}
					if !strings.Contains(ansi.Strip(m.View()), "Câu hỏi đang che trang chiếu") {
						t.Fatalf("%s under the pin says nothing:\n%s", k, ansi.Strip(m.View()))
					}
				}

				m = press(m, "6")
				m, cmd = m.step(tea.KeyPressMsg{Code: tea.KeyEnter})
				m = run(t, m, cmd)
				if m.Pos().Slide != 5 || f.slideInDB(t) != 5 {
					t.Fatalf("6 enter under the pin: slide %d (database %d), want 6", m.Pos().Slide+1, f.slideInDB(t))
				}

				m, cmd = m.step(takeDown)
				if cmd == nil {
					t.Fatalf("%s does not take the pin down", takeDown)
				}
				if strings.Contains(ansi.Strip(m.View()), "Câu hỏi số 1 · trang 4") {
					t.Fatalf("after %s the question is still on follow", takeDown)
				}
				m = run(t, m, cmd)
				if id, err := f.qs.Pinned(context.Background(), f.sess.ID); err != nil || id != "" {
					t.Fatalf("after %s the question is still pinned in the database (%q, %v)", takeDown, id, err)
				}
				m = f.refresh(t, m)
				if view := ansi.Strip(m.View()); strings.Contains(view, "Câu hỏi số 1 · trang 4") || !strings.Contains(view, "Ghi chú") {
					t.Fatalf("the notes are not back after the unpin:\n%s", view)
				}
				m, cmd = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
				if run(t, m, cmd); f.slideInDB(t) != 6 {
					t.Fatalf("→ after the unpin: database at %d, want 7", f.slideInDB(t))
				}
			})
		}
	}
}

// TestFollowPinLong: a long pinned question is read in parts with → and ←, the slide stays;
// the last part offers no more (it said "→ xem tiếp" on "phần 4/4").
func TestFollowPinLong(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f := newQuestionsFixture(t)
			f.pin(t, strings.Repeat("Chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo ở phường được triển khai thế nào? ", 60))
			m := f.refresh(t, f.model(t, i18n.VI, size[0], size[1]))
			pages := m.pinPages()
			if pages < 2 {
				t.Fatalf("want a question of several parts, got %d", pages)
			}
			first := ansi.Strip(m.View())
			if !strings.Contains(first, fmt.Sprintf("phần 1/%d · → xem tiếp", pages)) {
				t.Fatalf("the first part does not say there is more:\n%s", first)
			}
			for i := 1; i < pages; i++ {
				m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
			}
			last := ansi.Strip(m.View())
			if !strings.Contains(last, fmt.Sprintf("phần %d/%d", pages, pages)) || strings.Contains(last, "→ xem tiếp") || !strings.Contains(last, "← xem lại") {
				t.Fatalf("the last part offers more, or is not the last:\n%s", last)
			}
			if m.Pos().Slide != 0 || f.slideInDB(t) != 0 {
				t.Fatalf("reading the question moved the slide to %d", m.Pos().Slide+1)
			}
			checkFrame(t, m.View(), size[0], size[1])
			m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
			if !strings.Contains(ansi.Strip(m.View()), "Câu hỏi đang che trang chiếu") || m.Pos().Slide != 0 {
				t.Fatalf("→ past the last part:\n%s", ansi.Strip(m.View()))
			}
			for i := 1; i < pages; i++ {
				m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyLeft})
			}
			if got := ansi.Strip(m.View()); got != first {
				t.Fatalf("← back to the first part:\n%s", got)
			}
		})
	}
}

// TestFollowQuitAsks: q on follow asks, as on the presenter (it left at once): esc goes back,
// m leaves with the session open, k ends it.
func TestFollowQuitAsks(t *testing.T) {
	f := newQuestionsFixture(t)
	m := f.model(t, i18n.VI, 80, 24)
	m, cmd := m.step(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd != nil {
		t.Fatalf("q left at once (%v)", cmd())
	}
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "Kết thúc phiên?") || !strings.Contains(view, "k  kết thúc phiên") {
		t.Fatalf("q does not ask:\n%s", view)
	}
	checkFrame(t, m.View(), 80, 24)
	if m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyEscape}); strings.Contains(ansi.Strip(m.View()), "Kết thúc phiên?") {
		t.Fatal("esc does not go back")
	}
	m, _ = m.step(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if _, cmd := m.step(tea.KeyPressMsg{Code: 'm', Text: "m"}); cmd == nil {
		t.Fatal("q m does not leave")
	} else if d, ok := cmd().(DoneMsg); !ok || d.Ended {
		t.Fatalf("q m gave %v, want leaving with the session open", cmd())
	}
	m, cmd = m.step(tea.KeyPressMsg{Code: 'k', Text: "k"})
	if cmd == nil {
		t.Fatal("q k does nothing")
	}
	_, cmd = m.step(cmd())
	if d, ok := cmd().(DoneMsg); !ok || !d.Ended {
		t.Fatalf("q k gave %v, want the session ended", cmd())
	}
	if s, err := f.svc.Get(context.Background(), f.sess.ID); err != nil || s.EndedAt == nil {
		t.Fatalf("q k did not end the session (%v)", err)
	}
}

// TestFollowClockBarFits: at 80 columns the clock bar is whole to the wall clock with the
// black screen and the over-time warning on (it was cut at "19:…"); what gives way at 80
// columns is the pace, then the time on the slide, then the elapsed time.
func TestFollowClockBarFits(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f := newQuestionsFixture(t)
			m := f.model(t, i18n.VI, size[0], size[1]).WithClock(func() time.Time { return fixed.Add(72*time.Minute + 5*time.Second) })
			if err := f.svc.SetBlack(context.Background(), f.sess.ID, true); err != nil {
				t.Fatal(err)
			}
			m = f.refresh(t, m)
			top := ansi.Strip(strings.Split(m.View(), "\n")[0])
			wants := []string{"1/27", "■ MÀN HÌNH ĐANG TẮT (b: bật lại)", "quá giờ 27 phút", "09:42"}
			if size[0] == 160 {
				wants = append(wants, "đã nói 1:12:05", "trang này", "chậm")
			}
			for _, want := range wants {
				if !strings.Contains(top, want) {
					t.Errorf("clock bar %q lacks %q", top, want)
				}
			}
			if strings.Contains(top, "…") {
				t.Errorf("clock bar cut: %q", top)
			}
			checkFrame(t, m.View(), size[0], size[1])
			golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
		})
	}
}
