package main

// End-to-end test of the Questions tab with the presenter: a question
// recorded at the desk takes the presenter's slide, and pinning it shows it
// on the audience screen.

import (
	"strings"
	"testing"
)

// TestE2EQuestionPinnedFromDeskShowsOnPresenter runs the presenter and the
// desk on one database, as on the ward's laptop.
func TestE2EQuestionPinnedFromDeskShowsOnPresenter(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	tm.importRoster(deskRosterCSV)
	tm.startSession("nq57-toan-van")
	present := tm.start("present", 100, 30, "present")
	desk := tm.start("desk", 80, 24, "desk")
	waitFor(t, desk, "— gõ để tìm", waitTimeout)

	// The presenter moves on to slide 3 before the question is asked.
	present.typeText("3")
	present.send("Enter")
	tm.waitSession("slide 3", func(s sessionInfo) bool { return s.Slide == 3 })

	desk.typeText("dang")
	waitFor(t, desk, "Đặng Thị Bình", waitTimeout)
	desk.send("Enter")
	waitFor(t, desk, "✓ Đã điểm danh: Đặng Thị Bình", waitTimeout)
	desk.send("Tab")
	waitFor(t, desk, "Đang chiếu: trang 3", waitTimeout)
	desk.send("n")
	waitFor(t, desk, "Ghi câu hỏi mới", waitTimeout)
	desk.typeText("Xin nhắc lại mục tiêu kinh tế số năm 2030?")
	desk.send("Tab")
	desk.send("Right") // asked by someone checked in
	desk.send("Tab")
	desk.typeText("binh")
	waitFor(t, desk, "› Đặng Thị Bình", waitTimeout)
	desk.send("Enter")
	waitFor(t, desk, "✓ Đặng Thị Bình · Phường 7", waitTimeout)
	desk.send("C-s")
	waitFor(t, desk, "✓ Đã ghi câu hỏi số 1 (trang 3)", waitTimeout)

	// Pin: the audience screen shows it.
	desk.send("p")
	s := waitFor(t, present, "Xin nhắc lại mục tiêu kinh tế số năm 2030?", waitTimeout)
	if !strings.Contains(s, "Đặng Thị Bình") {
		t.Errorf("the pinned question does not name its asker:\n%s", frame(s))
	}
	waitFor(t, desk, "◆ Câu hỏi số 1 đang hiện trên màn hình khán giả", waitTimeout)

	// Moving the slide keeps the pin; unpinning brings the slide back.
	present.typeText("5")
	present.send("Enter")
	tm.waitSession("slide 5", func(s sessionInfo) bool { return s.Slide == 5 })
	waitFor(t, present, "Xin nhắc lại mục tiêu kinh tế số năm 2030?", waitTimeout)
	desk.send("p")
	waitFor(t, desk, "Đã gỡ câu hỏi khỏi màn hình khán giả", waitTimeout)
	present.waitGone("Xin nhắc lại mục tiêu kinh tế số năm 2030?")

	r := runCLI(t, "--data", tm.data, "question", "list", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, "Đặng Thị Bình") || !strings.Contains(r.stdout, `"slide": 3`) {
		t.Fatalf("question list --json: %s", r)
	}
}
