package follow

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"briefing/decks"
	"briefing/internal/attendance"
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

func TestPace(t *testing.T) {
	tests := []struct {
		dur, slides, slide int
		elapsed, want      time.Duration
	}{
		{45, 27, 0, 0, 0},                                // at the start, on time
		{30, 15, 5, 10 * time.Minute, 0},                 // a third through, a third of the time
		{30, 15, 5, 14 * time.Minute, 4 * time.Minute},   // behind
		{30, 15, 10, 15 * time.Minute, -5 * time.Minute}, // ahead
		{0, 15, 5, 10 * time.Minute, 0},                  // no plan, no pace
	}
	for _, tt := range tests {
		if got := Pace(tt.dur, tt.slides, tt.slide, tt.elapsed); got != tt.want {
			t.Errorf("Pace(%d min, %d slides, slide %d, %v) = %v, want %v", tt.dur, tt.slides, tt.slide, tt.elapsed, got, tt.want)
		}
	}
}

var fixed = time.Date(2025, 3, 26, 8, 30, 0, 0, time.UTC)

// questionsFixture is a real device database with an open session of the full deck, one
// person checked in and the questions service the desk writes through.
type questionsFixture struct {
	svc  *session.Service
	att  *attendance.Service
	qs   *questions.Service
	sess session.Session
	deck *deck.Deck
	now  *time.Time // the services' clock: fixed unless a test moves it
}

func newQuestionsFixture(t *testing.T) questionsFixture {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := fixed
	clock := func() time.Time { return now }
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
	att := attendance.New(st, clock)
	if _, err := att.RegisterWalkIn(context.Background(), s.ID, attendance.NewPerson{Name: "Đặng Thị Bình", Unit: "Phường 7", Group: "Nhân dân"}); err != nil {
		t.Fatal(err)
	}
	return questionsFixture{svc: svc, att: att, qs: questions.New(st, clock), sess: s, deck: d, now: &now}
}

// model is the follow screen with both counter lines, its reads done as the Cmds would.
func (f questionsFixture) model(t *testing.T, lang i18n.Lang, w, h int) Model {
	t.Helper()
	m := New(common.Common{Lang: lang, Styles: theme.New(theme.Dark, true)}, f.svc, f.sess, f.deck).
		WithAttendance(f.att).WithQuestions(f.qs).WithClock(func() time.Time { return fixed.Add(75 * time.Second) })
	m, _ = m.step(tea.WindowSizeMsg{Width: w, Height: h})
	return f.refresh(t, m.rendered())
}

// refresh runs the once-a-second reads and one position poll.
func (f questionsFixture) refresh(t *testing.T, m Model) Model {
	t.Helper()
	m, _ = m.step(m.countsCmd()())
	m, _ = m.step(m.questionsCmd()())
	m, _ = m.step(m.onSlideCmd()())
	p, err := f.svc.Position(context.Background(), f.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	m, _ = m.step(slides.PolledMsg{ID: f.sess.ID, Pos: p})
	return m
}

// ask records the questions of the golden tests: one answered, one pinned, the latest long.
func (f questionsFixture) ask(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	var ids []string
	for _, d := range []questions.Draft{
		{Slide: 1, Text: "Nghị quyết 57 có áp dụng cho hợp tác xã không?"},
		{Slide: 3, Text: "Người dân lớn tuổi được hỗ trợ dùng dịch vụ công trực tuyến thế nào?", AskerName: "Nguyễn Thị Hồng", AskerUnit: "Phường 7"},
		{Slide: 2, Text: "Chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo ở phường được triển khai thế nào,\nvà ai là đầu mối tiếp nhận hồ sơ của doanh nghiệp nhỏ và vừa trên địa bàn quận Tân Bình?"},
	} {
		q, err := f.qs.Add(ctx, f.sess.ID, d)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, q.ID)
	}
	if _, err := f.qs.Answer(ctx, ids[0], "Có, hợp tác xã là một loại hình doanh nghiệp.", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.qs.Pin(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
}

// checkFrame: the frame fills the terminal exactly, no line wider than it.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%dx%d: frame is %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: line %d is %d wide: %q", w, h, i+1, lw, ansi.Strip(l))
		}
	}
}

// TestFollowQuestionsGolden: the questions line under the attendance line, with the pinned
// question marked and the latest cut to the width, narrow and wide.
func TestFollowQuestionsGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f := newQuestionsFixture(t)
			f.ask(t)
			view := f.model(t, i18n.VI, size[0], size[1]).View()
			line := ansi.Strip(strings.Split(view, "\n")[2])
			for _, want := range []string{"Câu hỏi: 2 chưa trả lời / 3", "◆ Đang ghim #2", "Mới nhất #3 (trang 3): Chính"} {
				if !strings.Contains(line, want) {
					t.Errorf("questions line %q lacks %q", line, want)
				}
			}
			if !strings.HasSuffix(line, "…") {
				t.Errorf("the latest question should be cut to the width: %q", line)
			}
			checkFrame(t, view, size[0], size[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

// TestFollowQuestionsLive: the line follows the desk: none, then a question, then its pin,
// then the unpin.
func TestFollowQuestionsLive(t *testing.T) {
	f := newQuestionsFixture(t)
	m := f.model(t, i18n.VI, 80, 24)
	line := func() string { return ansi.Strip(strings.Split(m.View(), "\n")[2]) }
	if got := line(); strings.TrimSpace(got) != "Câu hỏi: chưa có" {
		t.Fatalf("no questions yet: %q", got)
	}
	q, err := f.qs.Add(context.Background(), f.sess.ID, questions.Draft{Slide: questions.FromScreen, Text: "Câu\thỏi\x1b[2J ngắn"})
	if err != nil {
		t.Fatal(err)
	}
	m = f.refresh(t, m)
	if got := line(); strings.TrimSpace(got) != "Câu hỏi: 1 chưa trả lời / 1 · Mới nhất #1 (trang 1): Câu hỏi[2J ngắn" {
		t.Fatalf("one question: %q", got)
	}
	f.qs.Pin(context.Background(), q.ID)
	m = f.refresh(t, m)
	if got := line(); !strings.Contains(got, "· ◆ Đang ghim #1 ·") {
		t.Fatalf("pinned: %q", got)
	}
	f.qs.Unpin(context.Background(), f.sess.ID)
	m = f.refresh(t, m)
	if got := line(); strings.Contains(got, "◆") {
		t.Fatalf("unpinned: %q", got)
	}
	checkFrame(t, m.View(), 80, 24)
}

// TestFollowQuestionsEnglish: --lang en.
func TestFollowQuestionsEnglish(t *testing.T) {
	f := newQuestionsFixture(t)
	f.ask(t)
	line := ansi.Strip(strings.Split(f.model(t, i18n.EN, 160, 45).View(), "\n")[2])
	for _, want := range []string{"Questions: 2 open / 3", "◆ Pinned #2", "Latest #3 (slide 3): Chính sách"} {
		if !strings.Contains(line, want) {
			t.Errorf("English questions line %q lacks %q", line, want)
		}
	}
}

// TestFollowQuestionsAnySize: the layout holds at any size with both counter lines.
func TestFollowQuestionsAnySize(t *testing.T) {
	f := newQuestionsFixture(t)
	f.ask(t)
	m := f.model(t, i18n.VI, 80, 24)
	for _, sz := range [][2]int{{40, 12}, {300, 100}, {109, 30}, {110, 30}, {80, 24}, {160, 45}} {
		m, _ = m.step(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFrame(t, m.View(), sz[0], sz[1])
	}
}
