package present

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"briefing/decks"
	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui/common"
	"briefing/internal/tui/slides"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

var fixed = time.Date(2025, 3, 26, 8, 30, 0, 0, time.UTC)

// pinFixture is a real device database with an open session of the full deck, and the
// questions service the desk would use on it.
type pinFixture struct {
	svc  *session.Service
	qs   *questions.Service
	sess session.Session
	deck *deck.Deck
}

func newPinFixture(t *testing.T) pinFixture {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := func() time.Time { return fixed }
	svc := session.New(st, clock)
	e, err := deck.Find(deck.Library(decks.FS, ""), "nq57-toan-van")
	if err != nil {
		t.Fatal(err)
	}
	d := e.Deck
	ref := session.DeckRef{ID: d.Meta.ID, Version: d.Version, Title: d.Meta.Title, Slides: len(d.Slides), DurationMin: d.Meta.Duration}
	s, err := svc.Start(context.Background(), ref, session.Info{Title: "Hội nghị thử", Unit: "Phường 4", Rapporteur: "Trần Văn Báo"})
	if err != nil {
		t.Fatal(err)
	}
	return pinFixture{svc: svc, qs: questions.New(st, clock), sess: s, deck: d}
}

func (f pinFixture) model(lang i18n.Lang, w, h int) Model {
	m := New(common.Common{Lang: lang, Styles: theme.New(theme.Dark, true)}, f.svc, f.sess, f.deck).WithClock(func() time.Time { return fixed.Add(75 * time.Second) })
	m, _ = m.step(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// poll hands the model one read of the position, as the poll Cmd would.
func (f pinFixture) poll(t *testing.T, m Model) Model {
	t.Helper()
	p, err := f.svc.Position(context.Background(), f.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	m, _ = m.step(slides.PolledMsg{ID: f.sess.ID, Pos: p})
	return m
}

// pin records a question and pins it.
func (f pinFixture) pin(t *testing.T, d questions.Draft) questions.Question {
	t.Helper()
	q, err := f.qs.Add(context.Background(), f.sess.ID, d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.qs.Pin(context.Background(), q.ID); err != nil {
		t.Fatal(err)
	}
	return q
}

var sizes = [][2]int{{80, 24}, {160, 45}}

const elderlyQuestion = "Xin hỏi: phường có kế hoạch gì để người dân lớn tuổi cũng dùng được các dịch vụ công trực tuyến? " +
	"Nhiều cụ ở khu phố 3 chưa có điện thoại thông minh, và con cháu đi làm cả ngày."

// longQuestion is exactly MaxTextRunes characters of Vietnamese, far more than any screen holds.
func longQuestion() string {
	s := strings.Repeat("Chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo ở phường được triển khai thế nào, và ai là đầu mối? ", 120)
	return string([]rune(s)[:questions.MaxTextRunes])
}

// textLines are the lines of a frame between the box's side borders, trimmed.
func textLines(view string) []string {
	var out []string
	for _, line := range strings.Split(ansi.Strip(view), "\n") {
		if i, j := strings.Index(line, "│"), strings.LastIndex(line, "│"); i >= 0 && j > i {
			if s := strings.TrimSpace(line[i+len("│") : j]); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// TestPinGolden: a named press question pinned over slide 1, at a small terminal and a
// projector-sized one.
func TestPinGolden(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f := newPinFixture(t)
			f.pin(t, questions.Draft{Slide: 4, Text: elderlyQuestion, AskerName: "Nguyễn Thị Hồng", AskerUnit: "Khu phố 3, Phường 7", Press: true})
			m := f.poll(t, f.model(i18n.VI, size[0], size[1]))
			view := m.View()
			for _, want := range []string{"Câu hỏi số 1 · trang 5", "Nguyễn Thị Hồng, Khu phố 3, Phường 7 · Báo chí", "con cháu đi làm cả ngày.", "1/27"} {
				if !strings.Contains(ansi.Strip(view), want) {
					t.Errorf("the pinned view lacks %q", want)
				}
			}
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

// TestPinLongGolden: a 10,000-character question is read in parts (→ and ←), none cut: the
// first part says how many there are, → shows the next, the slide stays where it was.
func TestPinLongGolden(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f := newPinFixture(t)
			f.pin(t, questions.Draft{Slide: questions.FromScreen, Text: "Mở đầu. " + longQuestion()[len("Mở đầu. "):]})
			m := f.poll(t, f.model(i18n.VI, size[0], size[1]))
			view := m.View()
			lines := textLines(view)
			if len(lines) < 5 || lines[1] != "Ẩn danh" || !strings.HasPrefix(lines[2], "Mở đầu.") || !strings.HasPrefix(lines[len(lines)-1], "phần 1/") {
				t.Fatalf("want title, Ẩn danh, the text from its start and part 1 of N; got:\n%s", ansi.Strip(view))
			}
			if strings.HasSuffix(lines[len(lines)-2], "…") {
				t.Errorf("the first part is cut with …:\n%s", ansi.Strip(view))
			}
			if h := strings.Count(view, "\n") + 1; h != size[1] {
				t.Errorf("frame is %d lines, want %d", h, size[1])
			}
			golden.RequireEqual(t, []byte(ansi.Strip(view)))

			next, _ := m.step(tea.KeyPressMsg{Code: tea.KeyRight})
			lines2 := textLines(next.View())
			if next.Pos() != m.Pos() || !strings.HasPrefix(lines2[len(lines2)-1], "phần 2/") || lines2[2] == lines[2] {
				t.Fatalf("→ on a long pin: slide %d, want the next part of the question:\n%s", next.Pos().Slide+1, ansi.Strip(next.View()))
			}
			back, _ := next.step(tea.KeyPressMsg{Code: tea.KeyLeft})
			if ansi.Strip(back.View()) != ansi.Strip(view) {
				t.Errorf("← does not go back to the first part:\n%s", ansi.Strip(back.View()))
			}
		})
	}
}

// TestPinKeys: under a pinned question → does not move the slide unseen: it says how to take
// the question down. p (or esc) takes it down from the presenter itself, as its help says,
// and the slide comes back; the desk unpinning does the same through the poll.
func TestPinKeys(t *testing.T) {
	for _, takeDown := range []tea.KeyPressMsg{{Code: 'p', Text: "p"}, {Code: tea.KeyEscape}} {
		f := newPinFixture(t)
		m := f.poll(t, f.model(i18n.VI, 80, 24)).WithQuestions(f.qs)
		m = m.rendered()
		slide1 := ansi.Strip(m.View())

		f.pin(t, questions.Draft{Slide: questions.FromScreen, Text: "Nghị quyết 57 có áp dụng cho hợp tác xã không?"})
		m = f.poll(t, m)
		view := ansi.Strip(m.View())
		if !strings.Contains(view, "Câu hỏi số 1 · trang 1") || !strings.Contains(view, "p/esc: gỡ câu hỏi") {
			t.Fatalf("no pin, or no word of how to take it down:\n%s", view)
		}
		if !strings.Contains(statusOf(view), "p/esc: gỡ câu hỏi") {
			t.Errorf("the status line does not say how to take the pin down:\n%s", view)
		}

		m, cmd := m.step(tea.KeyPressMsg{Code: tea.KeyRight})
		view = ansi.Strip(m.View())
		if m.Pos().Slide != 0 || cmd != nil {
			t.Fatalf("right under the pin moved the slide unseen to %d", m.Pos().Slide+1)
		}
		if !strings.Contains(statusOf(view), "Câu hỏi đang che trang chiếu") {
			t.Fatalf("right under the pin says nothing:\n%s", view)
		}

		m, cmd = m.step(takeDown)
		if cmd == nil {
			t.Fatalf("%s does not take the pin down", takeDown)
		}
		if view := ansi.Strip(m.View()); view != slide1 {
			t.Fatalf("after %s the slide should be back at once:\n%s", takeDown, view)
		}
		m, _ = m.step(cmd())
		if id, err := f.qs.Pinned(context.Background(), f.sess.ID); err != nil || id != "" {
			t.Fatalf("after %s the question is still pinned in the database (%q, %v)", takeDown, id, err)
		}
		m = f.poll(t, m)
		if view := ansi.Strip(m.View()); view != slide1 {
			t.Fatalf("the pin came back with the poll:\n%s", view)
		}
		if m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight}); m.Pos().Slide != 1 {
			t.Fatalf("right after the pin is down: slide %d, want 2", m.Pos().Slide+1)
		}
	}
}

// TestPinGone: when the desk unpins, the next poll brings back the slide on screen.
func TestPinGone(t *testing.T) {
	f := newPinFixture(t)
	m := f.poll(t, f.model(i18n.VI, 80, 24))
	m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
	m = m.rendered()
	slide2 := ansi.Strip(m.View())

	f.pin(t, questions.Draft{Slide: questions.FromScreen, Text: "Nghị quyết 57 có áp dụng cho hợp tác xã không?"})
	m = f.poll(t, m)
	if !strings.Contains(m.View(), "Câu hỏi số 1 · trang 1") {
		t.Fatalf("no pin after the poll:\n%s", ansi.Strip(m.View()))
	}
	// The write of slide 2 is still under way (its Cmd was not run): the pin must not wait for it.
	if _, err := f.qs.Unpin(context.Background(), f.sess.ID); err != nil {
		t.Fatal(err)
	}
	m = f.poll(t, m)
	view := ansi.Strip(m.View())
	if strings.Contains(view, "Câu hỏi số") || view != slide2 {
		t.Fatalf("after unpin the screen should show slide 2:\n%s", view)
	}
	golden.RequireEqual(t, []byte(view))
}

// TestPinWhileWriting: a pin arrives even when a slide write of ours holds back the position.
func TestPinWhileWriting(t *testing.T) {
	f := newPinFixture(t)
	m := f.model(i18n.VI, 80, 24)
	m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight}) // a write starts and is never finished
	f.pin(t, questions.Draft{Slide: 0, Text: "Câu hỏi trong lúc ghi"})
	m = f.poll(t, m)
	if !strings.Contains(m.View(), "Câu hỏi trong lúc ghi") {
		t.Fatalf("the pin waited for our write:\n%s", ansi.Strip(m.View()))
	}
}

// TestPinEnglish: --lang en titles the pin in English and says Anonymous.
func TestPinEnglish(t *testing.T) {
	f := newPinFixture(t)
	f.pin(t, questions.Draft{Slide: 2, Text: "What does the district fund?", Press: true})
	view := ansi.Strip(f.poll(t, f.model(i18n.EN, 80, 24)).View())
	for _, want := range []string{"Question 1 · slide 3", "Anonymous · Press", "What does the district fund?"} {
		if !strings.Contains(view, want) {
			t.Errorf("English pin lacks %q:\n%s", want, view)
		}
	}
}

// TestPinLayoutAnySize: any text at any size stays inside the screen, and control
// characters typed at the desk never reach the terminal.
func TestPinLayoutAnySize(t *testing.T) {
	f := newPinFixture(t)
	texts := []string{
		"",
		longQuestion(),
		strings.Repeat("a", questions.MaxTextRunes), // one word, no place to break
		strings.Repeat("中文問題😀 ", 500),               // wide characters
		"dòng 1\n\n\ndòng 4\n" + strings.Repeat("\n", 100) + "cuối",
		"xoá màn hình\x1b[2J\x1b]0;title\x07 và\tchuông\a",
	}
	for _, text := range texts {
		for _, size := range [][2]int{{1, 1}, {2, 2}, {12, 5}, {40, 12}, {59, 15}, {80, 24}, {160, 45}, {300, 100}} {
			w, h := size[0], size[1]
			m := f.model(i18n.VI, w, h)
			m = m.setPin(&session.Pinned{ID: "x", Number: 12345, Slide: 99, Text: text,
				AskerName: strings.Repeat("Nguyễn Văn Tên Rất Dài ", 10), AskerUnit: "Phường 15", Press: true})
			box := m.pinBox
			if strings.Contains(box, "\x1b[2J") || strings.Contains(box, "\x1b]0") || strings.Contains(box, "\a") {
				t.Fatalf("%dx%d: a control sequence from the text reached the screen: %q", w, h, box)
			}
			lines := strings.Split(box, "\n")
			if len(lines) > max(h-1, 1) {
				t.Errorf("%dx%d text %.10q: %d lines, more than the %d above the status line", w, h, text, len(lines), max(h-1, 1))
			}
			for _, l := range lines {
				if lw := ansi.StringWidth(l); lw > w {
					t.Errorf("%dx%d text %.10q: a line %d wide", w, h, text, lw)
					break
				}
			}
			if !utf8.ValidString(box) {
				t.Errorf("%dx%d: invalid UTF-8", w, h)
			}
			_ = m.View()
		}
	}
}

// TestWrapCut: what fits is kept whole; what does not ends with "…" on the last line.
func TestWrapCut(t *testing.T) {
	tests := []struct {
		text          string
		width, height int
		want          []string
	}{
		{"một hai ba", 20, 3, []string{"một hai ba"}},
		{"một hai ba bốn năm sáu", 8, 3, []string{"một hai", "ba bốn", "năm sáu"}},
		{"một hai ba bốn năm sáu bảy", 8, 3, []string{"một hai", "ba bốn", "năm sáu…"}},
		{"một hai ba bốn năm sáu bảy", 7, 2, []string{"một hai", "ba bốn…"}},
		{"a\nb\nc", 5, 2, []string{"a", "b…"}},
		{"", 5, 2, []string{""}},
	}
	for _, tt := range tests {
		got := slides.WrapCut(tt.text, tt.width, tt.height)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapCut(%q, %d, %d) = %q, want %q", tt.text, tt.width, tt.height, got, tt.want)
		}
	}
}

func statusOf(view string) string {
	lines := strings.Split(view, "\n")
	return lines[len(lines)-1]
}

// TestPinLastPart: the last part of a long pinned question offers no more (it said
// "→ xem tiếp" on "phần 4/4"); ← still goes back.
func TestPinLastPart(t *testing.T) {
	f := newPinFixture(t)
	f.pin(t, questions.Draft{Slide: questions.FromScreen, Text: strings.Repeat("Chính sách hỗ trợ doanh nghiệp khởi nghiệp ở phường thế nào? ", 40)})
	m := f.poll(t, f.model(i18n.VI, 80, 24))
	for i := 1; i < m.pinPages; i++ {
		m, _ = m.step(tea.KeyPressMsg{Code: tea.KeyRight})
	}
	view := ansi.Strip(m.View())
	if m.pinPages < 2 || !strings.Contains(view, fmt.Sprintf("phần %d/%d · ← xem lại", m.pinPages, m.pinPages)) || strings.Contains(view, "→ xem tiếp") {
		t.Fatalf("the last part (of %d) offers more:\n%s", m.pinPages, view)
	}
}
