package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/questions"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// deskFixture is the fixture with a small roster, two of them checked in.
func deskFixture(t *testing.T) (fixture, Options) {
	t.Helper()
	f := newFixture(t)
	ctx := context.Background()
	for i, n := range []attendance.NewPerson{
		{Name: "Nguyễn Văn An", Unit: "Phường 7", Group: "công chức", Phone: "0912345678"},
		{Name: "Đặng Thị Bình", Unit: "Phường 7", Group: "Nhân dân"},
		{Name: "Trần Minh Châu", Unit: "Phường 3", Group: "cán bộ"},
		{Name: "Nguyễn Văn Anh", Unit: "Trường THCS Ngô Sĩ Liên", Group: "viên chức"},
	} {
		c, err := f.att.RegisterWalkIn(ctx, f.sess.ID, n)
		if err != nil {
			t.Fatal(err)
		}
		if i >= 2 { // on the roster, not yet here
			if _, err := f.att.Undo(ctx, f.sess.ID, c.Person.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	opts := f.opts
	opts.Attendance, opts.Questions = f.att, f.qs
	return f, opts
}

// onRoster registers n as a person who is on the roster and not yet here
// (a walk-in, taken back).
func onRoster(t *testing.T, f fixture, n attendance.NewPerson) attendance.Person {
	t.Helper()
	ctx := context.Background()
	c, err := f.att.RegisterWalkIn(ctx, f.sess.ID, n)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.att.Undo(ctx, f.sess.ID, c.Person.ID); err != nil {
		t.Fatal(err)
	}
	return c.Person
}

// startDesk runs the desk on f's session at 80x24.
func startDesk(t *testing.T, f fixture) (probe, *teatest.TestModel) {
	t.Helper()
	opts := f.opts
	opts.Attendance, opts.Questions = f.att, f.qs
	p := newProbe(NewDesk(opts, f.sess))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	return p, tm
}

// TestDeskGolden: type a name without diacritics, check the best match in,
// and compare the final frame, at 80x24 and on a projector-sized terminal.
func TestDeskGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f, opts := deskFixture(t)
			p := newProbe(NewDesk(opts, f.sess))
			tm := teatest.NewTestModel(t, p,
				teatest.WithInitialTermSize(size[0], size[1]),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			waitScreen(t, p, "Vừa điểm danh")
			press(tm, "tran minh")
			waitScreen(t, p, "Trần Minh Châu")
			press(tm, "enter")
			waitScreen(t, p, "✓ Đã điểm danh: Trần Minh Châu")
			press(tm, "nguyen van")
			waitScreen(t, p, "Nguyễn Văn Anh")
			tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
			app := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(probe).App
			view := app.View().Content
			if !strings.Contains(view, "Có mặt: 3") {
				t.Errorf("the counter did not update:\n%s", view)
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// TestDeskEmptySession: before anyone is checked in, the list says so
// instead of counting zero recent check-ins.
func TestDeskEmptySession(t *testing.T) {
	f := newFixture(t)
	p, tm := startDesk(t, f)
	waitScreen(t, p, "Chưa ai điểm danh — gõ để tìm")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	view := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(probe).App.View().Content
	if strings.Contains(view, "(0 gần nhất)") {
		t.Errorf("an empty session counts zero recent check-ins:\n%s", view)
	}
}

// TestDeskTypedDiacriticsRankFirst: the search ignores diacritics, but a
// clerk who types "Lê Văn Tám" in full gets Tám highlighted, not Tâm who came
// first on the roster, and Enter checks Tám in.
func TestDeskTypedDiacriticsRankFirst(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{"Lê Văn Tâm", "Lê Văn Tám"} {
		onRoster(t, f, attendance.NewPerson{Name: name, Unit: "Phường 7"})
	}
	p, tm := startDesk(t, f)
	waitScreen(t, p, "Chưa ai điểm danh")
	press(tm, "le van tam")
	waitScreen(t, p, "› Lê Văn Tâm")
	for range "le van tam" {
		tm.Send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	waitScreen(t, p, "Chưa ai điểm danh")
	press(tm, "Lê Văn Tá")
	waitScreen(t, p, "› Lê Văn Tám")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	press(tm, "à")
	waitScreen(t, p, `Không ai viết đúng "Lê Văn Tà" — 2 người gần giống`)
	tm.Send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	press(tm, "ám")
	waitScreen(t, p, "› Lê Văn Tám")
	press(tm, "enter")
	waitScreen(t, p, "✓ Đã điểm danh: Lê Văn Tám")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}

// TestDeskCardOfARosterPersonWithoutOne: the roster had no citizen ID for
// Đặng Thị Bình. Her card, scanned, is found by no number; the desk offers
// the people of that name with no card, Enter checks her in and keeps the
// card, and the next scan finds her by it. Nobody is registered twice.
func TestDeskCardOfARosterPersonWithoutOne(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	binh := onRoster(t, f, attendance.NewPerson{Name: "Đặng Thị Bình", Unit: "Phường 7"})
	p, tm := startDesk(t, f)
	waitScreen(t, p, "Chưa ai điểm danh")
	const card = "079199004321||Đặng Thị Bình|01011980|Nữ|Phường 7, Tân Bình|01012021"
	press(tm, card, "enter")
	waitScreen(t, p, "Thẻ CCCD …4321 chưa có ai; người tên Đặng Thị Bình chưa có thẻ:")
	waitScreen(t, p, "› Đặng Thị Bình")
	waitScreen(t, p, "enter đúng người này")
	press(tm, "enter")
	waitScreen(t, p, "✓ Đã điểm danh: Đặng Thị Bình")
	found, err := f.att.ByCitizenID(ctx, "079199004321")
	if err != nil || len(found) != 1 || found[0].ID != binh.ID {
		t.Fatalf("the card was not kept on her: %+v, %v", found, err)
	}
	// She has a card now: another card in her name is someone new.
	press(tm, strings.Replace(card, "079199004321", "079199001111", 1), "enter")
	waitScreen(t, p, "Đăng ký từ thẻ CCCD …1111")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	waitScreen(t, p, "Vừa điểm danh")

	// Esc leaves the choice; ctrl+n registers someone new from the card.
	// (Tám is checked in, without a card; the desk's poll may list him
	// among the recent check-ins first, so wait for the card's heading.)
	if _, err := f.att.RegisterWalkIn(ctx, f.sess.ID, attendance.NewPerson{Name: "Lê Văn Tám", Unit: "Phường 3"}); err != nil {
		t.Fatal(err)
	}
	tam := "079199002222||Lê Văn Tám|01011980|Nam|Phường 3|01012021"
	press(tm, tam, "enter")
	waitScreen(t, p, "người tên Lê Văn Tám chưa có thẻ")
	waitScreen(t, p, "› Lê Văn Tám")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	waitScreen(t, p, "Vừa điểm danh")
	press(tm, tam, "enter")
	waitScreen(t, p, "người tên Lê Văn Tám chưa có thẻ")
	tm.Send(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	waitScreen(t, p, "Đăng ký từ thẻ CCCD …2222")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}

// TestDeskWalkInGolden: the walk-in form, with the duplicate warning.
func TestDeskWalkInGolden(t *testing.T) {
	f, opts := deskFixture(t)
	p := newProbe(NewDesk(opts, f.sess))
	tm := teatest.NewTestModel(t, p,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, p, "Vừa điểm danh")
	press(tm, "Tran Minh Chau")
	waitScreen(t, p, "Trần Minh Châu")
	tm.Send(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	waitScreen(t, p, "Đăng ký tại chỗ")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	press(tm, "Phường 3", "enter")
	waitScreen(t, p, "Đã có Trần Minh Châu")
	// Longer than the cursor's 530 ms blink: the frame must be the same in either half.
	time.Sleep(700 * time.Millisecond)
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	app := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(probe).App
	golden.RequireEqual(t, []byte(app.View().Content))
}

// questionsFixture adds three questions to the desk fixture: one open and
// anonymous, one named and answered, one from the press forwarded to the
// spokesperson.
func questionsFixture(t *testing.T) (fixture, Options) {
	t.Helper()
	f, opts := deskFixture(t)
	ctx := context.Background()
	_, err := f.qs.Add(ctx, f.sess.ID, questions.Draft{Text: "Nghị quyết 57 đặt mục tiêu gì cho chuyển đổi số ở cấp phường?", Slide: 2})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.qs.Add(ctx, f.sess.ID, questions.Draft{Text: "Kinh phí cho đổi mới sáng tạo lấy từ đâu?", Slide: 4, AskerName: "Nguyễn Văn An", AskerUnit: "Phường 7"})
	if _, err := f.qs.Answer(ctx, b.ID, "Từ ngân sách và xã hội hoá; chi tiết sẽ gửi sau.", "Trần Thị Bình"); err != nil {
		t.Fatal(err)
	}
	c, _ := f.qs.Add(ctx, f.sess.ID, questions.Draft{Text: "Phóng viên hỏi: lộ trình dữ liệu dân cư?", Slide: 4, AskerName: "Lê Hoa", AskerUnit: "Báo Tân Bình", Press: true})
	if _, err := f.qs.Forward(ctx, c.ID, questions.ToSpokesperson); err != nil {
		t.Fatal(err)
	}
	return f, opts
}

// TestDeskQuestionsGolden: tab to the Questions tab, filter by a word
// typed without diacritics, open a question; at 80x24 and 120x40.
func TestDeskQuestionsGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f, opts := questionsFixture(t)
			p := newProbe(NewDesk(opts, f.sess))
			tm := teatest.NewTestModel(t, p,
				teatest.WithInitialTermSize(size[0], size[1]),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			waitScreen(t, p, "Vừa điểm danh")
			waitScreen(t, p, "Câu hỏi (1 chưa trả lời)") // the tab label counts open ones
			tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
			waitScreen(t, p, "3 câu hỏi · Chưa trả lời 1 · Đã trả lời 1 · Đã chuyển 1")
			press(tm, "/", "kinh phi")
			waitScreen(t, p, "đang hiện 1")
			press(tm, "enter", "enter")
			waitScreen(t, p, "Trả lời (Trần Thị Bình")
			tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
			app := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(probe).App
			golden.RequireEqual(t, []byte(app.View().Content))
		})
	}
}

// TestDeskQuestionFormGolden: record a question typed with decomposed
// diacritics (as some input methods send them), asked by someone checked
// in, on the slide the presenter shows; the frame of the filled form is the
// golden file, and the saved question is checked in the database.
func TestDeskQuestionFormGolden(t *testing.T) {
	f, opts := questionsFixture(t)
	if err := f.svc.GoTo(context.Background(), f.sess.ID, 6, 0); err != nil {
		t.Fatal(err)
	}
	p := newProbe(NewDesk(opts, f.sess))
	tm := teatest.NewTestModel(t, p,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, p, "Vừa điểm danh")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	waitScreen(t, p, "Đang chiếu: trang 7")
	press(tm, "n")
	waitScreen(t, p, "Ghi câu hỏi mới")
	tm.Send(tea.PasteMsg{Content: "Xin cho bie\u0302\u0301t ve\u0302\u0300 chi\u0309 tiêu\nđổi mới sáng tạo của phường?"})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyRight})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	press(tm, "dang")
	waitScreen(t, p, "› Đặng Thị Bình · Phường 7")
	press(tm, "enter")
	waitScreen(t, p, "✓ Đặng Thị Bình · Phường 7")
	golden.RequireEqual(t, []byte(*p.last.Load()))

	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitScreen(t, p, "✓ Đã ghi câu hỏi số 4 (trang 7)")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second))
	q, err := f.qs.Find(context.Background(), f.sess.ID, "4")
	if err != nil {
		t.Fatal(err)
	}
	if q.Text != "Xin cho biết về chỉ tiêu\nđổi mới sáng tạo của phường?" || q.Slide != 6 || q.AskerName != "Đặng Thị Bình" || q.AskerPersonID == "" {
		t.Errorf("saved %+v", q)
	}
}

// TestDeskQuestionFormRefusesEmptyAndKeepsTyping: saving an empty question
// says what to do and leaves the form open; esc with text typed asks first.
func TestDeskQuestionFormRefusesEmptyAndKeepsTyping(t *testing.T) {
	f, opts := questionsFixture(t)
	p := newProbe(NewDesk(opts, f.sess))
	tm := teatest.NewTestModel(t, p,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, p, "Vừa điểm danh")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	waitScreen(t, p, "3 câu hỏi")
	press(tm, "n")
	waitScreen(t, p, "Ghi câu hỏi mới")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitScreen(t, p, "Nội dung câu hỏi đang trống")

	// A paste over the limit stays whole in the box and is refused with
	// its length; esc twice discards it.
	tm.Send(tea.PasteMsg{Content: strings.Repeat("ệ", questions.MaxTextRunes+1)})
	waitScreen(t, p, "10001/10000 ký tự — quá dài")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitScreen(t, p, "Câu hỏi dài 10.001 ký tự, vượt giới hạn 10.000")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	waitScreen(t, p, "Esc lần nữa để bỏ")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	waitScreen(t, p, "n ghi câu hỏi")

	// Exactly the limit is saved whole.
	press(tm, "n")
	waitScreen(t, p, "Ghi câu hỏi mới")
	tm.Send(tea.PasteMsg{Content: strings.Repeat("ệ", questions.MaxTextRunes)})
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitScreen(t, p, "✓ Đã ghi câu hỏi số 4")

	press(tm, "n")
	waitScreen(t, p, "Ghi câu hỏi mới")
	press(tm, "Câu hỏi dở")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	waitScreen(t, p, "Esc lần nữa để bỏ")
	press(tm, " dang")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitScreen(t, p, "✓ Đã ghi câu hỏi số 5")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second))
	long, err := f.qs.Find(context.Background(), f.sess.ID, "4")
	if err != nil || len([]rune(long.Text)) != questions.MaxTextRunes {
		t.Errorf("the 10,000-character question: %d characters, %v", len([]rune(long.Text)), err)
	}
	q, err := f.qs.Find(context.Background(), f.sess.ID, "5")
	if err != nil || q.Text != "Câu hỏi dở dang" || !q.Anonymous() {
		t.Errorf("saved %+v, %v", q, err)
	}
}
