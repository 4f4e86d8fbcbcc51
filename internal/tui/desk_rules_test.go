package tui

import (
	"context"
	"testing"
	"time"

	"briefing/internal/questions"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// startQuestionsTab runs the desk at 80x24 and switches to the Questions tab.
func startQuestionsTab(t *testing.T, f fixture, opts Options, want string) (probe, *teatest.TestModel) {
	t.Helper()
	p := newProbe(NewDesk(opts, f.sess))
	tm := teatest.NewTestModel(t, p,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, p, "Vừa điểm danh")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	waitScreen(t, p, want)
	return p, tm
}

// TestDeskPinOnEndedSessionIsRefused: the CLI refused to pin on an ended
// session and the desk pinned; now the service refuses and the desk shows
// the service's words, with nothing pinned.
func TestDeskPinOnEndedSessionIsRefused(t *testing.T) {
	f, opts := questionsFixture(t)
	ctx := context.Background()
	if err := f.svc.End(ctx, f.sess.ID); err != nil {
		t.Fatal(err)
	}
	p, tm := startQuestionsTab(t, f, opts, "3 câu hỏi")
	press(tm, "p")
	waitScreen(t, p, "không còn màn hình khán giả để ghim câu hỏi")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second))
	if pinned, _ := f.qs.Pinned(ctx, f.sess.ID); pinned != "" {
		t.Errorf("pinned %q on an ended session", pinned)
	}
}

// TestDeskForwardDefaultIsTheServicesRule: f then enter forwards a press
// question to the spokesperson, the service's default, as the CLI's
// "question forward" without --to does.
func TestDeskForwardDefaultIsTheServicesRule(t *testing.T) {
	f, opts := deskFixture(t)
	ctx := context.Background()
	q, err := f.qs.Add(ctx, f.sess.ID, questions.Draft{Text: "Phóng viên hỏi về dữ liệu dân cư?", Slide: 0, AskerName: "Lê Hoa", Press: true})
	if err != nil {
		t.Fatal(err)
	}
	p, tm := startQuestionsTab(t, f, opts, "1 câu hỏi")
	press(tm, "f")
	waitScreen(t, p, "[s] Người phát ngôn (câu hỏi báo chí)")
	press(tm, "enter")
	waitScreen(t, p, "Đã chuyển câu hỏi số 1")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second))
	if got, _ := f.qs.Get(ctx, q.ID); got.ForwardedTo != questions.ToSpokesperson {
		t.Errorf("forwarded to %q, want the spokesperson", got.ForwardedTo)
	}
}
